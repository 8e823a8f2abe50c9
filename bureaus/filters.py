"""Filters for the public bureau list (django-filter)."""

import django_filters
from django.db.models import Exists, OuterRef, Q

from .models import Bureau, InstitutionCount, InstitutionType


class BureauFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Name or place",
        method="filter_name_or_place",
    )
    province = django_filters.ChoiceFilter(label="Province", empty_label="All provinces")
    city = django_filters.ChoiceFilter(label="City", empty_label="All cities")
    institution_type = django_filters.ModelChoiceFilter(
        label="Runs at least one",
        queryset=InstitutionType.objects.all(),
        to_field_name="slug",
        empty_label="Any institution type",
        method="filter_institution_type",
    )
    sort = django_filters.OrderingFilter(
        label="Sort by",
        empty_label="Name",
        null_label=None,
        fields=(
            ("name", "name"),
            ("province", "province"),
            ("established_year", "founded"),
            ("updated_at", "updated"),
        ),
        field_labels={
            "name": "Name",
            "province": "Province",
            "established_year": "Founding year",
            "updated_at": "Last updated",
        },
    )

    class Meta:
        model = Bureau
        fields = ["q", "province", "city", "institution_type"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only places that published bureaus are in, so no choice leads to an empty list.
        base = self.queryset.order_by()
        self.filters["province"].extra["choices"] = [
            (province, province) for province in base.values_list("province", flat=True).distinct().order_by("province")
        ]
        self.filters["city"].extra["choices"] = [
            (city, f"{city} ({province})")
            for city, province in base.exclude(city="")
            .values_list("city", "province")
            .distinct()
            .order_by("city", "province")
        ]

    def filter_name_or_place(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(
                Q(name__icontains=word)
                | Q(district__icontains=word)
                | Q(city__icontains=word)
                | Q(province__icontains=word)
            )
        return queryset

    def filter_institution_type(self, queryset, name, value):
        runs_one = InstitutionCount.objects.filter(bureau=OuterRef("pk"), category=value, count__gt=0)
        return queryset.filter(Exists(runs_one))
