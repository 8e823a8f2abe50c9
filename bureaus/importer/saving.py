"""
Saving drafts: as an unpublished bureau in the database, or as a fixture file for review.

``save_draft`` runs in one transaction: a draft is saved whole or not at all.
"""

from dataclasses import dataclass

from django.core import serializers
from django.core.exceptions import ValidationError
from django.db.models import Max, Q

from bureaus import content
from bureaus.importer.building import build
from bureaus.importer.errors import DocumentError, SlugTaken
from bureaus.models import Bureau, FactSource, InstitutionType
from bureaus.models.languages import FACT_LANGUAGES, SOURCE_LANGUAGE_CHOICES, column, columns, fact_code
from bureaus.models.parts import ITEM_PARTS, PARTS
from bureaus.publishing import start_working_copy

CREATED, UNCHANGED, REPLACED, MERGED = "created", "unchanged", "replaced", "merged"


@dataclass
class SaveResult:
    status: str  # CREATED, UNCHANGED, REPLACED or MERGED
    bureau: Bureau


def known_types(drafts):
    """{slug: InstitutionType} of the types these drafts count that already exist: one query for all."""
    slugs = {count.category for draft in drafts for count in draft.counts}
    return {t.slug: t for t in InstitutionType.objects.filter(slug__in=slugs)}


def save_draft(draft, *, replace=False, how_to_replace="use --replace", source_details=None):
    """Save ``draft`` as an unpublished bureau; ``source_details`` (publisher, url, published_on) go
    with its source document.

    One bureau per division: a document about a division (or slug) that has a bureau already goes to
    that bureau. The same document imported again (same sha256) changes nothing. A document in a
    language none of the bureau's sources is in (a Chinese page for a bureau loaded from an English
    one) is merged: its source and facts are added after the bureau's own, nothing is replaced. A
    second document in the same language is refused unless ``replace``: then the facts imported from
    that language's documents are replaced by the document's, facts from the other language's and
    facts staff added by hand are kept after them. All of it for review: in the bureau's working copy
    when it is published (the public page stays as it was until the copy is published).
    """
    # One transaction; the bureau is re-indexed for search, and the content version moved on,
    # once at the end rather than for every row saved or deleted on the way.
    with content.changing():
        return _save(draft, replace, how_to_replace, source_details or {})


def _save(draft, replace, how_to_replace, source_details):
    existing = existing_bureau(draft, lock=True)
    if existing is not None:
        draft.slug = existing.slug  # the division's bureau keeps its address
    copy = Bureau.objects.filter(slug=draft.slug, draft_of__isnull=False).select_related("draft_of").first()
    if copy is not None and (existing is None or copy.draft_of_id != existing.pk):
        # slugs are unique over working copies too: saving would break the constraint
        raise DocumentError(
            f"The slug “{draft.slug}” is taken by the working copy of “{copy.draft_of}”; give the bureau another "
            "name for its district or city, so that its slug differs."
        )
    current = replace_target(existing)
    if current is not None and current.sources.filter(sha256=draft.sha256).exists():
        return SaveResult(UNCHANGED, current)
    language = fact_code(draft.language)
    merge = current is not None and not any(fact_code(tag) == language for tag in _languages(current))
    if existing is not None and not (replace or merge):
        raise SlugTaken(existing, how_to_replace)
    built = build(draft, known_types([draft]), source_details)  # publisher, address, date: what the reviewer knows
    validate(built)
    for new_type in built.new_types:
        new_type.save()
    bureau = built.bureau
    if existing is not None:
        # A published bureau is never replaced in place: the document goes into its working copy.
        target = current if current.draft_of_id or not current.is_published else start_working_copy(existing)
        if merge:
            bureau = _merge_into(target, built, draft.warnings)
        else:
            for field in ("pk", "slug", "draft_of_id", "created_at", "revision", "page_version"):
                setattr(bureau, field, getattr(target, field))
            _keep_other_language(bureau, target, language)
            names = {department.name.casefold() for department in built.departments}
            _clear_imported_facts(target, names, language)
            cited = set(FactSource.objects.filter(bureau=target).values_list("fact", flat=True))
            built.fact_sources = [fact for fact in built.fact_sources if fact.fact not in cited]
    built.source.record_warnings(draft.warnings)  # with those the merge added
    bureau.save()
    # The rows find the ids of the bureau, source and new types saved before them when they are written.
    content.insert_rows(built.rows(part) for part in PARTS)
    if existing is not None and not merge:  # a merge adds after everything, hand-added rows included
        _move_hand_added_facts_last(bureau)
    status = CREATED if existing is None else MERGED if merge else REPLACED
    return SaveResult(status, bureau)


def existing_bureau(draft, lock=False):
    """The bureau (not a working copy) a draft belongs to: its division's, else the one with its slug;
    None for a new bureau. ``lock`` holds its row until the transaction ends."""
    bureaus = (Bureau.objects.select_for_update() if lock else Bureau.objects).filter(draft_of__isnull=True)
    if draft.division_code:
        by_division = bureaus.filter(division_code=draft.division_code).first()
        if by_division is not None:
            return by_division
    return bureaus.filter(slug=draft.slug).first()


def _languages(bureau):
    return set(bureau.sources.values_list("language", flat=True))


def _merge_into(target, built, warnings):
    """Add a document in another language to ``target``: its facts follow the bureau's own, and it fills
    only what the bureau lacks (a Chinese name beside the English one), so nothing already there is lost.
    Returns the bureau to save."""
    incoming = built.bureau
    for name in ("name", "summary"):
        for column_name in columns(name):
            if not getattr(target, column_name) and getattr(incoming, column_name):
                setattr(target, column_name, getattr(incoming, column_name))
    for field in ("division_code", "province", "city", "district", "address", "established_year", "predecessor"):
        mine, theirs = getattr(target, field), getattr(incoming, field)
        if mine in ("", None) and theirs not in ("", None):
            setattr(target, field, theirs)
        elif theirs not in ("", None, mine) and field in ("established_year", "predecessor", "address"):
            label = Bureau._meta.get_field(field).verbose_name
            warnings.append(f"This document gives the {label} as “{theirs}”; the bureau keeps “{mine}” from its other "
                            "source: check which is right.")  # fmt: skip
    # The bureau's own facts keep the source they cite; the new document's stand only where none was read.
    cited = set(FactSource.objects.filter(bureau=target).values_list("fact", flat=True))
    built.fact_sources = [fact for fact in built.fact_sources if fact.fact not in cited]
    for part in ITEM_PARTS:
        after = getattr(target, part.relation).aggregate(last=Max("position"))["last"] or 0
        for row in built.rows(part):
            row.position += after
    names = {(column_name, value.casefold()) for column_name, value in _department_names(target)}
    built.departments = [
        department
        for department in built.departments
        if not any((c, (getattr(department, c) or "").casefold()) in names for c in columns("name"))
    ]
    for row in (built.source, *(row for part in PARTS[1:] for row in built.rows(part))):
        row.bureau = target
    return target


def _department_names(bureau):
    for row in bureau.departments.values(*columns("name")):
        for column_name, value in row.items():
            if value:
                yield column_name, value


def _keep_other_language(bureau, target, language):
    """A replacing document rewrites its own language's texts of the bureau; the other language's stay."""
    for name in ("name", "summary"):
        for code in FACT_LANGUAGES:
            if code != language:
                setattr(bureau, column(name, code), getattr(target, column(name, code)))
    # What only the other language's documents (or staff) gave stays until this document says otherwise.
    for field in ("division_code", "address", "established_year", "predecessor"):
        if getattr(bureau, field) in ("", None):
            setattr(bureau, field, getattr(target, field))


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


def _clear_imported_facts(bureau, incoming_department_names, language):
    """Delete what an earlier import in ``language`` put in; keep what staff typed in by hand (no source)
    and what documents in the other language gave.

    A hand-added department the new document also names is dropped: the document's
    version, with its source sentence, takes its place.
    """
    same_language = Q(source__language__in=[tag for tag, _ in SOURCE_LANGUAGE_CHOICES if fact_code(tag) == language])
    FactSource.objects.filter(bureau=bureau).filter(same_language | Q(source__isnull=True)).delete()
    for department in bureau.departments.filter(source__isnull=True):
        if department.name.casefold() in incoming_department_names:
            department.delete()
    for part in ITEM_PARTS:
        getattr(bureau, part.relation).filter(same_language).delete()
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
    ``source_details`` (publisher, url, published_on) go with each one's source document: one dict for all,
    or a list of them, one per draft (the rows of ``import_bureau --list``)."""
    objects, types = [], known_types(drafts)
    each = source_details if isinstance(source_details, list) else [source_details] * len(drafts)
    for draft, details in zip(drafts, each, strict=True):
        built = build(draft, types, details)
        types.update({new_type.slug: new_type for new_type in built.new_types})
        objects += built.objects()
    return serializers.serialize(
        "json", objects, indent=2, use_natural_foreign_keys=True, use_natural_primary_keys=True
    )
