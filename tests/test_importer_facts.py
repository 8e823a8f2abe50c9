"""Which bureau a page names, where it sits and what it achieved: the English importer's rules found by the
untouched batch en validation23, each in the shape of the page that found it."""

from bureaus.importer import facts, parse_document


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
