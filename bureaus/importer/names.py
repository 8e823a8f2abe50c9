"""
Recognising the bureau's name and placing it: which district, city and province.

Real pages name a bureau in many ways: "Heping District Education Bureau", "the
Education Bureau of Heping District of Shenyang City", "Shenzhen Longgang District
Education Bureau", "Dashiqiao city Education Bureau", "the education and Sports Bureau
of Zizhou county", or just "Dawukou Education Bureau". The place is then looked up in
the national gazetteer; the text's other clues (a province or city it names) decide
between divisions of the same name, and what stays undecided is left to the reviewer
with the candidates listed.
"""

import re
from collections import Counter
from dataclasses import dataclass

from bureaus.places import gazetteer

# A name never runs over a line break: its words are parted by spaces within a line.
S = r"[^\S\n]"
KIND = rf"(?:New{S}+District|New{S}+Area|District|County|City|Banner|Area)"
PARTNER = rf"(?:Sports?|Science(?:{S}+and{S}+Technology)?|Technology|Culture)"
BUREAU = (
    rf"(?:Education(?:{S}*(?:,|and){S}*{PARTNER}){{0,3}}(?:{S}+and{S}+{PARTNER})?{S}+(?:Bureau|Commission|Committee)"
    rf"|(?:Bureau|Commission){S}+of{S}+Education)"  # Beijing's districts have Education Commissions
)
# "LianChi": syllables run together, each capitalised; "Qin 'an": a machine translation's apostrophe parting them
PLACE_WORD = r"[A-Z][a-z'’-]+(?:[A-Z][a-z'’-]+)?(?: ['’][a-z]+(?![\w'’]))?"
PLACE = rf"(?:{PLACE_WORD}{S}+){{0,3}}{PLACE_WORD}(?:{S}+(?i:{KIND}))?"
# "Baoding Lianchi District" whole (a city kept before its district, split off below), else the fewest words.
SHORTEST_PLACE = rf"(?:(?:{PLACE_WORD}{S}+){{1,3}}{PLACE_WORD}{S}+(?i:{KIND})|(?:{PLACE_WORD}{S}+){{0,3}}?{PLACE_WORD}(?:{S}+(?i:{KIND}))?)"
# "Shenzhen Longgang District Education Bureau", "Dashiqiao city Education Bureau", "Dawukou Education Bureau"
NAME_FIRST_RE = re.compile(rf"\b(?P<place>{PLACE}){S}+(?P<bureau>(?i:{BUREAU}))\b")
# "Education Bureau of Heping District of Shenyang City", "education and Sports Bureau of Zizhou county"
NAME_AFTER_RE = re.compile(
    rf"\b(?P<bureau>(?i:{BUREAU})){S}+of{S}+(?:the{S}+)?(?P<place>{SHORTEST_PLACE})"
    rf"(?:(?:,{S}*|{S}+of{S}+|{S}+in{S}+)(?P<city>{PLACE_WORD})(?:{S}+(?i:City))?)?"
)
NOT_PLACE_WORDS = {
    "the", "this", "that", "its", "our", "municipal", "provincial", "county", "district", "city", "state", "national",
    "local", "new", "main", "introduction", "institutional", "functions", "brief", "responsibilities", "role", "area",
    "of", "in", "and", "at", "since", "among", "from", "by", "every", "each", "current", "chinese", "china",
    "education", "people's", "peoples", "province",
}  # fmt: skip
PROVINCE_RE = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\s+(?:Province|(?:Hui\s+|Zhuang\s+|Uygur\s+|Uyghur\s+)?Autonomous\s+Region)\b"
    r"|\b(?P<municipality>Beijing|Tianjin|Shanghai|Chongqing)\b"
)
# "Dalian City", "Shen Yang City" (its syllables parted), "Shenyang's", "Shenzhen Longgang District"
CITY_RE = re.compile(
    r"\b(?P<name>[A-Z][a-z'’-]+(?:\s[A-Z][a-z]+(?=\s+(?:City|Municipality)\b))?)(?:\s+(?:[Cc]ity|Municipality)|['’]s\b|\s+(?=[A-Z][a-z]+\s+(?:District|County)\b))"
)


SUPERIOR_RE = re.compile(r"\b(?:municipal|provincial|national|state|central)\s+$", re.IGNORECASE)
# Machine translation often writes the kind in lower case ("Tianjin's Wuqing district"); the gazetteer decides,
# and for "city" only a county-level city counts ("Qingzhen city, Guiyang"; "Guiyang City" is no county's).
COUNTY_MENTION_RE = re.compile(
    rf"\b(?P<place>(?:{PLACE_WORD}\s+){{0,2}}{PLACE_WORD}\s+(?:[Dd]istrict|[Cc]ounty|Banner|[Cc]ity))\b"
)


@dataclass
class NameMention:
    name: str  # as the text writes it
    place: str  # "Heping District", "Dawukou", "Kaohsiung City"
    city: str  # a city the mention names ("Shenyang"), else ""
    start: int
    end: int
    formal: bool  # "X Education Bureau" rather than "Education Bureau of X"


def _clean_place(place):
    words = place.split()
    while words and words[0].lower() in NOT_PLACE_WORDS:
        words = words[1:]
    if not words or all(word.lower() in NOT_PLACE_WORDS for word in words):
        return ""
    return " ".join(words)


def name_mentions(text, skip=(0, 0), superior=False):
    """Every mention of a named education bureau, in order (none inside the ``skip`` range: the predecessor).

    Municipal, provincial … bureaus are the bureau above a district's, so they are left out; with
    ``superior`` only they are returned (for a city's own page, which names no district).
    """
    found = []
    for pattern, formal in ((NAME_FIRST_RE, True), (NAME_AFTER_RE, False)):
        for match in pattern.finditer(text):
            if skip[0] <= match.start() < skip[1]:
                continue
            if bool(SUPERIOR_RE.search(text[max(0, match.start("bureau") - 14) : match.start("bureau")])) != superior:
                continue  # "the Municipal Education Bureau of Shanghai": the bureau above, not this one
            raw_place = match.group("place")
            # "Wuzhou Municipal": the level of the bureau is not part of its place's name.
            place = re.sub(r"\s+(?i:municipal|provincial)$", "", _clean_place(raw_place))
            if not place:
                continue
            city = match.groupdict().get("city") or ""
            first, _, rest = place.partition(" ")
            first = re.sub(r"['’]s$", "", first)  # "Shenzhen's Longhua District"
            # "Baoding City Lianchi District", "Baoding Municipal Lianchi District": the city's kind goes with it.
            rest = re.sub(r"^(?:City|Municipal|Municipality)\s+(?=\S+\s)", "", rest)
            # "Shenzhen Longgang District", "Shanghai Pudong New Area": a city or municipality before the district.
            rest_name = re.sub(rf"(?i:{KIND})$", "", rest).strip()
            above = gazetteer.named(first, level="prefecture") or [
                d for d in gazetteer.named(first, level="province") if d.kind == "Municipality"
            ]
            splits = rest_name and rest != rest_name and above
            if splits and (gazetteer.named(rest, level="county") or not gazetteer.named(place)):
                place, city = rest, city or first
            start = match.start("place") + raw_place.index(place.split()[0]) if formal else match.start()
            end = match.end()
            province_only = not gazetteer.named(city, level="prefecture") and not gazetteer.named(city, level="county")
            if city and not formal and province_only and gazetteer.named(city, level="province"):
                # "… of Yangbi County, Yunnan": a province after the comma is where the county is, not its name.
                end, city = match.end("place"), ""
            found.append(NameMention(text[start:end], place, city, start, end, formal))
    return sorted(found, key=lambda mention: mention.start)


# "yongjia county education bureau", "xinhua district Education Bureau", "the education bureau of xinhua district":
# machine translation sometimes writes the place's name, or the whole name, in lower case.
LOWER_BUREAU = rf"(?i:{BUREAU})"
LOWER_PLACE = r"(?:[a-z][a-z'’-]+\s+){1,2}(?i:district|county|banner)"
LOWER_NAME_RE = re.compile(
    rf"\b(?P<place>{LOWER_PLACE})\s+{LOWER_BUREAU}\b|\b{LOWER_BUREAU}\s+of\s+(?:the\s+)?(?P<after>{LOWER_PLACE})\b"
)


def lower_case_mentions(text):
    """Bureau names written all in lower case, taken only where the gazetteer knows the place (so "the
    county education bureau" is not one); returned with their words capitalised."""
    found = []
    for match in LOWER_NAME_RE.finditer(text):
        formal = bool(match.group("place"))
        place = _known_county(
            [word.capitalize() for word in _clean_place(match.group("place" if formal else "after")).split()]
        )
        if place:
            offset = match.start() + match.group(0).lower().index(place.lower()) if formal else match.start()
            words = text[offset : match.end()].split()
            name = " ".join(word if word in ("of", "and") else word.capitalize() for word in words)
            found.append(NameMention(name, place, "", offset, match.end(), formal))
    return found


def _known_county(words):
    """The longest tail of ``words`` the gazetteer knows as a county-level place, today's or a former one, or "":
    "Tianjin's Wuqing District" → "Wuqing District"; "Qianshan County" (潜山县, Qianshan City since 2018)."""
    tails = [" ".join(words[start:]) for start in range(len(words) - 1)]
    return next((tail for tail in tails if gazetteer.named(tail, level="county")), "") or next(
        (tail for tail in tails if _former_county(tail)), ""
    )


def _former_county(name):
    """Whether ``name`` is a county-level place's former name, known or presumed ("Wuming County", "Xushui County")."""
    former = gazetteer.formerly_named(name)
    return (former is not None and former.division.level == "county") or bool(gazetteer.presumed_formers(name))


def bureau_mention(text, skip=(0, 0)):
    """The mention that names the document's bureau, or None: a district's bureau as written, else one
    written all in lower case, else, on a city's own page that names no district, the city's bureau
    ("Wuzhou Municipal Education Bureau")."""
    mentions = name_mentions(text, skip) or lower_case_mentions(text)
    if not mentions and not districts_mentioned(text):
        mentions = name_mentions(text, skip, superior=True)
    return choose_name(mentions, text)


def choose_name(mentions, text=""):
    """The mention that names the bureau: the place most mentioned, in its fullest formal form. Between places
    named as often, the one the ``text`` says most often on its own wins ("Qinglong County Education Bureau" in a
    mirror's wrong headline, "Meilan District Education Bureau" and "Meilan District" again and again below it),
    then the first named."""
    if not mentions:
        return None
    resolved = {}
    for mention in mentions:
        divisions = gazetteer.named(mention.place, level="county") or gazetteer.named(mention.place)
        key = gazetteer.fold(mention.place).replace("newarea", "newdistrict")
        resolved[mention.place] = divisions[0].code if len(divisions) == 1 else key
    counts = Counter(resolved[mention.place] for mention in mentions)

    def said(key):
        # Only a county-level place the gazetteer knows: not "Committee Education Committee", nor the city above.
        places = {mention.place for mention in mentions if resolved[mention.place] == key}
        if not text or not any(gazetteer.named(place, level="county") for place in places):
            return 0
        stems = {place.split()[0] for place in places}
        return max(len(re.findall(rf"\b{re.escape(stem)}\b", text)) for stem in stems)

    best_key = max(
        counts,
        key=lambda key: (counts[key], said(key), -min(m.start for m in mentions if resolved[m.place] == key)),
    )
    chosen = [mention for mention in mentions if resolved[mention.place] == best_key]
    # Prefer a formal name whose place carries its kind ("Donghe District …" over "Donghe …").
    return max(chosen, key=lambda m: (m.formal, bool(re.search(rf"(?i:{KIND})$", m.place)), -m.start))


def province_mentions(text):
    """Provinces the text names, in order ("Liaoning Province", "Ningxia Hui Autonomous Region", "Shanghai")."""
    found = []
    for match in PROVINCE_RE.finditer(text):
        name = gazetteer.province_of_name(match.group("name") or match.group("municipality"))
        if name:
            found.append((name, bool(match.group("name"))))
    return found


def city_mentions(text):
    """Prefecture-level cities the text names ("Dalian City", "Shenyang's", "of Zhuhai City")."""
    cities = []
    for match in CITY_RE.finditer(text):
        name = match.group("name")
        named = gazetteer.named(name, level="prefecture") or gazetteer.named(name.split()[-1], level="prefecture")
        for division in named:
            if division not in cities:
                cities.append(division)
    return cities


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
        if len(narrowed) == 1:
            division = narrowed[0]
            former = former or next((f for f in presumed if f.division == division), None)
            said = {c.english for c in cities} | {text_province}
            added = [
                d.english
                for d in (division.city, division.province)
                if d is not None and d.english not in said and not _names(text, d)
            ]  # only what the text does not state: "…, Baoding, Hebei." states both
            # An autonomous county's full English name names its peoples too ("Changyang Tujia Autonomous
            # County"), which the gazetteer's short name leaves out: the text's wording is kept.
            full = division.kind.startswith("Autonomous") and place_name.lower().endswith(division.kind.lower())
            # "Ejin Horo Banner": a settled English name the text uses is kept over the gazetteer's pinyin.
            full = full or gazetteer.is_other_name(place_name, division)
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


def districts_mentioned(text):
    """The distinct county-level places the text names ("… based on Songjiang District") that the gazetteer knows.

    Two names of one division ("Ximeng County" and "Ximeng Wa Autonomous County") are one place, named in the
    fuller form (an autonomous county's names its peoples, which the gazetteer's short English name leaves out).
    """
    found, divisions = [], []
    for match in COUNTY_MENTION_RE.finditer(text):
        words = _clean_place(match.group("place")).split()
        if not words:
            continue
        words[-1] = words[-1].capitalize()  # "Tianjin's Wuqing district"
        name = _known_county(words)
        if not name or name in found:
            continue
        named = frozenset(gazetteer.named(name, level="county") or (name,))  # a former name: itself
        if len(named) == 1 and named in divisions:
            index = divisions.index(named)
            found[index] = max(found[index], name, key=len)
            continue
        found.append(name)
        divisions.append(named)
    return found or _lower_case_districts(text)


# "qingyunpu district" (a machine translation's lower case): a word of five letters or more, so English
# words before "county" ("long county road": 陇县 is Long County) are not taken for places.
LOWER_COUNTY_MENTION_RE = re.compile(r"(?<![\w'’-])(?P<place>[a-z][a-z'’-]{4,} (?:district|county|banner))\b")


def _lower_case_districts(text):
    """County-level places written all in lower case, each said at least twice and known to the gazetteer."""
    said = Counter(match.group("place") for match in LOWER_COUNTY_MENTION_RE.finditer(text))
    found = []
    for place, times in said.items():
        words = [word.capitalize() for word in place.split()]
        name = times >= 2 and words[0].lower() not in NOT_PLACE_WORDS and _known_county(words)
        if name and name not in found:
            found.append(name)
    return found
