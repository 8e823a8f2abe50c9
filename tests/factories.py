"""factory-boy factories for every model, shared by the whole suite."""

import factory
from factory.django import DjangoModelFactory

from bureaus.models import (
    Achievement,
    Bureau,
    Department,
    Duty,
    InstitutionCount,
    InstitutionType,
    SourceDocument,
)


class InstitutionTypeFactory(DjangoModelFactory):
    class Meta:
        model = InstitutionType
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"School type {n}")
    plural = factory.LazyAttribute(lambda o: f"{o.name.lower()}s")
    slug = factory.Sequence(lambda n: f"school-type-{n}")
    group = InstitutionType.Group.SCHOOL


class BureauFactory(DjangoModelFactory):
    class Meta:
        model = Bureau
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True
        # Tests write name="…" for the English text (the one an English source gives).
        rename = {"name": "name_en", "summary": "summary_en"}

    name_en = factory.Sequence(lambda n: f"Example District {n} Education Bureau")
    slug = factory.Sequence(lambda n: f"example-district-{n}")
    province = "Liaoning"
    city = "Shenyang"
    district = factory.Sequence(lambda n: f"Example District {n}")
    address = ""
    summary_en = factory.Faker("paragraph")
    is_published = True

    class Params:
        draft = factory.Trait(is_published=False)
        # A bureau with something in every list, as a real profile has.
        full = factory.Trait(
            established_year=1994,
            predecessor="Example Predecessor Bureau",
            departments=factory.RelatedFactoryList(
                "tests.factories.DepartmentFactory", factory_related_name="bureau", size=3
            ),
            duties=factory.RelatedFactoryList("tests.factories.DutyFactory", factory_related_name="bureau", size=4),
            achievements=factory.RelatedFactoryList(
                "tests.factories.AchievementFactory", factory_related_name="bureau", size=2
            ),
            counts=factory.RelatedFactoryList(
                "tests.factories.InstitutionCountFactory", factory_related_name="bureau", size=2
            ),
            sources=factory.RelatedFactoryList(
                "tests.factories.SourceDocumentFactory", factory_related_name="bureau", size=1
            ),
        )


class DepartmentFactory(DjangoModelFactory):
    class Meta:
        model = Department
        rename = {"name": "name_en", "responsibility": "responsibility_en"}

    bureau = factory.SubFactory(BureauFactory)
    name_en = factory.Sequence(lambda n: f"Department {n}")
    responsibility_en = factory.Faker("sentence")


class DutyFactory(DjangoModelFactory):
    class Meta:
        model = Duty
        rename = {"title": "title_en", "text": "text_en"}

    bureau = factory.SubFactory(BureauFactory)
    kind = factory.Iterator([kind for kind, _ in Duty.Kind.choices])
    title_en = ""
    text_en = factory.Faker("sentence")


class AchievementFactory(DjangoModelFactory):
    class Meta:
        model = Achievement
        rename = {"text": "text_en"}

    bureau = factory.SubFactory(BureauFactory)
    text_en = factory.Faker("sentence")


class InstitutionCountFactory(DjangoModelFactory):
    class Meta:
        model = InstitutionCount

    bureau = factory.SubFactory(BureauFactory)
    category = factory.SubFactory(InstitutionTypeFactory)
    count = factory.Faker("pyint", min_value=0, max_value=60)


class SourceDocumentFactory(DjangoModelFactory):
    class Meta:
        model = SourceDocument

    bureau = factory.SubFactory(BureauFactory)
    title = factory.Sequence(lambda n: f"Source document {n}")
    text = factory.Faker("paragraph", nb_sentences=8)


def working_copy(bureau):
    """The working copy staff edit of published ``bureau`` (as the admin's "Edit a working copy" makes it)."""
    from bureaus.publishing import start_working_copy

    return start_working_copy(bureau)


def publish_form(bureau):
    """What the "Publish" button of ``bureau``'s page posts as things stand: the revision of its working
    copy (or of the draft itself) that the publisher sees."""
    from bureaus.models import Bureau

    original = Bureau.objects.get(pk=bureau.original.pk)
    return {"revision": (original.working_copy_or_none() or original).revision}
