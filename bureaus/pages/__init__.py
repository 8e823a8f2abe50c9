"""
The public pages: home, the bureau list with its filters and facets, profiles and
their sources, statistics with charts, comparison, error pages, and the page cache
in front of them.

Owns: views, URLs, filters, statistics, charts, comparison, the frame's links, the page cache. May
import: ``bureaus.models``, ``bureaus.search``, ``bureaus.places``,
``bureaus.opendata`` (JSON, JSON-LD, CSV cells and API errors for its pages).
"""
