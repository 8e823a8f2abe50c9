"""Public pages. Views stay thin: the querysets and the serializer do the work."""

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django.urls import get_script_prefix
from django.utils.cache import patch_cache_control
from django.utils.encoding import escape_uri_path, iri_to_uri
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from bureaus import search
from bureaus.models import Bureau, BureauListing, InstitutionType, ProvinceTally
from bureaus.models.languages import columns
from bureaus.opendata import api
from bureaus.opendata.csvcells import SafeWriter
from bureaus.opendata.serializers import bureau_to_dict, dumps, json_ld
from bureaus.pages import charts, coverage, snapshots, statistics
from bureaus.pages.compare import MAX_BUREAUS, MIN_BUREAUS, ComparisonError, choose, compare
from bureaus.pages.filters import BureauFilter
from bureaus.places import divisions
from bureaus.places.names import is_chinese, province_in


class HomeView(TemplateView):
    """Search first, the nation in numbers, each province with its totals, and the newest and
    latest-changed bureaus: a page of constant size, whether 3 or 3,000 bureaus are published."""

    template_name = "home.html"
    LATEST = 8

    def get_context_data(self, **kwargs):
        provinces = list(ProvinceTally.objects.all())
        listing = BureauListing.objects.only(*columns("name"), "slug", "province", "city", "district", "updated_at")
        return super().get_context_data(
            coverage=coverage.national(),
            totals=ProvinceTally.national(provinces),
            provinces=provinces,
            newest=listing.order_by("-created_at", "name_en", "name_zh_hans")[: self.LATEST],
            changed=listing.order_by("-updated_at", "name_en", "name_zh_hans")[: self.LATEST],
            **kwargs,
        )


class BureauListView(FilterView):
    filterset_class = BureauFilter
    template_name = "bureaus/bureau_list.html"
    context_object_name = "bureaus"
    paginate_by = settings.BUREAUS_PER_PAGE

    def get_queryset(self):
        # The cards come rendered from the bureaus' snapshots: the page needs only which, of which version.
        # Filed by the place served (see the filter's "Name" sort), not by how the name happens to start.
        return Bureau.objects.published().only("page_version").order_by("district", "name_en", "slug")

    def get_context_data(self, **kwargs):
        filterset = self.filterset
        facets = filterset.facets()  # first: it may count the bureaus for the paginator on the way
        context = super().get_context_data(**kwargs)
        context["facets"] = facets
        context["facet_options"] = filterset.facet_options(facets)
        context["query"] = filterset.search_query
        context["filters_in_use"] = filterset.in_use_besides_search()  # the phone layout keeps them unfolded
        bureaus = list(context["bureaus"])
        context["cards"] = snapshots.cards(bureaus, search.snippets(bureaus, context["query"]))
        # The districts the words name, profiled or not: "no profile yet" is an answer, "nothing found" is not.
        context["places_found"] = coverage.divisions_found(context["query"]) if context["query"] else []
        # Filtered to a province: every district of it, with a profile or not, is one link away.
        chosen = filterset.form.cleaned_data.get("province") if filterset.is_bound and filterset.is_valid() else ""
        context["province_places"] = divisions.province_named(chosen or "")
        return context

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        if self.filterset.matched is not None:
            paginator.count = self.filterset.matched  # counted with the facets: no COUNT query of its own
        return paginator


class VisibleBureauMixin:
    """Look bureaus up among those the visitor may see: drafts are a 404 to the public."""

    slug_field = "slug"

    def get_queryset(self):
        return Bureau.objects.visible_to(self.request.user)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_published:
            # A staff preview of a draft or a working copy: no proxy or browser cache may keep it (the
            # page cache never stores a signed-in visitor's page, but caches outside the server might).
            patch_cache_control(response, private=True, no_store=True)
        return response


class BureauDetailView(VisibleBureauMixin, DetailView):
    """A bureau's profile: visitors get its published snapshot (read with the bureau in one query), staff
    a live rendering (they may be previewing a draft or a working copy)."""

    template_name = "bureaus/bureau_detail.html"

    def get_queryset(self):
        if self.request.user.is_authenticated:
            return super().get_queryset().with_profile()
        return super().get_queryset()

    def get_object(self, queryset=None):
        if self.request.user.is_authenticated:
            return super().get_object(queryset)
        try:
            bureau, self.profile_html, self.json_ld_data = snapshots.public_profile(self.kwargs["slug"])
        except Bureau.DoesNotExist:
            raise Http404("No published bureau has this address.") from None
        return bureau

    def get_context_data(self, **kwargs):
        bureau = self.object
        url = self.request.build_absolute_uri(bureau.get_absolute_url())
        if self.request.user.is_authenticated:
            context = {**snapshots.profile_context(bureau), "json_ld_data": json_ld(bureau, url)}
        else:
            context = {"profile_html": self.profile_html, "json_ld_data": {**self.json_ld_data, "url": url}}
        return super().get_context_data(**context, **kwargs)


class BureauSourceView(VisibleBureauMixin, DetailView):
    template_name = "bureaus/bureau_source.html"

    def get_queryset(self):
        return super().get_queryset().with_source_spans()


class BureauJSONView(VisibleBureauMixin, DetailView):
    def get_queryset(self):
        return super().get_queryset().with_profile()

    def render_to_response(self, context):
        response = HttpResponse(
            dumps(bureau_to_dict(self.object)),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'inline; filename="{self.object.slug}.json"'
        return response


class StatisticsView(TemplateView):
    """Institutions across published bureaus: by type, by province and by bureau, as charts and tables."""

    template_name = "bureaus/statistics.html"
    TOP_BUREAUS = 25

    def get_context_data(self, **kwargs):
        by_type = [{**row, "label": InstitutionType.label_of(row["plural"], row["chinese_name"])}
                   for row in statistics.by_type()]  # fmt: skip
        by_province = statistics.by_province()
        top_bureaus = statistics.by_bureau(limit=self.TOP_BUREAUS)
        return super().get_context_data(
            by_type=by_type,
            by_province=by_province,
            top_bureaus=top_bureaus,
            top_count=self.TOP_BUREAUS,
            # Schools and offices are charted apart: a sum of the two would mean nothing.
            type_chart=charts.bar_chart(
                [(row["label"], row["total"]) for row in by_type if row["group"] == "school"],
                title=_("Schools and kindergartens by type"),
                chart_id="chart-types",
            ),
            unit_chart=charts.bar_chart(
                [(row["label"], row["total"]) for row in by_type if row["group"] != "school"],
                title=_("Offices and units by type"),
                chart_id="chart-units",
            ),
            province_chart=charts.bar_chart(
                [
                    (province_in(get_language(), row["province"]), row["schools"])
                    for row in by_province
                    if row["schools"] is not None
                ],
                title=_("Schools and kindergartens by province"),
                chart_id="chart-provinces",
            ),
            bureau_chart=charts.bar_chart(
                [(row["name"], row["schools"]) for row in top_bureaus if row["schools"] is not None],
                title=_("The %(count)d bureaus running the most schools and kindergartens")
                % {"count": self.TOP_BUREAUS},
                chart_id="chart-bureaus",
            ),
            **coverage_context(),
            **kwargs,
        )


def coverage_context():
    """How much of China has a profile, by province: numbers, chart and where the divisions come from."""
    national = coverage.national()
    source, built = divisions.gazetteer_origin()
    chinese = is_chinese(get_language())
    chart = charts.bar_chart(
        [(row.province.chinese if chinese else row.province.name, row.profiled) for row in national.provinces
         if row.profiled],
        title=_("County-level divisions with a bureau profile, by province"),
        chart_id="chart-coverage",
    )  # fmt: skip
    return {"coverage": national, "coverage_chart": chart, "gazetteer_source": source, "gazetteer_built": built}


STATISTICS_TABLES = {
    "types": (statistics.by_type, ["type", "name", "chinese_name", "group", "total", "bureaus"]),
    "provinces": (statistics.by_province, ["province", "bureaus", "schools", "units"]),
    "bureaus": (statistics.by_bureau, ["slug", "name", "province", "schools", "units"]),
}


def statistics_csv(request, table):
    """One statistics table as CSV: every row, also those the page leaves out."""
    if table not in STATISTICS_TABLES:
        raise Http404("No such statistics table.")
    rows, fields = STATISTICS_TABLES[table]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="statistics-{table}.csv"'
    writer = SafeWriter(response)
    writer.writerow(fields)
    writer.writerows([row[field] for field in fields] for row in rows())
    return response


def compare_view(request):
    """Bureaus side by side, chosen on the page itself: remove one, or find one to add (no JavaScript)."""
    # Read as typed, not through a form: only a NUL goes, which no slug or name holds and PostgreSQL
    # refuses in any string it is asked to compare (a 500).
    slugs = [slug.replace("\x00", "") for slug in request.GET.getlist("b")]
    slugs = [slug for slug in slugs if slug.strip()]
    context = {"slugs": slugs, "max_bureaus": MAX_BUREAUS, "min_bureaus": MIN_BUREAUS}
    context["choice"] = choose(slugs, request.GET.get("find", "").replace("\x00", ""))
    status = 200
    if len(slugs) >= MIN_BUREAUS:
        try:
            context["comparison"] = compare(slugs)
        except ComparisonError as error:
            context["error"] = str(error)
            status = 400
    return TemplateResponse(request, "bureaus/compare.html", context, status=status)


def english_address(request):
    """``/en/…``: the English page at its address without the prefix (English pages have none), query kept,
    as a permanent redirect."""
    rest = escape_uri_path(request.path_info)[len("/en/") :]
    query = request.META.get("QUERY_STRING", "")
    # Never "//host/…", which a browser would take for another site (a backslash is escaped by now).
    target = get_script_prefix() + rest.lstrip("/") + (f"?{iri_to_uri(query)}" if query else "")
    return HttpResponsePermanentRedirect(target)


def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    """404: JSON for the API, the site's page for everything else."""
    if api.is_api_request(request):
        message = exception.args[0] if exception and exception.args and isinstance(exception.args[0], str) else ""
        return api.error_response(404, message or "Nothing exists at this address.")
    return defaults.page_not_found(request, exception)


def server_error(request):
    """500: JSON for the API, the site's page for everything else."""
    if api.is_api_request(request):
        return api.error_response(500, "The server failed to answer; the error was logged. Try again later.")
    return defaults.server_error(request)
