"""
``manage.py restore FILE``: load a backup made by ``manage.py backup`` into an empty database.

All or nothing: the load runs in one transaction; the search index and the content
version follow, as with any ``loaddata`` in this project. A database that already holds
bureaus is refused, so a restore never mixes two sets of data. A database that already
has user accounts is refused too, because restoring would silently replace their
passwords; ``--skip-users`` restores the content and keeps the accounts there are: what
the backup says of an account this database has (by username) is kept, an editor
assignment of any other account is left out and listed, and a fact or revision that names
one keeps its words without the name (the admin's log, which names users, is left out).

Every bureau's history comes back with that bureau, whatever id it gets now
(``bureaus.backups``); the profile snapshots are rendered before the command ends, so no
visitor waits for a first rendering.
"""

import json
import os
import tempfile
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction

from bureaus import backups
from bureaus.management.commands.loaddata import InvalidRecord
from bureaus.models import Bureau
from bureaus.pages import snapshots

ACCOUNTS = ("auth.user", "auth.group")


class Command(BaseCommand):
    help = "Restore a backup made by 'manage.py backup' into an empty (migrated) database."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--skip-users",
            action="store_true",
            help="Keep this database's user accounts: restore content only, without users, groups and admin log.",
        )

    def handle(self, *args, file, skip_users, **options):
        if not file.is_file():
            raise CommandError(f"{file} is not a backup file.")
        if Bureau.objects.exists():
            raise CommandError(
                "This database already holds bureaus; restore into an empty database "
                "(for example a new one, after 'manage.py migrate')."
            )
        if not skip_users and get_user_model().objects.exists():
            raise CommandError(
                "This database already has user accounts, and restoring the backup's users would replace "
                "their passwords. Run again with --skip-users to restore the content and keep these accounts."
            )
        notes = []
        try:
            records = read(file)
            history = [record for record in records if record["model"] in backups.HISTORY]
            content = [record for record in records if record["model"] not in backups.HISTORY]
            if skip_users:
                content = self.naming_accounts_there_are(content, notes)
            # loaddata (this project's) indexes the loaded bureaus and moves the content version on.
            with transaction.atomic():
                load(content)
                restored = backups.restore(history, with_log=not skip_users)
                count = Bureau.objects.count()
        except InvalidRecord as error:
            raise CommandError(f"{file} could not be restored, nothing was loaded: {error.problem}") from None
        except (DeserializationError, DatabaseError, ValueError) as error:
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise CommandError(f"{file} could not be restored, nothing was loaded: {first_line}") from None
        except (KeyError, TypeError, LookupError, AttributeError, ObjectDoesNotExist) as error:
            raise CommandError(
                f"{file} could not be restored, nothing was loaded: a record is not as 'manage.py backup' writes "
                f"it ({type(error).__name__}: {error})."
            ) from None
        self.stdout.write(f"Restored {count} bureau(s) from {file}.")
        for line in [*notes, *restored.lines()]:
            self.stdout.write(line)
        # After the restore's transaction: should this stop, render_snapshots (or first visits) finish it.
        self.stdout.write(f"{snapshots.render_published()} profile snapshot(s) rendered.")

    @staticmethod
    def naming_accounts_there_are(records, notes):
        """``records`` without accounts, and naming only accounts this database has (by username): a
        record that needs another (an editor assignment) is left out, one that may name nobody (who typed
        a fact) names nobody. What was left out is said in ``notes``."""
        User = get_user_model()
        usernames = set(User._default_manager.values_list(User.USERNAME_FIELD, flat=True))
        kept, left_out, unnamed = [], {}, 0
        for record in records:
            if record["model"] in ACCOUNTS:
                continue
            model, fields = apps.get_model(record["model"]), record["fields"]
            for name, value in list(fields.items()):
                try:
                    field = model._meta.get_field(name)
                except FieldDoesNotExist:
                    continue  # loaddata names it
                if not (field.many_to_one and field.related_model is User and isinstance(value, list)):
                    continue
                if value[0] in usernames:
                    continue
                if not field.null:
                    about = ", ".join(f"{v[0]}" for n, v in fields.items() if n != name and isinstance(v, list))
                    left_out.setdefault(model._meta.verbose_name, []).append(f"{value[0]} (of {about})")
                    break
                fields[name], unnamed = None, unnamed + 1
            else:
                kept.append(record)
        for what, which in left_out.items():
            notes.append(
                f"Left out {len(which)} {what}(s) of accounts this database does not have: {', '.join(which)}."
            )
        if unnamed:
            notes.append(f"{unnamed} fact(s) typed by accounts this database does not have keep their words, unsigned.")
        return kept


def read(file):
    """The records of the backup ``file``: a JSON list of records, each with a model and its fields."""
    try:
        records = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"{file} could not be restored, nothing was loaded: cannot read it ({error}).") from None
    except ValueError as error:
        raise CommandError(f"{file} could not be restored, nothing was loaded: it is not JSON ({error}).") from None
    if not isinstance(records, list) or not all(
        isinstance(record, dict) and isinstance(record.get("model"), str) and isinstance(record.get("fields"), dict)
        for record in records
    ):
        raise CommandError(f"{file} could not be restored, nothing was loaded: it is not a list of records.")
    return records


def load(records):
    """Load ``records`` with this project's loaddata (validating each; it reads fixtures from files only)."""
    if not records:
        return  # loaddata would warn of a fixture without data
    descriptor, name = tempfile.mkstemp(suffix=".json")  # private (0600): a backup holds password hashes
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as fixture:
            json.dump(records, fixture)
        call_command("loaddata", name, verbosity=0)
    finally:
        os.unlink(name)
