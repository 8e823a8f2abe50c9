"""
A bureau's history: every admin save of the bureau (or of its working copy) with its inlines, and
every publish or withdrawal, is one revision (django-reversion) holding the full content. A revert
writes a revision's content into the bureau's working copy as a new revision, so it publishes
nothing. ``differences`` is the readable comparison of two.
"""

import difflib

import reversion
from django.contrib.auth import get_user_model
from django.utils import formats, timezone
from reversion.models import Version

from bureaus import content, publishing
from bureaus.models import Bureau, InstitutionType, SourceDocument
from bureaus.models.languages import columns
from bureaus.models.parts import FACT_SOURCES, ITEM_PARTS


def _texts(fields, name):
    """A bilingual text of a stored revision as one line: "Office / 办公室", or the one language it has."""
    return " / ".join(fields[column] for column in columns(name) if fields.get(column))


ITEM_LINES = {
    "departments": lambda f: f"{_texts(f, 'name')}: {_texts(f, 'responsibility') or '—'}",
    "duties": lambda f: f"[{f['kind']}] {_texts(f, 'title') + '. ' if _texts(f, 'title') else ''}{_texts(f, 'text')}",
    "achievements": lambda f: _texts(f, "text"),
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


def _label(name):
    """A bureau field as staff read it: "summary (English)", not its column's name."""
    return Bureau._meta.get_field(name).verbose_name


def differences(older, newer):
    """[(what, [(change, text)])]: changed fields, and lines added (+) or removed (−) in each part."""
    before, after = snapshot(older), snapshot(newer)
    result = []
    fields = [
        ("changed", f"{_label(name)}: “{before['fields'].get(name) or ''}” → “{after['fields'].get(name) or ''}”")
        for name in publishing.CONTENT_FIELDS
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
    """Bring back the content of ``version`` as a new revision of the bureau's working copy (of the
    bureau itself while it is a draft); returns the bureau written to. Facts whose source document
    is gone keep their words and are marked as the reverting person's edit."""
    with content.changing(), reversion.create_revision():
        target = publishing.editing_target(bureau, user)
        target = Bureau.objects.select_for_update().get(pk=target.pk)
        fields = version.field_dict
        for name in publishing.CONTENT_FIELDS:
            setattr(target, name, fields.get(name, getattr(target, name)))
        target.save()
        _restore_parts(target, version, user)
        reversion.add_to_revision(target)
        reversion.set_user(user)
        when = formats.date_format(timezone.localtime(version.revision.date_created), "DATETIME_FORMAT")
        reversion.set_comment(f"Reverted to the revision of {when}.")
    return target


def _restore_parts(target, version, user):
    old_bureau_id = version.field_dict.get("id")
    saved = [v for v in version.revision.version_set.all() if v.field_dict.get("bureau_id") == old_bureau_id]
    # A revision names sources by id; the target cites the same documents by its own rows (same text).
    old_source_ids = {v.field_dict.get("source_id") for v in saved} - {None}
    by_text = {source.sha256: source.pk for source in target.sources.all()}
    source_ids = {
        old_id: by_text.get(sha256)
        for old_id, sha256 in SourceDocument.objects.filter(pk__in=old_source_ids).values_list("pk", "sha256")
    }
    known_types = set(InstitutionType.objects.values_list("pk", flat=True))
    known_users = set(get_user_model().objects.filter(
        pk__in={v.field_dict.get("edited_by_id") for v in saved} - {None}).values_list("pk", flat=True))  # fmt: skip
    now, rows = timezone.now(), []
    for part in (*ITEM_PARTS, FACT_SOURCES):
        part.model.objects.filter(bureau=target).delete()
        names = {field.attname for field in part.model._meta.concrete_fields} - {"id"}
        items = []
        for item_version in saved:
            if item_version._model is not part.model:
                continue
            item = part.model(**{name: value for name, value in item_version.field_dict.items() if name in names})
            item.bureau_id = target.pk
            if getattr(item, "category_id", None) is not None and item.category_id not in known_types:
                continue  # its institution type was deleted since
            if item.edited_by_id not in known_users:
                item.edited_by_id = None
            if item.source_id is not None and source_ids.get(item.source_id) is None:
                item.mark_edited(user, now)  # its document is gone: the words are kept as staff's
            elif item.source_id is not None:
                item.source_id = source_ids[item.source_id]
            items.append(item)
        rows.append(items)
    content.insert_rows(rows)


def versions_of(bureau):
    """Every revision of ``bureau`` and of its working copy, newest first."""
    original = bureau.original
    copy = original.working_copy_or_none()
    ids = [str(original.pk), *([str(copy.pk)] if copy is not None else [])]
    return (
        Version.objects.get_for_model(Bureau)
        .filter(object_id__in=ids)
        .select_related("revision", "revision__user")
        .order_by("-pk")
    )
