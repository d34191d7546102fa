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


@pytest.mark.parametrize("text, period", [
    ("1-6月,全区税收收入达到120亿元。", "2023-H1"),
    ("2022年1至6月,全区税收收入达到120亿元。", "2022-H1"),
    ("1-3月,全区税收收入达到120亿元。", "2023-Q1"),
    ("前6个月,全区税收收入达到120亿元。", "2023-H1"),
    ("1-9月,全区税收收入达到120亿元。", "2023-01/2023-09"),
])
def test_january_to_june_is_the_first_half_and_to_march_the_first_quarter(text, period):
    assert periods(text) == [(text.split("达到")[1].rstrip("。"), period)]


def test_since_the_start_of_the_year_runs_to_the_month_reported():
    # a news text: to the month of its date
    assert periods("今年以来,全区新增企业120家。", "2023-08-22") == [("120家", "2023-01/2023-08")]
    # a statistics analysis dated in June about January to May: to the month its title names
    doc = extract_text("2024年1-5月长宁区经济运行简析\n今年以来,全区完成区级一般公共预算收入68.9亿元。\n发文日期:2024年6月21日")
    assert [(q.text, q.period) for q in doc.quantities] == [("68.9亿元", "2024-01/2024-05")]


def test_the_years_plan_is_no_time_of_the_figure():
    assert periods("1-5月,全区完成区级一般公共预算收入68.9亿元,完成全年预算的47.2%。") == [
        ("68.9亿元", "2023-01/2023-05"), ("47.2%", "2023-01/2023-05")]


def test_the_past_year_of_a_work_report_is_the_year_it_reviews():
    doc = extract_text("2023年上海市长宁区人民政府工作报告\n过去的一年,全区经济企稳回升。全年实现地区生产总值1730.4亿元。\n"
                       "科技创新持续增强。新增科技企业630家。")
    assert [(q.text, q.period) for q in doc.quantities] == [("1730.4亿元", "2022"), ("630家", "2022")]


def test_a_yearbook_entry_heading_does_not_stop_its_year_framing_the_entry():
    doc = extract_text("长宁年鉴(2022)\n【概况】2021年,长宁区实现地区生产总值402.3亿元。\n【旅游】接待游客683.5万人次。")
    assert [(q.text, q.period) for q in doc.quantities] == [("402.3亿元", "2021"), ("683.5万人次", "2021")]


def test_a_numbered_heading_with_a_year_dates_its_section():
    doc = extract_text("2023年青浦区人民政府工作报告\n一、2022年工作回顾\n全年实现地区生产总值1300亿元,增长3%。\n"
                       "西虹桥商务区新增企业1200家。\n二、经济运行\n全年税收收入300亿元。")
    assert [(q.text, q.period) for q in doc.quantities] == [
        ("1300亿元", "2022"), ("3%", "2022"), ("1200家", "2022"), ("300亿元", "2022")]


def test_a_multiple_of_an_earlier_years_figure_runs_from_that_year():
    doc = extract_text("杨浦区举行发布会。2022年,全区科技企业达到3000家,是2017年的2倍。", briefing_date="2023-08-22")
    q = {x.text: x for x in doc.quantities}
    assert (q["2倍"].kind, q["2倍"].basis, q["2倍"].period, q["2倍"].value, q["2倍"].unit) == (
        "change", "cumulative", "2017/2022", 2, "times")
    assert q["3000家"].period == "2022"


def test_a_source_lead_in_does_not_stop_a_time_heading_its_sentence():
    doc = extract_text("上海青浦新闻。据青浦区统计局数据,上半年青浦区实现地区生产总值620亿元。其中,西虹桥商务区贡献了三成以上。",
                       briefing_date="2023-08-22")
    assert [(q.text, q.period) for q in doc.quantities] == [("620亿元", "2023-H1"), ("三成", "2023-H1")]


def test_a_topic_before_its_time_after_a_lead_in_still_heads_the_sentence():
    # Chinese writes the topic, then the time: after a lead-in clause (在...方面, 其中), the time frames the sentence
    # and the sentences after it in the paragraph
    text = "黄浦区举行发布会。\n在商业消费方面,南京路步行街2024年客流量达到1.6亿人次;豫园商圈全年实现销售额约320亿元。"
    assert dict(periods(text, "2025-06-17")) == {"1.6亿人次": "2024", "320亿元": "2024"}
    text = "静安区举行发布会。\n其中,南京西路商圈上半年实现销售额613.8亿元。苏河湾商圈销售额达到96.2亿元。"
    assert dict(periods(text, "2026-07-21")) == {"613.8亿元": "2026-H1", "96.2亿元": "2026-H1"}
    # a figure before the time still dates nothing after it
    text = "全区新增企业300家。\n在民生方面,新增床位120张,瑞金医院去年门急诊量560万人次。下半年将新增床位50张。"
    assert dict(periods(text, "2025-06-17"))["120张"] is None


@pytest.mark.parametrize("text, period", [
    ("全区力争两年内建成5个示范社区。", "2025"),
    ("三年内新增企业500家。", "2026"),
    ("未来五年,新增企业500家。", "2028"),
])
def test_within_n_years_is_a_deadline_from_the_texts_year(text, period):
    assert periods(text)[0][1] == period


def test_a_headline_figure_is_the_body_figure_it_repeats():
    text = ("北外滩加速崛起 虹口航运服务企业超三千五百家\n2023年05月16日 来源:新民晚报\n"
            "截至今年4月底,北外滩地区已集聚航运服务企业3500余家。")
    doc = extract_text(text)
    head, body = doc.quantities[0], doc.quantities[-1]
    assert head.text == "三千五百家" and body.text == "3500余家"
    assert (head.period, head.subject) == (body.period, body.subject) == ("2023-01/2023-04", "北外滩")


def test_this_year_before_plan_as_a_verb_is_a_time():
    assert periods("据悉,南桥新城今年计划完成投资200亿元。", "2024-07-20") == [("200亿元", "2024")]
    assert periods("上半年,全区完成今年计划的60%。", "2024-07-20") == [("60%", "2024-H1")]  # the year's plan, a noun


def test_a_month_sentence_inside_a_longer_report_frames_only_itself():
    text = ("2025年1-5月宝山区经济运行情况分析\n"
            "1-5月,全区完成规模以上工业总产值1186.4亿元。其中,5月份完成规模以上工业总产值251.3亿元,同比增长6.4%;"
            "区属工业完成产值120.5亿元。新材料产业完成产值402.8亿元,增长8.6%。\n")
    q = {x.text: x for x in extract_text(text, briefing_date="2025-06-25").quantities}
    assert q["251.3亿元"].period == q["120.5亿元"].period == "2025-05"  # a clause after ； goes on with the month
    assert q["402.8亿元"].period == q["8.6%"].period == "2025-01/2025-05"


def test_a_year_then_de_dates_its_own_figure_inside_a_span():
    text = "嘉定区举行发布会。全区地区生产总值由2020年的2455.7亿元增加到2025年的3186.2亿元,年均增长5.4%。"
    q = {x.text: x for x in extract_text(text, briefing_date="2026-01-10").quantities}
    assert (q["2455.7亿元"].period, q["3186.2亿元"].period) == ("2020", "2025")


def test_full_width_digits_in_a_time_phrase_and_a_source_clause_before_the_time():
    q = {x.text: x for x in extract_text("普陀区举行发布会。根据计划,到２０２５年,普陀将再改造老旧厂房１０处。",
                                         briefing_date="2022-11-08").quantities}
    assert (q["１０处"].period, q["１０处"].kind) == ("2025", "target")
    text = "长宁区日前公布,2025年该区数字经济核心产业规模达到3126亿元。其中,网络新经济企业实现营业收入2284.5亿元,增长21.6%。"
    q = {x.text: x for x in extract_text(text, briefing_date="2026-02-09").quantities}
    assert q["2284.5亿元"].period == q["21.6%"].period == "2025"


def test_a_holiday_is_its_month_and_a_length_after_it_measures_it():
    q = {x.text: x for x in extract_text("金山区举行发布会。前三季度,全区接待游客1563万人次。枫泾古镇国庆假期7天接待游客42.3万人次。",
                                         briefing_date="2025-10-28").quantities}
    assert q["42.3万人次"].period == q["7天"].period == "2025-10"
    assert q["7天"].metric == "国庆假期"


def test_a_plans_figure_as_the_base_of_a_multiple_and_a_time_since_an_undated_event():
    q = {x.text: x for x in extract_text("金山区2021年政府工作报告\n“十三五”时期,区级一般公共预算收入累计完成512.3亿元,是“十二五”时期的1.6倍。\n"
                                         "张园开街以来累计接待游客超过600万人次。\n").quantities}
    assert (q["1.6倍"].kind, q["1.6倍"].basis) == ("change", "cumulative")
    assert q["600万人次"].period is None


def test_a_news_dateline_is_no_text_before_the_time_and_the_topic():
    q = {x.text: x for x in extract_text("吴淞口国际邮轮港上半年接待游客逾百万人次\n发布时间:2019年8月15日 来源:新民晚报\n"
                                         "新民晚报讯(记者 黄慧敏)今年上半年,吴淞口国际邮轮港共接靠邮轮118艘次。"
                                         "受航线调整影响,邮轮艘次同比下降21.3%。\n").quantities}
    assert q["21.3%"].period == "2019-H1"
    assert q["21.3%"].subject == "吴淞口国际邮轮港"


def test_a_time_since_frames_only_its_own_sentence_and_a_headline_takes_its_bodys_basis():
    text = ("静安区专场发布会\n2023年09月13日 来源:上观新闻\n"
            "“十四五”以来,全区累计引进跨国公司地区总部27家。市北高新园区集聚大数据企业1300余家。\n")
    q = {x.text: x for x in extract_text(text).quantities}
    assert q["27家"].period == "2021/2023"
    assert q["1300余家"].period is None
    text = ("嘉定区:新能源汽车产量三年增长1.6倍\n2025年06月12日 来源:上观新闻\n"
            "2024年,全区新能源汽车产量48.6万辆,比2021年增长1.6倍。\n")
    head, body = [x for x in extract_text(text).quantities if x.text == "1.6倍"]
    assert head.basis == body.basis == "cumulative"


def test_a_lead_in_naming_a_field_lets_the_time_after_it_head_the_sentence():
    q = {x.text: x for x in extract_text("长宁区举行发布会。在人工智能领域,长宁去年新增人工智能企业215家;虹桥智谷核心区的人工智能企业"
                                         "实现营业收入486亿元。", briefing_date="2026-02-09").quantities}
    assert q["215家"].period == q["486亿元"].period == "2025"


def test_as_of_a_month_is_of_the_texts_year_after_a_statement_about_last_year():
    q = {x.text: x for x in extract_text("长宁区举行发布会。民生方面,去年全区新增养老床位860张。截至5月底,全区便民生活圈覆盖率达到100%。",
                                         briefing_date="2024-06-13").quantities}
    assert q["860张"].period == "2023"
    assert q["100%"].period == "2024-01/2024-05"


def test_a_span_from_one_year_to_another_dates_only_its_own_clause():
    text = ("金山区2021年政府工作报告\n一、“十三五”时期工作回顾\n全区地区生产总值从2015年的892.6亿元增加到2020年的1161.7亿元;"
            "区级一般公共预算收入累计完成512.3亿元。\n")
    q = {x.text: x for x in extract_text(text).quantities}
    assert (q["892.6亿元"].period, q["1161.7亿元"].period) == ("2015", "2020")
    assert q["512.3亿元"].period == "2016/2020"


def test_a_time_after_its_verb_frames_no_sentence_after_it():
    got = dict(periods("前三季度,公司营业收入达到23.6亿元。订单已经排到明年二季度。公司出口额5.2亿元。", "2022-11-10"))
    assert got["5.2亿元"] == "2022-01/2022-09"


def test_you_opens_a_span_like_cong_and_its_sentence_does_not_frame_the_next():
    text = ("五年来,全区累计新增企业5000家。PM2.5年均浓度由2015年的53微克/立方米下降到2020年的32微克/立方米;"
            "金山城市沙滩年均接待游客约150万人次。")
    got = dict(periods(text, "2021-01-20"))
    assert (got["53微克/立方米"], got["32微克/立方米"]) == ("2015", "2020")
    assert got["150万人次"] == got["5000家"] != "2015"


def test_a_change_since_a_years_end_runs_from_that_year():
    q = extract_text("截至9月底,全区高新技术企业达2406家,比2020年末增长62.5%。", briefing_date="2023-11-15").quantities
    assert [(x.text, x.period, x.basis) for x in q] == [("2406家", "2023-01/2023-09", None), ("62.5%", "2020/2023", "cumulative")]


def test_an_average_growth_from_one_years_level_to_anothers_averages_the_years_after_the_first():
    text = "嘉定区举行发布会。全区地区生产总值由2020年的2455.7亿元增加到2025年的3186.2亿元,年均增长5.4%。"
    q = {x.text: x for x in extract_text(text, briefing_date="2026-01-10").quantities}
    assert (q["5.4%"].period, q["5.4%"].basis, q["5.4%"].why["period"]) == ("2021/2025", "annual_avg", "period.growth_years")
    q = {x.text: x for x in extract_text("2016—2020年,全区地区生产总值年均增长5.4%。", briefing_date="2021-01-10").quantities}
    assert q["5.4%"].period == "2016/2020"


def test_since_a_plan_began_in_a_work_report_runs_to_the_year_it_reviews():
    doc = extract_text("2020年奉贤区人民政府工作报告\n“十三五”以来,地区生产总值年均增长6.8%。\n")
    assert [(q.text, q.period) for q in doc.quantities] == [("6.8%", "2016/2019")]
    assert periods("“十四五”以来,全区新增企业120家。") == [("120家", "2021/2023")]


def test_a_level_a_span_of_years_ended_at_is_of_its_last_year():
    got = dict(periods("“十四五”以来,全区累计引进跨国公司地区总部27家,总数达到117家。", "2023-09-12"))
    assert (got["27家"], got["117家"]) == ("2021/2023", "2023")
    got = dict(periods("五年来,新兴产业产值占规上工业总产值比重提高到35.2%,年均接待游客约150万人次。", "2021-01-20"))
    assert (got["35.2%"], got["150万人次"]) == ("2021", "2017/2021")


def test_a_time_after_a_field_and_a_speaker_still_heads_its_sentence():
    got = dict(periods("科技创新方面,乔慧介绍,截至9月底,全区高新技术企业达2406家;国家级专精特新“小巨人”企业72家。", "2023-11-15"))
    assert got["72家"] == "2023-01/2023-09"
    got = dict(periods("上海闵行区日前公布,大零号湾今年上半年实现营业收入1268.5亿元;区内集聚硬科技企业1032家。", "2023-08-03"))
    assert got["1032家"] == "2023-H1"


def test_a_headline_figure_that_rounds_a_body_figure_is_that_figure():
    text = ("长宁数字经济规模突破三千亿元 网络新经济企业营收增逾两成\n2026年2月9日 来源:香港商报\n"
            "2025年该区数字经济核心产业规模达到3126亿元。其中,网络新经济企业实现营业收入2284.5亿元,增长21.6%。")
    q = {x.text: x for x in extract_text(text).quantities}
    assert (q["三千亿元"].period, q["两成"].period, q["两成"].basis) == ("2025", "2025", "yoy")
    far = extract_text("长宁数字经济规模突破三千亿元\n2026年2月9日 来源:香港商报\n2025年该区数字经济核心产业规模达到4126亿元。")
    assert far.quantities[0].period is None
