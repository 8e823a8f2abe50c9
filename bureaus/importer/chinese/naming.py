"""
The bureau a Chinese text names: which of the bureaus it names is the page's own (a county's before the city's
that commends it; not one given as an example, 如…教育局; not one named once above a page about another county), and
how much of its name is its own (建湖县教育局, not 盐城市建湖县教育局). Used by the reader; may import
``bureaus.importer.chinese`` (places, relevance).
"""

import itertools
import re
from collections import Counter

from bureaus.importer.chinese import places
from bureaus.importer.chinese.relevance import BUREAU_RE

PLACE_END_RE = re.compile(r"(?:省|市|区|县|旗|州|盟|地区)$")
# "如长沙市岳麓区教育局": a bureau given as an example of its kind is not the page's bureau.
EXAMPLE_RE = re.compile(r"(?:如|例如|比如|诸如|像)$")


def county_named_more(folded, bureau_place):
    """Another county the text names at least three times while the named bureau's county is named only in the
    bureau's name (an image's caption, another page's link): its name, else None."""
    found = [m for m in places.mentions(folded) if any(d.level == "county" for d in m.divisions)]
    said = Counter(mention.name for mention in found)
    own = [m.name for m in places.mentions(bureau_place)]
    if not own or said.get(own[-1], 0) > 1:
        return None
    others = [name for name, times in said.items() if times >= 3 and name != own[-1]]
    return others[0] if len(others) == 1 else None


def is_the_city_above(bureau_place, division):
    """Whether a bureau's place names only the prefecture above the county the page is placed in."""
    found = places.mentions(bureau_place)
    above = division.city if division is not None else None
    return (
        bool(found and above)
        and all(d.level != "county" for m in found for d in m.divisions)
        and any(d == above for m in found for d in m.divisions)
    )


def bureau_name(folded):
    """(span, place part, kind) of the bureau most named with its place, or (None, "", kind of any)."""
    named, any_kind = {}, ""
    for match in BUREAU_RE.finditer(folded):
        any_kind = any_kind or match.group("kind")
        place = place_part(match.group("place"))
        start = match.end("place") - len(place)
        if place and not EXAMPLE_RE.search(folded, max(0, start - 2), start):
            named.setdefault(place + match.group("kind"), []).append((start, match.end(), place, match.group("kind")))
    if not named:
        return None, "", any_kind
    # A county-level bureau named on the page comes before a city's (深圳市教育局 commending 南山区教育局).
    best = max(named.values(), key=lambda spans: (_names_a_county(spans[0][2]), len(spans), len(spans[0][2])))
    start, end, place, kind = best[0]
    return (start + _prefix_length(place), end), place, kind


def _names_a_county(place):
    return (
        any(d.level == "county" for m in places.mentions(place) for d in m.divisions) or place in places.short_names()
    )


def _prefix_length(place):
    """How much of a county's or county-level city's place part (盐城市建湖县) is its prefecture's or province's:
    such a bureau's own name is the county's alone (建湖县教育局), while a city's districts' bureaus are named
    with their city (上海市崇明区教育局)."""
    found = places.mentions(place)
    last = found[-1] if found else None
    county = last is not None and any(d.level == "county" for d in last.divisions)
    if len(found) < 2 or not county or last.name.endswith("区"):
        return 0
    return last.start


def without_examples(folded):
    """``folded`` with the bureaus given as examples (如长沙市岳麓区教育局) blanked out, so they place nothing."""
    for match in BUREAU_RE.finditer(folded):
        place = place_part(match.group("place"))
        start = match.end("place") - len(place)
        if place and EXAMPLE_RE.search(folded, max(0, start - 2), start):
            folded = folded[:start] + " " * (match.end() - start) + folded[match.end() :]
    return folded


def place_part(before):
    """The longest end of ``before`` made of gazetteer names (深圳市龙华新区), or ""."""
    for start in range(len(before)):
        candidate = before[start:]
        found = places.mentions(candidate)
        whole = found and found[0].start == 0 and found[-1].end == len(candidate)
        if whole and PLACE_END_RE.search(candidate) and all(a.end == b.start for a, b in itertools.pairwise(found)):
            return candidate
    short = places.short_names()
    for start in range(len(before)):  # a county's short name: 凤庆教育局
        if before[start:] in short:
            return before[start:]
    return ""
