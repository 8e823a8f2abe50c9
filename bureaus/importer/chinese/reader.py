"""
Reading a Chinese bureau page into a :class:`~bureaus.importer.draft.Draft`.

The reader folds the text (full-width forms, Traditional characters: ``script``), names the bureau
(``naming``) and places it (``places``), then walks the lines: short lines without a full stop are
headings that say what the numbered lines under them are (主要职责 → duties, 内设机构 →
departments, 下设机构 → affiliated units); numbered lines "（一）办公室。负责…" are departments,
numbered lines under a duties heading (or starting with a duty's verb) duties, and so are
unnumbered sentences under that heading or three in a row starting with a duty's verb. Facts that stand
anywhere are read sentence by sentence: department lists, counts, honours, founding and renaming.
Every fact is the source's own words at the span it was read from.
"""

import re

from bureaus.importer import outside
from bureaus.importer.chinese import counts, facts, layout, naming, places, relevance, script
from bureaus.importer.chinese.relevance import BUREAU_RE, KINDS
from bureaus.importer.draft import (
    ESTABLISHED_YEAR,
    FROM_TITLE,
    FROM_URL,
    LOCATION,
    NAME,
    PLACE,
    PREDECESSOR,
    Draft,
    DraftAchievement,
    DraftCount,
    DraftDepartment,
    DraftDuty,
)
from bureaus.places import gazetteer
from bureaus.vocabulary import MAX_ITEMS

HAN = "\u4e00-\u9fff"
ESTABLISHED_RE = re.compile(r"(?:始建于|成立于|组建于|设立于)\s*(?P<year>(?:19|20)\d\d)\s*年")
CEREMONY_RE = re.compile(r"揭牌成立|正式成立|成立暨揭牌|挂牌成立|成立大会|转隶组建")
PAGE_DATE_RE = re.compile(r"(?P<year>(?:19|20)\d\d)(?:-\d\d?-\d\d?|年\d{1,2}月\d{1,2}日)")
RENAMED_RE = re.compile(rf"原(?P<old>[{HAN}]{{2,20}}?(?:{KINDS}))[^。]{{0,30}}?(?:更名为|改称|改名为|改为)")
ADDRESS_RE = re.compile(
    rf"(?:{KINDS})(?:机关)?(?:位于|坐落于|地处)(?P<address>[^,。;]{{3,40}})|(?:办公地址|地址)\s*(?::|位于|设在|在)\s*(?P<label>[^\n,。;|?!]{{4,60}})"
)
REPORT_PAGE_RE = re.compile(r"工作年度报告|年度报告|工作总结|工作报告")
REPORT_LEAD = 300  # a report says what it is in its title or first lines
# A table's row of the bureau's duties: "| 主要职能 | 管理全县基础教育、职业教育… |".
TABLE_DUTIES_RE = re.compile(r"\s*\|\s*(?:主要)?(?:职能|职责)\s*\|\s*(?P<value>[^|]{4,}?)\s*\|?\s*")


def read(text, title="", url=""):
    compact, positions = script.without_readings(text)
    if len(compact) == len(text):
        return _read(text, title, url)
    draft = _read(compact, title, url)
    draft.restore_source(text, positions)
    draft.warnings.append(
        "The page writes readings in brackets after some characters (such as “區(qū)”), as some copies of pages do: "
        "they were read past, and the facts quote the page with them; take them out when you check each fact."
    )
    return draft


def _read(text, title, url):
    traditional = script.is_traditional(text)
    folded, folded_title = script.fold(text, traditional), script.fold(title or "", traditional)
    language = "zh-Hant" if traditional else "zh-Hans"
    draft = Draft(source_text=text, source_title=title, language=language, source_url=url)
    name_span, bureau_place, _ = naming.bureau_name(folded)
    other = naming.county_named_more(folded, bureau_place) if name_span else None
    if other:  # "麦盖提县教育局地址(解放前平原县的教育管理机构)" above a page all about 平原县
        draft.warnings.append(f"The text names “{text[name_span[0] : name_span[1]]}” once, but is about {other}, "
                              "which it names again and again: that bureau's name is not taken as this page's.")  # fmt: skip
        name_span, bureau_place = None, ""
    if name_span:
        draft.name = text[name_span[0] : name_span[1]]
        draft.fact_spans[NAME] = name_span
    title_span, title_place, _ = naming.bureau_name(folded_title) if folded_title else (None, "", "")
    placed = places.place(naming.without_examples(folded), bureau_place or title_place, extra=folded_title)
    if placed.division is None and not placed.candidates and folded_title:
        placed = places.place(folded_title, title_place)
        if placed.division or placed.candidates:
            draft.warnings.append("The place was read from the page's title, not its text: check it.")
            draft.evidence[PLACE] = (FROM_TITLE, title)
    if placed.division is None and not placed.candidates and url:  # 全县 alone: the county's site may say which
        placed = _placed_by_address(folded, url) or placed
        if placed.division is not None:
            draft.warnings.append(
                f"The place was read from the page's address ({outside.host(url)}), not its text: check it."
            )
            draft.evidence[PLACE] = (FROM_URL, outside.host(url))
    if title_span and not draft.name:  # "是主管全县教育事业的…部门": the subject only in the page's title
        draft.name = (title or "")[title_span[0] : title_span[1]]
        draft.warnings.append("The bureau's name was read from the page's title, not its text: check it.")
        draft.evidence[NAME] = (FROM_TITLE, title)
    _set_place(draft, placed, folded)
    if name_span and naming.is_the_city_above(
        bureau_place, placed.division
    ):  # 《呼和浩特市教育局…通知》 on a banner's page
        draft.warnings.append(f"The text names “{draft.name}”, the bureau of the city above the county: it is not "
                              "taken as this bureau's name.")  # fmt: skip
        draft.name = ""
        del draft.fact_spans[NAME]
    _walk(draft, folded)
    _cap(draft)
    _read_history(draft, folded, text)
    relevance.refuse_unless_about_a_bureau(draft, folded)
    _warn_missing(draft)
    return draft


def _placed_by_address(folded, url):
    """The division the address's host names, unless the text names a place elsewhere; else None."""
    division = outside.host_division(url)
    if division is None or outside.contradicted(division, [d for m in places.mentions(folded) for d in m.divisions]):
        return None
    return places.Placed(division=division, name=outside.host(url))


def _set_place(draft, placed, folded):
    division, former = placed.division, placed.former
    if division is not None:
        if former is not None:  # 武鸣县 is 武鸣区 now: placed, and the reviewer told
            draft.warnings.append(former.warning())
        draft.district = former.district_name if former else division.name
        draft.city = division.city.english if division.city else ""
        draft.province = division.province.english
        draft.division_code = division.code
        above = division.city.english if division.city else division.province.english
        slug = re.sub(r"[^a-z0-9]+", "-", gazetteer.fold(above) + " " + draft.district.lower()).strip("-")
        draft.slug = slug[:100]
    elif placed.candidates:
        draft.place_candidates = [str(d) for d in placed.candidates]
        # 鼓楼区 of Fuzhou, Nanjing, Xuzhou or Kaifeng: the name is sure when the city is not (as the English reader
        # leaves it); the province too where they share one.
        if len({d.name for d in placed.candidates}) == 1:
            draft.district = placed.candidates[0].name
        if len({d.province.code for d in placed.candidates}) == 1:
            draft.province = placed.candidates[0].province.english
        draft.warnings.append(
            f"“{placed.name}” may be any of: {'; '.join(draft.place_candidates)}. Choose the right one before publishing."
        )
    elif province := places.only_province(folded):  # 我县…被定为河南省…试点县: the county unnamed, its province not
        draft.province = province.english
        draft.warnings.append(
            f"Only the province ({province.chinese}) could be read: choose the county before publishing."
        )
    if not draft.slug:
        draft.slug = f"draft-{draft.sha256[:12]}"


def _add_duty(draft, start, end):
    item = draft.source_text[start:end].strip()
    offset = draft.source_text.find(item, start)
    draft.duties.append(DraftDuty("responsibility", "", item, (offset, offset + len(item))))


def _walk(draft, folded):
    text, section, seen_counts = draft.source_text, None, set()
    title_line = script.fold(draft.source_title or "", draft.language == "zh-Hant").strip()
    # A report on a year's work (政府信息公开工作年度报告, 工作总结) says what was done in duty-like words: there only
    # what is labelled or headed as the bureau's duties (主要职责, 职能) is read as duties.
    report = bool(REPORT_PAGE_RE.search(title_line + "\n" + folded[:REPORT_LEAD]))
    units, duty_runs = [], set() if report else layout.duty_runs(folded)
    open_department = None  # a department named on a line of its own, whose work the lines under it say
    for start, end, line in layout.lines(folded):
        stripped = line.strip(" |")
        if not stripped:
            continue
        marker = facts.numbered(line)
        body_start = start + (marker.end() if marker else 0)
        body = folded[body_start:end].strip()
        if section == "departments" and not marker and layout.names_a_department(stripped, alone=True):
            name_start = start + line.index(stripped)
            added = _add_department(draft, ((name_start, name_start + len(stripped)), (end, end)), start, end)
            open_department = (added, None) if added else None
            continue
        if open_department is not None:
            # "人事股…合署办公,其工作职能如下:" and "负责…" under 人事股 are its work, until a heading of the
            # page's own ("下设机构", "主要职责") or a numbered line ends the department's block.
            if not marker and not (
                layout.is_heading(stripped) and layout.section_of(stripped) and not stripped.endswith(":")
            ):
                department, since = open_department
                open_department = (department, since if since is not None else start)
                department.responsibility = text[open_department[1] : end].strip(" |\n")
                department.span = (department.span[0], end)
                continue
            open_department = None
        # A short numbered line is a heading ("一、内设机构") unless it ends like an item or says a duty under
        # the duties' heading ("8、负责全县校园安全的监督管理工作;").
        # "(一)主要职能" under "一、主要职能" starts with 主要 as "主要负责…" does, but is the heading again.
        # "(一)职能职责。": a heading that closes with a full stop is still the heading.
        bare = body.removesuffix("。")
        headed = layout.is_heading(bare) and layout.section_of(bare)
        says_a_duty = facts.DUTY_VERBS_RE.match(body) and not headed
        titled = headed and not facts.DUTY_VERBS_RE.match(bare)
        item = marker and not titled and (body.endswith((";", "。")) or (section == "duties" and says_a_duty))
        if (layout.is_heading(stripped) or (marker and titled)) and not body.startswith("|") and not item:
            heading = layout.section_of(stripped.removesuffix("。"))
            if heading or marker:
                section = heading or "other"  # under a heading of its own, verbs alone make no duties
                if report and section == "duties" and not re.search("职责|职能", stripped):
                    section = "other"  # a report's "(二)落实重点任务": tasks it carried out
                continue
        duties_cell = TABLE_DUTIES_RE.fullmatch(folded, start, end)
        if duties_cell:  # "| 主要职能 | 管理全县基础教育… |": a table row of the bureau's duties
            _add_duty(draft, duties_cell.start("value"), duties_cell.end("value"))
            continue
        entry = facts.department_entry(folded, body_start, end) if (marker or line.startswith("|")) else None
        if entry and section != "units" and (marker or section == "departments" or line.startswith("|")):
            _add_department(draft, entry, start if not marker else body_start, end)
            continue
        if marker and (section == "duties" or (section is None and not report and facts.DUTY_VERBS_RE.match(body))):
            # "(一)安义县教育体育局是…工作部门。主要职责是:贯彻…;推进…": the item holds the labelled duties.
            for clause in layout.labelled_duties(folded, body_start, end) or [(body_start, end)]:
                _add_duty(draft, *clause)
            continue
        if title_line and stripped == title_line:
            continue  # a headline restates what the page then says
        row = counts.row_type(folded, start, end)
        labelled_line = False  # "(一)职能职责贯彻执行…。拟定…。": after the label, the line's duty sentences are duties
        for s, e in layout.sentences(folded, start, end):
            if labelled_line and layout.is_duty_sentence(folded, s, e):
                _add_duty(draft, s, e)
                continue
            run = (s, e) in duty_runs and section != "others-work"  # under "职业教育司的职能:", a section's work
            if not marker and (run or (section == "duties" and layout.is_duty_sentence(folded, s, e))):
                # A paragraph of duties under their heading, "贯彻…;统筹…;主管…。", is one duty a clause; a sentence
                # after something else on its line (a department's name, its marker garbled) is that one's work.
                opens_its_line = not folded[start:s].strip(" |")
                clauses = layout.duty_clauses(folded, s, e) if opens_its_line and section == "duties" else []
                for clause in clauses if len(clauses) > 1 else [(s, e)]:
                    _add_duty(draft, *clause)
                continue
            labelled = layout.labelled_duties(folded, s, e)
            # Its label says what follows, under a heading of no section too ("一、部门概况"); under the departments'
            # or units' heading it is a department's or a unit's work.
            if labelled and section in (None, "duties", "other"):
                for clause in labelled:
                    _add_duty(draft, *clause)
                labelled_line = True
                continue
            for listed in facts.inline_lists(folded, s, facts.wrapped_end(folded, e)):
                if listed.is_units:
                    units.extend(text[a:b] for a, b in listed.names)
                    continue
                for a, b in listed.names:
                    _add_listed_department(draft, a, b)
                if listed.announced and listed.announced != len(listed.names):
                    draft.warnings.append(
                        f"The text says {listed.announced} departments but {len(listed.names)} were read: check the list."
                    )
            for found in (
                ()
                if _counts_a_larger_place(draft, folded, s, e)
                else counts.find_counts(folded, text, s, e, seen_counts, row)
            ):
                year = re.search(r"((?:19|20)\d\d)\s*年", folded[s : found.span[0]])
                draft.counts.append(
                    DraftCount(found.category, found.new_type_name, found.number, int(year.group(1)) if year else None,
                               "", found.span, phrase=text[found.phrase_span[0] : found.phrase_span[1]])
                )  # fmt: skip
            for a, b in facts.achievements(folded, text, s, e):
                draft.achievements.append(DraftAchievement(text[a:b], (a, b)))
            for match in re.finditer(rf"(?:{KINDS})\((?P<name>[^()]{{2,20}})\)", folded[s:e]):
                # a section's byline: 区教育局(基础教育科); "区教育局(区政府教育督导室)" is the bureau's second nameplate
                if facts.is_department_name(match.group("name")) and "政府" not in match.group("name"):
                    _add_listed_department(draft, s + match.start("name"), s + match.end("name"))
    if units:
        draft.warnings.append(
            "Affiliated units (not internal departments) are named: " + "、".join(units) + ". They are not "
            "imported as departments; add them by hand where the profile should list them."
        )


def _counts_a_larger_place(draft, folded, start, end):
    """Whether a sentence counts the schools of the prefecture above the page's county, or of a province
    ("白银市全市拥有26所完全高级中学…" on 会宁县's page): what it counts is not the county bureau's."""
    division = gazetteer.by_code().get(draft.division_code)
    if division is None:
        return False
    first = re.search(r"\d|[一二三四五六七八九十两]+[所个]", folded[start:end])
    lead = folded[start : start + (first.start() if first else end - start)]
    if re.search(r"全省|全国|全自治区", lead):
        return True
    above = division.city.chinese if division.city else ""
    short = re.sub(r"(?:市|地区|盟|自治州)$", "", above)
    said = bool(above) and (above in lead or (len(short) >= 2 and lead.startswith(short)))
    return said and division.chinese not in lead and division.chinese[:-1] not in lead


def _cap(draft):
    """A page with more items than a bureau profile has keeps the first ``MAX_ITEMS`` in all (what the admin
    can save, as for English pages), with a warning."""
    kinds = ("departments", "duties", "achievements", "counts")
    if sum(len(getattr(draft, kind)) for kind in kinds) <= MAX_ITEMS:
        return
    room = MAX_ITEMS
    for kind in kinds:
        items = getattr(draft, kind)
        del items[room:]
        room -= len(items)
    draft.warnings.append(f"The text lists more than {MAX_ITEMS} items; only the first {MAX_ITEMS} were read.")


def _add_department(draft, entry, start, end):
    """The department an entry names, added to the draft (None when the draft has it already)."""
    (name_start, name_end), (rest_start, rest_end) = entry
    name, note = _name_and_note(draft, name_start, name_end)
    if any(d.name == name for d in draft.departments):
        return None
    responsibility = draft.source_text[rest_start:rest_end].strip(" |")
    span = (name_start, rest_end) if responsibility else (name_start, name_end)
    department = DraftDepartment(name, responsibility, span, note)
    draft.departments.append(department)
    return department


def _name_and_note(draft, start, end):
    """The department's name and its second name in brackets, in the source's characters."""
    name, note = facts.name_and_note(script.fold(draft.source_text[start:end], draft.language == "zh-Hant"))
    name = draft.source_text[start : start + len(name)]
    return name, draft.source_text[start + len(name) + 1 : end - 1] if note else ""


def _add_listed_department(draft, start, end):
    name, note = _name_and_note(draft, start, end)
    if not any(d.name == name for d in draft.departments):
        draft.departments.append(DraftDepartment(name, "", (start, end), note))


def _read_history(draft, folded, text):
    founded = ESTABLISHED_RE.search(folded)
    # The bureau must be the subject, in the same sentence: "盐田区成立于1998年" under a byline naming the bureau is
    # the district's founding.
    subject = re.split(r"[。!?\n]", folded[max(0, founded.start() - 40) : founded.start()])[-1] if founded else ""
    if founded and re.search(rf"{KINDS}", subject):
        draft.established_year = int(founded.group("year"))
        draft.fact_spans[ESTABLISHED_YEAR] = (founded.start("year"), founded.end("year"))
    elif draft.name or BUREAU_RE.search(folded):
        for s, e in layout.sentences(folded, 0, len(folded)):
            sentence = folded[s:e]
            if (
                CEREMONY_RE.search(sentence)
                and re.search(KINDS, sentence)
                and not re.search(r"(?:19|20)\d\d", sentence)
            ):
                dated = PAGE_DATE_RE.search(folded, 0, s)
                if dated:  # a news item's founding "11月3日…成立" in the year of its dateline
                    draft.established_year = int(dated.group("year"))
                    draft.fact_spans[ESTABLISHED_YEAR] = (dated.start("year"), e)
                    break
    renamed = RENAMED_RE.search(folded)
    if renamed:
        draft.predecessor = text[renamed.start("old") : renamed.end("old")]
        draft.fact_spans[PREDECESSOR] = (renamed.start("old"), renamed.end("old"))
    address = next(
        (m for m in ADDRESS_RE.finditer(folded) if re.search(f"[{HAN}]", m.group("address") or m.group("label"))), None
    )
    if address:  # (an address has Chinese in it: "地址: jpbl@jp.jiupainews.com" is a mailbox)
        group = "address" if address.group("address") else "label"
        draft.address = text[address.start(group) : address.end(group)].strip()
        draft.fact_spans[LOCATION] = (address.start(group), address.end(group))


def _warn_missing(draft):
    if not draft.name:
        draft.warnings.append("The bureau's name could not be read: type it in before publishing.")
    if not draft.district and not draft.place_candidates:
        draft.warnings.append("The district or county could not be read: choose it before publishing.")
    if not draft.fact_count():
        draft.warnings.append(
            "No departments, duties, achievements, institution counts or founding date could be read."
        )
    for count in draft.counts:
        if count.new_type_name:
            draft.warnings.append(
                f"“{count.new_type_name}” ({count.count}) is not one of the shared institution types: "
                "it is proposed as a new type."
            )
