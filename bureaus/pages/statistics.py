"""
Institution statistics over published bureaus: by type, by province, by bureau.

Plain data (lists of dicts), shared by the statistics page, its CSV downloads and
``/api/statistics/``. Each function runs one query.
"""

from django.db.models import F

from bureaus.models import BureauListing, ProvinceTally, TypeTally
from bureaus.models.languages import columns


def by_type():
    """[{type, name, plural, chinese_name, group, total, bureaus}] for every type with a published count, largest first."""
    tallies = TypeTally.objects.select_related("category").order_by("-total", "category__name")
    return [
        {
            "type": tally.category.slug,
            "name": tally.category.name,
            "plural": tally.category.plural,
            "chinese_name": tally.category.chinese_name,
            "group": tally.category.group,
            "total": tally.total,
            "bureaus": tally.bureaus_reporting,
        }
        for tally in tallies
    ]


def by_province():
    """[{province, bureaus, schools, units}] for provinces with published bureaus, from their tallies;
    schools or units are None when no bureau of the province reports any (not reported is not 0)."""
    return list(ProvinceTally.objects.values("province", "bureaus", "schools", "units"))


def by_bureau(limit=None):
    """[{slug, name, province, schools, units}] of every published bureau, most schools first; those whose
    sources give no count last, with None (not reported)."""
    rows = BureauListing.objects.order_by(F("school_count").desc(nulls_last=True), "name_en", "name_zh_hans").only(
        "slug", *columns("name"), "province", "school_count", "unit_count"
    )
    if limit:
        rows = rows[:limit]
    return [
        {"slug": row.slug, "name": row.name, "province": row.province,
         "schools": row.school_count, "units": row.unit_count}
        for row in rows
    ]  # fmt: skip
