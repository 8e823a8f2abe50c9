"""
``manage.py load_seed_data``: load the institution types, the seed bureaus and the real bureaus of the
corpora (``fixtures/real/``; ``--seeds-only`` leaves those out).

Safe to repeat: a seed bureau that is already in the database is left alone, so
edits staff made in the admin survive another ``make run``. ``--reset`` reloads
every seed bureau from its fixture, overwriting such edits. The published bureaus' profiles
are rendered (their snapshots), so no first visitor waits for it.
"""

import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from bureaus.models import Bureau
from bureaus.pages import snapshots
from bureaus.seed import INSTITUTION_TYPES_FIXTURE, REAL_FIXTURES, SEED_FIXTURES


def bureau_slug_of(fixture_path):
    """The slug of the one bureau a seed fixture describes."""
    try:
        records = json.loads(Path(fixture_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CommandError(f"Cannot read the fixture {fixture_path}: {error}") from None
    slugs = [record["fields"]["slug"] for record in records if record.get("model") == "bureaus.bureau"]
    if len(slugs) != 1:
        raise CommandError(f"The fixture {fixture_path} should describe exactly one bureau, not {len(slugs)}.")
    return slugs[0]


class Command(BaseCommand):
    help = "Load the institution types and seed bureaus; existing seed bureaus are kept unless --reset."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Reload seed bureaus that already exist, overwriting edits made since.",
        )
        parser.add_argument("--types-only", action="store_true", help="Load the institution types only.")
        parser.add_argument("--seeds-only", action="store_true", help="Leave out the real bureaus of fixtures/real/.")

    @transaction.atomic
    def handle(self, *args, reset=False, types_only=False, seeds_only=False, **options):
        call_command("loaddata", str(INSTITUTION_TYPES_FIXTURE), verbosity=0)
        if types_only:
            self.stdout.write("Institution types loaded.")
            return
        slugs = []
        for label, fixtures in (("Seed data", SEED_FIXTURES), ("Real bureaus", [] if seeds_only else REAL_FIXTURES)):
            if fixtures:
                loaded, kept = self.load(fixtures, reset, slugs)
                self.stdout.write(f"{label}: {loaded} bureau(s) loaded, {kept} already present and kept.")
        snapshots.render_published(Bureau.objects.filter(slug__in=slugs))  # these bureaus only

    def load(self, fixtures, reset, slugs):
        loaded = kept = 0
        for fixture in fixtures:
            slug = bureau_slug_of(fixture)
            slugs.append(slug)
            if not reset and Bureau.objects.filter(slug=slug).exists():
                kept += 1
                continue
            call_command("loaddata", str(fixture), verbosity=0)
            loaded += 1
        return loaded, kept
