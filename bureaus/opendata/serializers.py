"""
The portal's open-data JSON format for one bureau.

This is the single source of truth for that format: the ``.json`` page, the
``export_bureau`` command and the importer's dry run all call
:func:`profile_to_dict` (saved bureaus through :func:`bureau_to_dict`). The
README documents the format; change both together.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder

from bureaus.vocabulary import DUTY_KINDS, EARLIEST_YEAR, LATEST_YEAR


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


def profile_to_dict(bureau, *, departments, duties, achievements, institution_counts, sources):
    """The format itself, from a bureau and its lists; the lists may hold unsaved objects (an import draft)."""
    return {
        "slug": bureau.slug,
        "name": bureau.name,
        "region": {
            "province": _or_none(bureau.province),
            "city": _or_none(bureau.city),
            "district": _or_none(bureau.district),
        },
        "address": _or_none(bureau.address),
        "established_year": bureau.established_year,
        "predecessor": _or_none(bureau.predecessor),
        "summary": bureau.summary,
        "departments": [
            {"name": department.name, "responsibility": _or_none(department.responsibility)}
            for department in departments
        ],
        "duties": [{"kind": duty.kind, "title": _or_none(duty.title), "text": duty.text} for duty in duties],
        "achievements": [{"text": achievement.text} for achievement in achievements],
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


def _nullable(schema):
    return {**schema, "type": [schema["type"], "null"]}


# JSON Schema of the format above, used by the OpenAPI description (and so by its tests).
BUREAU_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "slug", "name", "region", "address", "established_year", "predecessor", "summary",
        "departments", "duties", "achievements", "institution_counts", "sources", "updated_at",
    ],
    "properties": {
        "slug": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
        "name": {"type": "string", "minLength": 1},
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
        "summary": {"type": "string"},
        "departments": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "responsibility"],
                "properties": {"name": {"type": "string"}, "responsibility": _nullable({"type": "string"})},
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
                    "title": _nullable({"type": "string"}),
                    "text": {"type": "string"},
                },
            },
        },
        "achievements": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["text"],
                "properties": {"text": {"type": "string"}},
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
                "required": ["title", "publisher", "url", "published_on", "sha256"],
                "properties": {
                    "title": {"type": "string"},
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
        "name": bureau.name,
        "url": url,
        "description": bureau.summary or None,
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
                "name": department.name,
                "description": department.responsibility or None,
            }
            for department in bureau.departments.all()
        ],
        "additionalProperty": [
            {"@type": "PropertyValue", "name": item.category.plural, "value": item.count}
            for item in bureau.institution_counts.all()
        ],
    }
    return _without_nulls(data)


def _without_nulls(value):
    if isinstance(value, dict):
        return {key: _without_nulls(item) for key, item in value.items() if item not in (None, [], "")}
    if isinstance(value, list):
        return [_without_nulls(item) for item in value]
    return value
