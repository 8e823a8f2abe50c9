"""
``manage.py backup FILE``: everything the portal holds, as one fixture with natural keys.

Bureaus and all their items, source documents, institution types, users, groups, editor
assignments, every bureau's history (revisions) and the admin's log. History names rows by
database ids, which a restore gives anew: here they are written as natural keys instead
(``bureaus.backups``), so each bureau's history comes back with it. Left out, because they are rebuilt: content types and
permissions (by ``migrate``), sessions, the search index and the content version.
``manage.py restore FILE`` loads it into an empty database.

The file holds every user's password hash, so it is created readable and writable by
its owner only (mode 0600), whatever the umask.
"""

import json
import os
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from bureaus import backups, content

EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    # Derived from the bureaus, and rebuilt when they are loaded.
    *(model._meta.label_lower for model in content.DERIVED),
]


class Command(BaseCommand):
    help = "Write a full backup of the portal's data (a JSON fixture with natural keys) to FILE."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        if file.exists() and file.is_dir():
            raise CommandError(f"{file} is a folder; give a file name, e.g. {file / 'portal-backup.json'}.")
        temporary = file.with_name(file.name + ".partial")
        try:
            # Created private before a byte is written; dumpdata then writes into it.
            os.close(os.open(temporary, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
            os.chmod(temporary, 0o600)  # an existing .partial keeps its old mode through os.open
            call_command(
                "dumpdata",
                *sum((["--exclude", label] for label in EXCLUDED), []),
                natural_foreign=True,
                natural_primary=True,
                indent=1,
                output=str(temporary),
                verbosity=0,
            )
            records = backups.portable(json.loads(temporary.read_text(encoding="utf-8")))
            temporary.write_text(json.dumps(records, indent=1, ensure_ascii=False), encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write the backup to {file}: {error.strerror}.") from None
        temporary.replace(file)  # a half-written backup never takes the name of a finished one
        self.stdout.write(f"Backup written to {file} (readable by its owner only: it holds password hashes).")
