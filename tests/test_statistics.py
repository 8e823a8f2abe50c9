"""Statistics: totals add up, charts come with tables, tables download as CSV."""

import csv
import io

import pytest

from bureaus.pages import statistics

from .dom import Page
from .factories import BureauFactory, InstitutionCountFactory, InstitutionTypeFactory

pytestmark = pytest.mark.django_db


def test_totals_equal_the_sum_of_the_rows(seed_data):
    from bureaus.models import InstitutionCount

    by_type = statistics.by_type()
    published = InstitutionCount.objects.filter(bureau__is_published=True)
    assert sum(row["total"] for row in by_type) == sum(published.values_list("count", flat=True))
    by_province = statistics.by_province()
    assert sum((row["schools"] or 0) + (row["units"] or 0) for row in by_province) == sum(
        row["total"] for row in by_type
    )
    by_bureau = statistics.by_bureau()
    assert sum(row["schools"] or 0 for row in by_bureau) == sum(row["schools"] or 0 for row in by_province)
    assert len(by_bureau) == 3  # every published bureau, also one whose sources give no count
    assert {row["type"]: row["total"] for row in by_type}["office"] == 14
    assert [row["province"] for row in by_province] == ["Jilin", "Liaoning"]


def test_drafts_are_left_out():
    kindergarten = InstitutionTypeFactory(slug="kindergarten")
    InstitutionCountFactory(bureau=BureauFactory(draft=True), category=kindergarten, count=99)
    InstitutionCountFactory(bureau=BureauFactory(), category=kindergarten, count=1)
    assert [row["total"] for row in statistics.by_type()] == [1]


def test_the_page_shows_charts_with_their_tables(client, seed_data):
    page = client.get("/statistics/").content.decode()
    # Schools and offices charted apart: Changchun's offices never sit beside Heping's schools.
    assert page.count('<figure class="chart"') == 5
    assert page.count("<table") == 4
    assert '<figcaption id="chart-types-title">Schools and kindergartens by type</figcaption>' in page
    assert '<figcaption id="chart-units-title">Offices and units by type</figcaption>' in page
    types_chart = page[page.index('id="chart-types"') : page.index('id="chart-units"')]
    assert "Offices" not in types_chart and '<span class="bar-value">18</span>' in types_chart
    assert '<meter class="bar" min="0" max="18" value="18" aria-hidden="true">' in page
    assert ["Basic education schools", "18"] in [row[:2] for row in Page(page).rows]


def test_the_page_says_how_many_divisions_of_each_province_have_a_profile(client, seed_data):
    page = client.get("/statistics/").content.decode()
    coverage_chart = page[
        page.index('id="chart-coverage"') : page.index("</figure>", page.index('id="chart-coverage"'))
    ]
    # Of the three seed bureaus only Heping's records its division (210102): Jinpu and Changchun's do not.
    assert '<span class="bar-label">Liaoning</span>' in coverage_chart and "Jilin" not in coverage_chart
    rows = Page(page).rows
    assert ["Liaoning", "100", "1", "1.0 %"] in rows and ["China", "2,849", "1", "0.0 %"] in rows


def test_counts_the_sources_do_not_give_are_not_reported_not_zero(client, seed_data):
    rows = Page(client.get("/statistics/").content.decode()).rows
    # Dalian's source gives no count: listed by bureau, "not reported", not 0 and not left out.
    dalian = next(row for row in rows if "Jinpu" in row[0])
    assert dalian[2:] == ["Not reported", "Not reported"]
    jilin = next(row for row in rows if row[0] == "Jilin")
    assert jilin[2] == "Not reported"  # Changchun counts offices only


def test_chart_labels_are_escaped(client):
    kind = InstitutionTypeFactory(slug="weird", name="<script>", plural="<script>s")
    InstitutionCountFactory(bureau=BureauFactory(), category=kind, count=3)
    page = client.get("/statistics/").content.decode()
    assert "<script>s" not in page
    assert "&lt;script&gt;s" in page


@pytest.mark.parametrize("table", ["types", "provinces", "bureaus"])
def test_each_table_downloads_as_csv_with_the_same_totals(client, seed_data, table):
    response = client.get(f"/statistics/{table}.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows
    if table == "types":
        assert sum(int(row["total"]) for row in rows) == 42
    else:
        assert sum(int(row["schools"] or 0) + int(row["units"] or 0) for row in rows) == 42


def test_an_unknown_table_is_a_404(client):
    assert client.get("/statistics/secrets.csv").status_code == 404


def test_a_profile_charts_its_own_counts(client, seed_data):
    page = client.get("/bureaus/shenyang-heping-district/").content.decode()
    assert '<figure class="chart" id="chart-counts" aria-labelledby="chart-counts-title">' in page
    assert '<span class="bar-value">18</span>' in page


def test_the_chinese_page_names_provinces_in_chinese_and_the_downloads_keep_the_values(client, seed_data):
    page = client.get("/zh-hans/statistics/").content.decode()
    rows = Page(page).rows
    assert ["辽宁省", "2", "28"] in [row[:3] for row in rows]
    assert '<a href="/zh-hans/bureaus/?province=Liaoning">辽宁省</a>' in page  # the filter value stays
    assert any(row[:2] == ["Shenyang Heping District Education Bureau", "辽宁省"] for row in rows)  # by bureau
    provinces_chart = page[page.index('id="chart-provinces"') : page.index('id="chart-bureaus"')]
    assert '<span class="bar-label">辽宁省</span>' in provinces_chart
    assert "Liaoning" not in Page(page).text
    assert "Liaoning" in client.get("/statistics/provinces.csv").content.decode()
    english = client.get("/statistics/").content.decode()
    assert '<a href="/bureaus/?province=Liaoning">Liaoning</a>' in english
    assert '<span class="bar-label">Liaoning</span>' in english
