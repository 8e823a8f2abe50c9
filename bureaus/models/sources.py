"""Source documents, and where in them the bureau's own facts (founding year, predecessor …) were found."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from bureaus.models.base import BureauPartManager, PlainTextFields, SourceSpan, source_span_constraint
from bureaus.models.languages import SOURCE_LANGUAGE_CHOICES


def sha256_of(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SourceDocument(PlainTextFields, models.Model):
    """The full text a bureau's facts were drawn from, kept so every fact can be checked."""

    bureau = models.ForeignKey("bureaus.Bureau", on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(max_length=300)
    # Who published the document, where and when, where known: how a reader finds and weighs it.
    publisher = models.CharField(max_length=200, blank=True, help_text="e.g. the district government, an encyclopedia.")
    url = models.URLField("address", max_length=500, blank=True, help_text="Where the document was found.")
    published_on = models.DateField("published", null=True, blank=True)
    language = models.CharField(
        max_length=10,
        choices=SOURCE_LANGUAGE_CHOICES,
        default="en",
        help_text="The language the document is written in; its facts are kept in that language.",
    )
    text = models.TextField()
    sha256 = models.CharField(max_length=64, editable=False, help_text="Fingerprint of the text (UTF-8).")
    added_at = models.DateTimeField(default=timezone.now, editable=False)
    # What the importer warned about when it read the document (None for a source not imported: typed in
    # the admin, loaded): what a reviewer has to go on, and the count the review queue orders drafts by.
    import_warnings = models.JSONField(null=True, blank=True, editable=False)
    warning_count = models.PositiveIntegerField(null=True, blank=True, editable=False)

    objects = BureauPartManager("sha256")

    class Meta:
        ordering = ["bureau", "added_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["bureau", "sha256"], name="source_document_unique_in_bureau"),
            models.CheckConstraint(condition=~Q(text=""), name="source_document_text_not_empty"),
            models.CheckConstraint(
                condition=Q(language__in=[code for code, _ in SOURCE_LANGUAGE_CHOICES]),
                name="source_document_language_known",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.sha256 = sha256_of(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.bureau.get_source_url()}#source-{self.sha256[:12]}"

    def record_warnings(self, warnings):
        """Keep the importer's warnings on the document, and their number (rows are written in bulk: no save())."""
        self.import_warnings = list(warnings)
        self.warning_count = len(self.import_warnings)

    def natural_key(self):
        return (self.bureau.slug, self.sha256)

    def clean_loaded(self):
        """A loaded source must be the text its fingerprint says: facts point into it by position."""
        if self.sha256 != sha256_of(self.text):
            raise ValidationError({"sha256": "The fingerprint does not match the text: the text was changed."})

    natural_key.dependencies = ["bureaus.bureau"]


class FactSource(SourceSpan):
    """Where a fact held on the bureau itself (founding year, predecessor, …) was found."""

    class Fact(models.TextChoices):
        NAME = "name", "Name"
        LOCATION = "location", "Location"
        ESTABLISHED_YEAR = "established_year", "Founding year"
        PREDECESSOR = "predecessor", "Predecessor"

    bureau = models.ForeignKey("bureaus.Bureau", on_delete=models.CASCADE, related_name="fact_sources")
    fact = models.CharField(max_length=30, choices=Fact.choices)

    objects = BureauPartManager("fact")

    class Meta:
        ordering = ["bureau", "fact"]
        constraints = [
            models.UniqueConstraint(fields=["bureau", "fact"], name="fact_source_unique_in_bureau"),
            models.CheckConstraint(  # it quotes its source, or staff typed it (then it says who)
                condition=Q(source__isnull=False, source_start__isnull=False) | Q(edited_at__isnull=False),
                name="fact_source_has_span_or_edit",
            ),
            source_span_constraint("fact_source_span_valid"),
        ]

    def __str__(self):
        return f"{self.get_fact_display()} of {self.bureau_id}"

    PROFILE_ANCHORS = {"name": "bureau-name", "location": "fact-seat", "established_year": "fact-founded",
                       "predecessor": "fact-predecessor"}  # fmt: skip

    @property
    def profile_anchor(self):
        """The id of this fact on its bureau's profile page."""
        return self.PROFILE_ANCHORS[self.fact]

    def natural_key(self):
        return (self.bureau.slug, self.fact)

    natural_key.dependencies = ["bureaus.bureau", "bureaus.sourcedocument"]
