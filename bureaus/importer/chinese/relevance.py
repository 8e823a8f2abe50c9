"""
Whether a Chinese text is about one county-level education bureau, and the words that name a bureau.

A text about no such bureau is refused, saying why: bureaus in general (通常/一般 …), a province's or a
city's education (a city's own page, in its voice: 全市, 市人民政府), a town's or subdistrict's office,
a city's overview of its districts and counties, a province's news that names a county's bureau only in
passing. Any other text about education is a draft, with a warning when it never names the bureau (a
county's own page says only 全县/本局).
"""

import re

from bureaus.importer.chinese import places
from bureaus.importer.errors import DocumentError
from bureaus.places.gazetteer import by_code as places_by_code

HAN = "\u4e00-\u9fff"
KINDS = (
    "教育科技体育局|教育和科学技术局|教育科学技术局|教育和体育局|教育体育局|教育文化体育局|教育科技局|教育和科技局|教育局|教育委员会"
    "|教体科技局|教科体局|教体局|教科局|科教局|教文体局|教委"
)
# A bureau named with its place: 深圳市龙华新区教育局, 东安县教育局, 区教科体局 (a scope word, no name).
BUREAU_RE = re.compile(rf"(?P<place>[{HAN}]{{1,14}}?)(?P<kind>{KINDS})")
GENERAL_RE = re.compile(
    r"通常|一般(?!公共|性|预算|债务|转移)|可能会|不同地区|各地|区[,、]?县(?:级)?教育局|县级教育局|市级教育局|全称为|的区别"
)
UNIT_LEVEL_RE = re.compile(r"教育厅|省教育局")
HEAD_LINES = 3  # a page's name stands in its first lines
PROVINCE_VOICE_RE = re.compile(r"我省|我自治区")
COUNTY_VOICE_RE = re.compile(r"我(?:县|区|旗|市)|本(?:县|区|旗|局)|全(?:县|旗)")
# A city's own page speaks of 全市 and 市人民政府; a county-level city's names itself, so it is placed.
CITY_VOICE_RE = re.compile(r"全市|我市|(?<![县区旗])市(?:人民政府|政府|委|教育局)")
SCHOOL_VOICE_RE = re.compile(r"本校|我校|本园|我园")
SCHOOL_UNDER_BUREAU_RE = re.compile(r"(?:本校|我校|本园|我园)(?:是|系|为)[^。,]{0,20}(?:直属|下属|所属)")
COUNTY_LEVEL_RE = re.compile(rf"股室|[{HAN}]{{2,10}}股[、,。]|镇乡|各乡镇|各乡|各镇")
# A county's words; "督导评估区县政府" (the districts' and counties' governments, a city's bureau's work) is none.
COUNTY_WORDS_RE = re.compile(r"(?<![区县])[县区旗](?:人民政府|政府|委|教育)|[全本我][县区旗]")


def refuse_unless_about_a_bureau(draft, folded):
    """Refuse a text about no county-level bureau: bureaus in general, a province's or a city's."""
    structure = len(draft.departments) + len(draft.duties)
    placed = draft.district or draft.place_candidates
    if not placed and len(GENERAL_RE.findall(folded)) >= 2:
        raise DocumentError(
            "This text describes education bureaus in general, not one bureau: it names no bureau and no "
            "county or district, so there is nothing to import."
        )
    if not placed and not structure and (UNIT_LEVEL_RE.search(folded) or _names_a_citys_bureau(folded)):
        raise DocumentError(
            "This text is about a province's or a city's education, not a county-level bureau's: it names "
            "no county or district, so there is nothing to import."
        )
    # The page's own bureau a prefecture's (临沧市教育体育局's accounts, its duties "全市…"): the city's, however
    # much structure it lists; named as the page's bureau, or at its head (楚雄州教育局2018年度部门决算说明).
    first_lines = folded.lstrip().split("\n", HEAD_LINES)[:HEAD_LINES]
    if not placed and _names_a_citys_bureau(draft.name or "\n".join(first_lines)):
        which = (
            f"{draft.name}, the bureau of a prefecture-level city"
            if draft.name
            else "a prefecture's bureau, named at its head"
        )
        raise DocumentError(
            f"This text is a city's bureau's ({which}), not a county-level bureau's: it names no county or district, so "
            "there is nothing to import."
        )
    # The page's headline a province's 教育厅 (an encyclopedia's "西藏自治区教育厅") and no county's bureau named: a
    # district in its address (拉萨市城关区藏大东路15号) places nothing.
    headline = first_lines[0].strip(" |")
    if re.fullmatch(rf"[{HAN}]{{2,12}}教育厅", headline) and not draft.name and not COUNTY_VOICE_RE.search(folded):
        raise DocumentError(
            "This text is about a province's department of education (教育厅, named at its head), not a county-level "
            "bureau's, so there is nothing to import."
        )
    # A province's 教育厅 with its 处 (offices) is no county's bureau, however much structure it lists.
    if not placed and not draft.name and UNIT_LEVEL_RE.search(folded) and not COUNTY_LEVEL_RE.search(folded):
        raise DocumentError(
            "This text is about a province's department of education (教育厅), not a county-level bureau's: it "
            "names no county or district, so there is nothing to import."
        )
    # A county named only in schools' names (盐湖区红军小学 among a city's 44 schools) places no bureau.
    placed = placed and not _named_only_in_schools_names(folded, draft)
    if not placed and _in_a_citys_voice(folded):
        raise DocumentError(
            "This text is about a city's education (it speaks of 全市 and the city's government), not a "
            "county-level bureau's: it names no county or district, so there is nothing to import."
        )
    # "我校是耒阳市教育局直属单位": a school speaking of the bureau above it, on its own page.
    speaks_as_a_school = len(SCHOOL_VOICE_RE.findall(folded)) >= 2 and not draft.name
    if speaks_as_a_school or SCHOOL_UNDER_BUREAU_RE.search(folded):
        raise DocumentError(
            "This text is a school's own page (it speaks of 本校, this school), not a county-level bureau's, so "
            "there is nothing to import."
        )
    if _sub_county_bureaus(folded) >= max(1, len(BUREAU_RE.findall(folded)) / 2):
        raise DocumentError(
            "This text is about a town's or subdistrict's education office (such as “容桂街道教育局”), not a "
            "county-level bureau, so there is nothing to import."
        )
    if not structure and not _speaks_as_a_county(folded) and _names_counties_of_many_cities(folded):
        raise DocumentError(
            "This text names counties and districts of several cities alike (a province's list or notice), not one "
            "county-level bureau's page, so there is nothing to import."
        )
    if not structure and not _speaks_as_a_county(folded) and LISTED_COUNTIES_RE.search(folded):
        raise DocumentError(  # "南京市秦淮区等38个县(市、区)已达到…": a province's notice on many counties
            "This text names counties and districts as a list of many (“…等38个县(市、区)”), a province's or a city's "
            "notice, not one county-level bureau's page, so there is nothing to import."
        )
    if not structure and _is_a_citys_overview(folded, draft):
        raise DocumentError(
            "This text is about a city and the districts and counties under it, not one county-level bureau, "
            "so there is nothing to import."
        )
    # Placed by a county's name said in passing (南城馆), a page in the city's voice that names the city's
    # bureau and no county's is the city's: a speech of 抚州市教育局's director.
    citys_own = not draft.name and _names_a_citys_bureau(folded) and not COUNTY_VOICE_RE.search(folded)
    if citys_own and _in_a_citys_voice(folded):
        raise DocumentError(
            "This text is a city bureau's (it names the city's bureau and speaks of 全市), not a county-level "
            "bureau's: the county it names is named only in passing, so there is nothing to import."
        )
    if not draft.fact_count() and PROVINCE_VOICE_RE.search(folded) and not COUNTY_VOICE_RE.search(folded):
        raise DocumentError(  # 我省…等21个单位被授予…: a county bureau named in passing among those honoured
            "This text is a province's news (a province's list of honours or the like) that names a county's "
            "bureau only in passing and says nothing of it, so there is nothing to import."
        )
    if not re.search(r"教育|教体|教委|教科", folded) and not draft.fact_count():
        raise DocumentError(
            "This text is not about an education bureau: it never names one (such as “和平区教育局”) and "
            "says nothing of education, so there is nothing to import."
        )
    if not draft.name and not re.search(KINDS, folded):
        draft.warnings.insert(
            0,
            "The text never names an education bureau: check that what it says is the bureau's "
            "(and not, say, the whole county's) before publishing.",
        )


SCHOOL_AFTER_NAME_RE = re.compile(rf"[{HAN}]{{0,6}}?(?:小学|中学|幼儿园|学校|学院)")


def _named_only_in_schools_names(folded, draft):
    """Whether every mention of the draft's county opens a school's name (盐湖区红军小学, 夏县第二初级中学)."""
    division = places_by_code().get(draft.division_code)
    if division is None or draft.name:
        return False
    said = [m for m in places.mentions(folded) if division in m.divisions]
    return bool(said) and all(SCHOOL_AFTER_NAME_RE.match(folded, m.end) for m in said)


def _in_a_citys_voice(folded):
    """Whether a text speaks as a city (全市, 市人民政府) and never as a county; a county-level city speaks as a
    city too, but its bureau's sections are 股 and it guides the towns (镇乡) itself, which a prefecture's does not."""
    city = len(CITY_VOICE_RE.findall(folded)) >= 2 and not COUNTY_WORDS_RE.search(folded)
    return city and not COUNTY_LEVEL_RE.search(folded)


def _sub_county_bureaus(folded):
    """How many bureaus the text names under a town or subdistrict (容桂街道教育局, 某镇教育办)."""
    return sum(bool(re.search(r"(?:街道|镇|乡)$", match.group("place"))) for match in BUREAU_RE.finditer(folded))


MANY_COUNTIES, MANY_CITIES = 5, 3
# "…等38个县(市、区)", "等12个县区": one county named as the first of many.
LISTED_COUNTIES_RE = re.compile(
    r"等\s*(?:[3-9]|[1-9]\d{1,3}|[三四五六七八九十][十百]?[一二三四五六七八九]?)\s*个\s*县(?:\(市、?区\)|市区|区|\(区\)|\(市\))?"
)


def _speaks_as_a_county(folded):
    """Whether a text speaks as a county (我县, 本县, 全县) more than as a province (我省, 全省): "公众对本县…的满意度"
    in a province's notice on twelve counties is one of its criteria, not the page's voice."""
    return len(COUNTY_VOICE_RE.findall(folded)) > len(PROVINCE_VOICE_RE.findall(folded))


def _names_counties_of_many_cities(folded):
    """Whether the text names at least five county-level divisions of at least three prefectures: a province's
    list of honoured counties, which a county's own page never is."""
    counties = {d for m in places.mentions(folded) if len(m.divisions) == 1 for d in m.divisions if d.level == "county"}
    return len(counties) >= MANY_COUNTIES and len({d.parent_code for d in counties}) >= MANY_CITIES


def _is_a_citys_overview(folded, draft):
    """Whether the text names a prefecture more than its county and three or more of that prefecture's counties."""
    division = places_by_code().get(draft.division_code)
    if division is None or division.city is None:
        return False
    found = places.mentions(folded)
    counties = {d.code for m in found for d in m.divisions if d.level == "county" and d.city == division.city}
    city_said = sum(any(d == division.city for d in m.divisions) for m in found)
    county_said = sum(any(d == division for d in m.divisions) for m in found)
    return len(counties) >= 3 and city_said > county_said


def _names_a_citys_bureau(folded):
    """Whether the text names a prefecture's bureau (淮安市教育局, 淮安教育局) and no county's."""
    for match in BUREAU_RE.finditer(folded):
        before = match.group("place")
        for start in range(len(before)):
            if before[start:] in places.prefecture_short_forms():  # 楚雄州教育局
                return True
            found = places.mentions(before[start:] + "市")
            if found and found[0].start == 0 and any(d.level == "prefecture" for d in found[0].divisions):
                return True
    return False
