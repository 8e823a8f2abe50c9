"""Template tags for lists of bureaus and provinces, built in one pass where the template engine's
per-row cost would be most of the page's."""

from django import forms, template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.defaultfilters import urlencode
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def filter_control(field, facet_options):
    """A filter's control, built in one pass: Django's widget templates cost about a millisecond a page
    (hundreds of cities, eight sort orders), this a tenth of that. A facet lists its values with their
    counts (``facet_options``); a field in error points at its message (``<id>-error``)."""
    described = (
        format_html(' aria-invalid="true" aria-describedby="{}-error"', field.id_for_label) if field.errors else ""
    )
    value = field.value()
    if isinstance(value, (list, tuple)):  # the sort field holds a list of orders
        value = value[0] if value else ""
    value = "" if value is None else str(value)
    if field.name in facet_options:
        empty_label, entries = facet_options[field.name]
        entries = [("", empty_label, False), *entries]
    elif isinstance(field.field.widget, forms.Select):
        entries = [(str(choice), label, bool(value) and str(choice) == value) for choice, label in field.field.choices]
    else:
        extra = format_html_join("", ' {}="{}"', sorted(field.field.widget.attrs.items()))
        shown = format_html(' value="{}"', value) if value else ""
        return format_html(
            '<input type="{}" name="{}" id="{}"{}{}{}>',
            field.field.widget.input_type,
            field.html_name,
            field.id_for_label,
            shown,
            extra,
            described,
        )
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((choice, " selected" if selected else "", label) for choice, label, selected in entries),
    )
    return format_html(
        '<select name="{}" id="{}"{}>{}</select>', field.html_name, field.id_for_label, described, options
    )


@register.simple_tag
def province_rows(tallies, list_url):
    """The home page's table rows, one per province's tally: its bureaus listed, and the schools and
    kindergartens they report ("Not reported" when none does)."""
    not_reported = _("Not reported")
    return format_html_join(
        "\n",
        '<tr><th scope="row"><a href="{}?province={}">{}</a></th><td class="num">{}</td><td class="num">{}</td></tr>',
        (
            (list_url, urlencode(tally.province), tally.province, intcomma(tally.bureaus),
             intcomma(tally.schools) if tally.schools_reporting else not_reported)
            for tally in tallies
        ),
    )  # fmt: skip


@register.simple_tag
def bureau_links(bureaus, note="place"):
    """List items linking to ``bureaus``, each with its place, or with when it was last updated
    (``note="updated"``)."""
    return format_html_join(
        "\n",
        '<li><a href="{}">{}</a> <span class="muted">{}</span></li>',
        (
            (bureau.get_absolute_url(), bureau.name,
             bureau.location if note == "place"
             else _("updated %(day)s") % {"day": date_format(localtime(bureau.updated_at), "j M Y")})
            for bureau in bureaus
        ),
    )  # fmt: skip


@register.filter
def reported(value):
    """A count as a number, or "Not reported" when the sources give none (which is not 0)."""
    return _("Not reported") if value is None else intcomma(value)
