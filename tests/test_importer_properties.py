"""Property test: whatever text comes in, the importer gives a draft or its own error, and writes nothing on error."""

from pathlib import Path

import pytest
from django.conf import settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from bureaus.importer import DocumentError, parse_document
from bureaus.importer.saving import save_draft
from bureaus.models import Bureau, Department, Duty, InstitutionCount, SourceDocument

SEED_SOURCES = Path(settings.BASE_DIR) / "fixtures" / "sources"
# Lines of real documents, so generated texts reach deep into the parser, not only its first check.
REAL_LINES = [
    line
    for path in sorted(SEED_SOURCES.glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
FRAGMENTS = REAL_LINES + [
    "I.",
    "Second,",
    "(1)",
    "1.",
    "一、",
    "include:",
    "; ",
    ", and ",
    "Education Bureau of ",
    "Heping District",
    "Beijing",
    "Suzhou",
    "18 kindergartens",
    "186 schools of all kinds",
    "was established in 1994",
    "its predecessor was",
    "consists of office and other departments",
    "will also",
    "For example,",
]
texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)),
    max_size=25,
).flatmap(lambda parts: st.sampled_from(["\n", " ", ""]).map(lambda sep: sep.join(parts)))

MODELS = [Bureau, Department, Duty, InstitutionCount, SourceDocument]


@pytest.mark.django_db
@hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_any_text_gives_a_draft_or_a_document_error_and_writes_nothing_on_error(text):
    before = [model.objects.count() for model in MODELS]
    try:
        draft = parse_document(text)
        save_draft(draft)
    except DocumentError as error:
        assert str(error) and "\n" not in str(error)
        assert [model.objects.count() for model in MODELS] == before
    else:
        assert Bureau.objects.filter(slug=draft.slug, is_published=False).exists()
