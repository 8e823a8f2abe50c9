"""How the importer reads a bureau's parts (departments) and what it runs (institution counts), in English and
Chinese, in the shapes of the untouched batches (en validation23, zh validation15) that found each rule."""

from bureaus.importer import parse_document
from bureaus.importer.chinese import script
from bureaus.importer.chinese.counts import find_counts as find_chinese_counts
from bureaus.importer.chinese.facts import inline_lists
from bureaus.importer.chinese.facts import is_department_name as is_chinese_department_name
from bureaus.importer.institutions import find_counts
from bureaus.importer.lists import announces_parts, department_list, is_department_name
from bureaus.importer.segments import Segment

FUNAN_RESPONSIBILITIES = (
    "The main responsibilities of Funan County Education Bureau:\n"
    "1. Participate in the research and formulation of the county-wide education development strategy.\n"
    "2, study and formulate the county education development plan and annual plan.\n"
    "Funan County Education Bureau basically has subordinate institutions.\n"
    "1, Office of Education Bureau. Assist the leaders of the Bureau to organize the daily work of the Bureau.\n"
    "2. Personnel Unit. To study and formulate the overall plan for the construction of teachers.\n"
)


def test_a_sentence_ending_on_the_kind_of_its_parts_announces_the_departments_that_follow():
    draft = parse_document(FUNAN_RESPONSIBILITIES, "page.txt")
    assert [d.name for d in draft.departments] == ["Office of Education Bureau", "Personnel Unit"]
    assert draft.departments[0].responsibility.startswith("Assist the leaders of the Bureau")
    # The announcing sentence is no duty; the two numbered duties above it are.
    assert [d.text[:24] for d in draft.duties] == ["Participate in the resea", "Study and formulate the "]


def test_what_announces_parts_and_what_does_not():
    assert announces_parts("Funan County Education Bureau basically has subordinate institutions.")
    assert announces_parts("The bureau has the following internal organs:")
    assert announces_parts("It has 8 functional departments.")
    assert not announces_parts("The bureau has institutions in every town and village.")
    assert not announces_parts("Schools of all levels have teachers.")


def test_what_a_bureau_has_jurisdiction_over_is_no_list_of_its_departments():
    text = (
        "It has jurisdiction over 16 functional units, rooms, libraries and stations, 30 central schools and 25 "
        "county-level schools, among which 13 private schools won the sixth, seventh and ninth municipal civilized units."
    )
    assert department_list(Segment(text, 0, len(text))) is None
    # Its counts stand, the schools' honour in the clause after them notwithstanding; "over" is the jurisdiction's.
    counted = [(c.number, c.phrase, c.approximate) for c in find_counts(text)]
    assert counted == [(16, "functional units", ""), (30, "central schools", ""), (25, "county-level schools", "")]


def test_a_clause_on_a_change_that_is_not_of_some_of_the_counted_still_drops_the_counts():
    assert find_counts("There are 30 primary schools, and 12 kindergartens were rebuilt this year.") == []
    assert [c.number for c in find_counts("It has 30 primary schools, of which 3 were rebuilt.")] == [30]


def test_a_title_won_is_no_department():
    assert not is_department_name("seventh and ninth municipal civilized units")
    assert is_department_name("Personnel Unit")


def test_a_chinese_list_whose_lead_gives_its_count_before_the_colon():
    # validation15 (格尔木): "教育局设职能科室3个:办公室、人秘科、教育科。"
    text = "教育局设职能科室3个:办公室、人秘科、教育科。"
    folded = script.fold(text)
    (listed,) = inline_lists(folded, 0, len(folded))
    assert [folded[s:e] for s, e in listed.names] == ["办公室", "人秘科", "教育科"] and not listed.is_units


def test_a_kindergartens_rooms_are_no_departments():
    # validation15 (东乌旗): "內設6個教學班及多功能室、舞蹈室、活動室等功能活動室" on a kindergarten's news.
    for room in ("多功能室", "舞蹈室", "活动室", "实验室", "阅览室"):
        assert not is_chinese_department_name(room)
    for department in ("办公室", "教育督导室", "教研室", "人秘科", "电教室"):
        assert is_chinese_department_name(department)
    draft = parse_document(
        "東烏旗教育局\n該園總投資821萬元,內設6個教學班及多功能室、舞蹈室、活動室等功能活動室,可容納180名幼兒。\n", ""
    )
    assert draft.departments == []


def test_village_and_complete_primary_schools_are_counted_as_primary_schools():
    # validation15: "中心小学21所,村小224所,教学点73个"; 完小 is a 完全小学.
    text = "全县现有各级各类公办学校356所,其中中心小学21所,村小224所,完小12所,教学点73个。"
    folded = script.fold(text)
    counted = {
        (c.number, folded[slice(*c.phrase_span)], c.category) for c in find_chinese_counts(folded, text, 0, len(text))
    }
    assert {(224, "村小", "primary-school"), (12, "完小", "primary-school")} <= counted


def test_chinese_counts_not_of_places_in_schools_nor_of_schools_pointed_back_at():
    # validation16 (湖里, 保靖): school places (学位) are no schools; "这三所学校" are the three already counted;
    # "数量达到27所" is a count though "到" also makes ranges ("3到5所").
    text = (
        "这八所公办幼儿园今年总共增加2010个公办幼儿园学位,高中新增2500个高中学位。"
        "湖里区现有公办幼儿园数量达到27所。这三所学校合计每年招生。全县有小学3到5所。"
    )
    folded = script.fold(text)
    counted = [(c.number, folded[slice(*c.phrase_span)]) for c in find_chinese_counts(folded, text, 0, len(text))]
    assert counted == [(27, "公办幼儿园")]


def test_numbered_items_run_together_on_one_line_are_read_one_by_one():
    # validation16 (广水): a PDF table cell's text, every duty on one line after the figures.
    text = (
        "广水市教育局 部门职能概述 单位:万元 2021 年 88.3% 合计 122641.5 "
        "(一)贯彻执行党和国家关于教育改革与发展的各项方针、政策、法律法规 "
        "(二)研究拟订全市教育发展规划并组织实施。 (三)统筹管理本部门教育经费,组织指导资助贫困家庭学生工作。\n"
    )
    draft = parse_document(text, "")
    assert [d.text[:6] for d in draft.duties] == ["贯彻执行党和", "研究拟订全市", "统筹管理本部"]
