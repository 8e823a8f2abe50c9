"""Template tags for showing where facts come from, and for structured data about a bureau."""

import json

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from bureaus.models.base import source_anchor

register = template.Library()


@register.simple_tag
def source_with_spans(source, spans):
    """The text of ``source``, escaped, with each cited span wrapped in an element its facts link to.

    ``spans`` is a set of (source id, start, end). Spans may nest (a clause inside
    its sentence); a span that crosses another is left unwrapped rather than
    producing broken markup.
    """
    text = source.text
    wanted = sorted(
        {(start, end) for source_id, start, end in spans if source_id == source.pk and 0 <= start < end <= len(text)},
        key=lambda span: (span[0], -span[1]),
    )
    parts, open_ends, position = [], [], 0
    for start, end in wanted:
        while open_ends and open_ends[-1] <= start:
            parts += [escape(text[position : open_ends[-1]]), "</span>"]
            position = open_ends.pop()
        if open_ends and end > open_ends[-1]:
            continue
        parts += [escape(text[position:start]), f'<span class="cited" id="{source_anchor(source.pk, start, end)}">']
        open_ends.append(end)
        position = start
    while open_ends:
        parts += [escape(text[position : open_ends[-1]]), "</span>"]
        position = open_ends.pop()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # every piece of text above is escaped


@register.inclusion_tag("includes/source_link.html")
def source_link(bureau, anchor, label="Source", edited=None):
    """A small link to the sentence a fact came from; "edited by the bureau" for a fact staff typed or
    changed; nothing when the fact has neither."""
    return {"url": f"{bureau.get_source_url()}#{anchor}" if anchor else "", "label": label, "edited": edited}


@register.simple_tag
def json_ld(data):
    """A schema.org JSON-LD block; <, > and & are escaped so the data cannot close the script element."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # escaped just above
