"""
``manage.py benchmark``: the portal's measured speed (``make bench``).

- importer: parses generated documents one after another in this process (one
  core): documents per second, per-document latency, and how many drafts have
  exactly the facts the documents were generated from.
- search: loads a national-scale dataset (3,000 bureaus by default) into the
  current database, then times searches: the search query alone, and the whole
  list page with a search, through Django's test client (no network).

Figures go to the terminal as tables and to ``bench-results/<name>.json``. Run it
against a scratch database: ``make bench`` uses ``bench-results/bench.sqlite3``.
"""

import json
import random
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client

from bureaus import search
from bureaus.benchmarking import bulk_load, national_drafts
from bureaus.importer import DocumentError, parse_document
from bureaus.importer.synthetic import DEPARTMENTS, DISTRICT_NAMES, DUTIES, generate
from bureaus.models import Bureau

IMPORTER_TARGET_PER_SECOND = 200
SEARCH_TARGET_P95_MS = 50


def percentiles(seconds):
    ordered = sorted(seconds)
    pick = lambda share: ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000  # noqa: E731
    return {"p50": round(pick(0.50), 2), "p95": round(pick(0.95), 2), "max": round(ordered[-1] * 1000, 2)}


class Command(BaseCommand):
    help = "Measure the importer and search; write bench-results/*.json. Use a scratch database."

    def add_arguments(self, parser):
        parser.add_argument("--only", choices=["importer", "search"], help="Run one benchmark.")
        parser.add_argument("--documents", type=int, default=1000, help="Documents to parse (1000).")
        parser.add_argument("--bureaus", type=int, default=3000, help="Bureaus in the search dataset (3000).")
        parser.add_argument("--searches", type=int, default=300, help="Searches to time (300).")
        parser.add_argument("--output-dir", type=Path, default=Path(settings.BASE_DIR) / "bench-results")

    def handle(self, *args, only, documents, bureaus, searches, output_dir, **options):
        output_dir.mkdir(parents=True, exist_ok=True)
        debug, settings.DEBUG = settings.DEBUG, False  # no query log: measure the portal, not debug bookkeeping
        try:
            if only in (None, "importer"):
                self.report("importer", self.importer(documents), output_dir)
            if only in (None, "search"):
                self.report("search", self.search(bureaus, searches), output_dir)
        finally:
            settings.DEBUG = debug

    def report(self, name, result, output_dir):
        rows = result.pop("_rows")
        (output_dir / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        width = max(len(label) for label, _ in rows)
        self.stdout.write(f"\n{name.capitalize()} benchmark")
        for label, value in rows:
            self.stdout.write(f"  {label:<{width}}  {value}")
        self.stdout.write(f"  results written to {output_dir / f'{name}.json'}")

    def importer(self, count):
        docs = generate(count)
        parse_document(docs[0].text)  # warm up: compile regular expressions, load the gazetteer
        timings, exact, refused = [], 0, 0
        started = time.perf_counter()
        for doc in docs:
            t0 = time.perf_counter()
            try:
                draft = parse_document(doc.text)
            except DocumentError:
                refused += 1
                continue
            finally:
                timings.append(time.perf_counter() - t0)
            exact += _matches(draft, doc)
        elapsed = time.perf_counter() - started
        rate = len(docs) / elapsed
        latency = {"mean": round(statistics.fmean(timings) * 1000, 3), **percentiles(timings)}
        met = rate >= IMPORTER_TARGET_PER_SECOND
        return {
            "benchmark": "importer",
            "documents": len(docs),
            "seconds": round(elapsed, 3),
            "documents_per_second": round(rate, 1),
            "target_documents_per_second": IMPORTER_TARGET_PER_SECOND,
            "target_met": met,
            "latency_ms": latency,
            "drafts_with_exactly_the_generated_facts": exact,
            "documents_refused": refused,
            "_rows": [
                ("documents parsed", f"{len(docs):,}"),
                ("documents per second (one core)", f"{rate:,.0f}  (target ≥ {IMPORTER_TARGET_PER_SECOND}: {'met' if met else 'NOT met'})"),
                ("latency per document, mean / p50 / p95 / max (ms)", " / ".join(str(latency[k]) for k in ("mean", "p50", "p95", "max"))),
                ("drafts with exactly the generated facts", f"{exact:,} of {len(docs):,}"),
                ("documents refused", f"{refused:,}"),
            ],
        }  # fmt: skip

    def search(self, bureau_count, search_count):
        if Bureau.objects.exists():
            raise CommandError(
                "The search benchmark loads its own bureaus and needs an empty database: "
                "run it through 'make bench', which uses bench-results/bench.sqlite3."
            )
        started = time.perf_counter()
        rows = bulk_load(national_drafts(bureau_count))
        load_seconds = time.perf_counter() - started
        rng = random.Random(7)
        vocabulary = (
            DISTRICT_NAMES
            + [name for name, _ in DEPARTMENTS]
            + [" ".join(duty.split()[:2]) for duty in DUTIES]
            + ["kindergarten", "special education", "teacher training", "Liaoning", "budget", "safety", "xyzzy"]
        )
        queries = [rng.choice(vocabulary) for _ in range(search_count)]
        published = Bureau.objects.published()
        query_times, page_times, hits = [], [], []
        client = Client(HTTP_HOST="127.0.0.1")
        client.get("/bureaus/", {"q": "warm up"})
        for query in queries:
            t0 = time.perf_counter()
            results = search.ranked(published, query)
            hits.append(results.count())
            list(results[:25].values_list("pk", flat=True))
            query_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            response = client.get("/bureaus/", {"q": query})
            page_times.append(time.perf_counter() - t0)
            assert response.status_code == 200
        query_ms, page_ms = percentiles(query_times), percentiles(page_times)
        met = page_ms["p95"] < SEARCH_TARGET_P95_MS
        return {
            "benchmark": "search",
            "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
            "bureaus": bureau_count,
            "rows_loaded": rows,
            "load_seconds": round(load_seconds, 2),
            "searches": len(queries),
            "mean_results": round(statistics.fmean(hits), 1),
            "search_query_ms": query_ms,
            "list_page_with_search_ms": page_ms,
            "target_p95_ms": SEARCH_TARGET_P95_MS,
            "target_met": met,
            "_rows": [
                ("bureaus (rows loaded, seconds)", f"{bureau_count:,} ({rows:,} rows, {load_seconds:.1f} s)"),
                ("searches timed", f"{len(queries):,} (mean {statistics.fmean(hits):,.0f} results)"),
                ("search query: count + first page, p50 / p95 / max (ms)", " / ".join(str(query_ms[k]) for k in ("p50", "p95", "max"))),
                ("whole list page with search, p50 / p95 / max (ms)", " / ".join(str(page_ms[k]) for k in ("p50", "p95", "max"))),
                ("target: page p95 under 50 ms", "met" if met else "NOT met"),
            ],
        }  # fmt: skip


def _matches(draft, doc):
    """Whether a draft has the departments, number of duties, counts and founding year the document was made from."""
    return (
        [d.name.lower() for d in draft.departments] == doc.departments
        and len(draft.duties) == doc.duties
        and len(draft.achievements) == doc.achievements
        and [(c.category, c.count) for c in draft.counts] == doc.counts
        and draft.established_year == doc.year
    )
