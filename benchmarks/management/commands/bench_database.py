"""
``manage.py bench_database``: empty the benchmark's scratch database and make it ready (``make bench``).

The benchmark loads its own bureaus and needs an empty database. This empties the one ``DATABASE_URL``
names, whatever it holds, so it refuses any database whose name does not say it is the benchmark's
(``bench`` in the SQLite file's name or the PostgreSQL database's): on SQLite it deletes the file, on
PostgreSQL it drops the ``public`` schema with everything in it and creates it again (the database's
owner may). Then it migrates and loads the institution types, as ``make bench`` did before each run.
"""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from benchmarks.processes import database_label


def is_scratch(name):
    return "bench" in Path(str(name)).name.lower()


def empty():
    """Empty the database in use (SQLite: delete its file; PostgreSQL: drop and recreate its public schema)."""
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        connection.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{name}{suffix}").unlink(missing_ok=True)
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA IF EXISTS public CASCADE")
            cursor.execute("CREATE SCHEMA public")
    else:
        raise CommandError(f"The benchmark runs on SQLite or PostgreSQL, not on {connection.vendor}.")


class Command(BaseCommand):
    help = "Empty the benchmark's scratch database (its name must contain 'bench'), migrate it, load the types."

    def handle(self, *args, **options):
        name = connection.settings_dict["NAME"]
        if not is_scratch(name):
            raise CommandError(
                f"Refusing to empty {name!r}: the benchmark's scratch database must have 'bench' in its name "
                "(bench-results/bench.sqlite3, or a PostgreSQL database such as portal_bench)."
            )
        try:
            empty()
        except Exception as error:  # unreachable server, wrong password, not the schema's owner …
            raise CommandError(f"Could not empty {database_label_or(name)}: {error}".strip()) from error
        call_command("migrate", "--noinput", verbosity=0)
        call_command("load_seed_data", "--types-only", verbosity=0)
        self.stdout.write(f"Scratch database ready: {database_label()}, migrated, institution types loaded.")


def database_label_or(name):
    try:
        return database_label()
    except Exception:
        return repr(str(name))
