"""The places pages' names and links for the gazetteer's divisions, in the page's language."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language

from bureaus.pages import maps
from bureaus.places import divisions
from bureaus.places.names import is_chinese

register = template.Library()


@register.filter
def province_url(province):
    return reverse("places-province", args=[divisions.slug(province)])


@register.filter
def division_url(division):
    return maps.division_url(division.code)  # reversed once per division and language


@register.filter
def division_name(division):
    """The division's name in the page's language: 和平区 on a Chinese page, "Heping District" on an English one."""
    return division.chinese if is_chinese(get_language()) else division.name


@register.filter
def other_name(division):
    """The division's name in the other language, marked with it."""
    if is_chinese(get_language()):
        return format_html('<span lang="en">{}</span>', division.name)
    return format_html('<span lang="zh-Hans">{}</span>', division.chinese)
