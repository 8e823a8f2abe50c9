"""
Cutting a document into lines, sentences and clauses without losing where each came from.

Every piece is a :class:`Segment`: its text and its [start, end) offsets in the
original document, so any fact drawn from it can point back at its source.
Lines are also classified as headings, list items or paragraphs, because real
documents mark their structure in many ways: "I.", "Second,", "1.", "(1)", "一、"
or a short line of its own.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    start: int
    end: int

    @property
    def span(self):
        return (self.start, self.end)

    def sub(self, start, end):
        """The part of this segment between two offsets relative to its text, trimmed of spaces."""
        piece = self.text[start:end]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        return Segment(piece, self.start + start + lead, self.start + start + lead + len(piece))


@dataclass(frozen=True)
class Line:
    """A non-empty line: its ``kind`` (heading, item or paragraph) and its ``body`` without the marker."""

    kind: str
    body: Segment


ROMAN_MARKER = r"[IVX]{1,5}\s*[.、．]\s*"
ORDINAL_WORDS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|finally|lastly"
CARDINAL_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
ORDINAL_MARKER = rf"(?:the\s+(?:{ORDINAL_WORDS})\s+is\s+|(?:{ORDINAL_WORDS})(?:ly)?\s*[,:，：]\s*)"
CHINESE_MARKER = r"[一二三四五六七八九十]+\s*[、.．]\s*"
# "1." "1、" "1)" "2," and, at the start of a line, "3 to guide …"
NUMBER_MARKER = r"\d{1,2}\s*[.、．)）,，](?!\d)\s*|\d{1,2}\s+(?=[a-z])"
# "(1)" "(一)" "(a)" "(two)" "(VI)"
PAREN_MARKER = rf"[(（]\s*(?:\d{{1,2}}|[一二三四五六七八九十]+|[a-h]|[ivx]{{1,4}}|{CARDINAL_WORDS})\s*[)）]\s*"
CIRCLED_MARKER = r"[①-⑳]\s*"
LETTER_MARKER = r"[a-h]\)\s*"
CARDINAL_MARKER = rf"(?:{CARDINAL_WORDS})\s*[,，、]\s*"
# "• …", "--- …", "- …": bullets of lists copied from web pages.
BULLET_MARKER = r"(?:[•·●▪◦‣∙]|-{1,3}|–|—)\s*(?=[A-Za-z(])"

HEADING_MARKER_RE = re.compile(rf"^(?:{ROMAN_MARKER}|{CHINESE_MARKER})", re.IGNORECASE)
ORDINAL_RE = re.compile(rf"^{ORDINAL_MARKER}", re.IGNORECASE)
ITEM_MARKER_RE = re.compile(
    rf"^(?:{NUMBER_MARKER}|{PAREN_MARKER}|{CIRCLED_MARKER}|{LETTER_MARKER}|{CARDINAL_MARKER}|{BULLET_MARKER})",
    re.IGNORECASE,
)
# "58 public (40) and private (18) primary schools": the parts of a count written inside it, whose brackets hold
# numbers that are no item markers.
COUNT_PARTS_RE = re.compile(
    r"(?<=\d)\s+(?P<parts>(?:[a-z][\w-]*\s*[(（]\s*\d{1,5}\s*[)）](?:\s*,)?\s*(?:(?:and|or)\s+)?){2,})(?=[a-z])",
    re.IGNORECASE,
)
INLINE_ITEM_RE = re.compile(rf"(?:^|(?<=\s)){PAREN_MARKER}|(?:^|(?<=[\s;；]))[①-⑳]", re.IGNORECASE)
# Numbers that may open items inside a paragraph: "… are: 1. To implement … 2, responsible for …"
INLINE_NUMBER_RE = re.compile(r"(?:^|(?<=[\s.;:。：；]))(?P<n>\d{1,2})(?:\s*[.,、，)]\s*|\s+)(?=[A-Za-z(])")
# Emphasis marks of pages copied as text ("**Organizational Structure**"): read as spaces.
EMPHASIS_RE = re.compile(r"\*\*")

TERMINAL = ".。!！?？;；"
SHORT_HEADING_WORDS = 10


def _word_count(text):
    return len(text.split())


def _looks_like_heading(text):
    """Short and without a sentence's closing punctuation: a title, not a statement."""
    text = text.strip()
    return bool(text) and _word_count(text) <= SHORT_HEADING_WORDS and text[-1] not in TERMINAL


def _title_cased(text):
    """A headline: every word longer than three letters capitalised ("Changde Won Nine Medals in Provincial
    Education System"), which a sentence never is."""
    long_words = [word for word in re.findall(r"[A-Za-z][\w'’-]*", text) if len(word) > 3]
    return len(long_words) >= 3 and all(word[0].isupper() for word in long_words)


def lines(text):
    """Every non-empty line of ``text`` as a classified :class:`Line`."""
    position = 0
    for raw in text.splitlines(keepends=True):
        start, end = position, position + len(raw)
        position = end
        segment = Segment(raw, start, end).sub(0, len(raw))
        lead = re.match(r"^(?:\*\*\s*)+", segment.text)
        if lead:
            segment = segment.sub(lead.end(), len(segment.text))
        if segment.text:
            yield classify(segment)


def classify(segment):
    text = segment.text
    for kind, pattern in (("marked", HEADING_MARKER_RE), ("ordinal", ORDINAL_RE), ("numbered", ITEM_MARKER_RE)):
        match = pattern.match(text)
        if not match:
            continue
        body = segment.sub(match.end(), len(text))
        if kind == "marked" or (kind == "ordinal" and _looks_like_heading(body.text)):
            return Line("heading", body)
        # "2. Department setting of Education Bureau", "1.Administrative duties.", "Second, internal
        # institutions.": a numbered title.
        title = body.text.rstrip(".") if len(body.text.split()) <= 4 else body.text
        if (
            kind in ("numbered", "ordinal")
            and _looks_like_heading(title)
            and (section_kind(title) or (title.endswith((":", "：")) and len(title.split()) <= 6))
        ):
            return Line("heading", body)
        return Line("item", body)
    if _looks_like_heading(text) and (
        text.endswith((":", "：")) or _word_count(text) <= 6 or section_kind(text) or _title_cased(text)
    ):
        return Line("heading", segment)
    return Line("paragraph", segment)


# What a heading announces. Checked in this order: "key tasks" is tasks, "focus of work" priorities.
SECTION_KEYWORDS = (
    ("achievement", r"result|achievement|effectiveness|accomplish|performance|progress|outcome|success|honou?r"),
    (
        "departments",
        r"institution(?:al)? (?:setup|set-up|structure|setting)|organi[sz]ation|internal|department|divisions|structure"
        r"|setup|\bunits\b|\boffices\b",
    ),
    ("responsibility", r"responsibilit|function|duties|\bduty\b|mandate|\brole\b|work content|missions?"),
    ("task", r"\btasks?\b"),
    ("priority", r"focus|priorit|key work|emphasis"),
    # \bvision\b: "the division of school districts" announces no plans.
    ("plan", r"\bplans?\b|\bfuture\b|outlook|next steps?|prospect|\bvision\b|\bgoals?\b"),
    ("basic", r"basic|overview|profile|history|introduction|general|situation|about"),
    # "1, the meaning of the education bureau": a section defining bureaus, not about this one (see the parser).
    ("general", r"\bmeaning\b|\bdefinition\b|\bconcept\b|\bwhat is an?\b"),
    # "Two, the Education Bureau leadership team members and division of labor": who leads, not a department.
    ("leadership", r"\bleaders(?:hip)?\b|division of labou?r"),
)


# An article before the kind word makes a headline's claim ("… a top priority", "… an ambitious plan"); a section is
# labelled "Main tasks", "Key priorities", "Development plan".
HEADLINE_RE = re.compile(r"\b(?:a|an)\s+(?:\w+\s+){0,2}(?:priorit(?:y|ies)|tasks?|plans?|goals?|missions?)\b")


QUOTED_RE = re.compile(r"\"[^\"]*\"|“[^”]*”")


def section_kind(heading):
    """What a heading's section is about ("task", "departments", …), or "" when it does not say."""
    # A quoted slogan in a heading ("…: \"Chinese heart, international vision\"") names no section.
    lowered = QUOTED_RE.sub(" ", heading.lower())
    if HEADLINE_RE.search(lowered):
        return ""  # "Education a top priority": a headline's claim about something, not a section's label
    for kind, pattern in SECTION_KEYWORDS:
        if re.search(pattern, lowered):
            return kind
    return ""


# "a meeting Feb. 22": a month shortened before its day, which does not end the sentence.
MONTH_ABBREVIATIONS = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
ABBREVIATIONS = ("no", "nos", "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st", "vs", "approx", "jr")
SENTENCE_END_RE = re.compile(r"[.!?。！？](?=[\"'”’)]?(?:\s+|$))")


def sentences(segment):
    """The sentences of a line, split after . ! ? (and their Chinese forms) but not after abbreviations."""
    text = segment.text
    result, start = [], 0
    for match in SENTENCE_END_RE.finditer(text):
        end = match.end()
        if match.group(0) == "." and _abbreviation(text, start, match.start()):
            continue
        piece = segment.sub(start, end)
        if piece.text:
            result.append(piece)
        start = end
    rest = segment.sub(start, len(text))
    if rest.text:
        result.append(rest)
    return result


def _abbreviation(text, start, stop):
    """Whether the full stop at ``stop`` ends an abbreviation ("etc.", "No.") or an initial rather than the sentence
    begun at ``start``. The word before it (letters, digits, dots) is read back from the stop, where it stands: a
    sentence of many "etc." is not searched again from its start for each."""
    begin = stop
    while begin > start and (text[begin - 1].isalnum() or text[begin - 1] in "_."):
        begin -= 1
    word = text[begin:stop]
    dated = word.lower() in MONTH_ABBREVIATIONS.lower().split("|") and re.match(r"\.\s+\d", text[stop : stop + 4])
    return bool(word) and (
        word.lower() in ABBREVIATIONS or bool(dated) or _initial(word, text[max(start, begin - 2) : begin])
    )


def _initial(word, before):
    """A single character before a full stop that does not end the sentence: "J. Smith", "(1. …". A digit after
    a word does end it: "… and special education schools 1. There are …" (a count written after its noun)."""
    if len(word) != 1:
        return False
    return not (word.isdigit() and re.search(r"[A-Za-z]\s$", before))


def clauses(segment, separators=";；"):
    """A sentence cut at its semicolons, as documents separate list entries."""
    result, start = [], 0
    for separator in re.finditer(f"[{re.escape(separators)}]", segment.text):
        index = separator.start()
        piece = segment.sub(start, index + 1)
        if piece.text.strip(separators):
            result.append(piece)
        start = index + 1
    rest = segment.sub(start, len(segment.text))
    if rest.text:
        result.append(rest)
    return result


def _number_chain(text):
    """Offsets of "1 … 2 … 3 …" markers opening items inside a paragraph, in order, or [].

    Numbers also occur as counts ("1 vocational school, 2 complete middle schools"), so only a
    run from 1 of at least three consecutive numbers is taken for items.
    """
    chain = []
    for match in INLINE_NUMBER_RE.finditer(text):
        number = int(match.group("n"))
        if number == len(chain) + 1:
            chain.append(match)
    return [(m.start(), m.end()) for m in chain] if len(chain) >= 3 else []


def inline_items(segment, minimum=2):
    """Items numbered inside one paragraph, "(1) … (2) …" or "1. … 2, … 3 …": the paragraph cut before each.

    ``minimum`` is how many markers make a list: two in a paragraph, one inside an item that
    already began with its own ("(five) … (seven) …").
    """
    parts = [match.span() for match in COUNT_PARTS_RE.finditer(segment.text)]
    marks = [
        match.span()
        for match in INLINE_ITEM_RE.finditer(segment.text)
        if (match.start() > 0 or minimum > 1) and not any(start <= match.start() < end for start, end in parts)
    ]
    if len(marks) < minimum:
        marks = _number_chain(segment.text) if minimum > 1 else []
    if len(marks) < minimum:
        return []
    starts = [start for start, _ in marks]
    head = segment.sub(0, starts[0])
    items = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(segment.text)
        piece = segment.sub(start, end)
        marker_length = marks[index][1] - marks[index][0]
        items.append(piece.sub(marker_length, len(piece.text)))
    return [head, *items]


# The most of a source's text quoted back (in a note, or beside a fact for its reviewer): a paragraph written as one
# endless sentence would otherwise be repeated whole for every fact read from it.
QUOTE_LIMIT = 300


def shortened(text, start=0, end=None, limit=QUOTE_LIMIT):
    """``text[start:end]``, or its first ``limit`` characters ending in an ellipsis when it is longer (only
    those are copied, however long the text)."""
    end = len(text) if end is None else end
    if end - start <= limit:
        return text[start:end]
    return text[start : start + limit - 1].rstrip() + "…"


def strip_end(text):
    """Text without trailing list punctuation: "Do this;" → "Do this"."""
    return text.rstrip(" ,，;；:：")


def capitalise(text):
    return text[:1].upper() + text[1:] if text else text
