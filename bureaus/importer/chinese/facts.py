"""
The Chinese recognisers for a bureau's parts: departments (inline lists and numbered entries),
affiliated units, duties, achievements and institution counts. Each reads the folded text
(``script.fold``) and returns spans into it, which are spans into the stored source.
"""

import re
from dataclasses import dataclass

from bureaus.importer.chinese.numbers import NUMBER, value

HAN = "\u4e00-\u9fff"
# A department's name ends in one of these: 办公室, 人事股, 基础教育科, 教育督导室, 项目办, 教育发展处 …
DEPARTMENT_RE = re.compile(rf"[{HAN}]{{1,14}}?(?:办公室|科|股|室|中心|办|处|站|队)(?:\([^()]{{2,24}}\))?")
# … nor a school's rooms: "内设6个教学班及多功能室、舞蹈室、活动室" on a kindergarten's news.
NOT_A_DEPARTMENT_RE = re.compile(
    r"^(?:负责|主要|其中|包括|分别|内设|下设|设有|科室|股室|处室|中心)|的|和$"
    r"|(?:功能|舞蹈|活动|实验|阅览|图书|音乐|美术|微机|计算机|多媒体|录播|心理咨询|卫生|保健|会议)室$"
)
# "(行政许可服务科)" or "(挂…牌子)": a department's second name, kept as its note.
SECOND_NAME_RE = re.compile(r"\(([^()]+)\)$")
LIST_TRIGGER_RE = re.compile(
    rf"(?P<verb>内设机构|内设|下设|设有|设立|设置|编制有|(?<=局)设|(?<=机关)由)(?:机构|股室|科室|处室)?(?:共?(?:{NUMBER}|多|若干|几)[个箇]?[{HAN}()]{{0,6}}?)?"
    r"(?:,?\s*(?:分别是|分别为|包括|为|有))?[:]?"
)
# What a list announced without its items names: "内设多个科室" then ",主要包括…".
KIND_OF_PARTS_RE = re.compile(rf"[{HAN}]{{0,6}}(?:科室|股室|处室|机构|部门|单位|科|股|室)(?:\(室\))?")
# What a list's closing count names: its kind tells departments from affiliated units.
CLOSING_COUNT_RE = re.compile(rf"(?:等)?\s*(?:{NUMBER})?\s*[个箇]?(?P<noun>[{HAN}()]{{0,12}})$")
UNIT_WORDS_RE = re.compile(r"事业单位|二级机构|直属|单位|学校|校|幼儿园|院|馆")
# Item markers: (一) 一、 (1) 1. 1、 and the circled ①.…⑳ of some budget pages.
NUMBERED_RE = re.compile(
    r"^\s*(?:\(?[一二三四五六七八九十]{1,3}[)、.]|\(\d{1,2}\)|\d{1,2}[.、)](?!\d)|[\u2460-\u2473][.、]?)\s*"
)
DUTY_VERBS_RE = re.compile(
    r"^(?:贯彻|拟订|拟定|负责|承担|统筹|指导|管理|组织|研究|制定|制订|会同|主管|完成|落实|做好|规划|审核|按|参与|"
    r"协助|监督|推进|推动|综合|归口|配合|实施|开展|依法|执行|宣传|建立|加强|编制|领导|协调|承办|监测|核算|牵头|主要)"
)
WRAPPED_LINE = 20  # a line this long that ends in mid-sentence was cut by the page's width, not by its writer
DUTIES_HEADING_RE = re.compile(r"职责|职能|任务")
DEPARTMENTS_HEADING_RE = re.compile(r"内设机构|机构设置|科室|股室|处室|组织架构|内设")
UNITS_HEADING_RE = re.compile(r"下设机构|直属单位|二级机构|事业单位|下属单位|所属单位")


def is_department_name(name):
    return bool(DEPARTMENT_RE.fullmatch(name)) and not NOT_A_DEPARTMENT_RE.search(name) and len(name) <= 24


def name_and_note(name):
    """("基础教育科", "行政许可服务科") for 基础教育科(行政许可服务科)."""
    second = SECOND_NAME_RE.search(name)
    if second and len(name) - len(second.group(0)) >= 2:
        return name[: second.start()], second.group(1)
    return name, ""


@dataclass
class Listed:
    names: list  # [(start, end)] of each item
    is_units: bool
    announced: int | None


def inline_lists(folded, start, end):
    """The department (or affiliated unit) lists of one sentence: "内设办公室、人事股…等12个股室"."""
    found, clauses = [], _clauses(folded, start, end, ",;")
    for index, (clause_start, clause_end) in enumerate(clauses):
        trigger = LIST_TRIGGER_RE.search(folded, clause_start, clause_end)
        if not trigger:
            continue
        items, position = [], trigger.end()
        announced, lead, tail = None, "", ""  # tail: the closing count, when the list ends with one
        colon = re.match(rf"[{HAN}()0-9]{{0,12}}:", folded[position:clause_end])
        if colon:  # "下设六个二级机构:…", "设职能科室3个:…": what the list is, then the list
            lead = colon.group(0)
            position += colon.end()
        rest = folded[position:clause_end].strip(" :")
        if (not rest or KIND_OF_PARTS_RE.fullmatch(rest)) and index + 1 < len(clauses):
            # "内设机构共8个,分别是:…", "内设多个科室,主要包括…": the list is the next clause
            lead = folded[trigger.start() : clause_end]
            position, clause_end = clauses[index + 1]
            skip = re.match(r"\s*(?:主要)?(?:分别是|分别为|包括|为|有)?\s*:?", folded[position:clause_end])
            position += skip.end()
        pieces = list(re.finditer(r"[^、]+", folded[position:clause_end]))
        for number, piece in enumerate(pieces):
            item_start, item_end = position + piece.start(), position + piece.end()
            raw = folded[item_start:item_end].strip(" \n。!?")
            if items and number + 1 < len(pieces) and _passed_over(raw):
                continue
            joined = re.fullmatch(r"(?P<a>[^和及与]{2,24})(?:和|及|与)(?P<b>[^和及与]{2,24})", raw)
            if joined and is_department_name(joined.group("a")) and is_department_name(joined.group("b")):
                at = item_start + folded[item_start:item_end].find(raw)  # "…、双勤股和民族教育股": the last two
                items += [(at, at + joined.end("a")), (at + joined.start("b"), at + joined.end("b"))]
                continue
            closing = None
            if not is_department_name(raw) or re.search(rf"等\s*(?:{NUMBER})\s*[个箇]", raw):
                # The last item may carry the list's count (名师管理中心等八个科室 ends like a name, 室): "…计财科7个科(室)", "…特殊教育处等七个职能部门".
                closing = re.search(  # … or without a measure word: "…人事科等16科(室)"
                    # … or "机关由办公室、…、教育督导科组成": the list's closing verb
                    rf"(?:等)?\s*(?:{NUMBER})\s*(?:[个箇][{HAN}()]{{0,12}}|[科股室处][{HAN}()]{{0,10}})$|等[{HAN}]{{0,8}}$|组成$",
                    raw,
                )
                if closing:
                    raw_name = raw[: closing.start()].strip()
                    item_end = item_start + folded[item_start:item_end].find(raw_name) + len(raw_name)
                    raw = raw_name
                if not is_department_name(raw):
                    break
            offset = folded[item_start:item_end].find(raw)
            items.append((item_start + offset, item_start + offset + len(raw)))
            if closing:
                counted = re.search(NUMBER, closing.group(0))
                announced = value(counted.group(0)) if counted else None
                tail = closing.group(0)
                break
        if len(items) < 2:
            continue
        after = lead + tail + folded[items[-1][1] : min(clause_end, items[-1][1] + 16)]
        names = "".join(folded[s:e] for s, e in items)
        is_units = (
            bool(UNIT_WORDS_RE.search(after))
            or sum(bool(re.search("校|园$", folded[s:e])) for s, e in items) > len(items) / 2
        )
        found.append(Listed(items, is_units or names.count("中心校") > 1, announced))
    return found


def _passed_over(item):
    """An item inside a list of departments that is none but does not end it: a name a wrapped line broke
    ("计财\n股", which no span quotes whole) or a short body of another kind among them (教育工会)."""
    return "\n" in item.strip() or (not is_department_name(item) and bool(re.fullmatch(rf"[{HAN}]{{2,6}}", item)))


def wrapped_end(folded, end):
    """Where the sentence that a hard-wrapped line (a gazetteer's, cut at a fixed width) leaves open at
    ``end`` ends: at the first sentence end on the lines after it. ``end`` itself for a line that ends one."""
    while end < len(folded) and folded[end] == "\n":
        line_start = folded.rfind("\n", 0, end) + 1
        if end - line_start < WRAPPED_LINE or folded[end - 1] in "。!?:;|" or NUMBERED_RE.match(folded, end + 1):
            return end
        stop = re.compile(r"[。!?\n]").search(folded, end + 1)
        end = stop.end() if stop and stop.group(0) != "\n" else (stop.start() if stop else len(folded))
    return end


def numbered(line):
    """The item marker at the start of a line, as a match, or None."""
    return NUMBERED_RE.match(line)


def department_entry(folded, start, end):
    """A numbered or table entry "办公室。负责…" / "| 办公室 | 负责… |": (name span, responsibility span) or None."""
    head = re.match(r"\s*\|?\s*(?P<name>[^。:;,|]{2,26}?)\s*(?:[。:;,|]|$)", folded[start:end])
    if not head:
        return None
    name = head.group("name")
    if not is_department_name(name):
        return None
    after = folded[start + head.end() :].lstrip(" |")
    if folded[start + head.end() - 1] == ":" and not DUTY_VERBS_RE.match(after):
        return None  # a label ("内容出处: …"), not a department and what it does
    name_start = start + head.start("name")
    rest_start = start + head.end()
    rest = folded[rest_start:end].strip(" |")
    offset = folded[rest_start:end].find(rest) if rest else 0
    return (name_start, name_start + len(name)), (rest_start + offset, rest_start + offset + len(rest))


AWARD_RE = re.compile(
    r"被评为|被评定为|评为|荣获|获得|获评|喜获|荣膺|被授予|被命名为|被确定为|被选为|被认定为|被表彰为|入选|通过|成功创建"
    # 被许昌市委、市政府授予…, 被《中国教育报》《中国教师报》评为…: who gave it, said between
    rf"|被[{HAN}、《》]{{2,20}}?(?:授予|评为|表彰为)"
    # "综合评估居达州市第二名", "名列全市前茅": a ranking won
    rf"|(?:位居|居|名列)(?=[{HAN}]{{2,12}}?(?:第[一二三四五六七八九十\d]{{1,3}}[名位]|前列|前茅))"
    r"|(?:给予|予以)(?:通报表扬|通令嘉奖|嘉奖)"  # "对南山区教育局给予通报表扬": commended by name
    r"|获(?![悉批取得益奖评])"  # "关工委获先进集体荣誉称号"; not 获悉 (learnt), 获批 (approved), 获奖 (a prize's)
    rf"|(?<=命名)[{HAN}]{{2,12}}?为(?=[^,。]{{4,}})"  # "省教育厅正式命名徐水县为…示范县": the one named, then its title
    r"|(?<!被)授予(?=[^,。;]{2,30}?称号)"  # "省政府…决定,授予眉县教育强县称号": the decision's grant
    # "先后建成国家义务教育基本均衡区、全国…实验区": a national or provincial title for the place, not a building
    r"|建成(?=(?:国家|全国|省级|省)[^,。;、]{2,30}?(?:区|县|市)(?:[、,。;]|$))"
)
WISH_RE = re.compile(r"希望|争取|力争|计划|努力|确保|目标|将要|有望|力求")
# "被国务院通报表彰为“落实有关重大政策措施真抓实干成效明显地方”": a title for the place's government in general,
# with no word of education in it, is not its education's.
PLACE_TITLE_RE = re.compile(r"(?:地方|城市|城|县|区|市)[\"”]?(?:称号)?$")
# 获得者 (the winner), 获得的…称号 ("the title it won"), 获得奖金 (money); "荣获2023年度…": a year is no sum.
NOT_AN_AWARD_RE = re.compile(r"者|该|此|这|的|奖金|资金|经费|\d(?!\d{3}\s*年)")
AWARD_WORDS_RE = re.compile(r"称号|奖|荣誉|先进|优秀|等次|表彰|示范|殊荣|\"")
RECIPIENTS_RE = re.compile(r"的(?:个人|集体|单位|教师|同志|学校|代表)")
# A city's title (国家卫生城, 中国优秀旅游城市) ends so; "全国文明城市创建工作先进集体" is a body's.
CITY_TITLE_RE = re.compile(r"(?:卫生|旅游|园林|文明|森林|生态|双拥模范)城市?\"?(?:称号)?$")
TITLE_WON_RE = re.compile(r"称号|先进集体|先进单位")
PASSED_RE = re.compile(r"验收|评估|认定|复核")
BY_MEANS_OF_RE = re.compile(r"(?:评估|验收|认定|复核)[^,。;]{4,}")
# "等21个单位被授予…", "2人被授予…", "42名教师被授予…": an honour given to many, none of them the bureau.
# (Some Traditional mirrors follow a character with its reading: "21個(gè)單位".)
HONOURED_MANY_RE = re.compile(
    r"\d+\s*(?:[个名位所](?:\([^()\d\u4e00-\u9fff]{1,8}\))?)?(?:单位|集体|人|教师|同志|教职工|班主任|学校|幼儿园|县区|县|区)$"
)
# Honoured before the trigger, in the same clause: pupils, teachers, a school ("…等同学在活动中获得", "县职专重点学校
# 已通过省级验收"); none of them the bureau or the county.
OTHERS_HONOURED_RE = re.compile(
    r"同学|学生|学子|选手|师生|教师|老师|校长|班主任|(?:学校|中学|小学|幼儿园|职专|职中|中心校)(?:已|均|都|也|还)?$"
)
SCHOOL = r"(?:学校|中学|小学|幼儿园|中心校|职专)"
SCHOOLS_HONOURED_RE = re.compile(
    rf"\s*[^,;。]{{0,30}}?{SCHOOL}(?:[、和及][^,;。]{{0,20}}?{SCHOOL})*(?:同时|均|都|也|还|已)?(?:受到|被|获|荣获)"
)
# A person's honour: "先进个人", "十佳优秀通讯员"; an honour naming a unit (全国教师教育先进单位) is not one.
PERSON_HONOUR_RE = re.compile(r"个人|通讯员|教师|校长|班主任|园丁|标兵|能手|之星")
UNIT_HONOUR_RE = re.compile(r"单位|集体|[县区市]")
# What a passed inspection is about when it is the county's education's ("通过省'全面达小康'验收" is not).
EDUCATION_RE = re.compile(r"教育|学|校|园|均衡|督导|两基")
LEVEL_ONLY_RE = re.compile(r"(?:全国|国家级?|省级?|市级?|自治区级?|县级?)")
# A county's titles in another field (全国粮食生产先进县, 生猪调出大县): the place's, not its education's.
OTHER_FIELD_RE = re.compile(r"粮食|农业|生猪|畜牧|林业|水利|工业|交通|旅游|科技进步|招商|产粮|商品粮")


def achievements(folded, original, start, end):
    """Honours and ratings in one sentence: spans of "被评为“…”", "荣获…奖", "通过…验收"."""
    found, clauses = [], _clauses(folded, start, end, ",;!?", original)
    for index, (clause_start, clause_end) in enumerate(clauses):
        trigger = AWARD_RE.search(folded, clause_start, clause_end)
        if not trigger:
            continue
        previous_start = clauses[index - 1][0] if index else clause_start
        words = trigger.group(0)
        text = folded[trigger.start() : clause_end]
        if words in ("荣获", "获得", "喜获") and not AWARD_WORDS_RE.search(text):
            continue
        if words == "获" and not TITLE_WON_RE.search(text):
            continue  # "获国家表彰名单中", "为获…奖项的集体和个人": no title of its own
        if RECIPIENTS_RE.search(folded, trigger.end(), clause_end):
            continue  # "为荣获优秀教师、优秀教育工作者的个人和先进集体颁奖": those who won, being given their awards
        if NOT_AN_AWARD_RE.match(folded, trigger.end()):
            continue  # 获得者 (the winner), 获得该称号的… (speaking of others), 获得奖金 (money)
        if WISH_RE.search(folded, max(clause_start, trigger.start() - 12), trigger.start()):
            continue  # "希望南山区教育局率先建成…": hoped for, not won
        subject = folded[clause_start : trigger.start()].rstrip(" 被")
        if HONOURED_MANY_RE.search(subject) or OTHERS_HONOURED_RE.search(subject):
            continue
        if not subject.strip() and SCHOOLS_HONOURED_RE.match(folded, previous_start, clause_start):
            continue  # "三所中学同时受到…表彰,荣获市级优秀组织奖": the schools of the clause before
        if PERSON_HONOUR_RE.search(text) and not UNIT_HONOUR_RE.search(text):
            continue
        if words == "通过" and not (PASSED_RE.search(text) and EDUCATION_RE.search(text)):
            continue
        if words == "通过" and BY_MEANS_OF_RE.match(folded, trigger.end()):
            continue  # "通过评估学前教育…的实际成效": by assessing, not passing an assessment
        if words == "成功创建" and not re.search(r"全国|国家|省级|省|市级", text):
            continue  # 成功创建全国…均衡县 is a title won; 成功创建一所学校 is building one
        if words == "评为" and folded[trigger.start() - 1 : trigger.start()] not in ("被", "度", "年"):
            continue
        item_end = clause_end
        opened = _open_quote(original, clause_start, trigger.start())
        if opened is not None:  # said inside a quotation: the honour ends where the quotation does
            closing = original.find("”", trigger.end(), clause_end)
            item_end = closing if closing != -1 else clause_end
        item_end = _strip_end(folded, trigger.start(), item_end)
        last_quote = original.rfind("”", trigger.end(), item_end)
        if last_quote != -1 and original.startswith("等", last_quote + 1):
            item_end = last_quote + 1  # "荣膺“A”“B”等荣誉后的又一殊荣": the honours end at 等
        pieces = _top_level_pieces(original, trigger.end(), item_end)  # 被A、B授予: the givers are not honours
        # "授予眉县教育强县称号": the title, after the one it is given to; a title built lists titles only.
        begin = _after_recipient(folded, trigger) if words.startswith("授予") else trigger.start()
        pieces[0] = (begin, pieces[0][1])
        if words == "建成":
            pieces = [(s, e) for s, e in pieces if re.search(r"[区县市]$", folded[s:e])]
            if not pieces:
                continue
            item_end = pieces[-1][1]
        # "被评为全国、省粮食生产先进县": a level alone shares the title after it (全国…先进县 and 省…先进县): one item.
        pieces = _levels_joined(folded, pieces, trigger)
        if len(pieces) > 1 and all(e - s >= 4 for s, e in pieces):
            # "荣获国家卫生城、中国优秀旅游城、全国义务教育均衡发展先进地区": the city's titles outside education are not
            # its education's.
            found.extend(
                (s, e)
                for s, e in pieces
                if not (CITY_TITLE_RE.search(folded, s, e) and not EDUCATION_RE.search(folded, s, e))
            )
        elif item_end - begin >= 4:
            if PLACE_TITLE_RE.search(folded, begin, item_end) and not EDUCATION_RE.search(
                folded, trigger.end(), item_end
            ):
                continue
            found.append((begin, item_end))
    found = [
        (s, e) for s, e in found if not (OTHER_FIELD_RE.search(folded, s, e) and not EDUCATION_RE.search(folded, s, e))
    ]
    # The excerpt ends inside the last one ("…国家“中华传统美德教育”优秀实验区、全国未成年人思想道德建"): not a title.
    end = len(folded.rstrip())
    return [(s, e) for s, e in found if e < end or folded[end - 1] in '。!?”")']


def _levels_joined(folded, pieces, trigger):
    """``pieces`` with a piece that is only a level (全国, 省级), its trigger aside, joined to the title after it."""
    joined = []
    for start, end in pieces:
        if joined:
            previous_start, previous_end = joined[-1]
            words_end = trigger.end() if previous_start == trigger.start() else previous_start
            if LEVEL_ONLY_RE.fullmatch(folded, words_end, previous_end):
                joined[-1] = (previous_start, end)
                continue
        joined.append((start, end))
    return joined


def _after_recipient(folded, trigger):
    """Where the title begins after "授予" and the county it is given to (授予眉县 → 教育强县称号)."""
    recipient = re.match(rf"[{HAN}]{{1,8}}?[县区旗市](?=[{HAN}“\"]{{2,20}}称号)", folded[trigger.end() :])
    return trigger.end() + (recipient.end() if recipient else 0)


def _open_quote(original, start, position):
    depth = 0
    for character in original[start:position]:
        depth += character == "“"
        depth -= character == "”"
    return start if depth > 0 else None


def _top_level_pieces(original, start, end):
    pieces, depth, piece_start = [], 0, start
    for index in range(start, end):
        character = original[index]
        depth += character in "“‘《"
        depth -= character in "”’》"
        if character == "、" and depth == 0:
            pieces.append((piece_start, index))
            piece_start = index + 1
        elif character == "“" and depth == 1 and index > piece_start and original[index - 1] == "”":
            pieces.append((piece_start, index))  # quotations side by side: “A”“B” are two honours
            piece_start = index
        elif character in "和及" and depth == 0 and original.startswith("“", index + 1):
            # "“A”等10多项省级荣誉和“B”…": one level's honours closed, the next level's begin; A ends at its quote.
            closing = original.rfind("”", piece_start, index)
            pieces.append((piece_start, closing + 1 if closing != -1 else index))
            piece_start = index + 1
    pieces.append((piece_start, end))
    return pieces


def _strip_end(folded, start, end):
    while end > start and folded[end - 1] in " 。,;:!?、":
        end -= 1
    return end


def _clauses(folded, start, end, separators, original=None):
    """(start, end) of the parts of a sentence between separators (outside quotations when ``original``)."""
    parts, depth, part_start = [], 0, start
    for index in range(start, end):
        if original is not None:
            depth += original[index] in "“‘《"
            depth -= original[index] in "”’》"
        if folded[index] in separators and depth <= 0:
            parts.append((part_start, index))
            part_start = index + 1
    parts.append((part_start, end))
    return [(s, e) for s, e in parts if e > s]
