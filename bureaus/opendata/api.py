"""
The open-data API: read-only JSON and CSV of published bureaus.

Every endpoint answers GET and HEAD only, allows any origin to read it, sends
``Cache-Control: public``, and supports conditional requests: its ETag and
Last-Modified come from the content version (moved on by every change to what
the site shows), so an unchanged answer costs one query and a 304.
"""

import hashlib
from functools import wraps
from itertools import chain

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import condition

from bureaus.models import Bureau, ContentVersion, InstitutionType
from bureaus.models.languages import columns
from bureaus.models.parts import CSV_PARTS
from bureaus.opendata import csvcells
from bureaus.opendata.openapi import openapi_document
from bureaus.opendata.serializers import api_list_dumps, bureau_to_dict, institution_type_to_dict
from bureaus.pages import snapshots, statistics
from bureaus.pages.filters import BureauFilter
from bureaus.vocabulary import whole_number

DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 20, 100
CACHE_SECONDS = 300


def data_version(request):
    """(number, time) of the content version, read once per request."""
    if not hasattr(request, "_content_version"):
        request._content_version = ContentVersion.current()
    return request._content_version


def _etag(request, *args, **kwargs):
    # The version, path and query name one answer exactly; the hash keeps the tag short.
    number, _ = data_version(request)
    key = f"{request.path}?{request.GET.urlencode()}|{number}"
    return quote_etag(hashlib.sha256(key.encode()).hexdigest()[:32])


def _last_modified(request, *args, **kwargs):
    return data_version(request)[1]


READ_METHODS = ("GET", "HEAD")
ALLOW = "GET, HEAD, OPTIONS"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": ALLOW,
    # A browser client revalidating with If-None-Match sends a preflight first: allow it, and let
    # scripts read the validators they need to revalidate.
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified",
    "Access-Control-Max-Age": "86400",
}


def read_only(view):
    """Any origin may read; OPTIONS answers a CORS preflight; every other method gets a JSON 405.

    CSRF does not apply: nothing here writes, and a JSON client must get a JSON answer, not
    the HTML CSRF page.
    """

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        elif request.method not in READ_METHODS:
            message = f"The open-data API is read-only: use GET, not {request.method}."
            response = _json({"errors": {"method": [message]}}, status=405)
        else:
            response = view(request, *args, **kwargs)
        if request.method not in READ_METHODS:
            response["Allow"] = ALLOW
        for header, value in CORS_HEADERS.items():
            response[header] = value
        return response

    return wrapper


def open_data(view):
    """Read-only, cacheable by anyone, answered 304 when unchanged."""
    conditional = condition(etag_func=_etag, last_modified_func=_last_modified)(view)

    @read_only
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.headers.get("If-None-Match", "").strip() == "*":
            # "Any version will do": only an answer that exists can be not modified. Django's
            # condition() would say 304 before the view could find the bureau or the filter wrong.
            response = view(request, *args, **kwargs)
            if response.status_code == 200:
                response = get_conditional_response(
                    request, etag=_etag(request), last_modified=_last_modified(request), response=response
                )
        else:
            response = conditional(request, *args, **kwargs)
        if response.status_code == 412:  # condition()'s own answer is an empty HTML page
            message = "The data has changed since the version this request's If-Match or If-Unmodified-Since names."
            response = _json({"errors": {"detail": [message]}}, status=412)
        if response.status_code in (200, 304):
            response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
        return response

    return wrapper


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False}, safe=False)


def _filtered(request):
    """The list page's filters on the published bureaus, or a 400 response saying what is wrong."""
    filterset = BureauFilter(request.GET, queryset=Bureau.objects.published())
    if not filterset.is_valid():
        errors = {field: [str(message) for message in messages] for field, messages in filterset.errors.items()}
        return None, _json({"errors": errors}, status=400)
    return filterset, None


@open_data
def bureau_list(request):
    filterset, error = _filtered(request)
    if error:
        return error
    size = whole_number(request.GET.get("page_size", str(DEFAULT_PAGE_SIZE)))
    if size is None or not 1 <= size <= MAX_PAGE_SIZE:
        return _json({"errors": {"page_size": [f"Give a whole number from 1 to {MAX_PAGE_SIZE}."]}}, status=400)
    # The bureaus come as their snapshots' open-data JSON: the page needs only which, of which version.
    paginator = Paginator(filterset.qs.only("page_version"), size)
    try:
        page = paginator.page(whole_number(request.GET.get("page", "1")))
    except (EmptyPage, PageNotAnInteger):
        return _json({"errors": {"page": [f"Give a page number from 1 to {paginator.num_pages}."]}}, status=404)

    def link(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    envelope = {
        "count": paginator.count,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
    }
    # What _json() would write of the envelope with "results": [bureau_to_dict(…) …], built from the texts the
    # serializer stored with each bureau's snapshot (decoding and encoding 20 bureaus cost ten times the rest).
    return HttpResponse(api_list_dumps(envelope, snapshots.open_data(list(page.object_list))),
                        content_type="application/json")  # fmt: skip


@open_data
def bureau_detail(request, slug):
    bureau = get_object_or_404(Bureau.objects.published().with_profile(), slug=slug)
    return _json(bureau_to_dict(bureau))


@open_data
def institution_types(request):
    return _json({"results": [institution_type_to_dict(t) for t in InstitutionType.objects.public()]})


@open_data
def statistics_summary(request):
    return _json({"by_type": statistics.by_type(), "by_province": statistics.by_province()})


@read_only
def openapi(request):
    return _json(openapi_document(request.build_absolute_uri("/")))


@read_only
def docs(request):
    return TemplateResponse(request, "api/docs.html", {"openapi": openapi_document(request.build_absolute_uri("/"))})


def _rows(kind, bureaus):
    """Header and rows of one CSV download, one row per item, each with its bureau's slug."""
    ids = bureaus.order_by().values("pk")
    if kind == "bureaus":
        fields = [
            "slug",
            *columns("name"),
            "division_code",
            "province",
            "city",
            "district",
            "address",
            "established_year",
            "predecessor",
            "updated_at",
        ]
        return fields, Bureau.objects.filter(pk__in=ids).order_by("name_en", "name_zh_hans").values_list(*fields)
    part = CSV_PARTS[kind]
    model, fields = part.model, part.csv_fields
    rows = (
        model.objects.filter(bureau__in=ids)
        .order_by("bureau__name_en", "bureau__name_zh_hans", "position")
        .values_list("bureau__slug", *fields)
    )
    header = ["bureau_slug", *(field.replace("category__slug", "category") for field in fields)]
    return header, rows


CSV_KINDS = ("bureaus", *CSV_PARTS)


@open_data
def csv_download(request, kind):
    if kind not in CSV_KINDS:
        raise Http404(f"There is no {kind}.csv; the downloads are {', '.join(CSV_KINDS)}.")
    filterset, error = _filtered(request)
    if error:
        return error
    header, rows = _rows(kind, filterset.unranked_qs())
    pieces = csvcells.chunks(chain([header], rows.iterator(chunk_size=2000)))
    response = StreamingHttpResponse(pieces, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{kind}.csv"'
    return response


def is_api_request(request):
    return request.path.startswith("/api/")


def error_response(status, message):
    """A JSON error for API clients, readable cross-origin like every other API answer."""
    response = _json({"errors": {"detail": [message]}}, status=status)
    for header, value in CORS_HEADERS.items():
        response[header] = value
    return response
