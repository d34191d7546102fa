"""Metadata of Chinese briefings and the goals of work reports."""

from __future__ import annotations

import pytest

from hqd.extraction import extract_text

BRIEFING = (
    "宝山区:推进“北转型”打造新宝山\n2023-09-19 来源:东方网\n"
    "东方网记者9月19日报道:今天上午,上海市政府新闻办举行“高质量发展在申城”系列主题市政府新闻发布会第十二场——"
    "“推进北转型,打造新宝山”宝山区专场。宝山区委书记周立新介绍宝山区推动经济社会高质量发展情况。"
    "宝山区委副书记、区长沈嘉平,宝山区发展改革委主任葛文出席发布会,并回答记者提问。\n"
)


def test_briefing_metadata():
    meta = extract_text(BRIEFING).meta
    assert (meta.published, meta.date, meta.district, meta.session) == ("2023-09-19", "2023-09-19", "Baoshan", 12)
    assert meta.series == "高质量发展在申城"
    assert meta.theme == "推进北转型,打造新宝山"
    assert [(o.name, o.title) for o in meta.officials] == [
        ("周立新", "宝山区委书记"), ("沈嘉平", "宝山区委副书记、区长"), ("葛文", "宝山区发展改革委主任")]


def test_corner_brackets_quote_the_series_and_theme_and_names_keep_their_own_characters():
    text = ("上海徐匯:打造創新徐匯\n2023-09-06 來源:大公網\n上海市政府新聞辦6日舉行「高質量發展在申城」系列主題市政府新聞發布會"
            "第十一場——「建設創新徐匯」徐匯區專場。徐匯區委書記于洋介紹情況。徐匯區區長王平出席發布會。該中心將於明年竣工。\n")
    meta = extract_text(text).meta
    assert (meta.series, meta.theme, meta.session) == ("高質量發展在申城", "建設創新徐匯", 11)
    # 于 is written so in the name though the text writes 於 elsewhere (將於)
    assert [o.name for o in meta.officials] == ["于洋", "王平"]


def test_a_work_report_is_published_the_day_it_was_delivered():
    meta = extract_text("2024年上海市长宁区人民政府工作报告\n——2024年1月9日在上海市长宁区第十七届人民代表大会第四次会议上\n"
                        "各位代表:今天举行的大会上,全区实现地区生产总值1800亿元。").meta
    assert (meta.published, meta.date, meta.district) == ("2024-01-09", None, "Changning")


def test_a_month_and_day_with_no_year_anywhere_is_no_date():
    meta = extract_text("中新网上海8月22日电 上海市政府新闻办22日举行“高质量发展在申城”系列之嘉定区专场新闻发布会。").meta
    assert meta.date is None and meta.district == "Jiading"


def test_a_statistics_page_date_label():
    meta = extract_text("索引号:SJ-2024-00186 | 发布机构:区统计局 | 发文日期:2024年9月23日\n2024年1-8月松江区经济运行情况分析\n").meta
    assert meta.published == "2024-09-23" and meta.district == "Songjiang" and meta.officials == []


def test_a_goal_list_gives_each_item_a_target_even_without_a_figure():
    text = ("二、2025年主要任务\n今年是“十四五”规划收官之年。\n"
            "建议今年经济社会发展的主要预期目标是:地区生产总值增长与全市保持同步,一般公共预算收入增长5%,城镇调查失业率小于5.5%。")
    doc = extract_text(text)
    assert [(t.text, t.deadline, t.value) for t in doc.targets] == [
        ("地区生产总值增长与全市保持同步", "2025", None), ("一般公共预算收入增长5%", "2025", 5.0), ("城镇调查失业率小于5.5%", "2025", 5.5)]
    assert all(q.kind == "target" for q in doc.quantities)


def test_a_plan_section_makes_its_figures_goals():
    text = ("2024年上海市普陀区人民政府工作报告\n一、2023年工作回顾\n2023年,全区实现地区生产总值1340.6亿元。\n"
            "二、2024年主要预期目标和重点任务\n(二)持续惠民生。新建社区养老服务综合体3家。")
    q = {x.text: x for x in extract_text(text).quantities}
    assert q["1340.6亿元"].kind == "level"
    assert q["3家"].kind == "target"


def test_a_milestone_with_a_time_to_come_is_a_target():
    text = "虹口区商务委介绍。\n北外滩城市新地标项目将于年内开工建设。轨道交通19号线宝山段力争年底前开工。"
    doc = extract_text(text, briefing_date="2023-05-16")
    assert [(t.text, t.deadline) for t in doc.targets] == [
        ("北外滩城市新地标项目将于年内开工", "2023"), ("轨道交通19号线宝山段力争年底前开工", "2023")]


def test_a_reported_estimate_is_a_target_of_that_year():
    text = "过去五年工作回顾\n2021年预计完成社会消费品零售总额1200亿元,五年年均增长5%。"
    q = {x.text: x for x in extract_text(text).quantities}
    assert (q["1200亿元"].kind, q["1200亿元"].period) == ("target", "2021")
    assert (q["5%"].kind, q["5%"].basis, q["5%"].period) == ("change", "annual_avg", "2017/2021")


def test_a_bulleted_menu_line_is_no_title():
    text = ("链接快照平台\n  • 输入网页链接,自动生成快照\n  • 标签化管理网页链接\n\n"
            "2023年浦东新区国民经济和社会发展统计公报\n\n2023年,浦东新区地区生产总值比上年增长5.8%。\n")
    assert extract_text(text).meta.title == "2023年浦东新区国民经济和社会发展统计公报"


def test_yu_before_a_time_dates_a_milestone_and_after_a_comparative_names_a_base():
    doc = extract_text("闵行区举行发布会。虹桥前湾中心将于三季度开工建设。", briefing_date="2023-01-06")
    assert [(t.text, t.deadline) for t in doc.targets] == [("虹桥前湾中心将于三季度开工", "2023-Q3")]
    doc = extract_text("闵行区举行发布会。上半年,全区税收增速高于上年同期2.1个百分点。", briefing_date="2023-08-06")
    assert [(q.text, q.period, q.basis) for q in doc.quantities] == [("2.1个百分点", "2023-H1", None)]


def test_a_milestone_dated_at_the_head_of_its_sentence():
    doc = extract_text("长宁区举行发布会。明年上半年,长宁来福士二期将投入运营。到2025年,长宁将建成国际精品城区。",
                       briefing_date="2023-08-31")
    assert [(t.text, t.deadline) for t in doc.targets] == [("长宁来福士二期将投入运营", "2024-H1")]


def test_a_goal_list_split_by_semicolons_keeps_its_goal_without_a_figure():
    doc = extract_text("2024年金山区人民政府工作报告\n二、2024年主要预期目标\n今年全区经济社会发展的主要预期目标是:"
                       "地区生产总值增长5.5%左右;规上工业总产值增长5%;居民人均可支配收入增长与经济增长同步。\n")
    assert [(t.text, t.deadline, t.value) for t in doc.targets] == [
        ("地区生产总值增长5.5%", "2024", 5.5), ("规上工业总产值增长5%", "2024", 5.0),
        ("居民人均可支配收入增长与经济增长同步", "2024", None)]


def test_the_hosts_words_introducing_a_speaker_are_no_part_of_the_title():
    text = ("“高质量发展在申城”系列主题新闻发布会·普陀区专场文字实录\n发布时间:2023-09-26\n"
            "今天是“高质量发展在申城”系列主题新闻发布会的第十四场,我们邀请到普陀区委书记姜冬冬,请他介绍情况。"
            "出席今天发布会的还有:普陀区委副书记、区长肖文高。\n")
    meta = extract_text(text).meta
    assert [(o.name, o.title) for o in meta.officials] == [("姜冬冬", "普陀区委书记"), ("肖文高", "普陀区委副书记、区长")]
    assert meta.session == 14


def test_a_release_signed_by_its_office_is_dated_on_that_line():
    text = "2025年1-8月嘉定区经济运行情况分析\n嘉定区统计局 2025年9月22日\n1-8月,全区完成规上工业总产值2315.6亿元。"
    assert extract_text(text).meta.published == "2025-09-22"
    text = "嘉定区经济运行情况分析\n全区2025年9月22日召开会议,1-8月完成规上工业总产值2315.6亿元。"
    assert extract_text(text).meta.published is None  # a date inside a sentence dates no release


def test_a_headline_saying_a_briefing_was_held_does_not_stop_the_date_being_read_below_it():
    text = "崇明区举行发布会\n2024年05月10日 来源:上观新闻\n5月9日,崇明区举行新闻发布会。去年全区接待游客1200万人次。"
    meta = extract_text(text).meta
    assert (meta.published, meta.date) == ("2024-05-10", "2024-05-09")


def test_a_transcripts_time_line_is_the_day_the_briefing_was_held_and_its_special_session_names_the_district():
    text = ("上海市人民政府新闻发布会文字实录\n时间:2022年3月10日 下午2时\n"
            "主题:“潮涌浦江”系列发布会第五场——“建设科创新城”奉贤区专场\n"
            "发布人:奉贤区委书记 袁泉;奉贤区区长 王克梁\n主持人:\n下面请袁泉书记作介绍。\n全区实现地区生产总值1200亿元。\n")
    meta = extract_text(text).meta
    assert (meta.date, meta.published, meta.district) == ("2022-03-10", None, "Fengxian")
    assert [o.name for o in meta.officials] == ["袁泉", "王克梁"]
    # a page's time stamp with a clock time is its publication
    meta = extract_text("宝山区经济运行情况\n时间:2023-10-18 03:12:58 来源: 东方网\n全区实现地区生产总值1200亿元。\n").meta
    assert (meta.date, meta.published) == (None, "2023-10-18")


def test_a_news_dateline_with_a_weekday_a_byline_or_after_its_source():
    for line, day in (("2026年2月9日(星期一) 香港商报记者 林晓彤 上海报道", "2026-02-09"),
                      ("来源:浦东时报 | 2026-04-21 08:10", "2026-04-21"),
                      ("２０２２年１１月０８日　来源:普陀报　记者　陆佳", "2022-11-08")):
        meta = extract_text("长宁数字经济规模突破三千亿元\n" + line + "\n长宁区数字经济核心产业规模达到3126亿元。\n").meta
        assert meta.published == day, line


def test_a_briefing_held_today_or_on_a_day_of_the_pages_month():
    text = ("嘉定区:新能源汽车产量三年增长1.6倍\n2025年06月12日 15:32 来源:上观新闻\n"
            "今天上午,上海市政府新闻办举行系列主题市政府新闻发布会第九场——嘉定区专场。\n全区实现地区生产总值3012.6亿元。\n")
    assert extract_text(text).meta.date == "2025-06-12"
    text = ("浦东引领区建设提速\n2024年4月18日 文汇报 记者 倪梦璟 上海报道\n"
            "上海浦东新区17日举行新闻通气会。新区负责人表示,浦东新区地区生产总值达到1.67万亿元。\n")
    meta = extract_text(text).meta
    assert (meta.date, meta.published, meta.officials) == ("2024-04-17", "2024-04-18", [])


def test_a_city_headline_with_a_year_is_about_the_city():
    text = "上海2022年GDP达4.47万亿元\n2023-01-20 16:12 来源:新华网\n2022年上海市实现地区生产总值44652.80亿元。浦东新区增长较快。\n"
    doc = extract_text(text)
    assert doc.meta.district is None
    assert doc.quantities[0].subject == "Shanghai"


def test_a_plan_of_this_year_with_jiang_is_a_target_and_nian_nei_is_the_texts_year():
    doc = extract_text("闵行区举行发布会。今年我们将新建改建公园10座,新增养老床位800张。马蕾表示,今年将新培育专精特新企业150家以上。"
                       "按照规划,到2025年将集聚硬科技企业2000家。年内,闵行将推动两家企业在港交所上市。", briefing_date="2023-08-03")
    q = {x.text: x for x in doc.quantities}
    assert q["10座"].kind == q["800张"].kind == q["150家"].kind == "target"
    word = [t for t in doc.targets if "两家" in t.text]
    assert word and word[0].deadline == "2023"


def test_more_steps_of_a_project_and_the_year_a_sentence_opened_with():
    doc = extract_text("杨浦区举行发布会。外滩第二立面城市更新项目年内启动。中环智慧产业园二期明年上半年投入使用。"
                       "明年,杨浦将新建人才公寓3000套,并推动大学路二期年底前开街。", briefing_date="2019-09-20")
    deadlines = {t.text: t.deadline for t in doc.targets if t.value is None}
    assert deadlines["外滩第二立面城市更新项目年内启动"] == "2019"
    assert deadlines["中环智慧产业园二期明年上半年投入使用"] == "2020-H1"
    assert [d for text, d in deadlines.items() if "开街" in text] == ["2020"]


def test_a_theme_named_as_such():
    text = ("长宁:打造国际精品城区\n2024年06月13日 18:02 来源:东方网\n6月13日下午,上海市政府新闻办举行“潮涌浦江·区域发展”系列市政府"
            "新闻发布会第十二场——长宁区专场,主题为“建设国际精品城区,打造数字经济高地”。\n")
    assert extract_text(text).meta.theme == "建设国际精品城区,打造数字经济高地"


def test_a_goal_list_proposed_and_a_works_completion_as_a_milestone():
    doc = extract_text("2026年嘉定区人民政府工作报告\n今年经济社会发展主要预期目标建议为:地区生产总值增长5%左右;"
                       "区级一般公共预算收入与经济增长基本同步;城镇调查失业率控制在4.5%以内。华泾镇计划于2026年底前完成华泾港综合整治工程。\n")
    texts = {t.text: t.deadline for t in doc.targets}
    assert texts.get("区级一般公共预算收入与经济增长基本同步") == "2026"
    assert any(t.endswith("整治工程") and d == "2026" for t, d in texts.items())


def test_a_year_in_a_documents_title_is_not_a_year_the_page_reports():
    text = ("嘉定年鉴·汽车产业\n【新能源汽车】2018年,全区新能源汽车产量5.84万辆。年内,区政府出台《嘉定区新能源汽车产业发展三年行动计划"
            "(2018—2020年)》,提出到2020年新能源汽车产业产值达到500亿元。\n")
    doc = extract_text(text)
    goal = next(q for q in doc.quantities if q.text == "500亿元")
    assert (goal.kind, goal.period) == ("target", "2020")
    assert [(t.text, t.deadline) for t in doc.targets] == [("提出到2020年新能源汽车产业产值达到500亿元", "2020")]


def test_within_the_year_in_a_yearbook_reports_a_step_taken():
    text = "嘉定年鉴（2019）·汽车产业\n【智能网联汽车】试点示范区年内扩大开放测试道路,开放道路里程达到53.6公里。\n"
    assert extract_text(text).targets == []
    promise = "嘉定区举行发布会。\n试点示范区年内扩大开放测试道路。\n"
    assert [t.text for t in extract_text(promise).targets] == ["试点示范区年内扩大开放"]


def test_a_date_line_above_the_headline_is_the_pages_date_not_the_headline():
    for head in ("2024-05-14", "发布时间：2024-05-14 10:32", "2024年5月14日", "２０２４年５月１４日 来源：新民晚报"):
        meta = extract_text(f"{head}\n闵行区数字化转型取得新进展\n今年以来,全区数字经济规模达到500亿元。\n").meta
        assert (meta.title, meta.published) == ("闵行区数字化转型取得新进展", "2024-05-14"), head


def test_a_yearbook_entry_of_plans_promises_within_the_year_and_its_figures_are_goals():
    text = ("虹口年鉴（2021）·北外滩开发建设\n【概况】2020年,北外滩新增企业500家,年内开工项目2个。\n"
            "【发展计划】2021年,北外滩推进重大项目建设,来福士二期年内开工,新增企业300家。\n")
    doc = extract_text(text)
    assert [(q.text, q.kind) for q in doc.quantities] == [("500家", "level"), ("2个", "level"), ("300家", "target")]
    assert [(t.text, t.deadline) for t in doc.targets] == [("来福士二期年内开工", "2021"), ("新增企业300家", "2021")]


@pytest.mark.parametrize("line", ["来源：解放日报 2024-05-14", "责任编辑：李四  2024年5月14日", "（2024年5月14日）",
                                  "【字号 大 中 小】 2024-05-14", "2024年5月14日 星期二", "上海闵行 2024-05-14 09:12",
                                  "闵行区统计局 二〇二四年五月十四日"])
def test_a_line_of_page_furniture_holding_a_date_gives_the_published_date(line):
    meta = extract_text(f"闵行区数字化转型取得新进展\n{line}\n今年以来,全区数字经济规模达到500亿元。\n").meta
    assert meta.published == "2024-05-14"


def test_a_date_that_dates_a_figure_or_opens_a_headline_is_no_page_date():
    assert extract_text("闵行区数字化转型取得新进展\n截至2023年12月31日\n全区数字经济规模达到500亿元。\n").meta.published is None
    assert extract_text("闵行区数字化转型取得新进展\n2024年5月14日 闵行区数字化转型再上新台阶\n全区数字经济规模达到500亿元。\n"
                        ).meta.published is None


def test_an_official_document_is_dated_by_the_office_and_date_that_close_it():
    text = ("闵行区关于推进数字化转型的实施意见\n各街道、镇:\n为加快数字化转型,到2025年,全区数字经济规模力争达到800亿元。\n"
            "上海市闵行区人民政府\n二〇二四年五月十四日\n")
    assert extract_text(text).meta.published == "2024-05-14"
