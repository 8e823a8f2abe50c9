"""
The Chinese real-page corpus (fixtures/corpus_zh) as data, before any Chinese reader exists.

Its expected facts were written by hand from the pages; these checks keep them honest: every
page has its address, title and language recorded, and every quoted fact is the page's own words,
so that a reader scored against them can cite the same span.
"""

import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus_zh"
SOURCES = json.loads((CORPUS / "sources.json").read_text(encoding="utf-8"))
# The development pages and every untouched batch ("validation1", "validation2", …), each kept apart.
BATCHES = {"development": SOURCES["documents"]} | {
    key: value["documents"] for key, value in SOURCES.items() if key.startswith("validation")
}
PAGES = [(batch, name, record) for batch, pages in BATCHES.items() for name, record in sorted(pages.items())]
QUOTED = ("departments", "optional_departments", "units", "duties", "optional_duties", "achievements",
          "optional_achievements")  # fmt: skip


def first_form(value):
    """A place may be given as a list of acceptable forms (Simplified and Traditional)."""
    return (value[0] if value else "") if isinstance(value, list) else (value or "")


def expected_of(name):
    return json.loads((CORPUS / "expected" / f"{name}.json").read_text(encoding="utf-8"))


def test_thirty_development_pages_from_ten_provinces_and_an_untouched_batch_kept_apart():
    development, validation = BATCHES["development"], BATCHES["validation1"]
    assert len(development) >= 30 and len(validation) >= 10
    batches = [set(pages) for pages in BATCHES.values()]
    assert sum(map(len, batches)) == len(set().union(*batches))  # no page in two batches
    provinces = {first_form(expected_of(name)["bureau"].get("province")) for name in development}
    assert len(provinces - {""}) >= 10
    stored = {path.stem for path in (CORPUS / "documents").glob("*.txt")}
    assert stored == set().union(*batches)  # no page without its record, no record without its page


@pytest.mark.parametrize(("batch", "name", "record"), PAGES, ids=[f"{b}-{n}" for b, n, _ in PAGES])
def test_each_page_records_its_source_and_quotes_it_exactly(batch, name, record):
    assert record["url"].startswith(("http://", "https://"))
    assert record["language"] in ("zh-Hans", "zh-Hant")
    text = (CORPUS / "documents" / f"{name}.txt").read_text(encoding="utf-8")
    assert text.strip()
    expected = expected_of(name)
    if expected.get("refused"):
        assert not any(expected.get(kind) for kind in (*QUOTED, "counts"))
        return
    for kind in QUOTED:
        for item in expected.get(kind, []):
            assert item in text, (kind, item)
    for department, responsibility in expected.get("department_responsibilities", {}).items():
        assert department in text and responsibility in text, department
    for count, thing in expected.get("counts", []) + expected.get("optional_counts", []):
        assert isinstance(count, int) and count >= 0 and thing in text, (count, thing)
