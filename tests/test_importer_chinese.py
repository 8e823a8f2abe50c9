"""The Chinese reader (bureaus/importer/chinese): each recogniser on short sentences in the shapes real pages use."""

from pathlib import Path

import pytest

from bureaus.importer import DocumentError, parse_document
from bureaus.importer.chinese import numbers, script
from bureaus.places import gazetteer


def read(text, title=""):
    draft = parse_document(text, title)
    assert draft.unquoted() == []  # whatever it reads, every fact quotes its source
    return draft


def test_a_chinese_page_followed_by_its_english_translation_is_read_as_chinese():
    # Its letters are mostly Latin, but a Chinese character says about what an English word does.
    text = (
        "近几年来,南县教育局狠抓教育,全县少数民族教育事业有了很大的起色。全县有中小学校30所。\n"
        "In recent years, the Nanxian Education Bureau has paid close attention to education, and the "
        "education of ethnic minorities in the county has improved greatly. The county has 30 schools."
    )
    draft = read(text)
    assert (draft.language, draft.name) == ("zh-Hans", "南县教育局")
    assert parse_document("The Heping District Education Bureau (和平区教育局) runs 12 schools.").language == "en"


def test_folding_keeps_every_position_and_reads_full_width_and_traditional_forms():
    text = "（一）辦公室：負責全縣學校，共１２所。"
    folded = script.fold(text)
    assert len(folded) == len(text)
    assert folded == "(一)办公室:负责全县学校,共12所。"


def test_a_chinese_text_goes_to_the_chinese_reader_and_an_english_one_stays_english():
    assert read("和平区教育局是主管全区教育事业的区人民政府工作部门。").language == "zh-Hans"
    english = parse_document("The Heping District Education Bureau of Shenyang City runs 12 primary schools.")
    assert english.language == "en"


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("沈阳市和平区教育局是主管全区教育事业的区人民政府工作部门。", "沈阳市和平区教育局"),
        ("船山区教育和体育局召开会议。", "船山区教育和体育局"),
        ("东安县教体局组织全县教师培训。", "东安县教体局"),
        ("召陵区教育科技体育局发布通知。", "召陵区教育科技体育局"),
        ("大足区教委发布通知。", "大足区教委"),
    ],
)
def test_the_bureau_is_named_with_its_place_and_kind(sentence, name):
    draft = read(sentence)
    assert draft.name == name
    assert draft.quote(draft.fact_spans["name"]) == name


def test_a_scope_word_alone_is_no_name():
    draft = read("区教育局组织开展全区中小学安全检查。全区共有小学12所。")
    assert draft.name == ""
    assert any("name could not be read" in warning for warning in draft.warnings)


def test_the_place_comes_from_the_gazetteer_in_english_with_its_code():
    draft = read("沈阳市和平区教育局召开会议。")
    assert (draft.district, draft.city, draft.province, draft.division_code) == (
        "Heping District",
        "Shenyang",
        "Liaoning",
        "210102",
    )
    assert draft.slug == "shenyang-heping-district"


def test_a_name_several_divisions_share_is_resolved_by_its_parent_or_left_to_the_reviewer():
    assert read("海口市龙华区教育局召开会议。").city == "Haikou"
    draft = read("龙华区教育局召开会议。")
    # The name both share is the district's; which one (its code, its city) is the reviewer's to choose.
    assert (draft.district, draft.city, draft.division_code) == ("Longhua District", "", "")
    assert len(draft.place_candidates) == 2 and any("Shenzhen" in c for c in draft.place_candidates)
    assert any("may be any of" in warning for warning in draft.warnings)


@pytest.mark.parametrize(
    ("text", "title", "code"),
    [
        # The city written without 市 just before the district: pages write it so as often as with.
        ("深圳龙华区教育局召开会议。", "", "440309"),
        ("海口龙华区教育局召开会议。", "", "460106"),
        ("福州鼓楼区教育局召开会议。", "", "350102"),
        ("徐州鼓楼区教育局召开会议。", "", "320302"),
        ("北京朝阳区教育委员会召开会议。", "", "110105"),
        ("长春朝阳区教育局召开会议。", "", "220104"),
        ("拉萨城关区教育局召开会议。", "", "540102"),
        ("龙华区教育局召开会议。", "深圳龙华区教育局 机构职能", "440309"),  # the title names the parent
    ],
)
def test_a_shared_name_is_resolved_by_its_parent_written_without_its_kind(text, title, code):
    draft = read(text, title)
    assert (draft.division_code, draft.place_candidates) == (code, [])


@pytest.mark.parametrize(("name", "count"), [("鼓楼区", 4), ("朝阳区", 2), ("城关区", 2), ("新华区", 3), ("桥西区", 2)])
def test_a_shared_name_with_nothing_above_it_is_left_to_the_reviewer_with_every_candidate(name, count):
    draft = read(f"{name}教育局召开会议。全区共有小学12所。")
    assert draft.division_code == "" and draft.city == ""
    # The name they share, in English, is the district's: each candidate is one of that name.
    assert draft.district.endswith("District") and all(c.startswith(draft.district) for c in draft.place_candidates)
    assert len(draft.place_candidates) == count
    assert f"“{name}” may be any of: {'; '.join(draft.place_candidates)}." in " ".join(draft.warnings)


@pytest.mark.parametrize(
    ("text", "code", "district", "old"),
    [
        ("武鸣县教育局是主管全县教育工作的县政府工作部门。", "450110", "Wuming District", "武鸣县"),
        ("深圳市龙华新区教育局召开会议。", "440309", "Longhua District", "龙华新区"),
        ("鄞县教育局召开会议。", "330212", "Yinzhou District", "鄞县"),
        ("番禺市教育局召开会议。", "440113", "Panyu District", "番禺市"),
        ("横县教育局召开会议。", "450181", "Hengzhou City", "横县"),
        ("天津市塘沽区教育局召开会议。", "120116", "Binhai New Area", "塘沽区"),
        # Two divisions merged into an autonomous county (1956): a county gazetteer's history names both.
        ("泰康县教育局召开会议。", "230624", "Du'erbote Autonomous County", "泰康县"),
        ("杜尔伯特旗教育局召开会议。", "230624", "Du'erbote Autonomous County", "杜尔伯特旗"),
    ],
)
def test_an_older_page_finds_its_place_through_a_former_name_with_a_warning(text, code, district, old):
    draft = read(text)
    assert (draft.division_code, draft.district) == (code, district)
    division = gazetteer.by_code()[code]
    above = (division.city or division.province).english
    assert f"The page names {old}, now {division.chinese} ({above}): check it." in draft.warnings
    assert draft.quote(draft.fact_spans["name"]).startswith(text[: text.index("教育局")])  # the old name, cited


def test_a_new_area_one_with_a_district_keeps_its_own_name():
    draft = read("大连金普新区教育局召开会议。")
    assert (draft.division_code, draft.district, draft.city) == ("210213", "Jinpu New District", "Dalian")
    assert "The page names 金普新区, which the gazetteer files as 金州区 (Dalian): check it." in draft.warnings


def test_the_gazetteer_keeps_every_division_of_a_shared_chinese_name():
    # It kept the last one read for each name: 龙华区 was Haikou's only, Shenzhen's was lost.
    shared = gazetteer.chinese_named("龙华区")
    assert sorted(division.city.chinese for division in shared) == ["海口市", "深圳市"]
    assert gazetteer.chinese_named("不存在县") == []


def test_a_county_name_inside_a_phrase_is_no_place():
    draft = read("全南县教育局大力实施科教兴县战略。")
    assert draft.district == "Quannan County"  # not 兴县 in 科教兴县


def test_founding_year_renaming_and_address():
    draft = read("东安县教育局位于县城东安大道,始建于1949年9月。原东安县教育体育局体育职能划转,更名为东安县教育局。")
    assert draft.established_year == 1949
    assert draft.address == "县城东安大道"
    assert draft.predecessor == "东安县教育体育局"


def test_a_founding_ceremony_takes_the_year_of_the_pages_dateline():
    draft = read("发布时间:2019-02-26\n2月26日上午,通州区教育体育局正式成立。")
    assert draft.established_year == 2019


def test_an_inline_department_list_with_its_head_count():
    draft = read("南县教育局内设办公室、人事股、教育股、计财股等4个股室。")
    assert [d.name for d in draft.departments] == ["办公室", "人事股", "教育股", "计财股"]
    assert not any("says 4 departments" in warning for warning in draft.warnings)


def test_an_inline_list_that_runs_on_past_its_names_keeps_the_names_before():
    """The reader stops at the first item that is no department's name (it crashed there)."""
    draft = read("南县教育局内设办公室、人事股、你好。")
    assert [d.name for d in draft.departments] == ["办公室", "人事股"]


def test_numbered_departments_keep_their_responsibility_and_second_name():
    draft = read(
        "南县教育局\n内设机构\n（一）办公室。负责机关日常运转工作。\n（二）基础教育科（行政许可服务科）。负责基础教育管理。"
    )
    office, basic = draft.departments
    assert (office.name, office.responsibility) == ("办公室", "负责机关日常运转工作。")
    assert (basic.name, basic.note, basic.responsibility) == ("基础教育科", "行政许可服务科", "负责基础教育管理。")


def test_affiliated_units_are_kept_apart_from_departments_with_a_warning():
    draft = read("南县教育局内设办公室、人事股2个股室,下设教育科学研究中心、学生资助管理中心两个事业单位。")
    assert [d.name for d in draft.departments] == ["办公室", "人事股"]
    assert any("Affiliated units" in w and "教育科学研究中心" in w for w in draft.warnings)


def test_a_label_is_not_a_department():
    draft = read("南县教育局\n| 内容出处: | 《南县教育志》 |")
    assert draft.departments == []


def test_numbered_duties_under_their_heading():
    draft = read("南县教育局\n主要职责\n（一）贯彻执行国家教育方针。\n（二）承办县人民政府交办的其他事项。")
    assert [d.text for d in draft.duties] == ["贯彻执行国家教育方针。", "承办县人民政府交办的其他事项。"]
    assert {d.kind for d in draft.duties} == {"responsibility"}


def test_unnumbered_duty_paragraphs_are_duties_under_their_heading_or_in_a_run_of_their_own():
    # A 机构职能 page often gives its duties as plain paragraphs, with or without a heading over them.
    paragraphs = "负责南县教师工作,组织实施教师资格制度。\n指导南县学校的德育工作。\n承办县政府交办的其他事项。"
    draft = read(f"南县教育局\n{paragraphs}")
    assert [d.text for d in draft.duties] == paragraphs.split("\n")
    one_line = "負責南縣教育經費的管理。監督、指導全縣學校的教學活動。負責全縣教職工的調配工作。"
    assert len(read(f"南县教育局\n{one_line}").duties) == 3
    assert [d.text for d in read("南县教育局\n主要职责\n统筹管理全县民办教育。").duties] == ["统筹管理全县民办教育。"]


def test_a_single_sentence_starting_like_a_duty_outside_a_duties_heading_is_no_duty():
    draft = read("南县教育局召开全县教育工作会议。\n加强教师队伍建设是今年的重点。\n会议由局长主持。")
    assert draft.duties == []
    section = "负责全区学籍管理。负责制定学校办学标准。指导全区学校推广普通话。\n区教育局(基础教育科)"
    assert read(section).duties == []  # a department's work, bylined with its name


def test_numbered_items_under_another_heading_are_not_duties():
    draft = read("南县教育局\n三、工作重点\n1. 推进义务教育均衡发展。")
    assert draft.duties == []


def test_honours_and_ratings_but_not_progress():
    draft = read(
        "2019年,和平区教育局被评为“全国教育系统先进集体”,全县教育事业获得快速发展。"
        "先后通过义务教育发展基本均衡国家级验收、语言文字工作国家级督导评估验收。"
    )
    assert [a.text for a in draft.achievements] == [
        "被评为“全国教育系统先进集体”",
        "通过义务教育发展基本均衡国家级验收",
        "语言文字工作国家级督导评估验收",
    ]


def test_counts_by_type_with_chinese_type_words_and_numerals():
    draft = read("全县共有各级各类学校52所,其中幼儿园20所、小学18所、初级中学10所、九年一贯制学校一所,8箇中心校。")
    found = [(c.count, c.category, c.phrase) for c in draft.counts]
    assert (20, "kindergarten", "幼儿园") in found
    assert (18, "primary-school", "小学") in found
    assert (10, "junior-high-school", "初级中学") in found
    assert (1, "nine-year-school", "九年一贯制学校") in found  # 九 and 一 inside the name are not numbers
    new = {c.phrase: c.new_type_name for c in draft.counts if c.new_type_name}
    assert new == {"各级各类学校": "各级各类学校", "中心校": "中心校"}


@pytest.mark.parametrize(
    "sentence",
    [
        "全县在校学生4.5万人,教师3200人,教育投入2.6亿元,校舍面积2万平方米,入学率100%。",
        "全县民办幼儿园43所,寄宿制学校12所,省示范高中2所。",  # qualified sub-counts are no types
        "规划建设“二个幼儿园”、“三所学校”。",  # a plan's slogan
        "每年都会新建2至3所学校,改扩建幼儿园10所。",  # schools being built
        "全县有13个民族,800个教学班。",
    ],
)
def test_what_is_not_an_institution_count(sentence):
    assert read("南县教育局。" + sentence).counts == []


def test_chinese_numerals():
    assert [numbers.value(n) for n in ("一", "两", "十", "十三", "二十五", "一百零八", "12")] == [
        1,
        2,
        10,
        13,
        25,
        108,
        12,
    ]


@pytest.mark.parametrize(
    "text, reason",
    [
        ("教育局的科室设置可能会因地区而有所差异,但通常会包括以下几个科室。区县教育局一般设办公室。", "in general"),
        ("淮安教育局负责制定和实施淮安市教育发展战略。", "a province's or a city's education"),
        ("全区有边境旗市20个,记者从自治区教育厅获悉。", "a province's or a city's education"),
        # A city's own page in its own voice: its sections, or its overview under a short name a county shares.
        (
            "(一)办公室\n负责全市教育系统的文秘工作。\n(二)人事科\n负责市人民政府教育督导的日常工作。",
            "a city's education",
        ),
        (
            "湘潭市教育概况\n湘潭自古重教兴学,市政府高度重视教育。全市有普通小学391所,幼儿园645所。",
            "a city's education",
        ),
    ],
)
def test_a_page_about_no_county_bureau_is_refused_in_plain_words(text, reason):
    with pytest.raises(DocumentError, match=reason):
        parse_document(text)


def test_a_chinese_page_about_a_bureau_is_never_refused_for_saying_little():
    draft = read("巴林右旗教育园区项目是我旗校安工程的重要组成部分。")
    assert draft.division_code == gazetteer.chinese_named("巴林右旗")[0].code
    assert any("No departments" in warning for warning in draft.warnings)


def test_honours_quoted_side_by_side_are_each_one_and_winners_or_prize_money_are_none():
    draft = read(
        "船山区教育和体育局继荣膺“全国先进集体”“四川省教育工作先进集体”等荣誉后又获殊荣。"
        "获得者张三上台领奖,获得奖金20万元,获得该称号的地区仅有3个。"
    )
    assert [a.text for a in draft.achievements] == ["荣膺“全国先进集体”", "“四川省教育工作先进集体”"]


def test_honours_grouped_by_level_are_each_one():
    draft = read("南县教育局先后获得“省示范单位”等3项省级荣誉和“全国先进集体”、“全国文明单位”等2项国家级荣誉。")
    assert [a.text for a in draft.achievements] == ["获得“省示范单位”", "“全国先进集体”", "“全国文明单位”"]


def test_schools_closed_or_merged_and_classes_named_after_a_school_level_are_not_counts():
    draft = read("南县教育局。近年来:撤并教学点5个,村小学7个。全县共开设了6个民族初中班。全县共有小学12所。")
    assert [(c.count, c.phrase) for c in draft.counts] == [(12, "小学")]


def test_schools_honoured_or_being_built_are_not_counts():
    draft = read("南县教育局表彰了15所学校。全县新建5所公办幼儿园。全县共有小学12所。")
    assert [(c.count, c.phrase) for c in draft.counts] == [(12, "小学")]


def test_a_district_name_that_is_also_a_word_names_a_place_when_it_names_the_bureau():
    draft = read("阳泉市郊区教育局召开会议。郊区教育局表彰先进。")
    assert draft.division_code == gazetteer.chinese_named("阳泉市")[0].code[:4] + "11"
    assert read("郊区教育局召开会议。").place_candidates  # several 郊区: the reviewer chooses


@pytest.mark.parametrize(
    "text, reason",
    [
        ("容桂街道教育局召开大会,顺德区教育局副局长出席,容桂街道教育局局长讲话。", "subdistrict"),
        ("漯河市下辖源汇区、郾城区、召陵区。漯河市教育局负责全市教育。漯河市交通便利。", "a city and the districts"),
    ],
)
def test_a_page_about_a_town_or_a_whole_city_is_refused(text, reason):
    with pytest.raises(DocumentError, match=reason):
        parse_document(text)


def test_a_list_announced_in_one_clause_and_given_in_the_next():
    draft = read("宁县教育局内设机构共3个,分别是:办公室、人事股、基础教育股。")
    assert [d.name for d in draft.departments] == ["办公室", "人事股", "基础教育股"]


def test_a_list_of_second_level_units_after_a_colon_is_kept_apart():
    draft = read("宁县教育局下设六个二级机构:教研室、电教站、勤工俭学办公室。")
    assert draft.departments == []
    assert any("电教站" in warning for warning in draft.warnings)


def test_the_bureau_named_only_in_the_pages_title():
    draft = read("是宁县人民政府主管全县教育事业的工作部门。全县共有小学12所。", "宁县教育局")
    assert (draft.name, draft.district) == ("宁县教育局", "Ning County")
    assert "name" not in draft.fact_spans  # the title is not the stored text: no span is claimed
    assert any("from the page's title" in warning for warning in draft.warnings)


def test_a_page_with_thousands_of_items_is_capped_with_a_warning():
    draft = read("宁县教育局\n主要职责\n" + "\n".join(f"（{i}）负责全县教育工作。" for i in range(1, 60)) * 10)
    assert len(draft.duties) == 300
    assert any("only the first 300" in warning for warning in draft.warnings)


def test_the_cap_counts_every_kind_of_item_together_as_the_admin_saves_them():
    numerals = "零一二三四五六七八九"
    departments = "\n".join(
        f"（{i}）第{''.join(numerals[int(d)] for d in str(i))}科。负责全县第{i}片区教育工作。" for i in range(1, 91)
    )
    duties = "\n".join(f"（{i}）负责全县第{i}片区教育工作。" for i in range(1, 91))
    draft = read(f"宁县教育局\n内设机构\n{departments}\n主要职责\n{duties}\n部门职责\n{duties}\n机构职能\n{duties}")
    assert (len(draft.departments), len(draft.duties)) == (90, 210)  # 360 read, the first 300 kept
    assert "The text lists more than 300 items; only the first 300 were read." in draft.warnings


def test_invisible_characters_are_removed_from_a_chinese_page_with_a_warning_as_from_an_english_one():
    text = (Path(__file__).with_name("documents") / "chinese_bureau.txt").read_text(encoding="utf-8")
    sneaky = "\ufeff" + text.replace("教育局", "教育\u200b局", 1)
    draft = parse_document(sneaky, "page\u202e.txt")
    assert draft.source_text == text
    assert "invisible characters (U+FEFF, U+200B) were removed" in draft.warnings[0]
    assert draft.source_title == "page.txt"
    assert draft.unquoted() == []


def scanned_by_count_patterns(text, monkeypatch):
    """Characters the counts reader's regular expressions are handed while ``text`` is parsed, and the
    calls made: both grow with the text's length when the work does (no clock in a test)."""
    import cProfile
    import pstats
    import re

    from bureaus.importer.chinese import counts

    scanned = []

    class Counting:
        def __init__(self, pattern):
            self.pattern = pattern

        def __getattr__(self, name):
            method = getattr(self.pattern, name)
            if name not in ("search", "match", "finditer", "findall"):
                return method

            def counting(string, pos=0, endpos=None):
                scanned.append((len(string) if endpos is None else endpos) - pos)
                return method(string, pos, len(string) if endpos is None else endpos)

            return counting

    for name, value in list(vars(counts).items()):
        if isinstance(value, re.Pattern):
            monkeypatch.setattr(counts, name, Counting(value))
    profile = cProfile.Profile()
    profile.runcall(parse_document, text)
    monkeypatch.undo()
    return sum(scanned), pstats.Stats(profile).total_calls


@pytest.mark.parametrize("clause", ["全区共有小学12所、幼儿园7所,", "“小学”12所、“初中”3所、"])
def test_a_chinese_sentence_of_many_counts_is_read_in_work_linear_in_its_length(clause, monkeypatch):
    opening = "南县教育局位于南县。\n"
    parse_document(opening + clause)  # what is loaded once (the gazetteer) is not counted
    scanned, calls = scanned_by_count_patterns(opening + clause * 100, monkeypatch)
    scanned_twice, calls_twice = scanned_by_count_patterns(opening + clause * 200, monkeypatch)
    assert scanned_twice < 2.2 * scanned
    assert calls_twice < 2.2 * calls


# Issue 21: the page's title and address as evidence where the text says only 本局 / 全县.

SCOPE_ONLY = "本局是县人民政府主管全县教育事业的工作部门。\n内设机构\n（一）办公室。负责机关日常运转工作。\n（二）人事股。负责全县教师队伍管理工作。\n"


def test_the_title_is_recorded_as_the_evidence_of_the_name_and_place():
    draft = read(SCOPE_ONLY, "平遥县教育局 机构职能")
    assert (draft.name, draft.district, draft.slug) == ("平遥县教育局", "Pingyao County", "jinzhong-pingyao-county")
    assert draft.evidence == {"name": ("title", "平遥县教育局 机构职能"), "place": ("title", "平遥县教育局 机构职能")}
    assert draft.unquoted() == []


def test_the_address_places_a_page_that_says_only_the_county():
    draft = parse_document(SCOPE_ONLY, "page.txt", url="http://www.pingyao.gov.cn/zwgk/")
    assert (draft.district, draft.city, draft.province) == ("Pingyao County", "Jinzhong", "Shanxi")
    assert draft.name == ""  # neither the text nor the title names the bureau: no name is made up from the place
    assert draft.evidence == {"place": ("url", "www.pingyao.gov.cn")}
    assert any("read from the page's address (www.pingyao.gov.cn)" in warning for warning in draft.warnings)


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (SCOPE_ONLY + "本局位于河北省。", "www.pingyao.gov.cn"),  # the text names another province
        (SCOPE_ONLY, "www.heping.gov.cn"),
        (SCOPE_ONLY, "not a url at all"),
    ],
)
def test_an_address_that_is_not_one_place_or_that_the_text_contradicts_places_nothing(text, url):
    draft = parse_document(text, "page.txt", url=url)
    assert (draft.district, draft.evidence) == ("", {})


def test_the_text_wins_over_the_address():
    text = (Path(__file__).with_name("documents") / "chinese_bureau.txt").read_text(encoding="utf-8")
    draft = parse_document(text, "平遥县教育局", url="www.pingyao.gov.cn")
    assert (draft.name, draft.district, draft.evidence) == ("沈阳市和平区教育局", "Heping District", {})


# Second pass on the seen batches (2026-12-07) ------------------------------------------------------


def test_departments_listed_in_a_gazetteers_running_text_across_wrapped_lines():
    """A county gazetteer's history names the bureau's offices in its running text, hard-wrapped: "局设…",
    "编制有…", a union among them and a name broken by the wrap (left out, as no span quotes it whole)."""
    draft = read(
        "第三章 教育行政\n"
        "一九八四年复称文教局。1986年,安远县教育局编制有人事股、计财\n"
        "股、普教股、教育工会、电教站、督导室、招生办公室等。1992\n"
        "年,局设办公室、成教股、勤工俭学办公室等办事机构。1996年下设秘书股、初教股、中教股、职教股\n"
        "、双勤股和民族教育股。其下设图书馆、民众教育馆、巡教队等机构。\n"
    )
    assert [d.name for d in draft.departments] == [
        "人事股", "普教股", "电教站", "督导室", "招生办公室", "办公室", "成教股", "勤工俭学办公室",
        "秘书股", "初教股", "中教股", "职教股", "双勤股", "民族教育股",
    ]  # fmt: skip


def test_honours_given_to_many_are_no_bureaus_and_a_provinces_list_of_them_is_refused():
    """A province's news of who was honoured names a county bureau's head among the many: no bureau's page."""
    text = (
        "此次获国家表彰名单中,我省实验中学、师范大学附属中学等21个单位被授予“全国教育系统先进集体”称号;"
        "平顺县教育局局长张明和师范大学院长李华2人被授予“全国教育系统先进工作者”称号;"
        "实验小学王芳等42名教师被授予“全国优秀教师”称号。"
    )
    with pytest.raises(DocumentError, match="a province's list of honours"):
        parse_document(text)
    # The county's own page keeps its honour; a group's honour in it is the group's.
    draft = read("平顺县教育局被授予“全国教育系统先进集体”称号。全县32名教师被授予“优秀教师”称号。")
    assert [a.text for a in draft.achievements] == ["被授予“全国教育系统先进集体”称号"]


def test_a_countys_short_name_said_once_places_the_page_when_its_prefecture_is_named():
    """ "县教体局" and "许昌市委" with the county only in a slogan ("和谐鄢陵"): 鄢陵县 of 许昌市."""
    draft = read("日前,县教体局被许昌市委、市政府授予“市级文明单位标兵”称号,为建设和谐鄢陵作出新的更大贡献。")
    assert draft.division_code == gazetteer.chinese_named("鄢陵县")[0].code
    assert [a.text for a in draft.achievements] == ["被许昌市委、市政府授予“市级文明单位标兵”称号"]


def test_an_unplaced_county_page_takes_the_one_province_it_names():
    draft = read(
        "我县2018年成功创建全国义务教育发展基本均衡县。2021年被定为湖南省教育综合改革试点县。"
        "1998年被国家教育部评为全国“两基”先进县。"
    )
    assert (draft.district, draft.city, draft.province) == ("", "", "Hunan")
    assert [a.text for a in draft.achievements] == [
        "成功创建全国义务教育发展基本均衡县",
        "被国家教育部评为全国“两基”先进县",
    ]
    assert any("province" in warning for warning in draft.warnings)


def test_the_prefectures_bureau_is_not_the_name_of_a_county_placed_under_it():
    draft = read(
        "按照《呼和浩特市教育局关于报送中小学布局规划的通知》要求,现根据我旗实际情况,特制定土默特左旗中小学布局规划。"
        "全旗共有小学19所。"
    )
    assert draft.division_code == gazetteer.chinese_named("土默特左旗")[0].code
    assert draft.name == ""
    assert any("呼和浩特市教育局" in warning for warning in draft.warnings)


def test_a_statistics_rows_type_is_its_heading_and_the_row_counts_it():
    """ "——初中。校数13所;…": the number of schools of the type the row is headed with."""
    draft = read("安远县教育局2020年教育统计公报\n——初中。校数13所;毕业3584人。\n——幼儿园。校数20所;在园幼儿5000人。\n")
    assert [(c.count, c.category, c.phrase) for c in draft.counts] == [
        (13, "junior-high-school", "初中"),
        (20, "kindergarten", "幼儿园"),
    ]


def test_a_two_character_county_name_stands_as_a_place_before_what_it_belongs_to():
    draft = read("<正>横县隶属南宁市,地处北部湾经济区。该县共有小学12所。")
    assert draft.division_code == "450181"


def test_a_bare_schools_count_takes_the_level_its_sentence_is_about_and_a_tv_university_is_a_school():
    draft = read(
        "安远县教育局统计公报。全县高中段教育(包括普通高中和中职)共有学校6所;招生3133人。全县有电大1所,卫生学校1所。"
    )
    assert [(c.count, c.phrase) for c in draft.counts] == [(6, "高中段教育"), (1, "电大"), (1, "卫生学校")]


def test_a_bureau_given_as_an_example_of_its_level_neither_names_nor_places_the_page():
    """A page on bureaus' levels in general names 长沙市岳麓区教育局 only after 如 ("for example")."""
    text = (
        "湖南省教育厅的级别通常与地方政府的级别相对应。市级:各市级教育行政管理部门,如长沙市教育局,负责本市教育工作。"
        "县级:各县级教育行政管理部门,如长沙市岳麓区教育局,负责本县教育工作。一般来说,教育厅全称为湖南省教育厅。"
    )
    with pytest.raises(DocumentError, match="in general"):
        parse_document(text, "湖南省教育厅属于什么级别")
    assert read("岳麓区教育局负责全区教育工作,如长沙市岳麓区实验小学。").name == "岳麓区教育局"


def test_a_city_bureaus_speech_placed_only_by_a_countys_name_in_passing_is_refused():
    text = (
        "在此,我谨代表抚州市教育局对展示会南城馆顺利开馆表示热烈的祝贺!近年来,全市教育系统坚持立德树人,"
        "抚州市教育局荣获全国教育创新优秀奖。"
    )
    with pytest.raises(DocumentError, match="a city bureau's"):
        parse_document(text, "局长在南城馆开馆仪式上的致辞")


def test_a_list_announced_as_many_departments_then_given_after_mainly_including():
    draft = read(
        "永兴县教育局内设多个科室,主要包括办公室、人事科、基础教育科、督导室、招生考试科等,还设有教育工会、教育基金会等事业单位。"
    )
    assert [d.name for d in draft.departments] == ["办公室", "人事科", "基础教育科", "督导室", "招生考试科"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("盐城市建湖县教育局位于县城。", "建湖县教育局"),  # a county's bureau is named by the county alone
        ("湖南省永兴县教育局负责全县教育。", "永兴县教育局"),
        ("上海市崇明区教育局负责全区教育。", "上海市崇明区教育局"),  # a city's district's, with its city
    ],
)
def test_a_countys_bureau_is_named_without_its_prefecture(text, name):
    assert read(text).name == name


@pytest.mark.parametrize(
    "sentence",
    [
        "赤壁市教育局刘騉荣获教育宣传工作先进个人及“十佳优秀通讯员”称号。",  # a person's honour
        "其中一中、三中等10所学校被评为“文明礼仪教育示范学校”。",  # schools' honours
        "三中胡钰晴、城南雷彦菁等同学在活动中获得国家、省市一等奖或特等奖。",  # pupils' prizes
        "县职专重点学校已通过省级验收。",  # a school passed it
        "全县通过省“全面达小康”验收。",  # passed, but not in education
    ],
)
def test_honours_of_people_schools_and_pupils_or_outside_education_are_not_the_bureaus(sentence):
    assert read("赤壁市教育局。" + sentence).achievements == []


def test_honours_given_by_named_papers_chosen_or_commended_and_rankings_are_achievements():
    draft = read(
        "郸城县教育局连续五年被《中国教育报》《中国教师报》评为“宣传工作先进单位”。"
        "全县被选为全国幼儿教育先进县。县教育局被《湖北教育》表彰为教育宣传工作先进单位。全县教育综合评估居周口市第二名。"
    )
    assert [a.text for a in draft.achievements] == [
        "被《中国教育报》《中国教师报》评为“宣传工作先进单位”",
        "被选为全国幼儿教育先进县",
        "被《湖北教育》表彰为教育宣传工作先进单位",
        "居周口市第二名",
    ]


def test_schools_created_or_rated_are_not_counts_of_the_bureaus_schools():
    assert read("龙泉驿区教育局。创建市级规范化学校1所,市级示范工作站2个。全区有小学20所。").counts[0].count == 20
    assert len(read("龙泉驿区教育局。创建市级规范化学校1所。全区有小学20所。").counts) == 1


def test_a_countys_short_name_said_once_as_where_it_lies_places_the_page():
    draft = read("龙州地处广西西南边陲,是红八军故乡。目前全县有义务教育学校69所。")
    assert draft.division_code == gazetteer.chinese_named("龙州县")[0].code


def test_a_county_level_citys_page_speaking_as_the_city_is_a_draft_and_a_prefectures_is_refused():
    """A county-level city's bureau speaks of 全市 too, but its sections are 股 and it guides the towns itself."""
    draft = read(
        "1.研究制订全市教育事业的发展规划,指导、协调各镇乡的教育工作。\n2.承办市委、市政府交办的其他事项。\n"
        "内设股室分别是办公室、人事股、基础教育股、职业教育与成人教育股。"
    )
    assert [d.name for d in draft.departments] == ["办公室", "人事股", "基础教育股", "职业教育与成人教育股"]
    assert len(draft.duties) == 2
    with pytest.raises(DocumentError, match="city's education"):
        parse_document(
            "今年,我市联合技工学校以及市教育局被教育部表彰,获得全国职业教育先进单位荣誉称号。我市东华初级中学也受到表彰。"
        )


def test_readings_a_mirror_writes_after_characters_are_read_past_and_kept_in_the_quotes():
    text = "翔安區(qū)教育局關(guān)工委獲先進(jìn)集體榮譽稱號。新店中學(xué)被評為“示範學(xué)校”。"
    draft = read(text)
    assert draft.name == "翔安區(qū)教育局" and draft.quote(draft.fact_spans["name"]) == "翔安區(qū)教育局"
    assert draft.division_code == gazetteer.chinese_named("翔安区")[0].code
    assert [a.text for a in draft.achievements] == [
        "獲先進(jìn)集體榮譽稱號"
    ]  # the school's honour is not the bureau's
    assert draft.source_text == text and any("readings in brackets" in warning for warning in draft.warnings)


def test_schools_named_in_the_clause_before_an_honour_won_it_not_the_bureau():
    draft = read("翔安区教育局。内厝中学、诗坂中学和第一实验小学同时受到市关工委表彰,荣获市级优秀组织奖。")
    assert draft.achievements == []


def test_the_prefectures_or_provinces_counts_on_a_countys_page_are_not_the_countys():
    draft = read(
        "会宁县教育局。全县共有小学120所、幼儿园40所。白银市全市拥有26所完全高级中学、309所幼儿园。全省有幼儿园9000所。"
    )
    assert sorted((c.count, c.phrase) for c in draft.counts) == [(40, "幼儿园"), (120, "小学")]


def test_a_reduplicated_measure_word_is_many_not_one_and_a_tables_duties_row_is_a_duty():
    assert read("沭阳县教育局。一座座现代化校舍在乡镇拔地而起。").counts == []
    draft = read("沂水县教育局\n| 项目 | 内容 |\n| 主要职能 | 管理全县基础教育、职业教育、学前教育等 |\n")
    assert [d.text for d in draft.duties] == ["管理全县基础教育、职业教育、学前教育等"]


def test_a_traditional_page_folds_through_openccs_character_table_one_for_one():
    draft = read("蘆溪縣教育局榮獲全國教育系統先進集體稱號。")
    assert draft.division_code == gazetteer.chinese_named("芦溪县")[0].code and draft.name == "蘆溪縣教育局"
    assert script.fold("乾安縣", traditional=True) == "乾安县"  # 乾 is 干 or 乾: left as it is
    assert script.fold("蘆溪", traditional=False) == "蘆溪"  # a Simplified page keeps its few Traditional names


@pytest.mark.parametrize("text", ["全县被评为省级示范县。", "小康县建设。", "全省各市和县教育局。"])
def test_a_two_character_county_name_ending_a_common_word_is_no_place(text):
    draft = read("我县教育局。" + text)
    assert draft.division_code == ""


def test_a_county_made_a_district_is_found_by_its_old_name_with_a_warning_that_it_is_presumed():
    draft = read("近日,省教育厅正式命名徐水县为河北省农村职业教育与成人教育示范县。全省其中6个县被命名为省级示范县。")
    assert draft.division_code == gazetteer.chinese_named("徐水区")[0].code
    assert any("徐水县, which no division bears today" in warning for warning in draft.warnings)
    assert [a.text for a in draft.achievements] == ["徐水县为河北省农村职业教育与成人教育示范县"]
    assert gazetteer.formerly_named("Xushui County").division.chinese == "徐水区"
    assert gazetteer.formerly_named("开县") is None  # one character: a word in 召开县…


def test_a_bureau_named_once_above_a_page_about_another_county_is_not_its_bureau():
    text = (
        "麦盖提县教育局地址(解放前平原县的教育管理机构)\n清朝末年,山东省平原县仍设学署。宣统元年,平原县改学署为劝学所。"
        "民国时期,平原县设教育局。"
    )
    draft = read(text)
    assert draft.name == "" and draft.division_code == gazetteer.chinese_named("平原县")[0].code
    assert any("麦盖提县教育局" in warning for warning in draft.warnings)


def test_a_schools_own_page_of_duties_is_refused_and_a_budget_pages_general_budget_is_not_bureaus_in_general():
    with pytest.raises(DocumentError, match="school's own page"):
        parse_document(
            "(一)职能职责\n1.负责本校教育的统筹规划。\n2.负责本校教育督导工作。\n3.负责实施义务教育均衡发展。\n"
        )
    draft = read(
        "第一部分 区教育局单位概况\n一般公共预算支出情况说明\n一般公共预算基本支出情况说明\n主要职能\n"
        "1.贯彻执行党和国家关于教育工作的各项方针、政策。\n2.研究制定全区教育发展战略。\n"
    )
    assert len(draft.duties) == 2


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("白河县教体科技局分别荣获2023年度“人民满意单位”“提案办理先进单位”荣誉称号。", "白河县教体科技局"),
        ("镇安县科教局荣获全省教育系统先进集体称号。", "镇安县科教局"),
        ("石景山教委成立北京景山学校教育集团。", "石景山教委"),  # a district's stem of three characters
        (
            "深圳市教育局印发通报,深圳市教育局对南山区教育局给予通报表扬。",
            "南山区教育局",
        ),  # the county's, not the city's
    ],
)
def test_more_kinds_of_bureau_and_the_county_bureau_before_the_city_bureau_that_commends_it(text, name):
    assert read(text).name == name


def test_honours_won_in_a_year_and_commendations_but_not_those_who_won_being_given_their_awards():
    draft = read("白河县教体科技局分别荣获2023年度“人民满意单位”“提案办理先进单位”荣誉称号。")
    assert [a.text for a in draft.achievements] == ["荣获2023年度“人民满意单位”", "“提案办理先进单位”荣誉称号"]
    assert read("门头沟区教委。会上为荣获优秀教师、优秀教育工作者的个人和先进集体颁奖。").achievements == []
    assert [a.text for a in read("深圳市教育局对南山区教育局给予通报表扬。").achievements] == ["给予通报表扬"]


def test_a_provinces_department_listing_its_offices_is_refused():
    text = "海南省教育厅主要职责。内设机构:办公室、政策法规处、计划财务处、基础教育处、高等教育处。"
    with pytest.raises(DocumentError, match="教育厅"):
        parse_document(text, "海南省教育厅")


def test_a_citys_titles_outside_education_and_a_mailbox_are_not_the_bureaus():
    draft = read(
        "敦化市教育局。敦化市先后荣获国家卫生城、中国优秀旅游城、全国义务教育均衡发展先进地区等称号。邮箱地址:jpbl@jp.cn"
    )
    assert [a.text for a in draft.achievements] == ["全国义务教育均衡发展先进地区等称号"]
    assert draft.address == ""


def test_a_countys_short_name_said_again_and_again_outweighs_another_named_once_in_a_list():
    draft = read("福州市鼓楼区、福清市等地参加。福清被评为福建省教育工作先进县。福清教育局表示,福清将继续努力。")
    assert draft.division_code == gazetteer.chinese_named("福清市")[0].code


def test_a_bodys_honour_for_work_on_a_city_title_is_an_honour():
    draft = read("船山区教育和体育局继荣膺“全国文明城市创建工作先进集体”“四川省教育工作先进集体”之后又获殊荣。")
    assert "“全国文明城市创建工作先进集体”" in "".join(a.text for a in draft.achievements)


def test_departments_named_on_lines_of_their_own_own_the_lines_under_them():
    text = (
        "余干县教育局\n主要职责\n1、贯彻国家关于教育事业的方针政策,拟订全县教育事业的政策;\n"
        "2、负责全县校园安全的监督管理工作;\n3、承办县政府交办的其他工作。\n内设机构\n"
        "余干县教育局机关内设六个职能股室,其名称及职责如下:\n办公室\n负责机关综合性政务和事务管理。\n"
        "人事股(教师交流中心)\n人事股和教师交流中心合署办公,其工作职能如下:\n负责机关及下属单位的人事管理、教师调配。\n"
        "教育股\n制订教育发展规划。\n"
    )
    draft = read(text)
    assert [(d.name, d.note, d.responsibility) for d in draft.departments] == [
        ("办公室", "", "负责机关综合性政务和事务管理。"),
        (
            "人事股",
            "教师交流中心",
            "人事股和教师交流中心合署办公,其工作职能如下:\n负责机关及下属单位的人事管理、教师调配。",
        ),
        ("教育股", "", "制订教育发展规划。"),
    ]
    # A short numbered duty ("2、负责…;") is a duty, not a heading that swallows the ones after it.
    assert [d.text for d in draft.duties][1:] == ["负责全县校园安全的监督管理工作;", "承办县政府交办的其他工作。"]


def test_a_department_list_closed_by_its_count_without_a_measure_word():
    draft = read("大港区教育局位于大港区振兴路。教育局内设行政办公室、人事科等16科(室),行政编制57人。\n")
    assert [d.name for d in draft.departments] == ["行政办公室", "人事科"]
    assert any("16 departments but 2" in warning for warning in draft.warnings)


@pytest.mark.parametrize(
    ("sentence", "honours"),
    [
        ("眉县教育局报。经研究决定,授予眉县教育强县称号,并奖励人民币50万元。", ["教育强县称号"]),
        (
            "荣昌区教育局报。先后建成国家义务教育基本均衡区、全国中小学劳动教育实验区、成渝地区城乡义",
            ["建成国家义务教育基本均衡区", "全国中小学劳动教育实验区"],
        ),
        ("南山区教育局报。希望南山区教育局率先建成全国义务教育优质均衡发展区。", []),  # hoped for, not won
        # A title for the place's government in general is not its education's.
        ("荣昌区教育局报。荣昌区四次被国务院通报表彰为“落实有关重大政策措施真抓实干成效明显地方”。", []),
    ],
)
def test_titles_granted_built_hoped_for_and_outside_education(sentence, honours):
    assert [a.text for a in read(sentence).achievements] == honours


def test_a_provinces_notice_naming_counties_of_many_cities_is_refused():
    text = (
        "福建省人民政府教育督导办公室关于公布2012年度教育工作先进县名单的通知\n"
        "各设区市、有关县(市、区)人民政府:确认龙文区等10个县(市、区)为福建省2012年度教育工作先进县。\n"
        "漳州市:龙文区  长泰县\n泉州市:安溪县\n莆田市:仙游县\n三明市:将乐县  明溪县\n"
    )
    with pytest.raises(DocumentError, match="counties and districts of several cities"):
        parse_document(text, "")
    # A county's own page naming the county seat's neighbours is still its draft.
    draft = read("我县教育局(将乐县教育局)主管全县教育。全县有小学12所。\n")
    assert draft.district == "Jiangle County"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("科右前旗教育局局长指出,科右前旗民族教育有特色。\n", "152221"),  # 科尔沁右翼前旗
        ("长阳县教育局报道:全县有小学20所。\n", "420528"),  # 长阳土家族自治县
        # A county-level city's bare name as the subject of its honour: 潜江 is 潜江市.
        ("潜江被确定为“全国青少年校园足球示范县(区)”。市教育局大力推进校园足球。潜江被确定为示范县。\n", "429005"),
    ],
)
def test_short_forms_of_banners_autonomous_counties_and_bare_city_names_place_the_page(text, code):
    assert read(text).division_code == code


def test_short_forms_are_derived_for_every_autonomous_county_but_never_shadow_a_real_name():
    forms = gazetteer.chinese_short_forms()
    assert forms["长阳县"].chinese == "长阳土家族自治县" and forms["科右前旗"].chinese == "科尔沁右翼前旗"
    autonomous = [d for d in gazetteer.by_code().values() if d.level == "county" and "自治" in d.chinese]
    assert len([f for f in forms.values() if "自治" in f.chinese]) >= len(autonomous) - 6  # a few have no short stem
    assert all(not gazetteer.chinese_named(short) for short in forms)


def test_a_citys_news_naming_a_county_only_in_a_schools_name_is_refused():
    text = (
        "我市44所学校获评全国青少年校园足球特色学校\n本报讯 从市教育局获悉,我市大运小学、盐湖区红军小学、"
        "夏县第二初级中学等44所学校成功入选。近年来,我市高度重视校园足球,全市已创建特色学校183个。\n"
    )
    with pytest.raises(DocumentError, match="city's education"):
        parse_document(text, "")


def test_a_list_closed_by_its_count_after_a_name_ending_like_a_department():
    draft = read("大理市教育局是大理市政府的行政职能部门。局内设行政办公室、人事处、名师管理中心等八个科室。\n")
    assert [d.name for d in draft.departments] == ["行政办公室", "人事处", "名师管理中心"]


def test_a_sections_own_functions_are_not_the_bureaus_duties_and_an_address_said_with_weizhi():
    text = (
        "乐平市教育局是乐平市教育主管部门。教育局机关办公地址位于洎阳中路,机关在职干部职工106人。\n"
        "职业教育司的职能:\n拟定中等职业教育发展规划并指导实施。\n负责职业学校的审核工作。\n组织职业教育的评估工作。\n"
    )
    draft = read(text)
    assert draft.duties == [] and draft.address == "洎阳中路"


def test_a_schools_own_page_that_names_the_bureau_above_it_is_refused():
    text = "2021年度 耒阳市第四中学部门决算\n一、部门职责\n我校是耒阳市教育局直属单位,主要职责是普通高中教育。\n"
    with pytest.raises(DocumentError, match="school's own page"):
        parse_document(text, "")


@pytest.mark.parametrize(
    "sentence",
    [
        "龙湖区教育局报。这是龙湖区获得的第一个省级的光荣称号。",  # the title it won, spoken of
        "衡南县教育局报。通过评估学前教育普及普惠工作的实际成效,推动发展。",  # by assessing
        "昆都仑区教育局报。先后获得国家“中华传统美德教育”优秀实验区、全国未成年人思想道德建",  # cut off by the excerpt
    ],
)
def test_what_only_sounds_like_a_title_is_not_an_honour(sentence):
    honours = [a.text for a in read(sentence).achievements]
    assert not any("光荣称号" in h or "实际成效" in h or h.endswith("道德建") for h in honours), honours


def test_a_duties_heading_said_again_under_a_number_is_no_duty_and_a_science_and_technology_bureau_is_named():
    # validation12 (元谋, 朝天): "(一)主要职能" under "一、主要职能"; "教育和科学技术局" is a bureau's kind.
    text = (
        "广元市朝天区教育和科学技术局2024年部门预算\n一、主要职能\n(一)主要职能\n"
        "1.贯彻执行国家教育方针和政策,推进义务教育均衡发展。\n2.负责全区基础教育的统筹规划和协调管理。\n"
    )
    draft = read(text)
    assert draft.name == "广元市朝天区教育和科学技术局"
    assert [d.text for d in draft.duties] == [
        "贯彻执行国家教育方针和政策,推进义务教育均衡发展。",
        "负责全区基础教育的统筹规划和协调管理。",
    ]


def test_a_districts_founding_under_the_bureaus_byline_and_its_departments_said_as_the_offices_it_is_made_of():
    # validation13 (盐田): 盐田区成立于1998年 is the district's; 机关由…组成 lists the departments; the bureau's second
    # nameplate in brackets (区政府教育督导室) is no department.
    text = (
        "盐田区教育局\n\n"
        "  盐田区成立于1998年3月,位于深圳市东部。区教育局(区政府教育督导室)机关由办公室、人事科、基础教育科、"
        "教育督导科(盐田区人民政府教育督导室)组成,下设2个事业单位。\n"
    )
    draft = read(text)
    assert draft.established_year is None
    assert [d.name for d in draft.departments] == ["办公室", "人事科", "基础教育科", "教育督导科"]


def test_a_countys_titles_in_another_field_are_not_its_educations_honours():
    # validation14 (巴彦): 全国、省粮食生产先进县 is the county's grain, not its schools'.
    text = (
        "巴彦县教育局\n巴彦县系全国商品粮基地县,曾多次被评为全国、省粮食生产先进县。"
        "全县教育系统荣获省级教育工作先进县称号。\n"
    )
    draft = read(text)
    assert [a.text for a in draft.achievements] == ["荣获省级教育工作先进县称号"]


# Budget and final-accounts pages (部门预算/决算), from the untouched batch zh validation18.


def test_circled_numbers_mark_items_as_other_numbers_do():
    text = (
        "临湘市教育体育局部门决算\n一、部门职责\n"
        "①.贯彻执行党和国家教育的工作方针、政策、法律、法规;制定本市教育事业发展规划;\n"
        "②负责管理全市基础教育、职业技术教育、成人教育工作;\n"
    )
    duties = [duty.text for duty in read(text).duties]
    assert duties == [
        "贯彻执行党和国家教育的工作方针、政策、法律、法规;制定本市教育事业发展规划;",
        "负责管理全市基础教育、职业技术教育、成人教育工作;",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a numbered item holding the bureau's role, then its duties after their label
        "安义县教育体育局部门决算\n一、部门主要职能\n(一)安义县教育体育局是县人民政府主管教育、体育事业的工作部门。"
        "主要职责是:贯彻执行党和国家的教育、体育工作方针政策;积极推进教育、体育管理体制改革;统筹管理县本级教育经费。\n",
        # a PDF's cells run into one line, the label followed by a space, under a heading of no section
        "安义县教育体育局部门决算 目录 一、主要职能 二、部门基本情况\n第一部分 部门概况 (一)主要职能 "
        "贯彻执行党和国家的教育、体育工作方针政策;积极推进教育、体育管理体制改革;统筹管理县本级教育经费\n",
        # the duties said after 主要肩负着 (a Traditional page's 著)
        "安义县教育体育局部门决算\n(一)主要职能\n安义县教育体育局是全县的教育管理机构,主要肩负著贯彻执行党和国家的教育、"
        "体育工作方针政策;积极推进教育、体育管理体制改革;统筹管理县本级教育经费。\n",
    ],
    ids=["in-a-numbered-item", "a-pdfs-cells-on-one-line", "after-zhuyao-jianfuzhe"],
)
def test_duties_said_after_their_label_in_one_sentence_are_one_a_clause(text):
    draft = read(text)
    assert [duty.text for duty in draft.duties] == [
        "贯彻执行党和国家的教育、体育工作方针政策",
        "积极推进教育、体育管理体制改革",
        "统筹管理县本级教育经费",
    ]
    assert all(text[s:e] == d.text for d in draft.duties for s, e in [d.span])  # each cites its own words


def test_a_table_of_contents_naming_the_duties_heading_is_no_duty():
    text = "凤庆县教育体育局部门决算 目录 第一部分 部门概况 一、主要职能 二、部门基本情况 第二部分 部门决算表\n"
    assert read(text).duties == []


def test_an_office_address_said_with_zai_is_read_but_a_question_is_not():
    text = "钦北区教育局内设办公室、人事股。办公地址在钦北区行政信息中心教育局大楼。\n"
    assert read(text).address == "钦北区行政信息中心教育局大楼"
    assert read("三明市大田县教育局电话是什么?地址在哪?上班时间!\n大田县教育局负责全县教育工作。\n").address == ""


def test_a_prefectures_bureaus_own_accounts_are_refused_however_much_structure_they_list():
    text = (
        "临沧市教育体育局部门2023年度部门决算\n一、主要职能\n"
        "(一)贯彻落实国家、省关于教育体育工作的法律、法规和方针政策;\n(二)研究提出全市教育体育改革与发展战略;\n"
    )
    with pytest.raises(DocumentError, match="临沧市教育体育局, the bureau of a prefecture-level city"):
        read(text)


# From the untouched batch zh validation19 (disclosure reports and self-assessments).


def test_a_paragraph_of_duties_under_their_heading_is_one_duty_a_clause_but_a_departments_work_is_not():
    text = (
        "岳阳县教育体育局部门整体支出绩效自评报告\n职能职责概述 |\n"
        "贯彻落实党和国家的教育方针、政策;统筹管理全县初等、中等学历教育;主管全县学校招生考试。\n"
    )
    assert [duty.text for duty in read(text).duties] == [
        "贯彻落实党和国家的教育方针、政策",
        "统筹管理全县初等、中等学历教育",
        "主管全县学校招生考试",
    ]
    # After a department's name on the same line (its marker garbled), the sentence is that department's work.
    garbled = (
        "铁岭县教育局概况\n一、主要职责\n?。党群办公室(信访)。负责机关的党群工作;受理人民群众来信;承办教育信访案件。\n"
    )
    assert len(read(garbled).duties) == 1


def test_a_short_name_that_is_a_common_word_after_de_is_no_place():
    # 合作 is 合作市's short name and the word "cooperation": "加强与企业的合作," names no county.
    text = (
        "吉林省教育厅是吉林省人民政府的直属机构,负责全省教育工作。\n"
        "未来,吉林省教育厅还可以加强与企业的合作,促进校企合作,推动产教融合。\n"
    )
    with pytest.raises(DocumentError):
        read(text)


def test_schools_something_is_done_to_are_no_count():
    text = "泾县教育体育局2023年度政府信息公开工作年度报告\n对6所学校试点推行信息公开。全县共有小学30所。\n"
    assert [(c.count, c.phrase) for c in read(text).counts] == [(30, "小学")]


def test_a_report_on_how_the_tasks_went_is_no_list_of_duties():
    text = (
        "长乐区教育局2023年政府信息公开工作年度报告\n(一)主要任务落实情况:\n"
        "1.做好教育项目建设等信息公开\n2.做好教育收费信息公开\n"
    )
    assert read(text).duties == []


# From the untouched batch zh validation20.


def test_numbered_items_run_together_after_full_stops_are_read_one_by_one():
    text = (
        "徐闻县教育局部门决算\n(一)部门主要职责\n徐闻县教育局是管理教育教学工作行政单位。主要职责有:\n"
        "1、全面贯彻党和国家的教育方针,并负责实施。2、研究制订全县教育事业的发展规划。3、统筹规划教育体制改革。\n"
    )
    assert [duty.text for duty in read(text).duties] == [
        "全面贯彻党和国家的教育方针,并负责实施。",
        "研究制订全县教育事业的发展规划。",
        "统筹规划教育体制改革。",
    ]


def test_a_duties_label_with_words_before_its_colon_and_guiding_words_before_the_duties():
    text = (
        "施甸县教育体育局2020年度部门整体支出绩效自评报告\n(一)部门概况\n2020年我部门主要职能职责教育为主:"
        "坚持以习近平新时代中国特色社会主义思想为指导,贯彻执行党和国家的教育方针、政策;负责各级各类学校的统筹规划;"
        "主管教师工作;\n"
    )
    assert [duty.text for duty in read(text).duties] == [
        "贯彻执行党和国家的教育方针、政策",
        "负责各级各类学校的统筹规划",
        "主管教师工作",
    ]
    # "主要职能部门有:" lists parts, not duties.
    assert read("南县教育局\n主要职能部门有:办公室、人事股、计财股。\n").duties == []


def test_a_report_on_a_years_work_has_no_duties_but_those_labelled_so():
    text = (
        "宁国市教育体育局2023年政府信息公开工作年度报告\n(二)落实重点任务\n"
        "贯彻落实全局政务公开年度重点任务安排,及时公开教育体育改革等各项工作的政策措施。\n"
        "加强局官方微信公众号运营管理,全年发布推文312条。建立平台信息更新维护机制,及时排查整改错链。"
        "负责信息公开工作的监督保障。\n一、建立组织管理体系。根据工作部署,我局结合实际开展工作。\n"
    )
    assert read(text).duties == []
    labelled = text + "宁国市教育体育局主要职责是:贯彻执行党和国家的教育方针;统筹管理全市基础教育。\n"
    assert [duty.text for duty in read(labelled).duties] == ["贯彻执行党和国家的教育方针", "统筹管理全市基础教育"]


def test_a_numbered_heading_closing_with_a_full_stop_is_still_a_heading():
    # zh validation21 (奉节): "(一)职能职责。" over the numbered duties.
    text = "奉节县教育委员会部门预算\n(一)职能职责。\n1.全面贯彻教育工作的法律、法规和方针政策。\n2.积极推进教育督导工作。\n"
    assert [duty.text for duty in read(text).duties] == [
        "全面贯彻教育工作的法律、法规和方针政策。",
        "积极推进教育督导工作。",
    ]
    # … but a numbered duty that ends with 任务 is a duty: "10.完成区委交办的其他任务。"
    text = "长寿区教育委员会\n一、主要职责\n1.贯彻执行国家的教育方针。\n2.完成区委交办的其他任务。\n"
    assert len(read(text).duties) == 2


# From the untouched batch zh validation22.


def test_an_encyclopedia_page_on_a_provinces_department_is_refused_whatever_district_its_address_names():
    text = (
        "西藏自治区教育厅\n\n西藏自治区教育厅\n实际地址西藏自治区拉萨市城关区藏大东路15号\n"
        "西藏自治区教育厅是西藏自治区人民政府管理教育的组成部门。内设办公室、人事科、计财科。\n"
    )
    with pytest.raises(DocumentError, match="教育厅, named at its head"):
        read(text)


def test_duties_run_into_their_heading_and_the_lines_sentences_after_it_are_duties():
    text = (
        "铜梁区教委2020年度部门决算\n一、部门基本情况\n"
        "(一)职能职责贯彻执行教育工作的法律、法规和方针政策,指导全区教育工作。拟定全区各级各类教育事业发展规划。"
        "管理和指导普通高中、职业教育。负责全区各类学校学籍管理。\n"
    )
    assert [duty.text for duty in read(text).duties] == [
        "贯彻执行教育工作的法律、法规和方针政策,指导全区教育工作",
        "拟定全区各级各类教育事业发展规划。",
        "管理和指导普通高中、职业教育。",
        "负责全区各类学校学籍管理。",
    ]


# From the untouched batch zh validation23.


def test_an_autonomous_prefectures_accounts_are_refused_and_quanzhou_is_its_scope_not_a_county():
    # 全州 is "the whole prefecture" in 楚雄州's accounts, not 全州县 (Guilin); 楚雄州 is 楚雄彝族自治州.
    text = (
        "楚雄州教育局2018年度部门决算说明\n第一部分 楚雄州教育局概况\n一、主要职能\n"
        "(一)负责各级各类教育的统筹规划和协调管理,拟订全州教育事业发展规划并组织实施。\n"
        "(二)指导全州中等职业教育及其以下学校的教育教学工作。\n"
    )
    with pytest.raises(DocumentError, match="a prefecture's bureau, named at its head"):
        read(text)
    from bureaus.importer.chinese import places

    assert places.prefecture_short_forms()["楚雄州"].chinese == "楚雄彝族自治州"
    assert places.prefecture_short_forms()["黔东南州"].chinese == "黔东南苗族侗族自治州"
    assert "全州" not in places.short_names()
