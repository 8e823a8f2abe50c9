"""The page in every language of the interface: for the language switch and the hreflang links."""

from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, reverse, translate_url
from django.utils.encoding import iri_to_uri
from django.utils.translation import override

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """[(language code, its own name, this page's address in it)]; the address keeps the query."""
    request = context.get("request")
    if request is None:
        return []
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name:
        # Not resolved (a 404 of an unknown address), or resolved to a pattern without a name (the
        # admin's catch-all, whose 404 staff see), which cannot be reversed: Django's way, which copes.
        path = request.get_full_path()
        return [(code, name, translate_url(path, code)) for code, name in settings.LANGUAGES]
    # The page was resolved already: reverse it in each language (translate_url would resolve it again).
    # Only with what the address captured: a pattern's extra arguments (the sitemap's sitemaps) are not
    # part of the address, and would neither reverse nor be hashed for the cache below.
    query = request.META.get("QUERY_STRING", "")
    kwargs = tuple(sorted(match.captured_kwargs.items()))
    addresses = _addresses(match.view_name, tuple(match.args), kwargs, get_script_prefix())
    return [(code, name, f"{url}?{iri_to_uri(query)}" if query else url) for code, name, url in addresses]


@lru_cache(maxsize=8192)
def _addresses(view_name, args, kwargs, script_prefix):
    # Remembered, as bureaus.models.bureau.profile_url is: an address depends only on these (the URL
    # patterns never change while the server runs), and reversing it twice cost a twentieth of a
    # millisecond a page.
    addresses = []
    for code, name in settings.LANGUAGES:
        with override(code):
            addresses.append((code, name, reverse(view_name, args=args, kwargs=dict(kwargs))))
    return addresses
