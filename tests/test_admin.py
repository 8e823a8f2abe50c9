"""The staff admin: saving a bureau with its inlines through the admin's own forms, and refusing bad input."""

import pytest
from django.conf import settings
from django.contrib.admin.models import LogEntry

from bureaus import publishing
from bureaus.models import Bureau, Department, Duty, InstitutionCount

from .factories import BureauFactory, DepartmentFactory, InstitutionTypeFactory, working_copy

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/bureaus/bureau/add/"
INLINES = {
    "departments": ["position", "name", "responsibility"],
    "duties": ["position", "kind", "title", "text"],
    "achievements": ["position", "text"],
    "institution_counts": ["position", "category", "count", "as_of_year", "note"],
    "fact_sources": [],
    "sources": [],
}


def admin_post_data(bureau_fields=None, **rows):
    """POST data for the bureau add/change form: the bureau's fields plus each inline's management form.

    ``rows`` maps an inline prefix to a list of dicts, one per new row. Texts given as "name", "summary",
    "responsibility", "title" or "text" are typed in English (their ``_en`` field).
    """
    data = {
        "name_en": "Tiexi District Education Bureau",
        "slug": "shenyang-tiexi-district",
        "province": "Liaoning",
        "city": "Shenyang",
        "district": "Tiexi District",
        "address": "",
        "established_year": "",
        "predecessor": "",
        "summary_en": "A test bureau.",
        "is_published": "on",
        **english(bureau_fields or {}),
    }
    for prefix in INLINES:
        items = rows.get(prefix, [])
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(len(items)),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
        for index, item in enumerate(items):
            for field, value in english(item).items():
                data[f"{prefix}-{index}-{field}"] = value
    return data


def english(fields):
    """``fields`` with each bilingual text under its English field's name."""
    return {f"{name}_en" if name in ("name", "summary", "responsibility", "title", "text") else name: value
            for name, value in fields.items()}  # fmt: skip


@pytest.fixture
def kindergarten():
    return InstitutionTypeFactory(slug="kindergarten", name="Kindergarten", plural="kindergartens")


def errors_of(response):
    return response.content.decode()


def test_admin_saves_a_bureau_with_all_its_inlines(staff_client, kindergarten):
    response = staff_client.post(
        ADD_URL,
        admin_post_data(
            {"established_year": "1994"},
            departments=[
                {"name": "Office", "responsibility": "Coordinates the work between departments"},
                {"name": "Basic education department", "responsibility": ""},
            ],
            duties=[
                {"kind": "responsibility", "title": "", "text": "Formulate education plans"},
                {"kind": "plan", "title": "Equity", "text": "Promote educational equity"},
            ],
            achievements=[{"text": "Enrollment reached the national average"}],
            institution_counts=[{"category": kindergarten.pk, "count": "6", "as_of_year": "2023", "note": ""}],
        ),
    )
    assert response.status_code == 302, errors_of(response)
    bureau = Bureau.objects.get(slug="shenyang-tiexi-district")
    assert bureau.established_year == 1994
    assert list(bureau.departments.values_list("name_en", "position")) == [
        ("Office", 1),
        ("Basic education department", 2),
    ]
    assert list(bureau.duties.values_list("kind", "position")) == [("responsibility", 1), ("plan", 2)]
    assert bureau.achievements.get().text == "Enrollment reached the national average"
    count = bureau.institution_counts.get()
    assert (count.category, count.count, count.as_of_year) == (kindergarten, 6, 2023)
    assert LogEntry.objects.filter(object_id=str(bureau.pk)).exists()  # history


@pytest.mark.parametrize(
    ("bureau_fields", "rows", "message"),
    [
        ({"name": ""}, {}, "A bureau cannot be published without its name: fill them in first."),
        ({"province": "Beijing", "city": "Beijing"}, {}, "Beijing is a municipality"),
        ({"established_year": "1066"}, {}, "Ensure this value is greater than or equal to 1900."),
        ({}, {"departments": [{"name": "", "responsibility": "Something"}]}, "Please give the department a name."),
        (
            {},
            {"departments": [{"name": "Office", "responsibility": ""}, {"name": "office", "responsibility": ""}]},
            "Two departments are both named “office”. Each department of a bureau needs its own name.",
        ),
        ({}, {"institution_counts": [{"category": "KG", "count": "-3"}]}, "A count cannot be negative."),
        ({}, {"duties": [{"kind": "wish", "text": "x"}]}, "Select a valid choice."),
        ({"summary": "Forged \x02mark\x03 here"}, {}, "contains a control character (U+0002, line 1)"),
        ({}, {"duties": [{"kind": "task", "text": "A \x1b[31m red task"}]}, "contains a control character (U+001B"),
        (
            {"name": "Heping \u202eDistrict Education Bureau"},
            {},
            "contains an invisible right-to-left override (U+202E",
        ),
        ({"summary": "A C1 \x9b control"}, {}, "contains a control character (U+009B, line 1)"),
        (
            {},
            {"departments": [{"name": "Off\u200bice", "responsibility": ""}]},
            "contains an invisible zero-width space (U+200B, line 1)",
        ),
    ],
)
def test_admin_refuses_bad_input_in_plain_words_and_saves_nothing(
    staff_client, kindergarten, bureau_fields, rows, message
):
    rows = {
        prefix: [{**row, "category": kindergarten.pk} if "category" in row else row for row in items]
        for prefix, items in rows.items()
    }
    # Every bad form comes with good rows beside it: none of them may be saved either.
    rows.setdefault("achievements", [{"text": "A good row"}])
    response = staff_client.post(ADD_URL, admin_post_data(bureau_fields, **rows))
    assert response.status_code == 200
    assert message in errors_of(response)
    assert Bureau.objects.count() == 0
    assert Department.objects.count() == Duty.objects.count() == InstitutionCount.objects.count() == 0


def test_changing_a_bureau_rejects_a_duplicate_of_an_existing_department(staff_client):
    bureau = BureauFactory(slug="shenyang-tiexi-district", draft=True)
    existing = DepartmentFactory(bureau=bureau, name="Office", position=1)
    data = admin_post_data(departments=[{"name": "Office", "responsibility": "", "position": ""}])
    data.update(
        {
            "departments-TOTAL_FORMS": "2",
            "departments-INITIAL_FORMS": "1",
            "departments-0-id": str(existing.pk),
            "departments-0-bureau": str(bureau.pk),
            "departments-0-name_en": "Office",
            "departments-0-position": "1",
            "departments-0-responsibility_en": "",
            "departments-1-name_en": "Office",
            "departments-1-position": "",
            "departments-1-responsibility_en": "",
            "summary_en": "Changed summary",
        }
    )
    response = staff_client.post(f"/admin/bureaus/bureau/{bureau.pk}/change/", data)
    assert response.status_code == 200
    assert "Two departments are both named “Office”." in errors_of(response)
    bureau.refresh_from_db()
    assert bureau.summary != "Changed summary"
    assert bureau.departments.count() == 1


def test_admin_list_filters_and_search(staff_client, seed_data):
    response = staff_client.get("/admin/bureaus/bureau/?province=Jilin")
    assert response.status_code == 200
    assert list(response.context["cl"].result_list.values_list("slug", flat=True)) == ["changchun-new-district"]
    found = staff_client.get("/admin/bureaus/bureau/?q=preschool")
    assert list(found.context["cl"].result_list.values_list("slug", flat=True)) == ["shenyang-heping-district"]


def test_change_page_has_view_on_site_and_autocomplete(staff_client, seed_data):
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    page = staff_client.post(f"/admin/bureaus/bureau/{bureau.pk}/edit/", follow=True).content.decode()
    assert "View on site" in page
    assert "admin-autocomplete" in page
    assert "Shenyang Zhongyuan District Education Bureau" in page
    autocomplete = staff_client.get(
        "/admin/autocomplete/",
        {"term": "kinder", "app_label": "bureaus", "model_name": "institutioncount", "field_name": "category"},
    )
    assert [item["text"] for item in autocomplete.json()["results"]] == ["Kindergarten"]


def test_publish_action_publishes_and_stamps_the_update(staff_client):
    draft = BureauFactory(draft=True)
    before = draft.updated_at
    response = staff_client.post("/admin/bureaus/bureau/", {"action": "publish", "_selected_action": [draft.pk]})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published
    assert draft.updated_at > before


def test_source_text_cannot_be_rewritten_once_stored(staff_client, seed_data):
    source = Bureau.objects.get(slug="changchun-new-district").sources.get()
    page = staff_client.get(f"/admin/bureaus/sourcedocument/{source.pk}/change/").content.decode()
    assert 'name="text"' not in page
    assert "with 9 offices and 5 offices" in page


def test_the_public_cannot_reach_the_admin(client):
    response = client.get(ADD_URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# Edit conflicts ----------------------------------------------------------------


def change_form_data(client, bureau, **changes):
    """The bureau's change form as the browser would send it back, with ``changes``."""
    response = client.get(f"/admin/bureaus/bureau/{bureau.pk}/change/")
    form = response.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields if name != "is_published"}
    data.update(english(changes))
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        data.update({management.add_prefix(k): v or 0 for k, v in management.initial.items()})
        for inline_form in formset.formset.forms:
            for name in inline_form.fields:
                value = inline_form[name].value()
                data[inline_form.add_prefix(name)] = "" if value is None else value
    return data


def test_a_second_save_based_on_an_older_version_is_refused_and_the_first_is_kept(staff_client_factory):
    bureau = working_copy(BureauFactory(slug="shenyang-tiexi-district", name="Tiexi District Education Bureau"))
    first, second = staff_client_factory("first"), staff_client_factory("second")
    first_data = change_form_data(first, bureau, name="Renamed by the first")
    second_data = change_form_data(second, bureau, summary="Summary by the second")
    assert first.post(f"/admin/bureaus/bureau/{bureau.pk}/change/", first_data).status_code == 302

    response = second.post(f"/admin/bureaus/bureau/{bureau.pk}/change/", second_data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "first changed this bureau at" in page and "Nothing of yours was saved" in page
    assert f'href="/admin/bureaus/bureau/{bureau.draft_of_id}/history/"' in page  # where to see their change
    assert "Summary by the second" in page  # the second person's input stays in the form
    bureau.refresh_from_db()
    assert bureau.name == "Renamed by the first" and bureau.summary != "Summary by the second"

    # Saving again, having seen the warning, keeps the second person's change on purpose.
    again = dict(second_data, revision_seen=response.context["adminform"].form["revision_seen"].value())
    assert second.post(f"/admin/bureaus/bureau/{bureau.pk}/change/", again).status_code == 302
    bureau.refresh_from_db()
    assert bureau.summary == "Summary by the second"


# Provenance of staff edits --------------------------------------------------------


def test_a_fact_staff_change_is_marked_as_their_edit_and_loses_its_source_link(staff_client, client, seed_data):
    published = Bureau.objects.get(slug="shenyang-heping-district")
    bureau = working_copy(published)
    duty = bureau.duties.order_by("position").first()
    untouched = bureau.duties.order_by("position")[1]
    assert duty.source_anchor
    data = change_form_data(staff_client, bureau, established_year="1995")
    prefix = next(
        key.rsplit("-", 2)[0] for key, value in data.items() if key.endswith("-id") and str(value) == str(duty.pk)
    )
    index = next(
        key.split("-")[-2] for key, value in data.items() if key.endswith("-id") and str(value) == str(duty.pk)
    )
    data[f"{prefix}-{index}-text_en"] = (
        "Formulate and implement the district's education plans, as the bureau now words it"
    )
    response = staff_client.post(f"/admin/bureaus/bureau/{bureau.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:500]

    duty.refresh_from_db()
    untouched.refresh_from_db()
    assert (duty.source_id, duty.source_start, duty.edited_by.username) == (None, None, "editor")
    assert untouched.source_anchor and untouched.edited_at is None  # only what was changed
    founded = bureau.fact_sources.get(fact="established_year")
    assert founded.source_id is None and founded.edited_at is not None

    publishing.publish(bureau, duty.edited_by)
    page = client.get(published.get_absolute_url()).content.decode()
    assert page.count("edited by the bureau") == 2  # the duty and the founding year
    assert "as the bureau now words it" in page
    change_page = staff_client.post(f"/admin/bureaus/bureau/{published.pk}/edit/", follow=True).content.decode()
    assert "Edited by editor on" in change_page


def test_an_edited_fact_can_be_pointed_at_a_source_sentence_again(staff_client, seed_data):
    bureau = working_copy(Bureau.objects.get(slug="shenyang-heping-district"))
    duty = bureau.duties.order_by("position").first()
    sentence = duty.source_quote
    duty.mark_edited(None, bureau.updated_at)
    duty.save()
    data = change_form_data(staff_client, bureau)
    prefix, index = next(
        key.rsplit("-", 2)[:2] for key, value in data.items() if key.endswith("-id") and str(value) == str(duty.pk)
    )
    data[f"{prefix}-{index}-quote"] = "Words no source of this bureau contains."
    response = staff_client.post(f"/admin/bureaus/bureau/{bureau.pk}/change/", data)
    assert response.status_code == 200
    assert "This sentence is not in any of the bureau&#x27;s source documents" in response.content.decode()

    data[f"{prefix}-{index}-quote"] = sentence
    assert staff_client.post(f"/admin/bureaus/bureau/{bureau.pk}/change/", data).status_code == 302
    duty.refresh_from_db()
    assert duty.source_quote == sentence and duty.edited_at is None


def test_staff_record_who_published_a_source_of_a_draft_bureau(staff_client):
    from bureaus.models import SourceDocument

    bureau = BureauFactory(draft=True)
    source = SourceDocument.objects.create(bureau=bureau, title="Profile", text="The bureau was founded in 1990.")
    url = f"/admin/bureaus/sourcedocument/{source.pk}/change/"
    data = {"title": "Profile", "publisher": "District Government", "url": "not an address", "published_on": ""}
    response = staff_client.post(url, data)
    assert response.status_code == 200 and "Enter a valid URL." in response.content.decode()
    data.update(url="https://www.example.gov.cn/jyj/", published_on="2024-03-01")
    assert staff_client.post(url, data).status_code == 302
    source.refresh_from_db()
    assert (source.publisher, source.url, str(source.published_on)) == (
        "District Government",
        "https://www.example.gov.cn/jyj/",
        "2024-03-01",
    )
    assert source.text == "The bureau was founded in 1990."  # the evidence itself is never rewritten


# Size ----------------------------------------------------------------------------


def test_a_bureau_with_as_many_items_as_the_importer_allows_is_saved_through_the_admin(staff_client):
    """Every row of the costliest kind (duties: a title and a text in each language), every "delete" box
    ticked: the most form fields a bureau at the importer's cap makes a browser send."""
    from benchmarks.mixed import FormFields
    from bureaus.models.parts import ITEM_PARTS
    from bureaus.vocabulary import MAX_ITEMS

    bureau = BureauFactory(draft=True)
    Duty.objects.bulk_create(
        Duty(bureau=bureau, kind="task", text_en=f"Task {n}", position=n + 1) for n in range(MAX_ITEMS)
    )
    url = f"/admin/bureaus/bureau/{bureau.pk}/change/"
    page = staff_client.get(url)
    row_widths = {
        inline.formset.prefix: len(inline.formset.empty_form.fields) for inline in page.context["inline_admin_formsets"]
    }
    item_rows = {part.relation: row_widths[part.relation] for part in ITEM_PARTS}
    assert max(item_rows.values()) == item_rows["duties"] == settings.ADMIN_FIELDS_PER_ITEM, item_rows
    parser = FormFields()
    parser.feed(page.content.decode())
    data = [*parser.fields, *((f"duties-{n}-DELETE", "on") for n in range(MAX_ITEMS))]
    data = {name: [value for key, value in data if key == name] for name, _ in data}

    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:300]
    assert not bureau.duties.exists()


def test_a_bureau_cannot_grow_past_the_item_cap_in_the_admin_and_says_so(staff_client):
    """Rows added by hand count with the others: past the cap the loaders could not load the bureau back."""
    from benchmarks.mixed import FormFields
    from bureaus.vocabulary import MAX_ITEMS

    bureau = BureauFactory(draft=True)
    Duty.objects.bulk_create(
        Duty(bureau=bureau, kind="responsibility", text_en=f"Duty {n}", position=n + 1) for n in range(MAX_ITEMS)
    )
    url = f"/admin/bureaus/bureau/{bureau.pk}/change/"
    parser = FormFields()
    parser.feed(staff_client.get(url).content.decode())
    data = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value)
    data.update({"departments-TOTAL_FORMS": ["1"], "departments-0-position": ["1"],
                 "departments-0-name_en": ["Office"], "departments-0-bureau": [str(bureau.pk)]})  # fmt: skip
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert f"this one would have {MAX_ITEMS + 1}. Remove 1 of them" in response.content.decode()
    assert not bureau.departments.exists() and bureau.duties.count() == MAX_ITEMS
    data["duties-0-DELETE"] = ["on"]  # one out, one in: within the cap
    assert staff_client.post(url, data).status_code == 302
    assert bureau.departments.count() == 1 and bureau.duties.count() == MAX_ITEMS - 1
