"""
Bar charts as server-rendered SVG: no JavaScript, readable by screen readers.

Each chart has a title and description for assistive technology and is always
paired with a data table on the page, which is the accessible form of its data.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 290
VALUE_WIDTH = 70
CHART_WIDTH = 720


def bar_chart(rows, *, title, chart_id, description=""):
    """A horizontal bar chart of ``rows`` [(label, value)], as safe SVG markup ("" when empty)."""
    rows = [(str(label), int(value or 0)) for label, value in rows]
    if not rows:
        return ""
    largest = max(value for _, value in rows) or 1
    bar_space = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    bars = format_html_join(
        "\n",
        '<g transform="translate(0,{})"><text x="{}" y="{}" text-anchor="end" class="chart-label">{}</text>'
        '<rect x="{}" y="0" width="{}" height="{}" class="chart-bar"></rect>'
        '<text x="{}" y="{}" class="chart-value">{}</text></g>',
        (
            (
                GAP + index * (BAR_HEIGHT + GAP),
                LABEL_WIDTH - 8,
                BAR_HEIGHT * 0.7,
                _shorten(label),
                LABEL_WIDTH,
                max(1, round(bar_space * value / largest)),
                BAR_HEIGHT,
                LABEL_WIDTH + max(1, round(bar_space * value / largest)) + 6,
                BAR_HEIGHT * 0.7,
                f"{value:,}",
            )
            for index, (label, value) in enumerate(rows)
        ),
    )
    return format_html(
        '<svg class="chart" role="img" aria-labelledby="{0}-title {0}-desc" viewBox="0 0 {1} {2}" '
        'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{0}-title">{3}</title><desc id="{0}-desc">{4}</desc>{5}</svg>',
        chart_id,
        CHART_WIDTH,
        height,
        title,
        description or "The same figures are in the table below the chart.",
        mark_safe(bars),  # built by format_html_join above: every label is escaped
    )


def _shorten(label, length=38):
    return label if len(label) <= length else label[: length - 1] + "…"
