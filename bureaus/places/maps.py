"""
The map of China the portal draws: each province's outline as an SVG path, the South China Sea
line, and a point for each prefecture- and county-level division, from ``data/map.json`` (built by
``build_map.py``; see the README for the boundaries' source and the projection).

Owns: reading that file, and the view boxes a page shows: the whole country, or one province fitted
with a margin. Everything is in one coordinate system (about 1,000 units wide, y downwards), so a
province's map is the national map seen through a smaller viewBox and a county's ``point()`` is
placed the same way on either. Drawing (colours, labels, links) is the pages' business.
Pure Python, no Django.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "map.json"
NATIONAL_WIDTH = 1000.0  # about the national map's width in units: sizes are given for it
MARGIN_SHARE, SMALLEST_MARGIN = 0.05, 2.0  # a province view's margin: 5 % of its longer side, at least 2 units


@dataclass(frozen=True)
class MapView:
    """What an ``<svg>`` needs to draw the country or one province.

    ``provinces``: (code, path d, in_scope) for each outline to draw, in scope False for Taiwan,
    Hong Kong and Macau (drawn, but the portal has no bureaus there). ``neighbours``: the same for
    other provinces inside a province's view (empty for the country), to draw paler. ``sea_line``:
    the ten dashes of the South China Sea line, a path to stroke, not fill. Paths may have several
    rings (islands, holes): draw them with ``fill-rule="evenodd"``. Islands too small to draw (the South
    China Sea's, 钓鱼岛) are diamonds 2.4 units across: a stroke wider than about 0.5 units hides them.
    """

    view_box: str  # "min_x min_y width height", for viewBox
    box: tuple[float, float, float, float]  # the same numbers
    provinces: tuple[tuple[str, str, bool], ...]
    neighbours: tuple[tuple[str, str, bool], ...]
    sea_line: str

    @property
    def scale(self):
        """This view's width in thousandths: a size meant for a view 1,000 units wide (about the national
        map's width) times this looks the same on screen here, e.g. a dot's radius or a stroke's width."""
        return self.box[2] / NATIONAL_WIDTH

    def contains(self, point):
        x, y = point
        left, top, width, height = self.box
        return left <= x <= left + width and top <= y <= top + height


@dataclass(frozen=True)
class _Outline:
    code: str
    in_scope: bool
    box: tuple[float, float, float, float]  # min_x, min_y, max_x, max_y of the drawn outline
    label: tuple[float, float]
    d: str

    @property
    def drawn(self):
        return (self.code, self.d, self.in_scope)


@cache
def _data():
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    outlines = {
        row["code"]: _Outline(row["code"], row["in_scope"], tuple(row["box"]), tuple(row["label"]), row["d"])
        for row in raw["provinces"]
    }
    points = {code: tuple(point) for code, point in raw["points"].items()}
    return raw, outlines, points


def _view_box(box):
    return " ".join(f"{value:g}" for value in box)


@cache
def china():
    """The whole country: every outline (the 31 provinces, Taiwan, Hong Kong, Macau) in one view."""
    raw, outlines, _points = _data()
    box = tuple(float(value) for value in raw["view_box"].split())
    drawn = tuple(outline.drawn for outline in outlines.values())
    return MapView(raw["view_box"], box, drawn, (), raw["sea_line"])


def province(code):
    """One province (or Taiwan, Hong Kong, Macau) fitted to its outline with a small margin, with the
    outlines that reach into that view as neighbours. Any division's code finds its province
    ("210102" gives Liaoning's map); None for a code of no province on the map."""
    province_code = str(code)[:2] + "0000"
    return _province_view(province_code) if province_code in _data()[1] else None


@cache
def _province_view(code):
    raw, outlines, _points = _data()
    outline = outlines[code]
    left, top, right, bottom = outline.box
    margin = max(SMALLEST_MARGIN, MARGIN_SHARE * max(right - left, bottom - top))
    box = (round(left - margin, 1), round(top - margin, 1))
    box += (round(right - left + 2 * margin, 1), round(bottom - top + 2 * margin, 1))
    view_right, view_bottom = box[0] + box[2], box[1] + box[3]
    neighbours = tuple(
        other.drawn
        for other in outlines.values()
        if other is not outline
        and other.box[0] < view_right
        and other.box[2] > box[0]
        and other.box[1] < view_bottom
        and other.box[3] > box[1]
    )
    return MapView(_view_box(box), box, (outline.drawn,), neighbours, raw["sea_line"])


def point(code):
    """(x, y) of a prefecture- or county-level division (its seat of government), in the coordinates
    of every view; None when the map has no point for it (see ``tests/test_places_map.py`` for the
    few divisions without one)."""
    return _data()[2].get(str(code))


def label_point(code):
    """(x, y) where a province's name sits well: the point of its largest outline farthest from its
    edges. None for a code of no province on the map."""
    outline = _data()[1].get(str(code))
    return outline.label if outline else None
