"""Facet counts beside each filter value, and the new filters."""

import pytest

from .factories import BureauFactory, DepartmentFactory, InstitutionCountFactory, InstitutionTypeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def spread():
    kindergarten = InstitutionTypeFactory(slug="kindergarten", plural="kindergartens")
    primary = InstitutionTypeFactory(slug="primary-school", plural="primary schools")
    a = BureauFactory(slug="a", province="Liaoning", city="Shenyang", established_year=1990)
    b = BureauFactory(slug="b", province="Liaoning", city="Dalian", established_year=2005)
    c = BureauFactory(slug="c", province="Jilin", city="Changchun", established_year=2010)
    BureauFactory(slug="hidden", province="Jilin", city="Changchun", draft=True)
    InstitutionCountFactory(bureau=a, category=kindergarten, count=4)
    InstitutionCountFactory(bureau=b, category=kindergarten, count=0)  # runs none: not counted
    InstitutionCountFactory(bureau=c, category=primary, count=9)
    DepartmentFactory(bureau=a, name="Special education section")
    DepartmentFactory(bureau=c, name="Office")


def facets(client, **params):
    return client.get("/bureaus/", params).context["facets"]


def test_facet_counts_without_filters(client, spread):
    result = facets(client)
    assert result["province"] == [("Jilin", "Jilin", 1), ("Liaoning", "Liaoning", 2)]
    assert result["city"] == []  # hundreds across the nation: listed once a province is chosen
    assert [(value, n) for value, _, n in result["institution_type"]] == [("kindergarten", 1), ("primary-school", 1)]


def test_unfiltered_type_counts_come_from_the_tallies_and_agree_with_counting(client, spread):
    from bureaus.models import TypeTally

    assert TypeTally.objects.count() == 2  # kept by the content seam as the counts were saved
    tallied, counted = facets(client), facets(client, founded_from=1000)  # the latter narrows nothing, counts rows
    assert tallied["institution_type"] == counted["institution_type"]
    assert tallied["province"] == counted["province"]  # from the listing rows, the same
    kindergarten = TypeTally.objects.get(category__slug="kindergarten")
    assert (kindergarten.total, kindergarten.bureaus_reporting, kindergarten.bureaus_running) == (4, 2, 1)


def test_a_facet_ignores_its_own_filter_but_follows_the_others(client, spread):
    result = facets(client, province="Liaoning")
    assert result["province"] == [("Jilin", "Jilin", 1), ("Liaoning", "Liaoning", 2)]
    assert [(value, n) for value, _, n in result["city"]] == [("Dalian", 1), ("Shenyang", 1)]
    assert [(value, n) for value, _, n in result["institution_type"]] == [("kindergarten", 1)]


def test_narrowed_without_a_facet_chosen_every_facet_is_counted_in_one_query(client, spread, django_assert_num_queries):
    from django.core.cache import cache

    client.get("/bureaus/", {"founded_from": "2000"})  # renders the cards' snapshots
    cache.clear()
    with django_assert_num_queries(5):  # version, type tallies, the one pass, the page, its cards
        response = client.get("/bureaus/", {"founded_from": "2000"})
    result = response.context["facets"]
    assert result["province"] == [("Jilin", "Jilin", 1), ("Liaoning", "Liaoning", 1)]
    assert [(value, n) for value, _, n in result["institution_type"]] == [("primary-school", 1)]  # b runs none
    assert response.context["paginator"].count == 2  # counted on the way, and right
    assert "2 bureaus found" in response.content.decode()
    # A chosen facet counts per facet: the type's own facet ignores it, the provinces follow it.
    result = facets(client, founded_from="2000", institution_type="primary-school")
    assert result["province"] == [("Jilin", "Jilin", 1)]
    assert [(value, n) for value, _, n in result["institution_type"]] == [("primary-school", 1)]


def test_a_bureau_giving_one_type_two_numbers_is_counted_once(client, spread):
    from bureaus.models import Bureau, InstitutionType

    c = Bureau.objects.get(slug="c")
    InstitutionCountFactory(bureau=c, category=InstitutionType.objects.get(slug="primary-school"), count=5)
    for params in ({}, {"founded_from": "2000"}, {"province": "Jilin"}):  # tallies, one pass, per facet
        counted = dict((value, n) for value, _, n in facets(client, **params)["institution_type"])
        assert counted["primary-school"] == 1, params


def test_counts_show_in_the_drop_downs(client, spread):
    page = client.get("/bureaus/", {"province": "Liaoning"}).content.decode()
    assert '<option value="Liaoning" selected>Liaoning (2)</option>' in page
    assert '<option value="Jilin">Jilin (1)</option>' in page
    assert "Kindergartens (1)" in page


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"department": "special"}, {"a"}),
        ({"department": "OFFICE"}, {"c"}),
        ({"founded_from": "2000"}, {"b", "c"}),
        ({"founded_to": "2005"}, {"a", "b"}),
        ({"founded_from": "2000", "founded_to": "2006"}, {"b"}),
        ({"institution_type": "kindergarten"}, {"a"}),
        ({"city": "Changchun"}, {"c"}),
    ],
)
def test_new_filters(client, spread, params, expected):
    assert {b.slug for b in client.get("/bureaus/", params).context["bureaus"]} == expected


def test_a_bad_year_is_a_message_not_an_error(client, spread):
    response = client.get("/bureaus/", {"founded_from": "nineteen", "sort": "-founded"})
    assert response.status_code == 200
    page = response.content.decode()
    # The field keeps what was typed and names its message for screen readers.
    assert (
        '<input type="number" name="founded_from" id="id_founded_from" value="nineteen" step="any"'
        ' aria-invalid="true" aria-describedby="id_founded_from-error">' in page
    )
    assert '<p class="error" id="id_founded_from-error">Enter a number.</p>' in page
    assert '<option value="-founded" selected>' in page  # the other filters keep their values
    assert "0 bureaus found" in page and response.context["paginator"].count == 0  # the list shows none


def test_place_facets_are_labelled_in_the_page_language_and_filter_by_the_same_values(client, spread):
    BureauFactory(slug="d", province="Liaoning", city="Atlantis")  # a city the gazetteer does not know
    chinese = client.get("/zh-hans/bureaus/", {"province": "Liaoning"}).content.decode()
    assert '<option value="Liaoning" selected>辽宁省 (3)</option>' in chinese
    assert '<option value="Jilin">吉林省 (1)</option>' in chinese
    assert '<option value="Shenyang">辽宁省沈阳市 (1)</option>' in chinese
    assert '<option value="Atlantis" lang="en">Atlantis (Liaoning) (1)</option>' in chinese
    english = client.get("/bureaus/", {"province": "Liaoning"}).content.decode()
    assert '<option value="Liaoning" selected>Liaoning (3)</option>' in english
    assert '<option value="Shenyang">Shenyang (Liaoning) (1)</option>' in english
    assert '<option value="Atlantis">Atlantis (Liaoning) (1)</option>' in english
    # A value chosen in the address that no bureau has keeps its place in the list, in the page's language.
    chosen = client.get("/zh-hans/bureaus/", {"province": "Hebei"}).content.decode()
    assert '<option value="Hebei" selected>河北省 (0)</option>' in chosen
