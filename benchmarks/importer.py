"""How fast the importer parses documents, and how exactly (generated documents with known facts)."""

import statistics
import time

from benchmarks import percentiles, status
from benchmarks.synthetic import generate
from bureaus.importer import DocumentError, parse_document

TARGET_PER_SECOND = 200


def run(count):
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
        exact += matches(draft, doc)
    elapsed = time.perf_counter() - started
    rate = len(docs) / elapsed
    latency = {"mean": round(statistics.fmean(timings) * 1000, 3), **percentiles(timings)}
    met = rate >= TARGET_PER_SECOND
    return {
        "documents": len(docs),
        "seconds": round(elapsed, 3),
        "documents_per_second": round(rate, 1),
        "target_documents_per_second": TARGET_PER_SECOND,
        "target_met": met,
        "latency_ms": latency,
        "drafts_with_exactly_the_generated_facts": exact,
        "documents_refused": refused,
        "_rows": [
            ("documents parsed", f"{len(docs):,}"),
            ("documents per second (one core)", f"{rate:,.0f}  (target ≥ {TARGET_PER_SECOND}: {status(met)})"),
            ("latency per document, mean / p50 / p95 / max (ms)", " / ".join(str(latency[k]) for k in ("mean", "p50", "p95", "max"))),
            ("drafts with exactly the generated facts", f"{exact:,} of {len(docs):,}"),
            ("documents refused", f"{refused:,}"),
        ],
    }  # fmt: skip


def matches(draft, doc):
    """Whether a draft has exactly the facts the document was generated from."""
    return (
        [d.name.lower() for d in draft.departments] == doc.departments
        and len(draft.duties) == doc.duties
        and len(draft.achievements) == doc.achievements
        and [(c.category, c.count) for c in draft.counts] == doc.counts
        and draft.established_year == doc.year
    )
