"""
How much of China the portal covers: which county-level divisions have a published bureau profile.

The gazetteer lists every division (``bureaus.places.divisions``); the database says which have a
profile, through the published bureaus' ``division_code``. Plain data for the places pages, home and
statistics; each function runs one query.
"""

from collections import Counter
from dataclasses import dataclass

from bureaus.models import Bureau, CoverageTally
from bureaus.models.bureau import profile_url
from bureaus.models.languages import LANGUAGE_TAGS, in_language, page_code
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
        # A range, not LIKE 'xx%': the range reads the published bureaus' covering index on both databases,
        # where LIKE scanned every bureau row (a province page's one query, at 3,000 bureaus).
        after = codes_starting[:-1] + chr(ord(codes_starting[-1]) + 1)
        bureaus = bureaus.filter(division_code__gte=codes_starting, division_code__lt=after)
    rows = bureaus.order_by().values_list("division_code", "slug", "name_en", "name_zh_hans")
    language = page_code()  # once: a province's page makes hundreds of these
    return {code: _profile(slug, english, chinese, language) for code, slug, english, chinese in rows}


def _profile(slug, english, chinese, language):
    """The bureau named as every page names a fact (``in_language``), from the two columns read."""
    name, code = in_language({"en": english, "zh-hans": chinese}, language)
    return Profile(slug, name, LANGUAGE_TAGS[code])


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
    ``profiled_divisions`` (their codes: a ``CoverageTally.objects.codes()`` or ``profiles()`` answer) when the
    caller has it, else read from the content seam's tally (~30 rows)."""
    if profiled_divisions is not None:
        profiled = Counter(code[:2] for code in profiled_divisions)
    else:
        profiled = dict(CoverageTally.objects.values_list("province_code", "profiled"))
    rows = [
        ProvinceCoverage(p, len(divisions.counties_of(p)), profiled.get(p.code[:2], 0)) for p in divisions.provinces()
    ]
    return NationalCoverage(rows, sum(r.divisions for r in rows), sum(r.profiled for r in rows))
