"""
China's provinces and prefecture-level cities, for placing a bureau from its document.

The data lives in ``data/gazetteer.json`` (province → its prefecture-level cities,
plus other spellings documents use). The four municipalities are provinces
with no cities of their own: a district of Shanghai has province "Shanghai" and
no city. Some city names occur in two provinces (Suzhou, Taizhou, Fuzhou,
Yichun, Yulin); those cannot name a province on their own.
"""

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

from bureaus.places.regions import PROVINCES

DATA_FILE = Path(__file__).with_name("data") / "gazetteer.json"


def _fold(name):
    """Compare names without accents, apostrophes or case: "Xi'an" = "Xian", "Ürümqi" = "Urumqi"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return re.sub(r"[^a-z]", "", "".join(c for c in decomposed if not unicodedata.combining(c)).lower())


@cache
def _data():
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    provinces = raw["provinces"]
    unknown = set(provinces) - set(PROVINCES)
    if unknown:
        raise ValueError(f"The gazetteer names provinces the portal does not know: {sorted(unknown)}")
    province_by_fold = {_fold(name): name for name in provinces}
    cities = {}  # folded city name → (city as written, [provinces])
    for province, names in provinces.items():
        for city in names:
            entry = cities.setdefault(_fold(city), (city, []))
            entry[1].append(province)
    for alias, target in raw["aliases"].items():
        if _fold(target) in province_by_fold:
            province_by_fold[_fold(alias)] = province_by_fold[_fold(target)]
        elif _fold(target) in cities:
            cities[_fold(alias)] = cities[_fold(target)]
    return province_by_fold, cities


def province_named(name):
    """The portal's name of a province ("Liaoning" for "Liaoning", "liaoning province"…), or None."""
    provinces = _data()[0]
    short = re.sub(r"\s+(?:province|municipality|autonomous region|city)$", "", name.strip(), flags=re.IGNORECASE)
    return provinces.get(_fold(name)) or provinces.get(_fold(short))


def city_named(name):
    """(city, provinces it may be in) for a prefecture-level city's name, or None."""
    name = re.sub(r"\s+city$", "", name.strip(), flags=re.IGNORECASE)
    entry = _data()[1].get(_fold(name))
    return (entry[0], list(entry[1])) if entry else None


def cities_in(province):
    return [city for city, provinces in _data()[1].values() if province in provinces]
