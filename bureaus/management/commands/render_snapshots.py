"""
``manage.py render_snapshots``: render the profile snapshot of every published bureau that has
none or an outdated one (after a release that changed the profile's templates, or a bulk load).

Visitors would render them one by one on their first visits; this does it ahead of them.
"""

from django.core.management.base import BaseCommand

from bureaus.models import Bureau
from bureaus.pages import snapshots


class Command(BaseCommand):
    help = "Render missing or outdated profile snapshots of published bureaus (visitors' first visits would)."

    def handle(self, *args, **options):
        rendered = 0
        bureaus = Bureau.objects.published().select_related("snapshot").order_by("pk")
        for bureau in bureaus.iterator(chunk_size=500):
            if snapshots.render_if_stale(bureau):
                rendered += 1
        self.stdout.write(f"{rendered} profile snapshot(s) rendered; the others were current.")
