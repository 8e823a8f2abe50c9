"""
The national gazetteer: every province-, prefecture- and county-level division of mainland
China (3,213 of them), from ``data/divisions.json`` (built by ``build_gazetteer.py``; see
the README for the data's source and date).

Each :class:`Division` has its Chinese name, its English (pinyin) name and kind
("Heping" + "District"), its administrative-division code and its parent. Names are
looked up the way English documents write them: with or without the kind ("Dawukou",
"Dawukou District"), in any case, with or without apostrophes or tone marks, and
with the usual other spellings of a few ("Ordos", "Xigaze", "Weixian County"). Names a division
bore before (武鸣县, "Wuming County", 龙华新区) are known apart (``formerly_named``, from
``former_names.py``), so a reader can place an older page and say so.
Pure Python, no Django.
"""

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from bureaus.places.former_names import FORMER_NAMES

DATA_FILE = Path(__file__).with_name("data") / "divisions.json"

# Settled English names that are not the pinyin of the Chinese, and old spellings documents still use.
OTHER_NAMES = {
    "Hulun Buir": "呼伦贝尔市", "Hinggan": "兴安盟", "Xigaze": "日喀则市", "Chamdo": "昌都市",
    "Qamdo": "昌都市", "Nyingchi": "林芝市", "Garze": "甘孜藏族自治州", "Kashi": "喀什地区", "Lüliang": "吕梁市",
    "Lvliang": "吕梁市", "Ürümqi": "乌鲁木齐市", "Xizang": "西藏自治区", "Shensi": "陕西省", "Canton": "广州市",
    "Daxing'anling": "大兴安岭地区", "Yanbian Korean": "延边朝鲜族自治州", "Evenki": "鄂温克族自治旗",
    # Mandarin readings of names whose English form is another (machine translation writes either).
    "E'erduosi": "鄂尔多斯市", "Hulunbei'er": "呼伦贝尔市", "Bayannao'er": "巴彦淖尔市", "Wulanchabu": "乌兰察布市",
    "Xilinguolei": "锡林郭勒盟", "Alashan": "阿拉善盟",
    "Korla": "库尔勒市", "Artux": "阿图什市", "Hexigten": "克什克腾旗",
    # The reading of a polyphonic character English pages still use beside the official one (六合 is Luhe).
    "Liuhe": "六合区", "Hongsibao": "红寺堡区",
    # Mongolian, Uyghur and Tibetan names in the English that news and governments write (Ejin Horo is
    # 伊金霍洛旗, pinyin Yijinhuoluo; Yarkant is 莎车县), checked against the gazetteer by a test.
    "Ejin Horo": "伊金霍洛旗", "Jungar": "准格尔旗", "Dalad": "达拉特旗", "Otog": "鄂托克旗", "Otog Front": "鄂托克前旗", "Hanggin": "杭锦旗",
    "Hanggin Rear": "杭锦后旗", "Uxin": "乌审旗", "Ejin": "额济纳旗", "Alxa Left": "阿拉善左旗", "Alxa Right": "阿拉善右旗",
    "Urad Front": "乌拉特前旗", "Urad Middle": "乌拉特中旗", "Urad Rear": "乌拉特后旗", "Tumed Left": "土默特左旗",
    "Tumed Right": "土默特右旗", "Togtoh": "托克托县", "Horinger": "和林格尔县", "Darhan Muminggan": "达尔罕茂明安联合旗",
    "Chahar Right Front": "察哈尔右翼前旗", "Chahar Right Middle": "察哈尔右翼中旗", "Chahar Right Rear": "察哈尔右翼后旗",
    "Abag": "阿巴嘎旗", "Sonid Left": "苏尼特左旗", "Sonid Right": "苏尼特右旗", "East Ujimqin": "东乌珠穆沁旗",
    "West Ujimqin": "西乌珠穆沁旗", "Taibus": "太仆寺旗", "Xilinhot": "锡林浩特市", "Erenhot": "二连浩特市", "Ar Horqin": "阿鲁科尔沁旗",
    "Bairin Left": "巴林左旗", "Bairin Right": "巴林右旗", "Ongniud": "翁牛特旗", "Harqin": "喀喇沁旗", "Horqin": "科尔沁区",
    "Horqin Left Middle": "科尔沁左翼中旗", "Horqin Left Rear": "科尔沁左翼后旗", "Hure": "库伦旗", "Jarud": "扎鲁特旗",
    "Holingol": "霍林郭勒市", "Horqin Right Front": "科尔沁右翼前旗", "Horqin Right Middle": "科尔沁右翼中旗", "Jalaid": "扎赉特旗",
    "Ulanhot": "乌兰浩特市", "Arxan": "阿尔山市", "Morin Dawa": "莫力达瓦达斡尔族自治旗", "Old Barag": "陈巴尔虎旗",
    "New Barag Left": "新巴尔虎左旗", "New Barag Right": "新巴尔虎右旗", "Hailar": "海拉尔区", "Jalainur": "扎赉诺尔区", "Arun": "阿荣旗",
    "Ergun": "额尔古纳市", "Hotan": "和田市", "Turpan": "吐鲁番市", "Kumul": "哈密市", "Gulja": "伊宁市", "Ili": "伊犁哈萨克自治州",
    "Altay": "阿勒泰市", "Karamay": "克拉玛依市", "Kuqa": "库车市", "Yarkant": "莎车县", "Kargilik": "叶城县", "Maralbexi": "巴楚县",
    "Makit": "麦盖提县", "Peyziwat": "伽师县", "Yengisar": "英吉沙县", "Qarqan": "且末县", "Charkhlik": "若羌县", "Lop": "洛浦县",
    "Keriya": "于田县", "Niya": "民丰县", "Qira": "策勒县", "Guma": "皮山县", "Karakax": "墨玉县", "Ulugqat": "乌恰县", "Akqi": "阿合奇县",
    "Akto": "阿克陶县", "Nagqu": "那曲市", "Ngari": "阿里地区", "Lhoka": "山南市", "Gyangze": "江孜县", "Tingri": "定日县",
    "Nyalam": "聂拉木县", "Damxung": "当雄县", "Lhunzhub": "林周县", "Maizhokunggar": "墨竹工卡县", "Doilungdeqen": "堆龙德庆区",
    "Quxu": "曲水县", "Nyemo": "尼木县", "Dagze": "达孜区", "Nedong": "乃东区", "Medog": "墨脱县", "Pome": "波密县", "Zayu": "察隅县",
    "Gongbo'gyamda": "工布江达县", "Xainza": "申扎县", "Amdo": "安多县", "Nyainrong": "聂荣县", "Sog": "索县", "Baqen": "巴青县",
    "Lhari": "嘉黎县", "Baingoin": "班戈县", "Burang": "普兰县", "Zanda": "札达县", "Gar": "噶尔县", "Rutog": "日土县", "Gerze": "改则县",
    "Coqen": "措勤县", "Gegye": "革吉县", "Jomda": "江达县", "Gonjo": "贡觉县", "Riwoqe": "类乌齐县", "Dengqen": "丁青县",
    "Zhag'yab": "察雅县", "Baxoi": "八宿县", "Zogang": "左贡县", "Markam": "芒康县", "Lhorong": "洛隆县", "Banbar": "边坝县",
    "Karub": "卡若区", "Golmud": "格尔木市", "Golog": "果洛藏族自治州", "Mainling": "米林市", "Cona": "错那市", "Samzhubze": "桑珠孜区",
    "Qonggyai": "琼结县", "Gonggar": "贡嘎县", "Qusum": "曲松县", "Comai": "措美县", "Lhozhag": "洛扎县", "Gyaca": "加查县",
    "Lhunze": "隆子县", "Nagarze": "浪卡子县", "Namling": "南木林县", "Sagya": "萨迦县", "Lhatse": "拉孜县", "Ngamring": "昂仁县",
    "Xaitongmoin": "谢通门县", "Bainang": "白朗县", "Rinbung": "仁布县", "Kangmar": "康马县", "Dinggye": "定结县", "Gyirong": "吉隆县",
    "Gamba": "岗巴县", "Nang": "朗县",
    # Tibetan areas outside Xizang (Qinghai, Sichuan, Gansu, Yunnan) and more of Xinjiang, as Xinhua writes them.
    "Qumarleb": "曲麻莱县", "Zadoi": "杂多县", "Chindu": "称多县", "Zhidoi": "治多县", "Nangqen": "囊谦县", "Maqen": "玛沁县",
    "Gade": "甘德县", "Darlag": "达日县", "Jigzhi": "久治县", "Madoi": "玛多县", "Jainca": "尖扎县", "Zekog": "泽库县",
    "Gangca": "刚察县", "Ulan": "乌兰县", "Mangnai": "茫崖市", "Serxu": "石渠县", "Sertar": "色达县", "Nyagrong": "新龙县",
    "Barkam": "马尔康市", "Ngawa": "阿坝县", "Zoige": "若尔盖县", "Zamtang": "壤塘县", "Jone": "卓尼县", "Zhugqu": "舟曲县",
    "Tewo": "迭部县", "Deqen": "德钦县", "Shangri-La": "香格里拉市", "Toksun": "托克逊县", "Piqan": "鄯善县",
    "Barkol": "巴里坤哈萨克自治县", "Tashkurgan": "塔什库尔干塔吉克自治县", "Poskam": "泽普县", "Onsu": "温宿县",
    "Awat": "阿瓦提县", "Kalpin": "柯坪县", "Uqturpan": "乌什县", "Xayar": "沙雅县", "Bugur": "轮台县", "Yopurga": "岳普湖县",
    "Qapqal": "察布查尔锡伯自治县", "Tekes": "特克斯县", "Nilka": "尼勒克县", "Burqin": "布尔津县", "Jeminay": "吉木乃县",
    "Qinggil": "青河县", "Toli": "托里县", "Hoxud": "和硕县", "Bagrax": "博湖县", "Lopnur": "尉犁县",
}  # fmt: skip
KIND_WORDS = (
    "autonomous region", "autonomous prefecture", "autonomous county", "autonomous banner", "special district",
    "administrative area",
    "forestry district", "new district", "new area", "municipality", "prefecture", "province", "district", "county",
    "league", "banner", "city", "area",
)  # fmt: skip
KIND_RE = re.compile(rf"\s+(?:{'|'.join(KIND_WORDS)})$", re.IGNORECASE)
# What a kind word in a document may mean: "New District" and "Area" name a district-level new area.
KIND_MEANS = {
    "new district": "New Area",
    "area": "New Area",
    "city": "City",
    "district": "District",
    "county": "County",
}


@dataclass(frozen=True)
class Division:
    code: str
    chinese: str
    english: str  # the name without its kind: "Heping"
    kind: str  # "District", "County", "City", "Province" …
    parent_code: str

    @property
    def level(self):
        if self.code.endswith("0000"):
            return "province"
        return "prefecture" if self.code.endswith("00") else "county"

    @property
    def name(self):
        """The English name as the portal writes it: "Heping District"; a province by its short name."""
        return self.english if self.level == "province" else f"{self.english} {self.kind}"

    @property
    def parent(self):
        return by_code().get(self.parent_code)

    @property
    def province(self):
        division = self
        while division.parent is not None:
            division = division.parent
        return division

    @property
    def city(self):
        """The prefecture-level division above a county-level one (None under a municipality or a province)."""
        parent = self.parent
        return parent if parent is not None and parent.level == "prefecture" else None

    def __str__(self):
        return ", ".join(
            d.name for d in (self, self.city, self.province) if d is not None and d is not self or d is self
        )


def fold(name):
    """Compare names without accents, apostrophes, spaces or case: "Xi'an" = "Xian", "Ürümqi" = "Urumqi"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return re.sub(r"[^a-z]", "", "".join(c for c in decomposed if not unicodedata.combining(c)).lower())


@cache
def by_code():
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return {row[0]: Division(*row) for row in raw["divisions"]}


@cache
def _index():
    """folded short name → [Division]; the Chinese name → [Division] (27 county-level names are shared,
    e.g. 龙华区 in Shenzhen and in Haikou: every one is kept, none chosen here)."""
    index, chinese = {}, {}
    for division in by_code().values():
        chinese.setdefault(division.chinese, []).append(division)
        keys = {fold(division.english)}
        if division.kind == "County" and len(re.findall(r"[aeiouü]+", division.english.lower())) == 1:
            keys.add(fold(division.english) + "xian")  # 魏县: "Wei County", also "Weixian County"
        for key in keys:
            index.setdefault(key, []).append(division)
    for other, chinese_name in OTHER_NAMES.items():
        divisions = index.setdefault(fold(other), [])
        for division in chinese[chinese_name]:
            if division not in divisions:
                divisions.append(division)
    return index, chinese


def is_other_name(name, division):
    """Whether ``name`` ("Ejin Horo Banner") calls ``division`` by one of its settled English names."""
    base = KIND_RE.sub("", name.strip())
    return any(fold(other) == fold(base) and chinese == division.chinese for other, chinese in OTHER_NAMES.items())


def named(name, level=None):
    """Every division a name may mean ("Heping District" → Heping in Shenyang and in Tianjin), best first.

    A kind word in the name ("District", "County", "City") keeps divisions of that kind; ``level``
    ("province", "prefecture", "county") keeps that level.
    """
    name = name.strip()
    kind_match = KIND_RE.search(name)
    base = KIND_RE.sub("", name) if kind_match else name
    found = list(_index()[0].get(fold(base), []))
    if not found and kind_match and "autonomous" in kind_match.group(0).lower():
        # "Changyang Tujia Autonomous County": the peoples named before the kind are not the place's name.
        words = base.split()
        for end in range(len(words) - 1, 0, -1):
            found = list(_index()[0].get(fold(" ".join(words[:end])), []))
            if found:
                break
    if level:
        found = [d for d in found if d.level == level]
    if kind_match:
        said = kind_match.group(0).strip().lower()
        wanted = KIND_MEANS.get(said, said.title())
        # "Dongxiang County" for Dongxiang Autonomous County: news often leaves "Autonomous" out.
        kinds = (wanted.lower(), f"autonomous {wanted.lower()}")
        same = [d for d in found if d.kind.lower() in kinds or (said == "city" and d.level == "prefecture")]
        found = same
    return sorted(found, key=lambda d: ("county", "prefecture", "province").index(d.level) if not level else 0)


@dataclass(frozen=True)
class Former:
    """A name pages used for a division that now has another (武鸣县 → 武鸣区), or a new area the gazetteer
    files under the division it is one with (金普新区 → 金州区): ``since`` is None then."""

    name: str  # as the page writes it: 武鸣县, or Wuming County
    chinese: str  # 武鸣县
    english: str  # "Wuming County" ("" where no English form is known)
    division: Division
    since: int | None
    presumed: bool = False  # read from the name alone (徐水县 → 徐水区), not from the table of former names

    @property
    def district_name(self):
        """The district's English name for a draft: the current one, but a new area keeps its own
        ("Jinpu New District": the bureau still bears it)."""
        return self.english if self.since is None and self.english else self.division.name

    @property
    def chinese_place(self):
        """The Chinese name a bureau's name is made of: 龙华区 now, but 金普新区 for a new area."""
        return self.chinese if self.since is None else self.division.chinese

    def warning(self):
        """ "The page names 武鸣县, now 武鸣区 (Nanning): check it." (the division's name in the page's language)."""
        current = self.division.name if self.name.isascii() else self.division.chinese
        above = self.division.city or self.division.province
        where = f" ({above.english})" if above is not self.division else ""
        if self.presumed:
            return (
                f"The page names {self.name}, which no division bears today; {current}{where} bears its name, as a "
                "county or county-level city made a district does: check it."
            )
        if self.since is None:
            return f"The page names {self.name}, which the gazetteer files as {current}{where}: check it."
        return f"The page names {self.name}, now {current}{where}: check it."


FORMER_KINDS = {"新区": "New District", "县": "County", "市": "City", "区": "District"}


def _english_former(chinese, division, english):
    """The English form of a former name: the row's own, else the current English name with the old kind
    where only the kind changed (武鸣县 → "Wuming County"), else none."""
    if english:
        return english
    for suffix, kind in FORMER_KINDS.items():
        if chinese.endswith(suffix) and division.chinese.startswith(chinese[: -len(suffix)]):
            return f"{division.english} {kind}"
    return ""


@cache
def _former_index():
    index = {}
    for chinese, code, since, english, _evidence in FORMER_NAMES:
        division = by_code()[code]
        english = _english_former(chinese, division, english)
        index[chinese] = Former(chinese, chinese, english, division, since)
        if english:
            index[_english_key(english)] = Former(english, chinese, english, division, since)
    return index


def _english_key(name):
    return fold(name).replace("newarea", "newdistrict")


def formerly_named(name):
    """The :class:`Former` a page's name stands for (武鸣县, "Wuming County", "Longhua New Area"), or None."""
    name = name.strip()
    found = _former_index().get(name) or _former_index().get(_english_key(name)) if name else None
    if found is not None and found.name != name and name.isascii():
        return Former(name, found.chinese, found.english, found.division, found.since)  # as the page writes it
    return found or presumed_former(name)


def presumed_former(name):
    """A county made a district keeps its name (徐水县 → 徐水区, "Xushui County" → Xushui District): where no division
    bears ``name`` today and exactly one district bears its stem, that district, presumed (its warning says so).
    A one-character stem is left out: 开县 is in 召开县… as a word."""
    name = name.strip()
    if name.isascii():
        match = re.fullmatch(r"(?P<stem>.+?)\s+County", name, re.IGNORECASE)
        if match is None or named(name):
            return None
        districts = [d for d in named(match.group("stem"), level="county") if d.kind == "District"]
        chinese = ""
    else:
        if len(name) < 3 or not name.endswith("县") or chinese_named(name) or _former_index().get(name):
            return None
        districts, chinese = chinese_named(name[:-1] + "区"), name
    if len(districts) != 1:
        return None
    return Former(name, chinese, name if name.isascii() else "", districts[0], None, presumed=True)


@cache
def presumed_former_chinese_names():
    """{former Chinese name: its district} for every district whose stem with 县 names no division today. (Not with
    市: "X市" runs into 市场, 市民 … too often to be read as a place from its name alone.)"""
    found = {}
    for division in by_code().values():
        if division.level == "county" and division.chinese.endswith("区") and len(division.chinese) >= 3:
            name = division.chinese[:-1] + "县"
            if presumed_former(name) is not None:
                found[name] = division
    return found


def former_chinese_names():
    """Every former Chinese name the gazetteer knows (武鸣县, 龙华新区 …)."""
    return [chinese for chinese, *_ in FORMER_NAMES]


def chinese_named(chinese):
    """Every division of this Chinese name, by code ([] for a name the gazetteer does not know)."""
    return _index()[1].get(chinese, [])


# Names Chinese pages write for divisions whose official name is long: a Mongolian banner's abbreviation
# (科右前旗 for 科尔沁右翼前旗), and an autonomous county by its place and kind alone (长阳县 for 长阳土家族自治县,
# derived below for all of them).
CHINESE_SHORT_FORMS = {
    "科右前旗": "科尔沁右翼前旗", "科右中旗": "科尔沁右翼中旗", "科左中旗": "科尔沁左翼中旗", "科左后旗": "科尔沁左翼后旗",
    "达茂旗": "达尔罕茂明安联合旗", "察右前旗": "察哈尔右翼前旗", "察右中旗": "察哈尔右翼中旗", "察右后旗": "察哈尔右翼后旗",
    "土右旗": "土默特右旗", "土左旗": "土默特左旗", "阿右旗": "阿拉善右旗", "阿左旗": "阿拉善左旗", "东乌旗": "东乌珠穆沁旗",
    "西乌旗": "西乌珠穆沁旗", "新左旗": "新巴尔虎左旗", "新右旗": "新巴尔虎右旗", "鄂伦春旗": "鄂伦春自治旗",
    "鄂温克旗": "鄂温克族自治旗", "莫旗": "莫力达瓦达斡尔族自治旗", "乌前旗": "乌拉特前旗", "乌中旗": "乌拉特中旗",
    "乌后旗": "乌拉特后旗", "鄂前旗": "鄂托克前旗", "苏左旗": "苏尼特左旗", "苏右旗": "苏尼特右旗", "喀左县": "喀喇沁左翼蒙古族自治县",
    "前郭县": "前郭尔罗斯蒙古族自治县", "杜蒙县": "杜尔伯特蒙古族自治县", "和丰县": "和布克赛尔蒙古自治县",
}  # fmt: skip
ETHNIC_GROUPS = (
    "满|蒙古|回|达斡尔|鄂温克|鄂伦春|朝鲜|畲|土家|苗|瑶|侗|壮|各|仫佬|毛南|黎|羌|彝|藏|仡佬|布依|水|哈尼|傣|纳西|拉祜|佤|布朗"
    "|独龙|怒|白|普米|傈僳|裕固|哈萨克|塔吉克|东乡|保安|撒拉|土|锡伯"
)
AUTONOMOUS_RE = re.compile(rf"(?P<stem>.{{2,}}?)(?:(?:{ETHNIC_GROUPS})族?)+自治(?P<kind>县|旗)")


@cache
def chinese_short_forms():
    """{short form: Division} for the names above and 长阳县-like ones, where no division bears the short form."""
    forms = {short: chinese_named(full)[0] for short, full in CHINESE_SHORT_FORMS.items()}
    for division in by_code().values():
        match = AUTONOMOUS_RE.fullmatch(division.chinese) if division.level == "county" else None
        if match:
            forms.setdefault(match["stem"] + match["kind"], division)
    return {short: division for short, division in forms.items() if not chinese_named(short)}


def province_of_name(name):
    """The portal's name of a province for "Liaoning", "Liaoning Province", "Ningxia Hui Autonomous Region"…"""
    name = re.sub(r"\s+(?:hui|uygur|uyghur|zhuang)\b", "", name.strip(), flags=re.IGNORECASE)
    found = named(name, level="province")
    return found[0].english if found else None


def chinese_bureau_name(division, bureau_word="教育局", place=""):
    """The bureau's Chinese name from its place: 大连市金普新区教育局, 北京市海淀区教育局, 仙桃市教育局
    (``place``: the division's name as the bureau bears it, where it is another: 金普新区)."""
    parts = [place or division.chinese]
    above = division.city or (division.province if division.province.kind == "Municipality" else None)
    if above is not None and above is not division:
        parts.insert(0, above.chinese)
    return "".join(parts) + bureau_word


def chinese_place_names(district, city, province):
    """The Chinese names of a bureau's province, city and district, as far as the gazetteer knows them
    for sure (a name two places share and nothing above tells apart is left out): ["辽宁省", "沈阳市", "和平区"]."""
    return [name for name in chinese_places(district, city, province) if name]


@lru_cache(maxsize=8192)
def chinese_places(district, city, province):
    """(province, city, district) in Chinese, each None where the gazetteer is not sure of it (or it is
    not given): ("辽宁省", "沈阳市", "和平区"). Remembered: every page naming places in Chinese asks."""
    provinces = named(province, level="province") if province else []
    province_division = provinces[0] if len(provinces) == 1 else None
    if province_division is None:
        return None, None, None
    city_division = None
    if city:
        cities = [d for d in named(city, level="prefecture") if d.province == province_division]
        city_division = cities[0] if len(cities) == 1 else None
    counties = []
    if district:
        counties = [d for d in named(district, level="county") if d.province == province_division]
        if city_division:
            counties = [d for d in counties if d.city == city_division]
    return (
        province_division.chinese,
        city_division.chinese if city_division else None,
        counties[0].chinese if len(counties) == 1 else None,
    )
