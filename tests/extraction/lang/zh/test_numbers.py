"""Chinese figures: value, unit and span; what is not a figure. cn2an is the oracle for Chinese numerals."""

from __future__ import annotations

import pytest

from hqd.extraction.lang.zh.numbers import find_mentions
from hqd.extraction.lang.zh.numerals import parse_chinese


def one(text):
    found = find_mentions(text)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start:m.end] == m.text
    return m


@pytest.mark.parametrize("text, value, unit", [
    ("84.7亿元", 8.47e9, "CNY"), ("3.5万亿元", 3.5e12, "CNY"), ("24.3万户", 243000, "count"), ("1633家", 1633, "count"),
    ("２．３个百分点", 2.3, "pp"), ("１２．５％", 12.5, "percent"), ("两千亿元", 2e11, "CNY"), ("三千五百家", 3500, "count"),
    ("3,216亩", 3216, "mu"), ("77872吨标准煤", 77872, "tce"), ("59微克/立方米", 59, "ug/m3"), ("5.1‰", 5.1, "permille"),
    ("300万千瓦", 3e6, "kW"), ("12.5万标准箱", 125000, "TEU"), ("54.42亿美元", 5.442e9, "USD"), ("9千元/平方米", 9000, "CNY/m2"),
    ("每平方米9千元", 9000, "CNY/m2"), ("30分钟", 30, "minute"), ("12年", 12, "year"), ("1.5倍", 1.5, "times"),
    ("10公顷", 10, "ha"), ("210万平方米", 2.1e6, "m2"), ("20平方公里", 20, "km2"), ("5.6億元", 5.6e8, "CNY"),
    ("3萬人", 30000, "count"), ("兩千億元", 2e11, "CNY"), ("16715.15 亿元", 1.671515e12, "CNY"),
])
def test_values_and_units(text, value, unit):
    m = one(text)
    assert m.value == pytest.approx(value) and m.unit == unit


@pytest.mark.parametrize("text, value", [("三分之一", 33.333), ("七分之一", 14.286), ("百分之五", 5), ("近七成", 70)])
def test_fractions_and_tenths_are_percent(text, value):
    m = find_mentions(text)[0]
    assert m.unit == "percent" and m.value == pytest.approx(value)


def test_per_mille_in_words():
    m = one("千分之五")
    assert (m.value, m.unit) == (5, "permille")


def test_growth_by_n_times_is_a_change_in_percent():
    m = one("比2015年增长1.8倍")
    assert (m.value, m.unit) == (180, "percent") and "growth_multiple" in m.flags
    # an approximator between the verb and the number does not change what is counted
    for text in ("比2015年增长近1倍", "比2015年增长了约2倍", "比2015年增长超过3倍"):
        m = one(text)
        assert m.unit == "percent" and m.value in (100, 200, 300) and "growth_multiple" in m.flags
    assert one("是全市平均水平的近1倍").unit == "times"
    assert one("是全国平均水平的1.8倍").unit == "times"


@pytest.mark.parametrize("text", ["600多家", "6100余家", "100多万人"])
def test_more_inside_the_figure(text):
    assert one(text).approx == ">"


def test_a_range_gives_its_first_number_the_unit_written_once():
    first, second = find_mentions("投资5-10亿元")
    assert (first.text, first.value, first.unit) == ("5", 5e8, "CNY") and second.value == 1e9


def test_a_signed_growth():
    assert one("增长-3.2%").value == -3.2


def test_a_bare_scale_threshold():
    m = one("亿元以上项目")
    assert m.value == 1e8 and "threshold" in m.flags


@pytest.mark.parametrize("text", [
    "2023年", "7月25日", "上午10时", "第三场", "第15场", "全市第二", "位居第一", "G60科创走廊", "5G基站", "“1+8”", "“3+5+X”",
    "一是", "（一）", "1.", "PM2.5", "十四五", "三家", "五大产业", "四个能级", "2019~2023 年", "十一届区委八次全会", "2022年度",
])
def test_not_figures(text):
    assert find_mentions(text) == []


@pytest.mark.parametrize("text", ["两千亿", "三千五百", "十二", "一百零五", "一万", "三千五百万", "一亿二千万", "二十", "九十九"])
def test_chinese_numerals_agree_with_cn2an(text):
    cn2an = pytest.importorskip("cn2an")
    assert parse_chinese(text) == float(cn2an.cn2an(text, "normal"))


def test_traditional_and_digit_by_digit():
    assert parse_chinese("兩萬") == 20000
    assert parse_chinese("二〇二三") == 2023
    assert parse_chinese("三点五") == 3.5


def test_a_fraction_in_digits_is_a_share_in_percent():
    m = one("占全国的1/15")
    assert (m.text, m.value, m.unit) == ("1/15", 6.667, "percent") and "fraction" in m.flags
    assert one("1/80").value == 1.25
    for not_a_fraction in ("2023/9/19", "发布于9/19日", "3/2"):
        assert find_mentions(not_a_fraction) == []
    assert one("9000元/平方米").unit == "CNY/m2"


def test_more_after_tenths_means_more_than():
    m = one("两成多")
    assert (m.text, m.value, m.approx) == ("两成多", 20, ">")
    assert one("3成").approx is None


@pytest.mark.parametrize("text, figure", [("每千名常住人口医疗卫生机构床位数达到5.5张", "5.5张"), ("每10万人拥有律师30名", "30名"),
                                          ("每万人口发明专利拥有量达到50件", "50件")])
def test_the_denominator_of_a_rate_is_no_figure(text, figure):
    assert [m.text for m in find_mentions(text)] == [figure]
