"""
The staff admin: bureaus with their parts as inlines, institution types, sources,
and the "Import document" page with its review.

Owns: ``ModelAdmin`` classes, admin forms, the import page. May import:
``bureaus.models``, ``bureaus.content``, ``bureaus.importer``, ``bureaus.places``,
``bureaus.opendata.serializers``. Nothing imports it but Django's admin autodiscovery.
"""

from . import bureaus  # noqa: F401  (registers the model admins)
