"""The benchmark command runs, writes its JSON, and the generated documents parse to the facts they were made from."""

import json

from django.core.management import call_command

from bureaus.importer import parse_document
from bureaus.importer.synthetic import generate


def test_generated_documents_parse_to_their_facts():
    for doc in generate(30, seed=7):
        draft = parse_document(doc.text)
        assert [d.name.lower() for d in draft.departments] == doc.departments
        assert len(draft.duties) == doc.duties
        assert [(c.category, c.count) for c in draft.counts] == doc.counts
        assert draft.established_year == doc.year


def test_generation_is_deterministic():
    assert [d.text for d in generate(5)] == [d.text for d in generate(5)]


def test_benchmark_writes_its_figures(tmp_path, capsys):
    call_command("benchmark", "--documents", "20", "--output-dir", str(tmp_path))
    result = json.loads((tmp_path / "importer.json").read_text())
    assert result["documents"] == 20
    assert result["documents_per_second"] > 0
    assert result["drafts_with_exactly_the_generated_facts"] == 20
    assert "documents per second (one core)" in capsys.readouterr().out
