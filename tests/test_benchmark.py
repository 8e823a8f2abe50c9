"""The benchmark command runs, writes its JSON, and the generated documents parse to the facts they were made from."""

import json

import pytest
from django.core.management import call_command

from bureaus.importer import parse_document
from bureaus.importer.synthetic import generate


def test_generated_documents_parse_to_their_facts():
    for doc in generate(30, seed=7):
        draft = parse_document(doc.text)
        assert [d.name.lower() for d in draft.departments] == doc.departments
        assert len(draft.duties) == doc.duties
        assert len(draft.achievements) == doc.achievements
        assert [(c.category, c.count) for c in draft.counts] == doc.counts
        assert draft.established_year == doc.year


def test_generation_is_deterministic():
    assert [d.text for d in generate(5)] == [d.text for d in generate(5)]


def test_importer_benchmark_writes_its_figures(tmp_path, capsys):
    call_command("benchmark", "--only", "importer", "--documents", "20", "--output-dir", str(tmp_path))
    result = json.loads((tmp_path / "importer.json").read_text())
    assert result["documents"] == 20
    assert result["documents_per_second"] > 0
    assert result["drafts_with_exactly_the_generated_facts"] == 20
    assert "documents per second (one core)" in capsys.readouterr().out


@pytest.mark.django_db
def test_search_benchmark_loads_a_dataset_and_times_searches(tmp_path, capsys):
    from bureaus.models import Bureau, SearchEntry

    call_command("loaddata", "institution_types", verbosity=0)
    call_command("benchmark", "--only", "search", "--bureaus", "40", "--searches", "10", "--output-dir", str(tmp_path))
    result = json.loads((tmp_path / "search.json").read_text())
    assert result["bureaus"] == 40 and result["searches"] == 10
    assert result["list_page_with_search_ms"]["p50"] > 0
    assert Bureau.objects.published().count() == SearchEntry.objects.count() == 40
    assert "whole list page with search" in capsys.readouterr().out


@pytest.mark.django_db
def test_search_benchmark_refuses_a_database_with_bureaus(tmp_path):
    from django.core.management.base import CommandError

    from .factories import BureauFactory

    BureauFactory()
    with pytest.raises(CommandError, match="needs an empty database"):
        call_command("benchmark", "--only", "search", "--output-dir", str(tmp_path))
