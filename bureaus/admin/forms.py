"""Forms shared by the admin (and later the importer's review page)."""

from django import forms
from django.core.exceptions import FieldDoesNotExist


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
