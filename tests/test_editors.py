"""Bureau editors reach only their own bureaus, by every path; only publishers publish."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bureaus.models import Assignment, Bureau, Department, SourceDocument

from .factories import BureauFactory, DepartmentFactory, InstitutionCountFactory, InstitutionTypeFactory, working_copy
from .test_admin import admin_post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def bureaus():
    a = BureauFactory(slug="bureau-a", name="Bureau A", draft=True)
    b = BureauFactory(slug="bureau-b", name="Bureau B")
    DepartmentFactory(bureau=a, name="Office of A")
    DepartmentFactory(bureau=b, name="Office of B")
    SourceDocument.objects.create(bureau=b, title="B's source", text="Bureau B was founded in 1990.")
    return a, b


def login_as(client, django_user_model, username, slug, publisher=False):
    user = django_user_model.objects.create_user(username, password="a-long-test-password")
    call_command("assign_editor", username, slug, *(["--publisher"] if publisher else []), stdout=None)
    client.force_login(user)
    return client


@pytest.fixture
def editor(client, django_user_model, bureaus):
    return login_as(client, django_user_model, "editor-a", "bureau-a")


def test_an_editor_lists_and_opens_only_their_bureau(editor, bureaus):
    a, b = bureaus
    listing = editor.get("/admin/bureaus/bureau/").content.decode()
    assert "Bureau A" in listing and "Bureau B" not in listing
    assert editor.get(f"/admin/bureaus/bureau/{a.pk}/change/").status_code == 200
    for url in (f"/admin/bureaus/bureau/{b.pk}/change/", f"/admin/bureaus/bureau/{b.pk}/history/",
                f"/admin/bureaus/bureau/{b.pk}/delete/"):  # fmt: skip
        response = editor.get(url)
        assert response.status_code in (302, 403, 404), url
        assert "Bureau B" not in response.content.decode()


def test_a_crafted_post_cannot_change_another_bureau(editor, bureaus):
    a, b = bureaus
    response = editor.post(
        f"/admin/bureaus/bureau/{b.pk}/change/", admin_post_data({"name": "Hijacked", "slug": "bureau-b"})
    )
    assert response.status_code in (302, 403, 404)
    b.refresh_from_db()
    assert b.name == "Bureau B"
    # An inline row of A's form pointing at B's department: refused, B's department untouched.
    b_office = b.departments.get()
    data = admin_post_data(
        {"name": "Bureau A", "slug": "bureau-a", "province": a.province, "city": a.city, "district": a.district},
        departments=[{"id": b_office.pk, "name": "Stolen office", "responsibility": "x"}],
    )
    data["departments-INITIAL_FORMS"] = "1"
    editor.post(f"/admin/bureaus/bureau/{a.pk}/change/", data)
    assert Department.objects.get(pk=b_office.pk).name == "Office of B"


def test_autocomplete_and_sources_are_scoped_too(editor, bureaus):
    a, b = bureaus
    response = editor.get(
        "/admin/autocomplete/",
        {"app_label": "bureaus", "model_name": "sourcedocument", "field_name": "bureau", "term": ""},
    )
    assert [row["text"] for row in response.json()["results"]] == ["Bureau A"]
    source = SourceDocument.objects.get(bureau=b)
    assert "B&#x27;s source" not in editor.get("/admin/bureaus/sourcedocument/").content.decode()
    assert editor.get(f"/admin/bureaus/sourcedocument/{source.pk}/change/").status_code in (302, 403, 404)


def test_an_editor_cannot_publish_a_publisher_can_only_their_own(client, editor, django_user_model, bureaus):
    a, b = bureaus
    editor.post("/admin/bureaus/bureau/", {"action": "publish", "_selected_action": [a.pk]})
    assert not Bureau.objects.get(pk=a.pk).is_published
    page = editor.get(f"/admin/bureaus/bureau/{a.pk}/change/").content.decode()
    assert 'name="is_published"' not in page  # shown, not editable
    editor.logout()
    publisher = login_as(client, django_user_model, "publisher-a", "bureau-a", publisher=True)
    publisher.post("/admin/bureaus/bureau/", {"action": "publish", "_selected_action": [a.pk, b.pk]})
    assert Bureau.objects.get(pk=a.pk).is_published
    publisher.post("/admin/bureaus/bureau/", {"action": "unpublish", "_selected_action": [b.pk]})
    assert Bureau.objects.get(pk=b.pk).is_published  # not theirs: left as it was


def test_assign_editor_refuses_unknown_users_and_bureaus_and_removes(django_user_model, bureaus):
    with pytest.raises(CommandError, match="There is no user “ghost”"):
        call_command("assign_editor", "ghost", "bureau-a")
    django_user_model.objects.create_user("real")
    with pytest.raises(CommandError, match="There is no bureau with the slug “nowhere”"):
        call_command("assign_editor", "real", "nowhere")
    call_command("assign_editor", "real", "bureau-a", "--publisher", stdout=None)
    user = django_user_model.objects.get(username="real")
    assert user.is_staff and Assignment.objects.get(user=user).can_publish
    assert list(user.groups.values_list("name", flat=True)) == ["Publishers"]
    call_command("assign_editor", "real", "bureau-a", "--remove", stdout=None)
    assert not Assignment.objects.filter(user=user).exists()
    with pytest.raises(CommandError, match="is not assigned"):
        call_command("assign_editor", "real", "bureau-a", "--remove")


def test_an_editor_previews_their_draft_but_not_another(client, django_user_model, bureaus):
    from django.contrib.auth.models import Permission

    a, b = bureaus
    b.is_published = False
    b.save()
    user = django_user_model.objects.create_user("changer", password="a-long-test-password", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_bureau"))  # change, not view
    Assignment.objects.create(user=user, bureau=a)
    client.force_login(user)
    assert client.get(a.get_absolute_url()).status_code == 200
    assert client.get(b.get_absolute_url()).status_code == 404


def test_a_publisher_who_adds_a_bureau_cannot_publish_it_at_once(client, django_user_model, bureaus):
    from django.contrib.auth.models import Permission

    publisher = login_as(client, django_user_model, "publisher-a", "bureau-a", publisher=True)
    user = django_user_model.objects.get(username="publisher-a")
    user.user_permissions.add(Permission.objects.get(codename="add_bureau"))
    assert 'name="is_published"' not in publisher.get("/admin/bureaus/bureau/add/").content.decode()
    data = admin_post_data({"name": "Bureau C", "slug": "bureau-c", "is_published": "on"})
    assert publisher.post("/admin/bureaus/bureau/add/", data).status_code == 302
    created = Bureau.objects.get(slug="bureau-c")
    assert not created.is_published  # the new bureau's publisher is not them: it stays a draft
    assert not Assignment.objects.get(user=user, bureau=created).can_publish


def test_view_on_site_leads_only_to_what_the_user_may_see(client, editor, django_user_model, bureaus, admin_client):
    from django.contrib.contenttypes.models import ContentType

    a, b = bureaus
    hidden = BureauFactory(slug="someone-elses-draft", name="Someone else's draft", draft=True)
    copy = working_copy(b)
    other = django_user_model.objects.create_user("editor-hidden")
    assignment = Assignment.objects.create(user=other, bureau=hidden)
    bureau_type, assignment_type = (ContentType.objects.get_for_model(m).pk for m in (Bureau, Assignment))
    assert editor.get(f"/admin/r/{bureau_type}/{a.pk}/")["Location"].endswith("/bureaus/bureau-a/")
    for url in (
        f"/admin/r/{bureau_type}/{hidden.pk}/",
        f"/admin/r/{bureau_type}/{copy.pk}/",
        f"/admin/r/{bureau_type}/{b.pk}/",  # public, but not theirs to manage
        f"/admin/r/{assignment_type}/{assignment.pk}/",
        f"/admin/r/{bureau_type}/not-a-number/",
        f"/admin/r/999999/{a.pk}/",
    ):
        response = editor.get(url)
        assert response.status_code == 404, url
        assert "someone-elses-draft" not in response.get("Location", "") + response.content.decode()
    # A site administrator still gets there.
    assert admin_client.get(f"/admin/r/{bureau_type}/{hidden.pk}/")["Location"].endswith("/someone-elses-draft/")


def test_types_proposed_by_other_bureaus_drafts_stay_out_of_an_editors_lists(editor, bureaus):
    from bureaus.models import InstitutionType

    a, b = bureaus
    hidden = BureauFactory(slug="someone-elses-draft", draft=True)
    shared = InstitutionTypeFactory(name="Kindergarten", slug="kindergarten")
    theirs = InstitutionTypeFactory(name="Secret robotics camp", slug="secret-robotics-camp", is_proposed=True)
    mine = InstitutionTypeFactory(name="Rural teaching point", slug="rural-teaching-point", is_proposed=True)
    public = InstitutionTypeFactory(name="Sports school", slug="sports-school", is_proposed=True)
    InstitutionCountFactory(bureau=hidden, category=theirs)
    InstitutionCountFactory(bureau=a, category=mine)
    InstitutionCountFactory(bureau=b, category=public)
    response = editor.get(
        "/admin/autocomplete/",
        {"app_label": "bureaus", "model_name": "institutioncount", "field_name": "category", "term": ""},
    )
    assert sorted(row["text"] for row in response.json()["results"]) == [
        "Kindergarten",
        "Rural teaching point",
        "Sports school",
    ]
    listing = editor.get("/admin/bureaus/institutiontype/").content.decode()
    assert "Secret robotics camp" not in listing and "Rural teaching point" in listing and shared.name in listing
    assert editor.get(f"/admin/bureaus/institutiontype/{theirs.pk}/change/").status_code in (302, 404)
    # Nor can a count of theirs be pointed at it by a crafted form.
    data = admin_post_data(
        {"name": "Bureau A", "slug": "bureau-a", "province": a.province, "city": a.city, "district": a.district},
        institution_counts=[{"category": theirs.pk, "count": "3"}],
    )
    data.pop("is_published")
    response = editor.post(f"/admin/bureaus/bureau/{a.pk}/change/", data)
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not a.institution_counts.filter(category=theirs).exists()
    assert InstitutionType.objects.filter(pk=theirs.pk).exists()
