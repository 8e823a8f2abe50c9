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
    assert sum(row["schools"] + row["units"] for row in by_province) == sum(row["total"] for row in by_type)
    by_bureau = statistics.by_bureau()
    assert sum(row["schools"] for row in by_bureau) == sum(row["schools"] for row in by_province)
    assert {row["type"]: row["total"] for row in by_type}["office"] == 14
    assert [row["province"] for row in by_province] == ["Jilin", "Liaoning"]


def test_drafts_are_left_out():
    kindergarten = InstitutionTypeFactory(slug="kindergarten")
    InstitutionCountFactory(bureau=BureauFactory(draft=True), category=kindergarten, count=99)
    InstitutionCountFactory(bureau=BureauFactory(), category=kindergarten, count=1)
    assert [row["total"] for row in statistics.by_type()] == [1]


def test_the_page_shows_charts_with_their_tables(client, seed_data):
    page = client.get("/statistics/").content.decode()
    assert page.count('<svg class="chart" role="img"') == 3
    assert page.count("<table") == 3
    assert '<title id="chart-types-title">Institutions by type</title>' in page
    assert 'class="chart-value">18</text>' in page
    assert ["Basic education schools", "18"] in [row[:2] for row in Page(page).rows]


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
        assert sum(int(row["schools"]) + int(row["units"]) for row in rows) == 42


def test_an_unknown_table_is_a_404(client):
    assert client.get("/statistics/secrets.csv").status_code == 404


def test_a_profile_charts_its_own_counts(client, seed_data):
    page = client.get("/bureaus/shenyang-heping-district/").content.decode()
    assert '<svg class="chart" role="img" aria-labelledby="chart-counts-title chart-counts-desc"' in page
    assert 'class="chart-value">18</text>' in page
