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
    rows = {label: [[d.name for d in cell] for cell in cells] for label, cells in comparison.department_rows}
    assert rows["Basic education"] == [["Basic education department"], ["Basic education department"]]
    assert rows["Teaching and research"] == [[], ["Teaching and research section"]]
    assert rows["General office"] == [["Office"], ["Office"]]
    page = response.content.decode()
    assert "Shenyang Zhongyuan District Education Bureau" in page
    assert '<th scope="row">Kindergartens</th><td class="num">6</td><td class="num">Not reported</td>' in page


def test_ambiguous_counts_are_shown_as_written_not_added_up(client, seed_data):
    page = client.get(URL, {"b": ["changchun-new-district", "shenyang-heping-district"]}).content.decode()
    assert '<td class="num">9; 5</td>' in page  # two numbers the source keeps apart, never a sum


@pytest.mark.parametrize(
    ("slugs", "message"),
    [
        (["a", "b", "c", "d", "e"], "Choose at most 4 bureaus to compare (you chose 5)."),
        (["shenyang-heping-district", "atlantis"], "No published bureau has the slug “atlantis”."),
    ],
)
def test_clear_messages_when_the_choice_is_wrong(client, seed_data, slugs, message):
    response = client.get(URL, {"b": slugs})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_nul_character_in_the_address_is_left_out_not_an_error(client, seed_data):
    # PostgreSQL refuses a string with a NUL in it: it must never reach a query.
    response = client.get(URL, {"b": ["shenyang-heping-district", "atlan\x00tis"], "find": "dal\x00ian"})
    assert response.status_code == 400
    assert "No published bureau has the slug “atlantis”." in response.content.decode()
    response = client.get(URL, {"b": ["shenyang-heping-district\x00"], "find": "dal\x00ian"})
    assert response.status_code == 200
    assert "?b=shenyang-heping-district&amp;b=dalian-jinpu-new-district" in response.content.decode()


def test_drafts_cannot_be_compared(client, seed_data):
    from .factories import BureauFactory

    BureauFactory(slug="draft", draft=True)
    response = client.get(URL, {"b": ["shenyang-heping-district", "draft"]})
    assert "No published bureau has the slug “draft”." in response.content.decode()


def test_without_a_choice_the_page_explains_how_and_offers_to_find_one(client, seed_data):
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose 2 to 4 bureaus: find them below" in page and 'name="find"' in page
    assert 'role="alert"' not in page  # guidance, not an error


def test_bureaus_are_chosen_and_removed_on_the_page(client, seed_data):
    page = client.get(URL, {"b": ["shenyang-heping-district"], "find": "dalian"}).content.decode()
    assert '<a href="?b=shenyang-heping-district&amp;b=dalian-jinpu-new-district">Add ' in page
    assert "Add Shenyang" not in page  # what is chosen is not offered again
    assert '<input type="hidden" name="b" value="shenyang-heping-district">' in page
    page = client.get(URL, {"b": ["shenyang-heping-district", "dalian-jinpu-new-district"]}).content.decode()
    assert '<a href="?b=dalian-jinpu-new-district">Remove<span class="visually-hidden"> Shenyang' in page
    assert "side by side" in page
    assert "No other published bureau matches “atlantis”." in client.get(URL, {"find": "atlantis"}).content.decode()


def test_full_duty_texts_open_on_demand(client, seed_data):
    page = client.get(URL, {"b": ["shenyang-heping-district", "dalian-jinpu-new-district"]}).content.decode()
    assert (
        "<details><summary>" in page
        and "…" not in page.split("<details>", 1)[1].split("</details>", 1)[0].split("</summary>", 1)[1]
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("General office", "office"),
        ("Personnel Section", "teachers"),
        ("Teaching and research section", "teaching-research"),
        ("Planning and finance section", "planning"),
        ("Museum", "other"),
        ("办公室", "office"),  # a department read from a Chinese page is lined up with its English kind
        ("人事股", "teachers"),
        ("基础教育科（行政许可服务科）", "basic"),
        ("学前教育股", "preschool"),
        ("档案馆", "other"),
    ],
)
def test_department_kinds(name, kind):
    assert department_kind(name)[0] == kind


def test_a_chinese_department_is_compared_in_its_kinds_row_marked_as_chinese(client):
    from .factories import BureauFactory, DepartmentFactory

    english, chinese = BureauFactory(slug="a"), BureauFactory(slug="b")
    DepartmentFactory(bureau=english, name_en="General office")
    DepartmentFactory(bureau=chinese, name_en="", name_zh_hans="办公室")
    page = client.get("/compare/", {"b": ["a", "b"]}).content.decode()
    row = page.split("General office</th>", 1)[1].split("</tr>", 1)[0]
    assert "<td>General office</td>" in row
    assert '<td><span lang="zh-Hans">办公室</span> <span class="fact-language" lang="zh-Hans">(中文)</span></td>' in row


def test_the_list_offers_compare_checkboxes(client, seed_data):
    page = client.get("/bureaus/").content.decode()
    assert 'action="/compare/"' in page
    assert '<input type="checkbox" name="b" value="shenyang-heping-district"' in page


def test_the_chinese_page_gives_each_bureaus_place_in_chinese(client, seed_data):
    from .factories import BureauFactory

    BureauFactory(slug="nowhere", name="Nowhere Education Bureau", province="Liaoning", city="Shenyang",
                  district="Example District 9")  # fmt: skip
    page = client.get(f"/zh-hans{URL}", {"b": ["shenyang-heping-district", "nowhere"]}).content.decode()
    assert '<td>辽宁省沈阳市和平区</td><td>辽宁省沈阳市 <span lang="en">Example District 9</span></td>' in page
    found = client.get(f"/zh-hans{URL}", {"b": ["nowhere"], "find": "Heping"}).content.decode()
    assert '<span class="muted">辽宁省沈阳市和平区</span>' in found
    english = client.get(URL, {"b": ["shenyang-heping-district", "nowhere"]}).content.decode()
    assert "<td>Heping District, Shenyang, Liaoning</td><td>Example District 9, Shenyang, Liaoning</td>" in english
