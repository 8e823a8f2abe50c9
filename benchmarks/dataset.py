"""
A national-scale dataset for benchmarks: thousands of generated bureaus, loaded in bulk.

Documents come from ``importer.synthetic`` and go through the real parser; the
drafts are then written by the one bulk writer (a few statements per table instead
of one per row), which indexes them for search once at the end.
"""

from benchmarks.synthetic import generate
from bureaus import content, search
from bureaus.importer import parse_document
from bureaus.importer.building import build
from bureaus.importer.saving import known_types
from bureaus.models.parts import PARTS
from bureaus.places import divisions


def national_drafts(count, seed=2026):
    """``count`` parsed drafts with unique slugs (and names), published; each of the first 2,849 profiles a
    county-level division of its own, so the places pages and maps are measured full."""
    drafts, seen, counties = [], set(), divisions.counties()
    for index, document in enumerate(generate(count, seed=seed)):
        draft = parse_document(document.text, title=f"generated-{index:05d}.txt")
        if draft.slug in seen:
            draft.slug = f"{draft.slug}-{index}"  # the name stays the document's: facts quote their source
        seen.add(draft.slug)
        draft.division_code = counties[index].code if index < len(counties) else ""
        drafts.append(draft)
    return drafts


def bulk_load(drafts, batch_size=1000):
    """Write drafts as published bureaus through the one bulk writer; returns the number of rows written."""
    with content.changing():
        types = known_types(drafts)
        built = []
        for draft in drafts:
            result = build(draft, types)
            for new_type in result.new_types:
                new_type.save()
                types[new_type.slug] = new_type
            result.bureau.is_published = True
            built.append(result)
        rows = content.insert_rows(
            [[b.bureau for b in built], *([row for b in built for row in b.rows(part)] for part in PARTS)],
            batch_size=batch_size,
        )
    search.optimize_query_planner()
    return rows
