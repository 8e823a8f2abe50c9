"""
Profile snapshots: a published bureau's profile body, result card and open-data JSON, rendered once per
version of the bureau.

The public profile page reads the snapshot in the page's language in one query; when the bureau has
changed since (its ``page_version`` moved) or a release changed what renders it (the
fingerprint), the body is rendered again and stored, for that bureau only. Staff previewing
drafts and working copies always get a live rendering. A result list reads its page's cards from
the same snapshots (one query), adding only each card's search snippet; the API's list joins its page's
open-data JSON from them (one query), as the serializer wrote it.

Unlike the page cache, snapshots live in the database: they survive any cache backend (or none),
are shared by every server, and an edit to one bureau leaves every other bureau's snapshot valid.
"""

import hashlib
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from bureaus.models import Bureau, ProfileSnapshot
from bureaus.opendata.serializers import api_dumps, bureau_to_dict, json_ld
from bureaus.pages import charts

PROFILE_TEMPLATE = "bureaus/profile.html"
CARD_TEMPLATE = "bureaus/card.html"
SNIPPET_MARKER = "<!--snippet-->"
# What renders a snapshot: when any of these files changes, every snapshot is rendered again.
RENDERED_BY = [
    "templates/bureaus/profile.html",
    "templates/bureaus/card.html",
    "locale/zh_Hans/LC_MESSAGES/django.po",
    "templates/includes/source_link.html",
    "templates/includes/source_origin.html",
    "bureaus/templatetags/provenance.py",
    "bureaus/pages/charts.py",
    "bureaus/pages/snapshots.py",
    "bureaus/opendata/serializers.py",
    # The places the profile and the card name, in each language.
    "bureaus/places/names.py",
    "bureaus/places/gazetteer.py",
    "bureaus/places/data/divisions.json",
]


@cache
def fingerprint():
    digest = hashlib.sha256()
    for name in RENDERED_BY:
        path = Path(settings.BASE_DIR) / name
        digest.update(path.read_bytes() if path.exists() else name.encode())
    return digest.hexdigest()


def profile_context(bureau):
    """What the profile body needs beside the bureau (one from ``with_profile()``)."""
    counts = bureau.institution_counts.all()
    return {
        "bureau": bureau,
        "counts_chart": charts.bar_chart(
            [(item.category.label, item.count) for item in counts],
            title=_("Institutions run by %(name)s") % {"name": bureau.name},
            chart_id="chart-counts",
        ),
    }


def public_profile(slug):
    """(bureau, body html, schema.org data without its url) of the published bureau ``slug`` in the active
    language: the bureau and its snapshot in one query when the snapshot is current, else rendered now.
    Raises ``Bureau.DoesNotExist`` when no published bureau has that slug."""
    bureau = ProfileSnapshot.objects.current_for_visitor(slug, get_language(), fingerprint())
    if bureau is not None:
        return bureau, mark_safe(bureau.snapshot_html), bureau.snapshot_json_ld  # noqa: S308 — our own rendering
    bureau = Bureau.objects.published().get(slug=slug)
    rendered = render([bureau])[0]
    return bureau, mark_safe(rendered.html), rendered.json_ld  # noqa: S308 — just rendered by the template engine


def cards(bureaus, snippets=None):
    """The result cards of published ``bureaus`` (each with ``page_version``) in the active language,
    in their order, each with its search snippet (``{bureau id: html}``) in place. Cards whose
    snapshot is missing or outdated are rendered together, in a fixed number of queries."""
    snippets = snippets or {}
    stored = _snapshot_texts(bureaus, ProfileSnapshot.objects.cards, "card_html")
    result = []
    for bureau in bureaus:
        snippet = snippets.get(bureau.pk)
        snippet_html = f'<p class="snippet">{snippet}</p>' if snippet else ""
        # Our own rendering with an escaped snippet in it.
        result.append(mark_safe(stored[bureau.pk].replace(SNIPPET_MARKER, snippet_html, 1)))  # noqa: S308
    return result


def open_data(bureaus):
    """The open-data JSON text (``serializers.api_dumps(bureau_to_dict(…))``) of published ``bureaus`` (each
    with ``page_version``), in their order: read from their snapshots in one query; those missing or
    outdated are rendered and stored together, in a fixed number of queries, as ``cards`` does."""
    stored = _snapshot_texts(bureaus, ProfileSnapshot.objects.documents, "data_json")
    return [stored[bureau.pk] for bureau in bureaus]


def _snapshot_texts(bureaus, read, attribute):
    """{bureau id: text} of published ``bureaus`` (each with ``page_version``) in the active language: read from
    their snapshots by ``read`` (``ProfileSnapshot.objects.cards`` or ``.documents``) in one query; those missing or
    outdated are rendered and stored together, and their ``attribute`` taken."""
    wanted = {bureau.pk: bureau.page_version for bureau in bureaus}
    stored = {
        bureau_id: text
        for bureau_id, (version, text) in read(list(wanted), get_language(), fingerprint()).items()
        if text and version == wanted[bureau_id]
    }
    stale = [bureau for bureau in bureaus if bureau.pk not in stored]
    stored.update((snapshot.bureau_id, getattr(snapshot, attribute)) for snapshot in render(stale))
    return stored


def render_published(bureaus=None, batch=200):
    """Render and store the missing or outdated snapshots of every published bureau (of the queryset
    ``bureaus`` only, when given), ``batch`` bureaus at a time in a fixed number of queries; returns how
    many were rendered. Loaders call it so that no visitor waits for a profile's first rendering: a cold
    profile serves several times slower than a rendered one."""
    published = (Bureau.objects.all() if bureaus is None else bureaus).published().only("page_version").order_by("pk")
    ids = list(published.values_list("pk", flat=True))
    rendered = 0
    for start in range(0, len(ids), batch):
        rendered += render_stale(list(published.filter(pk__in=ids[start : start + batch])))
    return rendered


def render_stale(bureaus):
    """Render and store the snapshots of ``bureaus`` in every language where they are not current;
    returns how many were rendered."""
    current = set(
        ProfileSnapshot.objects.filter(bureau__in=bureaus, built_with=fingerprint()).values_list(
            "bureau_id", "language", "page_version"
        )
    )
    rendered = 0
    for code, _name in settings.LANGUAGES:
        stale = [bureau for bureau in bureaus if (bureau.pk, code, bureau.page_version) not in current]
        with override(code):
            rendered += len(render(stale))
    return rendered


def render(bureaus):
    """Render and store the snapshots of published ``bureaus`` in the active language (a fixed number of
    queries however many); returns them, unsaved copies if another request stored them first."""
    if not bureaus:
        return []
    versions = {bureau.pk: bureau.page_version for bureau in bureaus}
    language = get_language()
    snapshots = []
    for full in Bureau.objects.with_profile().select_related("listing").filter(pk__in=versions):
        snapshots.append(
            ProfileSnapshot(
                bureau_id=full.pk,
                language=language,
                page_version=versions[full.pk],
                built_with=fingerprint(),
                html=render_to_string(PROFILE_TEMPLATE, profile_context(full)),
                card_html=render_to_string(CARD_TEMPLATE, {"bureau": full, "listing": full.listing}),
                json_ld=json_ld(full, None),
                data_json=api_dumps(bureau_to_dict(full)),
            )
        )
    try:
        with transaction.atomic():
            ProfileSnapshot.objects.filter(bureau_id__in=versions, language=language).delete()
            ProfileSnapshot.objects.bulk_create(snapshots)
    except IntegrityError:
        pass  # another request stored them at the same moment: theirs are as good
    return snapshots
