"""
Search on SQLite: an FTS5 table (porter stemming) that triggers keep in step with
``bureaus_searchentry`` (migration 0004).

FTS5 is a virtual table Django's ORM cannot name, so the queries here are SQL; every
value goes in as a parameter.
"""

from django.db import connection
from django.db.models.expressions import RawSQL

from bureaus.search import exact_name_first, is_prefix, term_tokens

FTS_TABLE = "bureaus_search_fts"
# Column weights: a match in the name counts most, then the place, then the rest.
RANK = f"-bm25({FTS_TABLE}, 10.0, 4.0, 1.0)"


def match_expression(words, all_words, prefix=True):
    """An FTS5 query: each word quoted, so it is a plain term whatever it holds; the last may be a prefix."""
    # Each term a phrase of its words (a run of Chinese characters: of its characters).
    quoted = [f'"{" ".join(term_tokens(word))}"' for word in words]
    if prefix and is_prefix(words[-1]):
        quoted[-1] += "*"
    return (" AND " if all_words else " OR ").join(quoted)


def matching(queryset, words, all_words):
    sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
    return queryset.filter(pk__in=RawSQL(sql, [match_expression(words, all_words)]))


def any_match(queryset, words, all_words):
    """Whether some bureau of ``queryset`` matches. Joined rather than ``matching(…).exists()``: SQLite
    would list every match of the subquery before taking the first (0.6 → 0.2 ms for a common word)."""
    return _joined(queryset, words, all_words).exists()


def ranked(queryset, words, all_words, name, narrowed=True):
    # A join with the FTS5 table ranks every match in one pass; a subquery per bureau would run
    # the full-text query once per match (seconds for a common word). Only extra() can join a
    # table the ORM does not know.
    return exact_name_first(_joined(queryset, words, all_words).extra(select={"search_rank": RANK}), name)


def _joined(queryset, words, all_words):
    return queryset.extra(
        tables=[FTS_TABLE],
        where=[f"{FTS_TABLE}.rowid = bureaus_bureau.id", f"{FTS_TABLE} MATCH %s"],
        params=[match_expression(words, all_words)],
    )


def snippets(bureau_ids, words, start, end):
    """{bureau id: passage of its body around the words, each marked with ``start`` … ``end``}."""
    # snippet() expands a prefix term again for every row (~0.2 ms each at 3,000 entries): most
    # queries are whole words, so those go first, and only the bureaus they miss get the prefix.
    found = _snippets(bureau_ids, match_expression(words, all_words=False, prefix=False), start, end)
    missing = [bureau_id for bureau_id in bureau_ids if bureau_id not in found]
    if missing:
        found.update(_snippets(missing, match_expression(words, all_words=False), start, end))
    return found


def _snippets(bureau_ids, expression, start, end):
    placeholders = ", ".join(["%s"] * len(bureau_ids))
    # "+rowid": FTS5 would otherwise run the whole MATCH once per id asked for (a common word's list of
    # every bureau, 25 times); this way it runs once and snippet() is made for the page's rows only.
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, snippet({FTS_TABLE}, 2, %s, %s, '…', 24) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s AND +rowid IN ({placeholders})",
            [start, end, expression, *bureau_ids],
        )
        return dict(cursor.fetchall())


def optimize():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA optimize")
