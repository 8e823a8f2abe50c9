"""The real bureaus shipped in fixtures/real/ (benchmarks/real_bureaus.py): each a corpus page's, published
with only the facts its hand-written expected file confirms, each citing its span of the stored page."""

import hashlib
import json
from collections import Counter

import pytest
from django.core.management import call_command

from benchmarks import corpus
from bureaus.models import Bureau, SourceDocument
from bureaus.places import gazetteer
from bureaus.seed import REAL_FIXTURES, SEED_FIXTURES

LISTED = {"bureaus.department": "departments", "bureaus.duty": "duties", "bureaus.achievement": "achievements",
          "bureaus.institutioncount": "counts"}  # fmt: skip


def corpus_pages():
    """{sha256 of a page's text: (its expected facts, its recorded source)} over both corpora."""
    pages = {}
    for folder in corpus.LANGUAGES.values():
        for batch in ["documents", *corpus.batches(folder)]:
            for name, source in corpus._sources(folder, batch).items():
                text = (folder / "documents" / f"{name}.txt").read_text(encoding="utf-8")
                expected = json.loads((folder / "expected" / f"{name}.json").read_text(encoding="utf-8"))
                pages[hashlib.sha256(text.encode()).hexdigest()] = (expected, source)
    return pages


def fixture_facts(records):
    """The fixture's facts in the corpus's terms, and its source's text."""
    bureau = next(r["fields"] for r in records if r["model"] == "bureaus.bureau")
    source = next(r["fields"] for r in records if r["model"] == "bureaus.sourcedocument")
    text = source["text"]
    facts = {
        "name": bureau["name_en"] or bureau["name_zh_hans"], "district": bureau["district"], "city": bureau["city"],
        "province": bureau["province"], "division_code": bureau["division_code"],
        "established_year": bureau["established_year"], "address": bureau["address"],
        **{kind: [] for kind in corpus.LISTS},
    }  # fmt: skip
    for record in records:
        kind, fields = LISTED.get(record["model"]), record["fields"]
        if kind == "departments":
            facts[kind].append(fields["name_en"] or fields["name_zh_hans"])
        elif kind == "duties":
            title, body = fields["title_en"] or fields["title_zh_hans"], fields["text_en"] or fields["text_zh_hans"]
            facts[kind].append(f"{title}. {body}" if title else body)
        elif kind == "achievements":
            facts[kind].append(fields["text_en"] or fields["text_zh_hans"])
        elif kind == "counts":
            phrase = text[fields["source_start"] : fields["source_end"]]
            facts[kind].append({"count": fields["count"], "category": fields["category"][0], "name": phrase})
    return facts, source, text, bureau


@pytest.mark.parametrize("fixture", REAL_FIXTURES, ids=lambda path: path.stem)
def test_every_real_bureaus_facts_are_confirmed_by_its_expected_file_and_cite_its_page(fixture):
    records = json.loads(fixture.read_text(encoding="utf-8"))
    facts, source, text, bureau = fixture_facts(records)
    expected, recorded = corpus_pages()[hashlib.sha256(text.encode()).hexdigest()]  # the page, byte for byte
    assert bureau["is_published"] and not expected.get("refused")
    tallies = corpus.score(facts, expected)
    wrong = {kind: tally.wrong for kind, tally in tallies.items() if tally.wrong}
    assert not wrong  # nothing the expected file does not confirm
    assert tallies["name"].right == tallies["district"].right == tallies["province"].right == 1
    assert bureau["summary_en"] == bureau["summary_zh_hans"] == ""  # no expected file confirms a summary
    assert source["url"] and source["url"] == recorded["url"]  # the page's address: every fact traceable to it
    assert source["added_at"][:10] >= "2026-11-23"
    assert gazetteer.by_code()[bureau["division_code"]].level == "county"
    for record in records:  # every fact cites a span inside the stored page
        fields = record["fields"]
        if "source_start" in fields:
            assert 0 <= fields["source_start"] < fields["source_end"] <= len(text), record["model"]


def test_real_bureaus_are_one_per_division_apart_from_the_seeds_and_from_many_provinces():
    codes, provinces = [], set()
    for fixture in REAL_FIXTURES:
        bureau = next(
            r["fields"] for r in json.loads(fixture.read_text(encoding="utf-8")) if r["model"] == "bureaus.bureau"
        )
        codes.append(bureau["division_code"])
        provinces.add(bureau["province"])
    seed_codes = {
        r["fields"].get("division_code")
        for fixture in SEED_FIXTURES
        for r in json.loads(fixture.read_text(encoding="utf-8"))
        if r["model"] == "bureaus.bureau"
    }
    assert len(REAL_FIXTURES) >= 50 and not [c for c, n in Counter(codes).items() if n > 1]
    assert not set(codes) & seed_codes
    assert len(provinces) >= 15


@pytest.mark.django_db
def test_make_run_loads_the_real_bureaus_published_with_their_sources():
    call_command("load_seed_data", verbosity=0)
    real = Bureau.objects.published().exclude(slug__in=["shenyang-heping-district", "changchun-new-district",
                                                        "dalian-jinpu-new-district"])  # fmt: skip
    assert real.count() == len(REAL_FIXTURES)
    assert SourceDocument.objects.filter(bureau__in=real).exclude(url="").count() == len(REAL_FIXTURES)


@pytest.mark.django_db
def test_the_committed_real_bureaus_are_what_the_corpora_and_the_importer_give_now():
    call_command("build_real_bureaus", "--check", verbosity=0)  # fails when fixtures/real/ is stale
