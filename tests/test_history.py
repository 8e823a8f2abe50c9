"""History: every admin save with its inlines and every publish is a revision; revert and compare."""

import pytest
from reversion.models import Version

from bureaus.admin import history
from bureaus.models import Bureau

from .factories import BureauFactory, DepartmentFactory, publish_form
from .test_admin import change_form_data

pytestmark = pytest.mark.django_db


def save(client, bureau, **changes):
    response = client.post(f"/admin/bureaus/bureau/{bureau.pk}/change/", change_form_data(client, bureau, **changes))
    assert response.status_code == 302, response.content.decode()[:300]


def publish(client, bureau):
    response = client.post(f"/admin/bureaus/bureau/{bureau.original.pk}/publish/", publish_form(bureau))
    assert response.status_code == 302


@pytest.fixture
def bureau():
    """A draft: edited in place."""
    bureau = BureauFactory(
        slug="shenyang-tiexi-district", name="Tiexi District Education Bureau", summary="First words.", draft=True
    )
    DepartmentFactory(bureau=bureau, name="Office", responsibility="Documents")
    return bureau


def test_each_save_is_a_revision_that_holds_the_inlines(staff_client, bureau):
    save(staff_client, bureau, summary="Second words.")
    data = change_form_data(staff_client, bureau)
    data["departments-TOTAL_FORMS"] = str(int(data["departments-TOTAL_FORMS"]) + 1)
    index = int(data["departments-TOTAL_FORMS"]) - 1
    data.update(
        {f"departments-{index}-name_en": "Personnel section", f"departments-{index}-responsibility_en": "Teachers"}
    )
    assert staff_client.post(f"/admin/bureaus/bureau/{bureau.pk}/change/", data).status_code == 302
    versions = list(Version.objects.get_for_object(bureau))
    assert len(versions) == 2
    newest_departments = [
        v.field_dict["name_en"] for v in versions[0].revision.version_set.all() if v._model.__name__ == "Department"
    ]
    assert sorted(newest_departments) == ["Office", "Personnel section"]


def test_two_revisions_compare_readably(staff_client, bureau):
    save(staff_client, bureau, summary="Second words.")
    save(staff_client, bureau, summary="Third words.", name="Tiexi District Education and Sports Bureau")
    newer, older = list(Version.objects.get_for_object(bureau))[:2]
    page = staff_client.get(
        f"/admin/bureaus/bureau/{bureau.pk}/history/compare/", {"older": older.pk, "newer": newer.pk}
    ).content.decode()
    assert "summary (English): “Second words.” → “Third words.”" in page
    assert "name (English): “Tiexi District Education Bureau” → “Tiexi District Education and Sports Bureau”" in page
    history = staff_client.get(f"/admin/bureaus/bureau/{bureau.pk}/history/").content.decode()
    assert "Compare two revisions" in history


def test_a_revert_goes_into_the_working_copy_restores_the_inlines_and_publishes_nothing(staff_client, client, bureau):
    save(staff_client, bureau, summary="Second words.")
    publish(staff_client, bureau)
    first = history.versions_of(bureau).filter(revision__comment="Published.").get()
    copy = Bureau.objects.get(pk=staff_client.post(f"/admin/bureaus/bureau/{bureau.pk}/edit/").url.split("/")[-3])
    copy.departments.all().delete()
    save(staff_client, copy, summary="Third words.")
    publish(staff_client, copy)
    assert "Third words." in client.get(bureau.get_absolute_url()).content.decode()

    revert_url = f"/admin/bureaus/bureau/{bureau.pk}/history/{first.pk}/"
    form = staff_client.get(revert_url)
    page = form.content.decode()
    assert form.status_code == 200 and "summary (English): “Third words.” → “Second words.”" in page
    assert "Office" in page  # the department the revert brings back
    assert bureau.departments.count() == 0  # viewing a revision changes nothing
    response = staff_client.post(revert_url, {})
    assert response.status_code == 302
    copy = Bureau.objects.get(draft_of=bureau)
    assert response.url == f"/admin/bureaus/bureau/{copy.pk}/change/"
    assert copy.summary == "Second words." and list(copy.departments.values_list("name_en", flat=True)) == ["Office"]
    bureau.refresh_from_db()
    assert bureau.is_published and bureau.summary == "Third words." and bureau.departments.count() == 0
    assert "Third words." in client.get(bureau.get_absolute_url()).content.decode()  # nothing published yet

    publish(staff_client, copy)
    bureau.refresh_from_db()
    assert bureau.summary == "Second words." and list(bureau.departments.values_list("name_en", flat=True)) == [
        "Office"
    ]
    comments = [version.revision.get_comment() for version in history.versions_of(bureau)]
    assert comments[:2] == ["Published.", "Reverted to the revision of " + comments[1].split(" of ", 1)[1]]
    assert len(comments) == 6  # save, publish, save of the copy, publish, revert, publish


def test_saves_of_a_working_copy_join_the_bureaus_history_when_published(staff_client, bureau):
    publish(staff_client, bureau)
    copy_url = staff_client.post(f"/admin/bureaus/bureau/{bureau.pk}/edit/").url
    copy = Bureau.objects.get(draft_of=bureau)
    save(staff_client, copy, summary="Copy words.")
    # While the copy exists its history is the bureau's.
    assert staff_client.get(copy_url.replace("change", "history")).url.endswith(f"/{bureau.pk}/history/")
    assert len(history.versions_of(bureau)) == 2
    publish(staff_client, copy)
    assert not Bureau.objects.filter(pk=copy.pk).exists()
    page = staff_client.get(f"/admin/bureaus/bureau/{bureau.pk}/history/").content.decode()
    assert page.count("Revert to this revision") == 3
    assert Version.objects.get_for_object(bureau).count() == 3


def test_an_editor_cannot_see_or_revert_another_bureaus_history(client, django_user_model, staff_client, bureau):
    from django.core.management import call_command

    save(staff_client, bureau, summary="Second words.")
    version = Version.objects.get_for_object(bureau).get()
    BureauFactory(slug="mine", draft=True)
    user = django_user_model.objects.create_user("editor-mine")
    call_command("assign_editor", "editor-mine", "mine", stdout=None)
    client.force_login(user)
    assert client.get(f"/admin/bureaus/bureau/{bureau.pk}/history/").status_code == 403
    assert client.get(f"/admin/bureaus/bureau/{bureau.pk}/history/{version.pk}/").status_code == 403
    assert client.post(f"/admin/bureaus/bureau/{bureau.pk}/history/{version.pk}/", {"summary": "x"}).status_code == 403
    assert (
        client.get(
            f"/admin/bureaus/bureau/{bureau.pk}/history/compare/", {"older": version.pk, "newer": version.pk}
        ).status_code
        == 403
    )
    bureau.refresh_from_db()
    assert bureau.summary == "Second words."


def test_a_publish_is_a_revision(staff_client, bureau):
    staff_client.post("/admin/bureaus/bureau/", {"action": "publish", "_selected_action": [bureau.pk]})
    [version] = Version.objects.get_for_object(bureau)
    assert version.revision.get_comment() == "Published."
