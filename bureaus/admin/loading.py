"""
Two admin pages for the staff who load the country's bureaus.

*Worklist* (``bureau/worklist/``): the county-level divisions of the gazetteer that have no bureau yet, by
province and prefecture, each with a link to the import page with that division chosen. A division with a
draft has a bureau (a document for it goes to that draft), so it is not listed. For staff who may add
bureaus: the list is what they are to add.

*Import review queue* (``bureau/review-queue/``): the drafts imports made, the one whose documents came with
the most warnings first, so reviewers start where the importer was least sure. Each user sees the drafts
they may edit, as everywhere in the admin.
"""

from functools import partial
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.template.response import TemplateResponse
from django.urls import path, reverse

from bureaus.models import Bureau, SourceDocument
from bureaus.places.gazetteer import by_code

WORKLIST_PAGE_SIZE = 100
QUEUE_PAGE_SIZE = 50


def _by_name(divisions):
    return sorted(divisions, key=lambda d: d.name)


def province_choices():
    return [("", "All provinces"), *((d.code, d.name) for d in _by_name(d for d in by_code().values() if d.level == "province"))]  # fmt: skip


def prefecture_choices(province=""):
    """A province's prefectures; without one, every prefecture grouped under its province."""
    prefectures = [d for d in by_code().values() if d.level == "prefecture"]
    if province:
        return [("", "All prefectures"), *((d.code, d.name) for d in _by_name(d for d in prefectures if d.parent_code == province))]  # fmt: skip
    groups = [
        (name, [(d.code, d.name) for d in _by_name(d for d in prefectures if d.parent_code == code)])
        for code, name in province_choices()[1:]
    ]
    return [("", "All prefectures"), *((name, choices) for name, choices in groups if choices)]


class WorklistFilterForm(forms.Form):
    """Which part of the country to list: a province, a prefecture (of that province, when one is chosen)."""

    province = forms.ChoiceField(required=False, label="Province")
    prefecture = forms.ChoiceField(required=False, label="Prefecture")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = province_choices()
        chosen = self.data.get("province", "")
        self.fields["prefecture"].choices = prefecture_choices(chosen if chosen in by_code() else "")

    def filters(self):
        """{province, prefecture} to list ({} when what was asked is not valid: the errors say why)."""
        return {key: value for key, value in self.cleaned_data.items() if value} if self.is_valid() else {}


def _page_links(request, page):
    """The query string of the previous and next pages, keeping the filters."""
    query = request.GET.copy()

    def link(number):
        query["page"] = number
        return "?" + query.urlencode()

    return {
        "previous": link(page.previous_page_number()) if page.has_previous() else "",
        "next": link(page.next_page_number()) if page.has_next() else "",
    }


def worklist_view(model_admin, request):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = WorklistFilterForm(request.GET)
    divisions = Bureau.objects.divisions_without_bureau(**form.filters())
    page = Paginator(divisions, WORKLIST_PAGE_SIZE).get_page(request.GET.get("page"))
    import_url = reverse("admin:bureaus_bureau_import")
    rows = [
        (division, division.city, division.province, f"{import_url}?{urlencode({'division': division.code})}")
        for division in page
    ]
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Worklist: districts without a bureau",
        "form": form,
        "rows": rows,
        "page": page,
        "links": _page_links(request, page),
    }
    return TemplateResponse(request, "admin/bureaus/bureau/worklist.html", context)


def review_queue_view(model_admin, request):
    if not model_admin.has_view_or_change_permission(request):
        raise PermissionDenied
    imported = SourceDocument.objects.filter(warning_count__isnull=False).order_by("added_at", "pk")
    drafts = (
        model_admin.get_queryset(request)
        .import_review_queue()
        .prefetch_related(Prefetch("sources", queryset=imported.only("bureau_id", "title", "import_warnings")))
    )
    page = Paginator(drafts, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Import review queue",
        "page": page,
        "links": _page_links(request, page),
    }
    return TemplateResponse(request, "admin/bureaus/bureau/review_queue.html", context)


def loading_urls(model_admin):
    wrap = model_admin.admin_site.admin_view
    return [
        path("worklist/", wrap(partial(worklist_view, model_admin)), name="bureaus_bureau_worklist"),
        path("review-queue/", wrap(partial(review_queue_view, model_admin)), name="bureaus_bureau_review_queue"),
    ]
