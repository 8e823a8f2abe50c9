"""Django's JSON Lines fixtures, with text fields that must be text (see the package)."""

from django.core.serializers import jsonl

from bureaus.management.formats import TextFieldsAreText

Serializer = jsonl.Serializer


class Deserializer(TextFieldsAreText, jsonl.Deserializer):
    pass
