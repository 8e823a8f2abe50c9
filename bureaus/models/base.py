"""Pieces shared by the bureau's list items: ordering by position and a pointer into the source."""

from django.db import models
from django.db.models import F, Q

# Education bureaus of today's form date from the 20th century; a year outside
# this range is a typing mistake, not history.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


class SourceSpan(models.Model):
    """Where in a source document a fact was found: the characters [source_start, source_end).

    The span covers the sentence (or list clause) the fact came from, so a reader
    can check the fact against its source in context.
    """

    # RESTRICT: a source cannot be deleted while facts point into it, unless they go with it
    # (deleting a bureau deletes its sources and facts together).
    source = models.ForeignKey(
        "bureaus.SourceDocument",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The document this fact was drawn from.",
    )
    source_start = models.PositiveIntegerField(null=True, blank=True, editable=False)
    source_end = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def source_anchor(self):
        """The id of this fact's sentence on the bureau's source page, or "" when it has none."""
        if self.source_id is None or self.source_start is None:
            return ""
        return source_anchor(self.source_id, self.source_start, self.source_end)

    @property
    def source_quote(self):
        """The sentence this fact came from (reads the source document: select_related it)."""
        if self.source_anchor:
            return self.source.text[self.source_start : self.source_end]
        return ""


def source_anchor(source_id, start, end):
    """The id a span of a source document has on its bureau's source page."""
    return f"s{source_id}-{start}-{end}"


def source_span_constraint(name):
    """Either no span, or a span of at least one character inside a named source."""
    return models.CheckConstraint(
        condition=Q(source_start__isnull=True, source_end__isnull=True)
        | Q(source__isnull=False, source_start__isnull=False, source_end__gt=F("source_start")),
        name=name,
    )


class BureauItem(SourceSpan):
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
