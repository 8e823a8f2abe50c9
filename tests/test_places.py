"""The gazetteer (bureaus/places): official readings of polyphonic names, and former names."""

import pytest

from bureaus.places import gazetteer
from bureaus.places.former_names import FORMER_NAMES

# Every division whose name has a character of several readings where the reading matters, checked by hand
# (build_gazetteer.py --polyphonic lists them): the English name is the official romanisation.
POLYPHONIC = [
    # Read wrong before: pypinyin's first reading of the character, or a phrase of another sense.
    ("411100", "漯河市", "Luohe City"),  # not "Tahe"
    ("411104", "召陵区", "Zhaoling District"),  # not "Shaoling"
    ("511527", "筠连县", "Junlian County"),  # not "Yunlian"
    ("511822", "荥经县", "Yingjing County"),  # not "Xingjing"
    ("340303", "蚌山区", "Bengshan District"),  # not "Bangshan"
    ("320116", "六合区", "Luhe District"),  # not "Liuhe"
    ("410122", "中牟县", "Zhongmou County"),  # not "Zhongmu"
    ("140924", "繁峙县", "Fanshi County"),  # not "Fanzhi"
    ("350105", "马尾区", "Mawei District"),  # not "Mayi"
    ("450406", "龙圩区", "Longxu District"),  # not "Longwei"
    ("653129", "伽师县", "Jiashi County"),  # not "Gashi"
    ("540531", "浪卡子县", "Langkazi County"),  # not "Langqiazi"
    ("130981", "泊头市", "Botou City"),  # not "Potou"
    ("640303", "红寺堡区", "Hongsibu District"),  # not "Hongsibao"
    ("510682", "什邡市", "Shifang City"),  # not "Shenfang"
    ("652927", "乌什县", "Wushi County"),  # not "Wushen"
    ("653001", "阿图什市", "Atushi City"),  # not "Atushen"
    ("150425", "克什克腾旗", "Keshiketeng Banner"),  # not "Keshenketeng"
    ("150603", "康巴什区", "Kangbashi District"),  # not "Kangbashen"
    ("652801", "库尔勒市", "Ku'erle City"),  # not "Ku'erlei"
    ("653225", "策勒县", "Cele County"),  # not "Celei"
    ("654028", "尼勒克县", "Nileke County"),  # not "Nileike"
    ("150581", "霍林郭勒市", "Huolinguole City"),  # not "Huolinguolei"
    # Right already, and kept right.
    ("410182", "荥阳市", "Xingyang City"),
    ("130225", "乐亭县", "Laoting County"),
    ("330382", "乐清市", "Yueqing City"),
    ("511100", "乐山市", "Leshan City"),
    ("350112", "长乐区", "Changle District"),
    ("140428", "长子县", "Zhangzi County"),
    ("220100", "长春市", "Changchun City"),
    ("500000", "重庆市", "Chongqing"),
    ("341500", "六安市", "Lu'an City"),
    ("520200", "六盘水市", "Liupanshui City"),
    ("340300", "蚌埠市", "Bengbu City"),
    ("371722", "单县", "Shan County"),
    ("440113", "番禺区", "Panyu District"),
    ("361128", "鄱阳县", "Poyang County"),
    ("131025", "大城县", "Dacheng County"),
    ("130425", "大名县", "Daming County"),
    ("441422", "大埔县", "Dabu County"),
    ("130524", "柏乡县", "Baixiang County"),
    ("350200", "厦门市", "Xiamen City"),
    ("141024", "洪洞县", "Hongtong County"),
    ("211300", "朝阳市", "Chaoyang City"),
    ("510812", "朝天区", "Chaotian District"),
    ("370881", "曲阜市", "Qufu City"),
    ("513402", "会理市", "Huili City"),
    ("410802", "解放区", "Jiefang District"),
    ("321300", "宿迁市", "Suqian City"),
    ("371522", "莘县", "Shen County"),
    ("341621", "涡阳县", "Guoyang County"),
    ("130726", "蔚县", "Yu County"),
    ("652823", "尉犁县", "Yuli County"),
    ("410223", "尉氏县", "Weishi County"),
    ("210100", "沈阳市", "Shenyang City"),
    ("310112", "闵行区", "Minhang District"),
    ("130125", "行唐县", "Xingtang County"),
    ("451026", "那坡县", "Napo County"),
    ("321183", "句容市", "Jurong City"),
    ("361124", "铅山县", "Yanshan County"),
    ("341021", "歙县", "She County"),
    ("341023", "黟县", "Yi County"),
    ("510117", "郫都区", "Pidu District"),
    ("371524", "东阿县", "Dong'e County"),
    ("230112", "阿城区", "Acheng District"),
    ("510100", "成都市", "Chengdu City"),
    ("522701", "都匀市", "Duyun City"),
    ("130982", "任丘市", "Renqiu City"),
    ("653125", "莎车县", "Shache County"),
    ("410621", "浚县", "Xun County"),
    ("411726", "泌阳县", "Biyang County"),
    ("511123", "犍为县", "Qianwei County"),
    ("340722", "枞阳县", "Zongyang County"),
    ("320830", "盱眙县", "Xuyi County"),
    ("370724", "临朐县", "Linqu County"),
    ("610829", "吴堡县", "Wubu County"),
    ("611026", "柞水县", "Zhashui County"),
    ("450804", "覃塘区", "Qintang District"),
    ("451000", "百色市", "Baise City"),
    ("370612", "牟平区", "Muping District"),
    ("532323", "牟定县", "Mouding County"),
    ("420116", "黄陂区", "Huangpi District"),
    ("500102", "涪陵区", "Fuling District"),
    ("431000", "郴州市", "Chenzhou City"),
    ("141031", "隰县", "Xi County"),
    ("140821", "临猗县", "Linyi County"),
    ("120115", "宝坻区", "Baodi District"),
    ("330683", "嵊州市", "Shengzhou City"),
    ("361130", "婺源县", "Wuyuan County"),
    ("460400", "儋州市", "Danzhou City"),
    ("469023", "澄迈县", "Chengmai County"),
    ("441900", "东莞市", "Dongguan City"),
]


@pytest.mark.parametrize(("code", "chinese", "english"), POLYPHONIC, ids=[row[1] for row in POLYPHONIC])
def test_a_polyphonic_name_has_its_official_reading(code, chinese, english):
    division = gazetteer.by_code()[code]
    assert (division.chinese, division.name) == (chinese, english)
    assert division in gazetteer.named(english)  # and an English page's name finds it


def test_the_checked_list_is_long_and_a_wrong_old_reading_is_no_longer_found():
    assert len(POLYPHONIC) >= 40
    assert [d.chinese for d in gazetteer.named("Tahe")] == ["塔河县"]  # Heilongjiang's, no longer 漯河
    assert gazetteer.named("Shaoling District") == []
    assert [d.chinese for d in gazetteer.named("Liuhe District")] == ["六合区"]  # English pages still write it


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("140109", "Wanbailin District"),  # 万柏林区: 林 is part of the name, it is no forestry district (林区)
        ("441803", "Qingxin District"),  # 清新区: no new area (新区)
        ("632857", "Dachaidan Administrative Area"),  # 大柴旦行政区
    ],
)
def test_a_name_whose_end_only_looks_like_a_kind(code, name):
    assert gazetteer.by_code()[code].name == name
    assert gazetteer.by_code()[code] in gazetteer.named(name)


# Former names ---------------------------------------------------------------------


def test_the_table_of_former_names_points_at_current_divisions_under_names_no_division_bears_now():
    assert len(FORMER_NAMES) >= 40
    for chinese, code, since, _english, evidence in FORMER_NAMES:
        assert code in gazetteer.by_code(), chinese
        assert gazetteer.chinese_named(chinese) == [], chinese  # else a page's name would mean two places
        assert evidence and (since is None or 1949 < since < 2030), chinese


@pytest.mark.parametrize(
    ("name", "code", "warning"),
    [
        ("武鸣县", "450110", "The page names 武鸣县, now 武鸣区 (Nanning): check it."),
        ("Wuming County", "450110", "The page names Wuming County, now Wuming District (Nanning): check it."),
        ("龙华新区", "440309", "The page names 龙华新区, now 龙华区 (Shenzhen): check it."),
        ("Longhua New Area", "440309", "The page names Longhua New Area, now Longhua District (Shenzhen): check it."),
        ("鄞县", "330212", "The page names 鄞县, now 鄞州区 (Ningbo): check it."),
        ("Yin County", "330212", "The page names Yin County, now Yinzhou District (Ningbo): check it."),
        ("横县", "450181", "The page names 横县, now 横州市 (Nanning): check it."),
        ("番禺市", "440113", "The page names 番禺市, now 番禺区 (Guangzhou): check it."),
        ("塘沽区", "120116", "The page names 塘沽区, now 滨海新区 (Tianjin): check it."),
        ("金普新区", "210213", "The page names 金普新区, which the gazetteer files as 金州区 (Dalian): check it."),
    ],
)
def test_a_former_name_finds_the_current_division(name, code, warning):
    former = gazetteer.formerly_named(name)
    assert former.division.code == code
    assert former.warning() == warning


def test_a_current_or_unknown_name_is_no_former_one():
    assert gazetteer.formerly_named("武鸣区") is None
    assert gazetteer.formerly_named("Wuming District") is None
    assert gazetteer.formerly_named("Nowhere County") is None
    assert gazetteer.formerly_named("") is None


def test_a_county_made_a_district_or_a_county_level_city_is_presumed_by_its_name_and_a_shared_stem_is_left_open():
    # 徐水县 became 徐水区 (2015), 潜山县 潜山市 (2018): neither is in the table of former names.
    assert gazetteer.formerly_named("徐水县").division.code == "130609"
    qianshan = gazetteer.formerly_named("潜山县")
    assert qianshan.division.code == "340882" and qianshan.presumed
    assert qianshan.warning() == (
        "The page names 潜山县, which no division bears today; 潜山市 (Anqing) bears its name, as a county made a "
        "county-level city does: check it."
    )
    # In English "Qianshan" is Anshan's district and Anqing's city alike: no presumption, both for the reader's clues.
    assert gazetteer.formerly_named("Qianshan County") is None
    assert {f.division.code for f in gazetteer.presumed_formers("Qianshan County")} == {"210311", "340882"}
    assert gazetteer.presumed_formers("Heping District") == []  # only a county's name can be a former one


def test_pinyin_u_written_u_or_v_and_a_one_syllable_county_written_with_xian_are_found():
    # The gazetteer writes 旅顺口 "Lvshunkou"; pages write "Lushunkou" (or "Lüshunkou"), and keep their spelling.
    (lushunkou,) = gazetteer.named("Lushunkou District", level="county")
    assert lushunkou.code == "210212" and gazetteer.named("Lüshunkou District", level="county") == [lushunkou]
    assert gazetteer.spelled_with_u("Lushunkou District", lushunkou) and not gazetteer.spelled_with_u(
        "Lvshunkou District", lushunkou
    )
    # 横县 (Heng County until 2021, now 横州市) is "Hengxian County" on many pages.
    assert gazetteer.formerly_named("Hengxian County").division.code == "450181"
