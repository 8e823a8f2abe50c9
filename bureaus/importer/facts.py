"""
Small recognisers of the bureau's own facts, each a function of one sentence: when it
was founded, what it succeeded, where it sits, and whether a sentence reports an
achievement. Each returns the value and where in the sentence it was read, or None.
"""

import re
from datetime import date

from bureaus.vocabulary import EARLIEST_YEAR, LATEST_YEAR

MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
YEAR = r"(?:19|20)\d\d"
FOUNDED_RE = re.compile(
    rf"\b(?:(?:was|were|has been|is)\s+)?(?:officially\s+)?(?:established|founded|set up|formed|created|built)\s+"
    rf"(?:in|on)\s+(?:(?:{MONTHS})\s+(?:\d{{1,2}},?\s+)?)?(?P<year>{YEAR})\b"
    rf"|\bsince its (?:establishment|founding) in (?P<since>{YEAR})\b"
    rf"|\b(?:established|founded)\s*(?:in\s*)?[:：]\s*(?P<labelled>{YEAR})\b",
    re.IGNORECASE,
)
PREDECESSOR_RE = re.compile(
    r"\b(?:its|whose|the bureau's) predecessor (?:was|is|being)\s+(?:the\s+)?(?P<a>[^,;.]+)"
    r"|\b(?:formerly|previously) (?:known as|called|named)\s+(?:the\s+)?(?P<b>[^,;.)]+)",
    re.IGNORECASE,
)
# "is located in/at …", ", located in the middle of Erli Road", "Its office is located in …"
LOCATED_RE = re.compile(
    r"(?:\b(?:is|are)\s+|,\s*|^)located\s+(?:in|at|on)\s+(?P<place>.+?)(?=,\s*(?:and|which|it|with|bordering)\b|\s+and\s+is\b|\.(?=\s|$)|[;。]|$)",
    re.IGNORECASE,
)
LEADING_LOCATED_RE = re.compile(r"\s*located\s+(?:in|at|on)\s+(?P<place>[^,]+),\s*(?P<subject>(?:\S+\s+){0,6})", re.I)
# "Address: No.83 Xihu Road", "Qingshan District Education Bureau Address: No.21 …" (a label after the name)
ADDRESS_RE = re.compile(
    r"(?:^|\b(?:Bureau|Commission|Office|Department)\s+)(?:office\s+)?address\s*[:：]\s*"
    r"(?P<place>.+?)(?=[;。]|(?<!\bNo)\.\s|\.$|$)",
    re.IGNORECASE,
)
# A seat is a street address or a building, not a region: "No.50, Minjiaqiao", "Erli Road", "office building".
STREET_RE = re.compile(
    r"\b(?:No\.?\s*\d+|road|street|avenue|lane|building|section of|middle of|floor|square|plaza|compound|hall)\b", re.I
)

# Words of schooling: a sentence with one speaks of the bureau's work, not the district's in general.
SCHOOLING_RE = re.compile(r"\b(?:educat\w*|schools?|teach\w*|kindergartens?)\b", re.IGNORECASE)
ACHIEVEMENT_RE = re.compile(
    r"\b(?:(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:awarded|rated|named|honou?red|recogni[sz]ed|selected|listed|commended)"
    r"|awarded\s+(?:the\s+)?(?:title|honou?r|prize)|won\s+(?:the\s+)?(?:title|first|prize|award|honou?r|gold)"
    r"|won\s+(?:\w+\s+){0,2}(?:awards|prizes|honou?rs|titles|medals)"
    r"|is\s+one\s+of\s+the\s+(?:first\s+batch\s+of\s+)?[\"“]"
    # 'was established as a "pilot county for implementing quality education"': a designation won
    # "Today, Shunde is recognised as a strong education area in Guangdong Province"
    r"|\bis\s+(?:\w+ly\s+)?(?:recogni[sz]ed|rated|named|listed|honou?red)\s+as\s+(?:an?|the|one)\b"
    r"|(?:was|were|has been|have been)\s+(?:\w+ly\s+)?(?:established|designated|approved|identified|confirmed)\s+as\s+"
    r"(?:an?|the)\s+[\"“]?(?:national|provincial|pilot|model|demonstration|key)"
    r"|(?:has|have)\s+been\s+(?:at|in)\s+the\s+(?:forefront|front\s+rank|lead)|ranked\s+(?:first|top|among\s+the)"
    r"|(?:making|made|became|becoming|become)\s+(?:it\s+)?(?:the|one\s+of\s+the)\s+first"
    # "has met national standards in balanced development …", "passed the national inspection"
    r"|(?:has|have|had)\s+(?:all\s+)?(?:met|reached|passed)\s+(?:the\s+)?(?:national|provincial)\b)\b",
    re.IGNORECASE,
)


def founding_year(sentence):
    """(year, match) when the sentence says when something was founded."""
    match = FOUNDED_RE.search(sentence)
    if not match:
        return None
    year = int(match.group("year") or match.group("since") or match.group("labelled"))
    return (year, match) if EARLIEST_YEAR <= year <= min(LATEST_YEAR, date.today().year) else None


def predecessor(sentence):
    """(name, start, end) of the bureau a sentence names as the predecessor."""
    match = PREDECESSOR_RE.search(sentence)
    if not match:
        return None
    group = "a" if match.group("a") else "b"
    return match.group(group).strip(), match.start(group), match.end(group)


def seat(sentence):
    """The bureau's seat as the sentence words it ("the middle of Erli Road in Donghe District"), or None.

    A region ("Jinzhou District, Dalian City, Liaoning Province") is a seat too when the
    sentence says the bureau is located there.
    """
    match = LOCATED_RE.search(sentence) or ADDRESS_RE.search(sentence)
    if not match:
        return None
    leading = LEADING_LOCATED_RE.match(sentence)
    if leading:  # "Located in southeast Yunnan's Wenshan …, Xichou is …": where its subject lies, the bureau or not
        return leading.group("place").strip() if re.search(r"\bbureau\b", leading.group("subject"), re.I) else None
    value = match.group("place").strip().rstrip(",;:")
    value = (
        re.sub(r"^(?:the\s+)?(?:office\s+of\s+)?", "", value) if value.lower().startswith("the office of") else value
    )
    return value if 2 <= len(value.split()) <= 20 or STREET_RE.search(value) else None


# '…," says Chen Gang': a speaker's words quoted by the news, not a fact the page states of the bureau.
QUOTED_SPEECH_RE = re.compile(r"[,.!?]\s*[\"”]\s*(?:says|said|stated|noted|added)\s+[A-Z]")


# "the students have been promoted to …", "teachers who have won …": people's doing, not the bureau's.
PEOPLE_SUBJECT_RE = re.compile(
    r"\b(?:students|pupils|children|kids|teachers|principals|graduates|parents|he|she)\s+(?:who\s+|that\s+)?(?:\w+ly\s+)?$",
    re.IGNORECASE,
)


# "the kindergarten passed the evaluation …", "it is also a year for the school to …": one institution's story.
ONE_INSTITUTION_RE = re.compile(r"\b(?:the|this|our)\s+(?:kindergarten|school|campus)\b(?![-’'])", re.IGNORECASE)


def of_one_institution(sentence):
    """Whether a sentence speaks of one school or kindergarten ("the kindergarten"), whose honours and history are
    its own, not the bureau's or its district's."""
    return bool(ONE_INSTITUTION_RE.search(sentence))


# "… has made great progress": an achievement of education only when the sentence speaks of it ("various social
# undertakings have made great progress" is a new town's).
PROGRESS_RE = re.compile(
    r"\b(?:(?:achieved|made|obtained|scored)\s+(?:\w+\s+){0,3}(?:achievements?|results|progress|success)"
    r"|(?:has|have)\s+been\s+(?:\w+ly\s+)?(?:upgraded|realized|completed|reached))\b",
    re.IGNORECASE,
)


def speaks_of_education(sentence):
    """Whether a sentence speaks of schooling or of the bureau."""
    return bool(SCHOOLING_RE.search(sentence)) or "bureau" in sentence.lower()


def is_achievement(sentence):
    """Whether a sentence says what the bureau (or its district's education) won or achieved."""
    if QUOTED_SPEECH_RE.search(sentence):
        return False
    matches = list(ACHIEVEMENT_RE.finditer(sentence))
    if speaks_of_education(sentence):
        matches += PROGRESS_RE.finditer(sentence)
    return any(not PEOPLE_SUBJECT_RE.search(sentence, 0, match.start()) for match in matches)


# "has been awarded the titles of A, B, C, and D": the list after it is of titles, one achievement each.
TITLES_OF_RE = re.compile(r"\b(?:honorary\s+)?(?:titles|honou?rs)\s+(?:of|such\s+as|including)\s+", re.IGNORECASE)
# … and between quoted titles an "and" parts them too: “A”, “B” and “C”.
TITLE_SEPARATOR_RE = re.compile(r",\s*(?:and\s+)?|;\s*(?:and\s+)?|(?<=[”\"])\s+and\s+(?=[“\"])")
MIN_LISTED_TITLES = 3


def listed_titles(sentence):
    """The titles a sentence lists after "the titles of" (cut at its commas, not at "and", which titles hold:
    "Science and Education"), each trimmed of quotes; [] when it lists fewer than three."""
    opening = TITLES_OF_RE.search(sentence.text)
    if opening is None:
        return []
    rest = sentence.sub(opening.end(), len(sentence.text))
    titles, start = [], 0
    for separator in [*TITLE_SEPARATOR_RE.finditer(rest.text), None]:
        end = separator.start() if separator else len(rest.text.rstrip(". "))
        piece = rest.sub(start, end)
        trimmed = re.sub(r"^the\s+(?=[“\"])", "", piece.text.strip(), flags=re.IGNORECASE).strip(
            "\"“”' "
        )  # "such as the “A”"
        lead = piece.text.index(trimmed) if trimmed else 0
        if trimmed:
            titles.append(piece.sub(lead, lead + len(trimmed)))
        start = separator.end() if separator else end
    return titles if len(titles) >= MIN_LISTED_TITLES else []
