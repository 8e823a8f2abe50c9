"""The database's own full-text index over SearchEntry, and entries for the bureaus already there.

SQLite: an FTS5 table (porter stemming) kept in step with bureaus_searchentry by
triggers. PostgreSQL: a generated, weighted tsvector column with a GIN index.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE bureaus_search_fts USING fts5(name, place, body, tokenize='porter unicode61 remove_diacritics 2')",
    """CREATE TRIGGER bureaus_search_insert AFTER INSERT ON bureaus_searchentry BEGIN
         INSERT INTO bureaus_search_fts(rowid, name, place, body) VALUES (new.bureau_id, new.name, new.place, new.body);
       END""",
    """CREATE TRIGGER bureaus_search_delete AFTER DELETE ON bureaus_searchentry BEGIN
         DELETE FROM bureaus_search_fts WHERE rowid = old.bureau_id;
       END""",
    """CREATE TRIGGER bureaus_search_update AFTER UPDATE ON bureaus_searchentry BEGIN
         DELETE FROM bureaus_search_fts WHERE rowid = old.bureau_id;
         INSERT INTO bureaus_search_fts(rowid, name, place, body) VALUES (new.bureau_id, new.name, new.place, new.body);
       END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS bureaus_search_update",
    "DROP TRIGGER IF EXISTS bureaus_search_delete",
    "DROP TRIGGER IF EXISTS bureaus_search_insert",
    "DROP TABLE IF EXISTS bureaus_search_fts",
]
POSTGRES_FORWARD = [
    """ALTER TABLE bureaus_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
         setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A')
         || setweight(to_tsvector('english'::regconfig, coalesce(place, '')), 'B')
         || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')
       ) STORED""",
    "CREATE INDEX bureaus_searchentry_vector ON bureaus_searchentry USING GIN (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS bureaus_searchentry_vector",
    "ALTER TABLE bureaus_searchentry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


def index_existing_bureaus(apps, schema_editor):
    from bureaus.search import entry_fields

    Bureau = apps.get_model("bureaus", "Bureau")
    SearchEntry = apps.get_model("bureaus", "SearchEntry")
    bureaus = Bureau.objects.prefetch_related("departments", "duties", "achievements", "institution_counts__category")
    SearchEntry.objects.bulk_create([SearchEntry(bureau_id=b.pk, **entry_fields(b)) for b in bureaus])


class Migration(migrations.Migration):
    dependencies = [("bureaus", "0003_search_entries")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
        migrations.RunPython(index_existing_bureaus, migrations.RunPython.noop),
    ]
