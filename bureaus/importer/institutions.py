"""
Institution counts written into sentences: "18 basic education schools, 2 secondary
vocational education schools … and 6 kindergartens", "with 11 internal offices and
6 directly affiliated units".

Each count's category is normalised to one of the shared institution types (see
``fixtures/institution_types.json``), or proposed as a new type when none fits.
A total ("186 schools of all kinds") is recognised as a total, not a category.
"""

import re
from dataclasses import dataclass

from django.utils.text import slugify

from bureaus.vocabulary import NUMBER_WORDS

# The nouns that make a counted phrase an institution (or a unit of the bureau).
HEAD_NOUNS = r"schools?|kindergartens?|offices?|units?|cent(?:re|er)s?|institutions?|colleges?|universit(?:y|ies)|stations?|academ(?:y|ies)|institutes?|bases?|gardens?"
APPROXIMATE = r"more than|over|nearly|about|around|approximately|almost|at least"
COUNT_RE = re.compile(
    rf"\b(?:(?P<approx>{APPROXIMATE})\s+)?(?P<number>\d{{1,5}}|{'|'.join(NUMBER_WORDS)})\s+"
    rf"(?P<phrase>(?:[a-z][\w'-]*\s+){{0,5}}?(?:{HEAD_NOUNS}))\b",
    re.IGNORECASE,
)
TOTAL_AFTER_RE = re.compile(
    r"^\s*(?:of all (?:kinds|types|levels)|in total|altogether|at all levels and of all kinds)", re.I
)
TOTAL_BEFORE_RE = re.compile(r"(?:a total of|totall?(?:ing|ed)?|in all)\s*$", re.I)
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
    "vocational education school": "vocational-school",
    "vocational and technical school": "vocational-school",
    "kindergarten": "kindergarten",
    "preschool": "kindergarten",
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
    "nine-year consistent school": "nine-year-school",
    "special education school": "special-education-school",
    "special school": "special-education-school",
    "internal office": "internal-office",
    "internal institution": "internal-office",
    "internal organ": "internal-office",
    "functional office": "internal-office",
    "directly affiliated unit": "directly-affiliated-unit",
    "directly affiliated institution": "directly-affiliated-unit",
    "affiliated unit": "directly-affiliated-unit",
    "subordinate unit": "directly-affiliated-unit",
    "directly subordinate unit": "directly-affiliated-unit",
    "public institution": "directly-affiliated-unit",
    "office": "office",
}
# Words that describe rather than classify: "18 public primary schools" are primary schools.
DESCRIPTIVE_WORDS = {"public", "private", "ordinary", "various", "existing", "full-time", "new", "newly", "built"}
# Counted things that are not institutions the bureau runs.
NOT_INSTITUTIONS = {"school", "unit", "base", "garden", "centre", "center", "institution"}


@dataclass(frozen=True)
class CountMatch:
    number: int
    category: str  # an institution type's slug
    new_type_name: str  # set when no known type fits: the name for a new type
    approximate: str
    start: int  # offsets of "18 basic education schools" within the sentence
    end: int


def singular(word):
    for plural, single in (("ies", "y"), ("ches", "ch"), ("ses", "s"), ("s", "")):
        if word.endswith(plural) and not word.endswith("ss"):
            return word[: -len(plural)] + single
    return word


def normalise_category(phrase):
    """(type slug, name for a new type) for a counted phrase; the name is "" when a known type fits."""
    words = [
        singular(word) if index == len(phrase.split()) - 1 else word
        for index, word in enumerate(phrase.lower().split())
    ]
    words = [word for word in words if word not in DESCRIPTIVE_WORDS]
    text = " ".join(words)
    for length in range(len(words), 0, -1):
        candidate = " ".join(words[-length:])
        if candidate in CATEGORY_SYNONYMS:
            return CATEGORY_SYNONYMS[candidate], ""
    if text in NOT_INSTITUTIONS or not words:
        return "", ""
    name = text[:1].upper() + text[1:]
    return slugify(name), name


# A count in a plan is a promise, not a fact: "will build ten new kindergartens".
FUTURE_RE = re.compile(r"\b(?:will|shall|plans? to|planned to|aims? to|is to|are to)\b", re.I)
BUILDING_VERB_RE = re.compile(
    r"\b(?:build|construct|add|open|establish|create|renovate|rebuild|expand|set up|start|merge|close)(?:s|ed|ing)?\s+$",
    re.I,
)


def find_counts(sentence):
    """Institution counts in one sentence, in order; totals, plans and non-institutions are left out."""
    found = []
    if FUTURE_RE.search(sentence):
        return found
    for match in COUNT_RE.finditer(sentence):
        if BUILDING_VERB_RE.search(sentence[: match.start()]):
            continue
        phrase = match.group("phrase")
        if TOTAL_AFTER_RE.match(sentence[match.end() :]) or TOTAL_BEFORE_RE.search(sentence[: match.start()]):
            continue
        raw = match.group("number").lower()
        number = NUMBER_WORDS.get(raw) if not raw.isdigit() else int(raw)
        if raw.isdigit() and len(raw) == 4 and raw.startswith(("19", "20")):
            continue  # a year ("in 2020 schools …"), not a count
        if re.search(r"\bnew(?:ly)?\b", phrase, re.IGNORECASE):
            continue  # "12 new kindergartens were opened" counts a change, not what the bureau runs
        category, new_name = normalise_category(phrase)
        if not category:
            continue
        found.append(
            CountMatch(number, category, new_name, (match.group("approx") or "").lower(), match.start(), match.end())
        )
    return found


def as_of_year(sentence):
    match = AS_OF_RE.search(sentence)
    if not match:
        return None
    return int(next(value for value in match.groups() if value))
