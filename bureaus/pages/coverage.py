"""
How much of China the portal covers: which county-level divisions have a published bureau profile.

The gazetteer lists every division (``bureaus.places.divisions``); the database says which have a
profile, through the published bureaus' ``division_code``. Plain data for the places pages, home and
statistics; each function runs one query.
"""

from collections import Counter
from dataclasses import dataclass
from types import SimpleNamespace

from django.db import connection

from bureaus.models import Bureau, CoverageTally
from bureaus.models.bureau import profile_url
from bureaus.models.languages import page_code, text_in_language
from bureaus.places import divisions


@dataclass(frozen=True)
class Profile:
    """A published bureau as a division's row links to it."""

    slug: str
    name: str
    lang: str  # the language of ``name``: the page's where the bureau has a name in it

    def get_absolute_url(self):
        return profile_url(self.slug)


def profiles(codes_starting="", codes=None):
    """{division code: Profile} of the published bureaus whose code starts so ("" for all of China), or of
    just the ``codes`` given (a search's few)."""
    bureaus = Bureau.objects.published().exclude(division_code="")
    if codes is not None:
        bureaus = bureaus.filter(division_code__in=list(codes))
    if codes_starting:
        bureaus = bureaus.filter(division_code__startswith=codes_starting)
    rows = bureaus.order_by().values_list("division_code", "slug", "name_en", "name_zh_hans")
    language = page_code()  # once: a province's page makes hundreds of these
    return {code: _profile(slug, english, chinese, language) for code, slug, english, chinese in rows}


def published_divisions():
    """{division code: (slug, English name, Chinese name)} of every published bureau with a division: what the
    map of China needs (the codes for its dots, the names of the few it links) in one query, written out and
    read off the covering partial index ``bureau_published_division`` — through the ORM, making 3,000 rows
    took longer than the database's answer."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT division_code, slug, name_en, name_zh_hans FROM {Bureau._meta.db_table} "
            "WHERE is_published AND division_code <> ''"
        )
        return {code: (slug, english, chinese) for code, slug, english, chinese in cursor.fetchall()}


def named(published):
    """{division code: Profile} of a ``published_divisions()`` answer, named in the page's language."""
    language = page_code()
    return {code: _profile(slug, english, chinese, language) for code, (slug, english, chinese) in published.items()}


def _profile(slug, english, chinese, language):
    """The bureau named as every page names a fact: in the page's language where it has it, else in the one it
    has (``text_in_language``, over the two columns read)."""
    name, code = text_in_language(SimpleNamespace(name_en=english, name_zh_hans=chinese), "name", language)
    return Profile(slug, name, "zh-Hans" if code == "zh-hans" else "en")


def divisions_found(words):
    """[(Division, Profile or None)] for the county-level divisions a visitor's search names."""
    found = divisions.matching(words)
    profiled = profiles(codes=[division.code for division in found]) if found else {}
    return [(division, profiled.get(division.code)) for division in found]


@dataclass(frozen=True)
class ProvinceCoverage:
    province: object  # the gazetteer's Division
    divisions: int
    profiled: int

    @property
    def share(self):
        """The share profiled, in per cent (0 when the province has no county-level division)."""
        return 100 * self.profiled / self.divisions if self.divisions else 0


@dataclass(frozen=True)
class NationalCoverage:
    provinces: list  # [ProvinceCoverage], in the order of the provinces' English names
    divisions: int
    profiled: int

    @property
    def share(self):
        return 100 * self.profiled / self.divisions if self.divisions else 0


def national(profiled_divisions=None):
    """Each province's count of county-level divisions and of those with a published profile; counted from
    ``profiled_divisions`` (their codes: a ``published_divisions()`` or ``profiles()`` answer) when the caller has it,
    else read from the content seam's tally (~30 rows)."""
    if profiled_divisions is not None:
        profiled = Counter(code[:2] for code in profiled_divisions)
    else:
        profiled = dict(CoverageTally.objects.values_list("province_code", "profiled"))
    rows = [
        ProvinceCoverage(p, len(divisions.counties_of(p)), profiled.get(p.code[:2], 0)) for p in divisions.provinces()
    ]
    return NationalCoverage(rows, sum(r.divisions for r in rows), sum(r.profiled for r in rows))
