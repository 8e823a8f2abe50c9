"""
The portal's open-data JSON format for one bureau.

This is the single source of truth for that format: the ``.json`` page, the
``export_bureau`` command and (later) the API and the importer all call
:func:`bureau_to_dict`. The README documents the format; change both together.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder


def _or_none(value):
    return value if value not in ("", None) else None


def bureau_to_dict(bureau):
    """Return ``bureau`` as a JSON-ready dict.

    Expects a bureau fetched with ``Bureau.objects.with_profile()`` so that its
    lists come from the prefetch cache rather than one query each.
    """
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
            for department in bureau.departments.all()
        ],
        "duties": [
            {"kind": duty.kind, "title": _or_none(duty.title), "text": duty.text} for duty in bureau.duties.all()
        ],
        "achievements": [{"text": achievement.text} for achievement in bureau.achievements.all()],
        "institution_counts": [
            {
                "category": item.category.slug,
                "count": item.count,
                "as_of_year": item.as_of_year,
                "note": _or_none(item.note),
            }
            for item in bureau.institution_counts.all()
        ],
        "sources": [{"title": source.title, "sha256": source.sha256} for source in bureau.sources.all()],
        "updated_at": bureau.updated_at.isoformat(),
    }


def dumps(data):
    """JSON text as the portal publishes it: UTF-8 characters kept, stable key order."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
