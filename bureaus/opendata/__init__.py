"""
Open data: the bureau JSON format (one serializer for the API, exports and the
importer's preview), the read-only JSON/CSV API and its OpenAPI document, safe CSV
cells, and the sitemap.

Owns: ``serializers`` (the format), ``api``, ``urls``, ``openapi``, ``csvcells``,
``sitemaps``. May import: ``bureaus.models``, ``bureaus.places``, and from
``bureaus.pages`` the list filters and statistics it publishes.
"""
