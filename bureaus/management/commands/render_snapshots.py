"""
``manage.py render_snapshots``: render the profile snapshots (one per language) of every
published bureau that has none or an outdated one (after a release that changed the profile's templates, or
``bulk_load --no-snapshots``; the loaders render the bureaus they load themselves).

Visitors would render them one by one on their first visits; this does it ahead of them.
"""

from django.core.management.base import BaseCommand

from bureaus.pages import snapshots
from bureaus.search import optimize_query_planner


class Command(BaseCommand):
    help = "Render missing or outdated profile snapshots of published bureaus (visitors' first visits would)."

    def handle(self, *args, **options):
        rendered = snapshots.render_published()
        optimize_query_planner()  # the snapshot table may have grown many times over
        self.stdout.write(f"{rendered} profile snapshot(s) rendered; the others were current.")
