"""
Filters for the bureau list and the API (django-filter), with facet counts.

The URL holds the whole state (``?q=…&province=…&institution_type=…``), so any
result list can be bookmarked and shared. ``q`` is a full-text search ranked by
relevance; the other filters narrow it.
"""

from collections import Counter

import django_filters
from django import forms
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from bureaus import search
from bureaus.models import (
    Bureau,
    BureauListing,
    Department,
    InstitutionCount,
    InstitutionType,
    ProvinceTally,
    TypeTally,
)
from bureaus.places.names import PlaceName, city_label_in, province_in
from bureaus.places.regions import PROVINCE_CHOICES

FACETS = ("province", "city", "institution_type")


class BureauFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    # Choices and queryset as callables: each request's filterset deep-copies its filters, and a callable
    # is copied as it is (a list of 34 provinces or a queryset is copied item by item).
    province = django_filters.ChoiceFilter(
        label=_("Province"), choices=lambda: PROVINCE_CHOICES, empty_label=_("All provinces")
    )
    city = django_filters.CharFilter(label=_("City"), widget=forms.Select(choices=[("", _("All cities"))]))
    institution_type = django_filters.ModelChoiceFilter(
        label=_("Runs at least one"),
        queryset=lambda request: InstitutionType.objects.public(),
        to_field_name="slug",
        empty_label=_("Any institution type"),
        method="filter_institution_type",
    )
    department = django_filters.CharFilter(label=_("Has a department named"), method="filter_department")
    founded_from = django_filters.NumberFilter(
        field_name="established_year", lookup_expr="gte", label=_("Founded from")
    )
    founded_to = django_filters.NumberFilter(field_name="established_year", lookup_expr="lte", label=_("Founded until"))
    sort = django_filters.OrderingFilter(
        label=_("Sort by"),
        empty_label=_("Best match (search) or name"),
        null_label=None,
        # "Name" sorts by the place a bureau serves: "Education Bureau of Jinpu New Area" and
        # "Jinpu New Area Education Bureau" are both filed under J, not one of them under E.
        fields=(
            ("district", "name"),
            ("province", "province"),
            ("established_year", "founded"),
            ("updated_at", "updated"),
        ),
        field_labels={
            "district": _("Name (by place)"),
            "province": _("Province"),
            "established_year": _("Founding year"),
            "updated_at": _("Last updated"),
        },
    )

    class Meta:
        model = Bureau
        fields = ["q", "province", "city", "institution_type", "department", "founded_from", "founded_to"]

    def get_form_class(self):
        """The form, built once per process: its fields follow from the filters declared above and
        nothing else, and building them for every request cost a tenth of a millisecond."""
        filterset = type(self)
        if "_form_class" not in filterset.__dict__:
            filterset._form_class = super().get_form_class()
        return filterset._form_class

    def filter_search(self, queryset, name, value):
        return search.matching(queryset, value, all_words=self.all_words(value))

    def all_words(self, query):
        """Whether to ask for every word of the search; decided once, reused by every facet's query."""
        if not hasattr(self, "_all_words"):
            self._all_words = search.needs_all_words(self.queryset, query)
        return self._all_words

    def filter_queryset(self, queryset):
        """Filter, then rank by relevance when searching and no other order was asked for."""
        query = self.form.cleaned_data.get("q")
        if not query or self.form.cleaned_data.get("sort"):
            return super().filter_queryset(queryset)
        # Ranking keeps only the matches itself: the search filter's subquery would run the search twice.
        for name, value in self.form.cleaned_data.items():
            if name != "q":
                queryset = self.filters[name].filter(queryset, value)
        # The filterset's queryset is every published bureau: unless another filter narrows it, the search
        # engine's matches need no checking against it.
        return search.ranked(queryset, query, all_words=self.all_words(query), narrowed=self._narrowed_but("q"))

    def unranked_qs(self):
        """The filtered bureaus without the relevance join: safe to use inside another query."""
        return self._filtered_without(None)

    def filter_institution_type(self, queryset, name, value):
        runs_one = InstitutionCount.objects.filter(bureau=OuterRef("pk"), category=value, count__gt=0)
        return queryset.filter(Exists(runs_one))

    def filter_department(self, queryset, name, value):
        word = value.strip()
        named = Department.objects.filter(
            Q(name_en__icontains=word) | Q(name_zh_hans__icontains=word), bureau=OuterRef("pk")
        )
        return queryset.filter(Exists(named))

    @property
    def search_query(self):
        return self.form.cleaned_data.get("q", "") if self.is_bound and self.is_valid() else ""

    # How many bureaus the filters give, when the facets counted them on the way (else None).
    matched = None

    def facets(self):
        """Per facet, the values with how many bureaus each would give, the other filters applied.

        Each facet ignores its own filter ("disjunctive" faceting), so choosing Liaoning
        still shows how many bureaus Jilin has. With no facet chosen (the usual case) every
        facet counts the same bureaus: the tallies the content seam keeps when nothing narrows
        them, else one pass over their listing rows; a chosen facet costs a query per facet.
        Cities are listed once a province or city is chosen (hundreds across the nation).
        """
        types = [(slug, InstitutionType.label_of(plural, chinese), n)
                 for slug, plural, chinese, n in TypeTally.objects.facet_rows()]  # fmt: skip
        if not any(self._chosen(facet) for facet in FACETS):
            if self._narrowed_but(None):
                provinces, running = self._searched_counts() or self._count_in_one_pass()
            else:
                provinces = dict(ProvinceTally.objects.values_list("province", "bureaus"))
                running = {slug: n for slug, _, n in types}
            if not self.is_bound or self.is_valid():  # else the list shows none (a filter is in error)
                self.matched = sum(provinces.values())
            return {
                "province": _province_rows(provinces),
                "city": [],
                "institution_type": [(slug, label, running[slug]) for slug, label, _ in types
                                     if running.get(slug)],
            }  # fmt: skip
        places = self._place_counts()
        language = get_language()
        result = {
            "province": _province_rows(places["province"]),
            "city": [
                (city, city_label_in(language, city, province), n)
                for (city, province), n in sorted(places["city"].items())
            ],
        }
        if not self._chosen("province") and not self._chosen("city"):
            result["city"] = []
        if self._narrowed_but("institution_type"):
            others = self._filtered_without("institution_type").order_by().values("pk")
            running = BureauListing.objects.filter(bureau__in=others).aggregate(
                **{slug: Count("pk", filter=Q(types_run__contains=f" {slug} ")) for slug, _, _ in types}
            )
        else:
            running = {slug: n for slug, _, n in types}
        result["institution_type"] = [(slug, label, running[slug]) for slug, label, _ in types
                                      if running[slug]]  # fmt: skip
        return result

    def _searched_counts(self):
        """({province: n}, {type slug: n}) counted by the search engine, when only the search narrows the
        bureaus and the engine counts (else None)."""
        query = self.form.cleaned_data.get("q")
        if not query or self._narrowed_but("q"):
            return None
        return search.facets(query, self.all_words(query))

    def _count_in_one_pass(self):
        """({province: n}, {type slug: n}) over the listing rows of the filtered bureaus, in one query:
        a grouped query per facet would run the search (or the other filters) once for each."""
        provinces, running = Counter(), Counter()
        matches = self._filtered_without(None).order_by().values("pk")
        groups = (
            BureauListing.objects.filter(bureau__in=matches)
            .values_list("province", "types_run")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for province, types_run, n in groups:
            provinces[province] += n
            for slug in types_run.split():
                running[slug] += n
        return provinces, running

    def in_use_besides_search(self):
        """Whether a filter other than the search box (sorting included) is set, or in error."""
        form = self.form
        return any(form[name].value() not in (None, "", []) or form[name].errors for name in form.fields if name != "q")

    def _chosen(self, facet):
        return bool(self.is_bound and self.is_valid() and self.form.cleaned_data.get(facet))

    def _narrowed_but(self, facet):
        """Whether any filter other than ``facet`` (and sorting) narrows the bureaus."""
        if not self.is_bound or not self.is_valid():
            return False
        return any(value not in (None, "") for name, value in self.form.cleaned_data.items()
                   if name not in (facet, "sort"))  # fmt: skip

    def _place_counts(self):
        """{"province": {province: n}, "city": {(city, province): n}}, each ignoring its own filter."""
        chosen = {facet for facet in ("province", "city") if self.is_bound and self.form.cleaned_data.get(facet)}
        counts = {"province": {}, "city": {}}
        for facet in ("province", "city") if chosen else ("both",):
            if not self._narrowed_but(facet if chosen else "province") and facet in ("province", "both"):
                # Every published bureau counts: their listing rows hold the places, one small table.
                rows = BureauListing.objects.values_list("province", "city").annotate(n=Count("pk")).order_by()
            else:
                others = self._filtered_without(facet if chosen else "province").order_by().values("pk")
                rows = (
                    Bureau.objects.filter(pk__in=others)
                    .values_list("province", "city")
                    .annotate(n=Count("pk"))
                    .order_by()
                )
            for province, city, n in rows:
                if facet in ("province", "both"):
                    counts["province"][province] = counts["province"].get(province, 0) + n
                if facet in ("city", "both") and city:
                    counts["city"][(city, province)] = n
        return counts

    def _filtered_without(self, facet):
        """The queryset with every valid filter applied but ``facet`` (and sorting)."""
        queryset = self.queryset.all()
        if not self.is_bound:
            return queryset
        for name, value in self.form.cleaned_data.items():
            if name not in (facet, "sort"):
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def facet_options(self, facets):
        """{facet: (empty label, [(value, "Label (count)", selected)])} for the list page's drop-downs.

        A value chosen in the URL stays listed even when no bureau has it. The page
        renders these itself: Django's Select widget is slow with hundreds of cities.
        """
        empty = {
            "province": _("All provinces"),
            "city": _("All cities"),
            "institution_type": _("Any institution type"),
        }
        options = {}
        language = get_language()
        for facet, rows in facets.items():
            chosen = str(self.data.get(facet, "")) if self.data else ""
            entries = [(value, _counted(label, count), value == chosen) for value, label, count in rows]
            if chosen and chosen not in {value for value, _, _ in rows}:
                label = chosen
                if facet == "province":
                    label = province_in(language, chosen)
                elif facet == "city":
                    label = city_label_in(language, chosen, "")  # its province unknown: named alone
                entries.append((chosen, _counted(label, 0), True))
            options[facet] = (empty[facet], entries)
        return options


def _province_rows(counts):
    """The province facet's rows (value, label in the page's language, bureaus) from {province: bureaus}."""
    language = get_language()
    return [(province, province_in(language, province), n) for province, n in sorted(counts.items())]


def _counted(label, count):
    """A facet value's label with its count: "Liaoning (2)", keeping the language of a place name ("辽宁省
    (2)" on a Chinese page; an English name there marked as English)."""
    text = f"{label} ({count})"
    return PlaceName(text, label.lang, label.foreign) if isinstance(label, PlaceName) else text
