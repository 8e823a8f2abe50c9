"""How fast the importer parses documents, and how exactly (generated documents with known facts); and how long it
takes over a paragraph written as one endless sentence, which must grow with its length, not its square."""

import statistics
import time

from benchmarks import percentiles, status
from benchmarks.synthetic import generate
from bureaus.importer import DocumentError, parse_document

TARGET_PER_SECOND = 200
# A paragraph of one clause repeated, each shape of issue 20 (item 3): counts, and a department list's intro.
LONG_SENTENCE_SHAPES = {
    "counts": "There are 12 primary schools and 7 kindergartens, ",
    "department lists": "Departmental Units include Division of Special Education, ",
    "department lists without commas": "Departmental Units include Division of ",
    "Chinese counts": "全区共有小学12所、幼儿园7所，",  # the Chinese reader's counts (was quadratic)
}
LONG_SENTENCE_TARGET_SECONDS = 5


def run(count, long_sentence_bytes=1_000_000):
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
    long_sentences = long_sentence_seconds(long_sentence_bytes)
    worst = max(long_sentences.values())
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
        "long_sentence_bytes": long_sentence_bytes,
        "long_sentence_seconds": long_sentences,
        "long_sentence_target_seconds": LONG_SENTENCE_TARGET_SECONDS,
        "long_sentence_target_met": worst < LONG_SENTENCE_TARGET_SECONDS,
        "_rows": [
            ("documents parsed", f"{len(docs):,}"),
            ("documents per second (one core)", f"{rate:,.0f}  (target ≥ {TARGET_PER_SECOND}: {status(met)})"),
            ("latency per document, mean / p50 / p95 / max (ms)", " / ".join(str(latency[k]) for k in ("mean", "p50", "p95", "max"))),
            ("drafts with exactly the generated facts", f"{exact:,} of {len(docs):,}"),
            ("documents refused", f"{refused:,}"),
            (
                f"one sentence of {long_sentence_bytes:,} bytes, seconds",
                ", ".join(f"{shape} {seconds}" for shape, seconds in long_sentences.items())
                + f"  (target: each < {LONG_SENTENCE_TARGET_SECONDS}: {status(worst < LONG_SENTENCE_TARGET_SECONDS)})",
            ),
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


def long_sentence_seconds(size):
    """Seconds to parse a paragraph of ``size`` bytes written as one sentence, for each shape."""
    opening = "Heping District Education Bureau is located in Shenyang.\n"
    seconds = {}
    for shape, clause in LONG_SENTENCE_SHAPES.items():
        # In bytes, as the importer's 1 MB limit counts them (a Chinese character is three).
        text = opening + clause * max(1, (size - len(opening.encode())) // len(clause.encode()))
        started = time.perf_counter()
        parse_document(text)
        seconds[shape] = round(time.perf_counter() - started, 2)
    return seconds
