"""Comparing 2 to 4 bureaus side by side."""

import pytest

from bureaus.pages.compare import department_kind

pytestmark = pytest.mark.django_db

URL = "/compare/"


def test_compares_bureaus_side_by_side_with_departments_aligned_by_kind(client, seed_data):
    response = client.get(URL, {"b": ["shenyang-heping-district", "dalian-jinpu-new-district"]})
    assert response.status_code == 200
    comparison = response.context["comparison"]
    assert [b.slug for b in comparison.bureaus] == ["shenyang-heping-district", "dalian-jinpu-new-district"]
    rows = dict(comparison.department_rows)
    assert rows["Basic education"] == [["Basic education department"], ["Basic education department"]]
    assert rows["Teaching and research"] == [[], ["Teaching and research section"]]
    assert rows["General office"] == [["Office"], ["Office"]]
    page = response.content.decode()
    assert "Shenyang Zhongyuan District Education Bureau" in page
    assert '<th scope="row">Kindergartens</th><td class="num">6</td><td class="num">—</td>' in page


def test_ambiguous_counts_are_shown_as_written_not_added_up(client, seed_data):
    page = client.get(URL, {"b": ["changchun-new-district", "shenyang-heping-district"]}).content.decode()
    assert '<td class="num">9 + 5</td>' in page


@pytest.mark.parametrize(
    ("slugs", "message"),
    [
        (["shenyang-heping-district"], "Choose at least 2 bureaus to compare (you chose 1)."),
        (["a", "b", "c", "d", "e"], "Choose at most 4 bureaus to compare (you chose 5)."),
        (["shenyang-heping-district", "atlantis"], "No published bureau has the slug “atlantis”."),
    ],
)
def test_clear_messages_when_the_choice_is_wrong(client, seed_data, slugs, message):
    response = client.get(URL, {"b": slugs})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_drafts_cannot_be_compared(client, seed_data):
    from .factories import BureauFactory

    BureauFactory(slug="draft", draft=True)
    response = client.get(URL, {"b": ["shenyang-heping-district", "draft"]})
    assert "No published bureau has the slug “draft”." in response.content.decode()


def test_without_a_choice_the_page_explains_how(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Choose 2 to 4 bureaus" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("General office", "office"),
        ("Personnel Section", "teachers"),
        ("Teaching and research section", "teaching-research"),
        ("Planning and finance section", "planning"),
        ("Museum", "other"),
    ],
)
def test_department_kinds(name, kind):
    assert department_kind(name)[0] == kind


def test_the_list_offers_compare_checkboxes(client, seed_data):
    page = client.get("/bureaus/").content.decode()
    assert 'action="/compare/"' in page
    assert '<input type="checkbox" name="b" value="shenyang-heping-district"' in page
