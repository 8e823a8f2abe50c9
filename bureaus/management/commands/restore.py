"""
``manage.py restore FILE``: load a backup made by ``manage.py backup`` into an empty database.

All or nothing: the load runs in one transaction; the search index and the content
version follow, as with any ``loaddata`` in this project. A database that already holds
bureaus is refused, so a restore never mixes two sets of data. A database that already
has user accounts is refused too, because restoring would silently replace their
passwords; ``--skip-users`` restores the content and keeps the accounts there are
(the admin's history, which names users, is left out with them).
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction

from bureaus.management.commands.loaddata import InvalidRecord
from bureaus.models import Bureau

USER_DATA = ["auth.user", "auth.group", "admin.logentry"]


class Command(BaseCommand):
    help = "Restore a backup made by 'manage.py backup' into an empty (migrated) database."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--skip-users",
            action="store_true",
            help="Keep this database's user accounts: restore content only, without users, groups and admin history.",
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
        excluded = USER_DATA if skip_users else []
        try:
            # loaddata (this project's) indexes the loaded bureaus and moves the content version on.
            with transaction.atomic():
                call_command("loaddata", str(file), exclude=excluded, verbosity=0)
                count = Bureau.objects.count()
        except InvalidRecord as error:
            raise CommandError(f"{file} could not be restored, nothing was loaded: {error.problem}") from None
        except (DeserializationError, DatabaseError, ValueError) as error:
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise CommandError(f"{file} could not be restored, nothing was loaded: {first_line}") from None
        self.stdout.write(f"Restored {count} bureau(s) from {file}.")
