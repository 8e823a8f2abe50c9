"""
The portal's open-data JSON format for one bureau.

This is the single source of truth for that format: the ``.json`` page, the
``export_bureau`` command and the importer's dry run all call
:func:`profile_to_dict` (saved bureaus through :func:`bureau_to_dict`). The
README documents the format; change both together, and move ``FORMAT_VERSION`` on with any change a
reader of the old format would misread.

Text facts are bilingual (a fact keeps the language it was read in): each is an object of its texts
by language tag, ``{"en": "Office", "zh-Hans": "办公室"}``, holding only the languages it has (``{}``
for a fact with no text, such as a department whose responsibility no source gives).
"""

import json

from django.core.serializers.json import DjangoJSONEncoder

from bureaus.models.languages import LANGUAGE_TAGS, SOURCE_LANGUAGE_CHOICES, page_code, text_in_language, texts
from bureaus.vocabulary import DUTY_KINDS, EARLIEST_YEAR, LATEST_YEAR

# 2: text facts became {language tag: text}; the bureau's division code and each source's language added.
FORMAT_VERSION = 2


def _or_none(value):
    return value if value not in ("", None) else None


def bureau_to_dict(bureau):
    """Return a saved ``bureau`` as a JSON-ready dict.

    Expects a bureau fetched with ``Bureau.objects.with_profile()`` so that its
    lists come from the prefetch cache rather than one query each.
    """
    return profile_to_dict(
        bureau,
        departments=bureau.departments.all(),
        duties=bureau.duties.all(),
        achievements=bureau.achievements.all(),
        institution_counts=bureau.institution_counts.all(),
        sources=bureau.sources.all(),
    )


def tagged(obj, name):
    """{language tag: text} of ``obj``'s bilingual field ``name``, the languages it has."""
    return {LANGUAGE_TAGS[code]: text for code, text in texts(obj, name).items()}


def profile_to_dict(bureau, *, departments, duties, achievements, institution_counts, sources):
    """The format itself, from a bureau and its lists; the lists may hold unsaved objects (an import draft)."""
    return {
        "format_version": FORMAT_VERSION,
        "slug": bureau.slug,
        "name": tagged(bureau, "name"),
        "division_code": _or_none(bureau.division_code),
        "region": {
            "province": _or_none(bureau.province),
            "city": _or_none(bureau.city),
            "district": _or_none(bureau.district),
        },
        "address": _or_none(bureau.address),
        "established_year": bureau.established_year,
        "predecessor": _or_none(bureau.predecessor),
        "summary": tagged(bureau, "summary"),
        "departments": [
            {"name": tagged(department, "name"), "responsibility": tagged(department, "responsibility")}
            for department in departments
        ],
        "duties": [
            {"kind": duty.kind, "title": tagged(duty, "title"), "text": tagged(duty, "text")} for duty in duties
        ],
        "achievements": [{"text": tagged(achievement, "text")} for achievement in achievements],
        "institution_counts": [
            {
                "category": item.category.slug,
                "count": item.count,
                "as_of_year": item.as_of_year,
                "note": _or_none(item.note),
            }
            for item in institution_counts
        ],
        "sources": [
            {
                "title": source.title,
                "language": source.language,
                "publisher": _or_none(source.publisher),
                "url": _or_none(source.url),
                "published_on": source.published_on.isoformat() if source.published_on else None,
                "sha256": source.sha256,
            }
            for source in sources
        ],
        "updated_at": bureau.updated_at.isoformat(timespec="seconds"),
    }


def built_draft_to_dict(built):
    """The format for an import draft not yet saved (its rows from ``importer.building.build``)."""
    return profile_to_dict(
        built.bureau,
        departments=built.departments,
        duties=built.duties,
        achievements=built.achievements,
        institution_counts=built.institution_counts,
        sources=[built.source],
    )


def dumps(data):
    """JSON text as the portal publishes it: UTF-8 characters kept, stable key order."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def api_dumps(data):
    """JSON text as the API answers it (what its JsonResponse writes: on one line, UTF-8 characters kept)."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


def api_list_dumps(envelope, results):
    """The API's JSON text of ``envelope`` (a dict) with a last key ``results``: the list of ``results``,
    each already JSON text from :func:`api_dumps` (a stored snapshot); the very text ``api_dumps`` writes
    of the whole, without decoding and encoding each bureau again."""
    head = api_dumps({**envelope, "results": []})
    assert head.endswith('"results": []}')
    return f"{head[:-3]}[{', '.join(results)}]}}"


def _nullable(schema):
    return {**schema, "type": [schema["type"], "null"]}


def _texts(*, required=False):
    """The schema of a bilingual text: its texts by language tag, none empty."""
    schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {tag: {"type": "string", "minLength": 1} for tag in LANGUAGE_TAGS.values()},
        "description": "The fact's texts by language tag, each in the language it was read (or written) in.",
    }
    return {**schema, "minProperties": 1} if required else schema


# JSON Schema of the format above, used by the OpenAPI description (and so by its tests).
BUREAU_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "format_version", "slug", "name", "division_code", "region", "address", "established_year", "predecessor", "summary",
        "departments", "duties", "achievements", "institution_counts", "sources", "updated_at",
    ],
    "properties": {
        "format_version": {"const": FORMAT_VERSION},
        "slug": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
        "name": _texts(required=True),
        "division_code": _nullable({"type": "string", "pattern": "^[0-9]{6}$", "description": "GB/T 2260"}),
        "region": {
            "type": "object",
            "additionalProperties": False,
            "required": ["province", "city", "district"],
            "properties": {
                "province": _nullable({"type": "string"}),
                "city": _nullable({"type": "string", "description": "null for the four municipalities"}),
                "district": _nullable({"type": "string"}),
            },
        },
        "address": _nullable({"type": "string"}),
        "established_year": _nullable({"type": "integer", "minimum": EARLIEST_YEAR, "maximum": LATEST_YEAR}),
        "predecessor": _nullable({"type": "string"}),
        "summary": _texts(),
        "departments": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "responsibility"],
                "properties": {"name": _texts(required=True), "responsibility": _texts()},
            },
        },
        "duties": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["kind", "title", "text"],
                "properties": {
                    "kind": {"enum": list(DUTY_KINDS)},
                    "title": _texts(),
                    "text": _texts(required=True),
                },
            },
        },
        "achievements": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["text"],
                "properties": {"text": _texts(required=True)},
            },
        },
        "institution_counts": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["category", "count", "as_of_year", "note"],
                "properties": {
                    "category": {"type": "string", "description": "an institution type's slug"},
                    "count": {"type": "integer", "minimum": 0},
                    "as_of_year": _nullable({"type": "integer"}),
                    "note": _nullable({"type": "string"}),
                },
            },
        },
        "sources": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["title", "language", "publisher", "url", "published_on", "sha256"],
                "properties": {
                    "title": {"type": "string"},
                    "language": {"enum": [code for code, _ in SOURCE_LANGUAGE_CHOICES]},
                    "publisher": _nullable({"type": "string"}),
                    "url": _nullable({"type": "string", "format": "uri"}),
                    "published_on": _nullable({"type": "string", "format": "date"}),
                    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                },
            },
        },
        "updated_at": {"type": "string", "format": "date-time"},
    },
}  # fmt: skip


def institution_type_to_dict(institution_type):
    return {
        "slug": institution_type.slug,
        "name": institution_type.name,
        "plural": institution_type.plural,
        "group": institution_type.group,
        "description": institution_type.description,
    }


def json_ld(bureau, url):
    """schema.org GovernmentOrganization data for a profile page (a bureau from ``with_profile()``)."""
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": _ld_text(bureau, "name"),
        "url": url,
        "description": _ld_text(bureau, "summary") or None,
        "address": {
            "@type": "PostalAddress",
            "addressCountry": "CN",
            "addressRegion": bureau.province,
            "addressLocality": bureau.city or bureau.district,
            "streetAddress": bureau.address or None,
        },
        "areaServed": bureau.location,
        "foundingDate": str(bureau.established_year) if bureau.established_year else None,
        "department": [
            {
                "@type": "GovernmentOrganization",
                "name": _ld_text(department, "name"),
                "description": _ld_text(department, "responsibility") or None,
            }
            for department in bureau.departments.all()
        ],
        "additionalProperty": [
            {"@type": "PropertyValue", "name": item.category.plural, "value": item.count}
            for item in bureau.institution_counts.all()
        ],
    }
    return _without_nulls(data)


def _ld_text(obj, name):
    """A text as schema.org has it: the page's language where the fact has it, else tagged with its own."""
    text, code = text_in_language(obj, name)
    return text if not text or code == page_code() else {"@value": text, "@language": LANGUAGE_TAGS[code]}


def _without_nulls(value):
    if isinstance(value, dict):
        return {key: _without_nulls(item) for key, item in value.items() if item not in (None, [], "")}
    if isinstance(value, list):
        return [_without_nulls(item) for item in value]
    return value
