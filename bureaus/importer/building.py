"""
Turning a draft into unsaved model objects, which the open-data JSON (dry run), the
fixture writer (``--output``) and the saver all start from, so the three cannot drift.

Every fact's span is checked against the source before it becomes a row: the text a
fact quotes must be exactly the text at its offsets, so no design of the parser can
invent one.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify

from bureaus.importer.errors import DocumentError
from bureaus.models import (
    Achievement,
    Bureau,
    Department,
    Duty,
    FactSource,
    InstitutionCount,
    InstitutionType,
    SourceDocument,
)
from bureaus.models.languages import column, fact_code
from bureaus.models.parts import PARTS, SOURCES


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

    def rows(self, part):
        """The unsaved rows of one of the bureau's parts (``bureaus.models.parts``)."""
        return [self.source] if part is SOURCES else getattr(self, part.relation)

    def objects(self):
        """Every object, parents before children, as a fixture must list them."""
        return [*self.new_types, self.bureau, *(row for part in PARTS for row in self.rows(part))]


def check_spans(draft):
    """Every fact's words are in the source text it cites (``Draft.unquoted``), or nothing is built."""
    problems = draft.unquoted()
    if problems:
        raise DocumentError(f"A fact does not quote its source, so nothing was saved: {problems[0]}.")


def build(draft, known_types=None, source_details=None):
    """Unsaved model objects for ``draft``, linked to each other, in the order a fixture needs.

    ``known_types`` maps slugs to existing ``InstitutionType`` rows; types the draft needs
    that are not among them are returned as new, unsaved types, proposed by the importer.
    ``source_details`` (publisher, url, published_on) go with the source document.
    """
    check_spans(draft)
    known_types = dict(known_types or {})
    now = timezone.now()
    code = fact_code(draft.language)

    def texts(**fields):
        """The draft's texts go to the columns of the language they were read in (nothing is translated)."""
        return {column(name, code): value for name, value in fields.items()}

    bureau = Bureau(
        **texts(name=draft.name, summary=draft.summary),
        division_code=draft.division_code,
        slug=draft.slug or slugify(f"draft {draft.sha256[:12]}"),
        province=draft.province,
        city=draft.city,
        district=draft.district,
        address=draft.address,
        established_year=draft.established_year,
        predecessor=draft.predecessor,
        is_published=False,
        created_at=now,
        updated_at=now,
    )
    details = {"url": draft.source_url, **(source_details or {})}
    source = SourceDocument(
        bureau=bureau,
        title=draft.source_title,
        language=draft.language,
        text=draft.source_text,
        sha256=draft.sha256,
        added_at=now,
        **details,
    )
    source.record_warnings(draft.warnings)

    def spanned(model, span, **fields):
        return model(bureau=bureau, source=source, source_start=span[0], source_end=span[1], **fields)

    new_types = []
    for item in draft.counts:
        if item.category not in known_types:
            new_type = proposed_type(item.category, item.new_type_name)
            known_types[item.category] = new_type
            new_types.append(new_type)
    return BuiltDraft(
        bureau=bureau,
        source=source,
        new_types=new_types,
        fact_sources=[spanned(FactSource, span, fact=fact) for fact, span in draft.fact_spans.items()],
        departments=[
            spanned(
                Department, d.span, **texts(name=d.name, responsibility=d.responsibility), note=d.note, position=index
            )
            for index, d in enumerate(draft.departments, 1)
        ],
        duties=[
            spanned(Duty, d.span, kind=d.kind, **texts(title=d.title, text=d.text), position=index)
            for index, d in enumerate(draft.duties, 1)
        ],
        achievements=[
            spanned(Achievement, a.span, **texts(text=a.text), position=index)
            for index, a in enumerate(draft.achievements, 1)
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
            for index, c in enumerate(draft.counts, 1)
        ],
    )


def proposed_type(slug, name):
    """A new institution type for a category no shared type fits ("teacher training centre").

    It stays out of public lists and filters until a bureau counting it is published.
    """
    name = name or slug.replace("-", " ").capitalize()
    is_chinese = not name.isascii()  # a Chinese type word (中心校) has no plural form
    return InstitutionType(
        name=name,
        plural=name if is_chinese else f"{name.lower()}s",
        slug=slug,
        group=InstitutionType.Group.SCHOOL
        if "school" in slug or "kindergarten" in slug or (is_chinese and name.endswith(("校", "园", "学")))
        else InstitutionType.Group.UNIT,
        description="Proposed by the document importer.",
        is_proposed=True,
    )
