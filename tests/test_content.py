"""The content seam: every write path moves the version on and re-indexes exactly the bureaus touched, once."""

import pytest
from django.db import transaction

from bureaus import content, search
from bureaus.models import Bureau, BureauListing, ContentVersion, Duty, ProvinceTally

from .factories import (
    BureauFactory,
    DepartmentFactory,
    DutyFactory,
    InstitutionCountFactory,
    InstitutionTypeFactory,
    working_copy,
)
from .test_admin import ADD_URL, admin_post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def refreshed(monkeypatch):
    """The bureau ids of each search refresh, in order."""
    calls = []
    real = search.refresh

    def spy(bureau_ids):
        calls.append(set(bureau_ids))
        return real(bureau_ids)

    monkeypatch.setattr(search, "refresh", spy)
    return calls


def number():
    return ContentVersion.current()[0]


def test_queryset_update_goes_through_the_seam(client, refreshed):
    one, other = BureauFactory(summary="Plain."), BureauFactory(summary="Plain.")
    before, refreshed[:] = number(), []
    Bureau.objects.filter(pk=one.pk).update(summary_en="Hydroponics everywhere.")
    assert number() == before + 1
    assert refreshed == [{one.pk}]
    assert [b.slug for b in client.get("/bureaus/", {"q": "hydroponics"}).context["bureaus"]] == [one.slug]
    DutyFactory(bureau=other, text="Plain duty")
    refreshed.clear()
    Duty.objects.filter(bureau=other).update(text_en="Aquaponics garden")
    assert refreshed == [{other.pk}]
    assert [b.slug for b in client.get("/bureaus/", {"q": "aquaponics"}).context["bureaus"]] == [other.slug]


def test_an_update_touching_nothing_changes_nothing(refreshed):
    before = number()
    Bureau.objects.filter(slug="nobody").update(summary_en="x")
    assert number() == before and refreshed == []


def test_a_block_of_many_changes_applies_them_once_for_exactly_the_bureaus_touched(refreshed):
    one, two, untouched = BureauFactory(), BureauFactory(), BureauFactory()
    before, refreshed[:] = number(), []
    with content.changing():
        for index in range(5):
            DutyFactory(bureau=one, text=f"Duty {index}")
        two.summary = "Changed."
        two.save()
    assert refreshed == [{one.pk, two.pk}]
    assert untouched.pk not in refreshed[0]
    assert number() == before + 1


def test_a_rolled_back_block_changes_nothing(refreshed):
    bureau = BureauFactory()
    before, refreshed[:] = number(), []
    with pytest.raises(RuntimeError), content.changing():
        DutyFactory(bureau=bureau)
        raise RuntimeError("the writer failed")
    assert number() == before and refreshed == []
    assert bureau.duties.count() == 0


def test_an_admin_save_with_inlines_is_one_change(staff_client, refreshed):
    before = number()
    rows = {
        "departments": [{"name": f"Section {i}", "responsibility": ""} for i in range(4)],
        "duties": [{"kind": "task", "text": f"Task {i}"} for i in range(4)],
    }
    response = staff_client.post(ADD_URL, admin_post_data(**rows))
    assert response.status_code == 302
    bureau = Bureau.objects.get(slug="shenyang-tiexi-district")
    assert refreshed == [{bureau.pk}]
    assert number() == before + 1


def test_bulk_writes_index_once(refreshed):
    from benchmarks.dataset import bulk_load, national_drafts

    with transaction.atomic():
        bulk_load(national_drafts(4))
    assert len(refreshed) == 1 and len(refreshed[0]) == 4


# The listing rows lists, home and statistics read ------------------------------------


def listing_of(bureau):
    return (
        BureauListing.objects.filter(bureau=bureau)
        .values_list("department_count", "school_count", "unit_count")
        .first()
    )


def test_the_listing_follows_every_change_to_a_published_bureau():
    from bureaus import publishing

    bureau = BureauFactory(draft=True)
    DepartmentFactory(bureau=bureau)
    assert listing_of(bureau) is None  # drafts are not listed
    publishing.publish(bureau, None)
    assert listing_of(bureau) == (1, None, None)  # no count reported: None, not 0
    school, unit = InstitutionTypeFactory(), InstitutionTypeFactory(group="unit")
    InstitutionCountFactory(bureau=bureau, category=school, count=12)
    InstitutionCountFactory(bureau=bureau, category=unit, count=3)
    assert listing_of(bureau) == (1, 12, 3)

    copy = working_copy(bureau)
    DepartmentFactory(bureau=copy)
    assert listing_of(bureau) == (1, 12, 3) and listing_of(copy) is None  # the copy is not public
    publishing.publish(copy, None)
    assert listing_of(bureau) == (2, 12, 3)
    Bureau.objects.filter(pk=bureau.pk).update(name_en="Renamed Bureau")
    assert BureauListing.objects.get(bureau=bureau).name == "Renamed Bureau"
    publishing.withdraw(bureau, None)
    assert listing_of(bureau) is None


def tally_of(province):
    return (
        ProvinceTally.objects.filter(province=province)
        .values_list("bureaus", "departments", "schools", "schools_reporting", "units")
        .first()
    )


def test_the_province_tallies_follow_published_bureaus_between_provinces():
    from bureaus import publishing

    school = InstitutionTypeFactory()
    first = BureauFactory(province="Liaoning")
    DepartmentFactory(bureau=first)
    InstitutionCountFactory(bureau=first, category=school, count=12)
    second = BureauFactory(province="Liaoning")
    BureauFactory(province="Jilin", draft=True)  # drafts are not counted
    assert tally_of("Liaoning") == (2, 1, 12, 1, None)  # one bureau reports schools, none reports units
    assert tally_of("Jilin") is None

    Bureau.objects.filter(pk=second.pk).update(province="Jilin")  # a move recounts both provinces
    assert tally_of("Liaoning") == (1, 1, 12, 1, None)
    assert tally_of("Jilin") == (1, 0, None, 0, None)  # nothing reported: None, not 0
    publishing.withdraw(second, None)
    assert tally_of("Jilin") is None  # no published bureau left: no row
    assert ProvinceTally.national(list(ProvinceTally.objects.all())) == {
        "bureaus": 1, "provinces": 1, "departments": 1, "schools": 12, "reporting": 1,
    }  # fmt: skip
