"""
The one list of a bureau's parts.

Everything that walks a bureau's rows reads it: source spans, the importer's saving,
the content seam, CSV downloads, the bulk writer, ``bulk_load`` and the benchmark
dataset. A new kind of fact is added here once.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models import Count

from bureaus.models.items import Achievement, Department, Duty, InstitutionCount
from bureaus.models.languages import columns
from bureaus.models.sources import FactSource, SourceDocument
from bureaus.vocabulary import MAX_ITEMS


@dataclass(frozen=True)
class Part:
    relation: str  # the related name on Bureau
    model: type[models.Model]
    csv_kind: str = ""  # the name of its /api/csv/<kind>.csv download, "" if it has none
    csv_fields: tuple = ()  # its columns there, after the bureau's slug
    anchor_field: str = "position"  # what its id on the profile page is made of (profile_anchor)

    @property
    def label(self):
        return self.model._meta.label_lower


# The ordered lists of facts a profile shows, each row pointing at its source sentence.
ITEM_PARTS = (
    Part("departments", Department, "departments", ("position", *columns("name"), *columns("responsibility"))),
    Part("duties", Duty, "duties", ("position", "kind", *columns("title"), *columns("text"))),
    Part("achievements", Achievement, "achievements", ("position", *columns("text"))),
    Part(
        "institution_counts",
        InstitutionCount,
        "institution-counts",
        ("position", "category__slug", "count", "as_of_year", "note"),
    ),
)
SOURCES = Part("sources", SourceDocument)
FACT_SOURCES = Part(
    "fact_sources", FactSource, anchor_field="fact"
)  # where the bureau's own facts (founding year …) were read

# Every part, parents before children (the order fixtures and bulk inserts need).
PARTS = (SOURCES, FACT_SOURCES, *ITEM_PARTS)
# The parts whose rows point at a span of a source.
SPANNED_PARTS = (*ITEM_PARTS, FACT_SOURCES)
CSV_PARTS = {part.csv_kind: part for part in ITEM_PARTS}


def over_the_item_cap(bureau_ids):
    """One line naming the first of these bureaus with more than ``MAX_ITEMS`` items in all, or "".

    The importer reads no more; loaders ask it after writing (in their transaction): the admin's
    change form takes a bureau that size and no bigger (``portal.settings.DATA_UPLOAD_MAX_NUMBER_FIELDS``),
    so a bureau past it could never be saved there again.
    """
    totals = {}
    for part in ITEM_PARTS:
        counted = part.model.objects.filter(bureau_id__in=bureau_ids).values("bureau__slug").annotate(n=Count("pk"))
        for row in counted.order_by():
            totals[row["bureau__slug"]] = totals.get(row["bureau__slug"], 0) + row["n"]
    over = sorted(slug for slug, total in totals.items() if total > MAX_ITEMS)
    if not over:
        return ""
    return (
        f"bureau “{over[0]}” has {totals[over[0]]} items (departments, duties, achievements and institution "
        f"counts), more than {MAX_ITEMS}, the most the admin can save; leave the rest out."
    )
