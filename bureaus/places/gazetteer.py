"""
The national gazetteer: every province-, prefecture- and county-level division of mainland
China (3,213 of them), from ``data/divisions.json`` (built by ``build_gazetteer.py``; see
the README for the data's source and date).

Each :class:`Division` has its Chinese name, its English (pinyin) name and kind
("Heping" + "District"), its administrative-division code and its parent. Names are
looked up the way English documents write them: with or without the kind ("Dawukou",
"Dawukou District"), in any case, with or without apostrophes or tone marks, and
with the usual other spellings of a few ("Ordos", "Xigaze", "Weixian County"). Names a division
bore before (武鸣县, "Wuming County", 龙华新区) are known apart (``formerly_named``, from
``former_names.py``), so a reader can place an older page and say so.
Pure Python, no Django.
"""

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from bureaus.places.former_names import FORMER_NAMES
from bureaus.places.other_names import AUTONOMOUS_RE, CHINESE_SHORT_FORMS, OTHER_NAMES

DATA_FILE = Path(__file__).with_name("data") / "divisions.json"

KIND_WORDS = (
    "autonomous region", "autonomous prefecture", "autonomous county", "autonomous banner", "special district",
    "administrative area",
    "forestry district", "new district", "new area", "municipality", "prefecture", "province", "district", "county",
    "league", "banner", "city", "area",
)  # fmt: skip
KIND_RE = re.compile(rf"\s+(?:{'|'.join(KIND_WORDS)})$", re.IGNORECASE)
# What a kind word in a document may mean: "New District" and "Area" name a district-level new area.
KIND_MEANS = {
    "new district": "New Area",
    "area": "New Area",
    "city": "City",
    "district": "District",
    "county": "County",
}


@dataclass(frozen=True)
class Division:
    code: str
    chinese: str
    english: str  # the name without its kind: "Heping"
    kind: str  # "District", "County", "City", "Province" …
    parent_code: str

    @property
    def level(self):
        if self.code.endswith("0000"):
            return "province"
        return "prefecture" if self.code.endswith("00") else "county"

    @property
    def name(self):
        """The English name as the portal writes it: "Heping District"; a province by its short name."""
        return self.english if self.level == "province" else f"{self.english} {self.kind}"

    @property
    def parent(self):
        return by_code().get(self.parent_code)

    @property
    def province(self):
        division = self
        while division.parent is not None:
            division = division.parent
        return division

    @property
    def city(self):
        """The prefecture-level division above a county-level one (None under a municipality or a province)."""
        parent = self.parent
        return parent if parent is not None and parent.level == "prefecture" else None

    def __str__(self):
        return ", ".join(
            d.name for d in (self, self.city, self.province) if d is not None and d is not self or d is self
        )


def fold(name):
    """Compare names without accents, apostrophes, spaces or case: "Xi'an" = "Xian", "Ürümqi" = "Urumqi"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return re.sub(r"[^a-z]", "", "".join(c for c in decomposed if not unicodedata.combining(c)).lower())


@cache
def by_code():
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return {row[0]: Division(*row) for row in raw["divisions"]}


@cache
def _index():
    """folded short name → [Division]; the Chinese name → [Division] (27 county-level names are shared,
    e.g. 龙华区 in Shenzhen and in Haikou: every one is kept, none chosen here)."""
    index, chinese = {}, {}
    for division in by_code().values():
        chinese.setdefault(division.chinese, []).append(division)
        keys = {fold(division.english)}
        if division.kind == "County" and _one_syllable(division.english):
            keys.add(fold(division.english) + "xian")  # 魏县: "Wei County", also "Weixian County"
        keys |= {_u_for_v(key) for key in keys}  # 旅顺口: the gazetteer's "Lvshunkou" is "Lushunkou" (Lüshunkou) too
        for key in keys:
            index.setdefault(key, []).append(division)
    for other, chinese_name in OTHER_NAMES.items():
        divisions = index.setdefault(fold(other), [])
        for division in chinese[chinese_name]:
            if division not in divisions:
                divisions.append(division)
    return index, chinese


def _one_syllable(name):
    """Whether a pinyin name is one syllable ("Wei", "Heng"): its county is written "Weixian" too."""
    return len(re.findall(r"[aeiouü]+", name.lower())) == 1


def spelled_with_u(name, division):
    """Whether ``name`` ("Lushunkou District") writes the division's pinyin ü with u where the gazetteer has v
    (Lvshunkou): the page's spelling, the one its readers know, is then kept."""
    base = fold(KIND_RE.sub("", name.strip()))
    english = fold(division.english)
    return base != english and _u_for_v(english) == base


def is_other_name(name, division):
    """Whether ``name`` ("Ejin Horo Banner") calls ``division`` by one of its settled English names."""
    base = KIND_RE.sub("", name.strip())
    return any(fold(other) == fold(base) and chinese == division.chinese for other, chinese in OTHER_NAMES.items())


def named(name, level=None):
    """Every division a name may mean ("Heping District" → Heping in Shenyang and in Tianjin), best first.

    A kind word in the name ("District", "County", "City") keeps divisions of that kind; ``level``
    ("province", "prefecture", "county") keeps that level.
    """
    name = name.strip()
    kind_match = KIND_RE.search(name)
    base = KIND_RE.sub("", name) if kind_match else name
    found = list(_index()[0].get(fold(base), []))
    if not found and kind_match and "autonomous" in kind_match.group(0).lower():
        # "Changyang Tujia Autonomous County": the peoples named before the kind are not the place's name.
        words = base.split()
        for end in range(len(words) - 1, 0, -1):
            found = list(_index()[0].get(fold(" ".join(words[:end])), []))
            if found:
                break
    if level:
        found = [d for d in found if d.level == level]
    if kind_match:
        said = kind_match.group(0).strip().lower()
        wanted = KIND_MEANS.get(said, said.title())
        # "Dongxiang County" for Dongxiang Autonomous County: news often leaves "Autonomous" out.
        kinds = (wanted.lower(), f"autonomous {wanted.lower()}")
        same = [d for d in found if d.kind.lower() in kinds or (said == "city" and d.level == "prefecture")]
        found = same
    return sorted(found, key=lambda d: ("county", "prefecture", "province").index(d.level) if not level else 0)


@dataclass(frozen=True)
class Former:
    """A name pages used for a division that now has another (武鸣县 → 武鸣区), or a new area the gazetteer
    files under the division it is one with (金普新区 → 金州区): ``since`` is None then."""

    name: str  # as the page writes it: 武鸣县, or Wuming County
    chinese: str  # 武鸣县
    english: str  # "Wuming County" ("" where no English form is known)
    division: Division
    since: int | None
    presumed: bool = False  # read from the name alone (徐水县 → 徐水区), not from the table of former names

    @property
    def district_name(self):
        """The district's English name for a draft: the current one, but a new area keeps its own
        ("Jinpu New District": the bureau still bears it)."""
        return self.english if self.since is None and self.english else self.division.name

    @property
    def chinese_place(self):
        """The Chinese name a bureau's name is made of: 龙华区 now, but 金普新区 for a new area."""
        return self.chinese if self.since is None else self.division.chinese

    def warning(self):
        """ "The page names 武鸣县, now 武鸣区 (Nanning): check it." (the division's name in the page's language)."""
        current = self.division.name if self.name.isascii() else self.division.chinese
        above = self.division.city or self.division.province
        where = f" ({above.english})" if above is not self.division else ""
        if self.presumed:
            return (
                f"The page names {self.name}, which no division bears today; {current}{where} bears its name, as a "
                f"county made {'a county-level city' if self.division.kind == 'City' else 'a district'} does: check it."
            )
        if self.since is None:
            return f"The page names {self.name}, which the gazetteer files as {current}{where}: check it."
        return f"The page names {self.name}, now {current}{where}: check it."


FORMER_KINDS = {"新区": "New District", "县": "County", "市": "City", "区": "District"}


def _english_former(chinese, division, english):
    """The English form of a former name: the row's own, else the current English name with the old kind
    where only the kind changed (武鸣县 → "Wuming County"), else none."""
    if english:
        return english
    for suffix, kind in FORMER_KINDS.items():
        if chinese.endswith(suffix) and division.chinese.startswith(chinese[: -len(suffix)]):
            return f"{division.english} {kind}"
    return ""


@cache
def _former_index():
    index = {}
    for chinese, code, since, english, _evidence in FORMER_NAMES:
        division = by_code()[code]
        english = _english_former(chinese, division, english)
        index[chinese] = Former(chinese, chinese, english, division, since)
        if english:
            index[_english_key(english)] = Former(english, chinese, english, division, since)
            single = re.fullmatch(r"(?P<stem>[A-Za-z]+) County", english)
            if single and _one_syllable(single["stem"]):  # 横县: "Hengxian County" too
                index[_english_key(f"{single['stem']}xian County")] = Former(english, chinese, english, division, since)
    return index


def _u_for_v(key):
    """A folded name with pinyin's ü written v (lv, nv) as pages more often write it: u (Lushunkou, Nujiang)."""
    return re.sub(r"(?<=[ln])v", "u", key)


def _english_key(name):
    return fold(name).replace("newarea", "newdistrict")


def formerly_named(name):
    """The :class:`Former` a page's name stands for (武鸣县, "Wuming County", "Longhua New Area"), or None."""
    name = name.strip()
    found = _former_index().get(name) or _former_index().get(_english_key(name)) if name else None
    if found is not None and found.name != name and name.isascii():
        return Former(name, found.chinese, found.english, found.division, found.since)  # as the page writes it
    return found or presumed_former(name)


def presumed_former(name):
    """A county made a district or a county-level city keeps its name (徐水县 → 徐水区, "Xushui County" → Xushui
    District; 潜山县 → 潜山市): where no division bears ``name`` today and exactly one district or county-level city
    bears its stem, that one, presumed (its warning says so). A one-character stem is left out: 开县 is in 召开县… as
    a word."""
    found = presumed_formers(name)
    return found[0] if len(found) == 1 else None


def presumed_formers(name):
    """Every division ``presumed_former`` could mean (Qianshan District in Liaoning and Qianshan City in Anhui for
    "Qianshan County"): for a reader with clues in the text to choose from."""
    name = name.strip()
    if name.isascii():
        match = re.fullmatch(r"(?P<stem>.+?)\s+County", name, re.IGNORECASE)
        if match is None or named(name):
            return []
        found = [d for d in named(match.group("stem"), level="county") if d.kind in ("District", "City")]
        chinese = ""
    else:
        if len(name) < 3 or not name.endswith("县") or chinese_named(name) or _former_index().get(name):
            return []
        found, chinese = chinese_named(name[:-1] + "区") + chinese_named(name[:-1] + "市"), name
    return [Former(name, chinese, name if name.isascii() else "", division, None, presumed=True) for division in found]


@cache
def presumed_former_chinese_names():
    """{former Chinese name: its district} for every district whose stem with 县 names no division today. (Not with
    市: "X市" runs into 市场, 市民 … too often to be read as a place from its name alone.)"""
    found = {}
    for division in by_code().values():
        if division.level == "county" and division.chinese.endswith("区") and len(division.chinese) >= 3:
            name = division.chinese[:-1] + "县"
            if presumed_former(name) is not None:
                found[name] = division
    return found


def former_chinese_names():
    """Every former Chinese name the gazetteer knows (武鸣县, 龙华新区 …)."""
    return [chinese for chinese, *_ in FORMER_NAMES]


def chinese_named(chinese):
    """Every division of this Chinese name, by code ([] for a name the gazetteer does not know)."""
    return _index()[1].get(chinese, [])


@cache
def chinese_short_forms():
    """{short form: Division} for the names above and 长阳县-like ones, where no division bears the short form."""
    forms = {short: chinese_named(full)[0] for short, full in CHINESE_SHORT_FORMS.items()}
    for division in by_code().values():
        match = AUTONOMOUS_RE.fullmatch(division.chinese) if division.level == "county" else None
        if match:
            forms.setdefault(match["stem"] + match["kind"], division)
    return {short: division for short, division in forms.items() if not chinese_named(short)}


def province_of_name(name):
    """The portal's name of a province for "Liaoning", "Liaoning Province", "Ningxia Hui Autonomous Region"…"""
    name = re.sub(r"\s+(?:hui|uygur|uyghur|zhuang)\b", "", name.strip(), flags=re.IGNORECASE)
    found = named(name, level="province")
    return found[0].english if found else None


def chinese_bureau_name(division, bureau_word="教育局", place=""):
    """The bureau's Chinese name from its place: 大连市金普新区教育局, 北京市海淀区教育局, 仙桃市教育局
    (``place``: the division's name as the bureau bears it, where it is another: 金普新区)."""
    parts = [place or division.chinese]
    above = division.city or (division.province if division.province.kind == "Municipality" else None)
    if above is not None and above is not division:
        parts.insert(0, above.chinese)
    return "".join(parts) + bureau_word


def chinese_place_names(district, city, province):
    """The Chinese names of a bureau's province, city and district, as far as the gazetteer knows them
    for sure (a name two places share and nothing above tells apart is left out): ["辽宁省", "沈阳市", "和平区"]."""
    return [name for name in chinese_places(district, city, province) if name]


@lru_cache(maxsize=8192)
def chinese_places(district, city, province):
    """(province, city, district) in Chinese, each None where the gazetteer is not sure of it (or it is
    not given): ("辽宁省", "沈阳市", "和平区"). Remembered: every page naming places in Chinese asks."""
    provinces = named(province, level="province") if province else []
    province_division = provinces[0] if len(provinces) == 1 else None
    if province_division is None:
        return None, None, None
    city_division = None
    if city:
        cities = [d for d in named(city, level="prefecture") if d.province == province_division]
        city_division = cities[0] if len(cities) == 1 else None
    counties = []
    if district:
        counties = [d for d in named(district, level="county") if d.province == province_division]
        if city_division:
            counties = [d for d in counties if d.city == city_division]
    return (
        province_division.chinese,
        city_division.chinese if city_division else None,
        counties[0].chinese if len(counties) == 1 else None,
    )
