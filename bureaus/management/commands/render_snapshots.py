"""
``manage.py render_snapshots``: render the profile snapshots (one per language) of every
published bureau that has none or an outdated one (after a release that changed the profile's templates, or a bulk load).

Visitors would render them one by one on their first visits; this does it ahead of them.
"""

from django.core.management.base import BaseCommand

from bureaus.models import Bureau
from bureaus.pages import snapshots
from bureaus.search import optimize_query_planner


class Command(BaseCommand):
    help = "Render missing or outdated profile snapshots of published bureaus (visitors' first visits would)."
    BATCH = 200  # bureaus rendered together, in a fixed number of queries

    def handle(self, *args, **options):
        rendered = 0
        published = Bureau.objects.published().only("page_version").order_by("pk")
        for start in range(0, published.count(), self.BATCH):
            rendered += snapshots.render_stale(list(published[start : start + self.BATCH]))
        optimize_query_planner()  # the snapshot table may have grown many times over
        self.stdout.write(f"{rendered} profile snapshot(s) rendered; the others were current.")
