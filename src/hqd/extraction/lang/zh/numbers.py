"""Figures in Chinese text: where each is, its value and unit, before any attribute is decided.

Facts of Chinese this module encodes (each with its examples in the tests):
- a figure is digits (ASCII or full-width) or a Chinese numeral, then an optional scale character
  (千 万 亿 万亿, 萬 億 in traditional), then a unit or a counter: "134.9亿元", "24.3万户", "两千亿元";
- 多 / 余 between the number and its unit mean "more than": "600多家", "6100余家";
- N分之M is a fraction (percent), 百分之N is N percent, 千分之N is N per mille; 1/15 (digits) is a fraction too;
- N成 is N tenths of a whole ("近七成" 70 percent);
- 增长N倍 counts the growth, so it is a change of N×100 percent; N倍 elsewhere is a multiple;
- 每平方米9千元 and 9千元/平方米 are rates (CNY/m2);
- not figures: years ("2023年"), ordinals (第三场, 第15场), names holding digits (G60, 5G, PM2.5, 1+8),
  numbers without a unit (dates, times, list numbering), Chinese numerals without a scale (三家, 五大产业: optional).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ....model import Approx, Rate, Unit, per
from .lexicon import alternation, load
from .numerals import NUMERAL_CHARS, parse_chinese, parse_digits


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    value: float
    unit: Unit | Rate
    approx: Approx | None = None  # 多 / 余 inside the span
    flags: set = field(default_factory=set)  # fraction, tenths, growth_multiple, threshold, chinese, ratio


def _tables():
    units = load("units")
    unit_map = {w: tuple(v) for w, v in units["units"].items()}
    counters = units["counters"]
    scales = units["scales"]
    unit_words = alternation(list(unit_map) + counters)
    return unit_map, set(counters), scales, units["denominators"], unit_words


_UNIT_MAP, _COUNTERS, _SCALES, _DENOMINATORS, _UNIT_WORDS = _tables()

_DIGIT = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?"
_CN = "[" + NUMERAL_CHARS + "]+(?:点[" + NUMERAL_CHARS[:26] + "]+)?"
# 千 before 米 克 瓦 is the unit's own prefix (千米 km, 千克 kg, 千瓦 kW), not a scale.
_SCALE = r"(?:万亿|萬億|[千百十]亿|[千百十]億|亿|億|千万|百万|十万|千萬|百萬|十萬|万|萬|千(?![米克瓦])|百(?![分]))"
_CORE = re.compile(r"(?P<sign>(?<![0-9０-９A-Za-z])[-－](?=[0-9０-９]))?(?P<digits>" + _DIGIT + r")|(?P<cn>" + _CN + r")")
_AFTER = re.compile(
    r"(?P<sp1>[ \u00a0\u3000]?)(?P<more1>[多余餘])?(?P<scale>" + _SCALE + r")?(?P<more2>[多余餘])?(?P<sp2>[ \u00a0\u3000]?)"
    r"(?P<unit>" + _UNIT_WORDS + r")?"
)
_RATE = re.compile(r"[/／](?P<den>" + alternation(_DENOMINATORS) + ")")
_PER_BEFORE = re.compile(r"每(?P<den>" + alternation(_DENOMINATORS) + r")$")
_FRACTION = re.compile(r"(?P<den>[" + NUMERAL_CHARS + r"]+|[0-9]+)分之(?P<num>" + _CN + r"|[0-9]+(?:\.[0-9]+)?)")
_TENTHS_NEXT = set("为立果效员本交都功熟长绩片套型品就像形为了")
_YEAR_AFTER = re.compile(r"\s?(?:年|年度|[-~～至到—]\s?(?:19|20)\d{2})")
_NAME_JOIN = re.compile(r"[+＋]")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_RANGE = re.compile(r"\s?[-~～—至到]\s?")
_RATIO = re.compile(r"比(?:例)?(?:为|是)\s?$")
_GROWTH = re.compile(r"(?:增长|增長|增加|提高|扩大|擴大|翻)了?(?:近|将近|接近|约|約|超过|超過|逾|超)?$")
_BARE_SCALE_OK = re.compile(r"以上|以下|级|級")


_HALF = re.compile(r"一半|半数|半數|过半|過半")


def find_mentions(text: str) -> list[Mention]:
    """Every figure in the text, in order, none overlapping."""
    mentions = _figures(text)
    if "半" in text:  # 一半, 过半: half of a whole, 50 percent (过半: more than half)
        halves = [Mention(h.start(), h.end(), h.group(), 50.0, "percent", ">" if h.group()[0] in "过過" else None, {"fraction"})
                  for h in _HALF.finditer(text)]
        if halves:
            mentions = sorted(mentions + halves, key=lambda m: m.start)
    return mentions


def _figures(text: str) -> list[Mention]:
    mentions: list[Mention] = []
    pos = 0
    for m in _CORE.finditer(text):
        if m.start() < pos:
            continue
        found = _read(text, m)
        if found is not None:
            mentions.append(found)
            pos = found.end
    return mentions


def _read(text: str, m: re.Match) -> Mention | None:
    start = m.start()
    before = text[start - 1] if start else ""
    if before == "第" or _LATIN.match(before) or _NAME_JOIN.match(before) or before == ".":
        return None  # 第三场, G60, 1+8, PM2.5: ordinals and names
    if before == "每":
        return None  # 每千名常住人口, 每10万人: the denominator of a rate, not an amount
    if m.group("cn"):
        return _read_chinese(text, m)
    digits = m.group("digits")
    end = m.end()
    nxt = text[end] if end < len(text) else ""
    if _LATIN.match(nxt) or _NAME_JOIN.match(nxt):
        return None  # 5G, 3+3
    if nxt == "分" and text.startswith("分之", end):
        return _fraction(text, start, m.group("sign"))
    if nxt in ("/", "／") and before not in ("/", "／"):
        return _digit_fraction(text, start)
    if before == "前" and re.match(r"[0-9]*\s?(?:名|位|强|强)", text[end:end + 3]):
        return None  # 前10名, 前100强: a rank, not an amount
    value = parse_digits(digits)
    if m.group("sign"):
        value = -value
    if len(digits) == 4 and 1900 <= value <= 2100 and _YEAR_AFTER.match(text, end):
        return None  # 2023年, 2019~2023 年: years
    if nxt == "成" and _tenths_ok(text, end + 1):
        return _tenths(text, start, end + 1, value)
    return _finish(text, start, end, value, chinese=False)


def _read_chinese(text: str, m: re.Match) -> Mention | None:
    start, run = m.start(), m.group("cn")
    end = m.end()
    if text.startswith("分之", end) and run:
        return _fraction(text, start, None)
    if text.startswith("成", end) and len(run) == 1 and _tenths_ok(text, end + 1):
        value = parse_chinese(run)
        if value is not None and 1 <= value <= 10:
            return _tenths(text, start, end + 1, value)
        return None
    # a Chinese numeral is a figure only with a scale character (三千五百家, 两千亿元, 百亿元): 三家, 五年 are optional
    if not any(c in "十百千万亿拾佰仟萬億" for c in run):
        return None
    # 十四五, 二十大: names, not figures, end in a character that is no unit
    value = parse_chinese(run)
    if value is None:
        return None
    bare = all(c in "万亿萬億" for c in run)
    found = _finish(text, start, end, value, chinese=True)
    if found is None:
        return None
    if bare:
        if not _BARE_SCALE_OK.match(text, found.end):
            return None  # 亿元 alone is a word; 亿元以上 is a threshold
        found.flags.add("threshold")
    if found.unit == "count" and not any(c in "百千万亿佰仟萬億" for c in run):
        return None  # 十二个: a small count in words
    return found


_DIGIT_FRACTION = re.compile(r"(?P<num>[0-9]{1,3})[/／](?P<den>[0-9]{1,4})(?![0-9./／年月日号])")


def _digit_fraction(text: str, start: int) -> Mention | None:
    """占全国的1/15: a fraction written in digits is a share in percent (the contract: "1/80" is 1.25); a date
    (2023/9/19, 9/19) or a numerator not below its denominator is none."""
    f = _DIGIT_FRACTION.match(text, start)
    if not f:
        return None
    num, den = int(f["num"]), int(f["den"])
    if not 0 < num < den:
        return None
    return Mention(start, f.end(), f.group(), round(100.0 * num / den, 3), "percent", flags={"fraction"})


def _tenths(text: str, start: int, end: int, value: float) -> Mention:
    """N成 is N tenths, in percent; 多 or 余 right after it (两成多) means more than that."""
    if text[end:end + 1] in ("多", "余", "餘"):
        return Mention(start, end + 1, text[start:end + 1], value * 10, "percent", ">", {"tenths"})
    return Mention(start, end, text[start:end], value * 10, "percent", flags={"tenths"})


def _tenths_ok(text: str, after: int) -> bool:
    nxt = text[after] if after < len(text) else ""
    if nxt in _TENTHS_NEXT:
        return False
    return not text.startswith("不变", after)


def _fraction(text: str, start: int, sign) -> Mention | None:
    f = _FRACTION.match(text, start)
    if not f:
        return None
    den_text, num_text = f.group("den"), f.group("num")
    den = parse_digits(den_text) if den_text.isdigit() else parse_chinese(den_text)
    num = parse_digits(num_text) if num_text[0].isdigit() else parse_chinese(num_text)
    if not den or num is None:
        return None
    end = f.end()
    if den == 1000:
        return Mention(start, end, text[start:end], num, "permille", flags={"fraction_word"})
    if den == 100:
        return Mention(start, end, text[start:end], num, "percent", flags={"percent_word"})
    return Mention(start, end, text[start:end], round(num / den * 100, 3), "percent", flags={"fraction"})


def _finish(text: str, start: int, end: int, value: float, chinese: bool) -> Mention | None:
    """The figure whose number runs from ``start`` to ``end``: its scale, unit or counter, rate and approximator."""
    a = _AFTER.match(text, end)
    scale, unit_word = a.group("scale"), a.group("unit")
    approx = ">" if (a.group("more1") or a.group("more2")) else None
    flags = {"chinese"} if chinese else set()
    if scale:
        value *= _SCALES[scale]
    if not unit_word:
        return _without_unit(text, start, end, value, scale, flags)
    stop = a.end()
    unit, factor = _unit_of(unit_word)
    if _calendar_or_name(text, start, stop, value, unit, unit_word, bool(scale), chinese):
        return None
    value *= factor
    start, stop, unit = _rate(text, start, stop, unit)
    if unit == "times" and _GROWTH.search(text, max(0, start - 6), start):
        unit, value = "percent", value * 100  # 增长1.8倍, 增长近1倍: the growth, in percent
        flags.add("growth_multiple")
    return Mention(start, stop, text[start:stop], _clean(value), unit, approx, flags)


def _without_unit(text: str, start: int, end: int, value: float, scale: str | None, flags: set) -> Mention | None:
    """A number with no unit: a ratio's first term (男女比为 1.09:1 reads as a multiple), else maybe a range's start."""
    ratio = _RATIO.search(text, max(0, start - 6), start)
    if ratio and "chinese" not in flags and not scale:
        stop = end
        rest = re.match(r"\s?[:：]?\s?1(?![0-9.])", text[end:end + 4])
        if rest:
            stop = end + rest.end()
        return Mention(start, stop, text[start:stop], value, "times", flags=flags | {"ratio"})
    return _range_start(text, start, end, value, scale, flags)


def _calendar_or_name(text: str, start: int, stop: int, value: float, unit: str, unit_word: str, scaled: bool,
                      chinese: bool) -> bool:
    """Numbers with a unit word that are no amount: a year (2023年), a calendar word (年度 年代 年底), a meeting's
    ordinal (六次全会), a policy's name (新12条, “20条”)."""
    if unit == "year" and not chinese and 1900 <= value <= 2100 and not scaled:
        return True
    if unit_word == "年" and text.startswith(("度", "代", "级", "底", "末", "初", "中", "前", "后", "以来"), stop):
        return True
    if unit == "count" and unit_word in ("次", "场", "批", "届") and text.startswith(("会", "全会", "会议", "党代会"), stop):
        return True
    return unit == "count" and text[start - 1:start] in ("“", "新", "\"") and unit_word in ("条", "项", "个")


def _rate(text: str, start: int, stop: int, unit: Unit) -> tuple[int, int, Unit | Rate]:
    """A rate's denominator, after the unit (元/平方米, 元/人) or before the number (每平方米9千元)."""
    if unit in ("count", "percent", "pp"):
        return start, stop, unit
    rate = _RATE.match(text, stop)
    if rate:
        return start, rate.end(), per(unit, _DENOMINATORS[rate.group("den")])
    before = _PER_BEFORE.search(text, max(0, start - 5), start)
    if before:
        return before.start(), stop, per(unit, _DENOMINATORS[before.group("den")])
    return start, stop, unit


def _clean(value: float) -> float:
    """12 significant digits: 16715.15 × 1e8 is 1671515000000, not 1671515000000.0002."""
    return float(f"{value:.12g}")


def _range_start(text: str, start: int, end: int, value: float, scale: str | None, flags: set) -> Mention | None:
    """'5-10亿元', '3至5家': the first number of a range takes the scale and unit written once after the second."""
    r = _RANGE.match(text, end)
    if not r:
        return None
    core = _CORE.match(text, r.end())
    if not core or not core.group("digits") or core.group("sign"):
        return None
    second = _read(text, core)
    if second is None or "ratio" in second.flags:
        return None
    written = parse_digits(core.group("digits"))
    factor = 1.0 if scale or not written else second.value / written
    if second.unit.startswith("percent") and "growth_multiple" in second.flags:
        return None
    return Mention(start, end, text[start:end], _clean(value * factor), second.unit, None, flags | {"range"})


def _unit_of(word: str) -> tuple[str, float]:
    if word in _UNIT_MAP:
        unit, factor = _UNIT_MAP[word]
        return unit, float(factor)
    return "count", 1.0
