"""The page in every language of the interface: for the language switch and the hreflang links."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
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
    if match is None or not match.view_name:  # a 404 or an error page: Django's way, which copes
        path = request.get_full_path()
        return [(code, name, translate_url(path, code)) for code, name in settings.LANGUAGES]
    # The page was resolved already: reverse it in each language (translate_url would resolve it again).
    query = request.META.get("QUERY_STRING", "")
    versions = []
    for code, name in settings.LANGUAGES:
        with override(code):
            url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        versions.append((code, name, f"{url}?{iri_to_uri(query)}" if query else url))
    return versions
