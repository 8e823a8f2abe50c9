"""
``manage.py render_snapshots``: render the profile snapshots (one per language) of every
published bureau that has none or an outdated one (after a release that changed the profile's templates, or a bulk load).

Visitors would render them one by one on their first visits; this does it ahead of them.
"""

from django.core.management.base import BaseCommand

from bureaus.models import Bureau
from bureaus.pages import snapshots


class Command(BaseCommand):
    help = "Render missing or outdated profile snapshots of published bureaus (visitors' first visits would)."

    def handle(self, *args, **options):
        rendered = 0
        for bureau in Bureau.objects.published().order_by("pk").iterator(chunk_size=500):
            rendered += snapshots.render_if_stale(bureau)
        self.stdout.write(f"{rendered} profile snapshot(s) rendered; the others were current.")
