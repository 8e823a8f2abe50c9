"""
The maps on the places pages and the home page, drawn on the server as inline SVG: no JavaScript, no
tiles fetched from elsewhere, no inline style (the Content Security Policy allows none; colours are
classes in site.css).

China: each province shaded by how much of it has a profile and linked to its page, and a mark at each
profiled district's seat linked to its profile. A province: its outline among its neighbours, a filled
mark for each profiled district and a hollow one for each district without a profile, each linked to
its page. The geometry is ``bureaus.places.maps``'s; the table beside each map says the same in words
for screen readers, so each map is one labelled image with links a pointer can follow (the marks are
left out of the tab order: a keyboard user has the table's links instead of thousands of dots).
"""

from functools import lru_cache
from html import escape

from django.urls import get_script_prefix, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bureaus.models.bureau import profile_urls
from bureaus.places import divisions, gazetteer, maps
from bureaus.places.names import division_namers

MARK_RADIUS = 4.5  # on a view 1,000 units wide; scaled with each view
MOST_LINKED_MARKS = 400  # on the national map; a province's map links every one of its districts
SHADES = ((50, 4), (10, 3), (1, 2), (0.0001, 1))  # share profiled (%) → shade class; none: shade-0


def shade(share):
    """The shade class of a province with this share of its districts profiled (per cent)."""
    return next((f"shade-{level}" for floor, level in SHADES if share >= floor), "shade-0")


def _name(division):
    return division_namers(get_language())[0](division)


def china_map(national, codes, linkable):
    """The national map: provinces shaded by ``national`` (coverage.national()), a mark at each profiled
    division's seat (``codes``: CoverageTally.objects.codes()), each a link to its profile while they are at most
    MOST_LINKED_MARKS (``linkable``: coverage.profiles() of them; None past that)."""
    view = maps.china()
    shares = {row.province.code: row for row in national.provinces}
    label, name = (
        _("%(province)s: %(profiled)s of %(divisions)s districts and counties have a profile"),
        division_namers(get_language())[0],
    )
    outlines = mark_safe(
        "\n".join(
            f'<a href="{escape(province_url(row.province))}" aria-label="'
            f"{escape(label % {'province': name(row.province), 'profiled': row.profiled, 'divisions': row.divisions})}"
            f'"><path class="province {shade(row.share)}" d="{d}"/></a>'
            for code, d in _escaped_outlines(view)
            if (row := shares.get(code))
        )
    )  # every value in it escaped
    # Each mark a link while they are few; past that a link a dot is hundreds of kilobytes no one can aim at
    # (at 3,000 bureaus the page took 220 ms): the dots are then one path, and each province's map links them.
    marks = _marks(view, linkable, {}) if linkable is not None else _dots(tuple(codes), view.scale)
    return _svg(
        view,
        _("Map of China: provinces shaded by the share of their districts with a bureau profile"),
        _outside_scope(view) + outlines,
        marks,
    )


@lru_cache(maxsize=4)
def _dots(codes, scale):
    """Every profiled district's seat as one path of round dots (a zero-length segment each, drawn by the
    stroke's round cap): a few bytes a district, no link. Kept for the same codes: thousands of numbers
    written once per change of coverage, not once per visitor."""
    points = (maps.point(code) for code in sorted(codes))
    d = "".join(f"M{x:g} {y:g}h0" for x, y in filter(None, points))
    return format_html('<path class="dots" d="{}" stroke-width="{}"/>', d, f"{2 * MARK_RADIUS * scale:.2f}")


def province_map(province, profiles):
    """One province's map: filled marks for its profiled districts, hollow ones for the rest."""
    view = maps.province(province.code)
    if view is None:
        return ""
    without = {county.code: county for county in divisions.counties_of(province) if county.code not in profiles}
    title = _("Map of %(province)s: its districts and counties, those with a bureau profile filled") % {
        "province": _name(province)
    }
    return _svg(view, title, _province_shapes(province.code), _marks(view, profiles, without))


@lru_cache(maxsize=64)
def _province_shapes(code):
    """A province's outline among its neighbours' (the same for every visitor: made once per process)."""
    view = maps.province(code)
    neighbours = format_html_join(
        "\n", '<path class="neighbour" d="{}"/>', ((d,) for _code, d, _in_scope in view.neighbours)
    )
    return neighbours + format_html_join(
        "\n", '<path class="province shade-0" d="{}"/>', ((d,) for _code, d, _in_scope in view.provinces)
    )


def _svg(view, title, shapes, marks):
    return format_html(
        '<figure class="map"><svg viewBox="{}" aria-labelledby="map-title" preserveAspectRatio="xMidYMid meet">'
        '<title id="map-title">{}</title>{}<path class="sea-line" d="{}"/>{}</svg>'
        '<figcaption class="map-key"><span class="key key-mark"></span> {} '
        '<span class="key key-empty"></span> {}</figcaption></figure>',
        view.view_box, title, shapes, view.sea_line, marks,
        _("a district with a bureau profile"), _("no profile yet"),
    )  # fmt: skip


@lru_cache(maxsize=1)
def _escaped_outlines(view):
    """(code, outline escaped for an attribute) of each province in scope: tens of kilobytes of numbers
    escaped once per process, not on every visit."""
    return tuple((code, escape(d)) for code, d, in_scope in view.provinces if in_scope)


@lru_cache(maxsize=1)
def _outside_scope(view):
    """Taiwan, Hong Kong and Macau: drawn, as the map of China has them, but the portal has no bureaus there."""
    return format_html_join(
        "\n", '<path class="outside" d="{}"/>', ((d,) for code, d, in_scope in view.provinces if not in_scope)
    )


def province_url(province):
    """The address of a province's places page, in the active language."""
    return _province_url(province.code, get_language(), get_script_prefix())


@lru_cache(maxsize=256)
def _province_url(code, language, script_prefix):
    return reverse("places-province", args=[divisions.slug(gazetteer.by_code()[code])])


def division_url(code):
    """The address of a county-level division's page, in the active language."""
    return _division_url(code, get_language(), get_script_prefix())


def division_urls():
    """``division_url`` for a page linking hundreds of divisions (as ``profile_urls``)."""
    language, script_prefix = get_language(), get_script_prefix()
    return lambda code: _division_url(code, language, script_prefix)


@lru_cache(maxsize=8192)
def _division_url(code, language, script_prefix):
    """A division page's address, reversed once per language (the key: what the address depends on)."""
    return reverse("places-division", args=[divisions.slug(gazetteer.by_code()[code].province), code])


def _marks(view, profiles, without):
    """A linked mark at each division's seat: filled for ``profiles``, hollow for ``without``. Written in one
    pass with the standard library's ``escape``: a province has up to 183 marks, and ``format_html`` per mark
    was a third of its page."""
    radius = f"{MARK_RADIUS * view.scale:.2f}"
    by_code = gazetteer.by_code()
    address_of_division, address_of_profile, name_of = (
        division_urls(),
        profile_urls(),
        division_namers(get_language())[0],
    )
    mark = '<a href="{}" aria-label="{}" tabindex="-1"><circle class="{}" cx="{}" cy="{}" r="{}"/></a>'.format
    no_profile = _("%(division)s: no profile yet")
    hollow = (
        mark(
            escape(address_of_division(code)),
            escape(no_profile % {"division": name_of(by_code[code])}),
            "mark-empty",
            *point,
            radius,
        )
        for code in without
        if (point := maps.point(code))
    )
    filled = (
        mark(escape(address_of_profile(profile.slug)), escape(profile.name), "mark", *point, radius)
        for code, profile in sorted(profiles.items())  # by code: the same page for the same data
        if (point := maps.point(code)) and view.contains(point)
    )
    return mark_safe("".join(hollow) + "".join(filled))  # every value in it escaped
