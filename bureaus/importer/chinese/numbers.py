"""Chinese numerals where they are numbers: 一所, 两个, 十三个, 二十五所 (never inside names: 九年一贯制, 一中, 十三五)."""

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# A number: Arabic digits, or Chinese numerals up to the hundreds.
NUMBER = r"\d+|[一二两三四五六七八九十百零〇]{1,5}"


def value(raw):
    """The integer a numeral writes (``None`` when it is not one)."""
    if raw.isdigit():
        return int(raw)
    if not re.fullmatch(r"[一二两三四五六七八九十百零〇]+", raw):
        return None
    total, current = 0, 0
    for character in raw:
        if character == "百":
            total += (current or 1) * 100
            current = 0
        elif character == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = (
                current * 10 + DIGITS[character]
                if current and "十" not in raw and "百" not in raw
                else DIGITS[character]
            )
    return total + current
