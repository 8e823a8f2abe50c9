"""
A bureau's history: every admin save of the bureau with its inlines, and every publish or withdrawal,
is one revision (django-reversion) holding the full content; a revert is a new revision and publishes
nothing (publication is not part of a version). ``differences`` is the readable comparison of two.
"""

import difflib

import reversion
from django.utils import formats, timezone
from reversion.models import Version

from bureaus import content
from bureaus.models import Bureau
from bureaus.models.parts import FACT_SOURCES, ITEM_PARTS

BUREAU_FIELDS = ["name", "chinese_name", "slug", "province", "city", "district", "address", "established_year",
                 "predecessor", "summary"]  # fmt: skip
ITEM_LINES = {
    "departments": lambda f: f"{f['name']}: {f.get('responsibility') or '—'}",
    "duties": lambda f: f"[{f['kind']}] {f.get('title') + '. ' if f.get('title') else ''}{f['text']}",
    "achievements": lambda f: f["text"],
    "institution_counts": lambda f: (
        f"{f['count']} × type {f['category_id']}" + (f" ({f['note']})" if f.get("note") else "")
    ),
}


def register():
    """Follow a bureau with its parts, so a revision holds the whole profile."""
    if not reversion.is_registered(Bureau):
        follow = [part.relation for part in (*ITEM_PARTS, FACT_SOURCES)]
        reversion.register(Bureau, follow=follow)
    for part in (*ITEM_PARTS, FACT_SOURCES):
        if not reversion.is_registered(part.model):
            reversion.register(part.model)


def snapshot(version):
    """The profile a bureau's version holds: its fields, and each part as lines of text in order."""
    content = {"fields": version.field_dict, "parts": {relation: [] for relation in ITEM_LINES}}
    models = {part.model: part.relation for part in ITEM_PARTS}
    items = sorted(version.revision.version_set.all(), key=lambda v: v.field_dict.get("position") or 0)
    for item in items:
        relation = models.get(item._model)
        if relation and item.field_dict.get("bureau_id") == version.field_dict.get("id"):
            content["parts"][relation].append(ITEM_LINES[relation](item.field_dict))
    return content


def differences(older, newer):
    """[(what, [(change, text)])]: changed fields, and lines added (+) or removed (−) in each part."""
    before, after = snapshot(older), snapshot(newer)
    result = []
    fields = [
        ("changed", f"{name}: “{before['fields'].get(name) or ''}” → “{after['fields'].get(name) or ''}”")
        for name in BUREAU_FIELDS
        if before["fields"].get(name) != after["fields"].get(name)
    ]
    if fields:
        result.append(("Bureau", fields))
    for relation in ITEM_LINES:
        lines = []
        for line in difflib.ndiff(before["parts"][relation], after["parts"][relation]):
            if line.startswith("+ "):
                lines.append(("added", line[2:]))
            elif line.startswith("- "):
                lines.append(("removed", line[2:]))
        if lines:
            result.append((relation.replace("_", " ").capitalize(), lines))
    return result


def revert(bureau, version, user):
    """Bring back the content of ``version`` as a new revision; publication and the edit counter stay
    as they are now (a revert publishes or withdraws nothing by itself)."""
    with content.changing(), reversion.create_revision():
        current = Bureau.objects.select_for_update().get(pk=bureau.pk)
        version.revision.revert(delete=True)
        Bureau.objects.filter(pk=bureau.pk).update(
            is_published=current.is_published, revision=current.revision + 1, updated_at=timezone.now()
        )
        reversion.add_to_revision(Bureau.objects.get(pk=bureau.pk))
        reversion.set_user(user)
        when = formats.date_format(timezone.localtime(version.revision.date_created), "DATETIME_FORMAT")
        reversion.set_comment(f"Reverted to the revision of {when}.")


def versions_of(bureau):
    return Version.objects.get_for_object(bureau).select_related("revision", "revision__user")
