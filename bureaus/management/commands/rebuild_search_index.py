"""``manage.py rebuild_search_index``: rebuild every bureau's search entry (after a bulk load, for example)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from bureaus import search


class Command(BaseCommand):
    help = "Rebuild the full-text search entries of every bureau."

    @transaction.atomic
    def handle(self, *args, **options):
        count = search.rebuild()
        self.stdout.write(f"Search index rebuilt for {count} bureau(s).")
