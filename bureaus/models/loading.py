"""What loaders work from: the districts still without a bureau, and the imported drafts waiting for review.

A mixin of ``BureauQuerySet`` (kept apart so ``bureau.py`` stays about the bureau itself).
"""

from functools import cache

from django.db import models
from django.db.models import Sum

from bureaus.places.gazetteer import by_code


@cache
def county_divisions():
    """Every county-level division of the gazetteer, by code (so province by province, prefecture by prefecture)."""
    return tuple(sorted((d for d in by_code().values() if d.level == "county"), key=lambda d: d.code))


class LoadingQuerySet(models.QuerySet):
    def divisions_without_bureau(self, province="", prefecture=""):
        """The county-level divisions (``gazetteer.Division``) that none of these bureaus serves, within a
        province or a prefecture (their codes) when given. A draft serves its division: a document for it
        would go to that draft (``importer.saving``), so it is not work waiting. One query, whatever the number
        of bureaus: the set of codes served."""
        served = set(self.exclude(division_code="").values_list("division_code", flat=True).order_by())
        return [
            division
            for division in county_divisions()
            if division.code not in served
            and (not province or division.province.code == province)
            and (not prefecture or division.parent_code == prefecture)
        ]

    def import_review_queue(self):
        """Drafts made by imports (never published, not working copies), with ``warning_total``, the warnings
        their imported documents came with, most first: where a reviewer's time goes furthest."""
        return (
            self.filter(is_published=False, draft_of__isnull=True)
            .annotate(warning_total=Sum("sources__warning_count"))
            .filter(warning_total__isnull=False)
            .order_by("-warning_total", "-created_at", "pk")
        )
