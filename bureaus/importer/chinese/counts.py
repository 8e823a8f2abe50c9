"""
Institution counts in Chinese: "幼儿园113所", "216所小学", "九年一贯制学校一所", "8箇中心校".

A count is a number with a measure word (所/个/箇/座) and a counted phrase ending in a school
word (学校, 小学, 初中, 幼儿园, 教学点 …), read before the number or after the measure word.
Students, teachers, classes, money, area and percentages never have such a phrase and a measure
word, so they are never counts. Qualified sub-counts (民办…, 寄宿制…, 省示范…, 三星级…, 特色…)
are not institution types and are left out; so are numbers inside quotation marks (“三所学校”
is a plan's slogan, not a count), schools being built or closed and merged (撤并教学点5个), and a
school word that names a kind of class or pupil (6个少数民族初中班).
"""

import bisect
import hashlib
import re
from dataclasses import dataclass

from bureaus.importer.chinese.numbers import NUMBER, value

HAN = "\u4e00-\u9fff"
# Not after 这/那/该/此: "这三所学校" points back at schools already counted; after 到 a range ("3到5所"), but
# 达到 reaches a number ("数量达到27所").
COUNT_RE = re.compile(
    rf"(?<![\d.第每至~这那该此-])(?<!(?<!达)到)(?P<number>{NUMBER})\s*(?P<measure>所|个|箇|座)(?!(?P=measure))"
)
HEADS = (
    "学校",
    "小学",
    "中学",
    "初中",
    "高中",
    "完中",
    "幼儿园",
    "园",
    "教学点",
    "村小",  # 村小学, a village's primary school, as county reports shorten it; 完小 a complete one
    "完小",
    "校",
    "国小",
    "国中",
    "中小学",
    "电大",
)
# Where a counted phrase before the number begins: after these words it is the thing counted.
STOP_RE = re.compile(
    r".*(?:显示|统计|其中|不含|包括|含|共有|现有|拥有|共计|总计|共|有|达|为|是|的|^年|在|全县|全区|全市|全旗|辖区内|辖区"
    r"|我县|我区|我市|该县|本县|建成|新建|改建|扩建|以及|另有|还有|此外)"
)
TRAILING_RE = re.compile(
    r"(?:共有|共计|总计|总数为|总数|数量|共|计|有|达到|达|为|现有|\s)+$"
)  # "公办幼儿园数量达到27所"
HONOURED_RE = re.compile(r"表彰|授予|命名|颁发|评为|获评")
BUILDING_RE = re.compile(r"新建|创建|筹建|改建|扩建|迁建|在建|拟建|建设|规划")
CLOSED_RE = re.compile(r"撤并|撤销|合并|撤除|停办|关停")
# A number right after a preposition is the object of what the sentence does: 对/向/给/在/从/把/将 N所学校.
ACTED_ON_RE = re.compile(r"(?:对|向|给|在|从|把|将)\s*$")
# What a school word before it makes a kind of: 初中班 are classes, 初中生 pupils, 小学教师 teachers.
# … and 幼儿园学位, 高中学位 (中学 then 位) are places in them, not institutions.
NOT_INSTITUTIONS_RE = re.compile(r"班|生|学生|教师|老师|年级|部|学位|位|名额")
QUALIFIED_RE = re.compile(
    r"新建|民办|寄宿|示范|星级|特色|重点|标准化|规范化|营养|达标|优质|文明|先进|平安|智慧|绿色|规模|的|班"
)
# A statistics row headed with the type it counts: "——小学。校数17所;毕业4008人", "初中:校数13所".
ROW_RE = re.compile(rf"\s*(?:—{{1,2}}|-{{1,2}})?\s*(?P<type>[{HAN}]{{2,10}})\s*[。:]")
# "全县高中段教育(包括普通高中和中职)共有学校6所": the schools of that level.
LEVEL_RE = re.compile(
    rf"(?:全县|全区|全市|全旗)(?P<level>[{HAN}]{{2,8}}教育)(?:\([^()]{{0,20}}\))?(?:共有|现有|有|共)$"
)
ROW_COUNT_WORDS = ("校数", "学校数", "学校", "所数")
# Chinese type words → the shared institution types' slugs (fixtures/institution_types.json).
TYPES = {
    "小学": "primary-school", "国小": "primary-school", "中心小学": "primary-school", "村小": "primary-school",
    "完小": "primary-school",
    "初级中学": "junior-high-school", "初中": "junior-high-school", "国中": "junior-high-school",
    "高级中学": "high-school", "高中": "high-school", "普通高中": "high-school",
    "完全中学": "middle-school", "完中": "middle-school", "中学": "middle-school",
    "九年一贯制学校": "nine-year-school", "幼儿园": "kindergarten", "幼稚园": "kindergarten",
    "特殊教育学校": "special-education-school", "中等职业学校": "secondary-vocational-school",
    "中职学校": "secondary-vocational-school", "中等职业技术学校": "secondary-vocational-school",
    "职业高中": "secondary-vocational-school", "职业高中学校": "secondary-vocational-school",
    "职业技术学校": "vocational-school", "职业学校": "vocational-school",
}  # fmt: skip


@dataclass
class ChineseCount:
    number: int
    category: str
    new_type_name: str
    phrase_span: tuple
    span: tuple


def category(phrase):
    """(slug, new type name) for a counted phrase: a shared type where one fits, else a new Chinese one."""
    if phrase in TYPES:
        return TYPES[phrase], ""
    return "zh-" + hashlib.sha1(phrase.encode("utf-8")).hexdigest()[:10], phrase


def _phrase_before(folded, start, limit):
    begin = max(limit, start - 16)
    before = folded[begin:start].rstrip()
    run = re.search(rf"[{HAN}()]*$", before).group(0)
    run_start = begin + len(before) - len(run)
    if ")" in run and "(" not in run.split(")")[-1]:
        cut = run.rindex(")") + 1
        if "(" not in run[:cut]:
            run, run_start = run[cut:], run_start + cut
    run = TRAILING_RE.sub("", run)
    stop = STOP_RE.match(run)
    phrase_start = run_start + (stop.end() if stop else 0)
    return phrase_start, run_start + len(run)


def _phrase_after(folded, end, limit):
    run = re.match(rf"[{HAN}]{{1,10}}", folded[end:limit])
    if not run:
        return None
    text = run.group(0)
    for length in range(len(text), 0, -1):
        if text[:length].endswith(HEADS) and not QUALIFIED_RE.search(text[:length]):
            return None if NOT_INSTITUTIONS_RE.match(text, length) else (end, end + length)
    return None


def _counted(phrase):
    return (
        len(phrase) >= 1
        and phrase.rstrip(")").endswith(HEADS)
        and not QUALIFIED_RE.search(phrase)
        and not phrase.startswith(("在校", "学生"))
        and phrase not in ("学", "小", "校", "园")
    )


def _level_counted(folded, start, end):
    """The level a bare 学校 counts, when its sentence is about one: "全县高中段教育(包括…)共有学校6所"."""
    level = LEVEL_RE.search(folded, start, end)
    return level.span("level") if level else None


def row_type(folded, start, end):
    """The span of the type a statistics row is headed with ("——小学。校数17所;…", "初中:校数13所"), or None."""
    row = ROW_RE.match(folded, start, end)
    return row.span("type") if row and _counted(row.group("type")) else None


def find_counts(folded, original, start, end, seen=None, row=None):
    """The institution counts of one sentence: [ChineseCount] (none that ``seen`` already has). ``row`` is the
    span of the type its statistics row is headed with, which a bare 校数 in it counts."""
    if HONOURED_RE.search(folded, start, end):
        return []  # schools honoured are a few of many, not a count (searched once: the sentence may be long)
    found, quoted = [], _quoted(original, start, end)
    quote_starts = [s for s, _ in quoted]
    seen = set() if seen is None else seen
    for match in COUNT_RE.finditer(folded, start, end):
        number = value(match.group("number"))
        # The quotation that opened last before the number, looked up (a sentence may quote many times).
        last_quote = bisect.bisect_right(quote_starts, match.start()) - 1
        if not number or (last_quote >= 0 and match.start() < quoted[last_quote][1]):
            continue
        phrase_span = None
        lead = re.sub(r"\([a-z]+\)", "", folded[max(start, match.start() - 16) : match.start()])
        if BUILDING_RE.search(lead) or CLOSED_RE.search(lead):
            continue  # schools being built are plans, schools closed or merged are gone: neither is a count
        if ACTED_ON_RE.search(lead):
            continue  # "对6所学校试点推行…": the schools something is done to or in, a few of many, not a count
        before_start, before_end = _phrase_before(folded, match.start(), start)
        if _counted(folded[before_start:before_end]):
            phrase_span = (before_start, before_end)
        if row and folded[before_start:before_end] in ROW_COUNT_WORDS:
            phrase_span = row
        elif folded[before_start:before_end] == "学校":
            phrase_span = _level_counted(folded, max(start, before_start - 30), before_start) or phrase_span
        phrase_span = phrase_span or _phrase_after(folded, match.end(), end)
        if phrase_span is None:
            continue
        phrase = folded[phrase_span[0] : phrase_span[1]]
        if (number, phrase) in seen:
            continue  # the same count said twice ("不含9所教学点" in two sentences)
        seen.add((number, phrase))
        slug, new_name = category(phrase)
        span = (min(phrase_span[0], match.start()), max(phrase_span[1], match.end()))
        found.append(
            ChineseCount(number, slug, new_name and original[phrase_span[0] : phrase_span[1]], phrase_span, span)
        )
    return found


def _quoted(original, start, end):
    spans, opened = [], None
    for index in range(start, end):
        if original[index] == "“":
            opened = index
        elif original[index] == "”" and opened is not None:
            spans.append((opened, index))
            opened = None
    return spans
