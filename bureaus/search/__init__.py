"""
Full-text search over published bureaus.

Each bureau's searchable text lives in a ``SearchEntry`` row (name; place;
summary, departments, duties, achievements and institution types), rebuilt when a bureau or
anything in it changes (through the content seam, ``bureaus.content``), and in bulk by
``manage.py rebuild_search_index``. Those rows are the one source every index is derived from.

Queries are never passed to an engine's query syntax as they are: they are cut into
words (a run of Chinese characters, or words between double quotes, make a phrase), so
quotes, operators and 10 kB of text cannot cause an error.

This module is the one interface; the work is done by a backend chosen by the
``SEARCH_ENGINE`` setting: ``tantivy`` (``engine``: an index in each process's memory, kept
current from the database; the default) or ``database`` (the database's own full-text search:
``sqlite``, FTS5, or ``postgres``, ``django.contrib.postgres.search``). When tantivy cannot be
imported or its index fails, the database answers. Every backend offers ``matching``,
``any_match``, ``ranked`` and ``snippets`` over a list of terms, and ``optimize``; the engine
also ``facets``.

Owns: the ``SearchEntry`` text and the queries over it. May import ``bureaus.models``.
"""

import contextvars
import logging
import re
from importlib import import_module

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe

from bureaus.models.languages import columns
from bureaus.places.gazetteer import chinese_place_names
from bureaus.vocabulary import REFUSED_CHARACTERS_RE

logger = logging.getLogger(__name__)

MAX_TERMS = 12
MAX_PHRASE_WORDS = 32  # words of a quoted phrase, characters of a run of Chinese
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "does",
        "do",
        "for",
        "from",
        "has",
        "have",
        "how",
        "in",
        "is",
        "it",
        "its",
        "many",
        "much",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "there",
        "these",
        "this",
        "to",
        "was",
        "what",
        "which",
        "who",
        "with",
    ]
)
# Highlight markers: control characters, which every model refuses and entry_fields() strips
# from the index as well, so stored text can never forge a <mark>.
HIGHLIGHT_START, HIGHLIGHT_END = "\x02", "\x03"


# Chinese is written without spaces: the index holds each character as a word of its own, and a
# run of Chinese characters in a query is searched as a phrase of them ("沈阳" → 沈 then 阳).
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")
WORD_RE = re.compile(f"[{CJK}]+|[^\\W{CJK}]+")
PHRASE_RE = re.compile(r'"([^"]*)"')


def is_chinese(term):
    return bool(CJK_RE.match(term))


def spaced_chinese(text):
    """``text`` with a space either side of each Chinese character, as the index holds it."""
    return CJK_RE.sub(lambda m: f" {m.group(0)} ", text) if text else text


def terms(query):
    """The terms of a query worth searching for, at most MAX_TERMS: each a word, a run of Chinese
    characters, or the words between double quotes (a phrase: its words joined by a space)."""
    text = (query or "").lower()
    found, at = [], 0
    for match in PHRASE_RE.finditer(text):
        found += [(word, False) for word in WORD_RE.findall(text[at : match.start()])]
        words = WORD_RE.findall(match.group(1))
        if words:
            found.append((" ".join(words), len(words) > 1))
        at = match.end()
    found += [(word, False) for word in WORD_RE.findall(text[at:])]
    kept = [word for word, phrase in found if phrase or word not in STOPWORDS] or [word for word, _ in found]
    return list(dict.fromkeys(_capped(word) for word in kept))[:MAX_TERMS]


def _capped(term):
    """A term of at most MAX_PHRASE_WORDS words (a Chinese character counting as one)."""
    tokens = term_tokens(term)
    return term if len(tokens) <= MAX_PHRASE_WORDS else " ".join(tokens[:MAX_PHRASE_WORDS])


def term_tokens(term):
    """The words of a term as the index holds them: a phrase's words, each Chinese character apart."""
    return spaced_chinese(term).split()


def is_prefix(term):
    """Whether a term is searched as the start of a word: a single word of 3 letters or more, not Chinese."""
    return len(term) >= 3 and not is_chinese(term) and " " not in term


def _texts(obj, name):
    """Every language's text of ``obj``'s ``name`` (a historical model in an old migration has one column)."""
    values = [getattr(obj, column, None) for column in columns(name)]
    if all(value is None for value in values):
        values = [getattr(obj, name, "")]
    return [value for value in values if value]


def entry_fields(bureau):
    """The searchable text of a bureau, in every language it has (works on historical models in migrations
    too)."""
    body = _texts(bureau, "summary")
    for department in bureau.departments.all():
        body += _texts(department, "name") + _texts(department, "responsibility")
    for duty in bureau.duties.all():
        body += _texts(duty, "title") + _texts(duty, "text")
    body += [text for achievement in bureau.achievements.all() for text in _texts(achievement, "text")]
    body += [item.category.name for item in bureau.institution_counts.all()]
    body += [getattr(item.category, "chinese_name", "") for item in bureau.institution_counts.all()]
    place = [bureau.district, bureau.city, bureau.province, bureau.address]
    place += chinese_place_names(bureau.district, bureau.city, bureau.province)
    names = _texts(bureau, "name") + [getattr(bureau, "chinese_name", "")]
    names = names if any(names) else [bureau.district or bureau.slug]  # a draft may lack a name
    fields = {
        "name": " ".join(part for part in names if part),
        "place": " ".join(part for part in place if part),
        "body": "\n".join(part for part in body if part),
    }
    return {key: spaced_chinese(REFUSED_CHARACTERS_RE.sub("", value)) for key, value in fields.items()}


def refresh(bureau_ids):
    """Rebuild the search entries of these bureaus (and drop those of bureaus that no longer exist)."""
    from bureaus.models import Bureau, SearchEntry

    bureau_ids = set(bureau_ids)
    if not bureau_ids:
        return
    bureaus = Bureau.objects.filter(pk__in=bureau_ids).prefetch_related(
        "departments", "duties", "achievements", "institution_counts__category"
    )
    entries = [SearchEntry(bureau_id=bureau.pk, **entry_fields(bureau)) for bureau in bureaus]
    SearchEntry.objects.filter(pk__in=bureau_ids - {entry.bureau_id for entry in entries}).delete()
    SearchEntry.objects.bulk_create(
        entries, update_conflicts=True, unique_fields=["bureau"], update_fields=["name", "place", "body"]
    )


def rebuild(batch_size=500):
    """Rebuild every bureau's entry; returns how many bureaus were indexed."""
    from bureaus.models import Bureau, SearchEntry

    ids = list(Bureau.objects.values_list("pk", flat=True))
    SearchEntry.objects.exclude(pk__in=ids).delete()
    _refresh_in_batches(ids, batch_size)
    chosen = backend()
    if hasattr(chosen, "rebuild"):
        chosen.rebuild()  # this process's index, from the rebuilt entries
    return len(ids)


def _refresh_in_batches(ids, batch_size=500):
    for start in range(0, len(ids), batch_size):
        refresh(ids[start : start + batch_size])


ENGINES = ("tantivy", "database")


def database_backend():
    """The database's own full-text search: FTS5 on SQLite, a tsvector on PostgreSQL."""
    return import_module(f"{__name__}.{'postgres' if connection.vendor == 'postgresql' else 'sqlite'}")


def backend():
    """The backend the ``SEARCH_ENGINE`` setting asks for, or the database's when tantivy is missing."""
    if getattr(settings, "SEARCH_ENGINE", "tantivy") == "tantivy":
        try:
            return import_module(f"{__name__}.indexed")
        except ImportError:  # tantivy not installed: the database answers
            logger.warning("tantivy cannot be imported; searching with the database's full-text search")
    return database_backend()


def _call(name, *args, **kwargs):
    """``backend().name(…)``; when the engine fails, the database's backend answers instead."""
    chosen = backend()
    try:
        return getattr(chosen, name)(*args, **kwargs)
    except Exception as error:
        if chosen.__name__.endswith(".indexed") and not isinstance(error, DatabaseError):
            logger.exception("The search index failed; the database's full-text search answers")
            chosen.failed()
            return getattr(database_backend(), name)(*args, **kwargs)
        raise


# The content version this request has read already (the page cache reads it for the request's key),
# so that the engine can check its index against it without a query of its own.
noted_content_version = contextvars.ContextVar("noted_content_version", default=None)


def forget_noted_content_version():
    """The content changed in this request (called by the content seam): read the version anew."""
    noted_content_version.set(None)


def matching(queryset, query, all_words=None):
    """``queryset`` narrowed to the bureaus matching ``query``; safe to use as a subquery.

    With ``all_words=None``, bureaus having every word are kept, or, when there are
    none, bureaus having any of them; pass the answer of :func:`needs_all_words` to
    skip that check.
    """
    words, all_words = _words_and_mode(queryset, query, all_words)
    if not words:
        return queryset
    return _call("matching", queryset, words, all_words)


def ranked(queryset, query, all_words=None, narrowed=True):
    """Matching bureaus, best first; a bureau named exactly as the query comes first.

    Use the result as the final query (a page, a count), not inside another query:
    see :func:`matching` for that. ``narrowed=False`` tells that ``queryset`` holds
    every published bureau (its other filters narrow nothing), which saves checking
    the engine's matches against it.
    """
    words, all_words = _words_and_mode(queryset, query, all_words)
    if not words:
        return queryset
    return _call("ranked", queryset, words, all_words, query.strip(), narrowed)


def exact_name_first(found, name):
    """A database backend's ranked matches, the bureau named exactly ``name`` first."""
    named = Q(name_en__iexact=name) | Q(name_zh_hans=name)
    exact_name = Case(When(named, then=Value(1)), default=Value(0), output_field=IntegerField())
    return found.annotate(exact_name=exact_name).order_by("-exact_name", "-search_rank", "name_en", "name_zh_hans")


def facets(query, all_words=None):
    """({province: bureaus}, {institution type slug: bureaus}) of the published bureaus matching ``query``,
    counted by the engine; ``None`` when the backend cannot count them (the caller's database query does)."""
    words = terms(query)
    if not words or not hasattr(backend(), "facets"):
        return None
    if all_words is None:
        all_words = needs_all_words(None, query)
    return _call("facets", words, all_words)


def _words_and_mode(queryset, query, all_words):
    """The query's words, and whether to ask for all of them (decided now when not given)."""
    words = terms(query)
    if words and all_words is None:
        all_words = needs_all_words(queryset, query)
    return words, all_words


def needs_all_words(queryset, query):
    """Whether some bureau of ``queryset`` (the published ones) has every word of ``query`` (else any word
    will do)."""
    words = terms(query)
    if len(words) < 2:
        return bool(words)  # one word: "all" and "any" are the same search
    if queryset is None:
        from bureaus.models import Bureau

        queryset = Bureau.objects.published()
    return _call("any_match", queryset, words, all_words=True)


def snippets(bureaus, query):
    """{bureau id: the passage of its text that matches ``query``, terms in <mark>, escaped}."""
    words = terms(query)
    if not words or not bureaus:
        return {}
    found = _call("snippets", [bureau.pk for bureau in bureaus], words, HIGHLIGHT_START, HIGHLIGHT_END)
    return {bureau_id: highlight(snippet) for bureau_id, snippet in found.items() if snippet}


def highlight(snippet):
    """Escape a snippet, then turn the database's markers into <mark> elements."""
    html = escape(snippet).replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_END, "</mark>")
    return mark_safe(html)  # escaped above; only our own <mark> tags are added


def optimize_query_planner():
    """Refresh the database's table statistics after a bulk load, so it picks the right indexes."""
    database_backend().optimize()
