"""
Search with tantivy: an index held in this process's memory, derived from the ``SearchEntry`` rows.

Each process (each gunicorn worker, on every machine) builds its own index in RAM from the
database on first use: there is no index directory, so no writer lock is ever shared between
processes and nothing on disk can be stale, corrupt or of another schema version. Before each
search the index is brought up to date: the site's content version (which the page cache has
usually read for the request already) is compared with the version the index was built at; when it
moved, one query reads every published bureau's ``(id, page_version)`` and only the bureaus whose
page version moved are indexed again (removed or withdrawn ones are dropped). The content seam moves
both versions in the writer's transaction, so the database commit is the only durable state: a
process that crashes between the commit and its index update loses only its memory, and any process
(restarted or not) derives its index from the committed rows at its next search.

Work done inside a transaction may be rolled back: bureaus indexed from inside one are kept as
"provisional" and indexed again at the next update unless the transaction committed.

The database is the one source of truth; ``bureaus.search`` falls back to the database's own
full-text search when tantivy cannot be imported or this index fails.
"""

import json
import logging
import threading
from collections import Counter

import tantivy
from django.db import connection, transaction

from bureaus.search import is_chinese, spaced_chinese

logger = logging.getLogger(__name__)

# Move on with any change to the schema or to how text is analysed (a process builds its index anew).
SCHEMA_VERSION = 1
# Field weights: a match in the name counts most, then the place, then the rest (as bm25 weights on SQLite).
WEIGHTS = {"name": 10.0, "place": 4.0, "body": 1.0}
EXACT_NAME_BONUS = 1_000_000.0  # a bureau named exactly as the query comes first, whatever its other scores
SNIPPET_CHARS = 160
# Above this share of the bureaus moved at once, building the index anew is quicker than updating it.
REBUILD_SHARE = 0.5
EVERYTHING = 1_000_000_000  # "no limit" for a search that must list every match


def analyzer():
    """Words as SQLite's FTS5 table cuts them (letters and digits; each Chinese character one word, since
    the entries space them apart), lower-cased and stemmed; the same analyser reads queries."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


def schema():
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", indexed=True, fast=True)
    for field in WEIGHTS:
        builder.add_text_field(field, stored=field == "body", tokenizer_name="portal")
    builder.add_text_field("exact", tokenizer_name="raw")  # each name, lower-cased, whole
    builder.add_text_field("province", fast=True, tokenizer_name="raw")
    builder.add_text_field("types", fast=True, tokenizer_name="raw")  # institution types run (slugs)
    return builder.build()


def entry_rows(bureau_ids=None):
    """(id, page version, name, place, body, English name, Chinese name, province, types run) of published
    bureaus, or of those of ``bureau_ids`` that are published: one query."""
    from bureaus.models import SearchEntry

    rows = SearchEntry.objects.filter(bureau__is_published=True)
    if bureau_ids is not None:
        rows = rows.filter(bureau_id__in=id_subquery(bureau_ids))
    return rows.order_by().values_list(
        "bureau_id",
        "bureau__page_version",
        "name",
        "place",
        "body",
        "bureau__name_en",
        "bureau__name_zh_hans",
        "bureau__listing__province",
        "bureau__listing__types_run",
    )


def id_subquery(ids):
    """SQL listing ``ids`` as one parameter (not one per id): for ``pk__in``."""
    from django.db.models.expressions import RawSQL

    ids = [int(i) for i in ids]
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])


def published_versions():
    """{id: page version} of every published bureau: one query."""
    from bureaus.models import Bureau

    return dict(Bureau.objects.published().order_by().values_list("pk", "page_version"))


class LocalIndex:
    """This process's index: built from the database, brought up to date from it, never written elsewhere."""

    def __init__(self):
        self.schema = schema()
        self.analyzer = analyzer()
        self.index = tantivy.Index(self.schema)  # no path: in RAM
        self.index.register_tokenizer("portal", self.analyzer)
        self.writer = None
        self.key = None  # the content version the index was last brought up to date at
        self.versions = {}  # {bureau id: page version indexed}
        self.provisional = set()  # indexed inside a transaction that may yet roll back
        self.searcher = None

    # Building and keeping current ---------------------------------------------

    def build(self, key):
        """Index every published bureau anew; returns how many."""
        rows = list(entry_rows())
        writer = self._writer()
        writer.delete_all_documents()
        self.versions = {}
        self._add(writer, rows)
        self._commit(writer, key, {row[0] for row in rows})
        return len(rows)

    def update(self, key):
        """Bring the index up to date with the database, which is at content version ``key``."""
        current = published_versions()
        moved = {bureau_id for bureau_id, version in current.items() if self.versions.get(bureau_id) != version}
        moved |= self.provisional & current.keys()
        gone = self.versions.keys() - current.keys()
        if len(moved) > REBUILD_SHARE * max(len(current), 1):
            return self.build(key)
        if moved or gone:
            writer = self._writer()
            for bureau_id in moved | gone:
                writer.delete_documents_by_term("id", bureau_id)
                self.versions.pop(bureau_id, None)
            self._add(writer, entry_rows(moved) if moved else [])
            self._commit(writer, key, moved)
        else:
            self.key = key
        return len(moved)

    def _writer(self):
        if self.writer is None:
            self.writer = self.index.writer(heap_size=50_000_000, num_threads=1)
        return self.writer

    def _add(self, writer, rows):
        for bureau_id, version, name, place, body, name_en, name_zh, province, types_run in rows:
            document = tantivy.Document(id=bureau_id, name=name, place=place, body=body, province=province or "")
            for exact in {(name_en or "").strip().lower(), (name_zh or "").strip()} - {""}:
                document.add_text("exact", exact)
            for slug in (types_run or "").split():
                document.add_text("types", slug)
            writer.add_document(document)
            self.versions[bureau_id] = version

    def _commit(self, writer, key, indexed):
        writer.commit()
        self.index.reload()
        self.searcher = self.index.searcher()
        self.key = key
        if connection.in_atomic_block:
            # Read inside a transaction: indexed again at the next update unless it commits.
            indexed = set(indexed)
            self.provisional |= indexed
            transaction.on_commit(lambda: self.provisional.difference_update(indexed))
        else:
            self.provisional -= set(indexed)

    # Queries --------------------------------------------------------------------

    def query(self, words, all_words, prefix=True, exact=None):
        """The query for ``words`` (each a word, a run of Chinese characters or a quoted phrase): every word
        or any of them; the last a prefix when it is a word of 3 letters or more; ``exact`` (a whole name)
        adds a bonus that puts the bureau so named first."""
        clauses = []
        for index, word in enumerate(words):
            last = index == len(words) - 1
            clause = self._word(word, prefix and last)
            clauses.append((tantivy.Occur.Must if all_words else tantivy.Occur.Should, clause))
        query = tantivy.Query.boolean_query(clauses)
        if exact:
            bonus = tantivy.Query.const_score_query(
                tantivy.Query.term_query(self.schema, "exact", exact.strip().lower()), EXACT_NAME_BONUS
            )
            query = tantivy.Query.boolean_query([(tantivy.Occur.Must, query), (tantivy.Occur.Should, bonus)])
        return query

    def _word(self, word, prefix):
        tokens = self.tokens(word)
        by_field = []
        if prefix and len(tokens) == 1 and " " not in word and not is_chinese(word) and len(word) >= 3:
            # As FTS5 does: the word stemmed, then taken as the start of any word of the index.
            terms = {tokens[0]}
            for field in WEIGHTS:
                terms.update(term for term, _ in self.searcher.terms_with_prefix(field, tokens[0]))
            terms = sorted(terms)
            for field, weight in WEIGHTS.items():
                found = tantivy.Query.boolean_query(
                    [(tantivy.Occur.Should, tantivy.Query.term_query(self.schema, field, term)) for term in terms]
                )
                by_field.append((tantivy.Occur.Should, tantivy.Query.boost_query(found, weight)))
            return tantivy.Query.boolean_query(by_field)
        if not tokens:
            return tantivy.Query.empty_query()
        for field, weight in WEIGHTS.items():
            if len(tokens) == 1:
                found = tantivy.Query.term_query(self.schema, field, tokens[0])
            else:
                found = tantivy.Query.phrase_query(self.schema, field, tokens)
            by_field.append((tantivy.Occur.Should, tantivy.Query.boost_query(found, weight)))
        return tantivy.Query.boolean_query(by_field)

    def tokens(self, word):
        """A word's analysed tokens (a phrase's, a run of Chinese characters' one per character)."""
        return self.analyzer.analyze(spaced_chinese(word))

    def ids(self, query, limit=EVERYTHING, offset=0):
        """(bureau ids best first, from ``offset``, at most ``limit``; how many match)."""
        limit = max(1, min(limit, len(self.versions) or 1))
        result = self.searcher.search(query, limit=limit, offset=offset, count=True)
        addresses = [address for _, address in result.hits]
        return (self.searcher.fast_field_values("id", addresses) if addresses else []), result.count

    def count(self, query):
        return self.searcher.search(query, limit=1, count=True).count

    def facets(self, query):
        """({province: bureaus}, {type slug: bureaus}) of the matches, counted by the engine."""
        spec = {"terms": {"size": 10_000, "segment_size": 10_000}}
        found = self.searcher.aggregate(
            query,
            {
                "province": {"terms": {**spec["terms"], "field": "province"}},
                "types": {"terms": {**spec["terms"], "field": "types"}},
            },
        )
        provinces = Counter({bucket["key"]: bucket["doc_count"] for bucket in found["province"]["buckets"]})
        types = Counter({bucket["key"]: bucket["doc_count"] for bucket in found["types"]["buckets"]})
        return provinces, types

    def snippets(self, bureau_ids, query, start, end):
        """{bureau id: a passage of its body with the query's words between ``start`` and ``end``}."""
        only = tantivy.Query.term_set_query(self.schema, "id", list(bureau_ids))
        found = self.searcher.search(
            tantivy.Query.boolean_query([(tantivy.Occur.Must, only), (tantivy.Occur.Must, query)]),
            limit=max(len(bureau_ids), 1),
        )
        addresses = [address for _, address in found.hits]
        if not addresses:
            return {}
        generator = tantivy.SnippetGenerator.create(self.searcher, query, self.schema, "body")
        generator.set_max_num_chars(SNIPPET_CHARS)
        passages = {}
        for bureau_id, address in zip(self.searcher.fast_field_values("id", addresses), addresses, strict=True):
            document = self.searcher.doc(address)
            snippet = generator.snippet_from_doc(document)
            marked = _marked(snippet, start, end)
            if marked:
                body = " ".join(document.get_all("body")).strip().encode()
                span = snippet.fragment_range()
                first, last = span.start, span.end
                passages[bureau_id] = ("…" if first > 0 else "") + marked + ("…" if last < len(body) else "")
        return passages


def _marked(snippet, start, end):
    """The snippet's fragment with each highlighted range between ``start`` and ``end`` (offsets in bytes)."""
    fragment = snippet.fragment().encode()
    ranges = sorted((item.start, item.end) for item in snippet.highlighted())
    if not ranges:
        return ""
    parts, at = [], 0
    for first, last in ranges:
        if first < at:
            continue
        parts += [fragment[at:first].decode(errors="ignore"), start, fragment[first:last].decode(errors="ignore"), end]
        at = last
    parts.append(fragment[at:].decode(errors="ignore"))
    return "".join(parts)


_lock = threading.RLock()
_local = None


def current(key_of):
    """This process's index, up to date with the database (``key_of()`` gives the content version)."""
    global _local
    key = key_of()
    with _lock:
        if _local is None:
            local = LocalIndex()
            local.build(key)
            _local = local
        elif _local.key != key:
            try:
                _local.update(key)
            except Exception:
                _local = None  # built anew at the next search
                raise
        return _local


def drop():
    """Forget this process's index (the next search builds it anew)."""
    global _local
    with _lock:
        _local = None


def rebuild(key):
    """Build this process's index anew now; returns how many bureaus it holds."""
    global _local
    with _lock:
        local = LocalIndex()
        count = local.build(key)
        _local = local
        return count
