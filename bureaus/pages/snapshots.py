"""
Profile snapshots: a published bureau's profile body, rendered once per version of the bureau.

The public profile page reads the bureau with its snapshot in one query; when the bureau has
changed since (its ``page_version`` moved) or a release changed what renders it (the
fingerprint), the body is rendered again and stored, for that bureau only. Staff previewing
drafts and working copies always get a live rendering.

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

from bureaus.models import Bureau, ProfileSnapshot
from bureaus.opendata.serializers import json_ld
from bureaus.pages import charts

PROFILE_TEMPLATE = "bureaus/profile.html"
# What renders a snapshot: when any of these files changes, every snapshot is rendered again.
RENDERED_BY = [
    "templates/bureaus/profile.html",
    "templates/includes/source_link.html",
    "bureaus/templatetags/provenance.py",
    "bureaus/pages/charts.py",
    "bureaus/pages/snapshots.py",
    "bureaus/opendata/serializers.py",
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
            [(item.category.plural.capitalize(), item.count) for item in counts],
            title=f"Institutions run by {bureau.name}",
            chart_id="chart-counts",
        ),
    }


def public_profile(bureau):
    """(body html, schema.org data without its url) of published ``bureau`` (selected with its snapshot)."""
    snapshot = bureau.snapshot if _has_snapshot(bureau) else None
    if snapshot is not None and snapshot.is_current(bureau, fingerprint()):
        return mark_safe(snapshot.html), snapshot.json_ld  # noqa: S308 — our own rendering, stored
    return _render(bureau)


def render_if_stale(bureau):
    """Render and store ``bureau``'s snapshot unless it is current; returns whether it rendered."""
    if _has_snapshot(bureau) and bureau.snapshot.is_current(bureau, fingerprint()):
        return False
    _render(bureau)
    return True


def _render(bureau):
    full = Bureau.objects.with_profile().get(pk=bureau.pk)
    html = render_to_string(PROFILE_TEMPLATE, profile_context(full))
    data = json_ld(full, None)
    _store(bureau, html, data)
    return mark_safe(html), data  # noqa: S308 — just rendered by the template engine


def _has_snapshot(bureau):
    try:
        bureau.snapshot  # noqa: B018 — reading the relation tells whether the row exists
    except ProfileSnapshot.DoesNotExist:
        return False
    return True


def _store(bureau, html, data):
    values = {"page_version": bureau.page_version, "built_with": fingerprint(), "html": html, "json_ld": data}
    try:
        with transaction.atomic():
            ProfileSnapshot.objects.update_or_create(bureau_id=bureau.pk, defaults=values)
    except IntegrityError:
        pass  # another request stored it at the same moment: theirs is as good
