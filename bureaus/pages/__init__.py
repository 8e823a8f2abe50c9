"""
The public pages: home, the bureau list with its filters and facets, profiles and
their sources, statistics with charts, comparison, the places pages (every county-level division,
coverage, maps), error pages, and the page cache in front of them.

Owns: views, URLs, filters, statistics, charts, comparison, places and maps, the frame's links, the page cache. May
import: ``bureaus.models``, ``bureaus.search``, ``bureaus.places``,
``bureaus.opendata`` (JSON, JSON-LD, CSV cells and API errors for its pages).
"""
