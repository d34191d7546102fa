"""Tables, title frames and the smaller conventions of Chinese figures."""

from __future__ import annotations

import pytest

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
    assert doc.quantities[1].why["kind"] == "kind.table_column" and doc.quantities[1].why["basis"] == "basis.table_column"
    assert doc.quantities[0].why["metric"] == "metric.table_row_label"


def test_a_markdown_table_with_units_in_its_headers_and_the_title_s_period():
    text = "2024年1-8月松江区经济运行情况\n| 指标 | 1-8月(亿元) | 同比(%) |\n|---|---|---|\n| 社会消费品零售总额 | 701.5 | -1.2 |\n"
    q = extract_text(text, briefing_date="2024-09-20").quantities
    assert [(x.text, x.value, x.kind, x.basis, x.period) for x in q] == [
        ("701.5", 7.015e10, "level", None, "2024-01/2024-08"), ("-1.2", -1.2, "change", "yoy", "2024-01/2024-08")]


def test_a_statistics_title_frames_the_page_but_a_work_report_title_does_not():
    assert extract_text("2023年嘉定区经济运行情况\n全区实现地区生产总值2845.6亿元。").quantities[0].period == "2023"
    assert extract_text("2024年嘉定区政府工作报告\n全区实现地区生产总值2845.6亿元。").quantities[0].period is None


def test_a_year_after_a_goal_word_in_a_title_is_no_frame():
    text = "松江区前三季度规上工业产值增长8.6% 力争2025年战新产业产值突破2500亿元\n1-9月实现税收42.6亿元。"
    q = {x.text: x for x in extract_text(text, briefing_date="2023-11-15").quantities}
    assert q["42.6亿元"].period == "2023-01/2023-09"


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


def test_a_work_report_reviews_the_year_before_it_is_given():
    text = ("2023年杨浦区人民政府工作报告\n一、2022年工作回顾\n过去一年,全区地区生产总值达到2650亿元,增长2.1%。"
            "五年来,杨浦新增科技型企业超过1.8万家。\n二、2023年主要目标\n今年经济社会发展的主要预期目标是:地区生产总值增长6%左右。")
    q = {x.text: x for x in extract_text(text).quantities}
    assert (q["2650亿元"].period, q["2.1%"].basis) == ("2022", "yoy")
    assert q["1.8万家"].period == "2018/2022"
    assert (q["6%"].kind, q["6%"].period, q["6%"].approx) == ("target", "2023", "~")


def test_a_milestone_dated_by_a_month_to_come():
    doc = extract_text("推动滨江南段公共空间在明年6月前全面贯通。", briefing_date="2023-01-06")
    assert [(t.deadline, t.value) for t in doc.targets] == [("2024-06", None)]


@pytest.mark.parametrize("text, deadline", [("徐汇滨江美术馆预计明年5月开馆。", "2024-05"), ("新建学校3所,计划于明年9月开学。", "2024-09"),
                                            ("该项目主体结构将于年底封顶。", "2023"), ("光伏电站计划明年6月并网发电。", "2024-06")])
def test_more_steps_a_project_may_promise(text, deadline):
    assert [t.deadline for t in extract_text(text, briefing_date="2023-09-19").targets if t.value is None] == [deadline]


def test_a_threshold_that_qualifies_a_noun_names_a_class():
    q = extract_text("其中估值超过10亿元的企业8家,在建亿元以上产业项目97个。", briefing_date="2023-11-28").quantities
    got = {x.text: x for x in q}
    assert got["10亿元"].period is None and got["10亿元"].approx == ">"
    assert got["8家"].metric == "估值超过10亿元的企业"
    assert got["97个"].metric == "在建亿元以上产业项目"


def test_an_approximate_share_verb():
    q = extract_text("全区规上工业总产值达到3100亿元,约占全市的十分之一。", briefing_date="2023-11-28").quantities
    assert (q[1].text, q[1].kind, q[1].approx) == ("十分之一", "share", "~")


def test_a_transcript_s_host_is_no_official_and_its_day_is_its_page_s():
    text = ("“高质量发展在申城”系列主题市政府新闻发布会第二十场文字实录\n发布时间:2023-11-28 10:30\n"
            "主持人:上海市政府新闻发言人 王亮\n出席人:闵行区委书记 陈宇剑,闵行区委副书记、区长 陈华文\n"
            "王亮:今天的发布会是“高质量发展在申城”系列主题第二十场——“打造南部科创中心核心区”闵行区专场。")
    meta = extract_text(text).meta
    assert (meta.date, meta.published, meta.session, meta.district) == ("2023-11-28", "2023-11-28", 20, "Minhang")
    assert [o.name for o in meta.officials] == ["陈宇剑", "陈华文"]
    assert meta.theme == "打造南部科创中心核心区"


def test_a_table_set_apart_by_spaces():
    text = ("浦东新区2019年国民经济和社会发展统计公报\n二、工业\n全年规模以上工业总产值10283.5亿元。\n"
            "表1 2019年规模以上工业主要行业产值\n行业 产值(亿元) 比上年增长(%)\n电子信息产品制造业 2684.1 2.6\n汽车制造业 2357.9 -3.4\n\n"
            "表2　主要行业\n行业\u3000\u3000产值（亿元）\u3000\u3000比上年增长（%）\n新材料\u3000\u3000351.2\u3000\u3000\u30008.3\n三、商业\n")
    q = {x.text: x for x in extract_text(text).quantities}
    assert (q["2684.1"].value, q["2684.1"].unit, q["2684.1"].kind, q["2684.1"].metric) == (2.6841e11, "CNY", "level", "电子信息产品制造业")
    assert (q["-3.4"].value, q["-3.4"].unit, q["-3.4"].kind, q["-3.4"].basis) == (-3.4, "percent", "change", "yoy")
    assert (q["351.2"].value, q["8.3"].kind) == (3.512e10, "change")
    assert q["2684.1"].period == "2019"
