"""
A national-scale dataset for benchmarks: thousands of generated bureaus, loaded in bulk.

Documents come from ``importer.synthetic`` and go through the real parser; the
drafts are then written with ``bulk_create`` (a few statements per table instead
of one per row) and the search index is rebuilt once at the end.
"""

from django.db import transaction

from .. import search
from ..importer import parse_document
from ..importer.saving import known_types
from ..importer.synthetic import generate
from ..models import Achievement, Bureau, ContentVersion, Department, Duty, FactSource, InstitutionCount, SourceDocument


def national_drafts(count, seed=2026):
    """``count`` parsed drafts with unique slugs (and names), published."""
    drafts, seen = [], set()
    for index, document in enumerate(generate(count, seed=seed)):
        draft = parse_document(document.text, title=f"generated-{index:05d}.txt")
        if draft.slug in seen:
            draft.slug = f"{draft.slug}-{index}"
            draft.name = f"{draft.name} ({index})"
        seen.add(draft.slug)
        drafts.append(draft)
    return drafts


def bulk_load(drafts, batch_size=1000):
    """Write drafts as published bureaus in bulk; returns the number of rows written."""
    # bulk_create sends no signals: index the new bureaus, and move the version on, once at the end.
    with transaction.atomic(), ContentVersion.batched(), search.deferred():
        rows = _insert(drafts, batch_size)
        ContentVersion.bump()
    search.optimize_query_planner()
    return rows


def _insert(drafts, batch_size):
    types = known_types(drafts)
    built = []
    for draft in drafts:
        result = draft.build(types)
        for new_type in result.new_types:
            new_type.save()
            types[new_type.slug] = new_type
        result.bureau.is_published = True
        built.append(result)
    rows = 0
    Bureau.objects.bulk_create([b.bureau for b in built], batch_size=batch_size)
    search.refresh([b.bureau.pk for b in built])  # recorded now, run when loading ends
    SourceDocument.objects.bulk_create([b.source for b in built], batch_size=batch_size)
    for model, attribute in (
        (FactSource, "fact_sources"),
        (Department, "departments"),
        (Duty, "duties"),
        (Achievement, "achievements"),
        (InstitutionCount, "institution_counts"),
    ):
        objects = [obj for b in built for obj in getattr(b, attribute)]
        model.objects.bulk_create(objects, batch_size=batch_size)
        rows += len(objects)
    return rows + 2 * len(built)
