"""Template tags for lists of bureaus and provinces, built in one pass where the template engine's
per-row cost would be most of the page's."""

from html import escape

from django import forms, template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.defaultfilters import urlencode
from django.utils import numberformat
from django.utils.formats import date_format, get_format
from django.utils.safestring import SafeData, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bureaus.places.names import province_in

register = template.Library()


def html_of(value):
    """``value`` as HTML, as the template engine writes it (``conditional_escape``): text escaped, HTML
    marked safe kept. The standard library's ``escape``, which Django's wraps: Django's checks every
    argument for lazy text on each call, and a list page escapes a hundred option labels."""
    text = str(value)  # lazy text becomes the active language's
    return text if isinstance(text, SafeData) else escape(text)


@register.simple_tag
def filter_fields(form, facet_options, cities=(), unfolded=False):
    """The list page's filters, each with its label, control and any error, the first (the search box)
    shown and the others in a box a phone folds away (no JavaScript: ``:target``) unless one is in use.

    Built in one pass: through the template engine and Django's widget templates these cost more than a
    millisecond a page (hundreds of cities, eight sort orders), half the page. A facet lists its values
    with their counts (``facet_options``); a field in error points at its message (``<id>-error``).
    """
    # Messages outside the f-strings: makemessages does not look inside them.
    show_all, city_hint = escape(_("Show all filters")), escape(_("Choose a province to list its cities."))
    parts = []
    for position, field in enumerate(form):
        if position == 1:
            parts.append(
                f'<p class="show-filters"><a href="#more-filters">{show_all}</a></p>'
                f'<div class="more-filters{" in-use" if unfolded else ""}" id="more-filters">'
            )
        field_id = escape(field.id_for_label)
        parts.append(f'<div class="field"><label for="{field_id}">{html_of(field.label)}</label>')
        parts.append(_control(field, field_id, facet_options))
        if field.name == "city" and not cities:  # none listed until a province is chosen
            parts.append(f'<p class="hint">{city_hint}</p>')
        parts.extend(f'<p class="error" id="{field_id}-error">{html_of(error)}</p>' for error in field.errors)
        parts.append("</div>")
    if len(parts) > 1:
        parts.append("</div>")
    return mark_safe("\n".join(parts))  # every value in it escaped


def _control(field, field_id, facet_options):
    described = f' aria-invalid="true" aria-describedby="{field_id}-error"' if field.errors else ""
    value = field.value()
    if isinstance(value, (list, tuple)):  # the sort field holds a list of orders
        value = value[0] if value else ""
    value = "" if value is None else str(value)
    name = escape(field.html_name)
    if field.name in facet_options:
        empty_label, entries = facet_options[field.name]
        entries = [("", empty_label, False), *entries]
    elif isinstance(field.field.widget, forms.Select):
        choices = getattr(field.field, "choices", field.field.widget.choices)  # a text field may show a menu
        entries = [(str(choice), label, bool(value) and str(choice) == value) for choice, label in choices]
    else:
        attributes = "".join(
            f' {escape(key)}="{html_of(val)}"' for key, val in sorted(field.field.widget.attrs.items())
        )
        shown = f' value="{escape(value)}"' if value else ""
        input_type = escape(field.field.widget.input_type)
        return f'<input type="{input_type}" name="{name}" id="{field_id}"{shown}{attributes}{described}>'
    options = "".join(
        f'<option value="{html_of(choice)}"{" selected" if selected else ""}{_lang_of(label)}>{html_of(label)}</option>'
        for choice, label, selected in entries
    )
    return f'<select name="{name}" id="{field_id}"{described}>{options}</select>'


def _lang_of(label):
    """' lang="en"' for a label not in the page's language (a place the gazetteer does not know), else ""."""
    return f' lang="{escape(label.lang)}"' if getattr(label, "foreign", False) else ""


@register.simple_tag(takes_context=True)
def pagination(context, page_obj):
    """Links to the previous and next pages of results, keeping the rest of the query, and where the reader is.
    Built here rather than by an included template: through the engine it cost a tenth of a millisecond."""
    if page_obj.paginator.num_pages < 2:
        return ""
    query = context["request"].GET
    page_word = escape(_("page"))  # outside the f-string: makemessages does not look inside one
    hidden_page = f'<span class="visually-hidden"> {page_word}</span>'

    def link(number, rel, label):
        params = query.copy()
        params["page"] = number
        return f'<li><a href="?{escape(params.urlencode())}" rel="{rel}">{escape(label)}{hidden_page}</a></li>'

    items = []
    if page_obj.has_previous():
        items.append(link(page_obj.previous_page_number(), "prev", _("Previous")))
    where = _("Page %(number)s of %(count)s") % {"number": page_obj.number, "count": page_obj.paginator.num_pages}
    items.append(f'<li><span aria-current="page">{escape(where)}</span></li>')
    if page_obj.has_next():
        items.append(link(page_obj.next_page_number(), "next", _("Next")))
    label = escape(_("Pages of results"))
    items = "\n    ".join(items)
    return mark_safe(f'<nav class="pagination" aria-label="{label}">\n  <ul>\n    {items}\n  </ul>\n</nav>')  # escaped


@register.simple_tag
def province_rows(tallies, list_url):
    """The home page's table rows, one per province's tally: its bureaus listed, and the schools and
    kindergartens they report ("Not reported" when none does)."""
    number = whole_number_format()
    not_reported = escape(_("Not reported"))
    language = get_language()
    rows = (
        f'<tr><th scope="row"><a href="{escape(list_url)}?province={escape(urlencode(tally.province))}">'
        f"{province_in(language, tally.province).__html__()}</a></th>"
        f'<td class="num">{number(tally.bureaus)}</td>'
        f'<td class="num">{number(tally.schools) if tally.schools_reporting else not_reported}</td></tr>'
        for tally in tallies
    )
    return mark_safe("\n".join(rows))  # every value in it escaped


@register.simple_tag
def bureau_links(bureaus, note="place"):
    """List items linking to ``bureaus``, each with its place, or with when it was last updated
    (``note="updated"``)."""
    bureaus = list(bureaus)
    if note == "place":
        notes = [bureau.place.__html__() for bureau in bureaus]  # in the page's language, marked where not
    else:
        updated = _("updated %(day)s")
        days = [localtime(bureau.updated_at).date() for bureau in bureaus]
        written = {day: date_format(day, "j M Y") for day in set(days)}  # bureaus updated the same day share one
        notes = [escape(updated % {"day": written[day]}) for day in days]
    items = (
        f'<li><a href="{escape(bureau.get_absolute_url())}">{escape(bureau.name)}</a> '
        f'<span class="muted">{note_html}</span></li>'
        for bureau, note_html in zip(bureaus, notes, strict=True)
    )
    return mark_safe("\n".join(items))  # every value in it escaped


def whole_number_format():
    """``intcomma`` for whole numbers in the active language (1,234 in English, 1234 in Chinese), its
    separator and grouping looked up once for a table rather than for every number."""
    separator, grouping = get_format("THOUSAND_SEPARATOR"), get_format("NUMBER_GROUPING")
    return lambda value: numberformat.format(value, ".", grouping=grouping, thousand_sep=separator, force_grouping=True)


@register.filter
def province_name(province):
    """A province's stored name as the page's language names it (辽宁省 on a Chinese page), marked where
    it is not in that language; the stored name stays what addresses and downloads use."""
    return province_in(get_language(), province)


@register.filter
def reported(value):
    """A count as a number, or "Not reported" when the sources give none (which is not 0)."""
    return _("Not reported") if value is None else intcomma(value)
