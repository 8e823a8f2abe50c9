"""A document imported with its division chosen by the loader: the import page's field (and the worklist's
link), and ``import_bureau --division``."""

import json
import re
from pathlib import Path

import pytest

from bureaus.importer import parse_document
from bureaus.importer.chosen import place_at
from bureaus.models import Bureau, SourceDocument
from bureaus.places.gazetteer import by_code

from .factories import BureauFactory, SourceDocumentFactory
from .test_import_command import run

pytestmark = pytest.mark.django_db

URL = "/admin/bureaus/bureau/import/"
DOCUMENTS = Path(__file__).with_name("documents")
TIEXI = DOCUMENTS / "numbered_headings.txt"  # Tiexi District, Shenyang (210106)
HEPING = "210102"  # Heping District, Shenyang
# A page that names no place at all: its duties make it a bureau's.
NOWHERE = (
    "The county Education Bureau is the department of the county government in charge of education.\n"
    "Main responsibilities:\n1. Implement the national education policies.\n"
    "2. Manage primary and secondary schools and kindergartens.\n3. Supervise the quality of teaching.\n"
)


def page(response):
    return response.content.decode()


def text(response):
    """The page's words, tags and runs of white space aside."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page(response)))


# The rule itself -------------------------------------------------------------


def test_a_page_naming_no_place_is_placed_at_the_chosen_division_and_its_place_warnings_go():
    draft = parse_document(NOWHERE, title="duties.txt")
    assert "The district or county could not be read: choose it before publishing." in draft.warnings
    place_at(draft, by_code()[HEPING])
    assert (draft.district, draft.city, draft.province, draft.division_code) == (
        "Heping District", "Shenyang", "Liaoning", HEPING,
    )  # fmt: skip
    assert draft.slug == "shenyang-heping-district"
    assert not any("could not be read: choose" in w or "province could not be read" in w for w in draft.warnings)
    assert "The bureau's name could not be read: type it in before publishing." in draft.warnings  # not answered
    assert not any("loader chose" in warning for warning in draft.warnings)


def test_a_page_naming_another_county_is_placed_where_chosen_with_a_warning():
    draft = parse_document(TIEXI.read_text(encoding="utf-8"), title="tiexi.txt")
    place_at(draft, by_code()[HEPING])
    assert draft.division_code == HEPING and draft.district == "Heping District"
    assert draft.warnings[0].startswith(
        "The text names Tiexi District (Tiexi District, Shenyang City, Liaoning), but the loader chose Heping "
        "District, Shenyang City, Liaoning (code 210102): the draft is placed there."
    )


def test_the_chosen_division_the_text_also_names_gets_no_warning():
    draft = parse_document(TIEXI.read_text(encoding="utf-8"), title="tiexi.txt")
    place_at(draft, by_code()["210106"])
    assert not any("loader chose" in warning for warning in draft.warnings)


# The import page ---------------------------------------------------------------


def test_the_worklist_link_opens_the_import_page_with_the_division_chosen(staff_client):
    response = staff_client.get(URL, {"division": HEPING})
    assert response.status_code == 200
    assert f'name="division" value="{HEPING}"' in page(response)
    assert "Chosen by the loader: Heping District, Shenyang City, Liaoning (" in text(response)
    assert '<span lang="zh-Hans">和平区</span>' in page(response)


@pytest.mark.parametrize("code", ["999999", "210100", "abc", "2101021"])
def test_an_unknown_or_non_county_code_in_the_link_is_a_plain_error(staff_client, code):
    response = staff_client.get(URL, {"division": code})
    assert response.status_code == 200
    assert f"“{code}” is not the code of a county-level division in the gazetteer" in page(response)
    assert "Chosen by the loader" not in page(response)


def test_preview_and_confirm_place_the_draft_at_the_chosen_division(staff_client):
    response = staff_client.post(URL, {"action": "preview", "text": NOWHERE, "division": HEPING})
    assert response.status_code == 200
    html = text(response)
    assert "Review the imported draft" in html
    assert "chosen by the loader: Heping District, Shenyang City, Liaoning (210102)" in html
    assert "The district or county could not be read" not in html
    assert f'name="division" value="{HEPING}"' in page(response)  # carried to the confirm step
    assert 'name="district"' not in page(response)  # the division decides the place
    assert Bureau.objects.count() == 0
    source = re.search(r'name="source" value="([^"]+)"', page(response)).group(1)
    response = staff_client.post(
        URL, {"action": "confirm", "source": source, "title": "duties.txt", "division": HEPING}
    )
    assert response.status_code == 302
    bureau = Bureau.objects.get()
    assert (bureau.division_code, bureau.district, bureau.city, bureau.province, bureau.slug) == (
        HEPING, "Heping District", "Shenyang", "Liaoning", "shenyang-heping-district",
    )  # fmt: skip
    assert not bureau.is_published


def test_typed_place_fields_cannot_contradict_the_chosen_division(staff_client):
    staff_client.post(
        URL, {"action": "confirm", "text": NOWHERE, "division": HEPING, "district": "Tiexi District", "city": "Anshan"}
    )
    assert Bureau.objects.get().district == "Heping District"


def test_a_page_naming_another_county_is_reviewed_with_a_warning(staff_client):
    response = staff_client.post(
        URL, {"action": "preview", "text": TIEXI.read_text(encoding="utf-8"), "division": HEPING}
    )
    assert "The text names Tiexi District (Tiexi District, Shenyang City, Liaoning), but the loader chose" in text(
        response
    )


@pytest.mark.parametrize("action", ["preview", "confirm"])
def test_a_bad_division_on_the_form_is_a_field_error_and_nothing_is_saved(staff_client, action):
    response = staff_client.post(URL, {"action": action, "text": NOWHERE, "division": "210100"})
    assert response.status_code == 200
    assert "“210100” is not the code of a county-level division in the gazetteer" in page(response)
    assert Bureau.objects.count() == 0


def test_the_chosen_divisions_bureau_gets_the_document_by_the_existing_rules(staff_client):
    """A bureau for the division exists: a page in its language is refused unless replacing, as for any import."""
    heping = BureauFactory(
        slug="shenyang-heping-district", division_code=HEPING, draft=True, name="Heping District Education Bureau"
    )
    SourceDocumentFactory(bureau=heping)  # an English source: a second English page replaces, only on purpose
    response = staff_client.post(URL, {"action": "confirm", "text": NOWHERE, "division": HEPING})
    assert response.status_code == 200
    assert "already exists" in page(response)
    assert Bureau.objects.count() == 1 and SourceDocument.objects.count() == 1
    response = staff_client.post(URL, {"action": "confirm", "text": NOWHERE, "division": HEPING, "replace": "on"})
    assert response.status_code == 302
    bureau = Bureau.objects.get()
    assert bureau.duties.count() == 3
    assert bureau.sources.filter(warning_count__isnull=False).count() == 1


def test_a_division_whose_bureau_is_another_editors_is_not_named(client, django_user_model):
    from django.contrib.auth.models import Permission

    BureauFactory(slug="shenyang-heping-district", division_code=HEPING, draft=True, name="Secret Draft Bureau")
    user = django_user_model.objects.create_user("loader", password="a-long-test-password", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["add_bureau", "view_bureau", "change_bureau"]))
    client.force_login(user)
    response = client.post(URL, {"action": "confirm", "text": NOWHERE, "division": HEPING, "replace": "on"})
    assert response.status_code == 200
    assert "Secret Draft Bureau" not in page(response)
    assert SourceDocument.objects.count() == 0


# The command -------------------------------------------------------------------


def test_the_command_places_a_file_at_the_division(tmp_path):
    document = tmp_path / "duties.txt"
    document.write_text(NOWHERE, encoding="utf-8")
    status, out, err = run(document, "--division", HEPING)
    assert status == 0, out + err
    assert "created  duties.txt → shenyang-heping-district" in out
    bureau = Bureau.objects.get()
    assert (bureau.division_code, bureau.district, bureau.province) == (HEPING, "Heping District", "Liaoning")


def test_the_commands_dry_run_says_the_division_in_its_json():
    status, out, _ = run("--dry-run", TIEXI, "--division", HEPING)
    assert status == 0
    printed = json.loads(out)
    assert printed["bureau"]["division_code"] == HEPING
    assert printed["warnings"][0].startswith("The text names Tiexi District")
    assert Bureau.objects.count() == 0


@pytest.mark.parametrize("code", ["999999", "210100", "x"])
def test_an_unknown_division_is_a_one_line_error_and_nothing_is_written(code):
    status, out, err = run(TIEXI, "--division", code)
    assert status == 1
    assert f"--division: “{code}” is not the code of a county-level division in the gazetteer" in out
    assert "Traceback" not in out + err
    assert Bureau.objects.count() == 0


def test_division_with_several_files_is_refused(tmp_path):
    status, out, _ = run(TIEXI, DOCUMENTS / "narrative.txt", "--division", HEPING)
    assert status == 1
    assert "--division describe one document: give one file with them" in out
    status, out, _ = run(DOCUMENTS, "--division", HEPING)  # a folder is several files
    assert status == 1 and "describe one document" in out
    assert Bureau.objects.count() == 0


def test_a_second_import_of_the_same_file_into_the_division_is_unchanged(tmp_path):
    run(TIEXI, "--division", HEPING)
    status, out, _ = run(TIEXI, "--division", HEPING)
    assert status == 0 and "unchanged  numbered_headings.txt → shenyang-heping-district" in out
    assert SourceDocument.objects.count() == 1
