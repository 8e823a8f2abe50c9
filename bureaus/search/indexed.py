"""
The tantivy backend: the interface's queries answered by this process's index (``engine``).

The index holds the published bureaus, so the engine answers for them; a queryset narrowed by other
filters is checked against the engine's matches in one query (their ids go as one parameter).
"""

from bureaus.search import engine, noted_content_version
from bureaus.search.results import RankedBureaus


def content_version():
    """The site's content version: as the page cache read it for this request, else read now."""
    from bureaus.models import ContentVersion

    return noted_content_version.get() or ContentVersion.cache_key_part()


def index():
    return engine.current(content_version)


def matching(queryset, words, all_words):
    local = index()
    ids, _ = local.ids(local.query(words, all_words))
    return queryset.filter(pk__in=engine.id_subquery(ids))


def any_match(queryset, words, all_words):
    """Whether some published bureau matches (the engine holds the published bureaus only)."""
    local = index()
    return local.count(local.query(words, all_words)) > 0


def ranked(queryset, words, all_words, name, narrowed=True):
    local = index()
    query = local.query(words, all_words, exact=name)

    def search(limit=engine.EVERYTHING, offset=0):
        return local.ids(query, limit=limit, offset=offset)

    def fallback(rows):
        from bureaus.search import database_backend

        engine.drop()
        return database_backend().ranked(rows, words, all_words, name, narrowed)

    return RankedBureaus(queryset, search, narrowed, fallback)


def facets(words, all_words):
    local = index()
    return local.facets(local.query(words, all_words))


def snippets(bureau_ids, words, start, end):
    local = index()
    return local.snippets(bureau_ids, local.query(words, all_words=False), start, end)


def optimize():
    from bureaus.search import database_backend

    database_backend().optimize()


def failed():
    """The index failed: forget it; the next search builds it anew from the database."""
    engine.drop()


def rebuild():
    """Build this process's index anew from the search entries; returns how many bureaus it holds."""
    return engine.rebuild(content_version())
