"""Forms shared by the admin: plain-words errors, and the bureau form that refuses an edit based on an old version."""

from django import forms
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils import formats, timezone


class PlainWordsModelForm(forms.ModelForm):
    """A model form whose "required" errors use the model field's own plain-words message.

    Django puts a model field's ``error_messages["blank"]`` on model validation only;
    a form field left empty says "This field is required." instead. Copying the
    message across keeps the wording in one place: the model.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            try:
                model_field = self._meta.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            custom = getattr(model_field, "_error_messages", None) or {}
            if "blank" in custom:
                field.error_messages["required"] = custom["blank"]


def last_change(bureau):
    """(who, when) of the last admin change of ``bureau``, as words; who may be unknown (an import, a loader)."""
    entry = (
        LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(bureau), object_id=str(bureau.pk))
        .select_related("user")
        .order_by("-action_time")
        .first()
    )
    when = timezone.localtime(bureau.updated_at)
    who = entry.user.get_username() if entry is not None and entry.action_flag in (CHANGE, 1) else "someone"
    return who, formats.date_format(when, "DATETIME_FORMAT")


class BureauForm(PlainWordsModelForm):
    """The bureau's form, with the revision it was opened at: a save based on an older revision than the
    one stored (someone else saved in between) is refused, the input kept, and the other change named."""

    revision_seen = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Why a save is refused when it is not the usual conflict (the admin sets it: see copy_gone).
    conflict_message = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["revision_seen"].initial = self.instance.revision

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        # Locked until the save commits (the admin validates and saves in one transaction).
        rows = type(self.instance).objects.select_for_update().filter(pk=self.instance.pk)
        stored = rows.values_list("revision", flat=True).first()
        seen = cleaned.get("revision_seen")
        if stored is not None and seen is not None and seen != stored:
            who, when = last_change(type(self.instance).objects.get(pk=self.instance.pk))
            # Saving again on purpose overwrites: the form now carries the revision it has seen.
            self.data = self.data.copy()
            self.data[self.add_prefix("revision_seen")] = str(stored)
            self.edit_conflict = True  # the change page links to the history, where the other change is
            raise forms.ValidationError(
                self.conflict_message
                or f"{who} changed this bureau at {when}, after you opened it. Nothing of yours was saved: your "
                "changes are still below. Look at the history to see theirs, then save again to keep yours.",
                code="edit_conflict",
            )
        return cleaned


class CitationForm(PlainWordsModelForm):
    """A fact's form with a box to point it at a sentence of one of the bureau's sources again.

    A fact staff typed or changed loses its source link (it is the bureau's word then); pasting the
    sentence of a source that says it links it again, and it is no longer marked as a staff edit.
    """

    quote = forms.CharField(
        required=False,
        strip=True,
        label="Cite a source sentence",
        widget=forms.Textarea(attrs={"rows": 2, "cols": 30}),
        help_text="Paste, word for word, the sentence of a source document that says this.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A tabular inline labels its columns, not its fields: name each field for screen readers.
        for field in self.fields.values():
            field.widget.attrs.setdefault("aria-label", str(field.label))

    def clean_quote(self):
        quote = self.cleaned_data["quote"]
        if not quote:
            return None
        sources = self.instance.bureau.sources.all() if self.instance.bureau_id else []
        for source in sources:
            start = source.text.find(quote)
            if start >= 0:
                return source, start, start + len(quote)
        raise forms.ValidationError(
            "This sentence is not in any of the bureau's source documents. Paste it exactly as the source words it."
        )

    def cite(self):
        """Point the fact at the pasted sentence, if one was given; returns whether it was."""
        citation = self.cleaned_data.get("quote")
        if not citation:
            return False
        instance = self.instance
        instance.source, instance.source_start, instance.source_end = citation
        instance.edited_by, instance.edited_at = None, None
        return True
