"""
The one list of a bureau's parts.

Everything that walks a bureau's rows reads it: source spans, the importer's saving,
the content seam, CSV downloads, the bulk writer, ``bulk_load`` and the benchmark
dataset. A new kind of fact is added here once.
"""

from dataclasses import dataclass

from django.db import models

from bureaus.models.items import Achievement, Department, Duty, InstitutionCount
from bureaus.models.sources import FactSource, SourceDocument


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
    Part("departments", Department, "departments", ("position", "name", "responsibility")),
    Part("duties", Duty, "duties", ("position", "kind", "title", "text")),
    Part("achievements", Achievement, "achievements", ("position", "text")),
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
