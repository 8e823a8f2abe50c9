"""
The data model of a district education bureau's profile.

A ``Bureau`` owns ordered lists of departments, duties, achievements and
institution counts, and the source documents its facts were drawn from. Every
model has a natural key, so fixtures carry no primary keys and loading the same
fixture twice updates rows instead of duplicating them.
"""

import hashlib
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from .regions import PROVINCE_CHOICES, is_municipality

# Education bureaus of today's form date from the 20th century; a year outside
# this range is a typing mistake, not history.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


class BureauQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        """Published bureaus for everybody; drafts too for staff who may review them."""
        if user.is_active and user.is_staff and user.has_perm("bureaus.view_bureau"):
            return self.all()
        return self.published()

    def with_profile(self):
        """Everything a profile page or the JSON format shows, in a fixed number of queries."""
        return self.prefetch_related(
            "departments",
            "duties",
            "achievements",
            Prefetch(
                "institution_counts",
                queryset=InstitutionCount.objects.select_related("category"),
            ),
            Prefetch("sources", queryset=SourceDocument.objects.defer("text")),
        )

    def with_list_counts(self):
        """Annotate ``department_count`` and ``school_count`` (schools and kindergartens run)."""
        departments = (
            Department.objects.filter(bureau=OuterRef("pk"))
            .order_by()
            .values("bureau")
            .annotate(n=Count("pk"))
            .values("n")
        )
        schools = (
            InstitutionCount.objects.filter(bureau=OuterRef("pk"), category__group=InstitutionType.Group.SCHOOL)
            .order_by()
            .values("bureau")
            .annotate(n=Sum("count"))
            .values("n")
        )
        return self.annotate(
            department_count=Coalesce(Subquery(departments), 0),
            school_count=Subquery(schools),
        )


class BureauManager(models.Manager.from_queryset(BureauQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Bureau(models.Model):
    name = models.CharField(
        max_length=200,
        error_messages={"blank": "Please give the bureau a name.", "required": "Please give the bureau a name."},
        help_text="The bureau's name as its source document words it.",
    )
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="Used in the bureau's address on this site, e.g. shenyang-heping-district.",
    )
    province = models.CharField(max_length=40, choices=PROVINCE_CHOICES)
    city = models.CharField(
        "prefecture-level city",
        max_length=100,
        blank=True,
        help_text="Leave empty for districts of Beijing, Tianjin, Shanghai and Chongqing.",
    )
    district = models.CharField(
        "district or new area",
        max_length=100,
        help_text="The county-level district or new area the bureau serves.",
    )
    address = models.CharField(
        "seat",
        max_length=300,
        blank=True,
        help_text="Where the bureau is located, as the source document words it.",
    )
    established_year = models.PositiveSmallIntegerField(
        "founding year",
        null=True,
        blank=True,
        validators=[MinValueValidator(EARLIEST_YEAR), MaxValueValidator(LATEST_YEAR)],
    )
    predecessor = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="Only published bureaus are visible to the public.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BureauManager()

    class Meta:
        ordering = ["name", "slug"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="bureau_name_not_empty"),
            models.CheckConstraint(condition=~Q(district=""), name="bureau_district_not_empty"),
            models.CheckConstraint(
                condition=Q(established_year__isnull=True)
                | Q(established_year__gte=EARLIEST_YEAR, established_year__lte=LATEST_YEAR),
                name="bureau_established_year_plausible",
            ),
        ]
        indexes = [models.Index(fields=["province", "city"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("bureaus:detail", kwargs={"slug": self.slug})

    def get_json_url(self):
        return reverse("bureaus:detail-json", kwargs={"slug": self.slug})

    def get_source_url(self):
        return reverse("bureaus:source", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if is_municipality(self.province) and self.city:
            message = f"{self.province} is a municipality: its districts have no separate city. Leave the city empty."
            raise ValidationError({"city": message})
        if self.established_year and self.established_year > timezone.now().year:
            raise ValidationError({"established_year": "The founding year cannot be in the future."})

    @property
    def breadcrumb_trail(self):
        """(url, label) pairs leading from the bureau list down to this bureau's page."""
        list_url = reverse("bureaus:list")
        return [(list_url, "Bureaus"), (f"{list_url}?{urlencode({'province': self.province})}", self.province)]

    @property
    def source_breadcrumb_trail(self):
        return [*self.breadcrumb_trail, (self.get_absolute_url(), self.name)]

    @property
    def location(self):
        """District, city and province, most specific first, as one line."""
        return ", ".join(part for part in (self.district, self.city, self.province) if part)

    def duties_by_kind(self):
        """The bureau's duties grouped by kind, kinds in a fixed order, each list in document order."""
        groups = {kind: [] for kind in Duty.Kind.values}
        for duty in self.duties.all():
            groups[duty.kind].append(duty)
        return [(Duty.Kind(kind), duties) for kind, duties in groups.items() if duties]

    def natural_key(self):
        return (self.slug,)


class BureauItem(models.Model):
    """An entry in one of a bureau's ordered lists.

    ``position`` keeps the source document's order. Left empty, it is filled with
    the next free number, so staff adding a row in the admin need not count.
    """

    position = models.PositiveSmallIntegerField(
        blank=True,
        help_text="Order on the page; leave empty to add at the end.",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.position is None:
            last = type(self).objects.filter(bureau_id=self.bureau_id).aggregate(models.Max("position"))
            self.position = (last["position__max"] or 0) + 1
        super().save(*args, **kwargs)


class BureauItemManager(models.Manager):
    """Natural key (bureau slug, position) for items whose only identity is their place."""

    def get_by_natural_key(self, bureau_slug, position):
        return self.get(bureau__slug=bureau_slug, position=position)


class DepartmentManager(models.Manager):
    def get_by_natural_key(self, bureau_slug, name):
        return self.get(bureau__slug=bureau_slug, name=name)


class Department(BureauItem):
    bureau = models.ForeignKey(Bureau, on_delete=models.CASCADE, related_name="departments")
    name = models.CharField(
        max_length=200,
        error_messages={"blank": "Please give the department a name."},
    )
    responsibility = models.TextField(
        "what it is responsible for",
        blank=True,
        help_text="Leave empty when the source document does not say.",
    )

    objects = DepartmentManager()

    class Meta:
        ordering = ["bureau", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["bureau", "name"],
                name="department_name_unique_in_bureau",
                violation_error_message="This bureau already has a department with this name.",
            ),
            models.UniqueConstraint(fields=["bureau", "position"], name="department_position_unique_in_bureau"),
            models.CheckConstraint(condition=~Q(name=""), name="department_name_not_empty"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{self.bureau.get_absolute_url()}#department-{self.position}"

    def natural_key(self):
        return (self.bureau.slug, self.name)

    natural_key.dependencies = ["bureaus.bureau"]


class Duty(BureauItem):
    """A responsibility, priority, task or plan the source document names."""

    class Kind(models.TextChoices):
        RESPONSIBILITY = "responsibility", "Responsibilities"
        PRIORITY = "priority", "Priorities"
        TASK = "task", "Tasks"
        PLAN = "plan", "Plans"

    bureau = models.ForeignKey(Bureau, on_delete=models.CASCADE, related_name="duties")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300, blank=True)
    text = models.TextField(error_messages={"blank": "Please write what the duty is."})

    objects = BureauItemManager()

    class Meta:
        verbose_name_plural = "duties"
        ordering = ["bureau", "position"]
        constraints = [
            models.UniqueConstraint(fields=["bureau", "position"], name="duty_position_unique_in_bureau"),
            models.CheckConstraint(condition=~Q(text=""), name="duty_text_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=["responsibility", "priority", "task", "plan"]),
                name="duty_kind_valid",
            ),
        ]

    def __str__(self):
        return self.title or self.text[:80]

    def get_absolute_url(self):
        return f"{self.bureau.get_absolute_url()}#duty-{self.position}"

    def natural_key(self):
        return (self.bureau.slug, self.position)

    natural_key.dependencies = ["bureaus.bureau"]


class Achievement(BureauItem):
    bureau = models.ForeignKey(Bureau, on_delete=models.CASCADE, related_name="achievements")
    text = models.TextField(error_messages={"blank": "Please write what was achieved."})

    objects = BureauItemManager()

    class Meta:
        ordering = ["bureau", "position"]
        constraints = [
            models.UniqueConstraint(fields=["bureau", "position"], name="achievement_position_unique_in_bureau"),
            models.CheckConstraint(condition=~Q(text=""), name="achievement_text_not_empty"),
        ]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return f"{self.bureau.get_absolute_url()}#achievement-{self.position}"

    def natural_key(self):
        return (self.bureau.slug, self.position)

    natural_key.dependencies = ["bureaus.bureau"]


class InstitutionTypeManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class InstitutionType(models.Model):
    """A shared category of institution, so counts add up across bureaus."""

    class Group(models.TextChoices):
        SCHOOL = "school", "Schools and kindergartens"
        UNIT = "unit", "Offices and units"

    name = models.CharField(max_length=100, unique=True)
    plural = models.CharField(max_length=100, help_text="Used in tables and totals, e.g. 'kindergartens'.")
    slug = models.SlugField(max_length=100, unique=True)
    group = models.CharField(max_length=10, choices=Group.choices, default=Group.SCHOOL)
    description = models.TextField(blank=True)

    objects = InstitutionTypeManager()

    class Meta:
        ordering = ["group", "name"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="institution_type_name_not_empty"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('bureaus:list')}?institution_type={self.slug}"

    def natural_key(self):
        return (self.slug,)


class InstitutionCountQuerySet(models.QuerySet):
    def published_totals(self):
        """Per institution type: the sum of counts and how many published bureaus report one."""
        return (
            self.filter(bureau__is_published=True)
            .values("category__name", "category__plural", "category__slug", "category__group")
            .annotate(total=Sum("count"), bureau_count=Count("bureau", distinct=True))
            .order_by("category__group", "category__name")
        )


class InstitutionCountManager(BureauItemManager.from_queryset(InstitutionCountQuerySet)):
    pass


class InstitutionCount(BureauItem):
    bureau = models.ForeignKey(Bureau, on_delete=models.CASCADE, related_name="institution_counts")
    category = models.ForeignKey(
        InstitutionType,
        on_delete=models.PROTECT,
        related_name="counts",
        verbose_name="institution type",
    )
    count = models.IntegerField(
        validators=[MinValueValidator(0, message="A count cannot be negative.")],
    )
    as_of_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(EARLIEST_YEAR), MaxValueValidator(LATEST_YEAR)],
        help_text="The year the count refers to, when the source says.",
    )
    note = models.CharField(
        max_length=500,
        blank=True,
        help_text="The source's wording where it is ambiguous or needs explaining.",
    )

    objects = InstitutionCountManager()

    class Meta:
        ordering = ["bureau", "position"]
        constraints = [
            models.UniqueConstraint(fields=["bureau", "position"], name="institution_count_position_unique_in_bureau"),
            models.CheckConstraint(
                condition=Q(count__gte=0),
                name="institution_count_not_negative",
                violation_error_message="A count cannot be negative.",
            ),
        ]

    def __str__(self):
        return f"{self.count} × {self.category}"

    def natural_key(self):
        return (self.bureau.slug, self.position)

    natural_key.dependencies = ["bureaus.bureau", "bureaus.institutiontype"]


class SourceDocumentManager(models.Manager):
    def get_by_natural_key(self, bureau_slug, sha256):
        return self.get(bureau__slug=bureau_slug, sha256=sha256)


def sha256_of(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SourceDocument(models.Model):
    """The full text a bureau's facts were drawn from, kept so every fact can be checked."""

    bureau = models.ForeignKey(Bureau, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(max_length=300)
    text = models.TextField()
    sha256 = models.CharField(max_length=64, editable=False, help_text="Fingerprint of the text (UTF-8).")
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = SourceDocumentManager()

    class Meta:
        ordering = ["bureau", "added_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["bureau", "sha256"], name="source_document_unique_in_bureau"),
            models.CheckConstraint(condition=~Q(text=""), name="source_document_text_not_empty"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.sha256 = sha256_of(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.bureau.get_source_url()}#source-{self.sha256[:12]}"

    def natural_key(self):
        return (self.bureau.slug, self.sha256)

    natural_key.dependencies = ["bureaus.bureau"]
