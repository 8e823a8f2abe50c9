"""
``loaddata``, as Django's, but re-indexing each bureau for search once at the end
instead of once per row, and moving the content version on once.

Fixtures of bureaus save thousands of rows; the signals that keep the search
index current would otherwise rebuild a bureau's entry after every one of them.
"""

from django.core.management.commands.loaddata import Command as DjangoLoaddata
from django.db import transaction

from bureaus import search
from bureaus.models import ContentVersion


class Command(DjangoLoaddata):
    def handle(self, *fixture_labels, **options):
        using = options.get("database")
        with transaction.atomic(using=using), ContentVersion.batched(), search.deferred():
            return super().handle(*fixture_labels, **options)
