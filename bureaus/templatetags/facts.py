"""Template tags for bilingual facts: each shown in the page's language where it has it, otherwise in the
language it has, marked with ``lang`` and a short note saying which (a fact is never machine-translated)."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import conditional_escape, format_html
from django.utils.text import capfirst

from bureaus.models.languages import LANGUAGE_TAGS, page_code, text_in_language, texts

register = template.Library()

# The note after a fact shown in the other language, written in that language (as a language switch is).
LANGUAGE_NOTES = {"en": "(English)", "zh-hans": "(中文)"}


@register.simple_tag
def fact(obj, name, capital=False, lines=False):
    """``obj``'s bilingual ``name`` for this page: "Office", or on a Chinese page an English-only fact as
    ``<span lang="en">Office</span> <span class="fact-language" lang="en">(English)</span>``.

    ``capital`` capitalises its first letter; ``lines`` keeps its line breaks."""
    text, code = text_in_language(obj, name)
    if not text:
        return ""
    shown = capfirst(text) if capital else text
    body = linebreaksbr(shown) if lines else conditional_escape(shown)
    if code == page_code():
        return body
    tag = LANGUAGE_TAGS[code]
    return format_html(
        '<span lang="{}">{}</span> <span class="fact-language" lang="{}">{}</span>',
        tag,
        body,
        tag,
        LANGUAGE_NOTES[code],
    )


@register.simple_tag
def other_language(obj, name):
    """``obj``'s ``name`` in the language the page does not show it in, marked, or "" when it has one text."""
    shown_code = text_in_language(obj, name)[1]
    others = {code: text for code, text in texts(obj, name).items() if code != shown_code}
    if not others:
        return ""
    code, text = next(iter(others.items()))
    return format_html('<span lang="{}">{}</span>', LANGUAGE_TAGS[code], text)
