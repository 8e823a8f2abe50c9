"""Bilingual text facts (``bureaus.models.languages``, the ``facts`` template tags): each fact kept in the
language it was read in, shown in the page's language where it has it, otherwise marked as the other."""

import json

import jsonschema
import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import translation

from bureaus import search
from bureaus.models import Bureau, Department
from bureaus.models.languages import text_in_language, upgrade_loaded_fields
from bureaus.opendata.serializers import BUREAU_SCHEMA, bureau_to_dict

from .factories import AchievementFactory, BureauFactory, DepartmentFactory, DutyFactory, SourceDocumentFactory

pytestmark = pytest.mark.django_db


def test_a_department_is_named_in_either_language_but_not_in_none():
    bureau = BureauFactory()
    DepartmentFactory.build(bureau=bureau, name_en="", name_zh_hans="办公室", position=1).full_clean()
    nameless = DepartmentFactory.build(bureau=bureau, name_en="", name_zh_hans="", position=2)
    with pytest.raises(ValidationError) as error:
        nameless.full_clean()
    assert error.value.message_dict["name_en"] == ["Please give the department a name."]
    with pytest.raises(IntegrityError), transaction.atomic():  # the database holds the rule too
        Department.objects.create(bureau=bureau, name_en="", name_zh_hans="", position=3)


def test_two_departments_may_not_share_a_name_in_one_language():
    bureau = BureauFactory()
    DepartmentFactory(bureau=bureau, name_en="", name_zh_hans="办公室", position=1)
    DepartmentFactory(bureau=bureau, name_en="", name_zh_hans="人事科", position=2)  # both English names empty
    with pytest.raises(IntegrityError), transaction.atomic():
        DepartmentFactory(bureau=bureau, name_en="", name_zh_hans="办公室", position=3)


def test_a_text_is_read_in_the_page_language_or_else_in_the_one_it_has():
    department = DepartmentFactory.build(name_en="Office", name_zh_hans="办公室")
    chinese_only = DepartmentFactory.build(name_en="", name_zh_hans="人事科")
    with translation.override("zh-hans"):
        assert (department.name, text_in_language(department, "name")) == ("办公室", ("办公室", "zh-hans"))
    with translation.override("en"):
        assert (department.name, text_in_language(department, "name")) == ("Office", ("Office", "en"))
        assert (chinese_only.name, text_in_language(chinese_only, "name")) == ("人事科", ("人事科", "zh-hans"))


def test_a_chinese_only_fact_on_the_english_page_is_marked_as_chinese(client):
    bureau = BureauFactory(slug="heping", name_en="Heping District Education Bureau", name_zh_hans="和平区教育局")
    DepartmentFactory(bureau=bureau, name_en="Office", name_zh_hans="办公室", position=1)
    DepartmentFactory(bureau=bureau, name_en="", name_zh_hans="基础教育科", responsibility_en="", position=2)
    DutyFactory(bureau=bureau, text_en="", text_zh_hans="贯彻执行国家有关教育工作的方针。")
    AchievementFactory(bureau=bureau, text_en="Named a model district", text_zh_hans="")

    english = client.get("/bureaus/heping/").content.decode()
    assert "<h3>Office</h3>" in english
    assert (
        '<h3><span lang="zh-Hans">基础教育科</span> <span class="fact-language" lang="zh-Hans">(中文)</span></h3>'
        in english
    )
    assert '<span lang="zh-Hans">贯彻执行国家有关教育工作的方针。</span> <span class="fact-language"' in english
    assert '<p class="other-name"><span lang="zh-Hans">和平区教育局</span></p>' in english

    chinese = client.get("/zh-hans/bureaus/heping/").content.decode()
    assert '<h1 id="bureau-name">和平区教育局</h1>' in chinese
    assert "<h3>办公室</h3>" in chinese and "<h3>基础教育科</h3>" in chinese  # Chinese in its own language: no mark
    assert (
        '<span lang="en">Named a model district</span> <span class="fact-language" lang="en">(English)</span>'
        in chinese
    )


def test_the_source_page_marks_each_document_with_its_language(client):
    bureau = BureauFactory(slug="heping")
    SourceDocumentFactory(
        bureau=bureau, title="和平区教育局", language="zh-Hans", text="和平区教育局是主管全区教育事业的部门。"
    )
    page = client.get("/bureaus/heping/source/").content.decode()
    assert '<div class="source-text" lang="zh-Hans">' in page
    assert "Written in: Chinese (Simplified)" in page


def test_the_json_carries_each_text_in_its_languages_and_matches_its_schema():
    bureau = BureauFactory(
        name_en="Heping District Education Bureau", name_zh_hans="和平区教育局", division_code="210102"
    )
    DepartmentFactory(bureau=bureau, name_en="Office", name_zh_hans="办公室", responsibility_en="")
    DutyFactory(bureau=bureau, title_en="", text_en="", text_zh_hans="承办区人民政府交办的其他事项。")
    SourceDocumentFactory(bureau=bureau, language="zh-Hans")
    data = json.loads(json.dumps(bureau_to_dict(Bureau.objects.with_profile().get(pk=bureau.pk))))

    jsonschema.validate(data, BUREAU_SCHEMA)
    assert data["format_version"] == 2 and data["division_code"] == "210102"
    assert data["name"] == {"en": "Heping District Education Bureau", "zh-Hans": "和平区教育局"}
    assert data["departments"] == [{"name": {"en": "Office", "zh-Hans": "办公室"}, "responsibility": {}}]
    assert data["duties"][0]["text"] == {"zh-Hans": "承办区人民政府交办的其他事项。"}
    assert data["sources"][0]["language"] == "zh-Hans"
    data["name"] = {}  # a fact without any text is not the format
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, BUREAU_SCHEMA)


def test_search_finds_a_bureau_by_its_chinese_department_and_duty_words(client):
    bureau = BureauFactory(slug="heping", name_en="Heping District Education Bureau")
    DepartmentFactory(bureau=bureau, name_en="", name_zh_hans="学前教育科")
    DutyFactory(bureau=bureau, text_en="", text_zh_hans="统筹管理全区教育督导工作。")
    BureauFactory(slug="other", name_en="Other District Education Bureau")
    search.rebuild()
    for query in ("学前教育", "教育督导"):
        found = search.matching(Bureau.objects.published(), query)
        assert list(found.values_list("slug", flat=True)) == ["heping"], query
    assert "Heping District Education Bureau" in client.get("/bureaus/", {"q": "学前教育"}).content.decode()


def test_a_record_from_before_bilingual_facts_is_read_into_the_language_it_is_written_in():
    fields = {"name": "Office", "responsibility": "负责机关日常运转。"}
    upgrade_loaded_fields(Department, fields)
    assert fields == {"name_en": "Office", "responsibility_zh_hans": "负责机关日常运转。"}
    bureau_fields = {"name": "Heping District Education Bureau", "chinese_name": "和平区教育局", "summary": ""}
    upgrade_loaded_fields(Bureau, bureau_fields)
    assert bureau_fields == {
        "name_en": "Heping District Education Bureau",
        "name_zh_hans": "和平区教育局",
        "summary_en": "",
    }


def test_loaddata_reads_a_fixture_written_before_bilingual_facts(tmp_path):
    old = [
        {"model": "bureaus.bureau", "fields": {"slug": "heping", "name": "Heping District Education Bureau",
                                               "chinese_name": "和平区教育局", "summary": "", "province": "Liaoning",
                                               "city": "Shenyang", "district": "Heping District",
                                               "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}},
        {"model": "bureaus.department", "fields": {"bureau": ["heping"], "name": "办公室", "responsibility": "",
                                                   "position": 1}},
    ]  # fmt: skip
    fixture = tmp_path / "old.json"
    fixture.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    call_command("loaddata", str(fixture), verbosity=0)
    bureau = Bureau.objects.get(slug="heping")
    assert (bureau.name_en, bureau.name_zh_hans) == ("Heping District Education Bureau", "和平区教育局")
    assert list(bureau.departments.values_list("name_en", "name_zh_hans")) == [("", "办公室")]


def test_a_division_has_one_bureau_and_its_code_must_be_a_county_level_one():
    BureauFactory(slug="heping", division_code="210102")
    with pytest.raises(ValidationError) as error:
        BureauFactory.build(slug="heping-2", division_code="210102").validate_constraints()
    assert error.value.messages == ["Another bureau already serves this division."]
    for code in ("210100", "999999", "21010"):  # a prefecture, unknown, not six digits
        with pytest.raises(ValidationError) as error:
            BureauFactory.build(division_code=code).full_clean(validate_unique=False, validate_constraints=False)
        assert "is not the code of a county-level division" in error.value.message_dict["division_code"][0]
