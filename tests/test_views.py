"""Public pages: the facts they show, what they hide, and how many queries they cost."""

import pytest
from django.core.cache import cache
from django.utils.timezone import localtime

from bureaus.models import Bureau
from bureaus.pages.views import HomeView

from .dom import Page, page_of
from .factories import (
    BureauFactory,
    DepartmentFactory,
    DutyFactory,
    InstitutionCountFactory,
    InstitutionTypeFactory,
    working_copy,
)

pytestmark = pytest.mark.django_db

PROFILE_URL = "/bureaus/shenyang-heping-district/"


def html(response):
    return response.content.decode()


def page_of_html(text):
    return Page(text)


# Home -----------------------------------------------------------------------


def test_home_shows_each_province_with_its_totals_and_the_latest_bureaus(client, seed_data):
    response = client.get("/")
    assert response.status_code == 200
    page = html(response)
    dom = page_of(response)
    assert (dom.terms["Bureaus"], dom.terms["Provinces"], dom.terms["Departments"]) == ("3", "2", "12")
    # Only Heping counts schools and kindergartens (28); Changchun's offices are not schools.
    assert dom.terms["Schools and kindergartens"] == "28 (reported by 1 bureau)"
    assert ["Jilin", "1", "Not reported"] in dom.rows and ["Liaoning", "2", "28"] in dom.rows
    assert page.index(">Jilin<") < page.index(">Liaoning<")
    assert 'href="/bureaus/?province=Liaoning"' in page
    assert 'href="/bureaus/shenyang-heping-district/"' in page  # among the newest
    assert (
        '<li><a href="/bureaus/shenyang-heping-district/">Shenyang Heping District Education Bureau</a>'
        ' <span class="muted">Heping District, Shenyang, Liaoning</span></li>' in page
    )  # the newest with their place, the latest changed with their day
    updated = Bureau.objects.get(slug="shenyang-heping-district").updated_at
    assert f'<span class="muted">updated {localtime(updated):%-d %b %Y}</span></li>' in page
    assert page.index('role="search"') < page.index("In numbers")  # search first


def test_home_stays_small_however_many_bureaus_are_published(client):
    for index in range(60):
        BureauFactory(province="Hebei" if index % 2 else "Henan")
    response = client.get("/")
    page = html(response)
    assert page.count('href="/bureaus/example-district-') == 2 * HomeView.LATEST
    assert len(response.content) < 20_000  # the map (its outlines alone ~70 kB) is one link away, on /places/


def test_home_leaves_out_unpublished_bureaus(client):
    BureauFactory(name="Hidden Draft Bureau", draft=True)
    page = html(client.get("/"))
    assert "Hidden Draft Bureau" not in page
    assert "No bureaus are published yet." in page


# List -----------------------------------------------------------------------


def test_list_shows_published_bureaus_with_key_facts(client, seed_data):
    BureauFactory(name="Hidden Draft Bureau", draft=True)
    response = client.get("/bureaus/")
    page = html(response)
    assert "3 bureaus found" in page
    assert "Shenyang Heping District Education Bureau" in page
    assert "Founded 1994" in page
    assert "7 departments listed" in page
    assert "28 schools and kindergartens" in page
    assert "Hidden Draft Bureau" not in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("province=Jilin", {"changchun-new-district"}),
        ("province=Liaoning", {"shenyang-heping-district", "dalian-jinpu-new-district"}),
        ("city=Dalian", {"dalian-jinpu-new-district"}),
        ("institution_type=kindergarten", {"shenyang-heping-district"}),
        ("institution_type=office", {"changchun-new-district"}),
        ("q=heping", {"shenyang-heping-district"}),
        ("q=jinpu", {"dalian-jinpu-new-district"}),
        ("q=kindergartens", {"shenyang-heping-district"}),
        ("q=liaoning+dalian", {"dalian-jinpu-new-district"}),
        ("province=Liaoning&q=jinpu", {"dalian-jinpu-new-district"}),
        ("province=Jilin&q=heping", set()),
    ],
)
def test_filters_and_search_narrow_the_list(client, seed_data, query, expected):
    response = client.get(f"/bureaus/?{query}")
    assert response.status_code == 200
    assert {bureau.slug for bureau in response.context["bureaus"]} == expected


def test_type_filter_ignores_zero_counts(client, seed_data):
    kindergarten = InstitutionTypeFactory(slug="kindergarten")
    InstitutionCountFactory(bureau=BureauFactory(slug="none-left"), category=kindergarten, count=0)
    response = client.get("/bureaus/?institution_type=kindergarten")
    assert [b.slug for b in response.context["bureaus"]] == ["shenyang-heping-district"]


def test_invalid_filter_values_show_a_message_not_an_error(client, seed_data):
    response = client.get("/bureaus/?province=Atlantis&institution_type=unicorn-school&sort=nonsense")
    assert response.status_code == 200
    page = html(response)
    assert "Select a valid choice." in page


def test_sorting_by_founding_year(client):
    BureauFactory(name="B bureau", district="B District", established_year=2001)
    BureauFactory(name="A bureau", district="A District", established_year=1994)
    BureauFactory(name="C bureau", district="C District", established_year=None)
    by_name = [b.name for b in client.get("/bureaus/").context["bureaus"]]
    assert by_name == ["A bureau", "B bureau", "C bureau"]
    newest_first = [b.name for b in client.get("/bureaus/?sort=-founded").context["bureaus"]]
    assert newest_first.index("B bureau") < newest_first.index("A bureau")


def test_pagination_keeps_the_filters(client, settings):
    BureauFactory.create_batch(30, province="Jilin")
    BureauFactory.create_batch(2, province="Hebei")
    response = client.get("/bureaus/?province=Jilin&sort=name")
    page = html(response)
    assert "30 bureaus found" in page
    assert "Page 1 of 2" in page
    assert 'href="?province=Jilin&amp;sort=name&amp;page=2"' in page
    assert 'rel="prev"' not in page
    second = client.get("/bureaus/?province=Jilin&sort=name&page=2")
    assert len(second.context["bureaus"]) == 5
    assert all(b.province == "Jilin" for b in second.context["bureaus"])
    assert 'href="?province=Jilin&amp;sort=name&amp;page=1" rel="prev"' in html(second)
    assert 'rel="next"' not in html(second) and '<span aria-current="page">Page 2 of 2</span>' in html(second)
    assert "第 1 页，共 2 页" in html(client.get("/zh-hans/bureaus/?province=Jilin"))


def test_pagination_links_escape_what_the_address_holds(client):
    BureauFactory.create_batch(30)
    page = html(client.get("/bureaus/", {"note": '"><b>x</b>'}))
    assert "<b>x" not in page
    assert 'href="?note=%22%3E%3Cb%3Ex%3C%2Fb%3E&amp;page=2" rel="next"' in page


def test_one_page_of_results_has_no_pagination(client):
    BureauFactory.create_batch(3)
    assert 'class="pagination"' not in html(client.get("/bureaus/"))


def test_a_page_past_the_end_is_a_404(client):
    BureauFactory()
    assert client.get("/bureaus/?page=7").status_code == 404


# Profile ---------------------------------------------------------------------


def test_profile_shows_every_fact_of_heping(client, seed_data):
    response = client.get(PROFILE_URL)
    assert response.status_code == 200
    page = html(response)
    dom = page_of(response)
    assert dom.heading_texts(1) == ["Shenyang Heping District Education Bureau"]
    assert "Heping District, Shenyang, Liaoning" in dom.text
    assert dom.terms["Founded"].startswith("1994")
    assert 'class="source-link" href="/bureaus/shenyang-heping-district/source/#s' in page
    assert dom.terms["Predecessor"].startswith("Shenyang Zhongyuan District Education Bureau")
    for name in ["Office", "High school education department", "Preschool education department"]:
        assert name in dom.heading_texts(3)
    assert page.count('id="department-') == 7
    assert page.count('id="duty-') == 6
    assert "Organize the pilot work of basic education reform" in page
    assert "Action Plan for Education and Teaching Reform in the New Era" in page
    for plural, number in [
        ("Basic education schools", 18),
        ("Secondary vocational schools", 2),
        ("Higher vocational schools", 2),
        ("Kindergartens", 6),
    ]:
        assert [plural, str(number)] in [row[:2] for row in dom.rows]
    assert 'href="/bureaus/shenyang-heping-district/source/#source-' in page
    assert 'href="/bureaus/shenyang-heping-district.json"' in page
    assert "Last updated" in page


def test_profile_shows_jinpu_departments_with_their_responsibilities_and_priorities(client, seed_data):
    dom = page_of(client.get("/bureaus/dalian-jinpu-new-district/"))
    assert "Teaching and research section Responsible for education, teaching research" in dom.text
    assert dom.terms["Seat"].startswith("Jinzhou District, Dalian City, Liaoning Province")
    assert "Priorities" in dom.heading_texts(3)
    assert "Promote education equity" in dom.text
    assert dom.terms["Founded"] == "Not reported"


def test_profile_shows_changchun_ambiguous_counts_with_the_source_wording(client, seed_data):
    page = html(client.get("/bureaus/changchun-new-district/"))
    assert page.count("with 9 offices and 5 offices") == 2
    assert {"Tasks", "Plans"} <= set(page_of_html(page).heading_texts(3))
    assert "The source names no departments." in page


def test_profile_headings_are_in_order(client, seed_data):
    import re

    page = html(client.get(PROFILE_URL))
    levels = [int(level) for level in re.findall(r"<h([1-6])", page)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False))


def test_unpublished_and_unknown_bureaus_are_404_to_the_public(client):
    draft = BureauFactory(draft=True, slug="draft-bureau")
    for url in [draft.get_absolute_url(), draft.get_json_url(), draft.get_source_url(), "/bureaus/nowhere/"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Page not found" in html(response)


def test_staff_preview_a_draft_with_a_notice(staff_client):
    draft = BureauFactory(draft=True, name="Draft Bureau")
    page = html(staff_client.get(draft.get_absolute_url()))
    assert "Draft Bureau" in page
    assert "This bureau is not published" in page


def test_staff_previews_of_drafts_and_working_copies_are_never_stored_by_a_cache(staff_client):
    draft = BureauFactory(draft=True)
    published = BureauFactory()
    copy = working_copy(published)
    for bureau in (draft, copy):
        for url in (bureau.get_absolute_url(), bureau.get_source_url(), bureau.get_json_url()):
            response = staff_client.get(url)
            assert response.status_code == 200, url
            directives = {directive.strip() for directive in response["Cache-Control"].split(",")}
            assert {"private", "no-store"} <= directives, url
    # The published bureau itself is no preview.
    assert "no-store" not in staff_client.get(published.get_absolute_url()).get("Cache-Control", "")


def test_text_from_the_database_is_escaped(client):
    bureau = BureauFactory(name="<script>alert(1)</script> Bureau")
    DepartmentFactory(bureau=bureau, name="<b>Office</b>")
    page = html(client.get(bureau.get_absolute_url()))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Bureau" in page
    assert "&lt;b&gt;Office&lt;/b&gt;" in page


# Source ---------------------------------------------------------------------


def test_every_source_link_on_a_profile_lands_on_its_sentence(client, seed_data):
    import re

    for slug in ["shenyang-heping-district", "dalian-jinpu-new-district", "changchun-new-district"]:
        profile = html(client.get(f"/bureaus/{slug}/"))
        anchors = re.findall(rf'href="/bureaus/{slug}/source/#(s\d+-\d+-\d+)"', profile)
        assert len(anchors) >= 10, slug
        source_page = html(client.get(f"/bureaus/{slug}/source/"))
        for anchor in set(anchors):
            assert f'<span class="cited" id="{anchor}">' in source_page, (slug, anchor)


def test_source_page_wraps_the_cited_sentence(client, seed_data):
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    fact = bureau.fact_sources.get(fact="established_year")
    page = html(client.get(bureau.get_source_url()))
    assert (
        f'<span class="cited" id="{fact.source_anchor}">Shenyang Heping District Education Bureau was established in 1994'
        in page
    )


def test_source_page_shows_the_document_word_for_word(client, seed_data):
    bureau = Bureau.objects.get(slug="changchun-new-district")
    source = bureau.sources.get()
    page = html(client.get(bureau.get_source_url()))
    assert "Source of Changchun New District Education Bureau" in page
    assert f'id="source-{source.sha256[:12]}"' in page
    assert source.sha256 in page
    assert "with 9 offices and 5 offices" in page
    assert "People&#x27;s Republic of China (PRC) (China)" in page


# JSON -----------------------------------------------------------------------


def test_json_page_is_the_open_data_format(client, seed_data):
    response = client.get("/bureaus/shenyang-heping-district.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = response.json()
    assert data["slug"] == "shenyang-heping-district"
    assert data["established_year"] == 1994
    assert len(data["departments"]) == 7
    assert data["institution_counts"][3] == {"category": "kindergarten", "count": 6, "as_of_year": None, "note": None}


# Errors ---------------------------------------------------------------------


def test_server_error_page_is_friendly(client, settings):
    from django.template.loader import render_to_string

    page = render_to_string("500.html")
    assert "Something went wrong" in page
    assert "<main" in page


# Query counts ---------------------------------------------------------------


@pytest.fixture(scope="module")
def many_bureaus(django_db_setup, django_db_blocker):
    """55 bureaus with full profiles, so a per-bureau query would show in the counts.

    Made once for the module (it takes seconds) and rolled back at its end.
    """
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        kindergarten = InstitutionTypeFactory(slug="kindergarten")
        bureaus = BureauFactory.create_batch(55, full=True, province="Liaoning")
        for bureau in bureaus:
            InstitutionCountFactory(bureau=bureau, category=kindergarten, count=3)
            DutyFactory.create_batch(3, bureau=bureau)
        yield bureaus
        transaction.set_rollback(True)


@pytest.mark.parametrize(
    ("url", "first", "then"),
    [
        # Each page reads the content version once (for the page cache).
        ("/", 5, 5),  # version, province tallies, divisions with a profile by province, newest, latest changed
        # + count, page, place and type facets, the page's cards; the first visit renders the cards of
        # the page together (the bureaus, their parts, one delete and one insert, in savepoints)
        ("/bureaus/", 17, 6),
        # + search decision, chosen type, snippets; on the first visit after a change, the search index
        # catches up too (the published bureaus' page versions, then the entries of those that moved)
        ("/bureaus/?province=Liaoning&institution_type=kindergarten&q=example&sort=-founded", 23, 10),
    ],
)
def test_pages_run_a_fixed_number_of_queries(db, client, many_bureaus, django_assert_max_num_queries, url, first, then):
    with django_assert_max_num_queries(first):
        response = client.get(url)
    assert response.status_code == 200
    assert "Example District" in response.content.decode()
    cache.clear()  # not the page cache's answer
    with django_assert_max_num_queries(then):
        assert client.get(url).content == response.content


@pytest.mark.parametrize(("suffix", "ceiling"), [("/", 18), (".json", 8), ("/source/", 8)])
def test_profile_pages_run_a_fixed_number_of_queries(
    db, client, many_bureaus, django_assert_max_num_queries, suffix, ceiling
):
    url = f"/bureaus/{many_bureaus[0].slug}{suffix}"
    with django_assert_max_num_queries(ceiling):  # the profile's first visit renders and stores its snapshot
        assert client.get(url).status_code == 200


def test_a_profile_is_read_from_its_snapshot(db, client, many_bureaus, django_assert_num_queries):
    bureau = many_bureaus[1]
    first = client.get(bureau.get_absolute_url()).content.decode()
    cache.clear()  # not the page cache's answer: the snapshot's
    with django_assert_num_queries(2):  # the bureau's page version (the cache key), the bureau with its snapshot
        second = client.get(bureau.get_absolute_url()).content.decode()
    assert first == second
    assert bureau.departments.first().name in second


# Key facts first, and the way back from a source sentence ------------------------


def test_a_profile_opens_with_its_key_facts(client, seed_data):
    response = client.get(PROFILE_URL)
    page = page_of(response)
    assert (
        page.terms["Serves"] == "Heping District, Shenyang, Liaoning 辽宁省沈阳市和平区"
    )  # Chinese from the gazetteer
    assert page.terms["Schools and kindergartens"] == "28"
    assert page.terms["Departments"] == "7"
    assert page.terms["Founded"].startswith("1994")
    assert page.terms["Seat"] == "Not reported"
    assert "沈阳市和平区教育局" not in html(response)  # the English seed gives no Chinese name: none is made up
    text = html(response)
    assert text.index("Key facts") < text.index("Departments</h2>") < text.index("Duties, priorities")


def test_counts_a_source_keeps_apart_are_not_added_up_in_the_key_facts(client, seed_data):
    page = page_of(client.get("/bureaus/changchun-new-district/"))
    assert page.terms["Schools and kindergartens"] == "Not reported"
    assert page.terms["Offices and units"] == "As the source gives them"  # "9 offices and 5 offices", not 14


def test_each_source_link_names_its_fact_for_screen_readers(client, seed_data):
    text = html(client.get(PROFILE_URL))
    assert '>Source<span class="visually-hidden"> of the founding year</span></a>' in text
    assert '>Source<span class="visually-hidden"> of Office</span></a>' in text


def test_a_source_sentence_leads_back_to_its_fact_and_the_scrapers_debris_is_not_shown(client, seed_data):
    bureau = Bureau.objects.get(slug="dalian-jinpu-new-district")
    assert bureau.sources.get().text.startswith("Expand:")  # kept in the stored text
    source_page = html(client.get(bureau.get_source_url()))
    assert "Expand:" not in source_page
    profile = html(client.get(bureau.get_absolute_url()))
    import re

    backs = re.findall(r'class="back-to-fact" href="/bureaus/dalian-jinpu-new-district/#([\w-]+)"', source_page)
    assert len(backs) >= 10
    for anchor in set(backs):
        assert f'id="{anchor}"' in profile, anchor


def test_the_list_files_bureaus_by_the_place_they_serve(client, seed_data):
    for params in ({}, {"sort": "name"}):
        names = [b.district for b in client.get("/bureaus/", params).context["bureaus"]]
        assert names == sorted(names), params  # "Education Bureau of Jinpu New District" under J, not E


def test_a_source_is_named_by_its_publisher_date_and_address_where_known(client, seed_data):
    import datetime

    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    bureau.sources.update(
        publisher="Heping District Government",
        url="https://www.example.gov.cn/jyj/",
        published_on=datetime.date(2024, 3, 1),
    )
    for url in (bureau.get_source_url(), bureau.get_absolute_url()):
        page = html(client.get(url))
        assert ", Heping District Government, published 1 March 2024 (" in page, url
        assert '<a href="https://www.example.gov.cn/jyj/" rel="nofollow noopener">original address</a>' in page
    dalian = html(client.get("/bureaus/dalian-jinpu-new-district/source/"))
    assert "published" not in dalian.split("<main", 1)[1].split("SHA-256", 1)[0]  # nothing said where nothing is known


# Place names in the page's language ---------------------------------------------


def breadcrumbs(text):
    return text.split('<nav class="breadcrumbs')[1].split("</nav>")[0]


@pytest.mark.parametrize("suffix", ["", "source/"])
def test_a_chinese_profile_names_its_place_in_chinese_and_an_english_one_in_english(client, seed_data, suffix):
    chinese = html(client.get(f"/zh-hans{PROFILE_URL}{suffix}"))
    # The province's label is the gazetteer's; the filter value in its address stays as it is.
    assert '<li><a href="/zh-hans/bureaus/?province=Liaoning">辽宁省</a></li>' in breadcrumbs(chinese)
    assert ">Liaoning<" not in breadcrumbs(chinese)
    english = html(client.get(f"{PROFILE_URL}{suffix}"))
    assert '<li><a href="/bureaus/?province=Liaoning">Liaoning</a></li>' in breadcrumbs(english)


def test_a_chinese_profile_gives_its_place_in_chinese_among_its_key_facts(client, seed_data):
    response = client.get(f"/zh-hans{PROFILE_URL}")
    assert page_of(response).terms["服务地区"] == "辽宁省沈阳市和平区"
    assert "Heping District, Shenyang" not in page_of(response).text  # (the JSON-LD data keeps the stored names)
    # The page's description names the place in its language too (plain text: it is an attribute).
    description = html(response).split('<meta name="description" content="')[1].split('"')[0]
    assert "，辽宁省沈阳市和平区：" in description


def test_a_place_the_gazetteer_does_not_know_stays_english_marked_as_english(client, seed_data):
    BureauFactory(slug="nowhere", name="Nowhere Education Bureau", province="Liaoning", city="Shenyang",
                  district="Example District 9")  # fmt: skip
    profile = html(client.get("/zh-hans/bureaus/nowhere/"))
    assert '<dd>辽宁省沈阳市 <span lang="en">Example District 9</span></dd>' in profile
    card = html(client.get("/zh-hans/bureaus/", {"q": "Nowhere"}))
    assert '<p class="muted">辽宁省沈阳市 <span lang="en">Example District 9</span></p>' in card
    english = html(client.get("/bureaus/nowhere/"))
    assert "<dd>Example District 9, Shenyang, Liaoning" in english and 'lang="en">Example' not in english


def test_the_chinese_home_and_list_name_places_in_chinese(client, seed_data):
    # (Other bureaus of this module may be published too: the assertions look for these only.)
    home = html(client.get("/zh-hans/"))
    assert '<th scope="row"><a href="/zh-hans/bureaus/?province=Liaoning">辽宁省</a></th>' in home
    assert ">Liaoning<" not in home
    newest = home.split('id="newest-heading"')[1].split("</section>")[0]
    assert ' <span class="muted">辽宁省沈阳市' in newest and ", Shenyang, Liaoning" not in newest
    listing = html(client.get("/zh-hans/bureaus/", {"q": "Heping"}))
    assert '<p class="muted">辽宁省沈阳市和平区</p>' in listing  # the card
    assert "Heping District, Shenyang" not in listing
    english = html(client.get("/bureaus/", {"q": "Heping"}))
    assert '<p class="muted">Heping District, Shenyang, Liaoning</p>' in english


@pytest.mark.parametrize(
    "url",
    ["/", "/bureaus/", "/bureaus/?province=Liaoning&institution_type=kindergarten&q=example&sort=-founded",
     "/statistics/", "/compare/?b={0}&b={1}&find=example"],
)  # fmt: skip
def test_chinese_place_names_cost_no_query(db, client, many_bureaus, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = url.format(many_bureaus[0].slug, many_bureaus[1].slug)
    counts = {}
    for prefix in ("", "/zh-hans"):
        client.get(f"{prefix}{url}")  # renders the cards' snapshots in the language
        cache.clear()  # not the page cache's answer
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{prefix}{url}")
        counts[prefix] = len(queries)
    assert "辽宁省" in response.content.decode()
    assert counts["/zh-hans"] == counts[""]
