"""How the admin's import page presents a draft to its reviewer: every fact beside its source sentence (a long
one cut short)."""

from bureaus.importer.draft import ESTABLISHED_YEAR, FROM_LOADER, FROM_TITLE, LOCATION, NAME, PLACE, PREDECESSOR
from bureaus.models import Duty, InstitutionType
from bureaus.places.regions import place_line


class OutsideTheText(str):
    """Evidence that is no span of the text: "from the page title: «…»", shown as it is, not as a quote."""

    outside_the_text = True


def evidence(draft, fact):
    """Where ``fact`` was read outside the text (the page's title or address) or who chose it, in words, or ""."""
    if fact not in draft.evidence:
        return ""
    where, words = draft.evidence[fact]
    if where == FROM_LOADER:
        return OutsideTheText(f"chosen by the loader: {words}")
    return OutsideTheText(f"from the {'page title' if where == FROM_TITLE else 'address'}: «{words}»")


def review_sections(draft):
    """[(heading, [(label, value, source sentence)])], section by section, for the review table."""
    quote = lambda fact: draft.excerpt(draft.fact_spans[fact]) if fact in draft.fact_spans else ""  # noqa: E731
    facts = [
        ("Name", draft.name, evidence(draft, NAME) or quote(NAME)),
        ("Location", place_line(draft.district, draft.city, draft.province), evidence(draft, PLACE) or quote(NAME)),
        ("Seat", draft.address, quote(LOCATION)),
        ("Founding year", draft.established_year, quote(ESTABLISHED_YEAR)),
        ("Predecessor", draft.predecessor, quote(PREDECESSOR)),
    ]
    kinds = dict(Duty.Kind.choices)
    type_names = dict(
        InstitutionType.objects.filter(slug__in={c.category for c in draft.counts}).values_list("slug", "name")
    )

    def department_value(department):
        return " ".join(part for part in (department.responsibility, department.note) if part)

    def count_value(count):
        return f"{count.count}" + (f" ({count.note})" if count.note else "")

    return [
        ("Bureau", [row for row in facts if row[1] not in ("", None)]),
        ("Departments", [(d.name, department_value(d), draft.excerpt(d.span)) for d in draft.departments]),
        ("Duties", [(kinds[d.kind], f"{d.title}. {d.text}" if d.title else d.text, draft.excerpt(d.span)) for d in draft.duties]),
        ("Achievements", [("", a.text, draft.excerpt(a.span)) for a in draft.achievements]),
        (
            "Institution counts",
            [(type_names.get(c.category) or c.new_type_name or c.phrase, count_value(c), draft.excerpt(c.span)) for c in draft.counts],
        ),
    ]  # fmt: skip
