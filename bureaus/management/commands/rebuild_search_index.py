"""``manage.py rebuild_search_index``: rebuild every bureau's search entry (after a bulk load, for example).

It goes through the content seam, which moves every bureau's page version and the site's content
version on: every app process (every worker, on every machine) then indexes every bureau again at its
next search, from the rebuilt entries (a few tenths of a second for 3,000 bureaus).
"""

import time

from django.core.management.base import BaseCommand

from bureaus import content
from bureaus.models import Bureau


class Command(BaseCommand):
    help = "Rebuild the full-text search entries of every bureau (every process's search index follows)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        with content.changing():
            ids = list(Bureau.objects.values_list("pk", flat=True))
            content.changed(ids)  # the seam rebuilds each bureau's entry, and moves the versions every index follows
        seconds = time.perf_counter() - started
        self.stdout.write(f"Search index rebuilt for {len(ids)} bureau(s). ({seconds:.1f} s)")
