"""Which bureau a page names, where it sits and what it achieved: the English importer's rules found by the
untouched batches en validation23 onwards, each in the shape of the page that found it."""

import pytest

from bureaus.importer import DocumentError, facts, parse_document


def test_a_mirrors_wrong_headline_loses_to_the_bureau_the_page_names_again_and_again():
    # validation23 (Meilan): the mirror's headline names another county's bureau, once.
    text = (
        "Qinglong County Education Bureau Jiangdong\n"
        "It is learned from Meilan District Education Bureau that three high-quality schools are planned.\n"
        "In the future, Meilan District plans to build a 36-class primary school in Haikou.\n"
        "Besides, Meilan District will build an Internet education platform with Haikou City.\n"
    )
    draft = parse_document(text, "page.txt")
    assert (draft.name, draft.district, draft.city) == ("Meilan District Education Bureau", "Meilan District", "Haikou")


def test_a_name_said_as_often_whose_place_is_no_county_does_not_win_by_its_common_word():
    text = (
        "Shenzhen Longgang District Education Bureau is the working department of the district government, and "
        "Longgang District Committee Education Committee is its other nameplate. It implements the decisions of "
        "the CPC Central Committee, the Provincial Party Committee and the Municipal Party Committee.\n"
    )
    assert parse_document(text, "page.txt").district == "Longgang District"


def test_a_bureau_of_a_municipalitys_new_area_has_the_municipality_as_province_not_city():
    text = (
        "Tianjin Eco-City Education Bureau\nResponsibilities of the Education Bureau\n"
        "1, comprehensively implement educational guidelines, policies and regulations.\n"
        "2. To study and formulate educational development plans and annual development plans.\n"
    )
    draft = parse_document(text, "page.txt")
    assert (draft.city, draft.province) == ("", "Tianjin")


def test_progress_is_educations_achievement_only_where_the_sentence_speaks_of_education():
    assert not facts.is_achievement("Since 2008, various social undertakings have made great progress.")
    assert not facts.is_achievement("Regional facilities have been improved day by day.")
    assert facts.is_achievement("Since 2008, the county's education has made great progress.")


def test_sentences_after_a_new_towns_progress_are_not_achievements():
    text = (
        "Tianjin Eco-City Education Bureau Tel: 022-67289238\n"
        "Since the start of eco-city construction in 2008, various social undertakings have made great progress. "
        "In the autumn of 2012, the first school was successfully opened. Up to now, there are 15 kindergartens, "
        "6 primary schools and 4 middle schools.\n"
    )
    draft = parse_document(text, "page.txt")
    assert draft.achievements == []
    assert [(c.count, c.phrase) for c in draft.counts] == [
        (15, "kindergartens"),
        (6, "primary schools"),
        (4, "middle schools"),
    ]


def test_where_a_kindergarten_under_its_own_heading_is_located_is_not_the_bureaus_seat():
    # validation23 (Yongning): "Located at …" under "Yongning County Fifth Kindergarten".
    text = (
        "On August 19, the reporter learned from the Yongning County Education and Sports Bureau that 3 new "
        "kindergartens will be put into use.\n\nYongning County Fifth Kindergarten\n\n"
        "Located at the intersection of Yonghong Road and Ninghui Street\n"
    )
    assert parse_document(text, "page.txt").address == ""
    # Under the bureau's own heading, the same line is the bureau's seat.
    seat = text.replace("Yongning County Fifth Kindergarten", "Yongning County Education and Sports Bureau")
    assert parse_document(seat, "page.txt").address == "the intersection of Yonghong Road and Ninghui Street"


def test_an_improvement_said_in_general_is_no_achievement_but_a_work_completed_is():
    assert not facts.is_achievement("The level of running kindergartens has been significantly improved.")
    assert not facts.is_achievement("The quality of its schools has been improved year by year.")
    assert facts.is_achievement("The standardisation of all its schools has been completed.")


def test_a_city_written_in_lower_case_places_a_bureau_the_gazetteer_does_not_know():
    # validation24 (Xining): "East District Education Bureau" (城东区 translated) in "Xining city".
    text = (
        "Xining city will invest heavily in the new primary school\n\nA reporter learned from the East District "
        "Education Bureau that a primary school will be built with an investment of 60 million yuan.\n"
    )
    draft = parse_document(text, "page.txt")
    assert (draft.district, draft.city, draft.province) == ("East District", "Xining", "Qinghai")


# Found by the untouched batch en validation26.


def test_a_name_a_county_and_a_county_level_city_share_is_told_apart_by_how_the_page_speaks_of_itself():
    as_a_city = (
        "Lanxi Education Bureau official website\n"
        "Under the leadership of the Municipal Party Committee, the Municipal Education Bureau has deepened reform. "
        "From 2006 to 2009, the city's total investment in education grew. There are 56 primary schools in this city.\n"
    )
    draft = parse_document(as_a_city, "page.txt")
    assert (draft.district, draft.city, draft.province, draft.division_code) == (
        "Lanxi City",
        "Jinhua",
        "Zhejiang",
        "330781",
    )
    as_a_county = as_a_city.replace("Municipal", "County").replace("city", "county")
    assert parse_document(as_a_county, "page.txt").division_code == "231222"  # Lanxi County, Suihua
    # Nothing tells: the text's own word stays, and the reviewer chooses.
    draft = parse_document("Lanxi Education Bureau official website\nThere are 56 primary schools.\n", "page.txt")
    assert (draft.district, draft.division_code) == ("Lanxi", "")
    assert len(draft.place_candidates) == 2


def test_a_county_made_a_county_level_city_is_found_by_its_former_name_and_the_texts_province():
    # 潜山县 became 潜山市 in 2018; Anshan's 千山区 bears the stem too: the text's "Anhui" chooses.
    text = (
        "Social undertakings in Qianshan County\n"
        "In 1900, Qianshan County established a government-run higher primary school, pioneering primary school "
        "education in Anhui. In 1904 the examination shed became a higher primary school with 44 students, and in "
        "1907 a new primary school was founded; the school site was the Zhou Ancestral Hall.\n"
    )
    draft = parse_document(text, "page.txt")
    assert (draft.district, draft.city, draft.province, draft.division_code) == (
        "Qianshan County", "Anqing", "Anhui", "340882"
    )  # fmt: skip
    assert any("as a county made a county-level city does" in warning for warning in draft.warnings)


def test_after_great_achievements_are_announced_only_the_honours_are_achievements():
    text = (
        "Lushan County Education Bureau\n"
        "The cadres of the county's education system have made remarkable achievements in education. "
        "The reform of the personnel system has been deepened and the construction of teachers has been further "
        "strengthened; the quality of teaching ranks among the best in the city. "
        'By the provincial government awarded the "basic popularization of nine-year compulsory education county", '
        'by the Provincial Department of Education awarded the honorary title of "advanced collective".\n'
    )
    achievements = [a.text for a in parse_document(text, "page.txt").achievements]
    assert achievements == [
        "The quality of teaching ranks among the best in the city.",
        'By the provincial government awarded the "basic popularization of nine-year compulsory education county"',
        'By the Provincial Department of Education awarded the honorary title of "advanced collective".',
    ]


# Found by the untouched batch en validation27.


def test_a_page_defining_a_kind_of_bureau_naming_no_place_is_refused():
    text = (
        "I. Education Bureau\nThe full name of the Education Bureau is the Education and Sports Bureau. The Education "
        "and Sports Bureau is a professional organization responsible for physical education in schools. The "
        "Municipal Education Bureau and the Sports Bureau will gradually merge into one department.\n"
        "Second, the main functions of the Education Bureau\n1, implement the state's educational guidelines.\n"
        "2, manage basic education, vocational education and adult education.\n"
    )
    with pytest.raises(DocumentError, match="education bureaus in general"):
        parse_document(text, "page.txt")


def test_an_autonomous_county_written_in_lower_case_places_a_page_on_its_schools():
    text = (
        "Efforts to improve child development in ethnic area\n"
        "Kindergarten children in Sunan Yugu autonomous county, Zhangye, Gansu province, compete in a scooter race.\n"
        "In recent years, Sunan has increased its investment in education. The county has set up free 15-year basic "
        "education programs for all public kindergartens and schools.\n"
    )
    draft = parse_document(text, "page.txt")
    assert (draft.district, draft.division_code) == ("Sunan Yugu Autonomous County", "620721")


def test_quoted_titles_parted_by_and_are_one_achievement_each():
    text = (
        "Xiangzhou District Education Bureau\nIn recent years, Xiangzhou has been honored many times with titles such "
        "as the “Strong Education District of Guangdong Province”, “Advanced Area of Guangdong Province to Promote the "
        "Modernization of Education” and “Experimentation Area of Community Education in Guangdong Province.”\n"
    )
    assert [a.text for a in parse_document(text, "page.txt").achievements] == [
        "Strong Education District of Guangdong Province",
        "Advanced Area of Guangdong Province to Promote the Modernization of Education",
        "Experimentation Area of Community Education in Guangdong Province",
    ]


# Found by the untouched batch en validation28.


def test_a_page_asking_what_a_bureaus_units_are_is_about_bureaus_in_general():
    text = (
        "What are the subordinate units of the Education Bureau?\nThe subordinate units of the Education Bureau are as "
        "follows:\n1. Directly affiliated schools: these schools are usually managed by the Education Bureau.\n"
        "Administrative organs: including office, personnel department and basic education department.\n"
        "Its subordinate units will vary from region to region.\n"
    )
    with pytest.raises(DocumentError, match="education bureaus in general"):
        parse_document(text, "page.txt")


def test_a_headline_in_book_title_marks_opens_no_section():
    text = (
        'Minhou County Education Bureau\n\nThe "High-quality Development of Education in Minhou County" was introduced\n\n'
        "Three-year action plan》\n\nImplement 6 major actions and 29 measures\n\nThe total investment is 6.5 billion yuan\n"
    )
    assert parse_document(text, "page.txt").duties == []


def test_what_such_as_introduces_is_not_the_counted_thing_nor_are_the_schools_a_visitor_saw():
    assert facts_counts("Minhou County has planned 26 projects such as Qili School and 3 primary schools.") == [
        (3, "primary-school")
    ]
    assert facts_counts("He visited a kindergarten, a primary school, two middle schools and two colleges.") == []


def facts_counts(sentence):
    from bureaus.importer.institutions import find_counts

    return [(count.number, count.category) for count in find_counts(sentence)]


# Found by the untouched batch en validation29.


def test_two_titles_said_as_a_and_a_are_two_achievements():
    text = (
        "Laiwu District Education Bureau\nIt has been successively honored as a National Advanced District in Basic "
        "Education and a National Demonstration Area for Quality Education.\n"
    )
    assert [a.text for a in parse_document(text, "page.txt").achievements] == [
        "National Advanced District in Basic Education",
        "National Demonstration Area for Quality Education",
    ]


def test_a_district_written_with_u_where_the_gazetteer_has_v_is_placed_and_keeps_its_spelling():
    text = "Lushunkou District Bureau of Education signed agreements with two experts on teaching.\n"
    draft = parse_document(text, "page.txt")
    assert (draft.district, draft.city, draft.province, draft.division_code) == (
        "Lushunkou District", "Dalian", "Liaoning", "210212"
    )  # fmt: skip


def test_a_headlines_claim_of_a_top_priority_opens_no_section_of_priorities():
    # en validation30 (Changning): "Education a top priority" over a news story.
    text = (
        "Education a top priority\n\nEducation is among the top priorities of Changning's development, said the Party "
        "secretary of the district.\n\nChangning has intensified its high quality education resources through education "
        "groups.\n\nEvery primary school in Changning District is a member of an education group.\n"
    )
    assert parse_document(text, "page.txt").duties == []


def test_a_quoted_slogan_in_a_heading_opens_no_section():
    # en validation30 (Jing'an): "vision" in a slogan is no plans heading.
    text = (
        "Education Bureau of Jing'an District\n\n"
        'Education with international understanding: "Chinese heart, international vision"\n\n'
        "Currently, Jing'an is developing into a central district. It guides students to build cultural confidence.\n"
    )
    assert parse_document(text, "page.txt").duties == []
    from bureaus.importer.segments import section_kind

    assert section_kind("Development vision") == "plan" and section_kind('Work: "a new vision"') == ""


# Found by the untouched batch en validation31.


def test_a_citys_news_naming_one_of_its_districts_once_is_the_citys():
    text = (
        "Harbin developing education for 2015\n\nThe city of Harbin, Heilongjiang province announced that it plans to "
        "combine the educational resources in its various districts. The city will build around six primary and middle "
        "schools, and the city will establish education groups. Two middle schools in Nangang district were combined "
        "with six primary schools last year, which is vital to the city's education.\n"
    )
    with pytest.raises(DocumentError, match="names Nangang District only once"):
        parse_document(text, "page.txt")


def test_a_countys_only_namesake_in_another_province_than_the_text_names_is_not_chosen():
    # 嘉山县 (Anhui) is Mingguang City since 1994; the gazetteer's only Jiashan County is in Zhejiang.
    text = "Jiashan County Education Bureau of Anhui Province runs the county's primary schools and kindergartens.\n"
    draft = parse_document(text, "page.txt")
    assert (draft.district, draft.city, draft.province, draft.division_code) == ("Jiashan County", "", "Anhui", "")
    assert any("the text names Anhui" in warning for warning in draft.warnings)


# Found by the untouched batch en validation32.


def test_an_autonomous_county_is_named_as_the_page_names_it_never_by_a_made_up_short_form():
    text = (
        "Datong County school success\nDatong County in Qinghai built new primary schools. The education of Datong Hui "
        "and Tu Autonomous County has developed; Datong County now runs 40 primary schools.\n"
    )
    draft = parse_document(text, "page.txt")
    assert (draft.district, draft.division_code) == ("Datong Hui and Tu Autonomous County", "630121")
    plain = text.replace("Datong Hui and Tu Autonomous County", "the county")
    assert parse_document(plain, "page.txt").district == "Datong County"  # not "Datong Autonomous County"
