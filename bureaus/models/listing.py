"""
One listing row per published bureau with what lists, home, statistics and facets read: kept by
the content seam.

Counting a bureau's departments and schools from their own tables on every list page costs a
scan of 3,000 bureaus' rows per request; the listing holds the answers, rebuilt for exactly the
bureaus a change touches (``bureaus.content``), so a page reads one small row per bureau.
"""

from django.db import connection, models
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from bureaus.models.bureau import Bureau, profile_url
from bureaus.models.items import Department, InstitutionCount, InstitutionType
from bureaus.models.languages import translated
from bureaus.places.names import place_in


class BureauListingQuerySet(models.QuerySet):
    def rebuild(self, bureau_ids):
        """Make the listing rows of these bureaus match them: a row for each published one, none for the
        rest. Returns the provinces whose bureaus changed (where they were and where they are now)."""
        bureau_ids = list(bureau_ids)
        provinces = set()
        for start in range(0, len(bureau_ids), 500):
            chunk = bureau_ids[start : start + 500]
            provinces.update(self.filter(bureau_id__in=chunk).values_list("province", flat=True))
            self.filter(bureau_id__in=chunk).delete()
            types_run = _types_run(chunk)
            rows = self.bulk_create(
                BureauListing.from_bureau(row, types_run.get(row["pk"], [])) for row in _summarised(chunk)
            )
            provinces.update(row.province for row in rows)
        return provinces


def _total(group):
    return Subquery(
        InstitutionCount.objects.filter(bureau=OuterRef("pk"), category__group=group)
        .order_by()
        .values("bureau")
        .annotate(n=Sum("count"))
        .values("n")
    )


def _types_run(bureau_ids):
    """{bureau id: slugs of the institution types it runs at least one of}."""
    runs = {}
    for bureau_id, slug in InstitutionCount.objects.filter(bureau__in=bureau_ids, count__gt=0).values_list(
        "bureau_id", "category__slug"
    ):
        runs.setdefault(bureau_id, []).append(slug)
    return runs


def _summarised(bureau_ids):
    departments = (
        Department.objects.filter(bureau=OuterRef("pk")).order_by().values("bureau").annotate(n=Count("pk")).values("n")
    )
    return (
        Bureau.objects.published()
        .filter(pk__in=bureau_ids)
        .annotate(
            n_departments=Subquery(departments),
            n_schools=_total(InstitutionType.Group.SCHOOL),
            n_units=_total(InstitutionType.Group.UNIT),
        )
        .values(
            "pk",
            "name_en",
            "name_zh_hans",
            "slug",
            "province",
            "city",
            "district",
            "created_at",
            "updated_at",
            "n_departments",
            "n_schools",
            "n_units",
        )  # fmt: skip
    )


class BureauListing(models.Model):
    bureau = models.OneToOneField(Bureau, on_delete=models.CASCADE, primary_key=True, related_name="listing")
    name = translated(models.CharField("name", max_length=200))
    slug = models.SlugField(max_length=100, unique=True)
    province = models.CharField(max_length=40)
    city = models.CharField(max_length=100, blank=True)
    district = models.CharField(max_length=100)
    department_count = models.PositiveIntegerField(default=0)
    # None: the bureau's sources give no count (not reported), which is not 0.
    school_count = models.PositiveIntegerField(null=True, blank=True)
    unit_count = models.PositiveIntegerField(null=True, blank=True)
    # " kindergarten primary-school ": the types it runs at least one of, each between spaces, so
    # the type facet of a search counts its matches' rows (types_run contains " slug ") in one query.
    types_run = models.TextField(blank=True, default="")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    objects = BureauListingQuerySet.as_manager()

    class Meta:
        ordering = ["name_en", "name_zh_hans", "slug"]
        verbose_name = "bureau listing"
        indexes = [
            models.Index(fields=["province", "city"], name="listing_place"),
            models.Index(fields=["-created_at"], name="listing_newest"),
            models.Index(fields=["-updated_at"], name="listing_changed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(~Q(name_en="") | ~Q(name_zh_hans="")) & ~Q(province=""),
                name="listing_is_of_a_complete_bureau",
            ),
        ]

    def __str__(self):
        return f"listing of {self.name}"

    def get_absolute_url(self):
        return profile_url(self.slug)

    @property
    def place(self):
        """The place in the active language, as ``Bureau.place``."""
        return place_in(get_language(), self.district, self.city, self.province)

    @classmethod
    def from_bureau(cls, row, types_run=()):
        return cls(
            bureau_id=row["pk"],
            name_en=row["name_en"],
            name_zh_hans=row["name_zh_hans"],
            slug=row["slug"],
            province=row["province"],
            city=row["city"],
            district=row["district"],
            department_count=row["n_departments"] or 0,
            school_count=row["n_schools"],
            unit_count=row["n_units"],
            # Each type once: a source may give one type two numbers (Changchun's "9 offices … 5 offices").
            types_run=f" {' '.join(sorted(set(types_run)))} " if types_run else "",
            created_at=row["created_at"],
            updated_at=row["updated_at"],
        )


class ProvinceTallyQuerySet(models.QuerySet):
    def rebuild(self, provinces):
        """Count these provinces' listing rows again (one grouped query); a province left with no
        published bureau loses its row."""
        provinces = list(provinces)
        rows = (
            BureauListing.objects.filter(province__in=provinces)
            .values("province")
            .annotate(
                n_bureaus=Count("pk"),
                n_departments=Sum("department_count"),
                n_schools=Sum("school_count"),
                n_reporting=Count("school_count"),
                n_units=Sum("unit_count"),
            )
            .order_by()
        )
        self.filter(province__in=provinces).delete()
        self.bulk_create(
            ProvinceTally(province=row["province"], bureaus=row["n_bureaus"], departments=row["n_departments"] or 0,
                          schools=row["n_schools"], schools_reporting=row["n_reporting"], units=row["n_units"])
            for row in rows
        )  # fmt: skip


class ProvinceTally(models.Model):
    """Per province, over its published bureaus' listing rows: how many bureaus, departments, schools and
    units. Home, statistics and the list's province facet read these ~30 rows instead of grouping
    3,000 listing rows per request; the content seam recounts the provinces a change touches."""

    province = models.CharField(max_length=40, primary_key=True)
    bureaus = models.PositiveIntegerField()
    departments = models.PositiveIntegerField()
    # None: no bureau of the province reports any (not reported is not 0).
    schools = models.PositiveBigIntegerField(null=True, blank=True)
    schools_reporting = models.PositiveIntegerField(help_text="Bureaus whose sources give a count of schools.")
    units = models.PositiveBigIntegerField(null=True, blank=True)

    objects = ProvinceTallyQuerySet.as_manager()

    class Meta:
        ordering = ["province"]
        constraints = [
            models.CheckConstraint(condition=Q(bureaus__gt=0), name="province_tally_has_bureaus"),
            models.CheckConstraint(
                condition=Q(schools_reporting__lte=models.F("bureaus")), name="province_tally_reporting_within_bureaus"
            ),
        ]

    def __str__(self):
        return f"tally of {self.province}"

    def get_absolute_url(self):
        return f"{reverse('bureaus:list')}?{urlencode({'province': self.province})}"

    @staticmethod
    def national(tallies):
        """The nation's totals from every province's tally: {bureaus, provinces, departments, schools,
        reporting}; schools is None when no bureau reports any."""
        reported = [tally.schools for tally in tallies if tally.schools is not None]
        return {
            "bureaus": sum(tally.bureaus for tally in tallies),
            "provinces": len(tallies),
            "departments": sum(tally.departments for tally in tallies),
            "schools": sum(reported) if reported else None,
            "reporting": sum(tally.schools_reporting for tally in tallies),
        }


class TypeTallyQuerySet(models.QuerySet):
    def facet_rows(self):
        """[(slug, plural, Chinese name, bureaus running one)] of the types some published bureau runs, by
        name: the type facet of every list page.

        Written out: Django compiling this join took four times what the database takes to answer it,
        and every uncached list page asks it (the profile's and the cards' queries are written out too).
        """
        types = InstitutionType._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT t.slug, t.plural, t.chinese_name, tally.bureaus_running FROM {self.model._meta.db_table} tally "
                f"JOIN {types} t ON t.id = tally.category_id WHERE tally.bureaus_running > 0 ORDER BY t.plural, t.slug"
            )
            return cursor.fetchall()

    def rebuild(self):
        """Count again, over every published bureau (one grouped query)."""
        rows = (
            InstitutionCount.objects.filter(bureau__is_published=True)
            .values("category")
            .annotate(
                total=Sum("count"),
                reporting=Count("bureau", distinct=True),
                running=Count("bureau", distinct=True, filter=Q(count__gt=0)),
            )
            .order_by()
        )
        self.all().delete()
        self.bulk_create(
            TypeTally(category_id=row["category"], total=row["total"] or 0,
                      bureaus_reporting=row["reporting"], bureaus_running=row["running"])
            for row in rows
        )  # fmt: skip


class TypeTally(models.Model):
    """Per institution type, over published bureaus: how many of it they report in all, how many
    bureaus report it, and how many run at least one. The unfiltered list's facet and the
    statistics read these instead of every bureau's counts; the content seam keeps them current."""

    category = models.OneToOneField(InstitutionType, on_delete=models.CASCADE, primary_key=True, related_name="tally")
    total = models.PositiveBigIntegerField()
    bureaus_reporting = models.PositiveIntegerField()
    bureaus_running = models.PositiveIntegerField()

    objects = TypeTallyQuerySet.as_manager()

    class Meta:
        ordering = ["-total"]
        constraints = [
            models.CheckConstraint(
                condition=Q(bureaus_running__lte=models.F("bureaus_reporting")), name="tally_running_within_reporting"
            )
        ]

    def __str__(self):
        return f"tally of type {self.category_id}"

    def get_absolute_url(self):
        return f"{reverse('bureaus:list')}?institution_type={self.category.slug}"


class CoverageTallyQuerySet(models.QuerySet):
    def rebuild(self):
        """Count again, over every published bureau with a division (its codes read off a covering index)."""
        codes = sorted(
            Bureau.objects.published().exclude(division_code="").order_by().values_list("division_code", flat=True)
        )
        by_province = {}
        for code in codes:
            by_province.setdefault(code[:2], []).append(code)
        self.all().delete()
        self.bulk_create(
            CoverageTally(province_code=prefix, profiled=len(found), codes=" ".join(found))
            for prefix, found in by_province.items()
        )

    def codes(self):
        """Every profiled division's code, from ~30 rows: what the map of China marks."""
        return [code for row in self.values_list("codes", flat=True) for code in row.split()]


class CoverageTally(models.Model):
    """Per province (the first two digits of the gazetteer's division codes): how many of its county-level
    divisions have a published bureau, and which. Home, statistics and the map of China read these ~30 rows
    instead of 3,000 bureaus on every request; the content seam counts again whenever a bureau changes."""

    province_code = models.CharField(max_length=2, primary_key=True)
    # The count of ``codes``, kept beside them on purpose: home and statistics read ~30 numbers, not ~20 kB of codes;
    # ``rebuild`` writes both from one list, the only place either is written.
    profiled = models.PositiveIntegerField()
    codes = models.TextField(default="", help_text="The profiled divisions' codes, in order, parted by spaces.")

    objects = CoverageTallyQuerySet.as_manager()

    class Meta:
        ordering = ["province_code"]
        constraints = [models.CheckConstraint(condition=Q(profiled__gt=0), name="coverage_tally_has_profiles")]

    def __str__(self):
        return f"coverage of province {self.province_code}: {self.profiled}"
