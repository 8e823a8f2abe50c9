"""
Search on PostgreSQL, with ``django.contrib.postgres.search``: a generated, weighted
``tsvector`` column of ``bureaus_searchentry`` with a GIN index (migration 0004).

The column is made by the database, not declared on the model (SQLite has no such
type), so it is brought into queries as an annotation typed as a search vector.
"""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import F, OuterRef, Subquery
from django.db.models.expressions import Expression

from bureaus.models import SearchEntry
from bureaus.search import exact_name_first, is_prefix, term_tokens

CONFIG = "english"


def query(words, all_words, prefix=True):
    # Words are \w+ only, so joining them with & or | cannot make to_tsquery fail. A run of Chinese
    # characters is a phrase of them: the index holds each as a word (bureaus.search.spaced_chinese).
    terms = [f"({' <-> '.join(term_tokens(word))})" for word in words]
    if prefix and is_prefix(words[-1]):
        terms[-1] = f"{words[-1]}:*"  # stemmed, then the start of any word, as FTS5 and the engine do
    return SearchQuery((" & " if all_words else " | ").join(terms), search_type="raw", config=CONFIG)


class SearchVectorColumn(Expression):
    """The ``search_vector`` column of the query's own ``bureaus_searchentry`` table, under whatever
    alias it has (a subquery renames it)."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name_unless_alias(alias)}.search_vector", []


def entries(words, all_words):
    return SearchEntry.objects.annotate(vector=SearchVectorColumn()).filter(vector=query(words, all_words))


def matching(queryset, words, all_words):
    return queryset.filter(pk__in=entries(words, all_words).values("bureau_id"))


def any_match(queryset, words, all_words):
    return matching(queryset, words, all_words).exists()


def ranked(queryset, words, all_words, name, narrowed=True):
    found = entries(words, all_words)
    rank = found.filter(bureau_id=OuterRef("pk")).annotate(
        rank=SearchRank(F("vector"), query(words, all_words), cover_density=True)
    )
    found = queryset.filter(pk__in=found.values("bureau_id")).annotate(search_rank=Subquery(rank.values("rank")[:1]))
    return exact_name_first(found, name)


def snippets(bureau_ids, words, start, end):
    """{bureau id: passage of its body around the words, each marked with ``start`` … ``end``}."""
    headline = SearchHeadline(
        "body",
        query(words, all_words=False),
        config=CONFIG,
        start_sel=start,
        stop_sel=end,
        max_words=30,
        min_words=12,
        max_fragments=2,
    )
    rows = SearchEntry.objects.filter(bureau_id__in=bureau_ids).annotate(snippet=headline)
    return dict(rows.values_list("bureau_id", "snippet"))


def optimize():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
