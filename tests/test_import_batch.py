"""``import_bureau`` on a folder and on a CSV list: one line per file, a summary, each file on its own."""

import json
import shutil
from pathlib import Path

import pytest
from reversion.models import Version

from bureaus.models import Bureau, ContentVersion, Department, SourceDocument

from .test_import_command import run

pytestmark = pytest.mark.django_db

DOCUMENTS = Path(__file__).with_name("documents")
GOOD = ("numbered_headings.txt", "narrative.txt", "ambiguous_city.txt")
HEADER = "path,title,url,publisher,published_on\n"


@pytest.fixture
def folder(tmp_path):
    """A folder of three bureaus' pages (and a file that is not .txt, which is left alone)."""
    for name in GOOD:
        shutil.copy(DOCUMENTS / name, tmp_path / name)
    (tmp_path / "notes.md").write_text("not a document", encoding="utf-8")
    return tmp_path


def state():
    """What an import writes: rows, sources, versions (content and revision history)."""
    return (
        Bureau.objects.count(),
        SourceDocument.objects.count(),
        Department.objects.count(),
        Version.objects.count(),
        list(ContentVersion.objects.values_list("number", "changed_at")),
        sorted(Bureau.objects.values_list("slug", "revision", "page_version", "updated_at")),
    )


def test_a_folder_imports_every_txt_file_in_name_order_one_line_each(folder):
    status, out, err = run(folder)
    assert status == 0, out + err
    lines = out.splitlines()
    assert lines[:3] == [
        "  created  ambiguous_city.txt → suzhou-gusu-district (a new draft)",
        "  created  narrative.txt → shanghai-pudong-new-area (a new draft)",
        "  created  numbered_headings.txt → shenyang-tiexi-district (a new draft)",
    ]
    assert lines[-1] == "Summary: 3 created."
    assert "notes.md" not in out
    assert Bureau.objects.count() == 3 and not Bureau.objects.published().exists()


def test_the_same_folder_again_changes_nothing(folder):
    run(folder)
    before = state()
    status, out, _ = run(folder)
    assert status == 0
    assert [line.split()[0] for line in out.splitlines()[:-1]] == ["unchanged"] * 3
    assert "unchanged  narrative.txt → shanghai-pudong-new-area (already imported: the same SHA-256 fingerprint)" in out
    assert out.splitlines()[-1] == "Summary: 3 unchanged."
    assert state() == before


def test_a_binary_file_in_the_folder_is_refused_and_the_others_are_imported(folder):
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    status, out, err = run(folder)
    assert status == 1
    assert "   failed  photo.txt: photo.txt is not a text document" in out
    assert "Summary: 3 created, 1 failed." in out
    assert "1 of 4 file(s) could not be imported." in err
    assert Bureau.objects.count() == 3


def test_an_empty_folder_is_a_failure_saying_so(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    status, out, _ = run(empty)
    assert status == 1
    assert f"The folder {empty} has no .txt files in it." in out
    assert "Summary: 1 failed." in out
    assert Bureau.objects.count() == 0


def test_a_file_refused_by_the_reader_does_not_stop_the_others(folder):
    shutil.copy(DOCUMENTS / "recipe.txt", folder / "recipe.txt")
    status, out, _ = run(folder)
    assert status == 1 and "failed  recipe.txt: This text is not about an education bureau" in out
    assert Bureau.objects.count() == SourceDocument.objects.count() == 3


def test_a_file_failing_halfway_through_its_save_leaves_no_row_of_it(folder, monkeypatch):
    """Its bureau row was written when its parts failed: the file's transaction takes the bureau back too."""
    from bureaus.importer import saving
    from bureaus.importer.errors import DocumentError

    insert_rows = saving.content.insert_rows

    def failing_for_pudong(groups):
        groups = list(groups)
        if any(getattr(row, "title", "") == "narrative.txt" for group in groups for row in group):
            raise DocumentError("The database refused a row.")
        return insert_rows(groups)

    monkeypatch.setattr(saving.content, "insert_rows", failing_for_pudong)
    status, out, _ = run(folder)
    assert status == 1 and "failed  narrative.txt: The database refused a row." in out
    assert sorted(Bureau.objects.values_list("slug", flat=True)) == ["shenyang-tiexi-district", "suzhou-gusu-district"]
    assert SourceDocument.objects.count() == 2


def test_a_dry_run_of_a_folder_prints_only_json_a_list_of_every_file(folder):
    (folder / "photo.txt").write_bytes(b"\x00\x01binary")
    status, out, err = run("--dry-run", folder)
    assert status == 1
    printed = json.loads(out)
    assert [item["file"] for item in printed] == [
        "ambiguous_city.txt",
        "narrative.txt",
        "numbered_headings.txt",
        "photo.txt",
    ]
    assert printed[0]["bureau"]["slug"] == "suzhou-gusu-district" and "refused" in printed[3]
    assert "Summary: 3 drafted, 1 failed." in err
    assert Bureau.objects.count() == 0
    status, out, _ = run("--dry-run", folder / "empty-dir-does-not-exist")
    assert status == 1 and json.loads(out)["refused"].endswith("does not exist.")


# The CSV list ----------------------------------------------------------------


def write_list(folder, text, name="list.csv"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_list_imports_each_row_with_its_pages_details(folder):
    listed = write_list(
        folder,
        HEADER + "numbered_headings.txt,铁西区教育局 机构职能,www.tiexi.gov.cn/jyj/,铁西区人民政府,2024-03-01\n"
        "narrative.txt,,,,\n",
    )
    status, out, err = run("--list", listed)
    assert status == 0, out + err
    assert "created  list.csv line 2 (numbered_headings.txt) → shenyang-tiexi-district" in out
    assert "created  list.csv line 3 (narrative.txt) → shanghai-pudong-new-area" in out
    tiexi = SourceDocument.objects.get(bureau__slug="shenyang-tiexi-district")
    assert (tiexi.title, tiexi.url, tiexi.publisher, str(tiexi.published_on)) == (
        "铁西区教育局 机构职能", "https://www.tiexi.gov.cn/jyj/", "铁西区人民政府", "2024-03-01",
    )  # fmt: skip
    assert (
        SourceDocument.objects.get(bureau__slug="shanghai-pudong-new-area").title == "narrative.txt"
    )  # blank: its name


def test_a_list_whose_paths_are_relative_to_the_list(folder, tmp_path_factory, monkeypatch):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.chdir(elsewhere)
    status, out, _ = run("--list", write_list(folder, HEADER + "narrative.txt,,,,\n"))
    assert status == 0 and Bureau.objects.count() == 1


def test_a_bad_row_is_reported_by_its_line_and_the_others_go_on(folder):
    listed = write_list(
        folder,
        HEADER
        + "missing.txt,,,,\n"  # line 2: no such file
        + "narrative.txt,,,,2024-13-01\n"  # line 3: no such date
        + ",A title,,,\n"  # line 4: no path
        + "numbered_headings.txt,,,,\n"  # line 5: fine
        + "ambiguous_city.txt,too,many,cells,,here\n",  # line 6
    )
    status, out, err = run("--list", listed)
    assert status == 1
    assert f"failed  list.csv line 2 (missing.txt): {folder / 'missing.txt'} does not exist." in out
    assert "failed  list.csv line 3 (narrative.txt): published_on: Enter a valid date." in out
    assert "failed  list.csv line 4: its path is empty." in out
    assert "created  list.csv line 5 (numbered_headings.txt) → shenyang-tiexi-district" in out
    assert "failed  list.csv line 6 (ambiguous_city.txt): it has 6 cells, the header 5." in out
    assert "Summary: 1 created, 4 failed." in out
    assert "4 of 5 file(s) could not be imported." in err
    assert list(Bureau.objects.values_list("slug", flat=True)) == ["shenyang-tiexi-district"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("path,title,url,publisher\nnarrative.txt,,,\n", "it lacks published_on"),
        ("narrative.txt,,,,\n", "it lacks path, title, url, publisher, published_on"),  # no header row
        ("path,title,url,publisher,published_on,notes\n", "it has unknown notes"),
        ("", "it lacks path"),
    ],
)
def test_a_list_without_its_columns_is_one_line_and_nothing_is_imported(folder, text, message):
    status, out, err = run("--list", write_list(folder, text))
    assert status == 1
    assert "--list: list.csv's first line must name the columns path,title,url,publisher,published_on" in out
    assert message in out and "Nothing was imported." in out
    assert "Traceback" not in out + err
    assert Bureau.objects.count() == 0


def test_a_missing_or_binary_list_is_one_line(folder):
    status, out, _ = run("--list", folder / "nowhere.csv")
    assert status == 1 and f"--list: {folder / 'nowhere.csv'} does not exist." in out
    (folder / "binary.csv").write_bytes(b"\xff\xfe\x00path")
    status, out, _ = run("--list", folder / "binary.csv")
    assert status == 1 and "cannot be read: it is not UTF-8 text." in out
    assert Bureau.objects.count() == 0


def test_a_list_and_a_folder_together_and_the_list_twice_changes_nothing(folder, tmp_path_factory):
    other = tmp_path_factory.mktemp("other")
    shutil.copy(DOCUMENTS / "inline_numbered.txt", other / "inline_numbered.txt")
    listed = write_list(folder, HEADER + "narrative.txt,,,,\n")
    status, out, _ = run(other, "--list", listed)
    assert status == 0 and "Summary: 2 created." in out
    before = state()
    status, out, _ = run(other, "--list", listed)
    assert status == 0 and "Summary: 2 unchanged." in out
    assert state() == before


def test_page_options_with_a_list_or_a_folder_are_refused(folder):
    status, out, _ = run("--list", write_list(folder, HEADER + "narrative.txt,,,,\n"), "--title", "A title")
    assert status == 1 and "describe one document" in out
    status, out, _ = run(folder, "--publisher", "Someone")
    assert status == 1 and "describe one document" in out
    assert Bureau.objects.count() == 0


def test_nothing_to_import_is_a_plain_error():
    status, out, err = run()
    assert status == 1 and "Give the files or folders to import, or --list FILE.csv." in err


def test_a_lists_rows_keep_their_own_details_in_a_fixture(folder):
    listed = write_list(
        folder, HEADER + "numbered_headings.txt,Tiexi page,,Tiexi government,\nnarrative.txt,,,,2023-05-04\n"
    )
    fixture = folder / "drafts.json"
    status, out, _ = run("--list", listed, "--output", fixture)
    assert status == 0, out
    sources = {row["fields"]["title"]: row["fields"] for row in json.loads(fixture.read_text(encoding="utf-8"))
               if row["model"] == "bureaus.sourcedocument"}  # fmt: skip
    assert sources["Tiexi page"]["publisher"] == "Tiexi government" and sources["Tiexi page"]["published_on"] is None
    assert sources["narrative.txt"]["published_on"] == "2023-05-04" and sources["narrative.txt"]["publisher"] == ""
    assert Bureau.objects.count() == 0
