"""Chinese time phrases and the frames they set."""

from __future__ import annotations

import pytest

from hqd.extraction import extract_text


def periods(text: str, date: str | None = "2023-08-22") -> list[tuple[str, str | None]]:
    doc = extract_text(text, briefing_date=date)
    assert doc.language == "zh"
    return [(q.text, q.period) for q in doc.quantities]


@pytest.mark.parametrize("text, period", [
    ("上半年,全区地区生产总值增长9.1%。", "2023-H1"),
    ("1-7月,全区税收收入达到120亿元。", "2023-01/2023-07"),
    ("前三季度,全区税收收入达到120亿元。", "2023-01/2023-09"),
    ("2021年1-10月,全区税收收入达到120亿元。", "2021-01/2021-10"),
    ("前8个月,全区税收收入达到120亿元。", "2023-01/2023-08"),
    ("一季度,全区税收收入达到120亿元。", "2023-Q1"),
    ("今年,全区税收收入达到120亿元。", "2023"),
    ("去年,全区税收收入达到120亿元。", "2022"),
    ("“十三五”期间,全区税收收入达到120亿元。", "2016/2020"),
    ("“十四五”以来,全区新增企业120家。", "2021/2023"),
    ("2015年实施整治以来,累计淘汰企业225家。", "2015/2023"),
    ("从2016年开始,到2022年底累计调整企业79家。", "2016/2022"),
    ("到2025年,高新技术企业达到3000家。", "2025"),
    ("今年到7月税收已突破100亿元。", "2023-01/2023-07"),
])
def test_periods(text, period):
    assert periods(text)[0][1] == period


def test_a_base_is_not_a_period():
    # 比上年 and 比2019年同期 name the base of a change, not when the figure is
    assert periods("1-10月,全区产值4317.1亿元,比2019年同期下降10.8%,比上年增长5%。", "2021-10-20") == [
        ("4317.1亿元", "2021-01/2021-10"), ("10.8%", "2021-01/2021-10"), ("5%", "2021-01/2021-10")]


def test_a_sentence_head_frames_the_sentences_after_it_in_its_paragraph():
    text = "全区汽车产业发展迅速。2022年,汽车产业规模超8300亿元;总产出1646.9亿元。\n全区集聚企业4300多家。"
    assert periods(text) == [("8300亿元", "2022"), ("1646.9亿元", "2022"), ("4300多家", None)]


def test_a_paragraph_head_frames_later_paragraphs_until_another():
    text = "2023年,全区经济平稳发展。\n全年实现地区生产总值 16715.15 亿元。\n至年末,全区常住人口为 581.11 万人。"
    assert [p for _, p in periods(text, None)] == ["2023", "2023"]


def test_a_phrase_inside_a_sentence_dates_only_what_follows():
    text = "已集聚企业600多家,2022年总产出突破1600亿元。"
    assert periods(text) == [("600多家", None), ("1600亿元", "2022")]


def test_years_before_an_average():
    text = "过去五年,全区发展迅速。\n地区生产总值五年年均增长6%,2021年完成财政收入220.54亿元。"
    assert periods(text, None) == [("6%", "2017/2021"), ("220.54亿元", "2021")]
