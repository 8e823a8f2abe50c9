"""
Bar charts as plain HTML: a list of labels, bars and values that reflows on a phone.

No JavaScript, no inline style (the Content Security Policy allows none): each bar is a
``<meter>``, which the browser draws to the share of the largest value. Text stays at the
page's size at any width, and a screen reader reads the list (the meters are hidden from it:
the number beside each says the same). Each chart is paired with a data table on the page.
"""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.html import format_html, format_html_join


def bar_chart(rows, *, title, chart_id, description=""):
    """A horizontal bar chart of ``rows`` [(label, value)], as safe HTML ("" when empty). A label that
    renders itself as HTML (a place name marked with its language) is kept as it is."""
    rows = [(label if hasattr(label, "__html__") else str(label), int(value or 0)) for label, value in rows]
    if not rows:
        return ""
    largest = max(value for _, value in rows) or 1
    bars = format_html_join(
        "\n",
        '<li><span class="bar-label">{}</span>'
        '<meter class="bar" min="0" max="{}" value="{}" aria-hidden="true"></meter>'
        '<span class="bar-value">{}</span></li>',
        ((label, largest, value, intcomma(value)) for label, value in rows),
    )
    about = format_html('<p class="chart-description">{}</p>', description) if description else ""
    return format_html(
        '<figure class="chart" id="{}" aria-labelledby="{}-title"><figcaption id="{}-title">{}</figcaption>{}'
        '<ol class="bars">{}</ol></figure>',
        chart_id,
        chart_id,
        chart_id,
        title,
        about,
        bars,
    )
