"""
Real bureaus out of the box: the corpora's pages that are one bureau's, imported by the real importer and
kept with only the facts each page's hand-written expected file confirms.

A page whose bureau the importer names and places as its expected file says becomes a published bureau;
of its facts only those the expected file lists as required stay (departments, duties, achievements,
counts of shared institution types; founding year and address where they equal the expected ones), each
still citing its span of the stored page. The summary is dropped (no expected file confirms one), and so
is any count the importer would have to propose a new institution type for. A page without an address (the
search store kept none) gives no bureau: its facts could not be traced to it. The page's address is stored
with its source, and the day it was found as the day the source was stored. One bureau per division: the
seeds' divisions stay the seeds', and of several pages about one division the one with most confirmed
facts is kept. ``manage.py build_real_bureaus`` writes them to ``fixtures/real/``; ``load_seed_data``
loads them with the seeds.
"""

import json
import re
from dataclasses import dataclass

from benchmarks import corpus
from bureaus.importer import DocumentError, parse_document
from bureaus.importer.draft import ESTABLISHED_YEAR, LOCATION, PREDECESSOR

PLACE_KINDS = ("name", "district", "province")


@dataclass
class RealBureau:
    draft: object
    page: str  # "en:shenhe-bureau-functions"
    url: str
    published: str | None
    found: str  # YYYY-MM-DD, the day the page was found and stored

    @property
    def confirmed(self):
        """How many facts the expected file confirmed (besides name and place)."""
        draft = self.draft
        lists = len(draft.departments) + len(draft.duties) + len(draft.achievements) + len(draft.counts)
        return lists + bool(draft.established_year) + bool(draft.address)


def confirmed_draft(draft, expected, known_types):
    """``draft`` cut down to what ``expected`` confirms, or None when its name or place is not the expected one."""
    facts = corpus.draft_facts(draft)
    bureau = expected.get("bureau", {})
    if expected.get("refused") or not draft.division_code:
        return None
    for kind in PLACE_KINDS:
        want = bureau.get(kind)
        if want in ("", None, []) or not facts[kind] or not corpus._scalar_matches(kind, facts[kind], want, facts):
            return None
    want_city = bureau.get("city")
    if (
        facts["city"]
        and want_city not in ("", None, [])
        and not corpus._scalar_matches("city", facts["city"], want_city, facts)
    ):
        return None
    for kind, fact in (("established_year", ESTABLISHED_YEAR), ("address", LOCATION)):
        want = bureau.get(kind)
        if facts[kind] in ("", None) or want in ("", None) or not corpus._scalar_matches(kind, facts[kind], want):
            setattr(draft, kind, None if kind == "established_year" else "")
            draft.fact_spans.pop(fact, None)
    draft.predecessor = ""  # the corpus does not score predecessors: none is confirmed
    draft.fact_spans.pop(PREDECESSOR, None)
    draft.summary = ""
    for kind in corpus.LISTS:
        is_right, _ = corpus.MATCHERS[kind]
        wanted = expected.get(kind, [])
        kept = [
            item
            for item, mine in zip(getattr(draft, kind), facts[kind], strict=True)
            if any(is_right(mine, w) for w in wanted)
        ]
        setattr(draft, kind, kept)
    draft.counts = [count for count in draft.counts if count.category in known_types and not count.new_type_name]
    draft.warnings = []
    return draft


def _found_on(sources, batch):
    """The day a batch's pages were found: its note's "Collected YYYY-MM-DD", else the corpus's date."""
    note = sources[batch].get("note", "") if batch != "documents" else ""
    collected = re.search(r"Collected (\d{4}-\d\d-\d\d)", note)
    return collected.group(1) if collected else sources.get("found", "2026-11-23")


def real_bureaus(known_types, taken_divisions=(), taken_slugs=()):
    """Every corpus page that is one bureau's, as a RealBureau with its confirmed facts: one per division."""
    candidates = []
    for language, folder in corpus.LANGUAGES.items():
        sources = json.loads((folder / "sources.json").read_text(encoding="utf-8"))
        for batch in ["documents", *corpus.batches(folder)]:
            for name, source in corpus._sources(folder, batch).items():
                if batch != "documents" and name in sources["documents"]:
                    continue  # a batch that joined the development corpus: read there
                if not source.get("url"):
                    continue  # a page whose address the search store did not keep: its facts could not be traced
                text = (folder / "documents" / f"{name}.txt").read_text(encoding="utf-8")
                expected = json.loads((folder / "expected" / f"{name}.json").read_text(encoding="utf-8"))
                try:
                    draft = parse_document(text, source.get("title") or f"{name}.txt", source.get("url") or "")
                except DocumentError:
                    continue
                draft = confirmed_draft(draft, expected, known_types)
                if draft is not None:
                    real = RealBureau(draft, f"{language}:{name}", source.get("url") or "", source.get("published"),
                                      _found_on(sources, batch))  # fmt: skip
                    candidates.append(real)
    chosen, divisions, slugs = [], set(taken_divisions), set(taken_slugs)
    for real in sorted(candidates, key=lambda r: (-r.confirmed, r.page)):
        if real.draft.division_code in divisions:
            continue
        while real.draft.slug in slugs:
            real.draft.slug += "-2"
        divisions.add(real.draft.division_code)
        slugs.add(real.draft.slug)
        chosen.append(real)
    return sorted(chosen, key=lambda r: r.draft.slug)
