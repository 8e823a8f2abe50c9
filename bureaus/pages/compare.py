"""
Side-by-side comparison of 2 to 4 bureaus.

Departments are lined up by what kind of department they are (a "general
office" and an "office" are both the office), institution counts by type and
duties by kind, so differences show on one row.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bureaus.models import Bureau, Duty
from bureaus.models.languages import columns, texts

MIN_BUREAUS, MAX_BUREAUS = 2, 4

# (kind, label, words that mark it, in English and in Chinese); checked in order, the first match wins.
DEPARTMENT_KINDS = [
    ("teaching-research", _("Teaching and research"), r"teaching and research|research|教研|教科研|研究"),
    ("preschool", _("Preschool education"), r"preschool|kindergarten|学前|幼儿"),
    ("vocational", _("Vocational education"), r"vocational|adult|职业|职成|成人"),
    ("high-school", _("High school education"), r"high school|senior|高中"),
    ("basic", _("Basic education"), r"basic education|compulsory|primary|基础教育|义务教育|初等|小学"),
    ("teachers", _("Teachers and personnel"), r"teacher|personnel|human resources|staff|人事|教师|师资|干部"),
    (
        "planning",
        _("Planning, development and finance"),
        r"plan|development|finance|budget|fund|规划|发展|计财|财务|计划",
    ),
    ("policy", _("Policy and regulations"), r"policy|regulation|law|legal|supervision|inspection|政策|法规|督导|督查"),
    ("safety", _("Safety and security"), r"safety|security|安全|稳定"),
    ("office", _("General office"), r"office|办公室"),
]
OTHER_KIND = ("other", _("Other departments"))


def department_kind(name):
    lowered = name.lower()
    for kind, label, pattern in DEPARTMENT_KINDS:
        if re.search(pattern, lowered):
            return kind, label
    return OTHER_KIND


class ComparisonError(ValueError):
    """A comparison that cannot be made; the message says why in plain words."""


@dataclass
class Comparison:
    bureaus: list
    # Each cell: a list (empty: none of this kind) or None (the bureau's sources list none at all).
    department_rows: list  # [(label, [[names of bureau 1], [names of bureau 2], …])]
    count_rows: list  # [(type, [[counts the source gives] or None per bureau])]
    duty_rows: list  # [(kind label, [[duties of bureau 1], …])]


def compare(slugs, queryset=None):
    """A Comparison of the bureaus with these slugs, in the order given; ComparisonError if it cannot be made."""
    slugs = list(dict.fromkeys(slug.strip() for slug in slugs if slug and slug.strip()))
    if len(slugs) < MIN_BUREAUS:
        raise ComparisonError(
            _("Choose at least %(least)d bureaus to compare (you chose %(chosen)d).")
            % {"least": MIN_BUREAUS, "chosen": len(slugs)}
        )
    if len(slugs) > MAX_BUREAUS:
        raise ComparisonError(
            _("Choose at most %(most)d bureaus to compare (you chose %(chosen)d).")
            % {"most": MAX_BUREAUS, "chosen": len(slugs)}
        )
    queryset = queryset if queryset is not None else Bureau.objects.published()
    found = {bureau.slug: bureau for bureau in queryset.with_profile().filter(slug__in=slugs)}
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        raise ComparisonError(
            _("No published bureau has the slug %(slugs)s.") % {"slugs": ", ".join(f"“{s}”" for s in unknown)}
        )
    bureaus = [found[slug] for slug in slugs]
    return Comparison(
        bureaus=bureaus,
        department_rows=_department_rows(bureaus),
        count_rows=_count_rows(bureaus),
        duty_rows=_duty_rows(bureaus),
    )


def _department_rows(bureaus):
    kinds = [(kind, label) for kind, label, _ in DEPARTMENT_KINDS] + [OTHER_KIND]
    cells = {kind: [[] for _ in bureaus] for kind, _ in kinds}
    for column, bureau in enumerate(bureaus):
        for department in bureau.departments.all():  # by its words in either language
            kind = department_kind(" ".join(texts(department, "name").values()))[0]
            cells[kind][column].append(department)
    return [(label, _unreported(bureaus, "departments", cells[kind])) for kind, label in kinds if any(cells[kind])]


def _unreported(bureaus, relation, cells):
    """A bureau whose sources list nothing of ``relation`` gets None (not reported), not [] (none of this kind)."""
    return [cell if getattr(bureau, relation).all() else None for bureau, cell in zip(bureaus, cells, strict=True)]


def _count_rows(bureaus):
    types, cells = {}, {}
    for column, bureau in enumerate(bureaus):
        for item in bureau.institution_counts.all():
            types.setdefault(item.category.slug, item.category)
            # Kept apart, not added up: a source that gives two numbers for one type is shown as it says.
            cells.setdefault(item.category.slug, [[] for _ in bureaus])[column].append(item.count)
    # A type a bureau's sources give no number for is not reported there, whatever else they count.
    ordered = sorted(types, key=lambda s: (types[s].group, types[s].name))
    return [(types[slug], [numbers or None for numbers in cells[slug]]) for slug in ordered]


def _duty_rows(bureaus):
    rows = []
    for kind in Duty.Kind:
        cells = [[duty for duty in bureau.duties.all() if duty.kind == kind] for bureau in bureaus]
        if any(cells):
            rows.append((kind.label, _unreported(bureaus, "duties", cells)))
    return rows


@dataclass
class Choice:
    """The bureaus chosen so far (each with the address that removes it) and those found to add."""

    chosen: list  # [(slug, name, address without it)]
    found: list  # [(name, place, address with it added)]
    query: str
    full: bool  # MAX_BUREAUS chosen: nothing more can be added


def choose(slugs, query, queryset=None, limit=10):
    """What the compare page offers for choosing: remove any chosen bureau, add one found by ``query``
    (its name, place or Chinese name)."""
    queryset = queryset if queryset is not None else Bureau.objects.published()
    slugs = list(dict.fromkeys(slug for slug in slugs if slug))
    names = {bureau.slug: bureau.name for bureau in queryset.filter(slug__in=slugs).only("slug", *columns("name"))}
    chosen = [(slug, names.get(slug, slug), _address([s for s in slugs if s != slug])) for slug in slugs]
    full = len(slugs) >= MAX_BUREAUS
    found = []
    query = (query or "").strip()[:100]
    if query and not full:
        matching = Q()
        for word in query.split():
            matching &= (Q(name_en__icontains=word) | Q(district__icontains=word) | Q(city__icontains=word)
                         | Q(province__icontains=word) | Q(name_zh_hans__icontains=word))  # fmt: skip
        rows = queryset.filter(matching).exclude(slug__in=slugs).order_by("province", "district")[:limit]
        found = [(bureau.name, bureau.place, _address([*slugs, bureau.slug])) for bureau in rows]
    return Choice(chosen=chosen, found=found, query=query, full=full)


def _address(slugs):
    return "?" + urlencode([("b", slug) for slug in slugs]) if slugs else "?"
