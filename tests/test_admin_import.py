"""The admin's "Import document" page: preview, confirm, cancel and errors, through the test client."""

import hashlib
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bureaus.models import Bureau, SourceDocument
from bureaus.vocabulary import REFUSED_CHARACTERS_RE

from .factories import publish_form

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
    assert 'name="source"' in html and 'type="hidden"' in html
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


# What issue 10 found on this page, each with its test.


def user_with(django_user_model, client, *codenames):
    user = django_user_model.objects.create_user("importer", password="a-long-test-password", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


def test_replacing_a_bureau_needs_the_permission_to_change_it(client, staff_client, django_user_model):
    staff_client.post(URL, {"action": "confirm", "text": TIEXI})
    Bureau.objects.update(is_published=True)
    adder = user_with(django_user_model, client, "add_bureau", "view_bureau")
    changed = TIEXI.replace("1985", "1986")
    response = adder.post(URL, {"action": "confirm", "text": changed, "replace": "on"})
    assert response.status_code == 200
    assert "You may not change “Tiexi District Education Bureau”, so this document cannot be added to it." in page(
        response
    )
    bureau = Bureau.objects.get()
    assert (bureau.established_year, bureau.is_published) == (1985, True)


def test_the_error_for_an_existing_bureau_names_the_replace_box(staff_client):
    staff_client.post(URL, {"action": "confirm", "text": TIEXI})
    response = staff_client.post(URL, {"action": "confirm", "text": TIEXI.replace("1985", "1986")})
    html = page(response)
    assert "tick “Replace the facts of an existing bureau with the same slug" in html
    assert "--replace" not in html


def test_the_stored_source_is_the_uploaded_file_byte_for_byte(staff_client):
    original = "\n\n  " + TIEXI.replace("\n", "\r\n") + "\n\n   \n"
    upload = SimpleUploadedFile("tiexi.txt", original.encode(), content_type="text/plain")
    preview = page(staff_client.post(URL, {"action": "preview", "document": upload}))
    source = re.search(r'name="source" value="([^"]+)"', preview).group(1)
    response = staff_client.post(URL, {"action": "confirm", "source": source, "title": "tiexi.txt"})
    assert response.status_code == 302
    stored = SourceDocument.objects.get()
    assert stored.text == original
    assert stored.sha256 == hashlib.sha256(original.encode()).hexdigest()
    again = staff_client.post(URL, {"action": "confirm", "source": source, "title": "tiexi.txt"}, follow=True)
    assert "This document was imported before" in page(again)  # the same file is recognised
    assert SourceDocument.objects.count() == 1


def test_an_upload_is_refused_by_its_real_size(staff_client):
    upload = SimpleUploadedFile("huge.txt", b"Education Bureau. " * (1_200_000 // 18 * 17), content_type="text/plain")
    html = page(staff_client.post(URL, {"action": "preview", "document": upload}))
    assert f"huge.txt is {upload.size / 1048576:.1f} MB; documents larger than 1 MB are refused" in html
    assert "huge.txt is 1.0 MB" not in html


def test_pasting_more_than_the_limit_gets_a_form_error_not_a_bare_400(staff_client):
    text = "The Education Bureau. " * 120_000  # 2.6 MB
    response = staff_client.post(URL, {"action": "preview", "text": text})
    assert response.status_code == 200
    assert "The pasted text is 2.5 MB; documents larger than 1 MB are refused" in page(response)


def test_the_reviewer_fills_in_what_the_document_did_not_say(staff_client):
    text = (Path(__file__).with_name("documents") / "news_item.txt").read_text()
    preview = page(staff_client.post(URL, {"action": "preview", "text": text}))
    assert "may be any of: Heping District, Tianjin; Heping District, Shenyang City, Liaoning" in preview
    assert 'name="province"' in preview and 'name="city"' in preview
    response = staff_client.post(
        URL,
        {"action": "confirm", "text": text, "province": "Liaoning", "city": "Shenyang", "district": "Heping District"},
    )
    assert response.status_code == 302
    bureau = Bureau.objects.get()
    assert (bureau.slug, bureau.province, bureau.city, bureau.is_published) == (
        "shenyang-heping-district",
        "Liaoning",
        "Shenyang",
        False,
    )


def test_a_draft_missing_its_place_is_saved_but_says_it_cannot_be_published(staff_client):
    text = "Internal organization:\nOffice: responsible for documents.\nPersonnel unit: responsible for teachers.\nFinance Unit: responsible for education funds."
    response = staff_client.post(URL, {"action": "confirm", "text": text}, follow=True)
    bureau = Bureau.objects.get()
    assert bureau.slug.startswith("draft-") and bureau.province == "" and not bureau.is_published
    assert "It still needs its name and province and district before it can be published." in page(response)
    response = staff_client.post("/admin/bureaus/bureau/", {"action": "publish", "_selected_action": [bureau.pk]})
    bureau.refresh_from_db()
    assert not bureau.is_published


def test_types_a_draft_proposes_stay_out_of_public_lists_until_it_is_published(client, staff_client):
    staff_client.post(URL, {"action": "confirm", "text": TIEXI})
    proposed = "teacher-training-centre"
    assert proposed not in [t["slug"] for t in client.get("/api/institution-types/").json()["results"]]
    assert f'value="{proposed}"' not in page(client.get("/bureaus/"))
    bureau = Bureau.objects.get()
    staff_client.post("/admin/bureaus/bureau/", {"action": "publish", "_selected_action": [bureau.pk]})
    assert proposed in [t["slug"] for t in client.get("/api/institution-types/").json()["results"]]


def test_a_document_with_thousands_of_items_is_capped_with_a_warning(staff_client):
    text = "Main responsibilities:\n" + "".join(f"{i}. Manage the schools of part {i} well.\n" for i in range(1, 5000))
    html = page(staff_client.post(URL, {"action": "preview", "text": "Heping District Education Bureau.\n" + text}))
    assert "The text lists more than 300 items; only the first 300 were read." in html
    staff_client.post(URL, {"action": "confirm", "text": "Heping District Education Bureau.\n" + text})
    bureau = Bureau.objects.get()
    assert bureau.duties.count() == 300
    assert staff_client.get(f"/admin/bureaus/bureau/{bureau.pk}/change/").status_code == 200


def test_a_replace_based_on_an_older_preview_is_refused(staff_client):
    staff_client.post(URL, {"action": "confirm", "text": TIEXI})
    bureau = Bureau.objects.get()
    changed = TIEXI.replace("1985", "1986")
    preview = page(staff_client.post(URL, {"action": "preview", "text": changed, "replace": "on"}))
    seen = re.search(r'name="revision_seen" value="(\d+:\d+)"', preview).group(1)
    bureau.summary = "Edited by someone while the import was being reviewed."
    bureau.save()
    response = staff_client.post(URL, {"action": "confirm", "text": changed, "replace": "on", "revision_seen": seen})
    assert "after you previewed this import; nothing was replaced" in page(response)
    bureau.refresh_from_db()
    assert bureau.established_year == 1985 and bureau.summary.startswith("Edited by someone")


def test_replacing_a_published_bureau_fills_its_working_copy_and_the_public_page_stays(staff_client):
    visitor = Client()
    staff_client.post(URL, {"action": "confirm", "text": TIEXI})
    bureau = Bureau.objects.get()
    staff_client.post(f"/admin/bureaus/bureau/{bureau.pk}/publish/", publish_form(bureau))
    changed = TIEXI.replace("1985", "1986")
    preview = page(staff_client.post(URL, {"action": "preview", "text": changed, "replace": "on"}))
    seen = re.search(r'name="revision_seen" value="(\d+:\d+)"', preview).group(1)
    response = staff_client.post(URL, {"action": "confirm", "text": changed, "replace": "on", "revision_seen": seen})
    copy = Bureau.objects.get(draft_of=bureau)
    assert response.url == f"/admin/bureaus/bureau/{copy.pk}/change/"
    assert copy.established_year == 1986
    public = page(visitor.get(bureau.get_absolute_url()))
    assert "1985" in public and "1986" not in public
    assert visitor.get(copy.get_absolute_url()).status_code == 404  # the public never sees a working copy


def test_the_import_page_records_where_the_document_comes_from(staff_client):
    details = {
        "publisher": "Tiexi District People's Government",
        "url": "www.example.gov.cn/jyj/",
        "published_on": "2024-03-01",
    }
    preview = page(staff_client.post(URL, {"action": "preview", "text": TIEXI, **details}))
    assert 'value="Tiexi District People&#x27;s Government"' in preview  # carried to the confirm step
    staff_client.post(URL, {"action": "confirm", "text": TIEXI, **details})
    source = Bureau.objects.get().sources.get()
    assert (source.publisher, source.url, str(source.published_on)) == (
        "Tiexi District People's Government",
        "https://www.example.gov.cn/jyj/",  # an address typed without its scheme
        "2024-03-01",
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("url", "not an address", "Enter a valid URL."), ("published_on", "last spring", "Enter a valid date.")],
)
def test_bad_source_details_are_refused_and_nothing_is_saved(staff_client, field, value, message):
    response = staff_client.post(URL, {"action": "confirm", "text": TIEXI, field: value})
    assert message in page(response)
    assert not Bureau.objects.exists()


def test_invisible_characters_in_an_upload_are_removed_before_the_facts_are_read(staff_client):
    sneaky = "\ufeff" + TIEXI.replace("Office:", "Off\u200bice:").replace("founded in", "founded\u202e in")
    upload = SimpleUploadedFile("tiexi\u202etxt.exe", sneaky.encode(), content_type="text/plain")
    preview = page(staff_client.post(URL, {"action": "preview", "document": upload}))
    assert "invisible characters (U+202E, U+200B) were removed" in preview
    source = re.search(r'name="source" value="([^"]+)"', preview).group(1)
    title = re.search(r'name="title" value="([^"]+)"', preview).group(1)  # the file's name, shown to be typed over
    assert title == "tiexitxt.exe"
    response = staff_client.post(URL, {"action": "confirm", "source": source, "title": title})
    assert response.status_code == 302
    stored = SourceDocument.objects.get()
    assert (stored.text, stored.title) == (TIEXI, "tiexitxt.exe")
    office = Bureau.objects.get().departments.get(name_en="Office")
    assert office.source_quote == "Office: responsible for the daily operation of the bureau."


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "Tiexi \u202eDistrict Education Bureau", "contains an invisible right-to-left override (U+202E"),
        ("district", "Tiexi\u200b District", "contains an invisible zero-width space (U+200B"),
        ("publisher", "Tiexi \x85 Government", "contains a control character (U+0085"),
    ],
)
def test_what_the_reviewer_types_is_refused_with_invisible_characters(staff_client, field, value, message):
    for action in ("preview", "confirm"):
        response = staff_client.post(URL, {"action": action, "text": TIEXI, field: value})
        assert response.status_code == 200
        assert message in page(response)
    assert not Bureau.objects.exists()
    # The review step is shown again, the document travelling on: only the refused field needs correcting.
    assert "Review the imported draft" in page(response)
    source = re.search(r'name="source" value="([^"]+)"', page(response)).group(1)
    corrected = staff_client.post(
        URL, {"action": "confirm", "source": source, field: REFUSED_CHARACTERS_RE.sub("", value)}
    )
    assert corrected.status_code == 302
    assert Bureau.objects.get().slug == "shenyang-tiexi-district"


def test_the_importer_does_not_name_a_draft_the_user_cannot_see(client, staff_client, django_user_model):
    staff_client.post(URL, {"action": "confirm", "text": TIEXI})
    Bureau.objects.update(name_en="Secret Draft Name")  # someone else's draft, of the document's slug
    adder = user_with(django_user_model, client, "add_bureau", "view_bureau", "change_bureau")
    changed = TIEXI.replace("1985", "1986")
    for data in (
        {"action": "confirm", "text": changed},
        {"action": "confirm", "text": changed, "replace": "on"},
        {"action": "confirm", "text": TIEXI},  # the very document it was made from
    ):
        response = adder.post(URL, data, follow=True)
        html = page(response)
        assert "Secret Draft Name" not in html, data
        assert "already exists" in html or "imported before" in html, data
    assert Bureau.objects.get().established_year == 1985 and Bureau.objects.count() == 1


CHINESE = (Path(__file__).with_name("documents") / "chinese_bureau.txt").read_text(encoding="utf-8")


def test_a_chinese_page_is_previewed_and_confirmed_as_a_draft(staff_client):
    upload = SimpleUploadedFile("heping.txt", CHINESE.encode(), content_type="text/plain")
    html = page(staff_client.post(URL, {"action": "preview", "document": upload}))
    assert "Review the imported draft" in html
    assert "沈阳市和平区教育局" in html and "基础教育科" in html
    assert "Affiliated units" in html  # the units it kept apart, said to the reviewer
    assert Bureau.objects.count() == 0
    response = staff_client.post(URL, {"action": "confirm", "text": CHINESE, "title": "heping.txt"})
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    assert response.status_code == 302
    assert (bureau.name_zh_hans, bureau.name_en) == ("沈阳市和平区教育局", "")  # kept in the language it was read in
    assert bureau.departments.count() == 2 and bureau.duties.count() == 2


# Issue 20, item 3: a paragraph written as one long sentence, every count of it citing all of it.


def test_the_preview_of_one_long_sentence_shows_its_quotes_cut_short_and_saving_cites_all_of_it(staff_client):
    from bureaus.importer.segments import QUOTE_LIMIT

    # 25 kB, 1,000 counts, 300 kept (different numbers: the same count said again is one count)
    sentence = "".join(f"There are {100 + i} primary schools and {600 + i} kindergartens, " for i in range(500))
    text = "Heping District Education Bureau is located in Shenyang.\n" + sentence
    html = page(staff_client.post(URL, {"action": "preview", "text": text}))
    quotes = re.findall(r"<q>(.*?)</q>", html, re.S)
    assert len(quotes) > 300  # the bureau's facts' sentences and each count's
    assert max(len(quote) for quote in quotes) <= QUOTE_LIMIT
    assert quotes[-1].endswith("…")
    assert len(html) < 2_000_000  # it was 50 MB: every count quoted the whole paragraph, twice
    response = staff_client.post(URL, {"action": "confirm", "text": text})
    assert response.status_code == 302
    bureau = Bureau.objects.get()
    counts = bureau.institution_counts.all()
    assert len(counts) == 300  # the item cap, what the admin can save
    assert max(len(count.note) for count in counts) <= 500
    assert {(count.source_start, count.source_end) for count in counts} == {(57, 57 + len(sentence.strip()))}


# Issue 20, item 7: a working copy's slug is taken too.


def test_an_import_whose_slug_is_a_working_copys_gets_a_form_error_not_a_500(staff_client):
    from bureaus.publishing import start_working_copy

    from .factories import BureauFactory

    copy = start_working_copy(BureauFactory(slug="shenyang-tiexi", name="Tiexi District Education Bureau"))
    assert copy.slug == "shenyang-tiexi-working-copy"
    fields = {"text": TIEXI, "city": "Shenyang", "district": "Tiexi Working Copy"}
    response = staff_client.post(URL, {"action": "confirm", **fields, "replace": "on"})
    assert response.status_code == 200
    assert (
        "The slug “shenyang-tiexi-working-copy” is taken by the working copy of “Tiexi District Education Bureau”"
        in page(response)
    )
    assert Bureau.objects.count() == 2 and SourceDocument.objects.filter(bureau=copy).count() == 0


def test_a_chinese_page_for_an_english_bureaus_division_is_added_and_compared_side_by_side(staff_client, seed_data):
    response = staff_client.post(URL, {"action": "confirm", "text": CHINESE, "title": "沈阳市和平区教育局 机构职能"})
    heping = Bureau.objects.get(slug="shenyang-heping-district")
    copy = heping.working_copy
    assert response.status_code == 302 and response.url == f"/admin/bureaus/bureau/{copy.pk}/change/"
    assert Bureau.objects.originals().filter(division_code="210102").count() == 1  # still one bureau
    followed = page(staff_client.get(response.url))
    assert "has this document added beside its other sources" in followed
    assert f'href="/admin/bureaus/bureau/{copy.pk}/sources/"' in followed

    side_by_side = page(staff_client.get(f"/admin/bureaus/bureau/{copy.pk}/sources/"))
    table = side_by_side.split('class="side-by-side"')[1]
    english, chinese = table.split('<th scope="col">')[1:3]
    assert "seed document 001" in english and '<span lang="zh-Hans">沈阳市和平区教育局 机构职能</span>' in chinese
    columns = table.split("<td>")[1:3]
    assert '<li lang="en">Office</li>' in columns[0] and "基础教育科" not in columns[0]
    assert '<li lang="zh-Hans">基础教育科</li>' in columns[1] and '<li lang="en">Office</li>' not in columns[1]


def test_a_page_for_another_editors_division_is_neither_added_nor_a_second_bureau(client, seed_data, django_user_model):
    from bureaus.models import Assignment

    user_with(django_user_model, client, "add_bureau", "change_bureau", "view_bureau")
    Assignment.objects.create(
        user=django_user_model.objects.get(username="importer"),
        bureau=Bureau.objects.get(slug="changchun-new-district"),
    )
    response = client.post(URL, {"action": "confirm", "text": CHINESE, "title": "heping.txt"})
    assert response.status_code == 200
    assert "so this document cannot be added to it" in page(response)
    heping = Bureau.objects.get(slug="shenyang-heping-district")
    assert heping.working_copy_or_none() is None and Bureau.objects.count() == 3
    assert client.get(f"/admin/bureaus/bureau/{heping.pk}/sources/").status_code in (302, 403)


# Issue 21: the page's title and address as labelled inputs, stored with the source and cited as evidence.

SCOPE_ONLY = "本局是县人民政府主管全县教育事业的工作部门。\n内设机构\n（一）办公室。负责机关日常运转工作。\n（二）人事股。负责全县教师队伍管理工作。\n"


def test_the_title_and_address_are_visible_labelled_inputs(staff_client):
    html = page(staff_client.get(URL))
    assert re.search(r'<label for="id_title">Title of the page:</label> <input type="text" name="title"', html)
    assert re.search(r'<label for="id_url">Where it was found \(address\):</label> <input type="url" name="url"', html)


def test_the_title_and_address_name_and_place_the_bureau_cited_as_such_and_are_stored(staff_client):
    fields = {"text": SCOPE_ONLY, "title": "平遥县教育局 机构职能", "url": "www.pingyao.gov.cn/jyj/"}
    html = page(staff_client.post(URL, {"action": "preview", **fields}))
    assert "<td>Name</td><td>平遥县教育局</td><td>from the page title: «平遥县教育局 机构职能»</td>" in html
    assert (
        "<td>Location</td><td>Pingyao County, Jinzhong, Shanxi</td><td>from the page title: «平遥县教育局 机构职能»</td>"
        in html
    )
    assert 'value="平遥县教育局 机构职能"' in html and 'value="https://www.pingyao.gov.cn/jyj/"' in html  # carried on
    response = staff_client.post(URL, {"action": "confirm", **fields})
    assert response.status_code == 302
    source = Bureau.objects.get(slug="jinzhong-pingyao-county").sources.get()
    assert (source.title, source.url) == ("平遥县教育局 机构职能", "https://www.pingyao.gov.cn/jyj/")


def test_the_address_alone_places_the_bureau_cited_as_such(staff_client):
    html = page(staff_client.post(URL, {"action": "preview", "text": SCOPE_ONLY, "url": "www.pingyao.gov.cn"}))
    assert (
        "<td>Location</td><td>Pingyao County, Jinzhong, Shanxi</td><td>from the address: «www.pingyao.gov.cn»</td>"
        in html
    )
    assert "The place was read from the page&#x27;s address (www.pingyao.gov.cn)" in html


def test_an_uploads_title_is_its_file_name_unless_one_is_typed(staff_client):
    for title, stored in (("", "tiexi.txt"), ("Tiexi District Education Bureau", "Tiexi District Education Bureau")):
        upload = SimpleUploadedFile("tiexi.txt", TIEXI.encode(), content_type="text/plain")
        html = page(staff_client.post(URL, {"action": "preview", "document": upload, "title": title}))
        assert f'name="title" value="{stored}"' in html
    staff_client.post(URL, {"action": "confirm", "text": TIEXI, "title": "Tiexi District Education Bureau"})
    assert SourceDocument.objects.get().title == "Tiexi District Education Bureau"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Tiexi \u202eDistrict", "contains an invisible right-to-left override (U+202E"),
        ("x" * 301, "Ensure this value has at most 300 characters (it has 301)."),
    ],
)
def test_a_bad_title_is_refused_and_kept_for_correcting_and_nothing_is_saved(staff_client, value, message):
    for action in ("preview", "confirm"):
        response = staff_client.post(URL, {"action": action, "text": TIEXI, "title": value})
        assert response.status_code == 200
        assert message in page(response)
    assert not Bureau.objects.exists()
    assert "Review the imported draft" in page(response)
    source = re.search(r'name="source" value="([^"]+)"', page(response)).group(1)
    corrected = staff_client.post(URL, {"action": "confirm", "source": source, "title": "Tiexi"})
    assert corrected.status_code == 302
    assert SourceDocument.objects.get().title == "Tiexi"
