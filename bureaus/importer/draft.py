"""
What the parser proposes for one document: a draft bureau, each fact with the span of
the source it was read from, and warnings saying what could not be read.

Plain data, no Django: ``importer.building`` turns a draft into unsaved model objects,
``admin.review`` shows it to a reviewer.
"""

import hashlib
from dataclasses import dataclass, field

# The bureau's own facts that point at a sentence (FactSource.Fact values).
NAME, LOCATION, ESTABLISHED_YEAR, PREDECESSOR = "name", "location", "established_year", "predecessor"
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
    chinese_name: str = ""  # derived from the place when the gazetteer knows it
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
