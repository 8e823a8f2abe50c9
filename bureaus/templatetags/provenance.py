"""Template tags for showing where facts come from, and for structured data about a bureau."""

import json
import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from bureaus.models.base import source_anchor

register = template.Library()


# What a scraper left at the top of a page ("Expand:", "展开"): kept in the stored text, not shown.
LEADING_DEBRIS_RE = re.compile(r"\A\s*(?:expand|collapse|展开|收起)\s*[:：]?[ \t]*\n", re.IGNORECASE)


@register.simple_tag
def source_with_spans(source, spans, profile_url=""):
    """The text of ``source``, escaped, with each cited span wrapped in an element its facts link to,
    followed by a small link back to its fact on the profile.

    ``spans`` is {(source id, start, end): profile anchor}. Spans may nest (a clause
    inside its sentence); a span that crosses another is left unwrapped rather than
    producing broken markup.
    """
    text = source.text
    debris = LEADING_DEBRIS_RE.match(text)
    shown_from = debris.end() if debris else 0
    wanted = sorted(
        {(start, end) for source_id, start, end in spans if source_id == source.pk and shown_from <= start < end <= len(text)},
        key=lambda span: (span[0], -span[1]),
    )  # fmt: skip
    parts, open_spans, position = [], [], shown_from

    def close():
        nonlocal position
        start, end = open_spans.pop()
        anchor = spans[(source.pk, start, end)]
        parts.extend([escape(text[position:end]), "</span>"])
        parts.append(f'<a class="back-to-fact" href="{escape(profile_url)}#{escape(anchor)}">'
                     '<span aria-hidden="true">↩</span><span class="visually-hidden">Back to the fact</span></a>')  # fmt: skip
        position = end

    for start, end in wanted:
        while open_spans and open_spans[-1][1] <= start:
            close()
        if open_spans and end > open_spans[-1][1]:
            continue
        parts += [escape(text[position:start]), f'<span class="cited" id="{source_anchor(source.pk, start, end)}">']
        open_spans.append((start, end))
        position = start
    while open_spans:
        close()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # every piece of text above is escaped


@register.inclusion_tag("includes/source_link.html")
def source_link(bureau, anchor, label="", edited=None, fact=""):
    """A small link to the sentence a fact came from; "edited by the bureau" for a fact staff typed or
    changed; nothing when the fact has neither. ``fact`` names the fact for screen readers, which
    list a page's links out of context ("Source of the founding year", not twenty "Source")."""
    return {
        "url": f"{bureau.get_source_url()}#{anchor}" if anchor else "",
        "label": label,
        "edited": edited,
        "fact": fact,
    }


@register.simple_tag
def json_ld(data):
    """A schema.org JSON-LD block; <, > and & are escaped so the data cannot close the script element."""
    # Sorted keys: the same data gives the same page, whether it comes fresh or from a snapshot (PostgreSQL's
    # jsonb does not keep the order keys were written in).
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # escaped just above
