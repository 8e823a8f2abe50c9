"""
The one seam every change to what the public sees goes through.

Whatever writes a bureau's content, an admin save or action, the importer, ``loaddata``,
``bulk_load``, ``restore``, the benchmark dataset or a ``QuerySet.update()``, ends in
:func:`changed` with the bureaus it touched. That moves the content version on (the
key of every cached page and API validator) and rebuilds those bureaus' search
entries and list rows. Inside a :func:`changing` block the work is collected and done once, for
exactly the bureaus touched, when the block ends; outside one it is done at once.
Either way it runs inside the writer's transaction, so a rollback takes it back too.

Two versions move: each touched bureau's ``page_version`` (the key of its own cached pages)
and, unless only working copies were touched, the site's ``ContentVersion`` (the key of
pages that list or count bureaus). So an edit or a publish leaves other bureaus' profiles
cached, and staff editing working copies leave every public page cached.

Ordinary saves and deletes reach the seam through the signal receivers below;
writes that send no signals (``update()``, ``bulk_create``) call :func:`changed`
themselves (``ContentQuerySet.update`` and :func:`insert_rows` do).

May import: ``bureaus.models``, ``bureaus.search``. Imported by everything that writes.
"""

import threading
from contextlib import contextmanager

from django.db import models, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.db.models.signals import post_delete, post_save

from bureaus import search
from bureaus.models import (
    Bureau,
    BureauListing,
    ContentVersion,
    CoverageTally,
    InstitutionType,
    ProfileSnapshot,
    ProvinceTally,
    SearchEntry,
    TypeTally,
)
from bureaus.models.parts import PARTS

# What is derived from the bureaus and rebuilt from them (here, or rendered on a profile's first visit),
# never written from outside: backups leave these tables out and loaders refuse rows of them (a listing
# row could put a draft on the home page, a snapshot row serve any HTML as a profile).
DERIVED = (SearchEntry, BureauListing, TypeTally, ProvinceTally, CoverageTally, ProfileSnapshot, ContentVersion)

_pending = threading.local()


@contextmanager
def changing():
    """One transaction in which every change is collected and applied once, when it ends.

    Blocks nest: an inner block joins the outermost one.
    """
    if getattr(_pending, "bureau_ids", None) is not None:
        yield
        return
    _pending.bureau_ids, _pending.any = set(), False
    try:
        with transaction.atomic():
            yield
            bureau_ids, anything = _pending.bureau_ids, _pending.any
            _pending.bureau_ids = None
            if anything:
                _apply(bureau_ids)
    finally:
        _pending.bureau_ids = None


def changed(bureau_ids=()):
    """These bureaus' content changed (none: something shown beside them, such as a type's name)."""
    if getattr(_pending, "bureau_ids", None) is not None:
        _pending.bureau_ids.update(bureau_ids)
        _pending.any = True
        return
    _apply(set(bureau_ids))


def _apply(bureau_ids):
    if bureau_ids:
        # Each bureau's own pages (and every process's search index) are keyed on its page_version; the plain
        # QuerySet's update() does not come back here. A restore can bring back a revision's old page_version:
        # past the site's version, the next one is still one no cache or index has seen for this bureau.
        site_version = ContentVersion.current()[0]
        models.QuerySet(Bureau).filter(pk__in=bureau_ids).update(
            page_version=Greatest(F("page_version") + 1, Value(site_version + 1))
        )
        # Working copies are never shown to the public, nor searched or listed: a change to copies
        # alone rebuilds nothing and leaves every cached list as it is.
        copies = set(Bureau.objects.filter(pk__in=bureau_ids, draft_of__isnull=False).values_list("pk", flat=True))
        if copies == bureau_ids:
            return
        search.refresh(bureau_ids - copies)
        ProvinceTally.objects.rebuild(BureauListing.objects.rebuild(bureau_ids - copies))
        CoverageTally.objects.rebuild()  # ~30 rows: counted whole, as a division code may move a bureau
    TypeTally.objects.rebuild()
    ContentVersion.bump()
    search.forget_noted_content_version()  # a search later in this request reads the new version


def insert_rows(groups, batch_size=1000):
    """The one bulk writer of bureau rows (``bulk_load``, the importer, the benchmark dataset).

    ``groups`` yields lists of unsaved objects of one model each, parents first; it may be
    a generator that reads the keys of the rows inserted before it. The bureaus the rows
    belong to go through the seam once. Returns the number of rows written.
    """
    rows, bureau_ids = 0, set()
    with changing():
        for objects in groups:
            if not objects:
                continue
            type(objects[0])._default_manager.bulk_create(objects, batch_size=batch_size)
            rows += len(objects)
            bureau_ids.update(obj.pk if isinstance(obj, Bureau) else obj.bureau_id for obj in objects
                              if not isinstance(obj, InstitutionType))  # fmt: skip
        changed(bureau_ids)
    return rows


# Ordinary saves and deletes --------------------------------------------------


def bureau_saved_or_deleted(sender, instance, **kwargs):
    changed([instance.pk])


def part_saved_or_deleted(sender, instance, origin=None, **kwargs):
    if isinstance(origin, Bureau) or getattr(origin, "model", None) is Bureau:
        return  # the whole bureau is being deleted: its own signal covers its rows
    changed([instance.bureau_id])


def institution_type_saved_or_deleted(sender, instance, created=False, **kwargs):
    # A type's name is shown on every bureau that counts it, and in lists and facets.
    changed([] if created else instance.counts.values_list("bureau_id", flat=True).distinct())


def connect():
    """Connect the receivers above (called once, from the app's ready())."""
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(bureau_saved_or_deleted, sender=Bureau, dispatch_uid=f"content-bureau-{name}")
        signal.connect(institution_type_saved_or_deleted, sender=InstitutionType, dispatch_uid=f"content-type-{name}")
        for part in PARTS:
            signal.connect(part_saved_or_deleted, sender=part.model, dispatch_uid=f"content-{part.label}-{name}")
