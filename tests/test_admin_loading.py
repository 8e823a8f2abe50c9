"""The loaders' admin pages: the worklist of districts without a bureau, and the import review queue."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command

from bureaus.importer import parse_document
from bureaus.importer.saving import save_draft
from bureaus.models import Assignment, Bureau
from bureaus.models.loading import county_divisions

from .dom import Page
from .factories import BureauFactory, SourceDocumentFactory

pytestmark = pytest.mark.django_db

WORKLIST = "/admin/bureaus/bureau/worklist/"
QUEUE = "/admin/bureaus/bureau/review-queue/"
DOCUMENTS = Path(__file__).with_name("documents")
ALL = len(county_divisions())  # 2,849 county-level divisions


def html(response):
    return response.content.decode()


def result_rows(response):
    """The rows of the page's result table (not the admin's side menu), without its header."""
    content = html(response)
    if 'id="result_list"' not in content:
        return []
    return Page(content.split('id="result_list"')[1].split("</table>")[0]).rows[1:]


def staff_with(client, django_user_model, *codenames, username="loader"):
    user = django_user_model.objects.create_user(username, password="a-long-test-password", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return user


# The worklist -------------------------------------------------------------------


def test_the_worklist_lists_every_county_level_division_without_a_bureau_drafts_counting_as_bureaus(staff_client):
    BureauFactory(division_code="210102")  # Heping, published
    BureauFactory(division_code="210106", draft=True)  # Tiexi, a draft
    BureauFactory(division_code="")  # a bureau without its code takes no district off the list
    response = staff_client.get(WORKLIST, {"prefecture": "210100", "province": "210000"})
    assert response.status_code == 200
    page = Page(html(response))
    assert f"{ALL - 2} districts without a bureau" not in page.text  # filtered: Shenyang's only
    rows = result_rows(response)
    codes = [row[2] for row in rows]
    assert "210102" not in codes and "210106" not in codes
    assert rows[0] == [
        "Shenhe District",
        "沈河区",
        "210103",
        "Shenyang City",
        "Liaoning",
        "Import a document for this district",
    ]
    assert f"{len(rows)} districts without a bureau." in page.text
    assert 'href="/admin/bureaus/bureau/import/?division=210103"' in html(response)
    everywhere = Page(html(staff_client.get(WORKLIST)))
    assert f"{ALL - 2} districts without a bureau; page 1 of {-(-(ALL - 2) // 100)}." in everywhere.text


def test_the_worklist_filters_by_province_with_labelled_selects_and_a_plain_form(staff_client):
    response = staff_client.get(WORKLIST, {"province": "110000"})  # Beijing: districts under no prefecture
    rows = result_rows(response)
    assert rows and all(row[4] == "Beijing" and row[3] == "—" for row in rows)
    assert '<label for="id_province">Province:</label>' in html(response)
    assert '<label for="id_prefecture">Prefecture:</label>' in html(response)
    assert '<form method="get"' in html(response) and "<script" not in html(response).split('id="content-main"')[1]
    # With a province chosen, the prefecture select offers that province's prefectures only.
    liaoning = html(staff_client.get(WORKLIST, {"province": "210000"}))
    assert '<option value="210100">Shenyang City</option>' in liaoning
    assert '<option value="320500">' not in liaoning


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"province": "999999"}, "Province: Select a valid choice. 999999 is not one of the available choices."),
        ({"province": "210000", "prefecture": "320500"}, "Prefecture: Select a valid choice. 320500 is not one of"),
        ({"province": "210100"}, "Province: Select a valid choice."),  # a prefecture's code is no province
    ],
)
def test_a_bad_filter_is_a_plain_message_and_the_whole_list_is_shown(staff_client, query, message):
    response = staff_client.get(WORKLIST, query)
    assert response.status_code == 200
    page = Page(html(response))
    assert message in page.text
    assert f"{ALL} districts without a bureau" in page.text


def test_the_worklist_is_paginated_and_its_links_keep_the_filter(staff_client):
    response = staff_client.get(WORKLIST, {"province": "130000"})  # Hebei: 167 county-level divisions
    first = result_rows(response)
    assert len(first) == 100
    assert 'href="?province=130000&amp;page=2" rel="next"' in html(response)
    second = result_rows(staff_client.get(WORKLIST, {"province": "130000", "page": 2}))
    assert len(second) == 67 and not {row[2] for row in second} & {row[2] for row in first}
    assert staff_client.get(WORKLIST, {"page": "nonsense"}).status_code == 200


def test_the_worklist_takes_the_same_number_of_queries_whatever_the_number_of_bureaus(
    staff_client, django_assert_num_queries
):
    staff_client.get(WORKLIST)  # the session's first use
    with django_assert_num_queries(3):  # session, user, the codes served
        staff_client.get(WORKLIST)
    for code in [d.code for d in county_divisions()[:40]]:
        BureauFactory(division_code=code, draft=code.endswith(("1", "3")))
    with django_assert_num_queries(3):
        response = staff_client.get(WORKLIST)
    assert f"{ALL - 40} districts without a bureau" in Page(html(response)).text


def test_only_staff_who_may_add_bureaus_reach_the_worklist(client, django_user_model):
    assert client.get(WORKLIST).status_code == 302  # anonymous: to the login page
    client.force_login(django_user_model.objects.create_user("visitor", password="a-long-test-password"))
    response = client.get(WORKLIST)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")  # not staff
    staff_with(client, django_user_model, "view_bureau", "change_bureau", username="viewer")
    assert client.get(WORKLIST).status_code == 403
    assert "/worklist/" not in html(client.get("/admin/bureaus/bureau/"))
    assert "/worklist/" not in html(client.get("/admin/"))


def test_an_editor_without_the_add_permission_gets_403(client, django_user_model):
    BureauFactory(slug="bureau-a", draft=True)
    user = django_user_model.objects.create_user("editor-a", password="a-long-test-password")
    call_command("assign_editor", "editor-a", "bureau-a", stdout=None)
    client.force_login(user)
    assert client.get(WORKLIST).status_code == 403
    assert client.get(QUEUE).status_code == 200  # the queue of their own drafts is theirs


def test_the_bureau_list_and_the_admin_index_link_the_worklist_for_those_who_may_add(client, django_user_model):
    staff_with(client, django_user_model, "add_bureau", "view_bureau")
    assert 'href="/admin/bureaus/bureau/worklist/"' in html(client.get("/admin/bureaus/bureau/"))
    index = html(client.get("/admin/"))
    assert 'href="/admin/bureaus/bureau/worklist/"' in index and 'href="/admin/bureaus/bureau/review-queue/"' in index
    assert client.get(WORKLIST).status_code == 200


# The import review queue --------------------------------------------------------


def imported(name, title=None):
    text = (DOCUMENTS / name).read_text(encoding="utf-8")
    draft = parse_document(text, title=title or name)
    return save_draft(draft).bureau, draft.warnings


def test_an_imported_source_keeps_its_warnings():
    bureau, warnings = imported("ambiguous_city.txt")
    source = bureau.sources.get()
    assert warnings and source.import_warnings == warnings and source.warning_count == len(warnings)


def test_the_queue_lists_imported_drafts_most_warnings_first(staff_client):
    few, few_warnings = imported("numbered_headings.txt")
    many, many_warnings = imported("ambiguous_city.txt")
    assert len(many_warnings) > len(few_warnings)
    published, _ = imported("narrative.txt")
    Bureau.objects.filter(pk=published.pk).update(is_published=True)
    SourceDocumentFactory(bureau=BureauFactory(name="Typed In Bureau", draft=True))  # not imported
    response = staff_client.get(QUEUE)
    assert response.status_code == 200
    page, rows = Page(html(response)), result_rows(response)
    assert [row[0] for row in rows] == [str(many), str(few)]
    assert rows[0][2].startswith(f"{len(many_warnings)} What they say")
    assert all(warning in rows[0][2] for warning in many_warnings)
    assert "2 drafts to review." in page.text
    assert f'href="/admin/bureaus/bureau/{many.pk}/change/"' in html(response)


def test_a_working_copy_an_import_filled_is_not_in_the_queue(staff_client, seed_data):
    chinese, _ = imported("chinese_bureau.txt")  # into the seed's Heping bureau, published: its working copy
    assert chinese.is_working_copy
    assert result_rows(staff_client.get(QUEUE)) == []  # working copies are reviewed through their bureau


def test_an_editor_sees_only_their_own_drafts_in_the_queue(client, django_user_model):
    mine, _ = imported("numbered_headings.txt")
    theirs, _ = imported("ambiguous_city.txt")
    user = django_user_model.objects.create_user("editor-a", password="a-long-test-password")
    call_command("assign_editor", "editor-a", mine.slug, stdout=None)
    client.force_login(user)
    response = client.get(QUEUE)
    assert [row[0] for row in result_rows(response)] == [str(mine)]
    assert str(theirs) not in Page(html(response)).text
    assert Assignment.objects.filter(bureau=theirs).count() == 0


def test_staff_who_may_not_view_bureaus_do_not_reach_the_queue(client, django_user_model):
    staff_with(client, django_user_model, "view_institutiontype")
    assert client.get(QUEUE).status_code == 403
    client.logout()
    assert client.get(QUEUE).status_code == 302


def test_the_queue_takes_the_same_number_of_queries_for_more_drafts(staff_client, django_assert_num_queries):
    imported("numbered_headings.txt")
    staff_client.get(QUEUE)
    with django_assert_num_queries(5):  # session, user, count, the page of drafts, their sources
        staff_client.get(QUEUE)
    imported("ambiguous_city.txt")
    imported("narrative.txt")
    with django_assert_num_queries(5):
        staff_client.get(QUEUE)
