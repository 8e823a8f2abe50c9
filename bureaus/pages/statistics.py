"""
Institution statistics over published bureaus: by type, by province, by bureau.

Plain data (lists of dicts), shared by the statistics page, its CSV downloads and
``/api/statistics/``. Each function runs one query.
"""

from django.db.models import Count, Sum

from bureaus.models import Bureau, InstitutionCount, InstitutionType


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
    """[{province, bureaus, schools, units, total}] for provinces with published bureaus."""
    provinces = {
        row["province"]: {"province": row["province"], "bureaus": row["n"], "schools": 0, "units": 0}
        for row in Bureau.objects.published().values("province").annotate(n=Count("pk")).order_by("province")
    }
    sums = _published_counts().values("bureau__province", "category__group").annotate(total=Sum("count")).order_by()
    for row in sums:
        key = "schools" if row["category__group"] == InstitutionType.Group.SCHOOL else "units"
        provinces[row["bureau__province"]][key] += row["total"]
    return list(provinces.values())


def by_bureau(limit=None):
    """[{slug, name, province, schools, units}] of published bureaus, most schools first."""
    rows = {}
    sums = (
        _published_counts()
        .values("bureau__slug", "bureau__name", "bureau__province", "category__group")
        .annotate(total=Sum("count"))
        .order_by()
    )
    for row in sums:
        entry = rows.setdefault(
            row["bureau__slug"],
            {"slug": row["bureau__slug"], "name": row["bureau__name"], "province": row["bureau__province"], "schools": 0, "units": 0},
        )  # fmt: skip
        entry["schools" if row["category__group"] == InstitutionType.Group.SCHOOL else "units"] += row["total"]
    ordered = sorted(rows.values(), key=lambda entry: (-entry["schools"], entry["name"]))
    return ordered[:limit] if limit else ordered
