"""The places pages' names and links for the gazetteer's divisions, in the page's language; their long tables'
rows written in one pass (``bureaus.templatetags.listing`` says why)."""

from html import escape

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
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
def division_rows(rows):
    """A province table's rows: each county-level division (a ``(Division, Profile or None)`` pair) named in the
    page's language and the other, with its code and its profile, or "No profile yet". Sichuan has 183."""
    name_of, other_name_of = division_namers(get_language())
    other_lang = "en" if is_chinese(get_language()) else "zh-Hans"
    no_profile = f'<span class="muted">{escape(_("No profile yet"))}</span>'
    address_of_division, address_of_profile = maps.division_urls(), profile_urls()
    lines = []
    for county, profile in rows:
        name, other = name_of(county), other_name_of(county)
        if profile is None:
            bureau = no_profile
        else:
            bureau = (
                f'<a href="{escape(address_of_profile(profile.slug))}" lang="{profile.lang}">{escape(profile.name)}</a>'
            )
        lines.append(
            f'<tr id="d{escape(county.code)}"><th scope="row"><a href="{escape(address_of_division(county.code))}">'
            f'{escape(name)}</a></th><td><span lang="{other_lang}">{escape(other)}</span></td>'
            f"<td>{escape(county.code)}</td><td>{bureau}</td></tr>"
        )
    return mark_safe("\n".join(lines))  # every value in it escaped


@register.simple_tag
def coverage_rows(national):
    """The coverage table's rows: each province (a ``coverage.ProvinceCoverage``) linked, with its count of
    county-level divisions, of those profiled, and the share."""
    number, name_of = whole_number_format(), division_namers(get_language())[0]
    lines = (
        f'<tr><th scope="row"><a href="{escape(province_url(row.province))}">'
        f"{escape(name_of(row.province))}</a></th>"
        f'<td class="num">{number(row.divisions)}</td><td class="num">{number(row.profiled)}</td>'
        f'<td class="num">{floatformat(row.share, 1)} %</td></tr>'
        for row in national.provinces
    )
    return mark_safe("\n".join(lines))  # every value in it escaped
