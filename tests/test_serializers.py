"""The open-data JSON format: one serializer, its exact shape."""

import json

import pytest

from bureaus.models import Bureau
from bureaus.opendata.serializers import bureau_to_dict, dumps

from .factories import (
    AchievementFactory,
    BureauFactory,
    DepartmentFactory,
    DutyFactory,
    InstitutionCountFactory,
    InstitutionTypeFactory,
    SourceDocumentFactory,
)

pytestmark = pytest.mark.django_db


def serialize(bureau):
    return bureau_to_dict(Bureau.objects.with_profile().get(pk=bureau.pk))


def test_format_of_a_full_bureau():
    bureau = BureauFactory(
        slug="shenyang-tiexi-district",
        name="Tiexi District Education Bureau",
        province="Liaoning",
        city="Shenyang",
        district="Tiexi District",
        address="Shenyang",
        established_year=2002,
        predecessor="Old bureau",
        summary="Summary.",
    )
    DepartmentFactory(bureau=bureau, name="Office", responsibility="Coordination")
    DepartmentFactory(bureau=bureau, name="Teaching section", responsibility="")
    DutyFactory(bureau=bureau, kind="task", title="", text="Do the task")
    DutyFactory(bureau=bureau, kind="priority", title="Equity", text="Promote equity")
    AchievementFactory(bureau=bureau, text="Results")
    kindergarten = InstitutionTypeFactory(slug="kindergarten")
    InstitutionCountFactory(bureau=bureau, category=kindergarten, count=6, as_of_year=2023, note="As written")
    source = SourceDocumentFactory(bureau=bureau, title="Doc", text="The text")

    data = serialize(bureau)

    assert list(data) == [
        "format_version",
        "slug",
        "name",
        "division_code",
        "region",
        "address",
        "established_year",
        "predecessor",
        "summary",
        "departments",
        "duties",
        "achievements",
        "institution_counts",
        "sources",
        "updated_at",
    ]
    assert data["region"] == {"province": "Liaoning", "city": "Shenyang", "district": "Tiexi District"}
    assert data["established_year"] == 2002
    assert data["format_version"] == 2
    assert data["name"] == {"en": "Tiexi District Education Bureau"}
    assert data["departments"] == [
        {"name": {"en": "Office"}, "responsibility": {"en": "Coordination"}},
        {"name": {"en": "Teaching section"}, "responsibility": {}},
    ]
    assert data["duties"] == [
        {"kind": "task", "title": {}, "text": {"en": "Do the task"}},
        {"kind": "priority", "title": {"en": "Equity"}, "text": {"en": "Promote equity"}},
    ]
    assert data["achievements"] == [{"text": {"en": "Results"}}]
    assert data["institution_counts"] == [
        {"category": "kindergarten", "count": 6, "as_of_year": 2023, "note": "As written"}
    ]
    assert data["sources"] == [
        {
            "title": "Doc",
            "language": "en",
            "publisher": None,
            "url": None,
            "published_on": None,
            "sha256": source.sha256,
        }
    ]  # not known: null, never ""
    assert data["updated_at"] == bureau.updated_at.isoformat(timespec="seconds")


def test_unknowns_are_null_and_lists_empty():
    bureau = BureauFactory(province="Beijing", city="", address="", established_year=None, predecessor="")
    data = serialize(bureau)
    assert data["region"]["city"] is None
    assert data["address"] is None
    assert data["established_year"] is None
    assert data["predecessor"] is None
    assert data["departments"] == data["duties"] == data["achievements"] == data["institution_counts"] == []


def test_dumps_keeps_chinese_characters_readable():
    text = dumps({"name": "沈阳市和平区教育局"})
    assert "沈阳市和平区教育局" in text
    assert json.loads(text) == {"name": "沈阳市和平区教育局"}


def test_a_sources_publisher_address_and_date_are_part_of_the_format(db):
    import datetime

    bureau = BureauFactory()
    SourceDocumentFactory(
        bureau=bureau,
        title="Education bureau",
        publisher="Heping District People's Government",
        url="https://www.example.gov.cn/jyj/",
        published_on=datetime.date(2024, 3, 1),
    )
    [source] = bureau_to_dict(Bureau.objects.with_profile().get(pk=bureau.pk))["sources"]
    assert (source["publisher"], source["url"], source["published_on"]) == (
        "Heping District People's Government",
        "https://www.example.gov.cn/jyj/",
        "2024-03-01",
    )
