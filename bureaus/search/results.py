"""
Ranked search results from the engine, paged without ranking in the database.

The engine gives the matching bureaus' ids best first and how many match; a page reads only its own
rows (``pk IN`` the page's 25 ids), put back in the engine's order. So a query that every bureau
matches costs no 3,000-id list and no 3,000-branch ``CASE`` in SQL. It behaves as far as a paginator,
a list view and the API need like the queryset it wraps: ``count()``, ``len()``, slicing, iterating,
and queryset methods such as ``with_profile()`` or ``only()`` (applied to the rows it reads).
"""

import logging
from functools import cached_property, wraps

logger = logging.getLogger(__name__)


class _EngineFailed(Exception):
    pass


def _or_database(method):
    """The method, answered by the database's ranked queryset when the engine failed."""

    @wraps(method)
    def wrapped(self, *args, **kwargs):
        if self._failed is None:
            try:
                return method(self, *args, **kwargs)
            except _EngineFailed:
                pass
        return getattr(self._failed, method.__name__)(*args, **kwargs)

    return wrapped


class RankedBureaus:
    ordered = True  # for the paginator: the order is the engine's

    def __init__(self, queryset, search, narrowed, fallback):
        """``search(limit, offset)`` → (ids best first, how many match) over every published bureau;
        ``narrowed``: whether ``queryset`` holds fewer than every published bureau (then the engine's
        matches are checked against it, in one query); ``fallback(queryset)``: the database's ranked
        queryset, which answers instead when the engine fails."""
        self.queryset = queryset
        self.model = queryset.model
        self._engine = search
        self._narrowed = narrowed
        self._fallback = fallback
        self._failed = None  # the fallback's queryset, once the engine failed

    def _search(self, *args, **kwargs):
        try:
            return self._engine(*args, **kwargs)
        except Exception:
            logger.exception("The search index failed; the database's full-text search answers")
            self._failed = self._fallback(self.queryset)
            raise _EngineFailed from None

    @cached_property
    def _all_ids(self):
        """Every match that ``queryset`` holds, best first (only when narrowed)."""
        from bureaus.search.engine import id_subquery

        ids, _ = self._search()
        kept = set(self.queryset.filter(pk__in=id_subquery(ids)).order_by().values_list("pk", flat=True))
        return [bureau_id for bureau_id in ids if bureau_id in kept]

    @cached_property
    def _total(self):
        if self._narrowed:
            return len(self._all_ids)
        return self._search(limit=1)[1]

    @_or_database
    def count(self):
        return self._total

    @_or_database
    def __len__(self):
        return self._total

    @_or_database
    def exists(self):
        return self._total > 0

    def _ids(self, start, stop):
        if self._narrowed:
            return self._all_ids[start:stop]
        if stop is None:
            return self._search(offset=start)[0]
        if stop <= start:
            return []
        return self._search(limit=stop - start, offset=start)[0]

    def _rows(self, ids):
        if not ids:
            return []
        by_id = {row.pk: row for row in self.queryset.filter(pk__in=ids)}
        return [by_id[bureau_id] for bureau_id in ids if bureau_id in by_id]

    @_or_database
    def __getitem__(self, item):
        if isinstance(item, slice):
            if item.step not in (None, 1) or (item.start or 0) < 0 or (item.stop is not None and item.stop < 0):
                return list(self)[item]
            return self._rows(self._ids(item.start or 0, item.stop))
        rows = self._rows(self._ids(item, item + 1))
        if not rows:
            raise IndexError("no such search result")
        return rows[0]

    @_or_database
    def __iter__(self):
        return iter(self._rows(self._ids(0, None)))

    @_or_database
    def values_list(self, *fields, flat=False):
        """The matches' ``fields``, best first (read in one query)."""
        rows = list(self)
        if flat:
            return [getattr(row, fields[0]) for row in rows]
        return [tuple(getattr(row, field) for field in fields) for row in rows]

    # Queryset methods that choose what is read of each row, not which rows: they apply to a page's rows.
    ROW_METHODS = frozenset({"with_profile", "only", "defer", "select_related", "prefetch_related", "using"})

    def __getattr__(self, name):
        if name not in self.ROW_METHODS:
            raise AttributeError(f"ranked search results have no {name!r}")
        method = getattr(self.queryset, name)

        def wrapped(*args, **kwargs):
            result = method(*args, **kwargs)
            if hasattr(result, "query") and getattr(result, "model", None) is self.model:
                if self._failed is not None:
                    return getattr(self._failed, name)(*args, **kwargs)
                ranked = RankedBureaus(result, self._engine, self._narrowed, self._fallback)
                ranked.__dict__.update({k: v for k, v in self.__dict__.items() if k in ("_all_ids", "_total")})
                return ranked
            return result

        return wrapped

    def __repr__(self):
        return f"<RankedBureaus of {self.model.__name__}>"
