"""
Recognising what a page names: the bureau's name ("Heping District Education Bureau", "the Education Bureau of
Heping District of Shenyang City", "Shenzhen Longgang District Education Bureau", "Dashiqiao city Education
Bureau", "the education and Sports Bureau of Zizhou county", or just "Dawukou Education Bureau"), and the
provinces, cities and county-level places it mentions, each looked up in the national gazetteer (today's names
and former ones). Where the bureau then is, weighing these clues, is ``placing``'s. Pure Python, no Django.
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
    # "Sunan Yugu autonomous county": the kind in lower case, "autonomous" before it
    rf"\b(?P<place>(?:{PLACE_WORD}\s+){{0,2}}{PLACE_WORD}\s+(?:[Aa]utonomous\s+)?(?:[Dd]istrict|[Cc]ounty|Banner|[Cc]ity))\b"
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
        if len(words) > 2 and words[-2] == "autonomous":  # "Sunan Yugu autonomous county"
            words[-2] = "Autonomous"
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
