"""``bulk_load``: the same rows as loaddata, from the same fixture; bad fixtures load nothing."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from benchmarks.dataset import national_drafts
from bureaus.importer.saving import drafts_to_fixture
from bureaus.models import Bureau, Department, Duty, FactSource, InstitutionCount, SearchEntry, SourceDocument
from bureaus.opendata.serializers import bureau_to_dict
from bureaus.pages import snapshots

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "bureaus" / "shenyang-heping-district.json"
MODELS = [Bureau, SourceDocument, FactSource, Department, Duty, InstitutionCount]


@pytest.fixture
def fixture_file(tmp_path, db):
    call_command("loaddata", "institution_types", verbosity=0)
    path = tmp_path / "national.json"
    path.write_text(drafts_to_fixture(national_drafts(25)))
    return path


def snapshot():
    return (
        {model.__name__: model.objects.count() for model in MODELS},
        {b.slug: {**bureau_to_dict(b), "updated_at": None} for b in Bureau.objects.with_profile()},
    )


def test_bulk_load_gives_the_same_rows_as_loaddata(fixture_file, capsys):
    call_command("loaddata", str(fixture_file), verbosity=0)
    by_loaddata = snapshot()
    Bureau.objects.all().delete()
    call_command("bulk_load", str(fixture_file))
    assert "Loaded" in capsys.readouterr().out
    assert snapshot() == by_loaddata
    assert SearchEntry.objects.count() == 25
    assert Department.objects.filter(source__isnull=True).count() == 0


def test_bulk_load_refuses_bureaus_already_there(fixture_file):
    call_command("bulk_load", str(fixture_file))
    with pytest.raises(CommandError, match="already in the database"):
        call_command("bulk_load", str(fixture_file))
    assert Bureau.objects.count() == 25


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not a JSON fixture"),
        ('{"model": "bureaus.bureau"}', "should be a JSON list"),
        ('[{"model": "auth.user", "fields": {}}]', "reads bureau data only"),
        (
            '[{"model": "bureaus.department", "fields": {"bureau": ["nowhere"], "name": "Office", "position": 1}}]',
            "nothing was written",
        ),
    ],
)
def test_a_bad_fixture_loads_nothing(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("bulk_load", str(path))
    assert Bureau.objects.count() == Department.objects.count() == 0


def test_loaddata_indexes_the_loaded_bureaus_for_search(fixture_file, client):
    call_command("loaddata", str(fixture_file), verbosity=0)
    assert SearchEntry.objects.count() == 25
    Bureau.objects.update(is_published=True)  # imported drafts, published for the public search
    some = Bureau.objects.first()
    assert some.slug in [b.slug for b in client.get("/bureaus/", {"q": some.district}).context["bureaus"]]


def test_two_departments_of_one_name_are_one_clear_line_and_nothing_is_written(tmp_path, db, capsys):
    from django.core.management import execute_from_command_line

    call_command("loaddata", "institution_types", verbosity=0)
    records = json.loads(SEED.read_text(encoding="utf-8"))
    office = next(r for r in records if r["model"] == "bureaus.department")
    records.append({**office, "fields": {**office["fields"], "position": 99}})
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(records))
    with pytest.raises(CommandError) as error:
        call_command("bulk_load", str(path))
    message = str(error.value)
    assert "nothing was written" in message and "\n" not in message
    name = office["fields"]["name_en"]
    assert f"two departments of bureau “shenyang-heping-district” with the name (English) “{name}”" in message
    assert Bureau.objects.count() == Department.objects.count() == SourceDocument.objects.count() == 0
    with pytest.raises(SystemExit):
        execute_from_command_line(["manage.py", "bulk_load", str(path)])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "IntegrityError" not in err
    assert len(err.strip().splitlines()) == 1


def test_bulk_load_leaves_every_published_profile_rendered(fixture_file, capsys):
    records = json.loads(fixture_file.read_text())
    for record in records:
        if record["model"] == "bureaus.bureau":
            record["fields"]["is_published"] = True
    fixture_file.write_text(json.dumps(records))
    call_command("bulk_load", str(fixture_file))
    assert "50 profile snapshot(s) rendered" in capsys.readouterr().out
    published = list(Bureau.objects.published())
    assert len(published) == 25
    assert snapshots.render_stale(published) == 0  # nothing left for a first visitor to wait for


def test_bulk_load_no_snapshots_leaves_them_to_the_first_visits(fixture_file):
    call_command("bulk_load", str(fixture_file), no_snapshots=True)
    Bureau.objects.update(is_published=True)
    assert snapshots.render_stale(list(Bureau.objects.published())) == 50
