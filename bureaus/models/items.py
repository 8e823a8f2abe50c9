"""A bureau's ordered lists: departments, duties, achievements and institution counts."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from bureaus.models.base import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    BureauItem,
    BureauPartManager,
    PlainTextFields,
    source_span_constraint,
)
from bureaus.models.languages import columns, require_text, translated
from bureaus.vocabulary import DUTY_KINDS


class Department(BureauItem):
    bureau = models.ForeignKey("bureaus.Bureau", on_delete=models.CASCADE, related_name="departments")
    name = translated(models.CharField("name", max_length=200))
    responsibility = translated(
        models.TextField("what it is responsible for", help_text="Leave empty when the source document does not say.")
    )
    note = models.CharField(
        max_length=300,
        blank=True,
        help_text="e.g. the second sign the department bears, as the source words it.",
    )

    objects = BureauPartManager()

    class Meta:
        ordering = ["bureau", "position"]
        constraints = [
            source_span_constraint("department_source_span_valid"),
            *(
                models.UniqueConstraint(
                    fields=["bureau", name],
                    condition=~Q(**{name: ""}),
                    name=f"department_{name}_unique_in_bureau",
                    violation_error_message="This bureau already has a department with this name.",
                )
                for name in columns("name")
            ),
            models.UniqueConstraint(fields=["bureau", "position"], name="department_position_unique_in_bureau"),
            models.CheckConstraint(condition=~Q(name_en="") | ~Q(name_zh_hans=""), name="department_name_not_empty"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{self.bureau.get_absolute_url()}#{self.profile_anchor}"

    @property
    def profile_anchor(self):
        """The id of this fact on its bureau's profile page."""
        return f"department-{self.position}"

    def clean(self):
        super().clean()
        require_text(self, "name", "Please give the department a name.")

    def natural_key(self):
        return (self.bureau.slug, self.position)

    natural_key.dependencies = ["bureaus.bureau", "bureaus.sourcedocument"]


class Duty(BureauItem):
    """A responsibility, priority, task or plan the source document names."""

    class Kind(models.TextChoices):
        RESPONSIBILITY = "responsibility", _("Responsibilities")
        PRIORITY = "priority", _("Priorities")
        TASK = "task", _("Tasks")
        PLAN = "plan", _("Plans")

    bureau = models.ForeignKey("bureaus.Bureau", on_delete=models.CASCADE, related_name="duties")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = translated(models.CharField("title", max_length=300))
    text = translated(models.TextField("text"))

    objects = BureauPartManager()

    class Meta:
        verbose_name_plural = "duties"
        ordering = ["bureau", "position"]
        constraints = [
            source_span_constraint("duty_source_span_valid"),
            models.UniqueConstraint(fields=["bureau", "position"], name="duty_position_unique_in_bureau"),
            models.CheckConstraint(condition=~Q(text_en="") | ~Q(text_zh_hans=""), name="duty_text_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=DUTY_KINDS),
                name="duty_kind_valid",
            ),
        ]

    def __str__(self):
        return self.title or self.text[:80]

    def clean(self):
        super().clean()
        require_text(self, "text", "Please write what the duty is.")

    def get_absolute_url(self):
        return f"{self.bureau.get_absolute_url()}#{self.profile_anchor}"

    @property
    def profile_anchor(self):
        """The id of this fact on its bureau's profile page."""
        return f"duty-{self.position}"

    def natural_key(self):
        return (self.bureau.slug, self.position)

    natural_key.dependencies = ["bureaus.bureau", "bureaus.sourcedocument"]


class Achievement(BureauItem):
    bureau = models.ForeignKey("bureaus.Bureau", on_delete=models.CASCADE, related_name="achievements")
    text = translated(models.TextField("text"))

    objects = BureauPartManager()

    class Meta:
        ordering = ["bureau", "position"]
        constraints = [
            source_span_constraint("achievement_source_span_valid"),
            models.UniqueConstraint(fields=["bureau", "position"], name="achievement_position_unique_in_bureau"),
            models.CheckConstraint(condition=~Q(text_en="") | ~Q(text_zh_hans=""), name="achievement_text_not_empty"),
        ]

    def __str__(self):
        return self.text[:80]

    def clean(self):
        super().clean()
        require_text(self, "text", "Please write what was achieved.")

    def get_absolute_url(self):
        return f"{self.bureau.get_absolute_url()}#{self.profile_anchor}"

    @property
    def profile_anchor(self):
        """The id of this fact on its bureau's profile page."""
        return f"achievement-{self.position}"

    def natural_key(self):
        return (self.bureau.slug, self.position)

    natural_key.dependencies = ["bureaus.bureau", "bureaus.sourcedocument"]


class InstitutionTypeQuerySet(models.QuerySet):
    def public(self):
        """Shared types, and proposed ones only once a published bureau counts them."""
        return self.filter(Q(is_proposed=False) | Q(counts__bureau__is_published=True)).distinct()

    def public_or_counted_by(self, bureaus):
        """The public types, and proposed ones that one of ``bureaus`` (those a staff member edits) counts:
        a type a draft proposed says what the draft holds, and is theirs to see only."""
        return self.filter(
            Q(is_proposed=False) | Q(counts__bureau__is_published=True) | Q(counts__bureau__in=bureaus)
        ).distinct()


class InstitutionTypeManager(models.Manager.from_queryset(InstitutionTypeQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class InstitutionType(PlainTextFields, models.Model):
    """A shared category of institution, so counts add up across bureaus."""

    class Group(models.TextChoices):
        SCHOOL = "school", "Schools and kindergartens"
        UNIT = "unit", "Offices and units"

    name = models.CharField(max_length=100, unique=True)
    chinese_name = models.CharField(
        "Chinese name", max_length=100, blank=True, help_text="e.g. 幼儿园; searchable, so 幼儿园 finds kindergartens."
    )
    plural = models.CharField(max_length=100, help_text="Used in tables and totals, e.g. 'kindergartens'.")
    slug = models.SlugField(max_length=100, unique=True)
    group = models.CharField(max_length=10, choices=Group.choices, default=Group.SCHOOL)
    description = models.TextField(blank=True)
    is_proposed = models.BooleanField(
        "proposed by the importer",
        default=False,
        help_text="A type an imported document named that no shared type fits; shown to the public only once "
        "a published bureau counts it.",
    )

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

    @property
    def label(self):
        """The type's plural as the page's reader says it (see :meth:`label_of`)."""
        return self.label_of(self.plural, self.chinese_name)

    @staticmethod
    def label_of(plural, chinese_name):
        """幼儿园 on a Chinese page when the type's Chinese name is known, else "Kindergartens"."""
        if chinese_name and (get_language() or "").startswith("zh"):
            return chinese_name
        return plural[:1].upper() + plural[1:]


class InstitutionCount(BureauItem):
    bureau = models.ForeignKey("bureaus.Bureau", on_delete=models.CASCADE, related_name="institution_counts")
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

    objects = BureauPartManager()

    class Meta:
        ordering = ["bureau", "position"]
        # "Runs at least one kindergarten" looks up a bureau's counts by type.
        indexes = [models.Index(fields=["bureau", "category"], name="count_bureau_category")]
        constraints = [
            source_span_constraint("institution_count_source_span_valid"),
            models.UniqueConstraint(fields=["bureau", "position"], name="institution_count_position_unique_in_bureau"),
            models.CheckConstraint(
                condition=Q(count__gte=0),
                name="institution_count_not_negative",
                violation_error_message="A count cannot be negative.",
            ),
        ]

    @property
    def profile_anchor(self):
        """The id of this count's row on its bureau's profile page."""
        return f"count-{self.position}"

    def __str__(self):
        return f"{self.count} × {self.category}"

    def natural_key(self):
        return (self.bureau.slug, self.position)

    natural_key.dependencies = ["bureaus.bureau", "bureaus.institutiontype", "bureaus.sourcedocument"]
