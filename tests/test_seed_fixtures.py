"""The seed fixtures as data: each holds its document's facts, faithfully, and loads idempotently."""

import hashlib
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from bureaus.models import Achievement, Bureau, Department, Duty, InstitutionCount, SourceDocument
from bureaus.seed import INSTITUTION_TYPES_FIXTURE, SEED_FIXTURES

pytestmark = pytest.mark.django_db

SHARED_SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"


def normalise(text):
    return re.sub(r"\s+", " ", text).strip().lower()


def counts_of(bureau):
    return [(item.category.slug, item.count) for item in bureau.institution_counts.select_related("category")]


def duty_kinds(bureau):
    kinds = {}
    for duty in bureau.duties.all():
        kinds[duty.kind] = kinds.get(duty.kind, 0) + 1
    return kinds


def test_there_is_one_fixture_per_seed_document():
    assert [path.stem for path in SEED_FIXTURES] == [
        "changchun-new-district",
        "dalian-jinpu-new-district",
        "shenyang-heping-district",
    ]


def test_heping_holds_its_documents_facts(seed_data):
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    assert bureau.name == "Shenyang Heping District Education Bureau"
    assert (bureau.province, bureau.city, bureau.district) == ("Liaoning", "Shenyang", "Heping District")
    assert bureau.established_year == 1994
    assert bureau.predecessor == "Shenyang Zhongyuan District Education Bureau"
    assert list(bureau.departments.values_list("name_en", flat=True)) == [
        "Office",
        "Education development department",
        "Basic education department",
        "High school education department",
        "Secondary vocational education department",
        "Teacher education department",
        "Preschool education department",
    ]
    assert counts_of(bureau) == [
        ("basic-education-school", 18),
        ("secondary-vocational-school", 2),
        ("higher-vocational-school", 2),
        ("kindergarten", 6),
    ]
    assert duty_kinds(bureau) == {"responsibility": 6}
    assert bureau.achievements.count() == 2
    assert bureau.is_published


def test_jinpu_holds_its_documents_facts(seed_data):
    bureau = Bureau.objects.get(slug="dalian-jinpu-new-district")
    assert (bureau.province, bureau.city, bureau.district) == ("Liaoning", "Dalian", "Jinpu New District")
    assert bureau.address == "Jinzhou District, Dalian City, Liaoning Province"
    assert bureau.established_year is None
    assert bureau.predecessor == ""
    departments = {d.name: d.responsibility for d in bureau.departments.all()}
    assert list(departments) == [
        "Office",
        "Education development department",
        "Basic education department",
        "Vocational education department",
        "Teaching and research section",
    ]
    assert "coordinating the work between departments" in departments["Office"]
    assert (
        departments["Teaching and research section"]
        == "Responsible for education, teaching research and teacher training"
    )
    assert duty_kinds(bureau) == {"responsibility": 6, "priority": 4}
    assert list(bureau.duties.filter(kind="priority").values_list("title_en", flat=True)) == [
        "Promote the modernization of education",
        "Strengthen the construction of teachers",
        "Improve the quality of education and teaching",
        "Promote education equity",
    ]
    assert bureau.achievements.count() == 2
    assert counts_of(bureau) == []


def test_changchun_keeps_both_ambiguous_office_numbers_with_the_wording(seed_data):
    bureau = Bureau.objects.get(slug="changchun-new-district")
    assert (bureau.province, bureau.city, bureau.district) == ("Jilin", "Changchun", "Changchun New District")
    assert counts_of(bureau) == [("office", 9), ("office", 5)]
    for item in bureau.institution_counts.all():
        assert "with 9 offices and 5 offices" in item.note
    assert duty_kinds(bureau) == {"task": 5, "priority": 4, "plan": 12, "responsibility": 6}
    assert bureau.departments.count() == 0
    assert bureau.achievements.count() == 4


def test_every_fact_is_worded_as_in_the_source(seed_data):
    """Nothing invented: every text field of every item appears in the bureau's source document."""
    for bureau in Bureau.objects.prefetch_related("sources"):
        source = normalise(" ".join(s.text for s in bureau.sources.all()))
        texts = [bureau.predecessor, bureau.address, bureau.district]
        texts += [sentence for sentence in bureau.summary.split(". ")]
        for department in bureau.departments.all():
            texts += [department.name, department.responsibility]
        for duty in bureau.duties.all():
            texts += [duty.title, duty.text]
        texts += [achievement.text for achievement in bureau.achievements.all()]
        for text in filter(None, texts):
            assert normalise(text).rstrip(".;") in source, f"{bureau.slug}: not in the source: {text!r}"
        if bureau.established_year:
            assert str(bureau.established_year) in source
        for item in bureau.institution_counts.all():
            assert re.search(rf"\b{item.count}\b", source), f"{bureau.slug}: count {item.count} not in the source"


SEED_FILES = {
    "dalian-jinpu-new-district": "000_74f6f56c61e239c6.txt",
    "shenyang-heping-district": "001_67495014ba486555.txt",
    "changchun-new-district": "004_0f8d379065527820.txt",
}


def test_stored_sources_are_the_seed_documents_word_for_word(seed_data):
    for document in SourceDocument.objects.select_related("bureau"):
        assert document.sha256 == hashlib.sha256(document.text.encode("utf-8")).hexdigest()
        kept = Path(settings.BASE_DIR) / "fixtures" / "sources" / f"{document.bureau.slug}.txt"
        assert kept.read_text(encoding="utf-8") == document.text
        seed_name = SEED_FILES[document.bureau.slug]
        assert f"(seed document {seed_name[:3]})" in document.title  # named for people, traceable to the file
        if SHARED_SEEDS.is_dir():
            assert (SHARED_SEEDS / seed_name).read_text(encoding="utf-8") == document.text


def test_loading_the_fixtures_twice_changes_nothing(seed_data):
    models = [Bureau, Department, Duty, Achievement, InstitutionCount, SourceDocument]
    before = {model: model.objects.count() for model in models}
    call_command("loaddata", str(INSTITUTION_TYPES_FIXTURE), *map(str, SEED_FIXTURES), verbosity=0)
    assert {model: model.objects.count() for model in models} == before
    assert before[Bureau] == 3


def test_every_fact_points_at_the_sentence_it_came_from(seed_data):
    from bureaus.models import FactSource

    for bureau in Bureau.objects.all():
        items = [*bureau.departments.all(), *bureau.duties.all(), *bureau.achievements.all()]
        items += list(bureau.institution_counts.all())
        assert items
        for item in items:
            quote = normalise(item.source_quote)
            assert item.source.bureau == bureau
            text = getattr(item, "responsibility", "") or getattr(item, "name", "") or getattr(item, "text", "")
            if isinstance(item, InstitutionCount):
                text = str(item.count)
            assert normalise(text).rstrip(".;")[:60] in quote, f"{bureau.slug}: {text!r} not in {quote!r}"
    facts = {(f.bureau.slug, f.fact): normalise(f.source_quote) for f in FactSource.objects.select_related("bureau")}
    assert "1994" in facts[("shenyang-heping-district", "established_year")]
    assert "zhongyuan" in facts[("shenyang-heping-district", "predecessor")]
    assert "jinzhou district, dalian city" in facts[("dalian-jinpu-new-district", "location")]
