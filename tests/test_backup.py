"""Backup and restore: the round trip loses nothing, and bad files load nothing."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from bureaus.models import Bureau, SearchEntry
from bureaus.opendata.serializers import bureau_to_dict

from .factories import BureauFactory

pytestmark = pytest.mark.django_db(transaction=True)


def every_bureau_as_json():
    return {bureau.slug: bureau_to_dict(bureau) for bureau in Bureau.objects.with_profile()}


def wipe():
    Bureau.objects.all().delete()
    get_user_model().objects.all().delete()
    from bureaus.models import InstitutionType

    InstitutionType.objects.all().delete()


def test_backup_and_restore_round_trip_loses_nothing(tmp_path, seed_data, capsys):
    BureauFactory(full=True, slug="extra-draft", draft=True)
    get_user_model().objects.create_superuser("keeper", "k@example.org", "a-long-test-password")
    before = every_bureau_as_json()
    backup = tmp_path / "backup.json"
    call_command("backup", str(backup))
    assert "Backup written to" in capsys.readouterr().out
    assert all(
        "pk" not in record for record in json.loads(backup.read_text()) if record["model"].startswith("bureaus.")
    )

    wipe()
    assert Bureau.objects.count() == 0
    call_command("restore", str(backup))
    after = every_bureau_as_json()
    assert after.keys() == before.keys()
    for slug in before:
        for key in before[slug]:
            assert after[slug][key] == before[slug][key], (slug, key)
    assert get_user_model().objects.get(username="keeper").check_password("a-long-test-password")
    assert SearchEntry.objects.count() == len(before)


def test_restore_refuses_a_database_that_has_bureaus(tmp_path, seed_data):
    backup = tmp_path / "backup.json"
    call_command("backup", str(backup))
    with pytest.raises(CommandError, match="already holds bureaus"):
        call_command("restore", str(backup))


@pytest.mark.parametrize("content", ["", "{not json", '[{"model": "bureaus.bureau", "fields": {"slug": "x"}}]'])
def test_a_bad_backup_loads_nothing(tmp_path, content):
    backup = tmp_path / "bad.json"
    backup.write_text(content)
    with pytest.raises(CommandError, match="could not be restored, nothing was loaded"):
        call_command("restore", str(backup))
    assert Bureau.objects.count() == 0


def test_restore_of_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="is not a backup file"):
        call_command("restore", str(tmp_path / "missing.json"))


def test_the_backup_is_readable_by_its_owner_only(tmp_path, seed_data):
    import os

    backup = tmp_path / "backup.json"
    old_umask = os.umask(0o022)
    try:
        call_command("backup", str(backup))
    finally:
        os.umask(old_umask)
    assert backup.stat().st_mode & 0o777 == 0o600


def test_restore_never_replaces_the_passwords_of_existing_users(tmp_path, seed_data):
    User = get_user_model()
    User.objects.create_user("editor", password="password-in-the-backup")
    backup = tmp_path / "backup.json"
    call_command("backup", str(backup))
    Bureau.objects.all().delete()
    editor = User.objects.get(username="editor")
    editor.set_password("password-changed-since")
    editor.save()

    with pytest.raises(CommandError, match="already has user accounts.*--skip-users"):
        call_command("restore", str(backup))
    assert Bureau.objects.count() == 0

    call_command("restore", str(backup), skip_users=True)
    assert Bureau.objects.count() == 3
    assert User.objects.get(username="editor").check_password("password-changed-since")
