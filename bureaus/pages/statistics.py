"""
Institution statistics over published bureaus: by type, by province, by bureau.

Plain data (lists of dicts), shared by the statistics page, its CSV downloads and
``/api/statistics/``. Each function runs one query.
"""

from django.db.models import Count, F, Q, Sum

from bureaus.models import BureauListing, TypeTally


def by_type():
    """[{type, name, plural, group, total, bureaus}] for every type with a published count, largest first."""
    tallies = TypeTally.objects.select_related("category").order_by("-total", "category__name")
    return [
        {
            "type": tally.category.slug,
            "name": tally.category.name,
            "plural": tally.category.plural,
            "group": tally.category.group,
            "total": tally.total,
            "bureaus": tally.bureaus_reporting,
        }
        for tally in tallies
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
