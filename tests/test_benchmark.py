"""The benchmark command runs, writes its JSON, and the generated documents parse to the facts they were made from."""

import json

import pytest
from django.core.management import call_command

from benchmarks.synthetic import generate
from bureaus.importer import parse_document

from .factories import publish_form


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
    call_command(
        "benchmark", "--only", "importer", "--documents", "20", "--long-sentence-bytes", "5000",
        "--output-dir", str(tmp_path),
    )  # fmt: skip
    result = json.loads((tmp_path / "importer.json").read_text())
    assert result["documents"] == 20
    assert result["database"] is None  # the importer's figures are from no database; none is opened for them
    assert set(result["long_sentence_seconds"]) == {
        "counts",
        "department lists",
        "department lists without commas",
        "Chinese counts",
    }
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


@pytest.mark.django_db
def test_the_mixed_run_submits_the_admin_form_as_a_browser_would(staff_client, seed_data):
    """The staff of the mixed run read the change form's fields; posting them back must save."""
    from benchmarks.mixed import FormFields
    from bureaus.models import Bureau

    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    url = staff_client.post(f"/admin/bureaus/bureau/{bureau.pk}/edit/").url
    parser = FormFields()
    parser.feed(staff_client.get(url).content.decode())
    fields = dict(parser.fields)
    assert fields["name_en"] == "Shenyang Heping District Education Bureau"
    assert fields["province"] == "Liaoning"
    assert fields["departments-TOTAL_FORMS"] == "7"
    data = [(name, "saved by the benchmark" if name == "summary_en" else value) for name, value in parser.fields]
    response = staff_client.post(url, dict(data))
    assert response.status_code == 302
    assert staff_client.post(f"/admin/bureaus/bureau/{bureau.pk}/publish/", publish_form(bureau)).status_code == 302
    bureau.refresh_from_db()
    assert bureau.summary == "saved by the benchmark"
    assert bureau.departments.count() == 7


@pytest.mark.django_db
def test_query_counts_are_measured_at_each_size():
    from benchmarks import queries
    from benchmarks.dataset import national_drafts

    call_command("loaddata", "institution_types", verbosity=0)
    result = queries.run(national_drafts(12), steps=(3, 12))
    small, large = result["queries_per_page"]["3"], result["queries_per_page"]["12"]
    # (A search or a filter runs fewer queries when it finds nothing, which three bureaus may not.)
    for page in ("home", "list", "profile", "statistics", "api list", "api bureau"):
        assert small[page] == large[page], page
    assert result["bounded"]  # no page runs more queries for more bureaus


def test_the_loading_benchmark_compares_both_loaders(tmp_path, db):
    from benchmarks import loading
    from benchmarks.dataset import national_drafts

    call_command("loaddata", "institution_types", verbosity=0)
    result = loading.run(national_drafts(5), tmp_path)
    assert result["same_rows"] is True
    assert result["row_counts"]["bureaus_bureau"] == 5
    assert result["seconds"]["bulk_load"] > 0 and result["seconds"]["loaddata"] > 0


def test_the_cold_profile_is_measured_on_first_visits_only(tmp_path, monkeypatch, seed_data):
    from benchmarks import serving
    from bureaus.models import ProfileSnapshot
    from bureaus.pages import snapshots

    assert snapshots.render_published() == 6
    runs = []

    def wrk(url, seconds, script):  # 60 first visits a second
        runs.append((seconds, ProfileSnapshot.objects.count()))
        return {"requests": 60 * seconds, "rps": 60.0, "errors": 0, "non_2xx": 0}

    monkeypatch.setattr(serving, "wrk", wrk)
    slugs = [f"bureau-{n}" for n in range(100)]
    row = serving.cold_profiles("http://127.0.0.1:1", slugs, 5, tmp_path)
    # 300 requests would have visited some bureaus twice: made again, as long as 100 bureaus last.
    assert runs == [(5, 0), (1, 0)]  # every run starts with no snapshot at all
    assert (row["requests_per_second"], row["first_visits"]) == (60.0, 60)
    assert all(f'"{slug}"' in (tmp_path / "wrk-cold-profile.lua").read_text() for slug in slugs)

    runs.clear()
    row = serving.cold_profiles("http://127.0.0.1:1", slugs[:30], 5, tmp_path)
    assert row["requests_per_second"] is None and "too few" in row["note"]


def test_the_corpus_report_gives_each_untouched_batch_its_own_row_beside_the_development_corpus():
    from benchmarks import corpus
    from bureaus.importer import DocumentError

    def refuse(text, title):  # the report's shape is under test here, not the reader
        raise DocumentError("refused")

    for language, path in corpus.LANGUAGES.items():
        sources = json.loads((path / "sources.json").read_text(encoding="utf-8"))
        batches = [key for key in sources if key.startswith("validation")]
        result = corpus.run(language, parse=refuse)
        assert result["documents"] == len(sources["documents"])  # the targets' corpus: development pages only
        assert list(result["batches"]) == batches
        labels = [label for label, _ in result["_rows"]]
        for batch in batches:
            assert f"batch {batch}" in labels
            figures = result["batches"][batch]
            assert figures["documents"] == len(sources[batch]["documents"])
            assert figures["recall"] == 0.0  # every page refused: nothing found
            # A batch whose pages later joined the development corpus is no longer an untouched estimate.
            assert figures["in_development"] == (set(sources[batch]["documents"]) <= set(sources["documents"]))
    assert corpus.run("en", parse=refuse)["batches"]["validation10"]["in_development"] is False


@pytest.mark.django_db
def test_the_servers_the_benchmark_starts_serve_the_database_in_use():
    """SQLite or PostgreSQL: the URL handed to gunicorn and manage.py names the connection's own database."""
    import dj_database_url
    from django.db import connection

    from benchmarks.processes import database_label, database_url

    if connection.vendor == "postgresql":
        parsed = dj_database_url.parse(database_url())
        assert parsed["ENGINE"] == "django.db.backends.postgresql"
        for key in ("NAME", "USER", "PASSWORD", "HOST"):
            assert parsed[key] == connection.settings_dict[key]
        assert database_label().startswith("PostgreSQL ")
    else:
        assert database_url() == f"sqlite:///{connection.settings_dict['NAME']}"
        assert database_label().startswith("SQLite ")


def test_a_postgresql_url_keeps_awkward_credentials():
    import dj_database_url

    from benchmarks import processes

    settings_dict = {"ENGINE": "django.db.backends.postgresql", "NAME": "portal_bench", "USER": "port al",
                     "PASSWORD": "p@ss:w/rd", "HOST": "db.example.org", "PORT": 5433}  # fmt: skip
    parsed = dj_database_url.parse(processes.url_of("postgresql", settings_dict))
    assert {key: parsed[key] for key in settings_dict} == settings_dict


@pytest.mark.django_db
def test_each_section_says_which_database_its_figures_are_from(tmp_path, capsys):
    from benchmarks.processes import database_label

    call_command("loaddata", "institution_types", verbosity=0)
    call_command("benchmark", "--only", "queries", "--bureaus", "12", "--output-dir", str(tmp_path))
    result = json.loads((tmp_path / "queries.json").read_text())
    assert result["database"] == database_label()
    assert f"Queries  [on {database_label()}]" in capsys.readouterr().out


@pytest.mark.django_db
def test_the_scratch_database_command_refuses_a_database_not_named_for_the_bench():
    from django.core.management.base import CommandError

    from benchmarks.management.commands.bench_database import is_scratch

    assert is_scratch("/work/portal/bench-results/bench.sqlite3") and is_scratch("portal_bench")
    assert not is_scratch("/srv/portal/db.sqlite3") and not is_scratch("portal")
    # The test database is named test_…: never emptied by it.
    with pytest.raises(CommandError, match="Refusing to empty"):
        call_command("bench_database")


def test_make_bench_says_when_postgresql_is_skipped_and_measures_it_when_given():
    from pathlib import Path

    makefile = (Path(__file__).resolve().parents[1] / "Makefile").read_text()
    recipe = makefile[makefile.index("\nbench: install") :].split("\n\n")[0]
    assert "PostgreSQL: skipped, BENCH_POSTGRES_URL is not set" in recipe
    assert 'DATABASE_URL="$$BENCH_POSTGRES_URL" $(BIN)/python manage.py bench_database' in recipe
    assert "--output-dir $(CURDIR)/bench-results/postgres" in recipe
