"""The importer on real documents nobody here wrote (fixtures/corpus): recall and precision held, facts cited."""

import json

import pytest

from benchmarks.corpus import CORPUS, PRECISION_TARGET, RECALL_TARGET, Tally, documents, evaluate, score, total
from bureaus.importer import DocumentError, parse_document


def test_the_corpus_has_at_least_twenty_documents_each_with_its_source_and_expected_facts():
    found = list(documents())
    assert len(found) >= 20
    for name, text, expected, address in found:
        assert address.startswith(("http://", "https://")), name
        assert text.strip(), name
        for department in expected["departments"]:
            assert department.lower() in text.lower(), (name, department)
        for item in expected["duties"] + expected["achievements"]:
            assert item in text, (name, item)  # expected items are the document's own words


def test_the_importer_holds_its_recall_and_precision_on_real_documents():
    per_document, overall = evaluate(parse_document)
    summed = total(overall)
    refused = [name for name, (_, error) in per_document.items() if error]
    # Every page about a bureau becomes a draft; the few that are not one (marked "refused") are refused.
    assert refused == [name for name, _, expected, _ in documents() if expected.get("refused")]
    assert summed.recall >= RECALL_TARGET, {k: (t.misses) for k, t in overall.items() if t.misses}
    assert summed.precision >= PRECISION_TARGET, {k: t.wrong for k, t in overall.items() if t.wrong}


@pytest.mark.parametrize("name", sorted(json.loads((CORPUS / "sources.json").read_text())["documents"]))
def test_every_fact_of_a_real_document_quotes_its_source_exactly(name):
    text = (CORPUS / "documents" / f"{name}.txt").read_text(encoding="utf-8")
    if json.loads((CORPUS / "expected" / f"{name}.json").read_text()).get("refused"):
        with pytest.raises(DocumentError):
            parse_document(text, f"{name}.txt")
        return
    draft = parse_document(text, f"{name}.txt")
    assert draft.unquoted() == []  # every fact's words are in the sentence it cites


def test_the_scorer_counts_what_is_missed_and_what_is_wrong():
    expected = {
        "bureau": {"province": "Hebei", "city": ""},
        "departments": ["Office", "Personnel unit"],
        "duties": ["Manage the schools of the county well"],
        "counts": [[12, "primary schools"]],
        "optional_counts": [[3, "teaching points"]],
    }
    facts = {
        "name": "", "district": "", "city": "Handan", "province": "Hebei", "established_year": None, "address": "",
        "departments": ["Office", "Invented section"],
        "duties": ["Manage the schools of the county well"],
        "achievements": [],
        "counts": [{"count": 12, "category": "primary-school", "name": ""}, {"count": 3, "category": "x", "name": "teaching points"}],
    }  # fmt: skip
    tallies = score(facts, expected)
    assert (tallies["departments"].found, tallies["departments"].right, tallies["departments"].proposed) == (1, 1, 2)
    assert tallies["city"].wrong == ["Handan"] and tallies["city"].proposed == 1  # expected blank: a value is wrong
    assert (tallies["counts"].found, tallies["counts"].proposed) == (1, 1)  # the optional count counts neither way
    summed = Tally()
    for tally in tallies.values():
        summed.add(tally)
    assert summed.recall == 4 / 5 and summed.precision == 4 / 6
