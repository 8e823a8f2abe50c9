"""
Placing a bureau: which county-level division, city and province a page's bureau is in, from the national
gazetteer and the text's clues (the province or city it names, how it speaks of itself, the one county it names
again and again). What stays undecided is left to the reviewer with the candidates listed. The mentions it
weighs are ``names``'s. Pure Python, no Django.
"""

import re
from collections import Counter
from dataclasses import dataclass

from bureaus.importer.names import KIND, NOT_PLACE_WORDS, city_mentions, districts_mentioned, province_mentions
from bureaus.places import gazetteer


@dataclass
class Placing:
    district: str = ""
    city: str = ""
    province: str = ""
    candidates: tuple = ()  # descriptions of the divisions a reviewer may choose from
    warning: str = ""
    from_gazetteer: str = ""  # what the gazetteer added that the text does not say


def place(place_name, city_hint, text):
    """Where a bureau of ``place_name`` is, from the gazetteer and the text's clues."""
    provinces = province_mentions(text)
    explicit = [name for name, said_province in provinces if said_province]
    text_province = (explicit or [name for name, _ in provinces] or [""])[0]
    cities = city_mentions(text)
    if city_hint:  # the city (or municipality) named with the bureau: "Shanghai Jing'an District …"
        hinted = gazetteer.named(city_hint, level="prefecture") or [
            d for d in gazetteer.named(city_hint, level="province") if d.kind == "Municipality"
        ]
        cities = hinted + cities
    divisions = gazetteer.named(place_name, level="county") if place_name else []
    if divisions and _is_a_citys_bureau(place_name, text):
        divisions = []  # "Nanjing Education Bureau" above Nanjing's districts: the city's, not Nanjing County's
    former = None
    presumed = []  # "Qianshan County", presumed one of the divisions bearing its stem: the text's clues choose
    if not divisions and place_name:  # an older name: "Wuming County" is Wuming District since 2015
        former = gazetteer.formerly_named(place_name)
        former = former if former is not None and former.division.level == "county" else None
        presumed = [] if former else gazetteer.presumed_formers(place_name)
        divisions = [former.division] if former else [f.division for f in presumed]
    if not divisions and place_name:
        divisions = [d for d in gazetteer.named(place_name) if d.level == "prefecture" and d.kind != "City"]
    if divisions:
        narrowed = [d for d in divisions if d.city in cities or d.parent in cities]
        if not narrowed and city_hint:
            divisions = []  # the text places it in a city where the gazetteer has no such district
        narrowed = narrowed or divisions
    if divisions:
        if len(narrowed) > 1 and text_province:
            narrowed = [d for d in narrowed if d.province.english == text_province] or narrowed
        if len(narrowed) > 1:  # a weaker clue, only to choose between candidates: "…, Qingshan District, Wuhan."
            narrowed = [d for d in narrowed if d.city and _names(text, d.city)] or narrowed
        if len(narrowed) > 1:  # weaker still: the province named in passing ("… in northern Jiangsu")
            narrowed = [d for d in narrowed if _names(text, d.province)] or narrowed
        if len(narrowed) > 1:  # "Lanxi", a county in Heilongjiang and a county-level city in Zhejiang: "the city"
            narrowed = [d for d in narrowed if _kind_word(d) == _spoken_as(text)] or narrowed
        lone = narrowed[0] if len(narrowed) == 1 else None
        elsewhere = lone and text_province and lone.province.english != text_province and not former
        if elsewhere and not _names(text, lone.province) and not (lone.city and _names(text, lone.city)):
            # "Jiashan County" on a page about Anhui: the gazetteer's Jiashan is in Zhejiang, and Anhui's (嘉山县,
            # Mingguang City since 1994) is under another name now: the text's province stands, the rest is checked.
            return Placing(
                district=place_name,
                province=text_province,
                warning=f"The gazetteer's only “{place_name}” is {lone}, but the text names {text_province}: "
                "choose the district before publishing.",
            )
        if len(narrowed) == 1:
            division = narrowed[0]
            former = former or next((f for f in presumed if f.division == division), None)
            said = {c.english for c in cities} | {text_province}
            added = [
                d.english
                for d in (division.city, division.province)
                if d is not None and d.english not in said and not _names(text, d)
            ]  # only what the text does not state: "…, Baoding, Hebei." states both
            autonomous = division.kind.startswith("Autonomous")
            if autonomous and not place_name.lower().endswith(division.kind.lower()):
                # "Datong County" here, "Datong Hui and Tu Autonomous County" there: the page's full name, else its
                # words, never the gazetteer's made-up "Datong Autonomous County".
                place_name = _autonomous_name(text, division) or place_name
            # The page's name is kept where the gazetteer's would misname the place: an autonomous county's (with its
            # peoples, "Changyang Tujia Autonomous County"), a settled English name ("Ejin Horo Banner"), pinyin's ü
            # written u ("Lushunkou" for the gazetteer's "Lvshunkou").
            full = (
                autonomous
                or gazetteer.is_other_name(place_name, division)
                or gazetteer.spelled_with_u(place_name, division)
            )
            return Placing(
                district=place_name if full else former.district_name if former else division.name,
                city=division.city.english if division.city else "",
                province=division.province.english,
                warning=former.warning() if former else "",
                from_gazetteer=f"{division.name} is in {', '.join(added)}" if added else "",
            )
        provinces_of = {d.province.english for d in narrowed}
        described = tuple(str(d) for d in narrowed)
        shared = {d.name for d in narrowed}
        return Placing(
            # The name they all share ("Gulou District"), else the text's own ("Lanxi": County or City?).
            district=shared.pop() if len(shared) == 1 else place_name,
            province=provinces_of.pop() if len(provinces_of) == 1 else "",
            candidates=described,
            warning=f"“{place_name}” may be any of: {'; '.join(described)}. Choose the right one before publishing.",
        )
    higher = [d for d in gazetteer.named(place_name) if d.level != "county"] if place_name else []
    if higher:  # "Kaohsiung City", "Shanghai": a city's or a province's bureau, not a district's
        place_name = ""
        own = [d for d in higher if d.level == "prefecture"]
        if len(own) > 1 and not any(city in own for city in cities):  # two Suzhou cities, and no clue in the text
            own = [d for d in own if d.province.english == text_province] or own
            if len(own) > 1 and len({d.english for d in own}) == 1:  # still two: the reviewer chooses
                described = tuple(str(d) for d in own)
                return Placing(
                    city=own[0].english,
                    candidates=described,
                    warning=f"“{own[0].english}” may be any of: {'; '.join(described)}. Choose the right one "
                    "before publishing.",
                )
        if len(own) == 1:  # its own city comes first (two Yichun cities: the text's clues decide)
            cities = own + cities
    if not place_name:
        mentioned = districts_mentioned(text)
        if len(mentioned) == 1:
            found = place(mentioned[0], city_hint, text)
            found.from_gazetteer = f"the text names no bureau of a district, but only one district: {mentioned[0]}"
            return found
        subject = _most_named(mentioned, text)
        if subject:
            found = place(subject, city_hint, text)
            found.from_gazetteer = f"the text names no bureau of a district, and {subject} far more than any other"
            return found
        bare = _bare_county(text, cities, text_province) if not mentioned else None
        if bare is not None:
            found = place(bare.name, city_hint, text)
            found.from_gazetteer = (
                f"the text names no bureau or district, but {bare.english} again and again, in "
                f"{(bare.city or bare.province).english}, which it names"
            )
            return found
        cities = _city_around(mentioned, text) + cities
    # Not in the gazetteer (a new area such as Jinpu New District, or outside the mainland): the text's clues.
    # A municipality hinted as the city ("Tianjin Eco-City …") is the province: its places have no city between.
    municipality = next((c for c in cities if c.level == "province"), None)
    cities = [c for c in cities if c.level != "province"]
    city = next((c for c in cities if not text_province or c.province.english == text_province), None)
    province = text_province or (city.province.english if city else municipality.english if municipality else "")
    return Placing(district=place_name, city=city.english if city else "", province=province)


# How a county-level division's own page speaks of it: "the city" (a county-level city, often "Municipal"), "the
# county", "the district".
VOICE_RES = {
    "city": re.compile(r"\b(?:the|this|our|whole|entire)\s+city\b|\bcity's\b|\bmunicipal\b", re.IGNORECASE),
    "county": re.compile(r"\b(?:the|this|our|whole|entire)\s+county\b|\bcounty's\b", re.IGNORECASE),
    "district": re.compile(r"\b(?:the|this|our|whole|entire)\s+district\b|\bdistrict's\b", re.IGNORECASE),
}


def _spoken_as(text):
    """ "city", "county" or "district": the kind of place the text speaks as, said at least twice and at least twice
    as often as any other; "" when no kind stands out."""
    said = Counter({kind: len(voice.findall(text)) for kind, voice in VOICE_RES.items()}).most_common()
    (loudest, times), (_, next_times) = said[0], said[1]
    return loudest if times >= 2 and times >= 2 * next_times else ""


def _autonomous_name(text, division):
    """An autonomous county's full name as the text writes it ("Qiongzhong Li and Miao Autonomous County"), or None."""
    stem = re.escape(division.english.split()[0])
    kind = division.kind.split()[-1]
    found = re.search(rf"\b{stem}(?:\s+(?:[A-Z][a-z]+|and)){{1,5}}\s+Autonomous\s+{kind}\b", text)
    return found.group(0) if found else None


def _kind_word(division):
    """ "city", "county" or "district" for a county-level division's kind ("Autonomous County" speaks as a county)."""
    return division.kind.split()[-1].lower()


def _names(text, division):
    """Whether the text names ``division`` as a word of its own ("Wuhan", not "Wuhanese"), its syllables written
    together or apart, with or without an apostrophe ("Xi'an", "Xian", "Xi An", "Huai 'an"; "Shen Yang")."""
    letters = [re.escape(letter) for letter in division.english if letter.isalpha()]
    if not letters:
        return False
    words = letters[0] + "(?i:" + "".join(f"[^\\S\\n]?['’]?{letter}" for letter in letters[1:]) + ")"
    return bool(re.search(rf"\b{words}(?![\w'’])", text))


CITYS_RE = re.compile(r"\bthe\s+(?:whole\s+)?city(?:['’]s)?\b", re.IGNORECASE)
MUNICIPAL_BUREAU_RE = re.compile(r"\bmunicipal\s+education\s+(?:bureau|commission)", re.IGNORECASE)


def _is_a_citys_bureau(place_name, text):
    """Whether ``place_name``, written without a kind ("Nanjing", "Suzhou"), is a city's whose bureau the text
    calls municipal or whose districts it names, rather than a county-level place of the same name."""
    if re.search(rf"(?i:{KIND})$", place_name):
        return False
    cities = gazetteer.named(place_name, level="prefecture")
    if not cities:
        return False
    # "… Jiujiang City", "the city's education": the prefecture Jiujiang, not Wuhu's Jiujiang District.
    city_named = re.search(rf"\b{re.escape(place_name)}\s+City\b", text) and len(CITYS_RE.findall(text)) >= 2
    return bool(MUNICIPAL_BUREAU_RE.search(text) or city_named) or any(
        division.city in cities for district in districts_mentioned(text)
        for division in gazetteer.named(district, level="county")
    )  # fmt: skip


def _city_around(districts, text):
    """[the city] when the districts a text names all lie in one city it names too ("Changde" and its
    Taoyuan, Hanshou and Shimen counties): a city's page about its own counties. Else []."""
    around = {division.city for district in districts for division in gazetteer.named(district, level="county")}
    around.discard(None)
    named = [city for city in around if _names(text, city)]
    return named if len(named) == 1 else []


def _most_named(districts, text):
    """Of several districts a text names, the one it names at least twice as often as any other
    ("Tianhe" six times, "Nanshan" once, in a page on Tianhe's schools), else ""."""
    if len(districts) < 2:
        return ""
    times = sorted(((len(re.findall(rf"\b{re.escape(d.split()[0])}\b", text)), d) for d in districts), reverse=True)
    (most, subject), (next_most, _) = times[0], times[1]
    return subject if most >= 2 * next_most else ""


BARE_NAME_RE = re.compile(r"\b[A-Z][a-z]{2,}(?:['’][a-z]+)?\b")
MIN_BARE_NAMES = 3
MIN_LONE_NAME = 6


def _bare_county(text, cities, province):
    """The county-level division a text names by its bare name again and again ("Haidian leads the way …",
    "Jingjiang has implemented …") in a city or province it names (Beijing, Jiangsu), or the only division of that
    name where the text names no city or province ("Kunshan"), else None."""
    said = Counter(BARE_NAME_RE.findall(text))
    found = []
    for word, times in said.items():
        if times < MIN_BARE_NAMES or word.lower() in NOT_PLACE_WORDS or _called_a_prefecture(word, text):
            continue
        if gazetteer.named(word, level="province"):  # "Xinjiang" is the region, not 新绛县 (Xinjiang County, Shanxi)
            continue
        named = gazetteer.named(word, level="county")
        divisions = [d for d in named if d.city in cities or d.parent in cities or d.province.english == province]
        # "Kunshan" and no other clue: a name of two syllables at least (Tang is a dynasty, Li a family name).
        alone = len(named) == 1 and not (cities or province) and len(word) >= MIN_LONE_NAME
        if len(divisions) == 1 or alone:
            found.append((divisions or named)[0])
    return found[0] if len(found) == 1 else None


def _called_a_prefecture(word, text):
    """Whether the text calls ``word`` a prefecture ("Gannan Tibetan autonomous prefecture"): its bare name is
    then the prefecture's, not a county's of the same name elsewhere (甘南县 in Heilongjiang)."""
    return bool(re.search(rf"\b{re.escape(word)}\s+(?:[A-Za-z]+\s+){{0,2}}prefecture\b", text, re.IGNORECASE))


def divisions_named(text):
    """Every division of the gazetteer the text names: provinces, prefecture-level cities, county-level places."""
    named = [d for name, _ in province_mentions(text) for d in gazetteer.named(name, level="province")]
    named += city_mentions(text)
    return named + [d for name in districts_mentioned(text) for d in gazetteer.named(name, level="county")]
