"""
Recall and precision of the importer on the real-document corpus (``fixtures/corpus``).

Each document's expected facts were written by hand before the importer was run on
it. A fact kind's *recall* is the share of expected facts the draft has; its
*precision* the share of the draft's facts that are expected (facts marked optional
in the expected file count neither way: true, but not what a reader must find).

How facts are compared, so that wording and cutting do not decide:
- place, name, year, seat: the same after folding case and punctuation (a name or seat
  may be given as a list of acceptable forms; an empty expected value means the
  importer must leave it blank);
- departments: the same name after folding, or one name holding the other;
- duties and achievements: by their words. A draft item is right when at least 80 %
  of its words lie in one expected item; an expected item is found when one draft
  item holds at least 60 % of its words and is mostly made of it;
- institution counts: the same number and a word of the counted thing in common.

Chinese pages (``fixtures/corpus_zh``) are scored by the same code: a Chinese character is a
"word", and a place is compared through the gazetteer (the expected 和平区 / 沈阳市 / 辽宁省 against
the draft's English names or its division code).

A few real pages are not a bureau's (a page on bureaus in general, a prefecture's page):
their expected file says ``"refused": true`` and expects no facts, so a draft of one
scores every fact it proposes as wrong.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
CORPUS_ZH = CORPUS.with_name("corpus_zh")
PLACES = ("district", "city", "province")
SCALARS = ("name", "district", "city", "province", "established_year", "address")
LISTS = ("departments", "duties", "achievements", "counts")
KINDS = (*SCALARS, *LISTS)


def words(text):
    """Latin words and digits, and each Chinese character as a word of its own; an apostrophe parting syllables
    does not part words (the gazetteer's "Zhunge'er" is the text's "Zhungeer")."""
    return re.findall(r"[a-z0-9]+|[\u3400-\u9fff]", re.sub(r"(?<=[a-z])['’](?=[a-z])", "", str(text).lower()))


def fold(text):
    return " ".join(word for word in words(text) if word != "the")


def singular(word):
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


@dataclass
class Tally:
    expected: int = 0
    found: int = 0  # expected facts the draft has
    proposed: int = 0  # facts the draft gives (optional ones left out)
    right: int = 0  # of those, the expected ones
    misses: list = field(default_factory=list)
    wrong: list = field(default_factory=list)

    def add(self, other):
        self.expected += other.expected
        self.found += other.found
        self.proposed += other.proposed
        self.right += other.right

    @property
    def recall(self):
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self):
        return self.right / self.proposed if self.proposed else 1.0


def _chinese_places(kind, facts):
    """The Chinese names the gazetteer gives the draft's place at the level of ``kind``."""
    from bureaus.places import gazetteer

    division = gazetteer.by_code().get(facts.get("division_code") or "")
    if division is not None:
        above = {"district": division, "city": division.city, "province": division.province}[kind]
        return {above.chinese} if above is not None else set()
    level = {"district": "county", "city": "prefecture", "province": "province"}[kind]
    return {d.chinese for d in gazetteer.named(facts[kind], level=level)} if facts[kind] else set()


def _with_current_names(options):
    """The expected place names and, for a former one (镇海县 on a county history) or a short form (喀左县), the
    division's full name now (镇海区, 喀喇沁左翼蒙古族自治县): a draft placed there is right."""
    from bureaus.places import gazetteer

    formers = (gazetteer.formerly_named(str(option)) for option in options)
    short = gazetteer.chinese_short_forms()  # 喀左县 for 喀喇沁左翼蒙古族自治县, as the reader finds them
    return (
        set(options)
        | {former.division.chinese for former in formers if former is not None}
        | {short[option].chinese for option in options if option in short}
    )


def _scalar_matches(kind, value, expected, facts=None):
    options = expected if isinstance(expected, list) else [expected]
    if kind == "established_year":
        return value in options or str(value) in options
    if kind in PLACES and facts is not None and any(re.search(r"[\u3400-\u9fff]", str(o)) for o in options):
        return bool(_chinese_places(kind, facts) & _with_current_names(options))
    if kind == "address":
        return any(fold(option) and (fold(option) in fold(value) or fold(value) in fold(option)) for option in options)
    if kind == "district":  # as for Chinese names: "Hengxian County" expected, the draft at Hengzhou City, now its name
        options = [*options, *_current_english_names(options)]
    return any(fold(option) == fold(value) for option in options)


def _current_english_names(options):
    """The English names of the divisions the expected former names (横县's "Heng County") bear now."""
    from bureaus.places import gazetteer

    formers = (gazetteer.formerly_named(str(option)) for option in options)
    return [former.division.name for former in formers if former is not None and not former.presumed]


def _department_matches(name, expected):
    a, b = fold(name), fold(expected)
    return bool(a) and (a == b or (len(min(a, b, key=len)) >= 0.6 * len(max(a, b, key=len)) and (a in b or b in a)))


def _share(part, whole):
    part_words, whole_words = set(words(part)), set(words(whole))
    return len(part_words & whole_words) / len(part_words) if part_words else 0.0


def _text_right(text, expected):
    """Mostly made of the expected item's words, or holding nearly all of them and not much else."""
    if len(words(text)) < 2:
        return False
    return _share(text, expected) >= 0.8 or (_share(expected, text) >= 0.8 and _share(text, expected) >= 0.5)


def _text_found(expected, texts):
    """Whether the draft items that belong to ``expected`` cover at least 60 % of its words between them
    (a list the importer cut into more items than the reader did is still found)."""
    wanted = set(words(expected))
    covered = set()
    for text in texts:
        if _text_right(text, expected) or _share(text, expected) >= 0.6:
            covered |= set(words(text)) & wanted
    return bool(wanted) and len(covered) / len(wanted) >= 0.6


def _count_matches(count, expected):
    number, phrase = expected
    if count["count"] != number:
        return False
    mine = {singular(word) for word in words(count["category"]) + words(count["name"])}
    return bool(mine & {singular(word) for word in words(phrase)} - {"of", "and", "all", "the"})


MATCHERS = {
    "departments": (_department_matches, _department_matches),
    "duties": (_text_right, _text_found),
    "achievements": (_text_right, _text_found),
    "counts": (_count_matches, lambda expected, count: _count_matches(count, expected)),
}


def draft_facts(draft):
    """The facts of a parsed draft in the corpus's terms."""
    return {
        "name": draft.name,
        "district": draft.district,
        "division_code": getattr(draft, "division_code", ""),
        "city": draft.city,
        "province": draft.province,
        "established_year": draft.established_year,
        "address": draft.address,
        "departments": [department.name for department in draft.departments],
        "duties": [f"{duty.title}. {duty.text}" if duty.title else duty.text for duty in draft.duties],
        "achievements": [achievement.text for achievement in draft.achievements],
        "counts": [
            {"count": count.count, "category": count.category, "name": f"{count.new_type_name} {count.phrase}"}
            for count in draft.counts
        ],
    }


def score(facts, expected):
    """{kind: Tally} for one document's draft facts against its expected facts."""
    tallies = {}
    bureau = expected.get("bureau", {})
    for kind in SCALARS:
        tally = tallies[kind] = Tally()
        if kind not in bureau:
            continue  # not scored for this document
        want, value = bureau[kind], facts[kind]
        wants_blank = want in ("", None)
        tally.expected = 0 if wants_blank else 1
        if value not in ("", None):
            tally.proposed = 1
            if not wants_blank and _scalar_matches(kind, value, want, facts):
                tally.right = tally.found = 1
            else:
                tally.wrong.append(value)
        if tally.expected and not tally.found:
            tally.misses.append(want)
    for kind in LISTS:
        tally = tallies[kind] = Tally()
        is_right, is_found = MATCHERS[kind]
        wanted, optional = expected.get(kind, []), expected.get(f"optional_{kind}", [])
        tally.expected = len(wanted)
        for item in wanted:
            if kind in ("duties", "achievements"):
                hit = is_found(item, facts[kind])
            else:
                hit = any(is_found(item, mine) for mine in facts[kind])
            if hit:
                tally.found += 1
            else:
                tally.misses.append(item)
        for mine in facts[kind]:
            if any(is_right(mine, item) for item in wanted):
                tally.proposed += 1
                tally.right += 1
            elif not any(is_right(mine, item) for item in optional):
                tally.proposed += 1
                tally.wrong.append(mine)
    return tallies


def _sources(corpus, batch):
    sources = json.loads((corpus / "sources.json").read_text(encoding="utf-8"))
    found = sources[batch] if batch == "documents" else sources[batch]["documents"]
    if isinstance(found, list):  # a batch whose pages joined the development corpus lists their names only
        found = {name: sources["documents"][name] for name in found}
    # The English corpus records an address per page; the Chinese one a record with its address and title.
    return {name: source if isinstance(source, dict) else {"url": source} for name, source in found.items()}


def batches(corpus=CORPUS):
    """The corpus's batches of later pages ("validation", "validation2", …), in the order they were collected,
    each with whether its pages have since joined the development corpus (then its untouched figures are only
    those recorded in its note: the rules have been fitted to it since)."""
    sources = json.loads((corpus / "sources.json").read_text(encoding="utf-8"))
    development = set(sources["documents"])
    return {
        key: set(value["documents"]) <= development for key, value in sources.items() if key.startswith("validation")
    }


def documents(corpus=CORPUS, batch="documents"):
    """(name, text, expected facts, source address) of every document of a corpus's batch."""
    for name, source in sorted(_sources(corpus, batch).items()):
        text = (corpus / "documents" / f"{name}.txt").read_text(encoding="utf-8")
        expected = json.loads((corpus / "expected" / f"{name}.json").read_text(encoding="utf-8"))
        yield name, text, expected, source["url"]


def evaluate(parse, corpus=CORPUS, batch="documents"):
    """Run ``parse(text, title)`` on every document: per-document and overall tallies by kind.

    A document's title is the page's where the corpus records one, else its file name.
    A document the importer refuses scores nothing found, so it shows as lost recall.
    """
    per_document, overall = {}, {kind: Tally() for kind in KINDS}
    titles = {name: source.get("title") for name, source in _sources(corpus, batch).items()}
    for name, text, expected, _ in documents(corpus, batch):
        try:
            facts = draft_facts(parse(text, titles[name] or f"{name}.txt"))
            error = ""
        except Exception as refusal:  # a refusal is the finding: every expected fact is missed
            facts = {kind: ([] if kind in LISTS else None) for kind in KINDS} | {"division_code": ""}
            error = str(refusal)
        tallies = score(facts, expected)
        per_document[name] = (tallies, error)
        for kind in KINDS:
            overall[kind].add(tallies[kind])
    return per_document, overall


def total(tallies):
    summed = Tally()
    for tally in tallies.values():
        summed.add(tally)
    return summed


RECALL_TARGET, PRECISION_TARGET = 0.85, 0.97


LANGUAGES = {"en": CORPUS, "zh-Hans": CORPUS_ZH}


def run(language="en", parse=None):
    """The ``make bench`` section for one language's corpus: recall and precision per document, per kind
    of fact and overall on the development corpus (the one the targets apply to), then a row per batch of
    later pages, the honest estimate for pages the rules were not built on. ``parse`` defaults to the real
    importer."""
    from benchmarks import status

    if parse is None:
        from bureaus.importer import parse_document as parse  # the benchmark measures the real importer

    per_document, overall = evaluate(parse, LANGUAGES[language])
    summed = total(overall)
    met = summed.recall >= RECALL_TARGET and summed.precision >= PRECISION_TARGET
    rows = [
        (
            name,
            f"recall {total(t).recall:6.1%}  precision {total(t).precision:6.1%}"
            + (f"  REFUSED: {error}" if error else ""),
        )
        for name, (t, error) in per_document.items()
    ]
    rows += [
        (
            f"  {kind}",
            f"recall {t.recall:6.1%} ({t.found}/{t.expected})  precision {t.precision:6.1%} ({t.right}/{t.proposed})",
        )
        for kind, t in overall.items()
    ]
    rows.append(
        (
            "overall",
            f"recall {summed.recall:.1%} ({summed.found}/{summed.expected}), precision {summed.precision:.1%} "
            f"({summed.right}/{summed.proposed})  (targets ≥ {RECALL_TARGET:.0%} and ≥ {PRECISION_TARGET:.0%}: {status(met)})",
        )
    )
    by_batch = {}
    for batch, in_development in batches(LANGUAGES[language]).items():
        pages, tallies = evaluate(parse, LANGUAGES[language], batch)
        batch_total = total(tallies)
        by_batch[batch] = {
            "documents": len(pages),
            "recall": round(batch_total.recall, 4),
            "precision": round(batch_total.precision, 4),
            "in_development": in_development,
        }
        rows.append(
            (
                f"batch {batch}",
                f"recall {batch_total.recall:6.1%} ({batch_total.found}/{batch_total.expected})  precision "
                f"{batch_total.precision:6.1%} ({batch_total.right}/{batch_total.proposed})  {len(pages)} pages, "
                + ("now development pages too" if in_development else "kept out of development")
                + " (its first run, untouched, is in its note)",
            )
        )
    return {
        "language": language,
        "documents": len(per_document),
        "recall": round(summed.recall, 4),
        "precision": round(summed.precision, 4),
        "targets_met": met,
        "by_kind": {kind: {"recall": round(t.recall, 4), "precision": round(t.precision, 4)} for kind, t in overall.items()},
        "by_document": {
            name: {"recall": round(total(t).recall, 4), "precision": round(total(t).precision, 4), "refused": error}
            for name, (t, error) in per_document.items()
        },
        "batches": by_batch,
        "_rows": rows,
    }  # fmt: skip
