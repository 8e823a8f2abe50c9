"""The page in every language of the interface: for the language switch and the hreflang links."""

from django import template
from django.conf import settings
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """[(language code, its own name, this page's address in it)]; the address keeps the query."""
    request = context.get("request")
    if request is None:
        return []
    path = request.get_full_path()
    return [(code, name, translate_url(path, code)) for code, name in settings.LANGUAGES]
