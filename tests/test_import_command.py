"""``import_bureau``: drafts saved per file, dry runs, fixtures, re-imports, and bad files."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bureaus import publishing
from bureaus.models import Bureau, Department, Duty, FactSource, InstitutionCount, InstitutionType, SourceDocument

from .factories import DepartmentFactory, DutyFactory

pytestmark = pytest.mark.django_db

DOCUMENTS = Path(__file__).with_name("documents")
TIEXI = DOCUMENTS / "numbered_headings.txt"
NARRATIVE = DOCUMENTS / "narrative.txt"
RECIPE = DOCUMENTS / "recipe.txt"


def run(*args):
    """Run the command; return (exit status, stdout, stderr) as a shell would see them."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_bureau", *map(str, args), stdout=out, stderr=err)
        status = 0
    except CommandError as error:
        err.write(str(error))
        status = error.returncode
    return status, out.getvalue(), err.getvalue()


def test_import_saves_an_unpublished_draft_with_its_source_and_provenance():
    status, out, _ = run(TIEXI)
    assert status == 0
    assert "created  numbered_headings.txt → shenyang-tiexi-district" in out
    assert "Summary: 1 created." in out
    bureau = Bureau.objects.get(slug="shenyang-tiexi-district")
    assert not bureau.is_published
    assert bureau.established_year == 1985
    source = bureau.sources.get()
    assert source.text == TIEXI.read_text(encoding="utf-8")
    assert source.title == "numbered_headings.txt"
    office = bureau.departments.get(name_en="Office")
    assert office.source == source
    assert office.source_quote == "Office: responsible for the daily operation of the bureau."
    assert FactSource.objects.get(bureau=bureau, fact="established_year").source_quote.startswith(
        "The Tiexi District Education Bureau of Shenyang City, Liaoning Province, was founded in 1985."
    )
    assert InstitutionType.objects.get(slug="teacher-training-centre").name == "Teacher training centre"
    # A draft is not public until someone publishes it.
    assert Bureau.objects.published().count() == 0


def test_reimporting_the_same_document_changes_nothing():
    run(TIEXI)
    bureau = Bureau.objects.get()
    status, out, _ = run(TIEXI)
    assert status == 0
    assert "unchanged  numbered_headings.txt" in out
    assert Bureau.objects.get().updated_at == bureau.updated_at
    assert SourceDocument.objects.count() == 1


def test_a_changed_document_for_an_existing_slug_is_refused_without_replace(tmp_path):
    run(TIEXI)
    changed = tmp_path / "tiexi.txt"
    changed.write_text(TIEXI.read_text(encoding="utf-8").replace("1985", "1986"), encoding="utf-8")
    status, out, err = run(changed)
    assert status == 1
    assert "A bureau with the slug “shenyang-tiexi-district” already exists" in out
    assert "use --replace" in out
    assert Bureau.objects.get().established_year == 1985


def test_replace_of_a_published_bureau_fills_its_working_copy_and_keeps_hand_added_facts(tmp_path):
    run(TIEXI)
    bureau = Bureau.objects.get()
    bureau.is_published = True
    bureau.save()
    DepartmentFactory(bureau=bureau, name="Hand-added office", position=None)
    DutyFactory(bureau=bureau, kind="plan", text="Typed in by staff", position=None)
    changed = tmp_path / "tiexi.txt"
    changed.write_text(
        TIEXI.read_text(encoding="utf-8")
        .replace("1985", "1986")
        .replace("(3) Basic Education Section", "(3) Safety Section"),
        encoding="utf-8",
    )
    status, out, _ = run(changed, "--replace")
    assert status == 0, out
    assert "replaced  tiexi.txt → shenyang-tiexi-district-working-copy" in out
    # The published bureau is as it was: the document waits in its working copy for review.
    bureau.refresh_from_db()
    assert bureau.is_published and bureau.established_year == 1985
    assert "Safety Section" not in bureau.departments.values_list("name_en", flat=True)
    copy = Bureau.objects.get(draft_of=bureau)
    assert copy.established_year == 1986 and not copy.is_published
    assert list(copy.departments.values_list("name_en", "position")) == [
        ("Office", 1),
        ("Personnel Section", 2),
        ("Safety Section", 3),
        ("Hand-added office", 4),
    ]
    assert copy.duties.last().text == "Typed in by staff"
    assert copy.sources.count() == 2
    assert set(FactSource.objects.filter(bureau=copy).values_list("source__bureau", flat=True)) == {copy.pk}

    # The same document again changes nothing; once published, the bureau has the document's facts.
    status, out, _ = run(changed, "--replace")
    assert "unchanged" in out and Bureau.objects.count() == 2
    publishing.publish(copy, None)
    bureau.refresh_from_db()
    assert bureau.established_year == 1986 and bureau.sources.count() == 2
    assert Bureau.objects.count() == 1


def test_dry_run_prints_open_data_json_and_writes_nothing():
    status, out, err = run("--dry-run", TIEXI)
    assert status == 0
    printed = json.loads(out)
    assert printed["file"] == "numbered_headings.txt"
    data = printed["bureau"]
    assert data["slug"] == "shenyang-tiexi-district"
    assert data["established_year"] == 1985
    assert data["region"] == {"province": "Liaoning", "city": "Shenyang", "district": "Tiexi District"}
    assert data["sources"][0]["title"] == "numbered_headings.txt"
    assert "drafted  numbered_headings.txt" in err
    assert Bureau.objects.count() == InstitutionType.objects.count() == 0


def test_dry_run_of_several_files_prints_a_list():
    status, out, _ = run("--dry-run", TIEXI, NARRATIVE)
    assert status == 0
    assert [item["bureau"]["slug"] for item in json.loads(out)] == [
        "shenyang-tiexi-district",
        "shanghai-pudong-new-area",
    ]


def test_output_writes_a_fixture_that_loaddata_loads(tmp_path):
    fixture = tmp_path / "drafts.json"
    status, out, _ = run("--output", fixture, TIEXI, NARRATIVE)
    assert status == 0
    assert f"fixture written to {fixture}" in out
    assert Bureau.objects.count() == 0
    records = json.loads(fixture.read_text(encoding="utf-8"))
    assert all("pk" not in record for record in records)
    call_command("loaddata", str(fixture), verbosity=0)
    call_command("loaddata", str(fixture), verbosity=0)  # loading again duplicates nothing
    assert set(Bureau.objects.values_list("slug", flat=True)) == {"shenyang-tiexi-district", "shanghai-pudong-new-area"}
    tiexi = Bureau.objects.get(slug="shenyang-tiexi-district")
    assert tiexi.departments.count() == 3
    assert tiexi.departments.first().source_quote.startswith("Office: responsible")
    assert InstitutionCount.objects.filter(bureau=tiexi).count() == 7


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    status, out, err = run(TIEXI, empty, RECIPE, binary, NARRATIVE, tmp_path / "missing.txt")
    assert status == 1
    assert "empty.txt: empty.txt is empty: there is no text to import." in out
    assert "recipe.txt: This text is not about an education bureau" in out
    assert "photo.txt: photo.txt is not a text document" in out
    assert "missing.txt does not exist" in out
    assert "Summary: 2 created, 4 failed." in out
    assert "4 of 6 file(s) could not be imported." in err
    assert "Traceback" not in out + err
    assert set(Bureau.objects.values_list("slug", flat=True)) == {"shenyang-tiexi-district", "shanghai-pudong-new-area"}


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00\x00", "和平区".encode("gb18030"), b"x" * (1024 * 1024 + 10)])
def test_a_single_bad_file_exits_1_and_writes_nothing(tmp_path, content):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    fixture = tmp_path / "out.json"
    for args in ([path], ["--output", fixture, path]):
        status, out, _ = run(*args)
        assert status == 1
        assert "failed  bad.txt:" in out
    status, out, err = run("--dry-run", path)  # its standard output is JSON, the summary goes to standard error
    assert status == 1
    assert "failed  bad.txt:" in err and json.loads(out)["refused"].startswith("bad.txt ")
    assert not fixture.exists()
    assert Bureau.objects.count() == Department.objects.count() == Duty.objects.count() == 0


def test_the_command_exits_1_from_the_shell(tmp_path):
    import subprocess
    import sys

    from django.conf import settings

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_bureau", "--dry-run", str(empty)],
        cwd=settings.BASE_DIR,
        env={"DJANGO_DEBUG": "1", "PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "empty.txt is empty" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_progress_bar_is_drawn_on_a_terminal_only(monkeypatch, capsys):
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    run(TIEXI, NARRATIVE)
    bar = capsys.readouterr().err
    assert "[###############...............] 1/2 narrative.txt" in bar
    assert "[##############################] 2/2 done" in bar
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    run("--dry-run", TIEXI, NARRATIVE)
    assert "[" not in capsys.readouterr().err


CHINESE = DOCUMENTS / "chinese_bureau.txt"


def test_a_chinese_page_becomes_a_draft_bureau_with_its_chinese_facts():
    status, out, _ = run(CHINESE)
    assert status == 0
    assert "created  chinese_bureau.txt → shenyang-heping-district" in out
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    assert (bureau.name_zh_hans, bureau.name_en) == ("沈阳市和平区教育局", "")  # kept in the language it was read in
    assert bureau.sources.get().language == "zh-Hans"
    assert (bureau.district, bureau.city, bureau.province) == ("Heping District", "Shenyang", "Liaoning")
    assert bureau.established_year == 1956
    basic = bureau.departments.get(name_zh_hans="基础教育科")
    assert basic.note == "行政许可服务科"
    assert basic.source_quote.startswith("基础教育科（行政许可服务科）。负责")
    assert list(bureau.duties.values_list("text_zh_hans", flat=True)) == [
        "贯彻执行国家有关教育工作的方针、政策和法律法规。",
        "承办区人民政府交办的其他事项。",
    ]
    assert bureau.institution_counts.get(category__slug="primary-school").count == 18
    assert InstitutionType.objects.get(name="各级各类学校").is_proposed
    assert not bureau.departments.filter(
        name_zh_hans="教育科学研究中心"
    ).exists()  # an affiliated unit, not a department


def test_dry_run_of_a_chinese_page_prints_its_draft_and_writes_nothing():
    status, out, _ = run("--dry-run", CHINESE)
    assert status == 0
    data = json.loads(out)["bureau"]
    assert (data["name"], data["slug"]) == ({"zh-Hans": "沈阳市和平区教育局"}, "shenyang-heping-district")
    assert (data["division_code"], data["sources"][0]["language"]) == ("210102", "zh-Hans")
    assert data["region"] == {"province": "Liaoning", "city": "Shenyang", "district": "Heping District"}
    assert Bureau.objects.count() == InstitutionType.objects.count() == 0


# Issue 20, item 7: a working copy's slug is taken too.


def test_a_document_whose_slug_is_a_working_copys_is_refused_saying_why():
    from .factories import BureauFactory

    copy = publishing.start_working_copy(BureauFactory(slug="shenyang", name="Shenyang Education Bureau"))
    copy.slug = "shenyang-tiexi-district"  # what a document's draft comes to
    copy.save()
    status, out, _ = run(TIEXI)
    assert status == 1
    assert "The slug “shenyang-tiexi-district” is taken by the working copy of “Shenyang Education Bureau”" in out
    assert Bureau.objects.count() == 2


# Issue 20, item 15: a dry run's standard output is always JSON, warnings and refusals included.


def test_a_dry_run_of_a_refused_file_prints_json_saying_why_and_fails():
    status, out, err = run("--dry-run", RECIPE)
    assert status == 1
    printed = json.loads(out)
    assert printed["file"] == "recipe.txt"
    assert printed["refused"].startswith("This text is not about an education bureau")
    assert "failed  recipe.txt" in err and "Summary: 1 failed." in err


def test_a_dry_run_of_several_files_prints_each_refusal_in_its_place():
    status, out, _ = run("--dry-run", TIEXI, RECIPE)
    assert status == 1
    first, second = json.loads(out)
    assert first["bureau"]["slug"] == "shenyang-tiexi-district"
    assert second["file"] == "recipe.txt" and "bureau" not in second and second["refused"]


def test_a_dry_runs_json_includes_the_drafts_warnings():
    status, out, err = run("--dry-run", DOCUMENTS / "ambiguous_city.txt")
    assert status == 0
    warnings = json.loads(out)["warnings"]
    assert warnings and all(f"ambiguous_city.txt: warning: {warning}" in err for warning in warnings)


# One bureau per division: a Chinese page for a bureau loaded from an English one ----------------------


def test_a_chinese_page_for_an_english_bureaus_division_is_added_to_its_working_copy(seed_data):
    heping = Bureau.objects.get(slug="shenyang-heping-district")
    english_departments = list(heping.departments.values_list("name_en", flat=True))
    bureaus_before = Bureau.objects.originals().count()

    status, out, _ = run(CHINESE)

    assert status == 0, out
    assert "merged  chinese_bureau.txt → shenyang-heping-district" in out
    assert Bureau.objects.originals().count() == bureaus_before  # no second bureau for the division
    heping.refresh_from_db()
    copy = heping.working_copy
    assert heping.sources.count() == 1 and heping.name_zh_hans == ""  # the public page is as it was
    assert sorted(copy.sources.values_list("language", flat=True)) == ["en", "zh-Hans"]
    assert (copy.name_en, copy.name_zh_hans) == ("Shenyang Heping District Education Bureau", "沈阳市和平区教育局")
    assert copy.established_year == 1994  # the English source's, which the bureau had; the reviewer is told
    names = list(copy.departments.order_by("position").values_list("name_en", "name_zh_hans"))
    assert names[: len(english_departments)] == [(name, "") for name in english_departments]  # kept, in order
    assert names[len(english_departments) :] == [("", "办公室"), ("", "基础教育科")]  # added after them
    chinese_source = copy.sources.get(language="zh-Hans")
    assert copy.duties.filter(source=chinese_source).count() == 2
    assert copy.duties.exclude(source=chinese_source).count() == heping.duties.count()

    status, out, _ = run(CHINESE)  # the same page again changes nothing
    assert "unchanged  chinese_bureau.txt" in out
    assert copy.sources.count() == 2


def test_a_second_chinese_page_replaces_only_what_the_first_chinese_page_gave(seed_data, tmp_path):
    run(CHINESE)
    copy = Bureau.objects.get(slug="shenyang-heping-district").working_copy
    english_duties = copy.duties.filter(source__language="en").count()
    newer = tmp_path / "newer.txt"
    newer.write_text(
        CHINESE.read_text(encoding="utf-8").replace("（二）基础教育科", "（二）教育督导科"), encoding="utf-8"
    )

    status, out, err = run(newer)
    assert status != 0 and "--replace" in out + err  # a second page in a language the bureau has: only on purpose

    status, out, _ = run("--replace", newer)
    assert status == 0 and "replaced  newer.txt" in out
    copy.refresh_from_db()
    # Sources are records of what was read: the first Chinese page stays, no fact quotes it any more.
    assert sorted(copy.sources.values_list("language", flat=True)) == ["en", "zh-Hans", "zh-Hans"]
    chinese = set(copy.departments.exclude(name_zh_hans="").values_list("name_zh_hans", flat=True))
    assert chinese == {"办公室", "教育督导科"}
    assert copy.duties.filter(source__language="en").count() == english_duties  # the English page's stay
    assert copy.name_en == "Shenyang Heping District Education Bureau"


# Issue 21: the page's title and address (and its publisher and date) given with a single file.

# A county page that names its bureau only as 本局 and its county only as 全县.
SCOPE_ONLY = "本局是县人民政府主管全县教育事业的工作部门。\n内设机构\n（一）办公室。负责机关日常运转工作。\n（二）人事股。负责全县教师队伍管理工作。\n"


def scope_only_page(tmp_path, name="page.txt"):
    path = tmp_path / name
    path.write_text(SCOPE_ONLY, encoding="utf-8")
    return path


SOURCE_OPTIONS = (
    "--title", "平遥县教育局 机构职能", "--url", "www.pingyao.gov.cn/jyj/", "--publisher", "平遥县人民政府",
    "--published-on", "2024-03-01",
)  # fmt: skip


def test_title_address_publisher_and_date_are_stored_with_the_source_and_name_and_place_the_bureau(tmp_path):
    status, out, err = run(scope_only_page(tmp_path), *SOURCE_OPTIONS)
    assert status == 0, out + err
    bureau = Bureau.objects.get(slug="jinzhong-pingyao-county")
    assert (bureau.name, bureau.district, bureau.province) == ("平遥县教育局", "Pingyao County", "Shanxi")
    source = bureau.sources.get()
    assert (source.title, source.url, source.publisher, str(source.published_on)) == (
        "平遥县教育局 机构职能",
        "https://www.pingyao.gov.cn/jyj/",  # an address given without its scheme
        "平遥县人民政府",
        "2024-03-01",
    )
    assert "page.txt: warning: The bureau's name was read from the page's title" in err


def test_the_address_alone_places_the_bureau(tmp_path):
    status, _, err = run(scope_only_page(tmp_path), "--url", "http://www.pingyao.gov.cn/zwgk/")
    assert status == 0
    bureau = Bureau.objects.get(slug="jinzhong-pingyao-county")
    assert bureau.sources.get().url == "http://www.pingyao.gov.cn/zwgk/"
    assert "The place was read from the page's address (www.pingyao.gov.cn)" in err


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--url", "not an address", "--url: Enter a valid URL."),
        ("--url", "http://[::1", "--url: Enter a valid URL."),
        ("--published-on", "last spring", "--published-on: Enter a valid date."),
        ("--published-on", "2024-02-30", "--published-on: Enter a valid date."),
        ("--title", "平遥县\u202e教育局", "--title: The text contains an invisible right-to-left override (U+202E"),
        ("--title", "x" * 301, "--title: Ensure this value has at most 300 characters (it has 301)."),
        ("--publisher", "平遥县\x85人民政府", "--publisher: The text contains a control character (U+0085"),
    ],
)
def test_a_bad_source_option_is_a_one_line_error_and_nothing_is_written(tmp_path, option, value, message):
    path, fixture = scope_only_page(tmp_path), tmp_path / "out.json"
    for args in ([path], ["--output", fixture, path]):
        status, out, err = run(*args, option, value)
        assert status == 1
        assert message in out + err
        assert "Traceback" not in out + err
    status, out, err = run("--dry-run", path, option, value)  # standard output stays JSON, saying why
    assert status == 1
    printed = json.loads(out)
    assert printed["file"] == "page.txt" and printed["refused"].startswith(message)
    assert not fixture.exists()
    assert Bureau.objects.count() == SourceDocument.objects.count() == 0


def test_source_options_with_several_files_are_refused(tmp_path):
    status, out, err = run(TIEXI, NARRATIVE, "--title", "Tiexi")
    assert status == 1
    assert (
        "--title, --url, --publisher, --published-on and --division describe one document: give one file with them"
        in out + err
    )
    assert Bureau.objects.count() == 0
    status, out, _ = run("--dry-run", TIEXI, NARRATIVE, "--url", "www.pingyao.gov.cn")
    assert status == 1
    assert [item["file"] for item in json.loads(out)] == ["numbered_headings.txt", "narrative.txt"]
    assert all(item["refused"].startswith("--title, --url") for item in json.loads(out))


def test_a_dry_run_with_source_options_prints_them_and_the_warnings_as_json(tmp_path):
    status, out, _ = run("--dry-run", scope_only_page(tmp_path), *SOURCE_OPTIONS)
    assert status == 0
    printed = json.loads(out)
    source = printed["bureau"]["sources"][0]
    assert (source["title"], source["url"], source["published_on"]) == (
        "平遥县教育局 机构职能",
        "https://www.pingyao.gov.cn/jyj/",
        "2024-03-01",
    )
    assert any("from the page's title" in warning for warning in printed["warnings"])
    assert Bureau.objects.count() == 0
    status, out, _ = run("--dry-run", RECIPE, "--title", "Heping District Education Bureau")
    assert status == 1
    assert json.loads(out)["refused"].startswith("This text is not about an education bureau")


def test_the_title_and_address_go_into_a_fixture_too(tmp_path):
    fixture = tmp_path / "out.json"
    status, _, _ = run("--output", fixture, scope_only_page(tmp_path), *SOURCE_OPTIONS)
    assert status == 0
    (source,) = [r for r in json.loads(fixture.read_text(encoding="utf-8")) if r["model"] == "bureaus.sourcedocument"]
    assert (source["fields"]["title"], source["fields"]["url"], source["fields"]["publisher"]) == (
        "平遥县教育局 机构职能",
        "https://www.pingyao.gov.cn/jyj/",
        "平遥县人民政府",
    )
