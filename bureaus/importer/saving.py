"""
Saving drafts: as an unpublished bureau in the database, or as a fixture file for review.

``save_draft`` runs in one transaction: a draft is saved whole or not at all.
"""

from dataclasses import dataclass

from django.core import serializers
from django.core.exceptions import ValidationError

from bureaus import content
from bureaus.importer.building import build
from bureaus.importer.errors import DocumentError, SlugTaken
from bureaus.models import Bureau, FactSource, InstitutionType
from bureaus.models.parts import ITEM_PARTS, PARTS
from bureaus.publishing import start_working_copy

CREATED, UNCHANGED, REPLACED = "created", "unchanged", "replaced"


@dataclass
class SaveResult:
    status: str  # CREATED, UNCHANGED or REPLACED
    bureau: Bureau


def known_types(drafts):
    """{slug: InstitutionType} of the types these drafts count that already exist: one query for all."""
    slugs = {count.category for draft in drafts for count in draft.counts}
    return {t.slug: t for t in InstitutionType.objects.filter(slug__in=slugs)}


def save_draft(draft, *, replace=False, how_to_replace="use --replace", source_details=None):
    """Save ``draft`` as an unpublished bureau; ``source_details`` (publisher, url, published_on) go
    with its source document.

    The same document imported again (same sha256) changes nothing. A document for
    a slug that exists already is refused unless ``replace``: then the bureau's
    imported facts are replaced by the document's, facts staff added by hand are
    kept after them, all for review: in the bureau's working copy when it is
    published (the public page stays as it was until the copy is published).
    """
    # One transaction; the bureau is re-indexed for search, and the content version moved on,
    # once at the end rather than for every row saved or deleted on the way.
    with content.changing():
        return _save(draft, replace, how_to_replace, source_details or {})


def _save(draft, replace, how_to_replace, source_details):
    existing = Bureau.objects.select_for_update().filter(slug=draft.slug, draft_of__isnull=True).first()
    copy = Bureau.objects.filter(slug=draft.slug, draft_of__isnull=False).select_related("draft_of").first()
    if copy is not None:  # slugs are unique over working copies too: saving would break the constraint
        raise DocumentError(
            f"The slug “{draft.slug}” is taken by the working copy of “{copy.draft_of}”; give the bureau another "
            "name for its district or city, so that its slug differs."
        )
    current = replace_target(existing)
    if current is not None and current.sources.filter(sha256=draft.sha256).exists():
        return SaveResult(UNCHANGED, current)
    if existing is not None and not replace:
        raise SlugTaken(existing, how_to_replace)
    built = build(draft, known_types([draft]), source_details)  # publisher, address, date: what the reviewer knows
    validate(built)
    for new_type in built.new_types:
        new_type.save()
    bureau = built.bureau
    if existing is not None:
        # A published bureau is never replaced in place: the document goes into its working copy.
        target = current if current.draft_of_id or not current.is_published else start_working_copy(existing)
        for field in ("pk", "slug", "draft_of_id", "created_at", "revision", "page_version"):
            setattr(bureau, field, getattr(target, field))
        _clear_imported_facts(target, {department.name.casefold() for department in built.departments})
    bureau.save()
    # The rows find the ids of the bureau, source and new types saved before them when they are written.
    content.insert_rows(built.rows(part) for part in PARTS)
    if existing is not None:
        _move_hand_added_facts_last(bureau)
    return SaveResult(REPLACED if existing is not None else CREATED, bureau)


def replace_target(bureau):
    """What a replace of ``bureau`` writes to as things stand: its working copy if it has one, else itself."""
    if bureau is None:
        return None
    return bureau.working_copy_or_none() or bureau


def validate(built):
    """Check every object against its model's field rules; a DocumentError lists what is wrong."""
    problems = []
    for obj in built.objects():
        try:
            obj.full_clean(exclude=["bureau", "source", "category"], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                problems += [f"{obj._meta.verbose_name} {field}: {message}" for message in messages]
    if problems:
        raise DocumentError("The document gives values the portal cannot store: " + "; ".join(problems[:3]))


def _clear_imported_facts(bureau, incoming_department_names):
    """Delete what an earlier import put in; keep what staff typed in by hand (no source).

    A hand-added department the new document also names is dropped: the document's
    version, with its source sentence, takes its place.
    """
    FactSource.objects.filter(bureau=bureau).delete()
    for department in bureau.departments.filter(source__isnull=True):
        if department.name.casefold() in incoming_department_names:
            department.delete()
    for part in ITEM_PARTS:
        getattr(bureau, part.relation).filter(source__isnull=False).delete()
        # Hand-added rows step aside so the imported ones can take positions 1, 2, …
        for offset, item in enumerate(getattr(bureau, part.relation).order_by("position"), 1):
            type(item).objects.filter(pk=item.pk).update(position=30000 + offset)


def _move_hand_added_facts_last(bureau):
    for part in ITEM_PARTS:
        manager = getattr(bureau, part.relation)
        last = manager.filter(source__isnull=False).count()
        for offset, item in enumerate(manager.filter(source__isnull=True).order_by("position"), 1):
            type(item).objects.filter(pk=item.pk).update(position=last + offset)


def drafts_to_fixture(drafts, source_details=None):
    """A Django fixture (natural keys, no primary keys) of the drafts, for review and ``loaddata``;
    ``source_details`` (publisher, url, published_on) go with each one's source document."""
    objects, types = [], known_types(drafts)
    for draft in drafts:
        built = build(draft, types, source_details)
        types.update({new_type.slug: new_type for new_type in built.new_types})
        objects += built.objects()
    return serializers.serialize(
        "json", objects, indent=2, use_natural_foreign_keys=True, use_natural_primary_keys=True
    )
