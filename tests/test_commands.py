"""Management commands, including what they do with bad input."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from bureaus.management.commands import load_seed_data
from bureaus.models import Bureau, Department
from bureaus.seed import REAL_FIXTURES

pytestmark = pytest.mark.django_db


def test_export_bureau_prints_the_same_json_as_the_page(client, seed_data, capsys):
    call_command("export_bureau", "shenyang-heping-district")
    exported = json.loads(capsys.readouterr().out)
    assert exported == client.get("/bureaus/shenyang-heping-district.json").json()
    assert exported["predecessor"] == "Shenyang Zhongyuan District Education Bureau"


def test_export_bureau_refuses_an_unknown_slug_in_plain_words(db):
    with pytest.raises(CommandError, match="No bureau has the slug “nowhere”"):
        call_command("export_bureau", "nowhere")


def test_load_seed_data_loads_once_and_keeps_staff_edits(capsys):
    call_command("load_seed_data", "--seeds-only")
    assert "3 bureau(s) loaded" in capsys.readouterr().out
    Bureau.objects.filter(slug="shenyang-heping-district").update(summary_en="Edited by staff")
    call_command("load_seed_data", "--seeds-only")
    assert "0 bureau(s) loaded, 3 already present and kept" in capsys.readouterr().out
    assert Bureau.objects.get(slug="shenyang-heping-district").summary == "Edited by staff"
    assert Bureau.objects.count() == 3
    assert Department.objects.count() == 12


def test_load_seed_data_leaves_the_profiles_rendered():
    from bureaus.pages import snapshots

    call_command("load_seed_data")
    published = list(Bureau.objects.published())
    assert len(published) == 3 + len(REAL_FIXTURES)  # the seeds and the corpora's real bureaus
    assert snapshots.render_stale(published) == 0  # nothing left for a first visitor to wait for


def test_load_seed_data_reset_restores_the_fixture():
    call_command("load_seed_data")
    Bureau.objects.filter(slug="shenyang-heping-district").update(summary_en="Edited by staff")
    call_command("load_seed_data", "--reset")
    assert Bureau.objects.get(slug="shenyang-heping-district").summary.startswith("Shenyang Heping District")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "Cannot read the fixture"),
        ("[]", "should describe exactly one bureau, not 0"),
    ],
)
def test_load_seed_data_refuses_a_broken_fixture_and_writes_nothing(tmp_path, monkeypatch, content, message):
    broken = tmp_path / "broken.json"
    broken.write_text(content, encoding="utf-8")
    monkeypatch.setattr(load_seed_data, "SEED_FIXTURES", [*load_seed_data.SEED_FIXTURES, broken])
    with pytest.raises(CommandError, match=message):
        call_command("load_seed_data")
    assert Bureau.objects.count() == 0


def test_ensure_local_superuser_creates_admin_once(settings, capsys):
    settings.DEBUG = True
    call_command("ensure_local_superuser")
    out = capsys.readouterr().out
    password = out.split("password: ")[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)
    call_command("ensure_local_superuser")
    assert "already exists" in capsys.readouterr().out
    assert get_user_model().objects.count() == 1


def test_ensure_local_superuser_refuses_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="local development only"):
        call_command("ensure_local_superuser")
    assert not get_user_model().objects.exists()


def test_rebuild_search_index(seed_data, capsys):
    from bureaus.models import SearchEntry

    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index")
    assert "Search index rebuilt for 3 bureau(s)." in capsys.readouterr().out
    assert SearchEntry.objects.count() == 3
