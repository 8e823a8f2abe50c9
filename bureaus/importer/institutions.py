"""
Institution counts written into sentences: "18 basic education schools, 2 secondary
vocational schools … and 6 kindergartens", "Private schools 146", "internal organs 10",
"one 9-year school", "5,130 kindergartens".

Each count's category is normalised to one of the shared institution types (see
``fixtures/institution_types.json``), or proposed as a new type when none fits. A count
is only taken from a sentence that states what the bureau has ("there are", "has",
"including", "among them" …), never from students, teachers, towns, villages, awards,
money or what was built; and never from machine-translation debris ("4/kloc-0",
"3 2400", "65,438+03"), which is reported instead.
"""

import bisect
import re
from dataclasses import dataclass

from bureaus.importer.facts import MONTHS
from bureaus.importer.segments import COUNT_PARTS_RE as PARTS_RE
from bureaus.vocabulary import NUMBER_WORDS

SIMPLE_NUMBER_WORDS = [word for word in NUMBER_WORDS if word.isalpha()]

HEAD_NOUNS = (
    r"schools?|kindergartens?|offices?|units?|cent(?:re|er)s?|institutions?|colleges?|universit(?:y|ies)|academ(?:y|ies)"
    r"|institutes?|departments?|divisions?|organs?|sections?|bureaus?|stations?"
)
NUMBER = rf"\d{{1,3}}(?:,\d{{3}})+|\d{{1,5}}|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))}"
# "jurisdiction over 16 units" is over them, not over 16 of them.
APPROXIMATE = (
    r"more than|(?<!jurisdiction )over|nearly|about|around|approximately|almost|at least|a total of|totally|altogether"
)
# A word between a number and what it counts; "such as", "including", "like" end the counted thing before them
# ("26 projects such as Qili School" counts projects, not schools).
WORD = r"(?!(?:such|including|like|namely|e\.g)\b)(?:[a-z][\w'’-]*|\d+-year|nine-year|[A-Z][a-z]+)"
# "… of higher learning": what some counted nouns need to say what they are.
COMPLEMENT = r"(?:\s+of\s+(?:higher\s+(?:learning|education)|[a-z]+\s+education|nine-year\s+system))?"
# "18 basic education schools", "more than 20 kindergartens", "3 institutions of higher learning"
NUMBER_FIRST_RE = re.compile(
    rf"(?<![\w/+.,-])(?:(?P<approx>{APPROXIMATE})\s+)?(?P<number>{NUMBER})\s+"
    # "school-age children": a counted noun joined to the next word describes something else.
    rf"(?P<phrase>(?:(?:{WORD})\s+){{0,6}}?(?:{HEAD_NOUNS}){COMPLEMENT})\b(?!-\w)",
    re.IGNORECASE,
)
# "Private schools 146", "complete middle schools 10", "internal organs 10:"
NOUN_FIRST_RE = re.compile(
    rf"(?P<phrase>(?:(?:{WORD})\s+){{0,5}}?(?:{HEAD_NOUNS}))\s+(?P<number>\d{{1,4}})(?![\w/+.,]\d|\s+\d|\s*[%/])\b",
    re.IGNORECASE,
)
NOUN_THEN_NUMBER_RE = re.compile(rf"(?:{HEAD_NOUNS})\s+\d", re.IGNORECASE)
# A digit or a number word: the word "twenty" is in "twenty-one" too, so the simple words are enough (the 171
# number words in one alternation make a slow search of a long sentence that has none).
ANY_NUMBER_RE = re.compile(rf"\d|\b(?:{'|'.join(sorted(SIMPLE_NUMBER_WORDS, key=len, reverse=True))})\b", re.IGNORECASE)
# What follows a counted noun and makes it something else: "school students", "kindergarten teachers".
PEOPLE_AFTER_RE = re.compile(
    r"\s*(?:students?|pupils?|teachers?|staffs?|children|employees|graduates|principals|workers|classes|buildings?"
    r"|places|seats|beds|enrol|in\s+\d)",
    re.IGNORECASE,
)
# Words in a counted phrase that make it no inventory: money, area, people, distances, places.
# Places are counted in the plural ("29 towns and street offices"); a town, township, village or community
# in the singular describes a school ("29 township adult schools", "12 village primary schools").
NOT_INVENTORY_WORDS = re.compile(
    r"\b(?:yuan|square|kilometers?|kilometres?|km2?|mu|hectares?|population|students?|people|persons|times|percent"
    r"|sessions|towns|townships|villages|streets?|communities|classes|sub-?districts?|neighbou?rhoods?)\b",
    re.IGNORECASE,
)
# A relative word in a counted phrase: what follows it describes the counted thing, which is no institution.
RELATIVE_RE = re.compile(r"\b(?:where|which|that|who|whose|whom|when)\b", re.IGNORECASE)
# A length of time in a counted phrase ("3 years before school"); "9-year schools" name a kind of school.
DURATION_RE = re.compile(r"(?<![\w-])(?:years?|months?|weeks?|days?)\b", re.IGNORECASE)
# Sentences that report a change or an honour, not what the bureau runs.
CHANGE_RE = re.compile(
    r"\b(?:built|rebuilt|constructed|renovated|invested|equipped|added|opened|expanded|merged|relocated|upgraded"
    r"|awarded|rated|won|honou?red|named|will|shall|plans? to|assigned|paired|created"
    r"|renovation|expansion|reconstruction|rectification|under construction|being (?:built|renovated))\b",
    re.IGNORECASE,
)
INVENTORY_RE = re.compile(
    r"\b(?:there (?:are|is|were|was)|has|have|had|with|including|includes?|among (?:them|which)|namely|consists? of"
    r"|comprises?|runs?|under its (?:jurisdiction|management)|in total|altogether|a total of|of which)\b"
    r"|^[^,;]*\b(?:schools?|kindergartens?)\s+\d",
    re.IGNORECASE,
)
DEBRIS_RE = re.compile(
    r"\d+\s*/\s*(?:kloc|klo|\d)|\d+,\d{3}\+\d+|(?<![\w.])\d{1,3}\s\d{1,4}(?=\s+[a-z])|\d+/\d+\s*[a-z]", re.I
)
# One part of a count in brackets ("public (40)"): its parts are qualified sub-counts noted with the count, never types.
PART_RE = re.compile(r"(?P<word>[a-z][\w-]*)\s*[(（]\s*(?P<number>\d{1,5})\s*[)）]", re.IGNORECASE)
# … or in brackets after it: "58 primary schools (40 public and 18 private)", "primary schools 58 (public 40, private 18)".
PART = r"(?:\d{1,5}\s+[a-z][\w-]*|[a-z][\w-]*\s+\d{1,5})"
PARTS_AFTER_RE = re.compile(
    rf"\s*[(（]\s*(?P<parts>{PART}(?:(?:\s*[,，、;；]\s*(?:and\s+)?|\s+and\s+){PART})+)\s*[)）]", re.IGNORECASE
)
PART_SEPARATOR_RE = re.compile(r"\s*[,，、;；]\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)


def _parts_after(sentence, end):
    """ "40 public and 18 private" from the brackets right after a count, or ""."""
    match = PARTS_AFTER_RE.match(sentence, end)
    if not match:
        return ""
    said = [
        " ".join(sorted(part.split(), key=lambda word: not word.isdigit()))  # "public 40" → "40 public"
        for part in PART_SEPARATOR_RE.split(match.group("parts"))
    ]
    return " and ".join([", ".join(said[:-1]), said[-1]])


AS_OF_RE = re.compile(
    r"(?:by|as of|at|until) the end of (?P<a>(?:19|20)\d\d)|as of (?P<b>(?:19|20)\d\d)|in (?P<c>(?:19|20)\d\d),? there (?:were|are)",
    re.I,
)

# Phrases (singular, lower case) and the institution type they mean; the longest match wins.
CATEGORY_SYNONYMS = {
    "basic education school": "basic-education-school",
    "secondary vocational education school": "secondary-vocational-school",
    "secondary vocational school": "secondary-vocational-school",
    "secondary vocational and technical school": "secondary-vocational-school",
    "secondary specialized school": "secondary-vocational-school",
    "higher vocational school": "higher-vocational-school",
    "higher vocational college": "higher-vocational-school",
    "vocational college": "higher-vocational-school",
    "vocational school": "vocational-school",
    "vocational middle school": "vocational-school",
    "vocational high school": "vocational-school",
    "vocational education school": "vocational-school",
    "vocational and technical school": "vocational-school",
    "kindergarten": "kindergarten",
    "nursery school": "kindergarten",
    "primary school": "primary-school",
    "elementary school": "primary-school",
    "junior high school": "junior-high-school",
    "junior middle school": "junior-high-school",
    "senior high school": "high-school",
    "senior middle school": "high-school",
    "ordinary high school": "high-school",
    "high school": "high-school",
    "middle school": "middle-school",
    "secondary school": "middle-school",
    "nine-year school": "nine-year-school",
    "school of nine-year system": "nine-year-school",
    "9-year school": "nine-year-school",
    "nine-year consistent school": "nine-year-school",
    "nine-year compulsory education school": "nine-year-school",
    "special education school": "special-education-school",
    "special school": "special-education-school",
    "internal office": "internal-office",
    "internal institution": "internal-office",
    "internal organ": "internal-office",
    "functional office": "internal-office",
    "functional department": "internal-office",
    "internal department": "internal-office",
    "department": "internal-office",
    "division": "internal-office",
    "section": "internal-office",
    "organ": "internal-office",
    "unit": "internal-office",
    "directly affiliated unit": "directly-affiliated-unit",
    "directly affiliated institution": "directly-affiliated-unit",
    "affiliated unit": "directly-affiliated-unit",
    "subordinate unit": "directly-affiliated-unit",
    "directly subordinate unit": "directly-affiliated-unit",
    "public institution": "directly-affiliated-unit",
    "office": "office",
}
# Words that describe rather than classify: "18 ordinary primary schools" are primary schools.
DESCRIPTIVE_WORDS = {
    "ordinary",
    "various",
    "existing",
    "full-time",
    "all",
    "the",
    "its",
    "other",
    "current",
    "currently",
}
# Counted things that are not institutions the bureau runs, whatever their number.
NOT_COUNTED = {"bureau"}
# People, or a place inside the phrase: "teachers in public schools", "staff at kindergartens".
PEOPLE_IN_PHRASE_RE = re.compile(
    r"\b(?:teachers|students|pupils|staff|staffs|children|employees|workers|graduates|principals|people)\b|\s(?:in|at)\s",
    re.IGNORECASE,
)
# A sentence about the past: its counts are history, not what the bureau runs now.
AS_OF_NOW_RE = re.compile(rf"\bas of (?:{MONTHS})\b", re.IGNORECASE)  # "As of March, there were 139 kindergartens"
HISTORY_RE = re.compile(r"\b(?:1[5-8]\d\d|19[0-8]\d)\b|\bdynasty\b|\brepublic of china\b(?!\s*\(prc\))", re.IGNORECASE)
PAST_RE = re.compile(r"\bthere (?:were|was)\b|\bhad\b", re.IGNORECASE)
RECENT_YEAR_RE = re.compile(r"\b(?:199\d|20\d\d)\b")
# A number that names a whole a share is taken of: "one third of the 20 pilot schools in the province".
SHARE_OF_RE = re.compile(r"\b(?:of|among)\s+(?:the|all(?:\s+the)?)\s+$", re.IGNORECASE)
# What may open a noun-first count without being part of the counted thing's name.
LEAD_IN = r"(?:(?:and|or|plus|as well as|there (?:are|is)|including|includes?|has|have|with|among them)\s+)+"
# Words that cannot open a counted phrase: "(ten are high schools with …)" counts nothing.
NOT_PHRASE_STARTS = {"are", "is", "was", "were", "have", "has", "had", "be", "of", "in", "to", "for", "at"}


@dataclass(frozen=True)
class CountMatch:
    number: int
    category: str  # an institution type's slug
    new_type_name: str  # set when no known type fits: the name for a new type
    approximate: str
    phrase: str  # the counted thing as written
    start: int  # offsets of "18 basic education schools" within the sentence
    end: int
    parts: str = ""  # its parts as the text gives them in brackets: "40 public and 18 private"


# "13 schools covering nine consecutive grades", "six schools covering 12 consecutive grades": one-stop schools.
GRADES_AFTER_RE = re.compile(
    r"\s+(?:covering|spanning|with|offering)\s+(?:all\s+)?(?P<grades>nine|9|twelve|12)\s+(?:consecutive\s+)?grades\b",
    re.I,
)
SCHOOLS_BY_GRADES = {
    "nine": ("nine-year-school", ""),
    "9": ("nine-year-school", ""),
    "twelve": ("twelve-year-school", "Twelve-year school"),
    "12": ("twelve-year-school", "Twelve-year school"),
}
# A count of schools the district works with, not its own: "cooperated with more than 10 leading schools".
PARTNERS_BEFORE_RE = re.compile(
    rf"\b(?:cooperat\w*|partner(?:ed|s|ing)?|paired|twinned|teamed up)\s+with\s+(?:(?:{APPROXIMATE})\s+)?$", re.I
)


def singular(word):
    for plural, single in (("ies", "y"), ("ches", "ch"), ("ses", "s"), ("s", "")):
        if word.endswith(plural) and not word.endswith("ss") and len(word) > len(plural) + 2:
            return word[: -len(plural)] + single
    return word


# "236 schools of all levels and types", "46 primary and secondary schools and kindergartens": a total of
# several types, not a type; counts are kept by type (adding a total to its parts would count twice).
TOTAL_WORDS = {"school", "schools", "primary", "secondary", "middle", "and", "kindergarten", "kindergartens",
               "educational", "education", "institution", "institutions", "all", "various", "of"}  # fmt: skip
TOTAL_AFTER_RE = re.compile(
    r"\s*(?:of all (?:kinds|types|levels)|at all levels|in total|altogether|of (?:various|all) )", re.I
)
TOTAL_BEFORE_RE = re.compile(r"(?:a total of|total(?:ling|ing|ed)?|in all)\s*$", re.I)
TOTAL_BEFORE_LONGEST = len("a total of")
# What may follow a noun-first count: "vocational schools 1 schools", "internal organs 10:", "… 3 and …".
NOUN_FIRST_END_RE = re.compile(
    r"\s*(?:schools?|kindergartens?|units?|[,;:.)]|\s*$|\s+and\b|\s+(?:including|among)|\s*[(（](?=[^)）]*\d))", re.I
)
NOUN_AGAIN_RE = re.compile(r"\s*(?:schools?|kindergartens?|units?)\b", re.I)


def is_total(phrase, sentence, start, end):
    """Whether the count at [start, end) of ``sentence``, of ``phrase``, is a total of several types."""
    # "535 full-time schools": describing words do not make a type of a total.
    words = [word for word in phrase.lower().split() if word not in DESCRIPTIVE_WORDS] or phrase.lower().split()
    known = " ".join(singular(word) if i == len(words) - 1 else word for i, word in enumerate(words))
    if known in CATEGORY_SYNONYMS:
        return False
    # The words before the count end where the spaces before it begin; only so much before that can be "a total of"
    # (the sentence before it is not searched again for every count).
    before = start
    while before and sentence[before - 1].isspace():
        before -= 1
    return (
        bool(
            TOTAL_AFTER_RE.match(sentence, end)
            or TOTAL_BEFORE_RE.search(sentence, max(0, before - TOTAL_BEFORE_LONGEST), start)
        )
        or set(words) <= TOTAL_WORDS
    )


def normalise_category(phrase):
    """(type slug, name for a new type) for a counted phrase; the name is "" when a known type fits."""
    words = phrase.lower().split()
    head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1  # "institutions of higher learning"
    words = [singular(word) if index == head else word for index, word in enumerate(words)]
    words = [word for word in words if word not in DESCRIPTIVE_WORDS]
    if not words or words[-1] in NOT_COUNTED:
        return "", ""
    text = " ".join(words)
    if text in CATEGORY_SYNONYMS:
        return CATEGORY_SYNONYMS[text], ""
    # Qualified known types ("private kindergarten", "public primary school") stay apart from the plain ones.
    name = text[:1].upper() + text[1:]
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug, name


def _number(raw):
    raw = raw.lower().replace(",", "")
    return int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw)


def debris(sentence):
    """Machine-translation debris in a sentence ("4/kloc-0", "3 2400"): the pieces, for a warning."""
    return [match.group(0) for match in DEBRIS_RE.finditer(sentence)]


# "…, among which 13 private schools won …": a clause on some of what was counted, which the counts before it
# keep; "…, of which 3 were rebuilt".
SOME_OF_THEM_RE = re.compile(r"\s*(?:among (?:which|them)|of (?:which|them)|including)\b", re.IGNORECASE)


def _before_a_change(sentence):
    """The sentence, or the part of it before a clause on some of what it counts that reports a change or an
    honour; "" when the sentence reports one (CHANGE_RE) itself."""
    change = CHANGE_RE.search(sentence)
    if change is None:
        return sentence
    clause_start = max(sentence.rfind(",", 0, change.start()), sentence.rfind(";", 0, change.start()))
    if clause_start > 0 and SOME_OF_THEM_RE.match(sentence, clause_start + 1):
        return sentence[:clause_start]
    return ""


VISITED_RE = re.compile(r"\b(?:visited|inspected|toured|went\s+to|called\s+on)\b", re.IGNORECASE)


def find_counts(sentence):
    """Institution counts in one sentence, in order; people, money, changes and debris are left out."""
    # A year tells of history, but debris is no year: "with 2 1644 people in the park" (21,644 people).
    sentence = _before_a_change(sentence)
    if not INVENTORY_RE.search(sentence) or HISTORY_RE.search(DEBRIS_RE.sub(" ", sentence)):
        return []
    if VISITED_RE.search(sentence):
        return []  # "He visited … two middle schools and two colleges": the few a visitor saw, not how many there are
    if PAST_RE.search(sentence) and not (RECENT_YEAR_RE.search(sentence) or AS_OF_NOW_RE.search(sentence)):
        return []
    found = []
    # Parts in brackets are blanked out where they stand (offsets kept) and remembered by where their count ends.
    parts_after, scan = {}, sentence
    for match in PARTS_RE.finditer(sentence):
        said = [f"{part.group('number')} {part.group('word')}" for part in PART_RE.finditer(match.group("parts"))]
        parts_after[match.start()] = " and ".join([", ".join(said[:-1]), said[-1]])
        scan = scan[: match.start()] + " " * (match.end() - match.start()) + scan[match.end() :]
    # What is read already, and debris: spans that never overlap, kept in order of their starts.
    taken = sorted((m.start(), m.end()) for m in DEBRIS_RE.finditer(sentence))

    def free(start, end):
        # Spans kept apart and in order end in order too: only the last one starting before ``end`` can reach
        # past ``start`` (looking at each would make a sentence of thousands of counts quadratic).
        before = bisect.bisect_left(taken, (end,))
        return before == 0 or taken[before - 1][1] <= start

    def take(start, end):
        bisect.insort(taken, (start, end))

    # "vocational schools 1 schools" (职业学校1所): the thing, its number, the thing again.
    candidates = []
    # The full patterns try every position; most sentences have no noun-then-number at all.
    nouns_first = NOUN_FIRST_RE.finditer(scan) if NOUN_THEN_NUMBER_RE.search(scan) else ()
    for match in nouns_first:
        if NOUN_FIRST_END_RE.match(sentence, match.end()):
            candidates.append((match, "noun"))
    numbers_first = NUMBER_FIRST_RE.finditer(scan) if ANY_NUMBER_RE.search(scan) else ()
    for match in numbers_first:
        candidates.append((match, "number"))
    for match, order in sorted(candidates, key=lambda c: (c[1] != "noun", c[0].start())):
        start, end = match.span()
        if order == "noun":
            end = match.end()
            tail = NOUN_AGAIN_RE.match(sentence, end)
            if tail:
                end = tail.end()
        # Matched where they stand: the rest of a long sentence is not copied for each count.
        if not free(start, end) or PEOPLE_AFTER_RE.match(sentence, match.end()):
            continue
        phrase = re.sub(r"\s+", " ", match.group("phrase")).strip()
        joined = re.match(LEAD_IN, phrase, re.I)
        if joined and order == "noun":  # "…, and training centres 15", "there are adult centres 1": not the name
            phrase, start = phrase[joined.end() :], start + joined.end()
        if phrase.split()[0].lower() in NOT_PHRASE_STARTS or PEOPLE_IN_PHRASE_RE.search(phrase):
            continue  # "(ten are high schools …)", "5658 teachers in public schools": not institutions counted
        if RELATIVE_RE.search(phrase):
            continue  # "ten alliances where public schools share …": the schools describe what is counted
        if NOT_INVENTORY_WORDS.search(phrase) or re.search(r"\bnew(?:ly)?\b", phrase, re.I):
            continue  # people, money or places; or a change ("12 new kindergartens"), not what the bureau runs
        if DURATION_RE.search(phrase):
            continue  # "three years before school", "2 consecutive years of …": a length of time
        if re.match(r"(?:19|20)\d\d$", match.group("number")):
            continue
        before = sentence[max(0, start - 4) : start]
        if re.search(r"No\.?\s*$|\d\s*$", before):
            continue
        if SHARE_OF_RE.search(sentence[max(0, start - 16) : start]):
            continue  # "one third of the 20 pilot schools in Guangdong": a larger whole, not the bureau's
        if PARTNERS_BEFORE_RE.search(sentence, max(0, start - 40), start):
            continue  # "cooperated with more than 10 leading schools in developed regions": others' schools
        grades = GRADES_AFTER_RE.match(sentence, end) if phrase.lower().endswith("schools") else None
        if grades:  # "13 schools covering nine consecutive grades": nine-year schools, not a total
            end = grades.end()
            phrase = sentence[match.start("phrase") : end]
            category, new_name = SCHOOLS_BY_GRADES[grades.group("grades").lower()]
        elif is_total(phrase, sentence, start, end):
            take(start, end)
            continue
        else:
            category, new_name = normalise_category(phrase)
        number = _number(match.group("number"))
        if not category or number is None:
            continue
        take(start, end)
        approx = (match.groupdict().get("approx") or "").lower()
        parts = parts_after.get(match.end("number"), "") or _parts_after(sentence, end)
        found.append(CountMatch(number, category, new_name, approx, phrase, start, end, parts))
    return sorted(found, key=lambda count: count.start)


def as_of_year(sentence):
    match = AS_OF_RE.search(sentence)
    if not match:
        return None
    return int(next(value for value in match.groups() if value))
