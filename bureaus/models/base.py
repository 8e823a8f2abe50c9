"""Pieces shared by the bureau's list items: ordering by position and a pointer into the source."""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import F, Q

from bureaus.vocabulary import EARLIEST_YEAR, LATEST_YEAR, REFUSED_CHARACTERS_RE, refused_character_problem  # noqa: F401


def validate_plain_text(value):
    """Refuse text holding a control or invisible character (``vocabulary.REFUSED_CHARACTERS_RE``),
    naming it: every model text field (``PlainTextFields``) and the import page's typed fields."""
    problem = refused_character_problem(value)
    if problem:
        raise ValidationError(f"The text {problem}", code="refused_character")


class PlainTextFields:
    """Model mixin: every text field refuses control and invisible characters, whichever path saves
    it (admin forms, importer, loaders all run ``full_clean``)."""

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            text = isinstance(field, models.CharField | models.TextField)
            if text and field.name not in (exclude or ()) and field.name not in errors:
                try:
                    validate_plain_text(getattr(self, field.attname))
                except ValidationError as error:
                    errors[field.name] = error.messages
        if errors:
            raise ValidationError(errors)


def validate_loaded_row(obj):
    """Every rule of ``obj``'s model that needs no query, for rows loaders bring in (loaddata,
    bulk_load, restore): one line naming the record and what is wrong, or "" when it is valid.

    Relations are left out: loaders resolve them first, and a missing one fails on its own.
    Check constraints are enforced by the database when the row is written.
    """
    relations = [field.name for field in obj._meta.concrete_fields if field.is_relation]
    try:
        obj.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)
        if hasattr(obj, "clean_loaded"):
            obj.clean_loaded()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        value = getattr(obj, field, None) if field != "__all__" else None
        shown = repr(value if not isinstance(value, str) or len(value) <= 60 else f"{value[:60]}…")
        about = f"{field} {shown}: " if field != "__all__" else ""
        # The record's name may hold the very character refused: shown as its code, never as itself.
        name = REFUSED_CHARACTERS_RE.sub(lambda match: f"\\u{ord(match.group()):04x}", str(obj)[:60])
        label = f"{obj._meta.verbose_name} “{name}”"
        return f"{label}: {about}{' '.join(messages)}"
    return ""


def loaded_text_problem(model, fields, number):
    """For the ``number``-th record of a file loaders read: one line naming it and the first text field
    it gives a JSON object or list for, or "" when there is none. Django would store the value's Python
    repr ("{'en': …}") as the text."""
    for name, value in fields.items():
        if not isinstance(value, dict | list):
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.CharField | models.TextField):
            kind = "a JSON object" if isinstance(value, dict) else "a JSON list"
            return (
                f"{model._meta.verbose_name} (record {number} in the file): {name} is {kind}, not text; "
                "give it as a string."
            )
    return ""


class SourceSpan(PlainTextFields, models.Model):
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
    # A fact a person typed or changed in the admin: who and when. It no longer points into a source
    # (what it says is the bureau's word now), and the public page says "edited by the bureau".
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    def mark_edited(self, user, when):
        """Record a staff edit: this fact is the bureau's word now, not a quotation of its source."""
        self.edited_by, self.edited_at = (user if user is not None and user.is_authenticated else None), when
        self.source, self.source_start, self.source_end = None, None, None

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


class ContentQuerySet(models.QuerySet):
    """A queryset whose ``update()`` reports the bureaus it touched to the content seam.

    ``update()`` sends no signals, so without this a bulk change would leave cached pages
    and the search index stale.
    """

    def update(self, **kwargs):
        from bureaus.content import changed  # the seam imports the models

        key = "pk" if self.model._meta.model_name == "bureau" else "bureau_id"
        bureau_ids = set(self.values_list(key, flat=True))
        rows = super().update(**kwargs)
        if rows:
            changed(bureau_ids)
        return rows

    def within_each_bureau(self):
        """In the model's order within each bureau, without reading the bureaus: a part's ``ordering``
        starts with ``bureau``, which sorts by the bureau's name and so joins the bureau table. A prefetch
        hands each bureau its own rows and needs only the order within one; PostgreSQL read and hashed
        all 3,000 bureaus for every list a page of 20 prefetched (3–4 ms each), SQLite looked up each
        row's bureau."""
        return self.order_by(*("bureau_id" if field == "bureau" else field for field in self.model._meta.ordering))


class BureauPartManager(models.Manager.from_queryset(ContentQuerySet)):
    """The manager of every part of a bureau: natural key (bureau slug, ``key_field``).

    Items whose only identity is their place use the position; others name their own key.
    """

    def __init__(self, key_field="position"):
        super().__init__()
        self.key_field = key_field

    def get_by_natural_key(self, bureau_slug, key):
        return self.get(bureau__slug=bureau_slug, **{self.key_field: key})
