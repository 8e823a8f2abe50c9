"""The admin's "Import document" page: preview, confirm, cancel and errors, through the test client."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from bureaus.models import Bureau, SourceDocument

pytestmark = pytest.mark.django_db

URL = "/admin/bureaus/bureau/import/"
TIEXI = (Path(__file__).with_name("documents") / "numbered_headings.txt").read_text(encoding="utf-8")


def page(response):
    return response.content.decode()


def test_the_bureau_list_links_to_the_import_page(staff_client):
    assert 'href="/admin/bureaus/bureau/import/"' in page(staff_client.get("/admin/bureaus/bureau/"))
    response = staff_client.get(URL)
    assert response.status_code == 200
    assert "Import a bureau document" in page(response)


def test_preview_shows_each_fact_beside_its_source_sentence_and_saves_nothing(staff_client):
    upload = SimpleUploadedFile("tiexi.txt", TIEXI.encode(), content_type="text/plain")
    response = staff_client.post(URL, {"action": "preview", "document": upload})
    assert response.status_code == 200
    html = page(response)
    assert "Review the imported draft" in html
    assert "shenyang-tiexi-district" in html
    assert "<td>Personnel Section</td><td>Responsible for teacher recruitment and staff management</td>" in html
    assert "<q>(2) Personnel Section: responsible for teacher recruitment and staff management.</q>" not in html
    assert "<q>Personnel Section: responsible for teacher recruitment and staff management.</q>" in html
    assert "is not one of the shared institution types" in html
    assert 'name="text"' in html and 'type="hidden"' in html
    assert Bureau.objects.count() == 0


def test_confirm_creates_the_draft_and_lands_on_its_change_page(staff_client):
    response = staff_client.post(URL, {"action": "confirm", "text": TIEXI, "title": "tiexi.txt"})
    bureau = Bureau.objects.get(slug="shenyang-tiexi-district")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/bureaus/bureau/{bureau.pk}/change/"
    assert not bureau.is_published
    assert bureau.sources.get().title == "tiexi.txt"
    change_page = page(staff_client.get(response["Location"]))
    assert "Office: responsible for the daily operation of the bureau." in change_page  # source sentence beside it
    assert "created from the document" in change_page


def test_pasted_text_works_too(staff_client):
    response = staff_client.post(URL, {"action": "preview", "text": TIEXI})
    assert "Review the imported draft" in page(response)


def test_cancel_saves_nothing(staff_client):
    response = staff_client.post(URL, {"action": "cancel", "text": TIEXI}, follow=True)
    assert "Import cancelled: nothing was saved." in page(response)
    assert Bureau.objects.count() == SourceDocument.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choose a file or paste the document&#x27;s text."),
        ({"text": "Beat three eggs with sugar."}, "This text is not about an education bureau"),
        ({"document": SimpleUploadedFile("empty.txt", b"")}, "The submitted file is empty."),
        (
            {"document": SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")},
            "photo.png is not a text document",
        ),
        ({"document": SimpleUploadedFile("gbk.txt", "和平区".encode("gb18030"))}, "gbk.txt is not UTF-8 text"),
        ({"document": SimpleUploadedFile("big.txt", b"x" * (1024 * 1024 + 1))}, "larger than 1 MB"),
        (
            {"document": SimpleUploadedFile("a.txt", TIEXI.encode()), "text": TIEXI},
            "Give either a file or pasted text, not both.",
        ),
    ],
)
def test_errors_show_on_the_form_and_nothing_is_saved(staff_client, data, message):
    for action in ("preview", "confirm"):
        for value in data.values():
            if hasattr(value, "seek"):
                value.seek(0)
        response = staff_client.post(URL, {"action": action, **data})
        assert response.status_code == 200
        assert message in page(response)
    assert Bureau.objects.count() == 0


def test_confirming_a_document_for_an_existing_slug_needs_replace(staff_client):
    staff_client.post(URL, {"action": "confirm", "text": TIEXI})
    changed = TIEXI.replace("1985", "1986")
    response = staff_client.post(URL, {"action": "confirm", "text": changed})
    assert "already exists" in page(response)
    assert Bureau.objects.get().established_year == 1985
    response = staff_client.post(URL, {"action": "confirm", "text": changed, "replace": "on"})
    assert response.status_code == 302
    assert Bureau.objects.get().established_year == 1986


def test_staff_without_the_add_permission_cannot_import(client, django_user_model):
    user = django_user_model.objects.create_user("viewer", password="a-long-test-password", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_bureau"))
    client.force_login(user)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"action": "confirm", "text": TIEXI}).status_code == 403
    assert Bureau.objects.count() == 0
