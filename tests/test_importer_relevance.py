"""Which pages the importer refuses as about no county-level bureau (bureaus/importer/relevance.py and
bureaus/importer/chinese/relevance.py), in the shapes of the untouched batches that found each rule."""

import pytest

from bureaus.importer import DocumentError, parse_document


def test_a_citys_bureau_whose_district_is_named_only_in_its_address_is_refused():
    # validation20 (Zhengzhou): the city's bureau sits in one of its districts; that district places nothing.
    text = (
        "Zhengzhou Education Bureau\nAddress: Zhongyuan West Road, Zhongyuan District, Zhengzhou 182\n"
        "Responsibilities of Zhengzhou Education Bureau:\n(a) to formulate the city's education plan.\n"
        "(b) to guide the city's schools and the education work of counties (cities) and districts.\n"
        "(c) responsible for the statistics of the city's education.\n"
    )
    with pytest.raises(DocumentError, match="city's education"):
        parse_document(text, "page.txt")


def test_a_countys_bureau_whose_address_names_its_own_district_is_kept():
    text = (
        "Heping District Education Bureau\nAddress: 5 Nanjing Road, Heping District, Shenyang\n"
        "Responsibilities of Heping District Education Bureau:\n(a) to formulate the district's education plan.\n"
        "(b) to guide the district's schools.\n(c) responsible for the statistics of the city's education.\n"
    )
    draft = parse_document(text, "page.txt")
    assert draft.district == "Heping District" and len(draft.duties) == 3


def test_a_page_on_the_role_of_the_education_bureau_with_no_place_is_refused():
    # validation20: departments and duties of "the Education Bureau", which is every bureau and none.
    text = (
        "I. Responsibilities of all departments of the Education Bureau\n1. office: mainly responsible for the "
        "coordination of the bureau. Usually, it also drafts work plans.\n2. Personnel Department: it is mainly "
        "responsible for personnel management.\nSecondly, the role of the Education Bureau.\nThe role of the "
        "Education Bureau is to manage all the subordinate educational institutions in a unified way.\n"
    )
    with pytest.raises(DocumentError, match="education bureaus in general"):
        parse_document(text, "page.txt")


def test_a_chinese_citys_bureau_guiding_its_districts_and_counties_governments_is_refused():
    # validation12 (眉山): "督导评估区县政府" is the city's work over its counties, not a county's own words.
    text = (
        "2023年度眉山市教育和体育局部门决算\n一、部门职责\n"
        "(一)贯彻执行党和国家教育、体育工作的方针、政策和法律、法规,制定有关具体意见和办法并监督实施。\n"
        "(二)编制全市教育、体育事业发展规划,指导、协调教育、体育规划和计划的实施。\n"
        "(三)统筹管理全市基础教育、职业教育;协调指导区县和部门的教育、体育工作,督导评估区县政府的教育工作。\n"
    )
    # The page's own bureau is the prefecture's: refused as such, however many duties it lists.
    with pytest.raises(DocumentError, match="眉山市教育和体育局, the bureau of a prefecture-level city"):
        parse_document(text, "")


def test_a_chinese_county_bureau_speaking_of_its_county_government_is_kept():
    text = (
        "2023年度南乐县教育局部门预算\n一、部门职责\n(一)贯彻执行党和国家的教育方针、政策。\n"
        "(二)拟定全县教育事业发展规划,报县政府批准后组织实施。\n(三)统筹管理全县基础教育。\n"
    )
    draft = parse_document(text, "")
    assert draft.name == "南乐县教育局" and len(draft.duties) == 3


def test_a_bureau_named_by_its_prefecture_level_city_is_refused_though_the_page_never_says_city():
    # validation21 (Shijiazhuang): "in this region", "in its jurisdiction", never "city".
    text = (
        "As a local education administrative department, Shijiazhuang Education Bureau has the following functions:\n"
        "1. Education management: Shijiazhuang Education Bureau is responsible for the management of schools.\n"
        "2. Education planning: Shijiazhuang Education Bureau is responsible for education planning in this area.\n"
    )
    with pytest.raises(DocumentError, match="prefecture-level city of Shijiazhuang"):
        parse_document(text, "page.txt")


def test_a_provinces_notice_naming_one_county_as_the_first_of_many_is_refused():
    # validation14 (江苏省教育厅): the stored excerpt names only 秦淮区, "等38个县(市、区)" says it is one of many.
    text = (
        "江苏省教育厅网站公示了已达到国家义务教育优质均衡发展县申报条件的38个县(市、区)\n"
        "经县级自评、市级复核、省级督导评估等程序,南京市秦淮区等38个县(市、区)已达到国家义务教育优质均衡发展县"
        "申报条件,拟申报国家评估认定,现予以公示。\n"
    )
    with pytest.raises(DocumentError, match="a list of many"):
        parse_document(text, "")


def test_a_county_named_in_two_forms_is_one_place_and_its_schools_news_a_draft_placed_there():
    # validation23 (Ximeng): "Ximeng County" and "Ximeng Wa Autonomous County" are one division, not two places
    # that leave the page unplaced (and so refused).
    text = (
        "As a nation living in Ximeng County, Awa Mountains, Yunnan Province, the Wa people have long lacked schools.\n"
        "The establishment of Ximeng No. 1 Middle School has built a bridge for the development of education.\n"
        "Three years ago Nahua entered the class of Ximeng Wa Autonomous County No. 1 Middle School, where the "
        "teachers of Ximeng have taught students from every village; this year 280 students of Ximeng No. 1 Middle "
        "School took the examination and the school's teachers saw them go on.\n"
    )
    draft = parse_document(text, "page.txt")
    assert (draft.district, draft.city, draft.province) == ("Ximeng Wa Autonomous County", "Pu'er", "Yunnan")


def test_a_former_county_level_citys_page_in_its_own_voice_is_placed_at_the_district_it_became():
    # validation15 (胶南市, since 2012 part of 黄岛区): its 全市 and 市政府 are a county-level city's, not a prefecture's.
    text = (
        "近年来,胶南市委,市政府通过创新城乡教育统筹发展机制,推动了全市农村义务教育的均衡发展。"
        "这也使得胶南市先后荣获了“山东省农村教育工作先进市”等荣誉称号。\n"
    )
    draft = parse_document(text, "")
    assert draft.division_code == "370211"
    assert any("山东省农村教育工作先进市" in achievement.text for achievement in draft.achievements)


def test_a_citys_bureau_on_several_of_its_counties_is_refused_though_one_is_placed():
    # validation24 (Jiangmen): "1 in Pengjiang, Jianghai, Taishan and Heshan, 3 in Xinhui", then Pengjiang's schools.
    text = (
        "Jiangmen will run 7 more private schools\n\nYesterday, according to Jiangmen education bureau, Jiangmen has "
        "7 schools as major bases, including 1 in Pengjiang, Jianghai, Taishan and Heshan, 3 in Xinhui.\n\n"
        "Pengjiang District has 10 junior high schools, 9 in old town.\n"
    )
    with pytest.raises(DocumentError, match="and 5 of the city's counties and districts"):
        parse_document(text, "page.txt")


def test_a_county_bureau_naming_its_city_and_one_neighbour_is_kept():
    text = (
        "Pengjiang District Education Bureau runs 10 junior high schools. Like Jianghai, the district follows the "
        "plans of Jiangmen Education Bureau.\n"
    )
    assert parse_document(text, "page.txt").district == "Pengjiang District"


def test_a_county_a_machine_translation_writes_with_a_parted_syllable_is_placed():
    # validation24 (Qin'an): "Qin 'an County", its apostrophe set off by a space.
    text = (
        "Qin 'an County is one of the national key counties for poverty alleviation. Longcheng Town is the most "
        "remote township in Qin 'an County. Rural schools in Qin 'an are becoming deserted, and the county built "
        "an education park of three schools so that students and teachers stay.\n"
    )
    draft = parse_document(text, "page.txt")
    assert (draft.division_code, draft.city, draft.province) == ("620522", "Tianshui", "Gansu")


def test_a_chinese_district_name_several_cities_share_is_read_with_its_candidates():
    # validation16 (鼓楼区 of Fuzhou, Nanjing, Xuzhou, Kaifeng): the name is sure, the city is the reviewer's.
    draft = parse_document(
        "2018年部门预算经鼓楼区十七届人大二次会议审议通过。\n一、部门主要职责\n"
        "教育局的主要职责是:主要负责辖区内学前教育、义务教育、扫盲教育及成人教育的管理。\n",
        "",
    )
    assert draft.district == "Gulou District" and draft.division_code == "" and len(draft.place_candidates) >= 3
    assert [d.text for d in draft.duties] == ["主要负责辖区内学前教育、义务教育、扫盲教育及成人教育的管理"]


def test_one_countys_school_story_naming_it_once_is_a_draft_placed_there():
    # validation25 (Mohe): a principal's story at China's northernmost school, the county named in passing.
    text = (
        "Principal of China's northernmost school\n\nZhang Wei is the principal of Beiji Village School in Mohe "
        "City, Heilongjiang Province. The school has 30 students and 9 teachers; every morning the teachers walk "
        "the students to school across the snow, and the school keeps its pupils warm.\n"
    )
    draft = parse_document(text, "page.txt")
    assert (draft.division_code, draft.name) == ("232701", "")
    assert "never names an education bureau" in draft.warnings[0]


def test_counts_nothing_ties_to_a_county_are_refused():
    # validation25 (Hechi): a prefecture named bare, its counts read with no county, city or bureau recognised.
    text = (
        "According to statistics provided by the education department, Hechi now has 2,532 compulsory schools "
        "including 709 ordinary primary schools and 164 ordinary junior high schools.\n"
    )
    with pytest.raises(DocumentError, match="nothing ties what it counts to one county-level bureau"):
        parse_document(text, "page.txt")


def test_a_page_on_municipal_and_district_bureaus_as_kinds_is_refused_as_general():
    # validation25: "Municipal Education Bureau is …, while District Education Bureau is …", no place named.
    text = (
        "1. Different jurisdictions: Municipal Education Bureau is under the jurisdiction of municipal schools, while "
        "District Education Bureau is under the jurisdiction of district schools.\n2. Schools directly under the "
        "District Education Bureau recruit students for the district.\n3. The Education Bureau is responsible for "
        "formulating and implementing education policies.\n"
    )
    with pytest.raises(DocumentError, match="education bureaus in general"):
        parse_document(text, "page.txt")


def test_a_provinces_news_on_twelve_counties_is_refused_though_one_criterion_says_this_county():
    # validation17 (甘肃): "公众对本县…的满意度" is a criterion of the province's inspection, not the page's voice.
    text = (
        "我省12县区将接受国家县域义务教育均衡发展督导评估\n记者从省教育厅获悉,国务院教育督导办将对我省12个县区进行实地督导检查。"
        "我省白银市靖远县,武威市古浪县,定西市通渭县、渭源县,平凉市崆峒区,庆阳市宁县,陇南市文县、西和县接受检查。"
        "检查包括公众对本县义务教育均衡发展的满意度等4个方面。截至目前,我省已有58个县通过评估。\n"
    )
    with pytest.raises(DocumentError, match="several cities alike"):
        parse_document(text, "")
