"""
Names documents use for divisions besides the gazetteer's own: settled English names that are not the
pinyin of the Chinese (Ejin Horo, Yarkant, Qumarleb), and the short forms Chinese pages write for long
official names (科右前旗, 长阳县). Data only; ``gazetteer`` indexes them. Each one is checked against the
gazetteer by a test.
"""

import re

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
