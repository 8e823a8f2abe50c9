"""The places pages' names and links for the gazetteer's divisions, in the page's language; their long tables'
rows written in one pass (``bureaus.templatetags.listing`` says why)."""

from functools import lru_cache
from html import escape

from django import template
from django.template.defaultfilters import floatformat
from django.urls import get_script_prefix
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from bureaus.models.bureau import profile_urls
from bureaus.pages import maps
from bureaus.places.names import division_namers, is_chinese
from bureaus.templatetags.listing import whole_number_format

register = template.Library()


@register.filter
def province_url(province):
    return maps.province_url(province)  # reversed once per province and language


@register.filter
def division_url(division):
    return maps.division_url(division.code)  # reversed once per division and language


@register.filter
def division_name(division):
    """The division's name in the page's language: 和平区 on a Chinese page, "Heping District" on an English one."""
    return division_namers(get_language())[0](division)


@register.filter
def other_name(division):
    """The division's name in the other language, marked with it."""
    if is_chinese(get_language()):
        return format_html('<span lang="en">{}</span>', division.name)
    return format_html('<span lang="zh-Hans">{}</span>', division.chinese)


@register.simple_tag
def division_tables(groups):
    """A province page's tables, one section a prefecture (a ``(prefecture or None, rows)`` pair, rows as
    ``division_rows`` takes them), each headed with its name in both languages and captioned with its count.
    Written in one pass like the rows: Sichuan's 21 prefectures cost more through the template language than
    its 183 rows."""
    name_of, _other = division_namers(get_language())
    chinese_page = is_chinese(get_language())
    other_header = _("English name") if chinese_page else _("Chinese name")
    head = (
        f'<thead><tr><th scope="col">{escape(_("Division"))}</th><th scope="col">{escape(other_header)}</th>'
        f'<th scope="col">{escape(_("Code"))}</th><th scope="col">{escape(_("Bureau profile"))}</th></tr></thead>'
    )
    sections = []
    for number, (prefecture, rows) in enumerate(groups, start=1):
        counter = len(rows)
        if prefecture is not None:
            title = f'{escape(name_of(prefecture))} <span class="muted">{other_name(prefecture)}</span>'
            caption = ngettext(
                "%(counter)s county-level division of %(prefecture)s",
                "%(counter)s county-level divisions of %(prefecture)s",
                counter,
            ) % {"counter": counter, "prefecture": name_of(prefecture)}
        else:
            title = escape(_("Districts and counties") if len(groups) == 1 else _("Directly under the province"))
            caption = ngettext("%(counter)s county-level division", "%(counter)s county-level divisions", counter) % {
                "counter": counter
            }
        sections.append(
            f'<section aria-labelledby="group-{number}">\n  <h2 id="group-{number}">{title}</h2>\n'
            f'  <div class="table-scroll">\n  <table class="data-table">\n    <caption>{escape(caption)}</caption>\n'
            f"    {head}\n    <tbody>\n{division_rows(rows)}\n    </tbody>\n  </table>\n  </div>\n</section>"
        )
    return mark_safe("\n".join(sections))  # every value in it escaped


@register.simple_tag
def division_rows(rows):
    """A province table's rows: each county-level division (a ``(Division, Profile or None)`` pair) named in the
    page's language and the other, with its code and its profile, or "No profile yet". Sichuan has 183."""
    language, script_prefix = get_language(), get_script_prefix()
    no_profile = f'<span class="muted">{escape(_("No profile yet"))}</span>'
    address_of_profile = profile_urls()
    lines = []
    for county, profile in rows:
        if profile is None:
            bureau = no_profile
        else:
            bureau = (
                f'<a href="{escape(address_of_profile(profile.slug))}" lang="{profile.lang}">{escape(profile.name)}</a>'
            )
        lines.append(f"{_row_start(language, script_prefix, county)}{bureau}</td></tr>")
    return mark_safe("\n".join(lines))  # every value in it escaped


@lru_cache(maxsize=2 * 4096)
def _row_start(language, script_prefix, county):
    """A division's row up to its profile cell, which only the gazetteer's names and the division's address make:
    written once per division, language and script prefix (what the address depends on) in a process (the
    gazetteer does not change while it runs)."""
    name_of, other_name_of = division_namers(language)
    other_lang = "en" if is_chinese(language) else "zh-Hans"
    return (
        f'<tr id="d{escape(county.code)}"><th scope="row"><a href="{escape(maps.division_urls()(county.code))}">'
        f'{escape(name_of(county))}</a></th><td><span lang="{other_lang}">{escape(other_name_of(county))}</span></td>'
        f"<td>{escape(county.code)}</td><td>"
    )


@register.simple_tag
def coverage_rows(national):
    """The coverage table's rows: each province (a ``coverage.ProvinceCoverage``) linked, with its count of
    county-level divisions, of those profiled, and the share."""
    number, name_of = whole_number_format(), division_namers(get_language())[0]
    lines = (
        f'<tr><th scope="row"><a href="{escape(province_url(row.province))}">'
        f"{escape(name_of(row.province))}</a></th>"
        f'<td class="num">{number(row.divisions)}</td><td class="num">{number(row.profiled)}</td>'
        f'<td class="num">{_share(row.share, get_language())} %</td></tr>'
        for row in national.provinces
    )
    return mark_safe("\n".join(lines))  # every value in it escaped


@lru_cache(maxsize=4096)
def _share(share, language):
    """A share (per cent) as ``floatformat:1`` writes it in ``language`` (the active one): remembered, as
    ``floatformat`` took a tenth of the map page for its 34 provinces, whose shares change only with an edit."""
    return floatformat(share, 1)
