"""
Profile snapshots: a published bureau's profile body, rendered once per version of the bureau.

The public profile page reads the snapshot in the page's language in one query; when the bureau has
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
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from bureaus.models import Bureau, ProfileSnapshot
from bureaus.opendata.serializers import json_ld
from bureaus.pages import charts

PROFILE_TEMPLATE = "bureaus/profile.html"
# What renders a snapshot: when any of these files changes, every snapshot is rendered again.
RENDERED_BY = [
    "templates/bureaus/profile.html",
    "locale/zh_Hans/LC_MESSAGES/django.po",
    "templates/includes/source_link.html",
    "templates/includes/source_origin.html",
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
            title=_("Institutions run by %(name)s") % {"name": bureau.name},
            chart_id="chart-counts",
        ),
    }


def public_profile(bureau):
    """(body html, schema.org data without its url) of published ``bureau`` in the active language."""
    snapshot = ProfileSnapshot.objects.filter(bureau_id=bureau.pk, language=get_language()).first()
    if snapshot is not None and snapshot.is_current(bureau, fingerprint()):
        return mark_safe(snapshot.html), snapshot.json_ld  # noqa: S308 — our own rendering, stored
    return _render(bureau)


def render_if_stale(bureau):
    """Render and store ``bureau``'s snapshot in every language where it is not current; returns how many."""
    current = {
        snapshot.language
        for snapshot in ProfileSnapshot.objects.filter(bureau_id=bureau.pk)
        if snapshot.is_current(bureau, fingerprint())
    }
    rendered = 0
    for code, _name in settings.LANGUAGES:
        if code not in current:
            with override(code):
                _render(bureau)
            rendered += 1
    return rendered


def _render(bureau):
    full = Bureau.objects.with_profile().get(pk=bureau.pk)
    html = render_to_string(PROFILE_TEMPLATE, profile_context(full))
    data = json_ld(full, None)
    _store(bureau, html, data)
    return mark_safe(html), data  # noqa: S308 — just rendered by the template engine


def _store(bureau, html, data):
    values = {"page_version": bureau.page_version, "built_with": fingerprint(), "html": html, "json_ld": data}
    try:
        with transaction.atomic():
            ProfileSnapshot.objects.update_or_create(bureau_id=bureau.pk, language=get_language(), defaults=values)
    except IntegrityError:
        pass  # another request stored it at the same moment: theirs is as good
