"""Tables, title frames and the smaller conventions of Chinese figures."""

from __future__ import annotations

from hqd.extraction import extract_text
from tests.conftest import assert_grounded


def test_a_table_reads_its_cells_by_their_headers():
    text = ("2023年嘉定区主要经济指标\n指标 | 单位 | 2023年 | 比上年增长(%)\n地区生产总值 | 亿元 | 2845.6 | 5.2\n"
            "规模以上工业总产值 | 亿元 | 4321.5 | -3.1\n常住人口 | 万人 | 185.3 | 0.4\n")
    doc = extract_text(text)
    assert_grounded(doc.text, doc.quantities)
    got = [(q.text, q.value, q.unit, q.kind, q.metric, q.period) for q in doc.quantities]
    assert got[:4] == [("2845.6", 2.8456e11, "CNY", "level", "地区生产总值", "2023"),
                       ("5.2", 5.2, "percent", "change", "地区生产总值", "2023"),
                       ("4321.5", 4.3215e11, "CNY", "level", "规模以上工业总产值", "2023"),
                       ("-3.1", -3.1, "percent", "change", "规模以上工业总产值", "2023")]
    assert got[4][1:3] == (1853000, "count")


def test_a_markdown_table_with_units_in_its_headers_and_the_title_s_period():
    text = "2024年1-8月松江区经济运行情况\n| 指标 | 1-8月(亿元) | 同比(%) |\n|---|---|---|\n| 社会消费品零售总额 | 701.5 | -1.2 |\n"
    q = extract_text(text, briefing_date="2024-09-20").quantities
    assert [(x.text, x.value, x.kind, x.basis, x.period) for x in q] == [
        ("701.5", 7.015e10, "level", None, "2024-01/2024-08"), ("-1.2", -1.2, "change", "yoy", "2024-01/2024-08")]


def test_a_statistics_title_frames_the_page_but_a_work_report_title_does_not():
    assert extract_text("2023年嘉定区经济运行情况\n全区实现地区生产总值2845.6亿元。").quantities[0].period == "2023"
    assert extract_text("2024年嘉定区政府工作报告\n全区实现地区生产总值2845.6亿元。").quantities[0].period is None


def test_the_next_five_years_is_a_deadline():
    q = extract_text("未来五年,全区力争新增企业500家。", briefing_date="2022-03-01").quantities[0]
    assert (q.kind, q.period) == ("target", "2027")


def test_a_change_against_last_year_end_has_no_period_base():
    q = {x.text: x for x in extract_text("全区高新技术企业1200家,比上年末增加142家。", briefing_date="2023-03-01").quantities}
    assert (q["142家"].kind, q["142家"].basis) == ("change", None)


def test_ranks_and_policy_names_are_not_figures():
    assert extract_text("综合实力位列全国前10名,出台“新12条”政策。", briefing_date="2023-03-01").quantities == []


def test_a_goal_counted_in_words_is_a_target_but_no_quantity():
    doc = extract_text("二、2024年主要任务\n力争新增上市企业两家,帮助三家企业完成改制。", briefing_date="2024-01-20")
    assert doc.quantities == []
    assert [(t.text, t.value, t.unit, t.deadline, t.quantity_ref) for t in doc.targets] == [
        ("力争新增上市企业两家", 2, "count", "2024", None), ("帮助三家企业完成改制", 3, "count", "2024", None)]
