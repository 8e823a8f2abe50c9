"""
The fixture formats loaders read (``settings.SERIALIZATION_MODULES``): Django's JSON and JSON
Lines, refusing a record that gives a JSON object or list for a text field before Django turns
the value into its Python repr and stores that as the text. ``bulk_load`` reads its files itself
and applies the same rule (``models.base.loaded_text_problem``).
"""

from django.core.serializers.base import DeserializationError

from bureaus.models.base import loaded_text_problem
from bureaus.models.languages import upgrade_loaded_fields


class NotText(DeserializationError):
    """A record gives a JSON object or list for a text field; ``problem`` says which, in one line."""

    def __init__(self, problem):
        self.problem = problem
        super().__init__(problem)


class TextFieldsAreText:
    """Deserializer mixin: each record's text fields are checked before Django reads the record."""

    def _handle_object(self, obj):
        self.records_read = getattr(self, "records_read", 0) + 1
        fields = obj.get("fields") if isinstance(obj, dict) else None
        if isinstance(fields, dict):
            try:
                model = self._get_model_from_node(obj["model"])
            except (KeyError, DeserializationError):
                model = None  # Django's own reading says what is wrong with the record
            if model is not None:
                upgrade_loaded_fields(model, fields)  # a fixture or backup from before bilingual facts
            problem = loaded_text_problem(model, fields, self.records_read) if model is not None else ""
            if problem:
                raise NotText(problem)
        yield from super()._handle_object(obj)
