"""
Draft and publish: the public never reads the rows staff are editing.

A published bureau is never edited in place. Staff edit its *working copy*: an unpublished
bureau of its own (``draft_of`` points at the published one, at most one copy each) holding
a copy of the bureau's fields, parts and sources. Public pages, the API, CSV, search,
statistics, facets and the sitemap read published bureaus only, so they keep showing the
last published version until a publisher publishes the copy. Publishing moves the copy's
rows into the published bureau in one transaction, through the content seam (so only that
bureau's cached pages and the lists go stale), and deletes the copy; the published bureau
keeps its id, address and the ids of sources it still cites, so links and source anchors
stay valid. A bureau never published (a draft) has no copy: it is edited directly.

Every publish, withdrawal and discard is a revision of the bureau (django-reversion); the revisions
saved on a working copy join the published bureau's history when the copy is published or
discarded, so the history is whole.

Owns: starting, publishing, withdrawing and discarding working copies.
May import: ``bureaus.models``, ``bureaus.content``, ``reversion``.
"""

import reversion
from django.utils import timezone
from reversion.models import Version

from bureaus import content
from bureaus.models import Bureau, SourceDocument
from bureaus.models.parts import SPANNED_PARTS

# The bureau's content: what a working copy takes over and publishing brings back. Not its
# identity (id, address), its state, or the counters the edit check and the cache key read.
CONTENT_FIELDS = [
    field.name
    for field in Bureau._meta.concrete_fields
    if field.name
    not in {"id", "slug", "is_published", "created_at", "updated_at", "revision", "draft_of", "page_version"}
]
COPY_SUFFIX = "-working-copy"
# The comments of the revisions that end a working copy: who did it and when is what an editor who
# still had the copy open is told.
PUBLISHED, DISCARDED = "Published.", "Unpublished changes discarded."


class PublishError(Exception):
    """A bureau cannot be published as it is; the message says why in plain words."""


class ChangedSinceSeen(PublishError):
    """What would go public (``changed``: the working copy, or the draft) was saved after the publisher saw it."""

    def __init__(self, bureau, changed):
        self.changed = changed
        super().__init__(f"“{bureau}” was not published: it changed after you opened it.")


def editing_target(bureau, user=None):
    """Where an edit of ``bureau`` is written: its working copy (started now if it is published and
    has none), or the bureau itself while it is a draft."""
    original = Bureau.objects.get(pk=bureau.original.pk)
    copy = Bureau.objects.filter(draft_of=original).first()
    if copy is not None:
        return copy
    return start_working_copy(original, user) if original.is_published else original


def start_working_copy(bureau, user=None):
    """The working copy of published ``bureau``: its fields, parts and sources, copied once."""
    with content.changing():
        original = Bureau.objects.select_for_update().get(pk=bureau.original.pk)
        existing = Bureau.objects.filter(draft_of=original).first()
        if existing is not None:
            return existing  # somebody started it a moment ago
        copy = Bureau(
            **{name: getattr(original, name) for name in CONTENT_FIELDS},
            slug=_free_slug(original.slug),
            draft_of=original,
            is_published=False,
            created_at=timezone.now(),
        )
        copy.save()
        new_source_ids = {}
        for source in original.sources.all():
            old_id = source.pk
            source.pk, source.bureau = None, copy
            source._state.adding = True
            source.save()
            new_source_ids[old_id] = source.pk
        rows = []
        for part in SPANNED_PARTS:
            items = list(part.model.objects.filter(bureau=original))
            for item in items:
                item.pk, item.bureau_id = None, copy.pk
                item._state.adding = True
                item.source_id = new_source_ids.get(item.source_id)
            rows.append(items)
        content.insert_rows(rows)
        return copy


def publish(bureau, user, seen_revision=None):
    """Make ``bureau`` public as its working copy has it (or as it is, when it is a draft).

    Raises PublishError, changing nothing, when the content lacks what a public page needs, or
    (ChangedSinceSeen) when ``seen_revision``, the revision of the copy or draft the publisher
    reviewed, is given and is no longer the stored one: an edit saved since goes public only once seen.
    """
    with content.changing(), reversion.create_revision():
        original = Bureau.objects.select_for_update().get(pk=bureau.original.pk)
        copy = Bureau.objects.select_for_update().filter(draft_of=original).first()
        if seen_revision is not None and (copy or original).revision != seen_revision:
            raise ChangedSinceSeen(original, copy or original)
        missing = (copy or original).missing_facts()
        if missing:
            raise PublishError(f"“{original}” was not published: it has no {' and '.join(missing)} yet.")
        if copy is not None:
            for name in CONTENT_FIELDS:
                setattr(original, name, getattr(copy, name))
            _move_content(copy, original)
            _join_history(copy, original)
            copy.delete()
        original.is_published = True
        original.save()
        _record(original, user, PUBLISHED)
        return original


def withdraw(bureau, user):
    """Take ``bureau`` off the public site; a working copy, if any, stays for later."""
    with content.changing(), reversion.create_revision():
        original = Bureau.objects.select_for_update().get(pk=bureau.original.pk)
        original.is_published = False
        original.save()
        _record(original, user, "Withdrawn from the public site.")
        return original


def discard(copy, user):
    """Throw a working copy away: the published bureau stays as it is. Its revisions stay in the history,
    with one of the bureau saying who discarded it."""
    with content.changing(), reversion.create_revision():
        original = copy.draft_of
        _join_history(copy, original)
        copy.delete()
        _record(original, user, DISCARDED)


def last_copy_ended(bureau):
    """The revision that last published or discarded ``bureau``'s working copy (None if none did)."""
    version = (
        Version.objects.get_for_object(bureau)
        .filter(revision__comment__in=(PUBLISHED, DISCARDED))
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
        .first()
    )
    return version.revision if version is not None else None


def _record(bureau, user, comment):
    reversion.add_to_revision(bureau)
    reversion.set_user(user if user is not None and user.is_authenticated else None)
    reversion.set_comment(comment)


def _free_slug(slug):
    base = f"{slug[: 100 - len(COPY_SUFFIX) - 4]}{COPY_SUFFIX}"
    candidate, number = base, 1
    while Bureau.objects.filter(slug=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _move_content(copy, original):
    """Replace the original's parts and sources with the copy's, in the caller's transaction.

    A source the copy shares with the original (same text) keeps the original's row and id, so
    anchors to its sentences stay valid; sources the copy dropped go, new ones move over.
    """
    for part in SPANNED_PARTS:  # first: they point into the sources (RESTRICT)
        part.model.objects.filter(bureau=original).delete()
    kept = {source.sha256: source for source in original.sources.all()}
    for source in copy.sources.all():
        published = kept.pop(source.sha256, None)
        if published is None:
            SourceDocument.objects.filter(pk=source.pk).update(bureau=original)
            continue
        for part in SPANNED_PARTS:
            part.model.objects.filter(bureau=copy, source=source).update(source=published)
    for source in kept.values():
        source.delete()
    for part in SPANNED_PARTS:
        part.model.objects.filter(bureau=copy).update(bureau=original)


def _join_history(copy, original):
    Version.objects.get_for_object(copy).update(object_id=str(original.pk))
