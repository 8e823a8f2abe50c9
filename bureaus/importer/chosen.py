"""
A document whose county-level division the loader chose (the admin's worklist link, the import page's
division field, ``import_bureau --division``): the draft is placed there, whatever its text says or does not.

The loader knows which district a page belongs to (they found it on that county's site, or picked the county
from the worklist); the text may not name it, name it ambiguously, or name another county in passing. The
choice wins, the review says it was the loader's, and where the text itself names another county a warning
says so, so a page filed under the wrong county is caught before it is published. Pure Python, no Django.
"""

import re

from bureaus.importer.assembly import slug_for
from bureaus.importer.draft import FROM_LOADER, PLACE
from bureaus.places import gazetteer
from bureaus.places.regions import is_municipality

# Warnings the choice answers: they ask the reviewer to find or confirm a place the loader has given.
ANSWERED = re.compile(
    r"^(?:The district or county could not be read"
    r"|The province could not be read"
    r"|Only the province \(.*\) could be read"
    r"|Place taken from the gazetteer:"
    r"|The place was read from the page's (?:address|title)"
    r"|“[^”]*” may be any of: .* Choose the right one before publishing\.$)"
)


def place_at(draft, division):
    """Place ``draft`` at ``division`` (a county-level ``gazetteer.Division``): district, city, province, code
    and slug from the gazetteer; a warning when the text named another county."""
    named = _named_by_text(draft)
    draft.warnings = [warning for warning in draft.warnings if not ANSWERED.match(warning)]
    unknown = draft.district and not named and gazetteer.fold(draft.district) != gazetteer.fold(division.name)
    if (named and division not in named) or unknown:
        said = f"{draft.district} ({'; '.join(str(d) for d in named[:3])})" if named else draft.district
        draft.warnings.insert(
            0,
            f"The text names {said}, but the loader chose {division} (code {division.code}): the draft is "
            f"placed there. Check that the document is about {division.name}.",
        )
    draft.district = division.name
    draft.city = division.city.english if division.city else ""
    draft.province = division.province.english
    draft.division_code = division.code
    draft.place_candidates = []
    draft.evidence[PLACE] = (FROM_LOADER, f"{division} ({division.code})")
    above = draft.city or (draft.province if is_municipality(draft.province) else "")
    draft.slug = slug_for(above, draft.district) or draft.slug


def _named_by_text(draft):
    """The county-level divisions the text placed the bureau in, as far as it did ([] when it named none)."""
    if draft.division_code:
        found = gazetteer.by_code().get(draft.division_code)
        return [found] if found is not None else []
    if not draft.district:
        return []
    counties = gazetteer.named(draft.district, level="county")
    former = gazetteer.formerly_named(draft.district)
    if former is not None and former.division.level == "county":
        counties = [*counties, former.division]
    if draft.province:
        counties = [d for d in counties if d.province.english == draft.province] or counties
    if draft.city:
        counties = [d for d in counties if d.city is not None and d.city.english == draft.city] or counties
    return counties
