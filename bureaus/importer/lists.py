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

import bisect
import functools
import itertools
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
    approve assume audit be check collect compile examine handle investigate propose publish recruit review
    submit urge try endeavour endeavor
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# Words that open a duty as a verb would: "Responsible for …", "Obliged to …", "Accountable for …".
DUTY_ADJECTIVES = {"responsible", "obliged", "accountable"}
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
    return bool(words) and (bool(base_forms(words[0]) & VERBS) or words[0] in DUTY_ADJECTIVES)


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


def split_enumeration(segment):
    """Entries of a list of short noun phrases: "ensuring A, the allocation of B, C and D" → four.

    Only when every entry is short (a list of things, not one long sentence); else the whole.
    """
    text = strip_end(segment.text.rstrip("."))
    cuts = [(m.start(), m.end()) for m in re.finditer(r",\s*(?:and\s+)?|\s+and\s+(?=[^,]*$)", text)]
    pieces, start = [], 0
    for cut_start, cut_end in [*cuts, (len(text), len(text))]:
        pieces.append(segment.sub(start, cut_start))
        start = cut_end
    pieces = [piece for piece in pieces if piece.text]
    if len(pieces) >= 3 and all(len(piece.text.split()) <= 8 for piece in pieces):
        return [_entry(piece) for piece in pieces]
    return [_entry(segment)]


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
# The words is_department_name looks for, anywhere in a text: without one, it names no department. (The lookahead
# for their first letters makes the search skip quickly over the letters that begin none.)
_LOOKED_FOR = [*DEPARTMENT_NOUNS, "secretariat"]
DEPARTMENT_NOUN_RE = re.compile(
    f"(?=[{''.join(sorted({noun[0] for noun in _LOOKED_FOR}))}])(?:{'|'.join(_LOOKED_FOR)})", re.IGNORECASE
)
# Where a list of names ends before its sentence does: at "etc" (whatever follows it), or at a closing
# "… and other departments." or "… and so on.".
ETC_RE = re.compile(r",?\s*etc\b", re.IGNORECASE)
OTHERS_RE = re.compile(
    r"(?:,?\s*(?:and|as well as)\s+other\s+(?:\w+\s+){0,2}(?:departments|offices|sections|units|institutions|divisions)"
    r"|,?\s*and so on)\s*[.;。]?$",
    re.IGNORECASE,
)
ENTRY_SEPARATOR_RE = re.compile(r"[,，、;；]\s*")
# The most words a department's name has; a list's entry holds at most two names joined by "and" or "as well as",
# so a longer entry is a clause, not names, and is not read (which keeps reading a long sentence linear).
MAX_NAME_WORDS = 12
MAX_ENTRY_WORDS = 2 * MAX_NAME_WORDS + 3
NAME_WORD_RE = re.compile(r"[\w'’-]+")  # a word as is_department_name counts them
NON_SPACE_RE = re.compile(r"\S")
NUMBER = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
STRUCTURE_NOUNS = r"departments|units|organs|divisions|sections|offices|institutions|bodies|organizations|organisations"
# "8 units, including …", "internal organs 10: …", "Internal departments (8): …", "six departments: …",
# "eight internal departments in the bureau: …", "Departmental Units include …"
# (It opens with a number or a word beginning with one of the letters looked ahead for: a long sentence is searched
# quickly past the letters that begin none.)
ANNOUNCED_LIST_RE = re.compile(
    rf"(?=[\dabdefinostuw])(?:\b(?P<number>{NUMBER})\s+)?\b(?:internal\s+|functional\s+|administrative\s+|departmental\s+|working\s+|subordinate\s+)?"
    rf"(?:{STRUCTURE_NOUNS})(?:\s*(?P<open>[(（])?\s*(?P<after>\d{{1,2}})(?(open)\s*[)）]))?"
    r"(?:\s+(?:in|of|under|within)\s+(?:the|this|its)\s+(?:[\w'’-]+\s+){0,3}?(?:bureau|commission))?[\s*]*(?:,\s*)?"
    r"(?:including|include|includes|namely|which are|such as|consisting of|are as follows|are|[:：])\s*(?:[:：]\s*)?",
    re.IGNORECASE,
)
# "consists of office, …", "It has A unit, B unit and C unit.", "There are offices, …", "structure … includes …",
# "usually covers A, B and C and other functional departments" (what the list closes with is not a name),
# "… has eight internal departments. They are the A, …"
PLAIN_LIST_RE = re.compile(
    # "It has jurisdiction over 16 functional units, rooms, …, 30 central schools": what it governs, not its parts.
    r"(?:\bconsists? of|\bis composed of|\bcomprises|\bis made up of|\b(?:it|bureau)\s+(?:has|have)(?!\s+jurisdiction)(?:\s+set up)?"
    r"|\bthere (?:are|is)|\bhas set up|\bsets up|\bcovers?|\b(?:they|these)\s+(?:are|include)"
    r"|\b(?:usually|generally|normally|typically|mainly)\s+(?:includes?|consists? of|comprises?)"
    r"|\b(?:organi[sz]ational structure|institutional setup|internal (?:organs|organization|structure))\b[^.:;]{0,60}?"
    r"\b(?:includes?|consists? of|is composed of|comprises|are))\s+",
    re.IGNORECASE,
)
SECOND_NAME_RE = re.compile(r"\s*[(（](?P<inside>[^)）]{2,80})[)）]\s*$")
# "Funan County Education Bureau basically has subordinate institutions.", "The bureau has the following internal
# organs:": a sentence that ends on the kind of its parts announces them; they follow on their own lines.
ANNOUNCES_PARTS_RE = re.compile(
    rf"\b(?:has|have|sets? up|consists? of|is composed of|comprises)\s+(?:the\s+following\s+)?(?:(?:{NUMBER})\s+)?"
    rf"(?:(?:internal|subordinate|functional|administrative|affiliated)\s+)?(?:{STRUCTURE_NOUNS})\s*[.:：]?\s*$",
    re.IGNORECASE,
)


def announces_parts(text):
    """Whether a sentence ends by announcing the bureau's parts, which follow on their own lines."""
    return bool(ANNOUNCES_PARTS_RE.search(text))


def is_department_name(text):
    """ "Personnel unit", "Inspector's Office", "Division of Special Education": a part of a bureau's structure."""
    words = re.sub(r"[^\w\s'’-]", " ", text.lower()).split()
    if (
        not words
        or len(words) > MAX_NAME_WORDS
        or re.match(r"\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)$", words[0])
    ):
        return False  # "11 internal offices" counts offices, it does not name one
    counted = [index for index, word in enumerate(words) if re.fullmatch(NUMBER, word)]
    if counted and any(word.endswith("s") and word[:-1] in DEPARTMENT_NOUNS for word in words[counted[0] + 1 :]):
        return False  # "the bureau consists of eight functional departments": a count announcing a list, no name
    if "civilized" in words or "civilised" in words:
        return False  # "the seventh municipal civilized units": a title (文明单位) won, not a part of the bureau
    if words[-1].rstrip("s") in DEPARTMENT_NOUNS or words[-1] == "secretariat":
        return True
    if "of" in words[1:] and words[words.index("of", 1) - 1].rstrip("s") in DEPARTMENT_NOUNS:
        return True  # "education supervision group office of the Municipal People's Government"
    return len(words) >= 3 and words[0].rstrip("s") in DEPARTMENT_NOUNS and words[1] == "of"


def split_names(segment):
    """Department names from "office, basic education department and other departments"."""
    return _Entries(segment.sub(0, len(segment.text))).names_from(0)


@functools.lru_cache(maxsize=8)
def department_list(sentence):
    """(announced number or None, (name segments)) of a sentence that lists a bureau's departments, or None.

    The list must name at least two departments, or one where the sentence announces how many. Remembered for
    the last few sentences: the parser asks of one sentence several times (its counts, its departments, whether
    it states a fact, and once for each of its clauses saying what someone is responsible for).
    """
    text = sentence.text
    entries = None
    for pattern in (ANNOUNCED_LIST_RE, PLAIN_LIST_RE):
        for match in pattern.finditer(text):
            groups = match.groupdict()
            raw = groups.get("number") or groups.get("after")
            number = None
            if raw:
                number = int(raw) if raw.isdigit() else NUMBER.split("|").index(raw.lower())
            entries = entries or _Entries(sentence)
            if entries.department_count(match.end()) >= (1 if number else 2):
                return number, tuple(name for name in entries.names_from(match.end()) if is_department_name(name.text))
    return None


class _Entries:
    """The entries of the lists a sentence may hold, each read once.

    A list runs from its intro ("units include", "there are", …) to the end of the sentence, or to its
    "etc.". Trying every intro of a long sentence would read the rest of the sentence again for each
    one, which is quadratic in the sentence's length; here the entries between two separators are read
    once and their department names summed, so an intro costs only the entry it opens inside.
    """

    def __init__(self, segment):
        self.segment = segment
        text = segment.text
        self.length = len(text.rstrip())
        self.cuts = [match.span() for match in ENTRY_SEPARATOR_RE.finditer(text, 0, self.length)]
        self.cut_starts = [start for start, _ in self.cuts]
        self.read = {}  # (start, end) of an entry → its names
        self.ends = {}  # where the list stops → where its last entry ends
        self.etc = _NextMatch(ETC_RE, text, self.length)
        self.others = _NextMatch(OTHERS_RE, text, self.length)
        # Department names in the entries between one separator and the next, summed from the sentence's start.
        between = [self.department_names(end, start) for (_, end), (start, _) in itertools.pairwise(self.cuts)]
        self.sums = list(itertools.accumulate(between, initial=0))

    def names_from(self, offset):
        """The names listed from ``offset`` to the end of the list."""
        return [name for start, end in self.entries(offset) for name in self.names(start, end)]

    def department_count(self, offset):
        """How many of the names listed from ``offset`` on are department names (what department_list asks)."""
        start, end = self.bounds(offset)
        first = bisect.bisect_left(self.cut_starts, start)
        last = bisect.bisect_left(self.cut_starts, end) - 1
        if first > last:
            return self.department_names(start, end)
        return (
            self.department_names(start, self.cuts[first][0])
            + self.sums[last] - self.sums[first]
            + self.department_names(min(self.cuts[last][1], end), end)
        )  # fmt: skip

    def entries(self, offset):
        start, end = self.bounds(offset)
        first = bisect.bisect_left(self.cut_starts, start)
        last = bisect.bisect_left(self.cut_starts, end)
        edges = [start, *itertools.chain.from_iterable(self.cuts[first:last]), end]
        return [(min(left, end), min(right, end)) for left, right in zip(edges[::2], edges[1::2], strict=True)]

    def bounds(self, offset):
        """Where the list from ``offset`` begins and ends: spaces, its "etc." and closing punctuation left out."""
        text = self.segment.text
        start = next((match.start() for match in NON_SPACE_RE.finditer(text, offset, self.length)), self.length)
        stops = [match.start() for match in (self.etc.at_or_after(start), self.others.at_or_after(start)) if match]
        stop = min(stops, default=self.length)
        if stop not in self.ends:
            end = stop
            while end and text[end - 1].isspace():
                end -= 1
            while end and text[end - 1] == ".":
                end -= 1
            while end and text[end - 1] in " ,，;；:：":
                end -= 1
            self.ends[stop] = end
        return start, max(start, self.ends[stop])

    def names(self, start, end):
        """The names in one entry: "planning and finance section and office" holds two."""
        if (start, end) not in self.read:
            words = NAME_WORD_RE.finditer(self.segment.text, start, end)
            if next(itertools.islice(words, MAX_ENTRY_WORDS, None), None) is not None:
                self.read[start, end] = []
            else:
                names = [_name(piece) for piece in _split_on_and(self.segment.sub(start, end))]
                self.read[start, end] = [name for name in names if name.text]
        return self.read[start, end]

    def department_names(self, start, end):
        if not DEPARTMENT_NOUN_RE.search(self.segment.text, start, end):
            return 0  # no word a department's name ends in (or begins with): nothing to read
        return sum(1 for name in self.names(start, end) if is_department_name(name.text))


class _NextMatch:
    """The first match of a pattern at or after an offset. Asked for growing offsets, it searches each stretch of
    the text once: the match found stays the answer until an offset passes its start."""

    def __init__(self, pattern, text, length):
        self.pattern, self.text, self.length = pattern, text, length
        self.searched_from, self.match = None, None

    def at_or_after(self, offset):
        stale = self.match is not None and offset > self.match.start()
        if self.searched_from is None or offset < self.searched_from or stale:
            self.searched_from, self.match = offset, self.pattern.search(self.text, offset, self.length)
        return self.match


def _split_on_and(piece):
    """ "planning and finance section and office" → two names: the "and" between two department names,
    not the one inside "planning and finance section"."""
    for conjunction in reversed(list(re.finditer(r"\s+(?:and|as well as)\s+", piece.text))):
        left = piece.sub(0, conjunction.start())
        right = piece.sub(conjunction.end(), len(piece.text))
        if is_department_name(left.text) and is_department_name(right.text):
            return [left, right]
    return [piece]


def name_and_note(segment):
    """A department's name without a second name in brackets, and that second name as a note:
    "Office (press and publicity office)" → ("Office", "Also: press and publicity office")."""
    match = SECOND_NAME_RE.search(segment.text)
    if not match:
        return segment, ""
    inside = re.sub(r"^(?:also\s+)?(?:bearing|bears|bear|with|under|hanging|hangs)\s+the\s+(?:sign|name|plate|brand)\s+of\s+"
                    r"(?:the\s+)?", "", match.group("inside"), flags=re.IGNORECASE)  # fmt: skip
    # "hanging school safety department brand": the second sign's name between the words of hanging it
    inside = re.sub(r"^hang(?:ing|s)\s+(?:the\s+)?(.+?)\s+(?:brand|sign|plate)$", r"\1", inside, flags=re.IGNORECASE)
    return segment.sub(0, match.start()), f"Also bears the name “{inside.strip()}”."


def _name(segment):
    match = re.match(r"^(?:and\s+|the\s+)+", segment.text, re.IGNORECASE)
    if match:
        segment = segment.sub(match.end(), len(segment.text))
    return Segment(capitalise(strip_end(segment.text)), segment.start, segment.end)
