"""
A bureau's place as a page in a given language names it.

English pages show the names stored with the bureau ("Heping District, Shenyang, Liaoning"). Chinese
pages show the gazetteer's names, province first and run together as Chinese writes them
(辽宁省沈阳市和平区); a place the gazetteer does not know for sure keeps its stored English name, marked
as English (``lang="en"``) wherever it appears. The stored names stay what filters, addresses and
downloads use: only the words shown change.

Each name and place renders itself as HTML (``__html__``, which templates call), so that no template
has to know which part needs a ``lang`` mark; ``str()`` is the plain text, for attributes and captions.
Pure Python: the caller says which language the page is in.
"""

from functools import lru_cache
from html import escape

from bureaus.places.gazetteer import chinese_places

ENGLISH, CHINESE = "en", "zh-Hans"  # the ``lang`` of a name's text


def is_chinese(language):
    """Whether pages in ``language`` (a Django language code: "zh-hans") name places in Chinese."""
    return (language or "").lower().startswith("zh")


def division_namers(language):
    """(name, other name) of a gazetteer division on a page in ``language``: 和平区 and "Heping District" on a
    Chinese page, the other way round on an English one. Chosen once for a page that names hundreds."""
    if is_chinese(language):
        return (lambda division: division.chinese), (lambda division: division.name)
    return (lambda division: division.name), (lambda division: division.chinese)


class PlaceName(str):
    """One name as a page shows it: the text itself (a string, so it goes wherever the stored name went),
    with its ``lang``; ``foreign`` when it is not in the page's language (the stored English name on a
    Chinese page), so that the page marks it."""

    def __new__(cls, text, lang=ENGLISH, foreign=False):
        name = super().__new__(cls, text)
        name.lang, name.foreign = lang, foreign
        return name

    def __html__(self):
        text = escape(str.__str__(self))
        return f'<span lang="{self.lang}">{text}</span>' if self.foreign else text


class Place(str):
    """A district, city and province (each a PlaceName, or None when not stored) as one line: the line
    itself as plain text (for attributes, captions, anything that wants a string), its parts marked with
    their language in HTML. A string, since a template turns any other object into one before asking it
    for its HTML."""

    def __new__(cls, district, city, province, chinese):
        parts = (province, city, district) if chinese else (district, city, province)
        parts = tuple(part for part in parts if part)
        place = super().__new__(cls, _joined(parts, chinese, str))
        place.district, place.city, place.province, place.chinese, place._parts = (
            district, city, province, chinese, parts
        )  # fmt: skip
        return place

    @property
    def text(self):
        return str.__str__(self)

    @property
    def foreign(self):
        """Whether any part is not in the page's language."""
        return any(part.foreign for part in self._parts)

    def __html__(self):
        return _joined(self._parts, self.chinese, PlaceName.__html__)


def _joined(parts, chinese, render):
    """The parts as one line: most specific first with commas in English; Chinese names run together, as
    Chinese writes them (辽宁省沈阳市), an English one among them set off by spaces."""
    if not chinese:
        return ", ".join(render(part) for part in parts)
    line = ""
    for previous, part in zip((None, *parts), parts, strict=False):
        gap = " " if previous is not None and (previous.foreign or part.foreign) else ""
        line += gap + render(part)
    return line


@lru_cache(maxsize=8192)
def place_in(language, district, city, province):
    """The Place of these stored (English) names on a page in ``language``. Remembered: a list of places
    asks for the same few again and again, and the answer never changes while the server runs."""
    if not is_chinese(language):
        return Place(*(PlaceName(name) if name else None for name in (district, city, province)), chinese=False)
    names = zip((province, city, district), chinese_places(district, city, province), strict=True)
    province_name, city_name, district_name = (
        (PlaceName(chinese, CHINESE) if chinese else PlaceName(stored, ENGLISH, foreign=True)) if stored else None
        for stored, chinese in names
    )
    return Place(district_name, city_name, province_name, chinese=True)


def province_in(language, province):
    """A province's name on a page in ``language``: 辽宁省 on a Chinese page, Liaoning on an English one
    ("" for none)."""
    return place_in(language, "", "", province).province or PlaceName("")


@lru_cache(maxsize=4096)
def city_label_in(language, city, province):
    """A city with its province, as the city filter lists it: "Shenyang (Liaoning)"; 辽宁省沈阳市 on a
    Chinese page, or there the English label, marked, for a city the gazetteer does not know (a menu's
    option is in one language: it cannot mark a part of its text)."""
    english = f"{city} ({province})" if province else city
    place = place_in(language, "", city, province)
    if not place.chinese:
        return PlaceName(english)
    if place.foreign:
        return PlaceName(english, ENGLISH, foreign=True)
    return PlaceName(place.text, CHINESE)
