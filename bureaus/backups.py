"""
A backup's history, kept with its bureaus: django-reversion's revisions and the admin's log.

A backup is a fixture with natural keys, so ``restore`` gives every bureau, source, fact, type and
account a new database id. History names what it is about by the old ids: a version's
``object_id`` and the ids inside its serialized row (the bureau, a fact's source and type, who typed
it), a log entry's ``object_id``. Left as they were, a restored bureau's History would list the
revisions of whatever bureau had its id before (and a revert would write them into it), and an
edit-conflict message would name whoever changed that other bureau.

So ``backup`` writes each such id as the natural key of the row it named (:func:`portable`), and
``restore`` turns the keys into the new ids (:func:`restore`). The id of a row deleted before the
backup has no key; it is written negated, an id no row has (rows are numbered from 1), so it finds
nothing after the restore yet still matches the other references to that row within a revision.
A revision with no bureau left (one deleted before the backup) is left out, and a log entry about a
deleted row keeps its words but points at nothing. A version without keys (from a backup made before
they were written) cannot be matched to its bureau: it is left out, never attached to whichever
bureau has its old id now.

May import: ``bureaus.models``, ``reversion``, Django's admin and auth models.
"""

import json
from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from reversion.models import Revision, Version

from bureaus.models import Bureau
from bureaus.models.languages import upgrade_loaded_fields

HISTORY = ("reversion.revision", "reversion.version", "admin.logentry")
# A version's serialized rows with natural keys for ids. No serializer has this name, so a backup's
# versions loaded by anything but ``restore`` fail loudly instead of pointing at the wrong rows.
KEYED_FORMAT = "json+keys"
MISSING = 0  # the id of a key with no row after the restore (an account left out by --skip-users)


class _Keys:
    """Natural key ↔ id of every row of the models asked about, read once per model."""

    def __init__(self):
        self._keys, self._ids = {}, {}

    def _read(self, model):
        if model not in self._keys:
            # select_related(): a part's natural key reads its bureau's slug (and a count's its type's).
            rows = model._base_manager.select_related().iterator(chunk_size=2000)
            self._keys[model] = {row.pk: list(row.natural_key()) for row in rows}
            self._ids[model] = {tuple(key): pk for pk, key in self._keys[model].items()}

    def key_of(self, model, pk):
        self._read(model)
        return self._keys[model].get(pk)

    def id_of(self, model, key):
        self._read(model)
        return self._ids[model].get(tuple(key))


def _id(text):
    """The integer id ``text`` holds, or None (an id of another kind never names a keyed row here)."""
    return int(text) if isinstance(text, str) and text.lstrip("-").isdigit() else None


def _keyed(model):
    return model is not None and hasattr(model, "natural_key")


def _model(content_type_key):
    try:
        return apps.get_model(*content_type_key) if content_type_key else None
    except LookupError:
        return None


def _each_id(rows, convert):
    """``rows`` (serialized rows) with every id of a keyed model, its own or a relation's, converted, and
    every field under its current name."""
    for row in rows:
        model = apps.get_model(row["model"])
        upgrade_loaded_fields(model, row["fields"])  # a revision stored before text facts were bilingual
        if _keyed(model):
            row["pk"] = convert(model, row["pk"])
        for name, value in row["fields"].items():
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue  # a field since removed: reversion ignores it too
            if field.many_to_one and _keyed(field.related_model) and value is not None:
                row["fields"][name] = convert(field.related_model, value)
    return rows


def portable(records):
    """Write, in place, the ids held by the history records of a backup as natural keys (see above)."""
    keys = _Keys()

    def key_or_negated(model, pk):
        return keys.key_of(model, pk) or -pk

    for record in records:
        fields = record["fields"]
        if record["model"] == "reversion.version" and fields["format"] == "json":
            model = _model(fields["content_type"])
            if _keyed(model) and _id(fields["object_id"]) is not None:
                fields["object_id"] = json.dumps(key_or_negated(model, _id(fields["object_id"])))
            fields["serialized_data"] = json.dumps(_each_id(json.loads(fields["serialized_data"]), key_or_negated))
            fields["format"] = KEYED_FORMAT
        elif record["model"] == "admin.logentry" and _keyed(_model(fields["content_type"])):
            key = keys.key_of(_model(fields["content_type"]), _id(fields["object_id"]))
            fields["object_id"] = json.dumps(key) if key else None
    return records


@dataclass
class Restored:
    revisions: int = 0
    of_deleted_bureaus: int = 0  # revisions of bureaus deleted before the backup
    without_keys: int = 0  # revisions from a backup made before versions carried keys
    log_entries: int = 0
    unlinked_log_entries: int = 0  # about rows deleted before the backup, or from such an older backup

    def lines(self):
        yield f"History: {self.revisions} revision(s) restored, each with its bureau."
        if self.of_deleted_bureaus:
            yield f"{self.of_deleted_bureaus} revision(s) of bureaus deleted before the backup were left out."
        if self.without_keys:
            yield (
                f"{self.without_keys} revision(s) could not be matched to their bureaus (the backup was made before "
                "revisions carried their bureaus' keys) and were left out, rather than given to other bureaus."
            )
        if self.log_entries:
            yield f"Admin log: {self.log_entries} entr(ies) restored."
        if self.unlinked_log_entries:
            yield (
                f"{self.unlinked_log_entries} of them name something deleted before the backup (or come from a "
                "backup made before log entries carried keys): they keep their words and point at nothing."
            )


def restore(records, with_log=True):
    """Create the revisions (and, ``with_log``, the admin log entries) of ``records``, a backup's
    history records, with the ids of the rows restored before them; returns what was restored."""
    keys, result, users = _Keys(), Restored(), get_user_model()

    def new_id(model, value):
        return (keys.id_of(model, value) or MISSING) if isinstance(value, list) else value

    versions = defaultdict(list)
    for record in sorted(_of(records, "reversion.version"), key=lambda r: r["pk"]):
        versions[record["fields"]["revision"]].append(record["fields"])
    revisions, kept = [], []
    for record in sorted(_of(records, "reversion.revision"), key=lambda r: r["pk"]):
        fields = record["fields"]
        if any(version["format"] != KEYED_FORMAT for version in versions[record["pk"]]):
            result.without_keys += 1
            continue
        built = [_version(version, new_id) for version in versions[record["pk"]]]
        if not any(
            version.content_type.model_class() is Bureau and (_id(version.object_id) or 0) > 0 for version in built
        ):
            result.of_deleted_bureaus += 1
            continue
        user = keys.id_of(users, fields["user"]) if fields["user"] else None
        revisions.append(Revision(date_created=fields["date_created"], user_id=user, comment=fields["comment"]))
        kept.append(built)
    Revision.objects.bulk_create(revisions)  # in the backup's order, so newest still sorts last
    for revision, built in zip(revisions, kept, strict=True):
        for version in built:
            version.revision = revision
    Version.objects.bulk_create([version for built in kept for version in built])
    result.revisions = len(revisions)
    if with_log:
        entries = [_log_entry(r["fields"], keys) for r in sorted(_of(records, "admin.logentry"), key=lambda r: r["pk"])]
        LogEntry.objects.bulk_create(entries)
        result.log_entries = len(entries)
        result.unlinked_log_entries = sum(1 for e in entries if e.object_id is None and _keyed(_content_model(e)))
    return result


def _of(records, label):
    return [record for record in records if record["model"] == label]


def _content_model(entry):
    return entry.content_type.model_class() if entry.content_type_id else None


def _version(fields, new_id):
    content_type = ContentType.objects.get_by_natural_key(*fields["content_type"])
    object_id = fields["object_id"]
    if object_id.startswith("["):
        object_id = str(new_id(content_type.model_class(), json.loads(object_id)))
    return Version(
        object_id=object_id,
        content_type=content_type,
        db=fields["db"],
        format="json",
        serialized_data=json.dumps(_each_id(json.loads(fields["serialized_data"]), new_id)),
        object_repr=fields["object_repr"],
    )


def _log_entry(fields, keys):
    content_type = ContentType.objects.get_by_natural_key(*fields["content_type"]) if fields["content_type"] else None
    object_id = fields["object_id"]
    if content_type is not None and _keyed(content_type.model_class()):
        # Keys as backup writes them; a bare id (an older backup) could name any row now, so it names none.
        found = (
            keys.id_of(content_type.model_class(), json.loads(object_id)) if (object_id or "").startswith("[") else None
        )
        object_id = None if found is None else str(found)
    return LogEntry(
        action_time=fields["action_time"],
        user_id=keys.id_of(get_user_model(), fields["user"]),
        content_type=content_type,
        object_id=object_id,
        object_repr=fields["object_repr"],
        action_flag=fields["action_flag"],
        change_message=fields["change_message"],
    )
