"""
``manage.py build_real_bureaus``: write ``fixtures/real/<slug>.json``, one published bureau for each corpus page
that is one bureau's, with only the facts its expected file confirms (``benchmarks.real_bureaus``).

A developer's tool, run when the corpora or the importer change; its output is committed and ``make run``
loads it with the seeds. It writes nothing to the database (the institution types it reads are loaded in a
transaction it rolls back). ``--check`` writes nothing at all and fails when the committed files differ.
"""

import json
from datetime import UTC, date, datetime
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from benchmarks.real_bureaus import real_bureaus
from bureaus.importer.saving import drafts_to_fixture
from bureaus.models import InstitutionType
from bureaus.seed import FIXTURES_DIR, INSTITUTION_TYPES_FIXTURE, SEED_FIXTURES

OUTPUT = FIXTURES_DIR / "real"


class Command(BaseCommand):
    help = "Write fixtures/real/: the corpora's real bureaus, with only the facts their expected files confirm."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Write nothing; fail if fixtures/real/ is stale.")

    def handle(self, *args, check=False, **options):
        taken_divisions, taken_slugs = set(), set()
        for fixture in SEED_FIXTURES:
            for record in json.loads(Path(fixture).read_text(encoding="utf-8")):
                if record["model"] == "bureaus.bureau":
                    taken_divisions.add(record["fields"].get("division_code") or "")
                    taken_slugs.add(record["fields"]["slug"])
        with transaction.atomic():
            call_command("loaddata", str(INSTITUTION_TYPES_FIXTURE), verbosity=0)
            known = set(InstitutionType.objects.values_list("slug", flat=True))
            files = {}
            for real in real_bureaus(known, taken_divisions - {""}, taken_slugs):
                published_on = date.fromisoformat(real.published) if real.published else None
                details = {"url": real.url, "publisher": "", "published_on": published_on}
                records = json.loads(drafts_to_fixture([real.draft], details))
                files[f"{real.draft.slug}.json"] = json.dumps(published(records, real.found), ensure_ascii=False,
                                                              indent=2) + "\n"  # fmt: skip
                self.stdout.write(f"{real.draft.slug}\t{real.page}\t{real.url}")
            transaction.set_rollback(True)
        if check:
            committed = {path.name: path.read_text(encoding="utf-8") for path in OUTPUT.glob("*.json")}
            if committed != files:
                raise CommandError("fixtures/real/ is not what the corpora give now: run manage.py build_real_bureaus.")
            return
        OUTPUT.mkdir(exist_ok=True)
        for stale in OUTPUT.glob("*.json"):
            if stale.name not in files:
                stale.unlink()
        for name, text in files.items():
            (OUTPUT / name).write_text(text, encoding="utf-8")
        self.stdout.write(f"{len(files)} real bureaus written to {OUTPUT}.")


def published(records, found):
    """The fixture's bureau published, dated the day its page was found (so a rebuild writes the same bytes),
    its source stored that day."""
    day = datetime.fromisoformat(found).replace(tzinfo=UTC).isoformat().replace("+00:00", "Z")
    for record in records:
        fields = record["fields"]
        if record["model"] == "bureaus.bureau":
            fields.update(is_published=True, created_at=day, updated_at=day)
        elif record["model"] == "bureaus.sourcedocument":
            fields["added_at"] = day
        elif "created_at" in fields:
            fields["created_at"] = day
    return records
