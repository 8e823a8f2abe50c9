"""Draft and publish: staff edit a working copy the public never sees until a publisher publishes it."""

import pytest
from django.core.management import call_command
from django.test import Client

from bureaus import publishing
from bureaus.models import Bureau, ContentVersion, SourceDocument

from .factories import DepartmentFactory, publish_form, working_copy
from .test_admin import change_form_data

pytestmark = pytest.mark.django_db


def published_with_copy():
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    copy = working_copy(bureau)
    copy.summary = "Unpublished words about robotics."
    copy.save()
    department = copy.departments.order_by("position").first()
    department.name = "Robotics Office"
    department.save()
    return bureau, copy


PUBLIC_URLS = [
    "/bureaus/shenyang-heping-district/",
    "/bureaus/shenyang-heping-district.json",
    "/api/bureaus/shenyang-heping-district/",
    "/api/bureaus/",
    "/api/csv/departments.csv",
    "/bureaus/?q=robotics",
    "/bureaus/",
    "/sitemap.xml",
    "/statistics/",
]


def text_of(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode()


def test_working_copy_changes_are_invisible_to_the_public_until_published(seed_data):
    visitor = Client()
    bureau, copy = published_with_copy()
    for url in PUBLIC_URLS:
        page = text_of(visitor.get(url))
        assert "Robotics Office" not in page and "Unpublished words" not in page, url
        assert "working-copy" not in page, url
    assert "/bureaus/shenyang-heping-district/" not in visitor.get("/bureaus/?q=robotics").content.decode()
    assert visitor.get(copy.get_absolute_url()).status_code == 404
    assert visitor.get(f"/api/bureaus/{copy.slug}/").status_code == 404
    assert visitor.get("/api/bureaus/").json()["count"] == 3

    publishing.publish(copy, None)
    profile = visitor.get(bureau.get_absolute_url()).content.decode()
    assert "Robotics Office" in profile and "Unpublished words about robotics." in profile
    assert "Robotics Office" in text_of(visitor.get("/api/csv/departments.csv"))
    assert "Shenyang Heping" in visitor.get("/bureaus/?q=robotics").content.decode()
    assert not Bureau.objects.filter(pk=copy.pk).exists() and Bureau.objects.count() == 3


def test_publishing_keeps_the_bureaus_address_and_its_sources_ids(seed_data):
    bureau, copy = published_with_copy()
    source_ids = list(bureau.sources.values_list("pk", flat=True))
    anchors_before = {d.source_anchor for d in bureau.departments.all()}
    publishing.publish(copy, None)
    bureau.refresh_from_db()
    assert list(bureau.sources.values_list("pk", flat=True)) == source_ids
    assert {d.source_anchor for d in bureau.departments.all()} == anchors_before  # links into sources still valid
    assert SourceDocument.objects.count() == 3


def test_publishing_one_bureau_leaves_the_others_cached_pages_cached(client, seed_data):
    heping, changchun = "/bureaus/shenyang-heping-district/", "/bureaus/changchun-new-district/"
    for url in (heping, changchun, "/bureaus/"):
        assert client.get(url)["X-Page-Cache"] == "miss"
    bureau, copy = published_with_copy()
    # Editing a working copy leaves every public page cached, the lists too.
    for url in (heping, changchun, "/bureaus/"):
        assert client.get(url)["X-Page-Cache"] == "hit", url
    publishing.publish(copy, None)
    assert client.get(changchun)["X-Page-Cache"] == "hit"
    response = client.get(heping)
    assert response["X-Page-Cache"] == "miss" and "Robotics Office" in response.content.decode()
    assert client.get("/bureaus/")["X-Page-Cache"] == "miss"  # the list shows the bureau too


def test_editing_a_working_copy_does_not_move_the_sites_content_version(seed_data):
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    copy = working_copy(bureau)
    before = ContentVersion.current()
    copy.summary = "New"
    copy.save()
    DepartmentFactory(bureau=copy, name="New office")
    assert ContentVersion.current() == before


def test_publish_refuses_an_incomplete_copy_and_changes_nothing(seed_data):
    bureau, copy = published_with_copy()
    Bureau.objects.filter(pk=copy.pk).update(district="")
    with pytest.raises(publishing.PublishError, match="has no district"):
        publishing.publish(copy, None)
    bureau.refresh_from_db()
    assert bureau.district and Bureau.objects.filter(pk=copy.pk).exists()
    assert "Robotics Office" not in bureau.departments.values_list("name_en", flat=True)


def test_a_working_copy_is_made_once_and_keeps_to_its_bureau(seed_data):
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    copy = working_copy(bureau)
    assert working_copy(bureau) == copy
    assert copy.slug == "shenyang-heping-district-working-copy" and not copy.is_published
    assert copy.departments.count() == bureau.departments.count()
    assert set(copy.departments.values_list("source__bureau", flat=True)) == {copy.pk}
    with pytest.raises(Exception):  # noqa: B017 — the database refuses a published working copy
        Bureau.objects.filter(pk=copy.pk).update(is_published=True)


# Through the admin -------------------------------------------------------------


def test_the_admin_lists_each_bureaus_state_and_never_the_copies(staff_client, seed_data):
    bureau, copy = published_with_copy()
    Bureau.objects.filter(slug="changchun-new-district").update(is_published=False)
    rows = {b.slug: b.state for b in staff_client.get("/admin/bureaus/bureau/").context["cl"].result_list}
    assert rows == {
        "shenyang-heping-district": "changed",
        "changchun-new-district": "draft",
        "dalian-jinpu-new-district": "published",
    }
    response = staff_client.get("/admin/bureaus/bureau/")
    page = response.content.decode()
    assert "Published, with unpublished changes" in page and "working-copy" not in page
    assert response.context["cl"].full_result_count == 3  # bureaus, not their copies


def test_a_published_bureau_is_edited_through_its_working_copy(staff_client, seed_data):
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    url = f"/admin/bureaus/bureau/{bureau.pk}/change/"
    page = staff_client.get(url).content.decode()
    assert "Edit a working copy" in page and 'name="summary_en"' not in page
    # A stale form posted to the published bureau saves nothing.
    response = staff_client.post(url, {"summary_en": "Straight to the public"}, follow=True)
    assert "Nothing was saved" in response.content.decode()
    bureau.refresh_from_db()
    assert bureau.summary != "Straight to the public" and not Bureau.objects.filter(draft_of=bureau).exists()

    response = staff_client.post(f"/admin/bureaus/bureau/{bureau.pk}/edit/")
    copy = Bureau.objects.get(draft_of=bureau)
    assert response.url == f"/admin/bureaus/bureau/{copy.pk}/change/"
    assert staff_client.get(url).url == response.url  # the bureau's page leads to its copy now
    form = staff_client.get(response.url).content.decode()
    assert "Working copy of" in form and "Publish these changes" in form and 'name="is_published"' not in form
    data = change_form_data(staff_client, copy, summary="Saved to the copy")
    assert staff_client.post(response.url, data).status_code == 302
    bureau.refresh_from_db()
    assert bureau.summary != "Saved to the copy"
    assert staff_client.get(copy.get_absolute_url()).status_code == 200  # staff preview the copy

    staff_client.post(f"/admin/bureaus/bureau/{bureau.pk}/publish/", publish_form(bureau))
    bureau.refresh_from_db()
    assert bureau.summary == "Saved to the copy" and bureau.is_published


def test_discarding_a_working_copy_leaves_the_published_bureau(staff_client, seed_data):
    bureau, copy = published_with_copy()
    staff_client.post(f"/admin/bureaus/bureau/{bureau.pk}/discard/")
    assert not Bureau.objects.filter(pk=copy.pk).exists()
    bureau.refresh_from_db()
    assert "Robotics Office" not in bureau.departments.values_list("name_en", flat=True)
    assert staff_client.post(f"/admin/bureaus/bureau/{bureau.pk}/discard/").status_code == 404
    assert staff_client.get(f"/admin/bureaus/bureau/{bureau.pk}/publish/").status_code == 405


def test_withdrawing_keeps_the_working_copy_for_later(staff_client, seed_data):
    bureau, copy = published_with_copy()
    staff_client.post("/admin/bureaus/bureau/", {"action": "unpublish", "_selected_action": [bureau.pk]})
    bureau.refresh_from_db()
    assert not bureau.is_published and Bureau.objects.filter(pk=copy.pk).exists()
    assert Client().get(bureau.get_absolute_url()).status_code == 404
    staff_client.post("/admin/bureaus/bureau/", {"action": "publish", "_selected_action": [bureau.pk]})
    bureau.refresh_from_db()
    assert bureau.is_published and "Robotics Office" in bureau.departments.values_list("name_en", flat=True)


def test_editors_start_copies_of_their_bureaus_only_and_only_publishers_publish(client, django_user_model, seed_data):
    mine = Bureau.objects.get(slug="shenyang-heping-district")
    other = Bureau.objects.get(slug="changchun-new-district")
    other_copy = working_copy(other)
    user = django_user_model.objects.create_user("editor-heping", password="a-long-test-password")
    call_command("assign_editor", "editor-heping", mine.slug, stdout=None)
    client.force_login(user)

    assert client.post(f"/admin/bureaus/bureau/{mine.pk}/edit/").status_code == 302
    copy = Bureau.objects.get(draft_of=mine)
    assert client.get(f"/admin/bureaus/bureau/{copy.pk}/change/").status_code == 200
    assert "Publish these changes" not in client.get(f"/admin/bureaus/bureau/{copy.pk}/change/").content.decode()
    assert client.post(f"/admin/bureaus/bureau/{mine.pk}/publish/").status_code == 403
    for step in ("edit", "publish", "withdraw", "discard"):
        assert client.post(f"/admin/bureaus/bureau/{other.pk}/{step}/").status_code == 403
    assert client.post(f"/admin/bureaus/bureau/{mine.pk}/withdraw/").status_code == 403  # editors do not withdraw
    assert (
        "Withdraw from the public site"
        not in client.get(f"/admin/bureaus/bureau/{mine.pk}/change/", follow=True).content.decode()
    )
    assert client.get(f"/admin/bureaus/bureau/{other_copy.pk}/change/").status_code == 302  # "does not exist"
    assert client.get(other_copy.get_absolute_url()).status_code == 404
    assert Bureau.objects.filter(pk=other_copy.pk).exists()

    user.bureau_assignments.update(can_publish=True)
    call_command("assign_editor", "editor-heping", mine.slug, "--publisher", stdout=None)
    assert client.post(f"/admin/bureaus/bureau/{mine.pk}/publish/", publish_form(mine)).status_code == 302
    assert not Bureau.objects.filter(draft_of=mine).exists()


def test_a_publisher_withdraws_a_bureau_from_its_page(staff_client, seed_data):
    bureau = Bureau.objects.get(slug="changchun-new-district")
    page = staff_client.get(f"/admin/bureaus/bureau/{bureau.pk}/change/").content.decode()
    assert "Withdraw from the public site" in page
    assert staff_client.post(f"/admin/bureaus/bureau/{bureau.pk}/withdraw/").status_code == 302
    bureau.refresh_from_db()
    assert not bureau.is_published and Client().get(bureau.get_absolute_url()).status_code == 404


def test_a_preview_leads_staff_back_to_editing_what_they_preview(seed_data, admin_client):
    bureau, copy = published_with_copy()
    preview = admin_client.get(copy.get_absolute_url()).content.decode()
    assert "Preview of unpublished changes." in preview
    assert f'<a href="/admin/bureaus/bureau/{copy.pk}/change/">Back to editing</a>' in preview
    public = Client().get(bureau.get_absolute_url()).content.decode()
    assert "Back to editing" not in public and "/admin/" not in public


def test_publish_carries_the_revision_the_publisher_saw_and_refuses_a_later_one(staff_client, seed_data):
    bureau, copy = published_with_copy()
    page = staff_client.get(f"/admin/bureaus/bureau/{copy.pk}/change/").content.decode()
    seen = copy.revision
    assert f'name="revision" value="{seen}"' in page  # the publish button's form
    # An editor saves after the publisher opened the copy: what the publisher reviewed is not what is there.
    copy.summary = "Words nobody reviewed."
    copy.save()
    url = f"/admin/bureaus/bureau/{bureau.pk}/publish/"
    response = staff_client.post(url, {"revision": seen}, follow=True)
    assert "was not published" in response.content.decode() and "after you opened it" in response.content.decode()
    bureau.refresh_from_db()
    assert "Words nobody reviewed." not in bureau.summary and Bureau.objects.filter(pk=copy.pk).exists()
    assert staff_client.post(url).status_code == 302  # a publish that says nothing of what was seen: refused too
    assert staff_client.post(url, {"revision": "²"}).status_code == 302  # nor a number int() cannot read
    assert staff_client.post(url, {"revision": "9" * 5000}).status_code == 302  # nor one of 5000 digits
    assert Bureau.objects.filter(pk=copy.pk).exists()

    assert staff_client.post(url, {"revision": copy.revision}).status_code == 302
    bureau.refresh_from_db()
    assert bureau.summary == "Words nobody reviewed." and not Bureau.objects.filter(pk=copy.pk).exists()


def browser_form(page):
    """What a browser sends from the bureau's change form on ``page``: {name: [values]}."""
    from benchmarks.mixed import FormFields

    form = FormFields()
    form.feed(page)
    fields = {}
    for name, value in form.fields:
        fields.setdefault(name, []).append(value)
    return fields


@pytest.mark.parametrize(("step", "done"), [("publish", "published"), ("discard", "discarded")])
def test_a_copy_published_or_discarded_while_open_keeps_the_editors_input(staff_client_factory, seed_data, step, done):
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    copy = working_copy(bureau)
    departments = bureau.departments.count()
    editor, publisher = staff_client_factory("editor"), staff_client_factory("publisher")
    data = browser_form(editor.get(f"/admin/bureaus/bureau/{copy.pk}/change/").content.decode())
    data.update({"summary_en": "The editor's new words", "departments-0-name_en": "Robotics Office"})
    # The publisher publishes (or discards) the copy while the editor is typing.
    publisher.post(f"/admin/bureaus/bureau/{bureau.pk}/{step}/", publish_form(bureau) if step == "publish" else {})
    assert not Bureau.objects.filter(pk=copy.pk).exists()

    response = editor.post(f"/admin/bureaus/bureau/{copy.pk}/change/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"publisher {done} this working copy at" in page and "Nothing of yours was saved" in page
    assert "The editor&#x27;s new words" in page and "Robotics Office" in page  # the input is kept
    new_copy = Bureau.objects.get(draft_of=bureau)
    assert new_copy.summary != "The editor's new words" and new_copy.revision == 1  # nothing saved yet
    assert f'action="/admin/bureaus/bureau/{new_copy.pk}/change/"' in page

    # Saving the form as it came back keeps the input in the new working copy, row for row.
    response = editor.post(f"/admin/bureaus/bureau/{new_copy.pk}/change/", browser_form(page))
    assert response.status_code == 302, response.content.decode()[:500]
    new_copy.refresh_from_db()
    assert new_copy.summary == "The editor's new words"
    assert new_copy.departments.count() == departments
    assert new_copy.departments.order_by("position").first().name == "Robotics Office"
    untouched = new_copy.departments.order_by("position")[1]
    assert untouched.source_anchor and untouched.edited_at is None  # an unchanged row keeps its source
    bureau.refresh_from_db()
    assert "Robotics Office" not in bureau.departments.values_list("name_en", flat=True)  # not public


@pytest.mark.parametrize(
    ("field", "value"),
    [("departments-0-position", "9" * 5000), ("fact_sources-0-id", "9" * 5000), ("fact_sources-0-id", "0id")],
)
def test_a_gone_copys_form_with_odd_numbers_comes_back_too(staff_client_factory, seed_data, field, value):
    """Posted ids and positions of more than 4300 digits are numbers to ``isdecimal()`` and not to ``int()``;
    an id with a leading zero is another string for the same row."""
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    copy = working_copy(bureau)
    editor, publisher = staff_client_factory("editor"), staff_client_factory("publisher")
    data = browser_form(editor.get(f"/admin/bureaus/bureau/{copy.pk}/change/").content.decode())
    publisher.post(f"/admin/bureaus/bureau/{bureau.pk}/publish/", publish_form(bureau))
    data[field] = [value if value != "0id" else f"0{data[field][0]}"]
    response = editor.post(f"/admin/bureaus/bureau/{copy.pk}/change/", data)
    assert response.status_code == 200
    assert "Nothing of yours was saved" in response.content.decode()


def test_a_draft_published_while_open_keeps_the_editors_input_too(staff_client_factory, seed_data):
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    publishing.withdraw(bureau, None)  # a draft again
    editor, publisher = staff_client_factory("editor"), staff_client_factory("publisher")
    data = browser_form(editor.get(f"/admin/bureaus/bureau/{bureau.pk}/change/").content.decode())
    data.update({"summary_en": "The editor's new words", "departments-0-name_en": "Robotics Office"})
    publisher.post(f"/admin/bureaus/bureau/{bureau.pk}/publish/", publish_form(bureau))
    bureau.refresh_from_db()
    assert bureau.is_published

    response = editor.post(f"/admin/bureaus/bureau/{bureau.pk}/change/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "publisher published this draft at" in page and "Nothing of yours was saved" in page
    assert "The editor&#x27;s new words" in page and "Robotics Office" in page  # the input is kept
    new_copy = Bureau.objects.get(draft_of=bureau)
    assert f'action="/admin/bureaus/bureau/{new_copy.pk}/change/"' in page
    response = editor.post(f"/admin/bureaus/bureau/{new_copy.pk}/change/", browser_form(page))
    assert response.status_code == 302
    new_copy.refresh_from_db()
    assert new_copy.summary == "The editor's new words"
    assert new_copy.departments.order_by("position").first().name == "Robotics Office"
    bureau.refresh_from_db()
    assert bureau.summary != "The editor's new words"  # not public until published
