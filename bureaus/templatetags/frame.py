"""The parts of every page's frame that are the same for every visitor of a language (the menu, the
footer): rendered once per language and kind of page while the server runs, instead of on every request.

Through the template engine they cost about a tenth of a millisecond a page, a tenth of a profile's
work. They depend on nothing but the language, the script prefix, the site's links and the keys given,
none of which changes while the server runs (templates are cached in production, translations compiled
at install). With ``DEBUG`` on they are rendered every time, so an edited template shows at once.
"""

from functools import lru_cache

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from bureaus.pages.context import site_links

register = template.Library()


@register.simple_tag
def same_for_everyone(template_name, **keys):
    """``template_name`` rendered with ``site_links``, ``LANGUAGE_CODE`` and ``keys`` only (string values)."""
    if settings.DEBUG:
        return _render(template_name, get_language(), get_script_prefix(), tuple(sorted(keys.items())))
    return _rendered(template_name, get_language(), get_script_prefix(), tuple(sorted(keys.items())))


def _render(template_name, language, script_prefix, keys):
    # The language is active and the prefix set already: they are in the key for the memo below.
    context = {**site_links(None), "LANGUAGE_CODE": language, **dict(keys)}
    return mark_safe(render_to_string(template_name, context))  # the template engine escaped it


_rendered = lru_cache(maxsize=256)(_render)
