"""
The portal's open-data JSON format for one bureau.

This is the single source of truth for that format: the ``.json`` page, the
``export_bureau`` command and the importer's dry run all call
:func:`profile_to_dict` (saved bureaus through :func:`bureau_to_dict`). The
README documents the format; change both together.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder


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
        "sources": [{"title": source.title, "sha256": source.sha256} for source in sources],
        "updated_at": bureau.updated_at.isoformat(),
    }


def dumps(data):
    """JSON text as the portal publishes it: UTF-8 characters kept, stable key order."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
