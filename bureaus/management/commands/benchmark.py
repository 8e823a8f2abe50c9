"""
``manage.py benchmark``: the portal's measured speed (``make bench``).

Importer: parses generated documents one after another in this process (one
core) and reports documents per second, per-document latency, and how many
drafts have exactly the facts the documents were generated from. Results go to
the terminal as a table and to ``bench-results/importer.json``.
"""

import json
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from bureaus.importer import DocumentError, parse_document
from bureaus.importer.synthetic import generate

IMPORTER_TARGET_PER_SECOND = 200


class Command(BaseCommand):
    help = "Measure the importer's speed on generated documents; write bench-results/importer.json."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=1000, help="How many documents to parse (1000).")
        parser.add_argument("--output-dir", type=Path, default=Path(settings.BASE_DIR) / "bench-results")

    def handle(self, *args, documents, output_dir, **options):
        docs = generate(documents)
        parse_document(docs[0].text)  # warm up: compile regular expressions, load the gazetteer
        timings, exact, failures = [], 0, []
        started = time.perf_counter()
        for doc in docs:
            t0 = time.perf_counter()
            try:
                draft = parse_document(doc.text)
            except DocumentError as error:
                failures.append(str(error))
                continue
            finally:
                timings.append(time.perf_counter() - t0)
            exact += _matches(draft, doc)
        elapsed = time.perf_counter() - started
        rate = len(docs) / elapsed
        timings.sort()
        result = {
            "benchmark": "importer",
            "documents": len(docs),
            "seconds": round(elapsed, 3),
            "documents_per_second": round(rate, 1),
            "target_documents_per_second": IMPORTER_TARGET_PER_SECOND,
            "target_met": rate >= IMPORTER_TARGET_PER_SECOND,
            "latency_ms": {
                "mean": round(statistics.fmean(timings) * 1000, 3),
                "p50": round(timings[len(timings) // 2] * 1000, 3),
                "p95": round(timings[int(len(timings) * 0.95) - 1] * 1000, 3),
                "max": round(timings[-1] * 1000, 3),
            },
            "drafts_with_exactly_the_generated_facts": exact,
            "documents_refused": len(failures),
        }
        output_dir.mkdir(parents=True, exist_ok=True)
        (output_dir / "importer.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        rows = [
            ("documents parsed", f"{len(docs):,}"),
            ("documents per second (one core)", f"{rate:,.0f}  (target ≥ {IMPORTER_TARGET_PER_SECOND}: {'met' if result['target_met'] else 'NOT met'})"),
            ("latency per document, mean / p50 / p95 / max (ms)", " / ".join(str(result["latency_ms"][k]) for k in ("mean", "p50", "p95", "max"))),
            ("drafts with exactly the generated facts", f"{exact:,} of {len(docs):,}"),
            ("documents refused", f"{len(failures):,}"),
        ]  # fmt: skip
        width = max(len(label) for label, _ in rows)
        self.stdout.write("Importer benchmark")
        for label, value in rows:
            self.stdout.write(f"  {label:<{width}}  {value}")
        self.stdout.write(f"  results written to {output_dir / 'importer.json'}")


def _matches(draft, doc):
    """Whether a draft has the departments, number of duties, counts and founding year the document was made from."""
    return (
        [d.name.lower() for d in draft.departments] == doc.departments
        and len(draft.duties) == doc.duties
        and [(c.category, c.count) for c in draft.counts] == doc.counts
        and draft.established_year == doc.year
    )
