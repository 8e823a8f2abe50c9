"""
What the parser proposes for one document: a draft bureau, each fact with the span of
the source it was read from, and warnings saying what could not be read.

Plain data, no Django: ``importer.building`` turns a draft into unsaved model objects,
``admin.review`` shows it to a reviewer.
"""

import hashlib
import re
from dataclasses import dataclass, field

from bureaus.importer.segments import shortened

# The bureau's own facts that point at a sentence (FactSource.Fact values).
NAME, LOCATION, ESTABLISHED_YEAR, PREDECESSOR = "name", "location", "established_year", "predecessor"
# The bureau's place (district, city, province), a fact that cites no sentence of its own.
PLACE = "place"
# Where a fact was read outside the text (``Draft.evidence``): the page's title, or its address (URL); or
# the loader chose it (the place, from the worklist or ``--division``: ``importer.chosen``).
FROM_TITLE, FROM_URL, FROM_LOADER = "title", "url", "loader"
# Facts a bureau cannot be published without; a draft may lack them.
REQUIRED = ("name", "district", "province")


@dataclass
class DraftDepartment:
    name: str
    responsibility: str
    span: tuple
    note: str = ""  # e.g. the second sign it bears: "Also bears the sign of the X Department."


@dataclass
class DraftDuty:
    kind: str  # one of vocabulary.DUTY_KINDS
    title: str
    text: str
    span: tuple


@dataclass
class DraftAchievement:
    text: str
    span: tuple


@dataclass
class DraftCount:
    category: str  # an institution type's slug
    new_type_name: str  # the name of a type the portal does not have yet, else ""
    count: int
    as_of_year: int | None
    note: str
    span: tuple
    phrase: str = ""  # what the text counts, in its words: "primary and secondary schools"


@dataclass
class Draft:
    source_text: str
    source_title: str
    name: str = ""
    slug: str = ""
    province: str = ""
    city: str = ""
    district: str = ""
    address: str = ""
    established_year: int | None = None
    predecessor: str = ""
    summary: str = ""
    fact_spans: dict = field(default_factory=dict)  # fact (NAME, LOCATION, …) → span
    departments: list = field(default_factory=list)
    duties: list = field(default_factory=list)
    achievements: list = field(default_factory=list)
    counts: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    place_candidates: list = field(default_factory=list)  # "Heping District, Shenyang, Liaoning" … to choose from
    language: str = "en"  # the language of the text, its facts kept in it: "en", "zh-Hans" or "zh-Hant"
    division_code: str = ""  # the gazetteer's code of the county-level division, where known
    source_url: str = ""  # where the page was found, as given with it (stored with the source)
    # Facts read outside the text, which have no span of it to cite: fact (NAME, PLACE) → (FROM_TITLE or
    # FROM_URL, the words they were read from). A page that says only 本局 / "the bureau" is named by its title.
    evidence: dict = field(default_factory=dict)

    @property
    def sha256(self):
        return hashlib.sha256(self.source_text.encode("utf-8")).hexdigest()

    def fact_count(self):
        return (
            len(self.departments)
            + len(self.duties)
            + len(self.achievements)
            + len(self.counts)
            + (self.established_year is not None)
            + bool(self.predecessor)
            + bool(self.address)
        )

    def missing(self):
        """The required facts the text did not give (a reviewer fills them in before publishing)."""
        return [name for name in REQUIRED if not getattr(self, name)]

    def quote(self, span):
        return self.source_text[span[0] : span[1]]

    def excerpt(self, span):
        """The cited text as shown to a reviewer: cut short, with an ellipsis, when it is long (every count of a
        paragraph written as one sentence cites all of it). The fact still cites the whole span."""
        return shortened(self.source_text, span[0], span[1])

    def restore_source(self, source, positions):
        """Point every span at ``source``, of which ``source_text`` is a copy with some characters left out
        (``positions``: the source's position of each character kept, then the source's length), and quote each
        fact anew from it, so that it cites the page as it is (翔安區(qū)教育局 read as 翔安區教育局)."""
        compact = self.source_text

        def moved(span):
            start, end = span
            return (positions[start], positions[end - 1] + 1 if end > start else positions[start])

        def requoted(value, span):
            at = compact.find(value, span[0], span[1]) if value else -1
            if at == -1:
                return value
            start, end = moved((at, at + len(value)))
            return source[start:end]

        for fact, attribute in ((NAME, "name"), (PREDECESSOR, "predecessor"), (LOCATION, "address")):
            if fact in self.fact_spans:
                setattr(self, attribute, requoted(getattr(self, attribute), self.fact_spans[fact]))
        self.fact_spans = {fact: moved(span) for fact, span in self.fact_spans.items()}
        for item in self.departments:
            item.name, item.responsibility = requoted(item.name, item.span), requoted(item.responsibility, item.span)
        for item in self.duties:
            item.title, item.text = requoted(item.title, item.span), requoted(item.text, item.span)
        for item in self.achievements:
            item.text = requoted(item.text, item.span)
        for item in self.counts:
            item.phrase = requoted(item.phrase, item.span)
        for item in (*self.departments, *self.duties, *self.achievements, *self.counts):
            item.span = moved(item.span)
        self.source_text = source

    def unquoted(self):
        """The facts whose words are not in the text they cite ([] when every one is).

        Compared as strings of words, case, spacing and punctuation aside: whatever the parser's design, a fact that
        its source sentence does not contain is never saved.
        """
        problems = []

        def check(label, value, span):
            start, end = span
            if not (0 <= start < end <= len(self.source_text)):
                problems.append(f"{label} points outside the source ({start}–{end})")
            elif value not in ("", None) and _folded(value) not in _folded(self.quote(span)):
                problems.append(f"{label} “{value}” is not in the sentence it cites")

        for fact, value in (
            (NAME, self.name),
            (ESTABLISHED_YEAR, self.established_year),
            (PREDECESSOR, self.predecessor),
        ):
            if fact in self.fact_spans:
                check(fact, value, self.fact_spans[fact])
        if LOCATION in self.fact_spans:
            check("seat", self.address, self.fact_spans[LOCATION])
        for item in self.departments:
            # A department cites the sentence saying what it does when there is one ("the Ministry of
            # Education and Development is responsible for …" for the education development department).
            if item.responsibility:
                check(
                    "department responsibility",
                    re.sub(r"^responsible for ", "", item.responsibility, flags=re.I),
                    item.span,
                )
            else:
                check("department", item.name, item.span)
        for item in self.duties:
            check("duty", item.text, item.span)
            check("duty title", item.title, item.span)
        for item in self.achievements:
            check("achievement", item.text, item.span)
        for item in self.counts:
            check("count", item.phrase, item.span)
        return problems


def _folded(value):
    """Words only: case, spacing and punctuation aside (a department's duties joined from two paragraphs)."""
    return " ".join(re.findall(r"\w+", str(value).lower()))
