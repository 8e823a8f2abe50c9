"""
How a Chinese page is laid out: its lines and sentences, which short lines are headings and what section
each heading opens (主要职责 → duties, 内设机构 → departments, 下设机构 → affiliated units), which lines name a
department, and runs of duty-like sentences that stand without a heading. The reader walks what this finds.
"""

import itertools
import re

from bureaus.importer.chinese import facts
from bureaus.importer.chinese.relevance import KINDS

SENTENCE_END = "。!?\n"
HAN = "\u4e00-\u9fff"


ORDINALS = "一二三四五六七八九十"
INLINE_MARKER_RE = re.compile(r"\((?P<n>[一二三四五六七八九十]{1,2})\)")
# "1、全面贯彻…。2、研究制订…": numbered items run together, each after the one before has ended (not "教育体育2、").
INLINE_NUMBER_RE = re.compile(r"(?:(?<=^)|(?<=[。;]))\s*(?P<n>\d{1,2})、")


def lines(folded):
    """(start, end, line) of each line; a line holding numbered items one after another ("…(一)贯彻…(二)研究…",
    as text taken from a PDF's table cell runs) is as many lines, each item on its own."""
    position = 0
    for line in folded.split("\n"):
        for start, end in _inline_items(line):
            yield position + start, position + end, line[start:end]
        position += len(line) + 1


def _inline_items(line):
    """The line's parts: itself, or what comes before its (一) and each item from (一), (二), … in order."""
    starts, expected = [], 1
    for match in INLINE_MARKER_RE.finditer(line):
        if _ordinal(match.group("n")) == expected:
            starts.append(match.start())
            expected += 1
    if len(starts) < 2:
        starts, expected = [], 1
        for match in INLINE_NUMBER_RE.finditer(line):
            if int(match.group("n")) == expected:
                starts.append(match.start("n"))
                expected += 1
    if len(starts) < 2:
        return [(0, len(line))]
    cuts = ([0] if starts[0] > 0 else []) + starts + [len(line)]
    return list(itertools.pairwise(cuts))


def _ordinal(numeral):
    """1 for 一 … 10 for 十, 11 for 十一 …; 0 for what is none of them."""
    if numeral in ORDINALS:
        return ORDINALS.index(numeral) + 1
    if len(numeral) == 2 and numeral[0] == "十" and numeral[1] in ORDINALS[:9]:
        return 11 + ORDINALS.index(numeral[1])
    return 0


def sentences(folded, start, end):
    sentence_start = start
    for index in range(start, end):
        if folded[index] in SENTENCE_END:
            if index + 1 > sentence_start:
                yield sentence_start, index + 1
            sentence_start = index + 1
    if end > sentence_start:
        yield sentence_start, end


DUTY_RUN = 3  # unnumbered sentences starting like a duty, in a row, make a list of duties without a heading


def is_duty_sentence(folded, start, end):
    sentence = folded[start:end].strip()
    return len(sentence) >= 8 and sentence.endswith(("。", ";")) and bool(facts.DUTY_VERBS_RE.match(sentence))


# "教育局的主要职责是:主要负责辖区内…", "(一)主要职能 贯彻执行…;研究制定…" (a budget page's cell run into one line),
# "…是全县的教育管理机构,主要肩负着贯彻执行…;研究提出…": the duties said after their label, in the same sentence.
# "主要职能职责教育为主:" too: a few words between the label and its colon, unless they make it a list of parts.
DUTY_LABEL_RE = re.compile(
    rf"(?:[{HAN}]{{0,12}}的)?(?:主要|部门)职[责能](?![{HAN}]{{0,8}}(?:部门|科室|股室|机构|单位))(?:[{HAN}]{{0,8}}?)"
    rf"(?:是|为|有)?(?:\s*[:：]\s*(?=.{{8}})|\s+(?={facts.DUTY_VERBS_RE.pattern[1:]}))"
    rf"|主要(?:肩负|承担)[着著](?={facts.DUTY_VERBS_RE.pattern[1:]})"  # 著: a Traditional page's 着
    rf"|(?<=[)、.])职能职责(?={facts.DUTY_VERBS_RE.pattern[1:]})"  # "(一)职能职责贯彻执行…": the heading run into them
)


def labelled_duties(folded, start, end):
    """The spans of the duties a sentence states after its label, one a clause: [] for a sentence with no label."""
    label = DUTY_LABEL_RE.search(folded, start, end)
    return duty_clauses(folded, label.end(), end) if label else []


# "坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻落实…精神,": the guiding words before a duty, not a duty.
PREAMBLE_RE = re.compile(r"(?:(?:坚持以|深入贯彻落实|深入学习贯彻|认真贯彻落实)[^,;]*?(?:为指导|精神|部署|要求),)+")


def duty_clauses(folded, start, end):
    """A run of duties written as one sentence, cut at its semicolons ("贯彻执行…;积极推进…;统筹管理…。"): the span
    of each clause, its closing punctuation and any guiding words before it left out."""
    spans, clause_start = [], start
    for index in [*(i for i in range(start, end) if folded[i] == ";"), end]:
        preamble = PREAMBLE_RE.match(folded, clause_start, index)
        clause_start = preamble.end() if preamble else clause_start
        piece = folded[clause_start:index]
        stripped = piece.strip(" \n|。;")
        if len(stripped) >= 4:
            first = clause_start + piece.index(stripped)
            spans.append((first, first + len(stripped)))
        clause_start = index + 1
    return spans


def duty_runs(folded):
    """The spans of unnumbered sentences that stand in a run of at least ``DUTY_RUN`` duty-like ones
    ("负责…。指导…。承办…。", as paragraphs or within one): a 机构职能 page without heading or numbers.
    One such sentence alone is not enough (news says "加强…是今年的重点" too), and a run next to a line
    naming a department (区教育局(基础教育科)) is that department's work, not the bureau's."""
    runs, run, kept = set(), [], [(s, e, line) for s, e, line in lines(folded) if line.strip()]
    for index, (start, end, line) in enumerate(kept):
        if facts.numbered(line) or is_heading(line.strip(" |")):
            run = []
            continue
        for s, e in sentences(folded, start, end):
            if not is_duty_sentence(folded, s, e):
                run = []
                continue
            if not run:
                before = kept[index - 1][2] if index else ""
            run.append((s, e))
            after = kept[index + 1][2] if index + 1 < len(kept) else ""
            if len(run) >= DUTY_RUN and not names_a_department(before) and not names_a_department(after):
                runs.update(run)
    return runs


def names_a_department(line, alone=False):
    """Whether a line names a department: alone ("人事股(教师交流中心)"), or in a section's byline too
    ("区教育局(基础教育科)") unless ``alone``."""
    line = line.strip(" |")
    byline = None if alone else re.search(rf"(?:{KINDS})\((?P<name>[^()]{{2,20}})\)", line)
    return len(line) <= 30 and (
        facts.is_department_name(facts.name_and_note(line)[0] if alone else line)
        or bool(byline and facts.is_department_name(byline["name"]))
    )


REPORT_HEADING_RE = re.compile(r"落实情况|完成情况|开展情况|执行情况|进展")


def is_heading(stripped):
    return len(stripped) <= 24 and "。" not in stripped and not re.search(r"\d{3}", stripped)


def section_of(heading):
    if facts.UNITS_HEADING_RE.search(heading):
        return "units"
    if facts.DUTIES_HEADING_RE.search(heading) and REPORT_HEADING_RE.search(heading):
        return "other"  # "主要任务落实情况": how the year's tasks went, a report, not the bureau's duties
    if facts.DUTIES_HEADING_RE.search(heading):
        # "职业教育司的职能:", "视听教室的功能": a section's or a unit's own work, not the bureau's duties.
        owner = re.match(rf"(?P<owner>[{HAN}]{{2,12}})的(?:主要)?(?:职能|职责|功能)", heading)
        if owner and not re.search(rf"(?:{KINDS})$", owner["owner"]):
            return "others-work"
        return "duties"
    if facts.DEPARTMENTS_HEADING_RE.search(heading):
        return "departments"
    return None
