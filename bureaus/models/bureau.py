"""The bureau itself, and the querysets every public page starts from."""

from functools import lru_cache
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bureaus.models.base import EARLIEST_YEAR, LATEST_YEAR, ContentQuerySet, PlainTextFields
from bureaus.models.items import Achievement, Department, Duty, InstitutionCount
from bureaus.models.languages import LANGUAGE_TAGS, fact_code, text_in_language, translated
from bureaus.models.loading import LoadingQuerySet
from bureaus.models.parts import FACT_SOURCES, ITEM_PARTS, SPANNED_PARTS
from bureaus.models.sources import FactSource, SourceDocument
from bureaus.places.gazetteer import by_code, chinese_place_names
from bureaus.places.names import place_in, province_in
from bureaus.places.regions import PROVINCE_CHOICES, is_municipality, place_line


def edits_every_bureau(user):
    """Whether ``user`` is a site administrator, who edits every bureau, not only those assigned to them."""
    return user.is_superuser or user.has_perm("bureaus.edit_every_bureau")


def publishes_every_bureau(user):
    """Whether ``user`` may publish any bureau, a new one too (one assigned to nobody yet)."""
    return user.is_authenticated and user.has_perm("bureaus.publish_bureau") and edits_every_bureau(user)


class BureauQuerySet(LoadingQuerySet, ContentQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def originals(self):
        """Bureaus as the admin lists them: without their working copies."""
        return self.filter(draft_of__isnull=True)

    def editable_by(self, user):
        """The bureaus ``user`` may edit: every one for site administrators, else those assigned to them
        and their working copies."""
        if edits_every_bureau(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        assigned = user.bureau_assignments.values("bureau")
        return self.filter(Q(pk__in=assigned) | Q(draft_of__in=assigned))

    def publishable_by(self, user):
        """The bureaus ``user`` may publish or withdraw: needs the permission, and the bureau's assignment
        with ``can_publish`` unless they edit every bureau."""
        if not user.is_authenticated or not user.has_perm("bureaus.publish_bureau"):
            return self.none()
        if publishes_every_bureau(user):
            return self.all()
        return self.filter(pk__in=user.bureau_assignments.filter(can_publish=True).values("bureau"))

    def with_state(self):
        """Each bureau with its working copy, if any, so ``state`` costs no query."""
        return self.select_related("working_copy")

    def visible_to(self, user):
        """Published bureaus for everybody; drafts too for staff who may view or edit them (an editor
        previews the drafts assigned to them)."""
        if not (user.is_active and user.is_staff):
            return self.published()
        if user.has_perm("bureaus.view_bureau") or user.has_perm("bureaus.change_bureau"):
            return self.filter(Q(is_published=True) | Q(pk__in=self.editable_by(user).values("pk")))
        return self.published()

    def with_profile(self):
        """Everything a profile page or the JSON format shows, in a fixed number of queries (each list in
        its order within its bureau, not joined to the bureaus: ``within_each_bureau``)."""
        return self.prefetch_related(
            Prefetch("departments", queryset=Department.objects.within_each_bureau()),
            Prefetch("duties", queryset=Duty.objects.within_each_bureau()),
            Prefetch("achievements", queryset=Achievement.objects.within_each_bureau()),
            Prefetch(
                "institution_counts",
                queryset=InstitutionCount.objects.within_each_bureau().select_related("category"),
            ),
            Prefetch("sources", queryset=SourceDocument.objects.within_each_bureau().defer("text")),
            Prefetch("fact_sources", queryset=FactSource.objects.within_each_bureau()),
        )

    def with_source_spans(self):
        """Sources with their text, and the spans of every fact drawn from them, for the source page."""
        # Enough of each fact to find it on the profile (its position, or which fact it is).
        span_fields = ("bureau_id", "source_id", "source_start", "source_end")
        return self.prefetch_related(
            Prefetch("sources", queryset=SourceDocument.objects.within_each_bureau()),
            *(
                Prefetch(
                    part.relation,
                    queryset=part.model.objects.within_each_bureau().only(*span_fields, part.anchor_field),
                )
                for part in SPANNED_PARTS
            ),
        )


def profile_url(slug):
    """The address of the bureau with ``slug``'s profile in the active language."""
    return _profile_url(slug, get_language(), get_script_prefix())


def profile_urls():
    """``profile_url`` for a page linking hundreds of profiles: the language and prefix read once (each read
    of the active language costs about a microsecond through its thread-local)."""
    language, script_prefix = get_language(), get_script_prefix()
    return lambda slug: _profile_url(slug, language, script_prefix)


@lru_cache(maxsize=8192)
def _profile_url(slug, language, script_prefix):
    # reverse() costs ~20 µs; a page may link dozens of bureaus and the sitemap thousands. The address
    # depends only on these three (the URL patterns never change while the server runs).
    return reverse("bureaus:detail", kwargs={"slug": slug})


def validate_division_code(code):
    """A division code must be a county-level division the gazetteer knows."""
    division = by_code().get(code)
    if division is None or division.level != "county":
        raise ValidationError(
            f"“{code}” is not the code of a county-level division in the gazetteer (six digits, e.g. 210102).",
            code="unknown_division",
        )


_PART_LABELS = {"fact_sources": "Name, place and history", "departments": "Departments", "duties": "Duties",
                "achievements": "Achievements", "institution_counts": "Institution counts"}  # fmt: skip


def _said(row, relation):
    """(text, language tag) of one fact as its source gives it: its own text, or for the bureau's own facts
    (founding year …) the sentence they were read from."""
    if relation == "fact_sources":
        return f"{row.get_fact_display()}: {row.source_quote}", row.source.language
    if relation == "institution_counts":
        return f"{row.count} {row.category.label}", row.source.language
    name = "name" if relation == "departments" else "text"
    text, code = text_in_language(row, name, fact_code(row.source.language))
    return text, LANGUAGE_TAGS[code]


REQUIRED_FACTS = (("name", "name"), ("province", "province"), ("district", "district"))


class BureauManager(models.Manager.from_queryset(BureauQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Bureau(PlainTextFields, models.Model):
    # Name, province and district may be missing from a draft whose document did not give them;
    # a bureau cannot be published without them (clean() and the constraints below).
    name = translated(
        models.CharField(
            "name",
            max_length=200,
            help_text="The bureau's name as its source document words it, in that document's language "
            "(e.g. Heping District Education Bureau, 沈阳市和平区教育局).",
        )
    )
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="Used in the bureau's address on this site, e.g. shenyang-heping-district.",
    )
    province = models.CharField(max_length=40, choices=PROVINCE_CHOICES, blank=True)
    city = models.CharField(
        "prefecture-level city",
        max_length=100,
        blank=True,
        help_text="Leave empty for districts of Beijing, Tianjin, Shanghai and Chongqing.",
    )
    district = models.CharField(
        "district or new area",
        max_length=100,
        blank=True,
        help_text="The county-level district or new area the bureau serves.",
    )
    division_code = models.CharField(
        "division code",
        max_length=6,
        blank=True,
        validators=[validate_division_code],
        help_text="The county-level division's code in the national gazetteer (GB/T 2260), e.g. 210102: "
        "one bureau per division.",
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
    summary = translated(models.TextField("summary"))
    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="Only published bureaus are visible to the public.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    revision = models.PositiveIntegerField(
        default=1, editable=False, help_text="Moves on with every save: an edit based on an older one is refused."
    )
    # Staff never edit a published bureau's rows: they edit its working copy, an unpublished bureau
    # of its own, which publishing moves into the published one (bureaus.publishing).
    draft_of = models.OneToOneField(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="working_copy",
        help_text="The published bureau this is the working copy of.",
    )
    # Moved by the content seam whenever anything this bureau's public pages show changes:
    # the key of those cached pages, so an edit elsewhere leaves them cached.
    page_version = models.PositiveIntegerField(default=1, editable=False)

    objects = BureauManager()

    class Meta:
        ordering = ["name_en", "name_zh_hans", "slug"]
        permissions = [
            ("publish_bureau", "Can publish and withdraw bureaus (those assigned, or every one with the next)"),
            ("edit_every_bureau", "Can edit every bureau, not only those assigned (site administrators)"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_published=False)
                | ((~Q(name_en="") | ~Q(name_zh_hans="")) & ~Q(district="") & ~Q(province="")),
                name="bureau_published_is_complete",
            ),
            # A working copy shares its original's division; every other bureau has a division of its own.
            models.UniqueConstraint(
                fields=["division_code"],
                condition=~Q(division_code="") & Q(draft_of__isnull=True),
                name="bureau_one_per_division",
                violation_error_message="Another bureau already serves this division.",
            ),
            models.CheckConstraint(
                condition=Q(draft_of__isnull=True) | Q(is_published=False),
                name="bureau_working_copy_is_not_published",
            ),
            models.CheckConstraint(
                condition=Q(established_year__isnull=True)
                | Q(established_year__gte=EARLIEST_YEAR, established_year__lte=LATEST_YEAR),
                name="bureau_established_year_plausible",
            ),
        ]
        indexes = [
            models.Index(fields=["province", "city"]),
            # The bureau list's order (filed by place): a page is read off the index, not sorted anew.
            models.Index(
                fields=["district", "name_en", "slug"], condition=Q(is_published=True), name="bureau_published_by_place"
            ),
            # The API's order (the model's): a page of the API list is read off the index, not sorted anew
            # (PostgreSQL sorted all 3,000 published bureaus for each page of 20).
            models.Index(
                fields=["name_en", "name_zh_hans", "slug"],
                condition=Q(is_published=True),
                name="bureau_published_by_name",
            ),
            # Coverage (which divisions have a profile, and the names the map of China links) reads only this:
            # 3,000 short index entries instead of 3,000 wide rows.
            models.Index(
                fields=["division_code", "slug", "name_en", "name_zh_hans"],
                condition=Q(is_published=True),
                name="bureau_published_division",
            ),
        ]

    def __str__(self):
        return self.name or self.slug

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            self.revision = (self.revision or 0) + 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return profile_url(self.slug)

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        CHANGED = "changed", "Published, with unpublished changes"

    @property
    def is_working_copy(self):
        return self.draft_of_id is not None

    @property
    def original(self):
        """The bureau the public knows: itself, or the one this is the working copy of."""
        return self.draft_of if self.draft_of_id else self

    def working_copy_or_none(self):
        try:
            return self.working_copy
        except Bureau.working_copy.RelatedObjectDoesNotExist:
            return None

    @property
    def state(self):
        """Draft, published, or published with changes waiting in its working copy (a copy saved
        at least once since it was made)."""
        if not self.is_published:
            return self.State.DRAFT
        copy = self.working_copy_or_none()
        return self.State.CHANGED if copy is not None and copy.revision > 1 else self.State.PUBLISHED

    def get_json_url(self):
        return reverse("bureaus:detail-json", kwargs={"slug": self.slug})

    def get_source_url(self):
        return reverse("bureaus:source", kwargs={"slug": self.slug})

    def missing_facts(self):
        """The facts a bureau cannot be published without that this one lacks, in plain words."""
        return [label for field, label in REQUIRED_FACTS if not getattr(self, field)]

    def clean(self):
        super().clean()
        missing = self.missing_facts()
        if self.is_published and missing:
            raise ValidationError(
                {
                    "is_published": f"A bureau cannot be published without its {' and '.join(missing)}: fill them in first."
                }
            )
        if is_municipality(self.province) and self.city:
            message = f"{self.province} is a municipality: its districts have no separate city. Leave the city empty."
            raise ValidationError({"city": message})
        if self.established_year and self.established_year > timezone.now().year:
            raise ValidationError({"established_year": "The founding year cannot be in the future."})

    @property
    def breadcrumb_trail(self):
        """(url, label) pairs leading from the bureau list down to this bureau's page."""
        list_url = reverse("bureaus:list")
        province = province_in(get_language(), self.province)  # the filter value stays the stored name
        return [(list_url, _("Bureaus")), (f"{list_url}?{urlencode({'province': self.province})}", province)]

    @property
    def source_breadcrumb_trail(self):
        return [*self.breadcrumb_trail, (self.get_absolute_url(), self.name)]

    @property
    def location(self):
        """District, city and province, most specific first, as one line."""
        return place_line(self.district, self.city, self.province)

    @property
    def place(self):
        """The place in the active language, as pages show it (``bureaus.places.names``): 辽宁省沈阳市和平区
        on a Chinese page, its parts the gazetteer does not know in English, marked as such."""
        return place_in(get_language(), self.district, self.city, self.province)

    @property
    def chinese_location(self):
        """The place in Chinese, province first, as far as the gazetteer is sure: 辽宁省沈阳市和平区."""
        return "".join(chinese_place_names(self.district, self.city, self.province))

    @property
    def fact_anchors(self):
        """{fact: anchor on the source page} for the bureau's own facts (founding year, predecessor …)."""
        return {fact.fact: fact.source_anchor for fact in self.fact_sources.all()}

    @property
    def fact_edits(self):
        """{fact: when staff last edited it} for the bureau's own facts they typed or changed."""
        return {fact.fact: fact.edited_at for fact in self.fact_sources.all() if fact.edited_at}

    def source_spans(self):
        """{(source id, start, end): the profile anchor of the first fact drawn from it}, for every fact of
        the bureau that points into a source."""
        spans = {}
        for part in SPANNED_PARTS:
            for item in getattr(self, part.relation).all():
                if item.source_anchor:
                    spans.setdefault((item.source_id, item.source_start, item.source_end), item.profile_anchor)
        return spans

    def facts_by_source(self):
        """[(source, [(part label, [(text, language tag)])])]: what each of the bureau's sources says, its facts
        as they quote it, for a reviewer of a bureau drawn from several (an English and a Chinese page).
        Facts staff typed cite no source and are not among them. Six queries, however many facts."""
        sources = list(self.sources.all())
        said = {source.pk: {} for source in sources}
        for part in (FACT_SOURCES, *ITEM_PARTS):
            rows = getattr(self, part.relation).filter(source__isnull=False).select_related("source")
            if part.relation == "institution_counts":
                rows = rows.select_related("category")
            for row in rows:
                said[row.source_id].setdefault(part.relation, []).append(_said(row, part.relation))
        return [
            (source, [(_PART_LABELS[label], facts) for label, facts in said[source.pk].items()]) for source in sources
        ]

    @property
    def school_total(self):
        """Schools and kindergartens its sources report (prefetched counts), None when they report none."""
        return self._group_total("school")

    @property
    def unit_total(self):
        """Offices and units its sources report, None when they report none: never added to schools."""
        return self._group_total("unit")

    def _group_total(self, group):
        """The sum of the group's counts; None when there are none; "" when the sources give one type two
        numbers (as "9 offices and 5 offices"), which may not be added up."""
        items = [item for item in self.institution_counts.all() if item.category.group == group]
        if not items:
            return None
        if len({item.category_id for item in items}) < len(items):
            return ""
        return sum(item.count for item in items)

    def duties_by_kind(self):
        """The bureau's duties grouped by kind, kinds in a fixed order, each list in document order."""
        groups = {kind: [] for kind in Duty.Kind.values}
        for duty in self.duties.all():
            groups[duty.kind].append(duty)
        return [(Duty.Kind(kind), duties) for kind, duties in groups.items() if duties]

    def natural_key(self):
        return (self.slug,)
