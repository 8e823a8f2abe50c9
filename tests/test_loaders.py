"""Every loader (loaddata, bulk_load, restore) validates every record and refuses the whole file."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bureaus.models import Bureau, Department, SourceDocument
from bureaus.vocabulary import REFUSED_CHARACTERS_RE

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "bureaus" / "shenyang-heping-district.json"


def fixture_with(tmp_path, model, **changes):
    """The Heping seed fixture with ``changes`` made to the first record of ``model``."""
    records = json.loads(SEED.read_text())
    record = next(r for r in records if r["model"] == model)
    for field, value in changes.items():
        if field == "slug_everywhere":  # the bureau's slug, and every natural key pointing at it
            text = json.dumps(records).replace('"shenyang-heping-district"', json.dumps(value))
            return write(tmp_path, json.loads(text))
        record["fields"][field] = value
    return write(tmp_path, records)


def write(tmp_path, records):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(records))
    return path


BAD_RECORDS = [
    ("bureaus.bureau", {"slug_everywhere": "fx bad slug!"}, "slug"),
    ("bureaus.bureau", {"province": "Atlantis"}, "province 'Atlantis'"),
    ("bureaus.bureau", {"established_year": 2099}, "established_year 2099"),
    ("bureaus.bureau", {"name_en": "N" * 5000}, "name"),
    ("bureaus.bureau", {"province": "Beijing", "city": "Beijing"}, "city 'Beijing'"),
    ("bureaus.bureau", {"summary_en": "forged \x02mark\x03"}, "control character"),
    ("bureaus.bureau", {"name_en": "Heping\u202e District Education Bureau"}, "right-to-left override (U+202E"),
    ("bureaus.department", {"responsibility_en": "Teachers\u200b"}, "zero-width space (U+200B"),
    ("bureaus.department", {"name_en": "Office\U000e0041\U000e0042"}, "tag latin capital letter a (U+E0041"),
    ("bureaus.bureau", {"summary_en": "Half a character: \ud83d"}, "broken character (U+D83D"),
    ("bureaus.bureau", {"summary_en": {"en": "A summary"}}, "(record 1 in the file): summary_en is a JSON object"),
    ("bureaus.department", {"name_en": ["Office", "Bureau"]}, "(record 6 in the file): name_en is a JSON list"),
    ("bureaus.sourcedocument", {"sha256": "0" * 64}, "fingerprint does not match"),
    ("bureaus.department", {"name_en": ""}, "department"),
    ("bureaus.bureau", {"established_year": "1994x"}, "1994x"),
    ("bureaus.bureau", {"founder": "Nobody"}, "founder"),
    ("bureaus.department", {"bureau": ["nowhere"]}, "bureau"),
]


@pytest.fixture
def types(db):
    call_command("loaddata", "institution_types", verbosity=0)


@pytest.mark.parametrize(("model", "changes", "named"), BAD_RECORDS)
@pytest.mark.parametrize("loader", ["loaddata", "bulk_load", "restore"])
def test_a_file_with_one_invalid_record_loads_nothing_and_names_it(tmp_path, types, loader, model, changes, named):
    path = fixture_with(tmp_path, model, **changes)
    with pytest.raises(CommandError) as error:
        call_command(loader, str(path), verbosity=0)
    message = str(error.value)
    assert named in message
    assert "\n" not in message
    assert "nothing was" in message.lower()
    assert not REFUSED_CHARACTERS_RE.search(message)  # a refused character is named, never printed
    assert (Bureau.objects.count(), SourceDocument.objects.count(), Department.objects.count()) == (0, 0, 0)


@pytest.mark.parametrize("loader", ["loaddata", "bulk_load", "restore"])
def test_a_bureau_with_more_items_than_the_admin_can_save_is_refused(tmp_path, types, loader):
    """The importer's cap (MAX_ITEMS) is what the admin's change form can take: a loaded bureau past it
    could never be saved there again (Django refuses a form with that many fields)."""
    from bureaus.vocabulary import MAX_ITEMS

    records = json.loads(SEED.read_text())
    extra = [
        {"model": "bureaus.department", "fields": {"bureau": ["shenyang-heping-district"], "name": f"Unit {n}",
                                                    "responsibility": "", "note": "", "position": 1000 + n}}
        for n in range(MAX_ITEMS)
    ]  # fmt: skip
    with pytest.raises(CommandError) as error:
        call_command(loader, str(write(tmp_path, records + extra)), verbosity=0)
    message = str(error.value)
    assert (
        f"more than {MAX_ITEMS}, the most the admin can save" in message
        and "nothing was" in message.lower()
        and "\n" not in message
    )
    assert (Bureau.objects.count(), Department.objects.count()) == (0, 0)


@pytest.mark.parametrize("loader", ["loaddata", "bulk_load", "restore"])
def test_the_valid_seed_fixture_loads_with_every_loader(tmp_path, types, loader):
    call_command(loader, str(write(tmp_path, json.loads(SEED.read_text()))), verbosity=0)
    assert Bureau.objects.get().slug == "shenyang-heping-district"
    assert Department.objects.count() == 7


def test_bulk_load_prints_a_clean_error_not_a_traceback(tmp_path, types, capsys):
    from django.core.management import execute_from_command_line

    path = fixture_with(tmp_path, "bureaus.bureau", province="Atlantis")
    with pytest.raises(SystemExit):
        execute_from_command_line(["manage.py", "bulk_load", str(path)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "CommandError: " in err and "province 'Atlantis'" in err


def test_loaddata_reads_json_lines_with_the_same_rule_for_text_fields(tmp_path, types):
    records = json.loads(SEED.read_text())
    records[0]["fields"]["name_en"] = {"en": "Heping District Education Bureau"}
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in records))
    with pytest.raises(CommandError, match=r"bureau \(record 1 in the file\): name_en is a JSON object, not text"):
        call_command("loaddata", str(path), verbosity=0)
    assert Bureau.objects.count() == 0


DERIVED_RECORDS = [
    ("bureaus.bureaulisting", {"bureau": ["shenyang-heping-district"], "name": "Forged", "slug": "forged",
                               "province": "Liaoning", "district": "Heping", "created_at": "2026-01-01T00:00:00Z",
                               "updated_at": "2026-01-01T00:00:00Z"}),
    ("bureaus.typetally", {"category": ["primary-school"], "total": 999, "bureaus_reporting": 1, "bureaus_running": 1}),
    ("bureaus.provincetally", {"province": "Hainan", "bureaus": 99, "departments": 9, "schools_reporting": 0}),
    ("bureaus.coveragetally", {"province_code": "46", "profiled": 99}),
    ("bureaus.profilesnapshot", {"bureau": ["shenyang-heping-district"], "language": "en", "page_version": 2,
                                 "built_with": "x", "html": "<script>alert(1)</script>", "card_html": "x",
                                 "json_ld": {}}),
    ("bureaus.searchentry", {"bureau": ["shenyang-heping-district"], "name": "x", "place": "x", "body": "x"}),
    ("bureaus.contentversion", {"number": 99, "changed_at": "2026-01-01T00:00:00Z"}),
]  # fmt: skip


@pytest.mark.parametrize(("model", "fields"), DERIVED_RECORDS)
@pytest.mark.parametrize("loader", ["loaddata", "restore"])
def test_rows_of_derived_tables_are_refused_and_nothing_is_loaded(tmp_path, types, loader, model, fields):
    record = {"model": model, "fields": fields, **({"pk": 1} if model == "bureaus.contentversion" else {})}
    with pytest.raises(CommandError) as error:
        call_command(loader, str(write(tmp_path, [*json.loads(SEED.read_text()), record])), verbosity=0)
    message = str(error.value)
    assert "are derived from the bureaus and rebuilt from them" in message
    assert "nothing was" in message.lower()
    assert Bureau.objects.count() == 0


HISTORY_RECORDS = [
    ("reversion.revision", 7, {"date_created": "2026-01-01T00:00:00Z", "user": None, "comment": "Changed."}),
    ("reversion.version", 7, {"revision": 7, "object_id": "1", "content_type": ["bureaus", "bureau"], "db": "default",
                              "format": "json", "serialized_data": "[]", "object_repr": "Another bureau"}),
    ("admin.logentry", 7, {"action_time": "2026-01-01T00:00:00Z", "user": None, "object_id": "1",
                           "content_type": ["bureaus", "bureau"], "object_repr": "x", "action_flag": 2,
                           "change_message": "Changed."}),
]  # fmt: skip


@pytest.mark.parametrize(("model", "pk", "fields"), HISTORY_RECORDS)
def test_histories_in_a_plain_fixture_are_refused_never_attached_to_whichever_bureau_has_their_id(
    tmp_path, types, model, pk, fields
):
    # A bare id in a history names a row of another database: only restore maps it to its own bureau.
    with pytest.raises(CommandError) as error:
        call_command("loaddata", str(write(tmp_path, [*json.loads(SEED.read_text()), {"model": model, "pk": pk,
                                                                                       "fields": fields}])))  # fmt: skip
    assert "only 'manage.py restore' loads" in str(error.value)
    assert Bureau.objects.count() == 0
