"""
Character-for-character folding of a Chinese text, so that every recogniser reads one form
and every position in the folded text is the same position in the stored source.

- Full-width ASCII forms (，；：（）！？０-９Ａ-Ｚ) become their ASCII twins, the ideographic space a space.
- Traditional characters become Simplified character for character: in a text written in Traditional
  characters, through OpenCC's character table (``opencc-python-reimplemented``'s TSCharacters, every
  character it converts to one character only: 蘆 → 芦, while 乾 stays, being 干 or 乾); in any text, through
  a small built-in table of the vocabulary the recognisers hang on, which also tells which script a text
  is written in. Never OpenCC's phrase conversion: it may change a text's length and would break the
  spans. The facts quote the source as written anyway.
"""

import re
from functools import cache
from importlib.resources import files

# Traditional → Simplified, one character each (pairs written side by side to keep the table checkable).
_TRADITIONAL = (
    "學学校校園园縣县區区國国際际職职責责內内設设機机構构廳厅局局體体育育務务會会員员處处門门負负貫贯徹彻執执"
    "劃划規规範范辦办級级類类幼幼兒儿稱称為为萬万億亿個个兩两這这實实驗验統统計计關关於于對对與与導导"
    "導导轄辖鄉乡鎮镇莊庄鄧邓許许窩窝橋桥陽阳陰阴東东門门開开發发長长農农業业專专書书記记議议"
    "黨党組组織织屬属歷历歲岁點点數数據据總总較较經经費费財财產产資资審审稅税監监察察檢检評评獎奖"
    "蘄蕲擬拟牽牵薩萨榮荣獲获譽誉稱称號号優优績绩範范戰战爭争術术藝艺衛卫環环運运動动團团結结廣广傳传覽览"
    "師师範范專专職职訓训練练課课程程試试績绩標标準准達达點点區区縣县鄉乡"
    "電电話话網网絡络聯联繫系遷迁調调輔辅齡龄義义務务習习讀读寫写語语言言"
    "圖图館馆舊旧新新興兴設设備备護护險险災灾線线處处範范設设"
    "雲云貴贵廣广陝陕遼辽寧宁龍龙鳳凤臺台灣湾湖湖蘇苏漢汉滬沪滄沧渦涡澤泽濟济瀋沈"
    "齊齐魯鲁贛赣閩闽瓊琼隴陇慶庆彙汇萊莱鶴鹤鷹鹰鄂鄂烏乌齊齐爾尔藏藏維维吾吾蒙蒙"
    "豐丰濱滨觀观歸归厲厉嶺岭峽峡岡冈崗岗島岛灘滩灣湾錦锦鐵铁銅铜鋼钢錫锡鎮镇陳陈韓韩劉刘"
    "楊杨趙赵孫孙馬马黃黄鄭郑蕭萧盧卢羅罗戴戴蘭兰張张懷怀寶宝濰潍臨临滕滕薊蓟"
    "帶带邊边遠远進进還还選选遞递過过遊游連连運运違违適适遺遗邁迈郵邮鄰邻醫医"
    "計计訂订認认詢询諮咨說说請请諸诸謀谋證证識识護护譯译讓让議议變变"
    "氣气漲涨湯汤滿满濃浓潔洁澤泽測测減减渾浑淺浅準准沒没漁渔潤润"
    "紀纪約约級级紅红純纯紙纸組组細细終终絕绝給给統统絲丝經经綜综綠绿維维綱纲網网編编緣缘縱纵總总績绩繼继續续纖纤"
    "無无爲为燈灯營营獨独獻献現现環环產产畢毕畫画當当發发盡尽盤盘監监"
    "眾众礎础礙碍禮礼種种穩稳積积窮穷競竞筆笔範范築筑簡简籌筹糧粮"
    "號号蟲虫補补裝装製制複复見见規规視视親亲覺觉觸触訊讯許许論论設设診诊試试詳详誌志"
    "負负財财貧贫責责貨货質质購购賽赛贊赞贈赠趨趋躍跃車车軍军輪轮轉转輸输辦办農农"
    "這这連连進进過过達达遷迁鄉乡醫医釋释針针錄录錢钱鍛锻鏈链長长門门閉闭開开間间閱阅闊阔隊队陸陆陰阴陽阳際际隨随險险隱隐雙双雜杂離离難难"
    "電电靈灵頁页項项順顺須须預预領领頒颁頭头題题額额顏颜願愿類类顯显風风飛飞養养餐餐館馆"
    "駐驻驗验騰腾髮发鬥斗魚鱼鳥鸟鹽盐麥麦黨党齡龄龜龟箇个餘余於于準准並并倆俩們们傢家備备債债傷伤僅仅價价儀仪億亿儲储兒儿"
    "剛刚創创劃划劍剑勞劳勢势勵励勸劝協协單单廠厂厲厉參参雙双變变嚴严團团園园圍围圖图執执堅坚報报場场塊块塵尘墊垫"
    "壓压壞坏壯壮壽寿奪夺奮奋婦妇孫孙寧宁審审寫写對对尋寻導导屆届屬属岡冈島岛幣币幫帮廢废廟庙廣广彈弹強强彙汇"
    "徑径從从復复徵征態态總总懷怀應应戰战戲戏擁拥擇择擔担據据擴扩攜携數数斷断旁旁時时晉晋暫暂曆历會会朧胧東东條条"
    "來来楊杨極极樣样樓楼標标樞枢機机權权橫横檔档檢检歐欧歲岁歷历歸归殘残殺杀毀毁"
)
TRADITIONAL_TO_SIMPLIFIED = {_TRADITIONAL[i]: _TRADITIONAL[i + 1] for i in range(0, len(_TRADITIONAL), 2)}
_SAME = {t for t, s in TRADITIONAL_TO_SIMPLIFIED.items() if t == s}  # written alike in both scripts
_SIMPLIFIED = {s for t, s in TRADITIONAL_TO_SIMPLIFIED.items() if t != s}
# The punctuation of a Chinese text that has an ASCII twin: the recognisers read the ASCII one.
_PUNCTUATION = {"\u3000": " ", "、": "、", "【": "[", "】": "]", "〔": "[", "〕": "]", "“": '"', "”": '"'}


def _fold_character(character):
    code = ord(character)
    if 0xFF01 <= code <= 0xFF5E:  # the full-width block mirrors printable ASCII
        return chr(code - 0xFEE0)
    return _PUNCTUATION.get(character) or TRADITIONAL_TO_SIMPLIFIED.get(character, character)


@cache
def _opencc_table():
    """Traditional → Simplified for every character OpenCC's table converts to one character and one only."""
    lines = (files("opencc") / "dictionary" / "TSCharacters.txt").read_text(encoding="utf-8").splitlines()
    table = {}
    for line in lines:
        source, _, targets = line.partition("\t")
        targets = targets.split()
        if len(source) == 1 and len(targets) == 1 and len(targets[0]) == 1 and targets[0] != source:
            table[source] = targets[0]
    return table


def fold(text, traditional=None):
    """The text with full-width forms as ASCII and Traditional characters as Simplified, one for one. A text in
    Traditional characters (``traditional``, else as ``is_traditional`` finds) folds through OpenCC's table too."""
    if traditional is None:
        traditional = is_traditional(text)
    table = _opencc_table() if traditional else {}
    folded = "".join(table.get(character) or _fold_character(character) for character in text)
    assert len(folded) == len(text)  # spans into the folded text are spans into the source
    return folded


# Some mirrors follow a character with its reading in brackets: "翔安區(qū)教育局", "21個(gè)單位".
READING_RE = re.compile(r"(?<=[\u3400-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


def without_readings(text):
    """(the text without the readings some mirrors write after characters, the text's position of each character
    kept followed by the text's length): read the first, cite the text through the second."""
    positions, last = [], 0
    for match in READING_RE.finditer(text):
        positions.extend(range(last, match.start()))
        last = match.end()
    positions.extend(range(last, len(text)))
    return "".join(text[position] for position in positions), [*positions, len(text)]


def is_traditional(text):
    """Whether a Chinese text is written in Traditional characters: more of the table's Traditional forms
    than of their Simplified twins (a Simplified page may quote a Traditional name or two)."""
    traditional = sum(character in TRADITIONAL_TO_SIMPLIFIED for character in text if character not in _SAME)
    simplified = sum(character in _SIMPLIFIED for character in text)
    return traditional > simplified


def is_chinese(text):
    """Whether a text is mostly Chinese: more Chinese characters than Latin words. A character says about
    what a word does, so a Chinese page followed by its English translation is Chinese (its letters are
    mostly Latin), and an English page quoting a name or two in Chinese stays English."""
    characters = sum("\u3400" <= character <= "\u9fff" for character in text)
    return characters > len(re.findall(r"[A-Za-z]+", text))
