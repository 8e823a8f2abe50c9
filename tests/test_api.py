"""The open-data API: responses valid against the OpenAPI document, CSV that round-trips, caching headers."""

import csv
import io
import json

import pytest
from django.core.cache import cache
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi

from bureaus.models import InstitutionCount

from .factories import BureauFactory, DepartmentFactory, DutyFactory, InstitutionCountFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def openapi(client):
    document = client.get("/api/openapi.json").json()
    validate_openapi(document)  # a valid OpenAPI 3.1 document
    return document


def validate(openapi, schema_name, data):
    """Validate ``data`` against a component schema of the OpenAPI document, refs resolved within it."""
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": openapi["components"]}
    Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).validate(data)


def schema_of(openapi, path, status="200"):
    content = openapi["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]
    return content["$ref"].rsplit("/", 1)[-1]


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("/api/bureaus/", "/api/bureaus/"),
        ("/api/bureaus/?province=Liaoning&page_size=1", "/api/bureaus/"),
        ("/api/bureaus/?q=teachers", "/api/bureaus/"),
        ("/api/bureaus/shenyang-heping-district/", "/api/bureaus/{slug}/"),
        ("/api/bureaus/changchun-new-district/", "/api/bureaus/{slug}/"),
        ("/api/institution-types/", "/api/institution-types/"),
        ("/api/statistics/", "/api/statistics/"),
    ],
)
def test_responses_validate_against_the_openapi_document(client, seed_data, openapi, url, path):
    response = client.get(url)
    assert response.status_code == 200
    validate(openapi, schema_of(openapi, path), response.json())


def test_every_bureau_json_page_validates_too(client, seed_data, openapi):
    for slug in ["shenyang-heping-district", "dalian-jinpu-new-district", "changchun-new-district"]:
        validate(openapi, "Bureau", client.get(f"/bureaus/{slug}.json").json())


def test_errors_validate_and_say_what_is_wrong(client, seed_data, openapi):
    response = client.get("/api/bureaus/", {"province": "Atlantis"})
    assert response.status_code == 400
    validate(openapi, "Errors", response.json())
    assert "Select a valid choice" in response.json()["errors"]["province"][0]
    assert client.get("/api/bureaus/", {"page": 99}).status_code == 404
    assert client.get("/api/bureaus/", {"page_size": "lots"}).status_code == 400


def test_the_list_is_paginated_with_links(client):
    BureauFactory.create_batch(5)
    data = client.get("/api/bureaus/", {"page_size": 2}).json()
    assert data["count"] == 5
    assert len(data["results"]) == 2
    assert data["previous"] is None
    assert data["next"].endswith("/api/bureaus/?page_size=2&page=2")
    last = client.get("/api/bureaus/", {"page_size": 2, "page": 3}).json()
    assert len(last["results"]) == 1 and last["next"] is None


def test_only_published_bureaus_are_served(client):
    BureauFactory(slug="draft", draft=True)
    assert client.get("/api/bureaus/").json()["count"] == 0
    assert client.get("/api/bureaus/draft/").status_code == 404
    assert parse_csv(client.get("/api/csv/bureaus.csv")) == []


def test_the_api_is_read_only_and_open_to_other_sites(client, seed_data):
    response = client.get("/api/bureaus/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=300"
    assert client.post("/api/bureaus/").status_code == 405
    assert client.delete("/api/bureaus/shenyang-heping-district/").status_code == 405
    assert client.head("/api/bureaus/").status_code == 200


def test_conditional_get_answers_304_until_the_data_changes(client, seed_data):
    first = client.get("/api/bureaus/shenyang-heping-district/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get("/api/bureaus/shenyang-heping-district/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/api/bureaus/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    from bureaus.models import Bureau

    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    bureau.summary = "Changed."
    bureau.save()
    assert client.get("/api/bureaus/shenyang-heping-district/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def parse_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_downloads_parse_and_round_trip_the_counts(client, seed_data):
    rows = parse_csv(client.get("/api/csv/institution-counts.csv"))
    assert [(row["bureau_slug"], row["category"], int(row["count"])) for row in rows] == [
        (item.bureau.slug, item.category.slug, item.count)
        for item in InstitutionCount.objects.select_related("bureau", "category").order_by(
            "bureau__name_en", "position"
        )
    ]
    assert {row["note"] for row in rows if row["bureau_slug"] == "changchun-new-district"} != {""}


@pytest.mark.parametrize(
    ("kind", "columns", "rows"),
    [
        ("bureaus", ["slug", "name_en", "name_zh_hans", "division_code", "province", "city", "district"], 3),
        ("departments", ["bureau_slug", "position", "name_en", "name_zh_hans", "responsibility_en"], 12),
        ("duties", ["bureau_slug", "position", "kind", "title_en", "text_en", "text_zh_hans"], 16 + 27),
        ("achievements", ["bureau_slug", "position", "text_en", "text_zh_hans"], 8),
    ],
)
def test_each_csv_has_one_row_per_item(client, seed_data, kind, columns, rows):
    parsed = parse_csv(client.get(f"/api/csv/{kind}.csv"))
    assert len(parsed) == rows
    assert set(columns) <= set(parsed[0])


def test_csv_follows_the_filters_of_the_list(client, seed_data):
    rows = parse_csv(client.get("/api/csv/departments.csv", {"province": "Jilin"}))
    assert rows == []
    rows = parse_csv(client.get("/api/csv/bureaus.csv", {"q": "Zhongyuan"}))
    assert [row["slug"] for row in rows] == ["shenyang-heping-district"]
    assert client.get("/api/csv/secrets.csv").status_code == 404


def test_api_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(30):
        InstitutionCountFactory(bureau=BureauFactory(full=True))
    # The first visit renders the page's snapshots together: the bureaus and their parts (one query per
    # list), one delete and one insert in savepoints; then the bureaus' open-data JSON is read off them.
    with django_assert_max_num_queries(16):
        first = client.get("/api/bureaus/", {"page_size": 100})
    assert len(first.json()["results"]) == 30
    cache.clear()  # not the page cache's answer
    # content version (twice: the page cache, the ETag), count, page, the snapshots' JSON
    with django_assert_max_num_queries(5):
        assert client.get("/api/bureaus/", {"page_size": 100}).content == first.content


def test_the_api_list_is_the_serializers_own_text(client, seed_data):
    """Joined from the stored texts, the list is byte for byte what JsonResponse writes of the serializer's
    dicts, and follows an edit at once."""
    from django.core.serializers.json import DjangoJSONEncoder

    from bureaus.models import Bureau
    from bureaus.opendata.serializers import bureau_to_dict

    def expected(**query):
        bureaus = Bureau.objects.published().with_profile()
        response = client.get("/api/bureaus/", query)
        data = response.json()
        slugs = [row["slug"] for row in data.get("results", [])]
        results = sorted((bureau_to_dict(bureau) for bureau in bureaus.filter(slug__in=slugs)),
                         key=lambda row: slugs.index(row["slug"]))  # fmt: skip
        whole = {key: data.get(key) for key in ("count", "next", "previous")} | {"results": results}
        return response, json.dumps(whole, cls=DjangoJSONEncoder, ensure_ascii=False).encode()

    for query in ({}, {"page_size": 1, "page": 2}, {"q": "nothing-matches-this"}):
        response, text = expected(**query)
        assert response.status_code == 200 and response["Content-Type"] == "application/json"
        assert response.content == text
    Bureau.objects.filter(slug="shenyang-heping-district").update(summary_en="Edited through the seam.")
    cache.clear()
    response, text = expected(page_size=100)
    assert response.content == text and "Edited through the seam." in response.content.decode()


def test_the_api_page_for_people_lists_every_endpoint(client, openapi):
    page = client.get("/api/").content.decode()
    for path in openapi["paths"]:
        assert f"GET {path}" in page


def test_csv_cells_that_a_spreadsheet_would_run_are_written_as_text(client):
    bureau = BureauFactory(name='=HYPERLINK("http://evil.example")', predecessor="+1+2", address="@SUM(A1)")
    InstitutionCountFactory(bureau=bureau)
    DepartmentFactory(bureau=bureau, name="-Office", responsibility="\tcmd|' /C calc'!A0")
    DutyFactory(bureau=bureau, text="\r=1+1")
    [row] = parse_csv(client.get("/api/csv/bureaus.csv"))
    assert row["name_en"] == '\'=HYPERLINK("http://evil.example")'
    assert (row["predecessor"], row["address"]) == ("'+1+2", "'@SUM(A1)")
    [department] = parse_csv(client.get("/api/csv/departments.csv"))
    assert (department["name_en"], department["responsibility_en"]) == ("'-Office", "'\tcmd|' /C calc'!A0")
    [duty] = parse_csv(client.get("/api/csv/duties.csv"))
    assert duty["text_en"] == "'\r=1+1"
    by_bureau = list(csv.DictReader(io.StringIO(client.get("/statistics/bureaus.csv").content.decode())))
    assert by_bureau[0]["name"] == '\'=HYPERLINK("http://evil.example")'


def test_csv_times_are_written_as_in_the_json(client):
    bureau = BureauFactory()
    [row] = parse_csv(client.get("/api/csv/bureaus.csv"))
    assert row["updated_at"] == client.get(f"/api/bureaus/{bureau.slug}/").json()["updated_at"]


# The API's edges: preconditions, preflight, other methods, errors and page sizes.


def test_if_none_match_any_is_304_only_for_what_exists(client, seed_data):
    url = "/api/bureaus/shenyang-heping-district/"
    assert client.get(url, HTTP_IF_NONE_MATCH="*").status_code == 304
    assert client.get("/api/bureaus/nowhere/", HTTP_IF_NONE_MATCH="*").status_code == 404
    assert client.get("/api/bureaus/", {"province": "Atlantis"}, HTTP_IF_NONE_MATCH="*").status_code == 400
    assert client.get("/api/csv/bureaus.csv", {"province": "Atlantis"}, HTTP_IF_NONE_MATCH="*").status_code == 400


def test_a_cors_preflight_for_a_conditional_get_is_allowed(client, seed_data):
    response = client.options(
        "/api/bureaus/",
        HTTP_ORIGIN="https://elsewhere.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]
    got = client.get("/api/bureaus/")
    assert {"ETag", "Last-Modified"} <= {h.strip() for h in got["Access-Control-Expose-Headers"].split(",")}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_get_a_json_405_not_the_csrf_page(method, seed_data):
    from django.test import Client

    response = getattr(Client(enforce_csrf_checks=True), method)("/api/bureaus/shenyang-heping-district/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert "read-only" in response.json()["errors"]["method"][0]


def test_api_errors_are_json(client, seed_data):
    for url in ("/api/bureaus/nowhere/", "/api/no-such-endpoint/", "/api/csv/secrets.csv"):
        response = client.get(url)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert response.json()["errors"]["detail"][0]
    assert client.get("/bureaus/nowhere/")["Content-Type"].startswith("text/html")


def test_api_server_errors_are_json(seed_data, monkeypatch):
    from django.test import Client

    from bureaus.opendata import api

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "bureau_to_dict", broken)
    response = Client(raise_request_exception=False).get("/api/bureaus/shenyang-heping-district/")
    assert response.status_code == 500
    assert "logged" in response.json()["errors"]["detail"][0]


# "²" passes str.isdigit() and not int(); Arabic-Indic and full-width digits pass both.
# A number of more than 4300 digits is ASCII digits that int() refuses all the same.
@pytest.mark.parametrize("size", ["0", "-5", "101", "abc", "2.5", "", "²", "٣", "３", " 3", "1_0", "9" * 5000])
def test_a_page_size_outside_1_to_100_is_refused_the_same_way(client, size):
    response = client.get("/api/bureaus/", {"page_size": size})
    assert response.status_code == 400
    assert response.json()["errors"]["page_size"] == ["Give a whole number from 1 to 100."]


@pytest.mark.parametrize("page", ["٢", "２", "²", " 1", "1.0", "9" * 5000])
def test_a_page_number_is_written_in_ascii_digits(client, page):
    BureauFactory.create_batch(3)
    response = client.get("/api/bureaus/", {"page_size": 1, "page": page})
    assert response.status_code == 404
    assert response.json()["errors"]["page"] == ["Give a page number from 1 to 3."]


def test_a_past_if_unmodified_since_is_a_json_412_like_the_other_errors(client, seed_data):
    response = client.get("/api/bureaus/", HTTP_IF_UNMODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT")
    assert response.status_code == 412
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "changed" in response.json()["errors"]["detail"][0]


def test_a_bilingual_bureau_from_the_api_matches_the_openapi_schema_of_format_2(client, openapi):
    bureau = BureauFactory(slug="heping", name_en="Heping District Education Bureau", name_zh_hans="和平区教育局")
    DepartmentFactory(bureau=bureau, name_en="", name_zh_hans="办公室", responsibility_en="")
    DutyFactory(bureau=bureau, text_en="", text_zh_hans="承办区人民政府交办的其他事项。")
    data = client.get("/api/bureaus/heping/").json()
    validate(openapi, "Bureau", data)
    assert openapi["info"]["version"] == "2.0.0" and data["format_version"] == 2
    assert data["name"] == {"en": "Heping District Education Bureau", "zh-Hans": "和平区教育局"}
    assert data["departments"] == [{"name": {"zh-Hans": "办公室"}, "responsibility": {}}]
    assert data["duties"][0]["text"] == {"zh-Hans": "承办区人民政府交办的其他事项。"}


def test_a_csv_download_is_written_in_pieces_of_many_rows_with_the_same_text(client):
    """Streamed in a few pieces, not one per row, and the text is what a writer of one row at a time writes."""
    from datetime import UTC, datetime

    from bureaus.opendata import csvcells

    rows = [["slug", "name"], *([f"b-{n}", "=1+1" if n % 7 == 0 else f"Bureau {n}"] for n in range(1203))]
    rows[5].append(datetime(2026, 1, 2, 3, 4, 5, 678, tzinfo=UTC))
    pieces = list(csvcells.chunks(iter(rows), rows_per_chunk=500))
    one_by_one = io.StringIO()
    csvcells.SafeWriter(one_by_one).writerows(rows)
    assert len(pieces) == 3 and "".join(pieces) == one_by_one.getvalue()
    assert "'=1+1" in pieces[0] and "2026-01-02T03:04:05+00:00" in pieces[0]
    assert list(csvcells.chunks(iter([]))) == []

    for _ in range(3):
        BureauFactory()
    response = client.get("/api/csv/bureaus.csv")
    assert len(list(response.streaming_content)) == 1  # header and three bureaus: one piece
