"""Chinese numerals and digits: the value of "两千亿", "三千五百", "一百零五", "二〇二三", "１２．５", "3,216".

Used by ``numbers`` for every figure; cn2an is the tests' oracle for the same readings.
"""

from __future__ import annotations

# Full-width digits and signs read as ASCII (contract: "１２．５％" is 12.5 percent).
_WIDTH = str.maketrans("０１２３４５６７８９．，％－＋", "0123456789.,%-+")

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
          "九": 9, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6, "柒": 7, "捌": 8, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)


def ascii_digits(text: str) -> str:
    """Full-width digits, point, comma, percent and signs as their ASCII forms (same length, so offsets hold)."""
    return text.translate(_WIDTH)


def parse_digits(text: str) -> float:
    """'3,216' -> 3216.0, '１２．５' -> 12.5."""
    return float(ascii_digits(text).replace(",", ""))


def parse_chinese(text: str) -> float | None:
    """The value of a Chinese numeral: '两千亿' 2e11, '三千五百' 3500, '十二' 12, '一百零五' 105, '百亿' 1e10,
    '二〇二三' 2023 (digit by digit), '三点五' 3.5. None when the text is not a numeral."""
    if not text:
        return None
    whole, _, fraction = text.partition("点")
    if fraction and not all(c in DIGITS for c in fraction):
        return None
    value = _integer(whole) if whole else 0.0
    if value is None:
        return None
    if fraction:
        value += float("0." + "".join(str(DIGITS[c]) for c in fraction))
    return value


def _integer(text: str) -> float | None:
    if any(c not in NUMERAL_CHARS for c in text):
        return None
    if len(text) > 1 and all(c in DIGITS for c in text):  # 二〇二三: digits read one by one
        return float("".join(str(DIGITS[c]) for c in text))
    total, section, number = 0, 0, None
    for c in text:
        if c in DIGITS:
            number = DIGITS[c]
        elif c in SMALL_UNITS:
            section += (1 if number is None else number) * SMALL_UNITS[c]
            number = None
        else:  # 万 or 亿: everything so far is a count of this unit
            big = BIG_UNITS[c]
            part = section + (number or 0)
            if big == 10**8:
                total = (total + part) * big if (total + part) else big
            else:
                total += (part or 1) * big
            section, number = 0, None
    return float(total + section + (number or 0))
