"""
What the parser proposes for one document: a draft bureau, each fact with its span.

A :class:`Draft` is plain data. :meth:`Draft.build` turns it into unsaved model
objects, which the open-data JSON (dry run), the fixture writer (``--output``)
and the saver all start from, so the three cannot drift apart.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from bureaus.models import (
    Achievement,
    Bureau,
    Department,
    Duty,
    FactSource,
    InstitutionCount,
    InstitutionType,
    SourceDocument,
    sha256_of,
)
from bureaus.models.parts import PARTS, SOURCES
from bureaus.opendata.serializers import profile_to_dict
from bureaus.places.regions import place_line
from bureaus.seed import standard_institution_types


@dataclass
class DraftDepartment:
    name: str
    responsibility: str
    span: tuple


@dataclass
class DraftDuty:
    kind: str
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
    fact_spans: dict = field(default_factory=dict)  # FactSource.Fact value → span
    departments: list = field(default_factory=list)
    duties: list = field(default_factory=list)
    achievements: list = field(default_factory=list)
    counts: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def sha256(self):
        return sha256_of(self.source_text)

    def fact_count(self):
        return (
            len(self.departments)
            + len(self.duties)
            + len(self.achievements)
            + len(self.counts)
            + (self.established_year is not None)
            + bool(self.predecessor)
        )

    def quote(self, span):
        return self.source_text[span[0] : span[1]]

    def duty_counts(self):
        counts = {}
        for duty in self.duties:
            counts[duty.kind] = counts.get(duty.kind, 0) + 1
        return counts

    def review_sections(self):
        """What a reviewer checks, section by section: [(heading, [(label, value, source sentence)])]."""
        from bureaus.models import Duty

        facts = [
            ("Name", self.name, self.quote(self.fact_spans.get("name", (0, 0)))),
            ("Location", place_line(self.district, self.city, self.province), self.quote(self.fact_spans.get("location", (0, 0)))),
            ("Seat", self.address, self.quote(self.fact_spans.get("location", (0, 0)))),
            ("Founding year", self.established_year, self.quote(self.fact_spans.get("established_year", (0, 0)))),
            ("Predecessor", self.predecessor, self.quote(self.fact_spans.get("predecessor", (0, 0)))),
        ]  # fmt: skip
        kinds = dict(Duty.Kind.choices)
        return [
            ("Bureau", [row for row in facts if row[1] not in ("", None)]),
            ("Departments", [(d.name, d.responsibility, self.quote(d.span)) for d in self.departments]),
            ("Duties", [(kinds[d.kind], f"{d.title}. {d.text}" if d.title else d.text, self.quote(d.span)) for d in self.duties]),
            ("Achievements", [("", a.text, self.quote(a.span)) for a in self.achievements]),
            ("Institution counts", [(self.type_name(c), f"{c.count}" + (f" ({c.note})" if c.note else ""), self.quote(c.span)) for c in self.counts]),
        ]  # fmt: skip

    @staticmethod
    def type_name(count):
        standard = standard_institution_types().get(count.category)
        return count.new_type_name or (standard["name"] if standard else count.category)

    def build(self, known_types=None):
        """Unsaved model objects for this draft, linked to each other, in the order a fixture needs.

        ``known_types`` maps slugs to existing ``InstitutionType`` rows; types the
        draft needs that are not among them are returned as new, unsaved types.
        """
        known_types = dict(known_types or {})
        now = timezone.now()
        bureau = Bureau(
            name=self.name,
            slug=self.slug,
            province=self.province,
            city=self.city,
            district=self.district,
            address=self.address,
            established_year=self.established_year,
            predecessor=self.predecessor,
            summary=self.summary,
            is_published=False,
            created_at=now,
            updated_at=now,
        )
        source = SourceDocument(
            bureau=bureau, title=self.source_title, text=self.source_text, sha256=self.sha256, added_at=now
        )

        def spanned(model, span, **fields):
            return model(bureau=bureau, source=source, source_start=span[0], source_end=span[1], **fields)

        new_types = []
        for item in self.counts:
            if item.category not in known_types:
                new_type = standard_type(item.category) or proposed_type(item.category, item.new_type_name)
                known_types[item.category] = new_type
                new_types.append(new_type)
        return BuiltDraft(
            bureau=bureau,
            source=source,
            new_types=new_types,
            fact_sources=[spanned(FactSource, span, fact=fact) for fact, span in self.fact_spans.items()],
            departments=[
                spanned(Department, d.span, name=d.name, responsibility=d.responsibility, position=index)
                for index, d in enumerate(self.departments, 1)
            ],
            duties=[
                spanned(Duty, d.span, kind=d.kind, title=d.title, text=d.text, position=index)
                for index, d in enumerate(self.duties, 1)
            ],
            achievements=[
                spanned(Achievement, a.span, text=a.text, position=index)
                for index, a in enumerate(self.achievements, 1)
            ],
            institution_counts=[
                spanned(
                    InstitutionCount,
                    c.span,
                    category=known_types[c.category],
                    count=c.count,
                    as_of_year=c.as_of_year,
                    note=c.note,
                    position=index,
                )
                for index, c in enumerate(self.counts, 1)
            ],
        )


def standard_type(slug):
    """One of the shared institution types of ``fixtures/institution_types.json``, unsaved, or None."""
    fields = standard_institution_types().get(slug)
    return InstitutionType(**fields) if fields else None


def proposed_type(slug, name):
    """A new institution type for a category no shared type fits ("teacher training centre")."""
    return InstitutionType(
        name=name,
        plural=f"{name.lower()}s",
        slug=slug,
        group=InstitutionType.Group.SCHOOL
        if "school" in slug or "kindergarten" in slug
        else InstitutionType.Group.UNIT,
        description="Proposed by the document importer.",
    )


@dataclass
class BuiltDraft:
    bureau: Bureau
    source: SourceDocument
    new_types: list
    fact_sources: list
    departments: list
    duties: list
    achievements: list
    institution_counts: list

    def to_open_data(self):
        return profile_to_dict(
            self.bureau,
            departments=self.departments,
            duties=self.duties,
            achievements=self.achievements,
            institution_counts=self.institution_counts,
            sources=[self.source],
        )

    def rows(self, part):
        """The unsaved rows of one of the bureau's parts (``bureaus.models.parts``)."""
        return [self.source] if part is SOURCES else getattr(self, part.relation)

    def objects(self):
        """Every object, parents before children, as a fixture must list them."""
        return [*self.new_types, self.bureau, *(row for part in PARTS for row in self.rows(part))]
