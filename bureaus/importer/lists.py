"""
Cutting a sentence's list into its entries.

Documents list duties as clauses split by semicolons ("include: A; B; C") or as
verb phrases split by commas ("will strengthen A, improve B, and promote C"),
and departments as nouns ("office, basic education department and other
departments"). Commas also occur inside an entry ("the national, provincial and
municipal policies"), so a comma only starts a new entry when what follows is a
new verb phrase; and an entry opened by ", and" is the last one, so a trailing
clause ("…, making new contributions") stays with it.
"""

import re

from bureaus.importer.segments import Segment, capitalise, clauses, strip_end

# Verbs these documents use to open a duty, plan or achievement, in their base form.
VERBS = frozenset(
    """
    accelerate adhere administer advance allocate arrange assess assist attach boost build carry
    cultivate coordinate comprehensive conduct consolidate construct continue cooperate create
    deepen develop devote direct do draft encourage enhance ensure establish evaluate expand explore
    focus follow formulate foster give guarantee guide help implement improve increase inspect
    instruct integrate introduce issue launch lead maintain make manage monitor optimize optimise
    organize organise oversee participate pay perfect plan popularize prepare promote protect
    provide publicize raise realize reform regulate reinforce research revise safeguard serve set
    solve speed standardize standardise steer strengthen strive study supervise support take train
    undertake unify uphold upgrade use work
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
FILLER_WORDS = {"and", "or", "also", "further", "to", "will", "shall"}
CONJUNCTION_RE = re.compile(r"^(?:and|or|as well as)\s+", re.IGNORECASE)


IRREGULAR_PAST = {"built": "build", "made": "make", "led": "lead", "took": "take", "gave": "give", "undertook": "undertake", "held": "hold", "set": "set"}  # fmt: skip


def base_forms(word):
    """The base forms a word may come from: promoting → promote, strengthened → strengthen, plans → plan."""
    forms = {word, IRREGULAR_PAST.get(word, word)}
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])
            if suffix in ("ed", "es") and stem.endswith("i"):
                forms.add(stem[:-1] + "y")
    return forms


def starts_with_verb(text):
    """Whether a phrase opens with a verb ("actively promoting …" does, "students and workers" does not)."""
    words = re.findall(r"[a-z'-]+", text.lower())
    while words and (words[0] in FILLER_WORDS or words[0].endswith("ly")):
        words.pop(0)
    return bool(words) and (bool(base_forms(words[0]) & VERBS) or words[0] == "responsible")


def _entry(segment):
    """An entry's final form: no leading conjunction, no trailing punctuation, capitalised."""
    match = CONJUNCTION_RE.match(segment.text)
    if match:
        segment = segment.sub(match.end(), len(segment.text))
    text = strip_end(segment.text)
    return Segment(capitalise(text), segment.start, segment.start + len(text))


def split_actions(segment):
    """Entries of a list of duties, plans or achievements, each with its own offsets.

    Semicolon-separated lists give one entry per clause; otherwise commas split
    before each new verb phrase.
    """
    parts = [clause for clause in clauses(segment) if strip_end(clause.text)]
    if len(parts) > 1:
        return [_entry(part) for part in parts if strip_end(part.text)]
    return _split_on_commas(segment)


def _split_on_commas(segment):
    text = segment.text
    cuts = [match.start() for match in re.finditer(r",\s", text)]
    pieces, start = [], 0
    for cut in [*cuts, len(text)]:
        pieces.append((start, cut))
        start = cut + 1
    entries = []  # [start, end] offsets in text
    closed = False
    for start, end in pieces:
        piece = text[start:end].strip()
        if not piece:
            continue
        single_word = entries and len(text[entries[-1][0] : entries[-1][1]].split()) == 1
        if not entries or (not closed and starts_with_verb(piece) and not single_word):
            entries.append([start, end])
            closed = bool(CONJUNCTION_RE.match(piece)) and len(entries) > 1
        else:
            entries[-1][1] = end
    return [_entry(segment.sub(start, end)) for start, end in entries if text[start:end].strip()]


DEPARTMENT_NOUNS = (
    "office",
    "department",
    "section",
    "division",
    "centre",
    "center",
    "unit",
    "team",
    "group",
    "room",
    "station",
    "committee",
    "branch",
    "bureau",
    "ministry",
    "institute",
    "service",
)
TRAILING_ETC_RE = re.compile(
    r"(?:,?\s*(?:and|as well as)\s+other\s+(?:\w+\s+){0,2}(?:departments|offices|sections|units|institutions|divisions)"
    r"|,?\s*etc\.?|,?\s*and so on)\s*[.;。]?$",
    re.IGNORECASE,
)


def is_department_name(text):
    words = re.sub(r"[^\w\s'-]", " ", text.lower()).split()
    return bool(words) and words[-1].rstrip("s") in DEPARTMENT_NOUNS and len(words) <= 10


def split_names(segment):
    """Department names from "office, basic education department and other departments"."""
    segment = segment.sub(0, len(segment.text))
    etc = TRAILING_ETC_RE.search(segment.text)
    if etc:
        segment = segment.sub(0, etc.start())
    text = strip_end(segment.text.rstrip("."))
    pieces, start = [], 0
    for match in re.finditer(r"[,，、;；]\s*", text):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, len(text)))
    names = []
    for start, end in pieces:
        piece = segment.sub(start, end)
        names += _split_on_and(piece)
    return [_name(piece) for piece in names if _name(piece).text]


def _split_on_and(piece):
    """ "planning and finance section and office" → two names: the "and" between two department names,
    not the one inside "planning and finance section"."""
    for conjunction in reversed(list(re.finditer(r"\s+(?:and|as well as)\s+", piece.text))):
        left = piece.sub(0, conjunction.start())
        right = piece.sub(conjunction.end(), len(piece.text))
        if is_department_name(left.text) and is_department_name(right.text):
            return [left, right]
    return [piece]


def _name(segment):
    match = re.match(r"^(?:and\s+|the\s+)+", segment.text, re.IGNORECASE)
    if match:
        segment = segment.sub(match.end(), len(segment.text))
    return Segment(capitalise(strip_end(segment.text)), segment.start, segment.end)
