"""Full-text search: ranking, coverage, staying current, and surviving any query."""

import pytest

from bureaus import search
from bureaus.models import Bureau, SearchEntry

from .factories import BureauFactory, DepartmentFactory, DutyFactory

pytestmark = pytest.mark.django_db


def found(client, query, **params):
    response = client.get("/bureaus/", {"q": query, **params})
    assert response.status_code == 200
    return [bureau.slug for bureau in response.context["bureaus"]]


def test_an_exact_name_match_ranks_first(client):
    BureauFactory(slug="mentions", name="Tiexi District Education Bureau Annex", summary="Heping Heping Heping Heping.")
    BureauFactory(slug="heping", name="Heping District Education Bureau", summary="Something else.")
    BureauFactory(slug="also", name="Heping District Education Bureau of Tianjin", summary="Heping district.")
    assert found(client, "Heping District Education Bureau")[0] == "heping"


def test_a_word_from_a_duty_finds_its_bureau_with_the_passage_highlighted(client, seed_data):
    assert found(client, "rational") == ["dalian-jinpu-new-district"]
    page = client.get("/bureaus/", {"q": "rational"}).content.decode()
    assert "coordinate the <mark>rational</mark> allocation" in page


def test_stemming_finds_other_forms_of_a_word(client, seed_data):
    assert "shenyang-heping-district" in found(client, "kindergarten")  # the text says "kindergartens"


def test_unpublished_bureaus_are_never_found(client):
    BureauFactory(slug="draft", name="Secret Draft Bureau", draft=True)
    assert found(client, "Secret Draft Bureau") == []
    response = client.get("/api/bureaus/", {"q": "Secret"})
    assert response.json()["count"] == 0


def test_the_index_follows_edits_and_deletions(client):
    bureau = BureauFactory(slug="edited", name="Plain Bureau")
    assert found(client, "aquaponics") == []
    DutyFactory(bureau=bureau, text="Build an aquaponics teaching garden")
    assert found(client, "aquaponics") == ["edited"]
    bureau.duties.all().delete()
    assert found(client, "aquaponics") == []
    department = DepartmentFactory(bureau=bureau, name="Robotics section")
    assert found(client, "robotics") == ["edited"]
    department.delete()
    bureau.delete()
    assert SearchEntry.objects.count() == 0


def test_imported_bureaus_are_indexed(client):
    from pathlib import Path

    from django.core.management import call_command

    call_command("import_bureau", str(Path(__file__).with_name("documents") / "numbered_headings.txt"), stdout=None)
    Bureau.objects.update(is_published=True)
    assert found(client, "recruitment") == ["shenyang-tiexi-district"]


def test_search_combines_with_filters(client, seed_data):
    assert set(found(client, "education", province="Liaoning")) == {
        "shenyang-heping-district",
        "dalian-jinpu-new-district",
    }
    assert found(client, "education", province="Jilin") == ["changchun-new-district"]


def test_when_no_bureau_has_every_word_any_word_will_do(client, seed_data):
    assert found(client, "special education") == ["changchun-new-district"]
    # No bureau mentions aquaponics, so the bureau with the other word is found.
    assert found(client, "which districts have special aquaponics")[0] == "changchun-new-district"


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"unbalanced',
        "AND",
        "OR NOT",
        "NEAR(a b",
        "a* OR *b",
        "name:heping",
        "^start",
        "(((",
        "'; DROP TABLE bureaus_bureau; --",
        "\x00\x01",
        "中文 查询",
        "x" * 10_000,
        "word " * 2_000,
        "%_%",
    ],
)
def test_any_query_string_gives_a_page_not_an_error(client, seed_data, query):
    response = client.get("/bureaus/", {"q": query})
    assert response.status_code == 200
    api = client.get("/api/bureaus/", {"q": query})
    assert api.status_code in (200, 400)  # 400 names the problem, e.g. "Null characters are not allowed."
    if api.status_code == 400:
        assert api.json()["errors"]["q"]
    assert Bureau.objects.count() == 3


def test_rebuild_indexes_every_bureau(seed_data):
    SearchEntry.objects.all().delete()
    assert search.rebuild() == 3
    assert SearchEntry.objects.count() == 3
    assert search.terms("The, the THE and heping!") == ["heping"]


def test_stored_text_cannot_forge_highlighting(client):
    """Rows written before control characters were refused (or by raw SQL) still cannot add <mark>."""
    bureau = BureauFactory(slug="forged", summary="Teachers")
    Bureau.objects.filter(pk=bureau.pk).update(summary_en="Teachers \x02<script>x</script>\x03 and \x02forged\x03")
    search.refresh([bureau.pk])
    page = client.get("/bureaus/", {"q": "teachers"}).content.decode()
    assert "<mark>Teachers</mark>" in page
    assert "<mark>forged</mark>" not in page
    assert "<script>x</script>" not in page


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("沈阳", {"shenyang-heping-district"}),  # the bureau's Chinese name and its city, from the gazetteer
        ("和平区", {"shenyang-heping-district"}),
        ("幼儿园", {"shenyang-heping-district"}),  # the Chinese name of a type it counts
        ("辽宁", {"shenyang-heping-district", "dalian-jinpu-new-district"}),
        ("教育局", set()),  # no seed bureau has a Chinese name: their English pages give none, none is made up
        ("北京", set()),
        ("阳沈", set()),  # a phrase: the characters in their order
    ],
)
def test_chinese_finds_what_it_should(client, seed_data, query, found):
    bureaus = client.get("/bureaus/", {"q": query}).context["bureaus"]
    assert {bureau.slug for bureau in bureaus} == found


def test_the_gazetteer_gives_chinese_place_names_only_where_it_is_sure():
    from bureaus.places.gazetteer import chinese_place_names

    assert chinese_place_names("Heping District", "Shenyang", "Liaoning") == ["辽宁省", "沈阳市", "和平区"]
    assert chinese_place_names("Heping District", "", "Tianjin") == ["天津市", "和平区"]
    assert chinese_place_names("Nowhere District", "Shenyang", "Liaoning") == ["辽宁省", "沈阳市"]
    assert chinese_place_names("", "", "") == []
