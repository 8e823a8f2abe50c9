"""Django's JSON fixtures, with text fields that must be text (see the package)."""

from django.core.serializers import json

from bureaus.management.formats import TextFieldsAreText

Serializer = json.Serializer


class Deserializer(TextFieldsAreText, json.Deserializer):
    pass
