"""
``manage.py benchmark``: the portal's measured speed (``make bench``), on a scratch database.

Sections, in order (``--only`` picks one or more):
  corpus    the importer's recall and precision on real documents, per language (fixtures/corpus,
            fixtures/corpus_zh): the development corpus per document and kind, then each later batch
            ("validation…") on its own row, the honest estimate for pages the rules were not built on
  importer  parse 1,000 generated documents on one core; then 1 MB paragraphs written as one sentence
  queries   load the national dataset in steps (30, 300, 3,000 bureaus), counting SQL queries per page
  search    search latency over the loaded dataset
  loading   the national fixture: bulk_load versus loaddata, on fresh databases
  serving   gunicorn + wrk on loopback at each size (30, 300, 3,000): every page uncached and cached as a
            share of a static file; then how many cached profiles stay cached when one bureau is edited
  mixed     50 readers and 5 staff saving through the admin, at once, on SQLite

It runs on the database ``DATABASE_URL`` names, SQLite or PostgreSQL; the servers it starts serve that
same database. ``make bench`` runs it on a scratch SQLite file, then the sections that load the
national dataset (queries, search, serving) again on a scratch PostgreSQL database when
``BENCH_POSTGRES_URL`` names one, writing those figures under ``bench-results/postgres/``.
(loading compares the loaders on fresh SQLite files whatever the database.)

Figures go to the terminal, each section headed with the database it ran on, and to
``bench-results/<section>.json`` (with a ``database`` field).
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchmarks import corpus, importer, loading, mixed, queries, search, serving
from benchmarks.dataset import national_drafts
from benchmarks.processes import database_label, database_url
from bureaus.models import Bureau

SECTIONS = ["corpus", "importer", "queries", "search", "loading", "serving", "mixed"]
DATABASE_SECTIONS = {"queries", "search", "loading", "mixed"}  # and every serving-… report: figures of a database


class Command(BaseCommand):
    help = "Measure the portal (see the module docstring); writes bench-results/*.json. Use a scratch database."

    def add_arguments(self, parser):
        parser.add_argument("--only", nargs="+", choices=SECTIONS, help="Run only these sections.")
        parser.add_argument("--documents", type=int, default=1000, help="Documents to parse (1000).")
        parser.add_argument(
            "--long-sentence-bytes", type=int, default=1_000_000, help="Size of the one-sentence paragraphs (1 MB)."
        )
        parser.add_argument("--bureaus", type=int, default=3000, help="Bureaus in the national dataset (3000).")
        parser.add_argument("--searches", type=int, default=300, help="Searches to time (300).")
        parser.add_argument("--seconds", type=int, default=5, help="Seconds per wrk run (5).")
        parser.add_argument("--mixed-seconds", type=int, default=60, help="Length of the mixed run (60).")
        parser.add_argument("--output-dir", type=Path, default=Path(settings.BASE_DIR) / "bench-results")

    def handle(self, *args, only, output_dir, **options):
        sections = only or SECTIONS
        output_dir.mkdir(parents=True, exist_ok=True)
        needs_dataset = set(sections) & {"queries", "search", "loading", "serving", "mixed"}
        if needs_dataset and Bureau.objects.exists():
            raise CommandError(
                "The benchmark loads its own bureaus and needs an empty database: run it through 'make bench', "
                "which empties bench-results/bench.sqlite3 (and BENCH_POSTGRES_URL's database) with bench_database."
            )
        # The corpus and importer sections never touch the database: naming one (and connecting to learn
        # its version) would both mislead and fail where no database is reachable.
        self.database = database_label() if needs_dataset else None
        debug, settings.DEBUG = settings.DEBUG, False  # no query log: measure the portal, not debug bookkeeping
        try:
            drafts = national_drafts(options["bureaus"]) if needs_dataset else []
            if "corpus" in sections:
                self.report("corpus", corpus.run("en"), output_dir)
                self.report("corpus-zh", corpus.run("zh-Hans"), output_dir)  # the Chinese reader's own corpus
            if "importer" in sections:
                self.report("importer", importer.run(options["documents"], options["long_sentence_bytes"]), output_dir)
            url = database_url()
            if needs_dataset:
                steps = sorted({min(30, len(drafts)), min(300, len(drafts)), len(drafts)})

                def serve(step):  # every page served, at each size of the dataset
                    if "serving" in sections:
                        result = serving.run(url, output_dir, options["seconds"], size=step)
                        self.report(f"serving-{step}", result, output_dir)

                result = queries.run(drafts, steps=steps, at_each_step=serve)
                if "queries" in sections:
                    self.report("queries", result, output_dir)
            if "search" in sections:
                self.report("search", search.run(options["searches"]), output_dir)
            if "loading" in sections:
                self.report("loading", loading.run(drafts, output_dir), output_dir)
            if "serving" in sections:
                self.report("serving-after-an-edit", serving.after_an_edit(url), output_dir)
            if "mixed" in sections:
                self.report("mixed", mixed.run(url, options["mixed_seconds"]), output_dir)
        finally:
            settings.DEBUG = debug

    def report(self, name, result, output_dir):
        rows = result.pop("_rows")
        (output_dir / f"{name}.json").write_text(
            json.dumps({"benchmark": name, "database": self.database, **result}, indent=2, default=str) + "\n"
        )
        width = max(len(label) for label, _ in rows)
        header = name.capitalize()
        if name in DATABASE_SECTIONS or name.startswith("serving"):
            header += "  [on fresh SQLite files]" if name == "loading" else f"  [on {self.database}]"
        self.stdout.write(f"\n{header}")
        for label, value in rows:
            self.stdout.write(f"  {label:<{width}}  {value}")
        self.stdout.write(f"  → {output_dir / f'{name}.json'}")
