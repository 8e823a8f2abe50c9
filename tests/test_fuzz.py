"""Crafted addresses never make a 500: every public URL pattern, in both languages, with odd parameters,
odd path segments and odd conditional headers, and staff asking for admin pages that do not exist.

The requests are built from the URL patterns themselves, so a new public page must be named in ``SAMPLES``
(the first test fails until it is). A 500 is collected rather than raised, so one run names them all.
"""

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils.translation import override

from .factories import BureauFactory, working_copy

pytestmark = pytest.mark.django_db

SLUG = "shenyang-heping-district"  # a seed bureau

# Each public URL name with the arguments to reverse it with (one dict per variant) and the query
# parameters it reads; every path also gets a parameter nobody reads.
FILTERS = ("q", "province", "city", "institution_type", "department", "founded_from", "founded_to", "sort")
SAMPLES = {
    "home": ([{}], ()),
    "bureaus:list": ([{}], (*FILTERS, "page")),
    "bureaus:detail": ([{"slug": SLUG}, {"slug": "nowhere"}], ()),
    "bureaus:detail-json": ([{"slug": SLUG}, {"slug": "nowhere"}], ()),
    "bureaus:source": ([{"slug": SLUG}, {"slug": "nowhere"}], ()),
    "statistics": ([{}], ()),
    "statistics-csv": ([{"table": "types"}, {"table": "nothing"}], ()),
    "compare": ([{}], ("b", "find")),
    "english-address": ([{}], ()),
    "places": ([{}], ()),
    "places-province": ([{"province": "liaoning"}, {"province": "atlantis"}], ()),
    "places-division": ([{"province": "liaoning", "code": "210102"}, {"province": "liaoning", "code": "nothing"}], ()),
    "api:docs": ([{}], ()),
    "api:openapi": ([{}], ()),
    "api:bureau-list": ([{}], (*FILTERS, "page", "page_size")),
    "api:bureau-detail": ([{"slug": SLUG}, {"slug": "nowhere"}], ()),
    "api:institution-types": ([{}], ()),
    "api:statistics": ([{}], ()),
    "api:csv": ([{"kind": "duties"}, {"kind": "nothing"}], FILTERS),
    "django.contrib.sitemaps.views.sitemap": ([{}], ("p",)),
    "robots": ([{}], ()),
}

# Query values, already percent-encoded (so that bytes which are not UTF-8 can be sent too).
VALUES = [
    "",
    "0",
    "1",
    "2",
    "-1",
    "1.5",
    "1e309",
    "NaN",
    "last",
    "99999999999999999999999999999",
    "9" * 5000,  # ASCII digits int() refuses (more than 4300 of them)
    quote("²"),  # a superscript: str.isdigit() says yes, int() says no
    quote("٣"),  # Arabic-Indic three
    quote("３"),  # full-width three
    quote("१२"),  # Devanagari twelve
    "%00",
    "a%00b",
    "%FF%FE",  # not UTF-8
    "%",
    "%ZZ",
    quote("2024-02-30"),
    quote("<script>alert(1)</script>"),
    quote("' OR 1=1 --"),
    quote("\u202e\ufeff \u200b"),
    quote("🙂" * 50),
    "x" * 5000,
    quote("Liaoning"),
    quote(SLUG),
    quote("辽宁省"),
]

# Path segments put where a slug goes (or after a known prefix), already encoded.
SEGMENTS = ["%00", "..%2F..%2F", "%2F%2F", "%FF", "a%20b", quote("辽宁"), quote("²"), "x" * 1000, "-", "_", "%25"]

HEADERS = {
    "HTTP_IF_UNMODIFIED_SINCE": ["Mon, 01 Jan 2001 00:00:00 GMT", "yesterday", ""],
    "HTTP_IF_MODIFIED_SINCE": ["Mon, 01 Jan 2001 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "32 Foo 2020", ""],
    "HTTP_IF_NONE_MATCH": ["*", '"nothing"', "W/", '"', ""],
    "HTTP_IF_MATCH": ["*", '"nothing"', ""],
    "HTTP_ACCEPT_LANGUAGE": ["zh-Hans", "xx-YY;q=2", ";;;"],
}


def public_url_names():
    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace != "admin":
                    yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            else:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return set(walk(get_resolver().url_patterns))


def paths():
    """(URL name, path, parameters it reads) for every sample, in English and in Chinese."""
    found = set()
    for name, (variants, parameters) in SAMPLES.items():
        for kwargs in variants:
            for language in ("en", "zh-hans"):
                with override(language):
                    path = reverse(name, kwargs=kwargs)
                if path not in found:
                    found.add(path)
                    yield name, path, parameters


def assert_no_500(client, requests):
    """Send every one of ``requests`` ((method, url, headers)); fail naming each one answered with a 5xx."""
    failures = []
    for method, url, headers in requests:
        response = getattr(client, method)(url, **headers)
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {method.upper()} {url[:200]} {headers or ''}")
    assert not failures, f"{len(failures)} of {len(requests)} requests failed:\n" + "\n".join(failures)


@pytest.fixture
def anonymous(seed_data):
    return Client(raise_request_exception=False)


def test_every_public_url_pattern_is_fuzzed():
    assert public_url_names() == set(SAMPLES)


def test_odd_parameters_never_make_a_500(anonymous):
    requests = []
    for _, path, parameters in paths():
        for parameter in (*parameters, "x"):
            requests += [("get", f"{path}?{parameter}={value}", {}) for value in VALUES]
        if parameters:  # repeated, and all at once
            requests.append(("get", f"{path}?" + "&".join(f"{p}=1&{p}=%00" for p in parameters), {}))
            requests.append(("get", f"{path}?" + "&".join(f"{p}={quote('²')}" for p in parameters), {}))
    assert_no_500(anonymous, requests)


def test_odd_path_segments_never_make_a_500(anonymous):
    prefixes = [
        "/",
        "/bureaus/",
        "/zh-hans/bureaus/",
        "/api/bureaus/",
        "/api/csv/",
        "/statistics/",
        "/en/",
        "/zh-hans/",
    ]
    requests = []
    for prefix in prefixes:
        for segment in SEGMENTS:
            requests += [("get", f"{prefix}{segment}/", {}), ("get", f"{prefix}{segment}.json", {})]
            requests += [("get", f"{prefix}{segment}.csv", {}), ("get", f"{prefix}{SLUG}/{segment}/", {})]
    assert_no_500(anonymous, requests)


def test_odd_methods_and_conditional_headers_never_make_a_500(anonymous):
    requests = []
    for _, path, _ in paths():
        requests += [(method, path, {}) for method in ("head", "options", "post", "put", "delete")]
        for header, values in HEADERS.items():
            requests += [("get", path, {header: value}) for value in values]
    assert_no_500(anonymous, requests)


def test_staff_asking_for_admin_pages_that_do_not_exist_never_make_a_500(seed_data, staff_client):
    staff_client.raise_request_exception = False
    draft = BureauFactory(draft=True, slug="a-draft")
    copy = working_copy(BureauFactory(slug="a-published-bureau"))
    paths = ["nothing", "nothing/", "bureaus/nothing/", "bureaus/bureau/999999/change/", "bureaus/bureau/abc/change/"]
    paths += [f"bureaus/bureau/{segment}/change/" for segment in SEGMENTS]
    paths += [f"{segment}/" for segment in SEGMENTS] + ["auth/user/-1/change/", "bureaus/bureau/1/history/999999/"]
    requests = [("get", f"/admin/{path}", {}) for path in paths]
    # Staff see drafts and working copies on the public pages: the same crafted parameters for them.
    for bureau in (draft, copy):
        for url in (bureau.get_absolute_url(), bureau.get_source_url(), bureau.get_json_url()):
            requests += [("get", f"{url}?x={value}", {}) for value in VALUES[:12]]
    requests += [("get", f"/zh-hans/bureaus/{segment}/", {}) for segment in SEGMENTS]
    assert_no_500(staff_client, requests)


def test_staff_asking_admin_pages_for_an_empty_or_odd_to_field_never_make_a_500(seed_data, staff_client):
    """``?_to_field=`` (empty) made Django's admin look up a field named "" on every change and delete page."""
    from django.contrib.auth import get_user_model

    staff_client.raise_request_exception = False
    draft = BureauFactory(draft=True, slug="a-draft")
    user = get_user_model().objects.get()
    pages = [f"bureaus/bureau/{draft.pk}/change/", f"bureaus/bureau/{draft.pk}/delete/", "bureaus/bureau/add/"]
    pages += [f"auth/user/{user.pk}/change/", "bureaus/sourcedocument/", "bureaus/institutiontype/add/"]
    requests = []
    for page in pages:
        for value in ("", "%00", "nothing", "id", "slug", "bureau__name"):
            requests += [
                ("get", f"/admin/{page}?_to_field={value}", {}),
                ("post", f"/admin/{page}?_to_field={value}", {}),
            ]
    assert_no_500(staff_client, requests)
    response = staff_client.get(f"/admin/bureaus/bureau/{draft.pk}/change/?_to_field=")
    assert response.status_code == 400
