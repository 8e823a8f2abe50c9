"""
Institution statistics over published bureaus: by type, by province, by bureau.

Plain data (lists of dicts), shared by the statistics page, its CSV downloads and
``/api/statistics/``. Each function runs one query.
"""

from django.db.models import Count, F, Q, Sum

from bureaus.models import BureauListing, InstitutionCount


def _published_counts():
    return InstitutionCount.objects.filter(bureau__is_published=True)


def by_type():
    """[{type, name, plural, group, total, bureaus}] for every type with a published count, largest first."""
    rows = (
        _published_counts()
        .values("category__slug", "category__name", "category__plural", "category__group")
        .annotate(total=Sum("count"), bureaus=Count("bureau", distinct=True))
        .order_by("-total", "category__name")
    )
    return [
        {
            "type": row["category__slug"],
            "name": row["category__name"],
            "plural": row["category__plural"],
            "group": row["category__group"],
            "total": row["total"],
            "bureaus": row["bureaus"],
        }
        for row in rows
    ]


def by_province():
    """[{province, bureaus, schools, units}] for provinces with published bureaus, from their listing rows."""
    rows = (
        BureauListing.objects.values("province")
        .annotate(bureaus=Count("pk"), schools=Sum("school_count"), units=Sum("unit_count"))
        .order_by("province")
    )
    return [{**row, "schools": row["schools"] or 0, "units": row["units"] or 0} for row in rows]


def by_bureau(limit=None):
    """[{slug, name, province, schools, units}] of published bureaus that report a count, most schools first."""
    rows = (
        BureauListing.objects.filter(Q(school_count__isnull=False) | Q(unit_count__isnull=False))
        .order_by(F("school_count").desc(nulls_last=True), "name")
        .values("slug", "name", "province", "school_count", "unit_count")
    )
    if limit:
        rows = rows[:limit]
    return [
        {"slug": row["slug"], "name": row["name"], "province": row["province"],
         "schools": row["school_count"] or 0, "units": row["unit_count"] or 0}
        for row in rows
    ]  # fmt: skip
