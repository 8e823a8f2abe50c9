"""
Where a Chinese text's bureau is: the gazetteer's Chinese names found in the (folded) text.

Names are found leftmost-longest, so 湖南省 is read as the province and not as 南县 inside it.
A county-level name several divisions share (龙华区 in Shenzhen and in Haikou) is resolved by a
prefecture or province the text also names, or by its city written just before it (深圳龙华区);
otherwise it is left to the reviewer with the candidates, never silently one of them. A former
name (武鸣县, 龙华新区) finds the division that bears it now, from the gazetteer's table of former
names, and the reader warns. A county's name without its kind word (凤庆 for 凤庆县) counts only
when it is said at least twice or names the bureau, and never for a district (区): a district's
short name is usually its city's, and neither is a county's short name that is its named city's
(湘潭 beside 湘潭市). Generic district names that are also common words (郊区, 城区,
矿区) count only right after their city's name.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from bureaus.places import gazetteer

SCOPE_WORDS = {"全州"}  # a scope word, like 全县 and 全市, that is also a county's short name
COMMON_WORD_NAMES = {"郊区", "城区", "矿区", "市区", "新区", "城关区", "市中区", "开发区"}
SHORT_KINDS = ("县", "市", "旗")
# Two-character county names that end common words, by the characters that begin those words: 示范县 (a model
# county) is no 范县, 小康县/健康县 no 康县, 市和县 ("cities and counties") no 和县, 英雄县 no 雄县 ….
WORDS_ENDING_IN = {
    "范县": "示", "康县": "小健", "和县": "市区乡镇省旗与", "雄县": "英", "荣县": "光", "富县": "致首", "高县": "提",
    "新县": "创更", "兴县": "振复", "宁县": "安", "文县": "人", "义县": "主正", "代县": "时现",
}  # fmt: skip
LONGEST_NAME = 12
# What follows a place's name where it is one: 兴县 in 科教兴县战略 is no place, 南县教育局 is.
STANDS_AS_A_PLACE_RE = re.compile(
    r"(?:教|人民|县委|区委|市委|旗委|政府|党|地处|位于|隶属|被(?:评|确定|命名|授予|认定)|,|。|\s|$)"
)


@cache
def _names():
    """Chinese name → [Division] (the gazetteer's), with the county-level short names kept apart."""
    full, short = {}, {}
    for division in gazetteer.by_code().values():
        full.setdefault(division.chinese, list(gazetteer.chinese_named(division.chinese)))
        if division.chinese[:-1] in SCOPE_WORDS:
            continue  # 全州 is "the whole prefecture" (an autonomous prefecture's 全市) before it is 全州县
        if division.level == "county" and division.chinese.endswith(SHORT_KINDS) and len(division.chinese) >= 3:
            short.setdefault(division.chinese[:-1], []).append(division)
        elif division.level == "county" and division.chinese.endswith("区") and len(division.chinese) >= 4:
            short.setdefault(division.chinese[:-1], []).append(division)  # 石景山教委: a district's stem of 3+
    for name in gazetteer.former_chinese_names():  # 武鸣县 → 武鸣区: the table of former names first
        full.setdefault(name, [gazetteer.formerly_named(name).division])
    for name, division in gazetteer.presumed_former_chinese_names().items():  # then 徐水县 → 徐水区, presumed
        full.setdefault(name, [division])
    for name, division in gazetteer.chinese_short_forms().items():  # 科右前旗, 长阳县
        full.setdefault(name, [division])
    known = set(full)
    for division in gazetteer.by_code().values():
        # Else a new area written with 新区 (坪山新区 → 坪山区) still finds its district.
        new_area = division.chinese[:-1] + "新区"
        if division.level == "county" and division.chinese.endswith("区") and new_area not in known:
            full.setdefault(new_area, []).append(division)
    for divisions in short.values():
        divisions.sort(key=lambda d: d.code)
    return full, short


PEOPLES = (
    "朝鲜", "土家", "景颇", "哈尼", "布依", "蒙古", "哈萨克", "柯尔克孜", "傈僳", "纳西", "维吾尔", "仡佬", "拉祜",
    "撒拉", "东乡", "保安", "裕固", "锡伯", "达斡尔", "鄂温克", "鄂伦春", "塔吉克", "彝", "苗", "侗", "藏", "羌",
    "傣", "白", "壮", "回", "怒", "瑶", "黎", "畲", "水", "佤", "土",
)  # fmt: skip


@cache
def prefecture_short_forms():
    """An autonomous prefecture's short name → its Division: 楚雄州 for 楚雄彝族自治州, 黔东南州 for 黔东南苗族侗族自治州."""
    found = {}
    for division in gazetteer.by_code().values():
        stem = division.chinese.removesuffix("自治州")
        if division.level != "prefecture" or stem == division.chinese:
            continue
        while stem.endswith("族") and (people := next((p for p in PEOPLES if stem.endswith(p + "族")), None)):
            stem = stem[: -len(people) - 1]
        found[stem + "州"] = division
    return found


def short_names():
    """County short name (凤庆) → [Division] (凤庆县)."""
    return _names()[1]


@dataclass
class Mention:
    name: str
    start: int
    end: int
    divisions: list = field(default_factory=list)


def mentions(folded):
    """Every gazetteer name in the text, leftmost-longest: [Mention]."""
    full, _ = _names()
    found, position = [], 0
    while position < len(folded):
        for length in range(min(LONGEST_NAME, len(folded) - position), 1, -1):
            name = folded[position : position + length]
            if name in full:
                weak = name in COMMON_WORD_NAMES or len(name) == 2
                if weak and position and folded[position - 1] in WORDS_ENDING_IN.get(name, ""):
                    position += 1  # 示范县 (a model county) is no 范县, 小康县 no 康县
                    break
                stands = (
                    folded.startswith("教育", position + length)  # 郊区教育局 names a place, 郊区 alone may not
                    if name in COMMON_WORD_NAMES
                    else STANDS_AS_A_PLACE_RE.match(folded, position + length)
                )
                if weak and not stands and not _after_its_city(folded, position, full[name]):
                    continue
                found.append(Mention(name, position, position + length, full[name]))
                position += length
                break
        else:
            position += 1
    return found


def _after_its_city(folded, position, divisions):
    before = folded[max(0, position - 8) : position]
    return any(d.city and (before.endswith(d.city.chinese) or before.endswith(d.city.chinese[:-1])) for d in divisions)


def short_mentions(folded, taken, anywhere=False):
    """County short names (凤庆 for 凤庆县) outside the spans already ``taken``: {short name: [(start, end)]}.
    Only where they stand as a place (凤庆教育局, 凤庆县委), unless ``anywhere`` (和谐凤庆, a slogan)."""
    _, short = _names()
    spans = {}
    for name in short:
        start = folded.find(name)
        while start != -1:
            end = start + len(name)
            stands = anywhere or STANDS_AS_A_PLACE_RE.match(folded, end)
            # "加强与企业的合作,": a word (合作, cooperation), not 合作市; a place is not said after 的 and before a stop.
            if (
                stands
                and start
                and folded[start - 1] == "的"
                and not folded.startswith(("教", "人民", "县委", "政府"), end)
            ):
                stands = None
            if not any(s < end and start < e for s, e in taken) and stands:
                spans.setdefault(name, []).append((start, end))
            start = folded.find(name, end)
    return spans


@dataclass
class Placed:
    division: object = None  # the county-level Division, when one is sure
    candidates: list = field(default_factory=list)  # Divisions a reviewer chooses from
    span: tuple = None
    name: str = ""  # the name as the text writes it
    former: object = None  # the gazetteer.Former when the name is an older one (武鸣县 for 武鸣区)


def place(folded, bureau_place="", extra=""):
    """The county-level division the text is about.

    ``bureau_place`` is the place part of the bureau's name when the text names the bureau
    (深圳市龙华新区): it decides first. ``extra`` is further text (the page title) whose names count
    as clues for choosing between candidates only.
    """
    found = mentions(folded)
    clues = found + mentions(extra) if extra else found
    higher = {d.code for m in clues for d in m.divisions if d.level != "county"}
    county = [m for m in found if any(d.level == "county" for d in m.divisions)]
    if bureau_place:
        own = [m for m in mentions(bureau_place) if any(d.level == "county" for d in m.divisions)]
        if own:
            chosen_name = own[-1].name
            county = [m for m in county if m.name == chosen_name] or county
    short = {}
    if not county:
        taken = [(m.start, m.end) for m in found]
        short = {
            name: spans
            for name, spans in short_mentions(folded, taken).items()
            if len(spans) >= 2
            or (bureau_place and name in bureau_place)
            or any(folded.startswith(("教育", *PLACE_VERBS), e) for _, e in spans)
        }
        # Said once, even in a slogan (建设和谐鄢陵), a county's short name counts where the text names its prefecture.
        for name, spans in short_mentions(folded, taken, anywhere=True).items():
            if any(d.city and d.city.code in higher for d in _names()[1][name]):
                short.setdefault(name, spans)
        # 湘潭 beside 湘潭市 is the city's short name, not 湘潭县's: the city named in full says so.
        short = {name: spans for name, spans in short.items() if not _is_its_named_citys(name, higher)}
    if county:
        tally = Counter(m.name for m in county)
        # "鼓楼区、福清市" once in a list, 福清 alone again and again: the short name counts for its county.
        taken = [(m.start, m.end) for m in found]
        for name, spans in short_mentions(folded, taken).items():
            for division in _names()[1][name]:
                if division.chinese in tally:
                    tally[division.chinese] += len(spans)
        name = tally.most_common(1)[0][0]
        first = next(m for m in county if m.name == name)
        divisions = [d for d in first.divisions if d.level == "county"]
        span = (first.start, first.end)
    elif short:
        name = max(short, key=lambda n: (len(short[n]), -short[n][0][0]))
        divisions = _names()[1][name]
        span = short[name][0]
    else:
        return Placed()
    narrowed = [d for d in divisions if (d.city and d.city.code in higher) or d.parent_code in higher]
    if len(narrowed) != 1:  # 深圳龙华区, 福州鼓楼区: the city named without 市 just before the district
        narrowed = _said_after_its_parent(name, divisions, (folded, bureau_place, extra)) or narrowed
    narrowed = narrowed or [d for d in divisions if d.province.code in higher] or divisions
    if len(narrowed) == 1:
        return Placed(division=narrowed[0], span=span, name=name, former=gazetteer.formerly_named(name))
    return Placed(candidates=narrowed, span=span, name=name)


# "龙州地处广西西南边陲": a short name said once as where the county lies is the county's.
PLACE_VERBS = ("地处", "位于", "坐落于", "东邻", "东接", "东与")
PARENT_KIND_RE = re.compile(r"(?:市|地区|盟|省)$")


def _is_its_named_citys(name, higher):
    """Whether a county's short name is also the short name of its prefecture, which the text names."""
    return any(
        d.city and d.city.code in higher and PARENT_KIND_RE.sub("", d.city.chinese) == name for d in _names()[1][name]
    )


def _said_after_its_parent(name, divisions, texts):
    """Those of ``divisions`` whose city (or municipality) a text writes right before ``name``, with or
    without its kind word: 深圳龙华区 or 深圳市龙华区 for Shenzhen's, 北京朝阳区 for Beijing's."""
    found = []
    for division in divisions:
        above = (division.city or division.province).chinese
        if any(f"{parent}{name}" in text for parent in {above, PARENT_KIND_RE.sub("", above)} for text in texts):
            found.append(division)
    return found


def only_province(folded):
    """The one province a text names (河南省…试点县, 代表江西省), or None when it names none or several."""
    provinces = {d.province for d in higher_only(folded)}
    return provinces.pop() if len(provinces) == 1 else None


def higher_only(folded):
    """The province- and prefecture-level divisions a text names: [Division]."""
    return [d for m in mentions(folded) for d in m.divisions if d.level != "county"]
