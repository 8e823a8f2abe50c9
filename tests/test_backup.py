"""Backup and restore: the round trip loses nothing, and bad files load nothing."""

import json

import pytest
import reversion
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from reversion.models import Revision, Version

from bureaus import publishing
from bureaus.admin import history
from bureaus.models import Assignment, Bureau, Department, SearchEntry, SourceDocument
from bureaus.opendata.serializers import bureau_to_dict
from bureaus.pages import snapshots

from .factories import BureauFactory, DepartmentFactory, SourceDocumentFactory

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


def test_a_restore_leaves_every_published_profile_rendered(tmp_path, seed_data, capsys):
    backup = tmp_path / "backup.json"
    call_command("backup", str(backup))
    wipe()
    call_command("restore", str(backup))
    assert "6 profile snapshot(s) rendered" in capsys.readouterr().out
    published = list(Bureau.objects.published())
    assert len(published) == 3
    assert snapshots.render_stale(published) == 0  # nothing left for a first visitor to wait for


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


# Histories: each bureau keeps its own revisions and admin log entries through a round trip ---------


def revision_of(bureau, user, comment):
    """A revision of ``bureau`` with its parts, as an admin save makes it, and the admin's log entry."""
    with reversion.create_revision():
        reversion.add_to_revision(bureau)
        reversion.set_user(user)
        reversion.set_comment(comment)
    LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(Bureau),
        object_id=str(bureau.pk),
        object_repr=str(bureau),
        action_flag=CHANGE,
        change_message=comment,
    )


def bureau_with_history(slug, user, words):
    """A draft bureau citing one source of its own, saved twice by ``user`` (the second time with a fact
    ``user`` typed)."""
    bureau = BureauFactory(slug=slug, draft=True, summary=f"{words}, first.")
    source = SourceDocumentFactory(bureau=bureau, text=f"{words}. The office keeps the records of {slug}.")
    DepartmentFactory(bureau=bureau, name=f"{words} office", source=source, source_start=0, source_end=len(words) + 1)
    revision_of(bureau, user, f"{slug}: first save")
    Bureau.objects.filter(pk=bureau.pk).update(summary_en=f"{words}, second.")
    DepartmentFactory(bureau=bureau, name=f"{words} personnel section", edited_by=user)
    revision_of(Bureau.objects.get(pk=bureau.pk), user, f"{slug}: second save")
    return bureau


def to_the_millisecond(moment):
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)  # as JSON fixtures keep times


def histories():
    """Each bureau's history as an editor reads it: who, what, and which source each fact cites."""
    result = {}
    for bureau in Bureau.objects.filter(draft_of=None):
        rows = []
        for version in history.versions_of(bureau):
            cited = []
            for item in version.revision.version_set.all():
                fields = item.field_dict
                if item._model is Department and fields["bureau_id"] == version.field_dict["id"]:
                    source = SourceDocument.objects.filter(pk=fields["source_id"]).first()
                    editor = get_user_model().objects.filter(pk=fields["edited_by_id"]).first()
                    cited.append(
                        (fields["name_en"], source and (source.bureau.slug, source.sha256), editor and str(editor))
                    )
                    # fmt: skip
            revision = version.revision
            rows.append((revision.comment, str(revision.user), to_the_millisecond(revision.date_created), version.field_dict["slug"],
                         history.snapshot(version)["parts"], sorted(cited, key=str)))  # fmt: skip
        result[bureau.slug] = rows
    return result


def log_entries():
    """Each bureau's admin log entries."""
    bureaus = ContentType.objects.get_for_model(Bureau)
    return {
        bureau.slug: [
            (str(entry.user), entry.action_flag, entry.change_message, to_the_millisecond(entry.action_time))
            for entry in LogEntry.objects.filter(content_type=bureaus, object_id=str(bureau.pk)).order_by("pk")
        ]
        for bureau in Bureau.objects.all()
    }


def wipe_all():
    wipe()
    Revision.objects.all().delete()
    LogEntry.objects.all().delete()


@pytest.fixture
def two_histories(seed_data):
    User = get_user_model()
    anna, ben = User.objects.create_user("anna"), User.objects.create_user("ben")
    # A bureau deleted before the backup: its old id must not hand its history to a restored bureau.
    gone = bureau_with_history("deleted-district", anna, "Gone")
    gone.delete()
    first = bureau_with_history("first-district", anna, "First")
    second = bureau_with_history("second-district", ben, "Second")
    # The second is published, edited in a working copy and published again (the copy's revisions join
    # its history, the copy is deleted), then edited in a new copy that is still open at the backup.
    publishing.publish(second, ben)
    for step in ("published", "still open"):
        copy = publishing.start_working_copy(second, ben)
        Bureau.objects.filter(pk=copy.pk).update(summary_en=f"Changed in a working copy, {step}.")
        revision_of(Bureau.objects.get(pk=copy.pk), ben, f"second-district: a working copy {step}")
        if step == "published":
            publishing.publish(second, ben)
    return first, second, anna


def test_a_restore_keeps_each_bureaus_history_and_log_with_that_bureau(tmp_path, two_histories, capsys):
    first, second, anna = two_histories
    histories_before, log_before = histories(), log_entries()
    assert len(histories_before["first-district"]) == 2
    assert len(histories_before["second-district"]) == 6  # two saves, two publishes, two copies' saves
    assert len(log_before["second-district"]) == 2
    backup = tmp_path / "backup.json"
    call_command("backup", str(backup))
    old_ids = {bureau.slug: bureau.pk for bureau in Bureau.objects.all()}

    wipe_all()
    call_command("restore", str(backup))
    out = capsys.readouterr().out
    assert {bureau.slug: bureau.pk for bureau in Bureau.objects.all()} != old_ids  # the ids have moved
    assert histories() == histories_before
    assert log_entries() == log_before
    assert "2 revision(s) of bureaus deleted before the backup were left out" in out
    # The deleted bureau's log entry keeps its words but points at no bureau.
    assert LogEntry.objects.get(change_message="deleted-district: second save").object_id is None

    # Reverting to a restored revision brings back that bureau's facts, citing that bureau's source.
    first = Bureau.objects.get(slug="first-district")
    oldest = list(history.versions_of(first))[-1]
    history.revert(first, oldest, get_user_model().objects.get(username="anna"))
    department = Department.objects.get(bureau=first)
    assert (department.name, department.source.bureau, department.edited_by) == ("First office", first, None)


def test_a_backup_made_before_histories_carried_their_bureaus_keys_restores_without_them(
    tmp_path, two_histories, capsys
):
    backup = tmp_path / "backup.json"
    call_command("backup", str(backup))
    records = json.loads(backup.read_text())
    for record in records:  # as such a backup held them: database ids, plain JSON
        if record["model"] == "reversion.version":
            record["fields"]["format"] = "json"
        if record["model"] == "admin.logentry":
            record["fields"]["object_id"] = "1"
    backup.write_text(json.dumps(records))

    wipe_all()
    call_command("restore", str(backup))
    assert Version.objects.count() == Revision.objects.count() == 0
    assert not any(log_entries().values())  # kept, but linked to no bureau
    assert LogEntry.objects.count() == 8
    assert "10 revision(s) could not be matched to their bureaus" in capsys.readouterr().out


# Restoring content only, into a database with accounts -------------------------------------------


def test_restore_skip_users_keeps_the_assignments_of_accounts_there_are(tmp_path, seed_data, capsys):
    User = get_user_model()
    kept, gone = User.objects.create_user("kept-editor"), User.objects.create_user("gone-editor")
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    Assignment.objects.create(user=kept, bureau=bureau, can_publish=True)
    Assignment.objects.create(user=gone, bureau=bureau)
    DepartmentFactory(bureau=bureau, name="Typed by the gone editor", edited_by=gone)
    revision_of(bureau, gone, "saved by the gone editor")
    revision_of(bureau, kept, "saved by the kept editor")
    backup = tmp_path / "backup.json"
    call_command("backup", str(backup))
    Bureau.objects.all().delete()
    Revision.objects.all().delete()
    gone.delete()

    call_command("restore", str(backup), skip_users=True)
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    assert [(a.user.username, a.can_publish) for a in Assignment.objects.all()] == [("kept-editor", True)]
    assert Department.objects.get(bureau=bureau, name_en="Typed by the gone editor").edited_by is None
    assert [(v.revision.comment, str(v.revision.user)) for v in history.versions_of(bureau)] == [
        ("saved by the kept editor", "kept-editor"),
        ("saved by the gone editor", "None"),
    ]
    out = capsys.readouterr().out
    assert "Left out 1 editor assignment(s) of accounts this database does not have: gone-editor" in out
