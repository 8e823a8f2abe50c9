"""Model behaviour: constraints, validation, natural keys, querysets."""

import hashlib

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import serializers
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from bureaus.models import Bureau, BureauListing, Department, Duty, InstitutionCount, SourceDocument

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


def test_bureau_str_and_urls():
    bureau = BureauFactory(name="Shenyang Heping District Education Bureau", slug="shenyang-heping-district")
    assert str(bureau) == "Shenyang Heping District Education Bureau"
    assert bureau.get_absolute_url() == "/bureaus/shenyang-heping-district/"
    assert bureau.get_json_url() == "/bureaus/shenyang-heping-district.json"
    assert bureau.get_source_url() == "/bureaus/shenyang-heping-district/source/"


def test_profile_addresses_are_remembered_per_language_and_script_prefix():
    from django.urls import clear_script_prefix, set_script_prefix
    from django.utils.translation import override

    bureau = BureauFactory(slug="shenyang-heping-district")
    assert bureau.get_absolute_url() == "/bureaus/shenyang-heping-district/"  # remembered in English …
    with override("zh-hans"):
        assert bureau.get_absolute_url() == "/zh-hans/bureaus/shenyang-heping-district/"  # … not for Chinese
    set_script_prefix("/portal/")
    try:
        assert bureau.get_absolute_url() == "/portal/bureaus/shenyang-heping-district/"
    finally:
        clear_script_prefix()
    assert bureau.get_absolute_url() == "/bureaus/shenyang-heping-district/"


def test_location_reads_most_specific_first_and_skips_a_missing_city():
    assert BureauFactory.build(district="Heping District", city="Shenyang", province="Liaoning").location == (
        "Heping District, Shenyang, Liaoning"
    )
    assert BureauFactory.build(district="Dongcheng District", city="", province="Beijing").location == (
        "Dongcheng District, Beijing"
    )


def test_municipality_districts_have_no_separate_city():
    bureau = BureauFactory.build(province="Beijing", city="Beijing", district="Dongcheng District")
    with pytest.raises(ValidationError) as error:
        bureau.full_clean()
    assert error.value.message_dict["city"] == [
        "Beijing is a municipality: its districts have no separate city. Leave the city empty."
    ]
    bureau.city = ""
    bureau.full_clean()


def test_founding_year_in_the_future_is_refused():
    bureau = BureauFactory.build(established_year=2099)
    with pytest.raises(ValidationError) as error:
        bureau.full_clean()
    assert error.value.message_dict["established_year"] == ["The founding year cannot be in the future."]


@pytest.mark.parametrize("missing", ["name", "district", "province"])
def test_a_draft_may_lack_its_name_or_place_but_cannot_be_published_so(missing):
    draft = BureauFactory.build(draft=True, **{missing: ""})
    draft.full_clean()  # a draft from a document that did not say
    draft.save()
    draft.is_published = True
    with pytest.raises(ValidationError) as error:
        draft.full_clean()
    assert error.value.message_dict["is_published"] == [
        f"A bureau cannot be published without its {missing}: fill them in first."
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        draft.save()


def test_negative_count_is_refused_by_validation_and_by_the_database():
    item = InstitutionCountFactory.build(bureau=BureauFactory(), category=InstitutionTypeFactory(), count=-1)
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "A count cannot be negative." in error.value.message_dict["count"]
    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()
    assert InstitutionCount.objects.count() == 0


def test_department_names_are_unique_within_a_bureau_only():
    first = DepartmentFactory(name="Office")
    DepartmentFactory(name="Office")  # another bureau may have an office too
    with pytest.raises(IntegrityError), transaction.atomic():
        DepartmentFactory(bureau=first.bureau, name="Office")
    assert first.bureau.departments.count() == 1


def test_positions_fill_in_document_order_when_left_empty():
    bureau = BureauFactory()
    duties = [DutyFactory(bureau=bureau, position=None) for _ in range(3)]
    assert [duty.position for duty in duties] == [1, 2, 3]
    DutyFactory(bureau=bureau, position=10)
    assert DutyFactory(bureau=bureau, position=None).position == 11


def test_duties_by_kind_groups_in_fixed_kind_order_keeping_document_order():
    bureau = BureauFactory()
    plan = DutyFactory(bureau=bureau, kind=Duty.Kind.PLAN, text="Plan one")
    first = DutyFactory(bureau=bureau, kind=Duty.Kind.RESPONSIBILITY, text="Responsibility one")
    second = DutyFactory(bureau=bureau, kind=Duty.Kind.RESPONSIBILITY, text="Responsibility two")
    groups = bureau.duties_by_kind()
    assert [(kind.value, duties) for kind, duties in groups] == [
        ("responsibility", [first, second]),
        ("plan", [plan]),
    ]
    assert groups[0][0].label == "Responsibilities"


def test_source_document_fingerprints_its_text():
    document = SourceDocumentFactory(text="Some text 中文")
    assert document.sha256 == hashlib.sha256("Some text 中文".encode()).hexdigest()
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceDocumentFactory(bureau=document.bureau, text="Some text 中文")


def test_published_and_visible_to(django_user_model):
    published = BureauFactory()
    draft = BureauFactory(draft=True)
    assert list(Bureau.objects.published()) == [published]
    assert list(Bureau.objects.visible_to(AnonymousUser())) == [published]
    plain_user = django_user_model.objects.create_user("reader", password="x-long-password")
    assert list(Bureau.objects.visible_to(plain_user)) == [published]
    staff = django_user_model.objects.create_superuser("boss", password="x-long-password")
    assert set(Bureau.objects.visible_to(staff)) == {published, draft}


def test_list_counts_add_up_departments_and_schools_but_not_offices():
    bureau = BureauFactory()
    DepartmentFactory.create_batch(2, bureau=bureau)
    InstitutionCountFactory(bureau=bureau, count=18)
    InstitutionCountFactory(bureau=bureau, count=6)
    InstitutionCountFactory(bureau=bureau, count=9, category=InstitutionTypeFactory(slug="office", group="unit"))
    empty = BureauFactory()
    listed = {row.slug: row for row in BureauListing.objects.all()}  # what the result cards show
    assert (listed[bureau.slug].department_count, listed[bureau.slug].school_count) == (2, 24)
    assert (listed[empty.slug].department_count, listed[empty.slug].school_count) == (0, None)


def test_natural_keys_round_trip_without_primary_keys():
    bureau = BureauFactory(full=True)
    objects = [bureau, *bureau.departments.all(), *bureau.duties.all(), *bureau.achievements.all()]
    objects += [*bureau.institution_counts.all(), *bureau.sources.all()]
    data = serializers.serialize("json", objects, use_natural_foreign_keys=True, use_natural_primary_keys=True)
    assert '"pk"' not in data
    Department.objects.all().delete()
    for record in serializers.deserialize("json", data):
        record.save()
    assert bureau.departments.count() == 3
    assert Bureau.objects.count() == 1
    assert SourceDocument.objects.count() == 1


def test_str_of_items():
    assert str(DepartmentFactory(name="Office")) == "Office"
    assert str(DutyFactory(title="Promote equity", text="Long text")) == "Promote equity"
    assert str(AchievementFactory(text="Short")) == "Short"
    item = InstitutionCountFactory(count=6, category=InstitutionTypeFactory(name="Kindergarten", slug="kindergarten"))
    assert str(item) == "6 × Kindergarten"


def test_a_source_cannot_be_deleted_while_facts_point_into_it_but_goes_with_its_bureau(seed_data):
    from django.db.models import RestrictedError

    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    with pytest.raises(RestrictedError), transaction.atomic():
        bureau.sources.get().delete()
    bureau.delete()
    assert SourceDocument.objects.filter(bureau__slug="shenyang-heping-district").count() == 0
    assert Department.objects.filter(bureau__slug="shenyang-heping-district").count() == 0


@pytest.mark.parametrize(
    ("character", "named"),
    [
        ("\u202e", "an invisible right-to-left override (U+202E, line 1)"),
        ("\u2066", "an invisible left-to-right isolate (U+2066, line 1)"),
        ("\u200f", "an invisible right-to-left mark (U+200F, line 1)"),
        ("\u061c", "an invisible Arabic letter mark (U+061C, line 1)"),
        ("\u200b", "an invisible zero-width space (U+200B, line 1)"),
        ("\u2060", "an invisible word joiner (U+2060, line 1)"),
        ("\ufeff", "an invisible byte-order mark (U+FEFF, line 1)"),
        ("\x9b", "a control character (U+009B, line 1)"),
        ("\x7f", "a control character (U+007F, line 1)"),
        # Other invisible formatting characters: hidden ASCII in tag characters, invisible operators, …
        ("\U000e0041", "an invisible tag latin capital letter a (U+E0041, line 1)"),
        ("\u2062", "an invisible times (U+2062, line 1)"),
        ("\u206e", "an invisible national digit shapes (U+206E, line 1)"),
        ("\u00ad", "an invisible soft hyphen (U+00AD, line 1)"),
        ("\u3164", "an invisible hangul filler (U+3164, line 1)"),
        # Half of a character (a JSON fixture can write one): PostgreSQL cannot store it.
        ("\ud800", "a broken character (U+D800, line 1)"),
    ],
)
def test_every_text_field_refuses_invisible_and_control_characters_naming_them(character, named):
    bureau = BureauFactory(slug="shenyang-heping-district")
    rows = [
        BureauFactory.build(name=f"Heping{character} District Education Bureau"),
        DepartmentFactory.build(bureau=bureau, name=f"Off{character}ice", position=1),
        InstitutionTypeFactory.build(description=f"Schools{character}"),
    ]
    for row in rows:
        field = "description" if hasattr(row, "description") else "name_en"
        with pytest.raises(ValidationError) as error:
            row.full_clean(validate_unique=False)
        assert error.value.message_dict[field] == [f"The text contains {named}; remove it and try again."]


def test_tab_line_breaks_and_chinese_punctuation_are_plain_text():
    bureau = BureauFactory.build(summary="第一，\t教育。\r\nSecond line — “quoted” … 100%")
    bureau.full_clean()


def test_a_profiles_lists_are_read_in_order_without_reading_the_bureaus():
    """with_profile() prefetches each list in its order within each bureau, not joined to the bureau table
    (the parts' ordering starts with the bureau, whose ordering is its name: a join and a sort of every
    bureau on PostgreSQL)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first, second = BureauFactory(name="B Bureau"), BureauFactory(name="A Bureau")
    for bureau in (first, second):
        for position in (3, 1, 2):
            DepartmentFactory(bureau=bureau, position=position, name=f"Office {position}")
            DutyFactory(bureau=bureau, position=position)
    with CaptureQueriesContext(connection) as queries:
        found = list(Bureau.objects.filter(pk__in=[first.pk, second.pk]).with_profile())
        spans = list(Bureau.objects.filter(pk__in=[first.pk, second.pk]).with_source_spans())
    assert [bureau.pk for bureau in found] == [second.pk, first.pk]  # the bureaus themselves still by name
    for bureau in found:
        assert [d.position for d in bureau.departments.all()] == [1, 2, 3]
        assert [d.position for d in bureau.duties.all()] == [1, 2, 3]
    assert [d.position for d in spans[0].departments.all()] == [1, 2, 3]
    bureau_table = connection.ops.quote_name(Bureau._meta.db_table)
    prefetches = [q["sql"] for q in queries.captured_queries if not q["sql"].startswith(f"SELECT {bureau_table}.")]
    assert len(prefetches) == 6 + 6  # with_profile's six lists, with_source_spans's sources and five parts
    assert not [sql for sql in prefetches if f"JOIN {bureau_table}" in sql]


def test_a_page_of_published_bureaus_in_the_models_order_is_read_off_an_index():
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip(
            "PostgreSQL's planner scans a table of a few rows whatever its indexes (EXPLAIN ANALYZE at 3,000 in the README)"
        )
    query = Bureau.objects.published()[20:40].query
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "bureau_published_by_name" in plan and "TEMP B-TREE" not in plan
