"""Subjects and metrics of Chinese figures, each fact on its own examples."""

from __future__ import annotations

from hqd.extraction import extract_text


def facts(text: str, date: str | None = "2023-08-22"):
    doc = extract_text(text, briefing_date=date)
    assert doc.language == "zh"
    return {q.text: q for q in doc.quantities}


def test_the_district_by_default_and_the_city_for_city_totals():
    q = facts("嘉定区举行专场新闻发布会。全区实现地区生产总值1402.3亿元。全市实现地区生产总值2.2万亿元。")
    assert q["1402.3亿元"].subject == "Jiading"
    assert q["2.2万亿元"].subject == "Shanghai"


def test_a_name_heading_its_clause_is_the_subject_for_the_rest_of_the_sentence():
    q = facts("嘉定区举行专场新闻发布会。碳谷绿湾产业园从2016年开始,到2022年底累计调整企业79家,完成土地收储回购1379亩。")
    assert q["79家"].subject == q["1379亩"].subject == "碳谷绿湾产业园"


def test_a_name_that_is_only_an_object_is_not_the_subject():
    q = facts("嘉定区举行专场新闻发布会。引入上汽集团创新研究开发总院、上海汽车芯片工程中心等平台,集聚200多个研发平台。")
    assert q["200多个"].subject == "Jiading"


def test_an_area_named_with_its_area_word_is_named_again_without_it():
    text = "虹口区举行专场新闻发布会。截至4月底,北外滩地区已集聚航运服务企业3500余家。\n2022年,北外滩航运服务业实现税收86.3亿元。"
    q = facts(text)
    assert q["3500余家"].subject == q["86.3亿元"].subject == "北外滩"
    assert q["86.3亿元"].metric == "航运服务业税收"


def test_an_appositive_introduces_its_topic():
    q = facts("虹口区举行专场新闻发布会。作为北外滩的地标,北外滩来福士去年单栋楼宇税收超10亿元。")
    assert q["10亿元"].subject == "北外滩来福士"


def test_a_topic_chain_continues_into_a_sentence_with_no_topic_of_its_own():
    text = "虹口区举行专场新闻发布会。\n2022年,北外滩地区实现税收86.3亿元。与2019年相比,航运企业数量增长1.8倍。区内机构管理规模突破两千亿元。"
    q = facts(text)
    assert q["1.8倍"].subject == "北外滩"
    assert q["两千亿元"].subject == "Hongkou"


def test_metric_drops_subject_time_and_light_verb():
    q = facts("1-10月,全区规模以上工业实现总产值4317.1亿元,同比增长1.6%。", "2021-10-20")
    assert q["4317.1亿元"].metric == "规模以上工业总产值"
    assert q["1.6%"].metric == "规模以上工业总产值"  # a bare change measures what the clause before measured


def test_a_counter_is_followed_by_what_it_counts():
    q = facts("全区集聚200多个公共及企业研发平台和7.6万名汽车人才。")
    assert q["200多个"].metric == "公共及企业研发平台"
    assert q["7.6万名"].metric == "汽车人才"


def test_a_bare_attribute_belongs_to_the_thing_before_it():
    q = facts("2023年,新设内资企业 37611 户,增长 16.1% ,注册资本 3061.32 亿元,下降 11.5% 。")
    assert q["3061.32 亿元"].metric == "新设内资企业注册资本"
    assert q["11.5%"].value == -11.5


def test_parallel_clauses_share_their_head():
    q = facts("力争全年重大工程开工210万平方米、竣工216万平方米。")
    assert q["216万平方米"].metric == "重大工程竣工"


def test_a_share_after_its_topic():
    q = facts("全区汽车产业实现工业产值2821.7亿元,同比下降3.4%,占全区规模以上工业总产值的65.4%。")
    assert q["65.4%"].kind == "share"
    assert q["65.4%"].metric == "汽车产业占全区规模以上工业总产值"


def test_traditional_text_reads_and_is_reported_as_written():
    text = "嘉定區舉行專場新聞發布會。上半年,全區實現地區生產總值1402.3億元,同比增長9.1%,規上工業總產值突破兩千億元。"
    doc = extract_text(text, briefing_date="2023-08-22")
    q = {x.text: x for x in doc.quantities}
    assert q["1402.3億元"].value == 1.4023e11 and q["1402.3億元"].period == "2023-H1"
    assert q["1402.3億元"].metric == "地區生產總值" and q["1402.3億元"].subject == "Jiading"
    assert q["9.1%"].kind == "change" and q["9.1%"].basis == "yoy"
    assert q["兩千億元"].value == 2e11 and q["兩千億元"].approx == ">"
    assert doc.meta.district == "Jiading"


def test_rank_claims():
    doc = extract_text("长宁区举行发布会。上半年地区生产总值同比增长15.3%,增速位居全市第一;平台交易总额居全市第一,排名全国第3。"
                       "第三产业增加值增长5%。", briefing_date="2023-08-31")
    assert [(r.text, r.value, r.scope, r.metric) for r in doc.ranks] == [
        ("位居全市第一", 1, "city", "增速"), ("居全市第一", 1, "city", "平台交易总额"), ("排名全国第3", 3, "nation", None)]


def test_entities_are_names_not_counts_or_verbs():
    doc = extract_text("嘉定区举行发布会。引入上汽集团创新研究开发总院、上海汽车芯片工程中心等平台,牵手两大化工基地,建设碳谷绿湾产业园。")
    names = [(e.text, e.type) for e in doc.entities]
    assert ("上海汽车芯片工程中心", "organization") in names and ("碳谷绿湾产业园", "park") in names
    assert not any(n.startswith(("引入", "两大", "牵手")) for n, _ in names)
    assert all(doc.text[e.start:e.end] == e.text for e in doc.entities)


def test_a_city_text_speaks_of_shanghai_by_default():
    doc = extract_text("2023年上海市国民经济和社会发展统计公报\n2023年,全市实现地区生产总值47218.66亿元,比上年增长5.0%。"
                       "其中,浦东新区实现地区生产总值16715.15亿元。全年社会消费品零售总额18515.50亿元。")
    assert doc.meta.district is None
    assert [q.subject for q in doc.quantities] == ["Shanghai", "Shanghai", "Pudong", "Shanghai"]


def test_a_town_a_subdistrict_and_a_stretch_are_places_by_their_head_word():
    q = facts("奉贤区举行发布会。南桥镇全年实现税收35.2亿元。\n金海街道新增就业岗位1200个。\n黄浦江奉贤南段新建绿道12公里。")
    assert q["35.2亿元"].subject == "南桥镇"
    assert q["1200个"].subject == "金海街道"
    assert q["12公里"].subject == "黄浦江奉贤南段"


def test_a_common_noun_ending_in_a_place_head_names_no_place():
    q = facts("奉贤区举行发布会。城镇常住居民人均可支配收入64218元。乡镇企业实现产值80亿元。")
    assert q["64218元"].subject == q["80亿元"].subject == "Fengxian"


def test_a_part_of_a_park_is_named_after_the_whole():
    q = facts("闵行区举行发布会。漕河泾开发区浦江园区实现营业收入420亿元,增长6.1%。")
    assert q["420亿元"].subject == q["6.1%"].subject == "漕河泾开发区浦江园区"


def test_a_name_introduced_by_its_class_is_the_topic():
    q = facts("闵行区举行发布会。区内龙头企业联影医疗目前员工超过8000名。园区内企业远景集团上半年营业收入12.6亿元。")
    assert q["8000名"].subject == "联影医疗"
    assert q["12.6亿元"].subject == "远景集团"


def test_a_metric_after_a_class_noun_is_no_name():
    q = facts("闵行区举行发布会。全区重点企业营业收入达到1860亿元。")
    assert q["1860亿元"].subject == "Minhang"


def test_a_bracketed_entry_heading_is_no_topic_and_the_name_after_it_is():
    q = facts("崇明区年鉴。\n【乡镇经济】堡镇全年实现税收8.4亿元。")
    assert q["8.4亿元"].subject == "堡镇"


def test_a_completion_phrase_before_a_measure_noun_belongs_to_the_metric():
    q = facts("静安区举行发布会。苏河湾中心将于明年竣工,建成后高度达220米。苏河湾中心目前高度150米。")
    assert q["220米"].metric == "建成后高度" and q["220米"].kind == "target"
    assert "目前" not in q["150米"].metric  # a time word only dates the figure


def test_a_verb_after_a_counter_is_not_what_is_counted():
    q = facts("徐汇区举行发布会。漕河泾开发区已吸引研发中心45家入驻。全区新增上市企业3家。")
    assert q["45家"].metric == "研发中心"


def test_a_clause_with_no_figure_names_what_the_next_clause_measures():
    q = facts("徐汇区举行发布会。全区集成电路产业规模五年实现翻番,2022年达到860亿元。")
    assert q["860亿元"].metric == "集成电路产业规模"
    # an adverbial clause names nothing
    q = facts("奉贤区统计公报。全年实现地区生产总值1387.2亿元,按可比价格计算,比上年增长10.1%。")
    assert q["10.1%"].metric == "地区生产总值"


def test_a_head_word_after_only_generic_modifiers_names_a_kind_not_a_topic():
    q = facts("黄浦区举行发布会。到2025年,外资研发中心达到50家。瑞金医院年门诊量超过400万人次。")
    assert q["50家"].subject == "Huangpu" and q["50家"].metric == "外资研发中心"
    assert q["400万人次"].subject == "瑞金医院"


def test_a_financial_district_is_a_named_area():
    q = facts("浦东新区举行发布会。上半年,陆家嘴金融城实现税收600亿元,增长10%。")
    assert q["600亿元"].subject == q["10%"].subject == "陆家嘴金融城"


def test_a_name_runs_on_over_each_part_named_after_it():
    q = facts("杨浦区举行发布会。复旦大学附属中山医院杨浦分院今年设置床位600张。")
    assert q["600张"].subject == "复旦大学附属中山医院杨浦分院"


def test_a_valley_and_a_riverside_are_named_places():
    q = facts("杨浦区举行发布会。上半年,长阳创谷集聚企业500余家。杨浦滨江实现税收30亿元。")
    assert q["500余家"].subject == "长阳创谷"
    assert q["30亿元"].subject == "杨浦滨江" and q["30亿元"].metric == "税收"


def test_the_subject_is_not_repeated_in_the_metric():
    q = facts("浦东新区举行发布会。上半年,金桥经济技术开发区实现营业收入900亿元,增长5%。")
    assert q["900亿元"].metric == q["5%"].metric == "营业收入"


def test_a_sentence_opening_with_its_own_time_starts_a_new_statement_about_the_district():
    text = ("长宁区举行发布会。虹桥临空经济示范区集聚企业总部300余家,占全区的四成。"
            "到2025年,数字经济核心产业增加值力争达到1000亿元。")
    q = facts(text)
    assert q["300余家"].subject == q["四成"].subject == "虹桥临空经济示范区"
    assert q["1000亿元"].subject == "Changning"
    # a base is no time of its own: the chain goes on
    q = facts("虹口区举行发布会。北外滩地区已集聚航运服务企业3500余家。与2019年相比,航运企业数量增长1.8倍。")
    assert q["1.8倍"].subject == "北外滩"
    assert q["3500余家"].metric == "航运服务企业"  # the area word goes with the name


def test_a_place_is_named_without_the_district_before_it():
    q = facts("宝山区举行发布会。上半年,宝山区吴淞创新城实现固定资产投资50亿元。")
    assert q["50亿元"].subject == "吴淞创新城" and q["50亿元"].metric == "固定资产投资"


def test_a_verb_is_never_inside_a_name():
    q = facts("奉贤区举行发布会。今年上半年,新城新开工项目20个。")
    assert q["20个"].subject == "Fengxian"


def test_a_word_pointing_back_to_the_topic_is_not_part_of_the_metric():
    q = facts("浦东新区新闻。据了解,该区上半年实现地区生产总值8000亿元。")
    assert q["8000亿元"].metric == "地区生产总值" and q["8000亿元"].subject == "Pudong"


def test_the_words_introducing_a_subject_are_not_part_of_the_metric():
    q = facts("静安区举行发布会。园区内企业远景集团上半年营业收入12.6亿元。区内龙头企业联影医疗目前研发人员超过3000名,占员工总数的比重约六成。")
    assert q["12.6亿元"].metric == "营业收入"
    assert q["3000名"].metric == "研发人员"
    assert q["六成"].metric == "研发人员占员工总数的比重"


def test_a_sentence_topic_goes_on_after_the_subject_and_without_its_approximator():
    q = facts("松江区举行发布会。松江枢纽项目总投资约250亿元。G60科创走廊九城市地区生产总值占全国的1/15。")
    assert q["250亿元"].metric == "总投资" and q["250亿元"].subject == "松江枢纽项目"
    assert q["1/15"].metric == "九城市地区生产总值占全国" and q["1/15"].kind == "share"


def test_respectively_pairs_each_figure_with_its_item():
    q = facts("松江区举行发布会。上半年,全区工业投资和房地产开发投资分别增长15.2%和下降3.1%。"
              "第二产业、第三产业增加值分别为500亿元和700亿元。")
    assert (q["15.2%"].metric, q["3.1%"].metric, q["3.1%"].value) == ("工业投资", "房地产开发投资", -3.1)
    assert (q["500亿元"].metric, q["700亿元"].metric) == ("第二产业增加值", "第三产业增加值")
    # as many items as figures, or no pairing
    q = facts("松江区举行发布会。上半年,全区工业和服务业投资分别增长15.2%。")
    assert q["15.2%"].metric != "工业"


def test_a_figure_listed_after_another_shares_its_verb():
    q = facts("松江区举行发布会。上半年,全区出口、进口分别增长5%、8%。全区税收下降2%、3%。")
    assert (q["8%"].kind, q["8%"].basis, q["8%"].metric) == ("change", "yoy", "进口")
    assert (q["3%"].kind, q["3%"].value) == ("change", -3)


def test_an_attribute_with_its_own_verb_is_the_subjects_own():
    q = facts("嘉定区年鉴。上汽大众汽车有限公司全年生产整车120万辆,实现产值1500亿元。")
    assert q["1500亿元"].metric == "产值" and q["1500亿元"].subject == "上汽大众汽车有限公司"


def test_a_companys_seat_in_brackets_is_part_of_its_name():
    q = facts("嘉定区年鉴。博世汽车部件(苏州)有限公司嘉定分公司产值增长12%。")
    assert q["12%"].subject == "博世汽车部件(苏州)有限公司嘉定分公司"


def test_the_whole_town_points_back_to_the_town_last_named():
    q = facts("上海奉贤新闻。在奉贤区金汇镇,一家生物医药企业去年营收增长30%。全镇去年实现税收8亿元。")
    assert q["8亿元"].subject == "金汇镇" and q["8亿元"].metric == "税收"
    q = facts("上海奉贤新闻。全镇去年实现税收8亿元。")
    assert q["8亿元"].subject == "Fengxian"  # no town named before: the district


def test_where_a_thing_is_introduces_it():
    q = facts("上海嘉定新闻。位于嘉定的蔚来汽车第二工厂上半年交付新车5万辆。")
    assert q["5万辆"].subject == "蔚来汽车第二工厂" and q["5万辆"].metric == "交付新车"


def test_corner_quotes_around_a_name_are_quotation_marks():
    doc = extract_text("虹口區舉行發布會。「上海國際航運服務中心」集聚企業300家。", briefing_date="2023-08-22")
    q = {x.text: x for x in doc.quantities}
    assert q["300家"].subject == "上海國際航運服務中心" and q["300家"].metric == "集聚企業"


def test_points_above_another_rate_after_the_rate_word():
    q = facts("虹口区举行发布会。上半年,全区实现地区生产总值600亿元,增长7.5%,增速高于全市1.2个百分点。")
    assert q["1.2个百分点"].metric == "地区生产总值增速" and q["1.2个百分点"].basis is None


def test_town_and_country_is_no_place():
    q = facts("奉贤区统计公报。全年城乡居民人均可支配收入55372元。")
    assert q["55372元"].subject == "Fengxian"


def test_a_bare_head_word_points_back_to_the_name_it_ends():
    text = ("长宁年鉴·虹桥临空经济示范区\n【概况】2021年,虹桥临空经济示范区实现营业收入3865亿元。\n"
            "【产业发展】全年示范区新引进企业1860家。\n【园区建设】年内,示范区新增公共绿地3.6公顷。")
    q = facts(text, None)
    assert q["1860家"].subject == q["3.6公顷"].subject == "虹桥临空经济示范区"
    q = facts("静安区举行发布会。\n南京西路商圈上半年实现销售额613.8亿元。商圈内重点商场客流量达到4200万人次。", "2026-07-21")
    assert q["4200万人次"].subject == "南京西路商圈"
    q = facts("静安区举行发布会。\n商圈内重点商场客流量达到4200万人次。", "2026-07-21")
    assert q["4200万人次"].subject == "Jing'an"  # nothing named before: no antecedent


def test_a_time_word_or_conjunction_before_the_topic_is_not_part_of_it():
    q = facts("长宁区举行发布会。\n全年北新泾街道社区税收完成28.6亿元。同年长宁全区税收总额为497.1亿元。", None)
    assert q["28.6亿元"].subject == "北新泾街道"
    assert q["497.1亿元"].subject == "Changning"
    q = facts("黄浦区举行发布会。\n2024年全区社会消费品零售总额为1765.2亿元,下降1.4%,而全市同期增长3.2%。", "2025-06-17")
    assert q["3.2%"].subject == "Shanghai"
    assert q["3.2%"].metric == "社会消费品零售总额"


def test_a_topic_with_no_head_word_stands_before_the_time():
    q = facts("金山区统计公报。\n上海石化全年实现工业总产值760.2亿元,下降4.7%。上海全年实现地区生产总值4.7万亿元。", None)
    assert q["760.2亿元"].subject == q["4.7%"].subject == "上海石化"
    assert q["4.7万亿元"].subject == "Shanghai"
    q = facts("嘉定区经济运行分析。\n上汽大众1-8月整车产量达到62.5万辆。汽车制造业1-8月完成产值1286.3亿元。", "2025-09-22")
    assert q["62.5万辆"].subject == "上汽大众"
    assert q["1286.3亿元"].subject == "Jiading"  # a sector's total stays with the district
    q = facts("徐汇区政府工作报告。建议今年全区地区生产总值增长5%。", "2023-01-10")
    assert q["5%"].subject == "Xuhui"  # a verb before the time is no topic
    for measure in ("民营经济", "外贸", "消费市场", "数字经济", "生物医药", "商品房销售", "新能源汽车"):
        q = facts(f"嘉定区新闻。\n张江科学城去年产值2800亿元。\n{measure}今年实现营业收入120亿元。", "2024-05-01")
        assert q["120亿元"].subject == "Jiading", measure  # a measure or sector before the time, no name


def test_a_head_word_may_hold_a_verbs_characters():
    q = facts("黄浦区举行发布会。\n外滩金融集聚带集聚持牌金融机构超过760家。南京路步行街客流量达到1.6亿人次。", "2025-06-17")
    assert q["760家"].subject == "外滩金融集聚带"
    assert q["1.6亿人次"].subject == "南京路步行街"


def test_a_task_heading_its_sentence_is_about_what_it_builds():
    q = facts("浦东新区政府工作报告。\n全力推进临港新片区建设,力争全年规上工业总产值达到5000亿元。", "2025-01-08")
    assert q["5000亿元"].subject == "临港新片区"


def test_a_village_is_a_place_but_villagers_are_not():
    q = facts("金山区统计公报。\n金山嘴渔村接待游客118万人次。七宝镇完成改造项目4个,受益村民2300余户。", None)
    assert q["118万人次"].subject == "金山嘴渔村"
    assert q["2300余户"].subject == "七宝镇"


def test_a_headline_space_parts_its_statements():
    text = "静安区商业活力回升 南京西路商圈销售额突破六百亿元\n2026年07月21日 来源:新民晚报\n今年上半年,静安区商业回暖。"
    q = facts(text, None)
    assert q["六百亿元"].subject == "南京西路商圈"


def test_a_subject_and_verb_alone_in_a_list_measure_what_the_list_measures():
    q = facts("嘉定区经济运行分析。\n分区域看,嘉定工业区完成规上工业总产值612.7亿元,增长6.4%;安亭镇完成885.2亿元,增长2.9%。",
              "2025-09-22")
    assert q["885.2亿元"].metric == "规上工业总产值"
    assert q["885.2亿元"].subject == "安亭镇"


def test_each_attribute_records_its_rule():
    text = "黄浦区举行发布会。\n2024年,外滩金融集聚带集聚持牌金融机构超过760家,同比增长5.1%;上海石化全年实现工业总产值约760.2亿元。"
    q = facts(text, "2025-06-17")
    assert q["760家"].why == {"kind": "kind.otherwise", "basis": "basis.not_a_change", "approx": "approx.before",
                              "metric": "metric.own", "period": "period.own_sentence", "subject": "subject.head_word_name"}
    assert (q["5.1%"].why["kind"], q["5.1%"].why["basis"], q["5.1%"].why["metric"]) == ("kind.change_verb", "basis.cue",
                                                                                       "metric.continues")
    assert q["760.2亿元"].why["subject"] == "subject.topic_before_time"


def test_a_zone_named_after_a_place_it_holds_is_one_name():
    q = facts("闵行区举行发布会。\n大零号湾科技创新策源功能区集聚硬科技企业超过1000家。", "2024-05-10")
    assert q["1000家"].subject == "大零号湾科技创新策源功能区"
    assert q["1000家"].metric == "硬科技企业"
    q = facts("金山区举行发布会。\n上海湾区高新技术产业开发区去年实现规上工业产值980亿元。", "2024-05-10")
    assert q["980亿元"].subject == "上海湾区高新技术产业开发区"
    q = facts("宝山区新闻。\n吴淞创新城新开工项目12个。", "2024-07-20")
    assert q["12个"].subject == "吴淞创新城"  # a verb (开工) ends the name: the project is what is counted


def test_an_institution_named_after_its_district_keeps_the_district():
    q = facts("松江区统计公报。\n松江区中心医院全年门急诊量235万人次。宝山区吴淞创新城新开工项目12个。", None)
    assert q["235万人次"].subject == "松江区中心医院"
    assert q["12个"].subject == "吴淞创新城"


def test_a_university_or_hospital_is_introduced_by_its_class():
    q = facts("闵行区新闻。\n区内高校上海交通大学全年科研经费达到80亿元。", "2024-05-10")
    assert q["80亿元"].subject == "上海交通大学"
    q = facts("闵行区新闻。\n区内的上海电气临港基地年产值超过300亿元。区内的企业新增300家。", "2024-05-10")
    assert q["300亿元"].subject == "上海电气临港基地"
    assert q["300家"].subject == "Minhang"


def test_a_generic_park_word_points_back_to_the_last_park_named():
    text = "普陀区新闻。\n近日,桃浦智创城迎来新一批企业入驻。目前园区已集聚企业1200家。园区负责人介绍,预计全年税收超过20亿元。"
    q = facts(text, "2024-07-20")
    assert q["1200家"].subject == q["20亿元"].subject == "桃浦智创城"
    assert q["20亿元"].metric == "税收"  # who speaks is not what is measured
    q = facts("宝山区新闻。\n今年上半年,吴淞创新城新开工项目12个。该区域上半年税收同比增长15%。", "2024-07-20")
    assert q["15%"].subject == "吴淞创新城" and q["15%"].metric == "税收"
    q = facts("宝山区新闻。\n区域经济保持增长,全区税收同比增长15%。", "2024-07-20")
    assert q["15%"].subject == "Baoshan"  # 区域 alone is a common word


def test_a_lead_in_clause_is_no_sentence_topic():
    text = "上海市统计局发布数据。\n上半年,全市实现地区生产总值2.2万亿元。分区看,浦东新区实现地区生产总值8000亿元;闵行区增长5.2%。"
    q = facts(text, "2024-07-20")
    assert (q["5.2%"].subject, q["5.2%"].metric) == ("Minhang", "地区生产总值")


def test_a_yearbook_entry_on_a_place_is_about_that_place():
    text = "浦东新区年鉴(2023)·张江科学城\n【概况】2022年,张江科学城实现营业收入1.2万亿元。\n【集成电路】全年集成电路产业规模突破3000亿元。全区新增企业500家。"
    q = facts(text, None)
    assert q["3000亿元"].subject == "张江科学城"
    assert q["500家"].subject == "Pudong"  # 全区 is still the district
    q = facts("崇明年鉴(2022)·经济综述\n【概况】全年农业总产值60.4亿元。", None)
    assert q["60.4亿元"].subject == "Chongming"  # an entry on a theme names no place


def test_a_locative_clause_sets_where_what_follows_happens():
    q = facts("浦东新区新闻。\n在临港新片区,今年新增企业500家。在张江,集成电路企业超过1000家。在此基础上,全区新增企业800家。", "2024-07-20")
    assert q["500家"].subject == "临港新片区"
    assert q["1000家"].subject == "张江"
    assert q["800家"].subject == "Pudong"
    q = facts("浦东新区新闻。\n在商业消费方面,新增首店120家。", "2024-07-20")
    assert q["120家"].subject == "Pudong"  # a lead-in, not a place


def test_places_listed_before_respectively_own_their_figures():
    q = facts("长宁区新闻。\n中山公园商圈、虹桥商圈今年上半年销售额分别为50亿元和80亿元。", "2024-07-20")
    assert (q["50亿元"].subject, q["50亿元"].metric) == ("中山公园商圈", "销售额")
    assert (q["80亿元"].subject, q["80亿元"].metric) == ("虹桥商圈", "销售额")


def test_a_campus_is_named_after_its_university():
    q = facts("宝山区新闻。\n上海大学宝山校区新增实验室5个。", "2024-07-20")
    assert q["5个"].subject == "上海大学宝山校区"


def test_a_projects_phase_is_part_of_its_name():
    doc = extract_text("杨浦区举行发布会。\n长阳创谷三期计划明年一季度开工建设。苏河湾万象天地二期预计2025年开业。", briefing_date="2024-03-27")
    assert [t.subject for t in doc.targets] == ["长阳创谷三期", "苏河湾万象天地二期"]


def test_the_current_month_is_a_time_not_part_of_the_topic_or_metric():
    q = facts("嘉定区经济运行分析。\n其中,8月当月完成规上工业总产值302.4亿元。", "2025-09-22")
    assert (q["302.4亿元"].subject, q["302.4亿元"].metric) == ("Jiading", "规上工业总产值")


def test_a_part_of_the_year_opening_a_sentence_goes_on_about_the_topic_before():
    # 9月份 details the 1-9月 figure of the sentence before: the same airport; a whole year (全年) starts anew
    q = facts("长宁区统计局发布。1-9月,虹桥国际机场旅客吞吐量3612.5万人次。9月份,旅客吞吐量412.6万人次,环比下降6.7%。"
              "全年新增跨国公司地区总部8家。", date="2025-10-20")
    assert q["412.6万人次"].subject == q["6.7%"].subject == "虹桥国际机场"
    assert q["8家"].subject == "Changning"


def test_a_sentence_opened_by_qizhong_is_about_the_topic_the_sentence_before_ended_on():
    q = facts("浦东新区举行发布会。记者从管委会获悉,今年一季度,临港新片区实现规上工业总产值1126.5亿元。"
              "其中,新能源汽车产业产值582.3亿元,占新片区规上工业总产值的51.7%。")
    assert q["582.3亿元"].subject == q["51.7%"].subject == "临港新片区"


def test_a_bare_head_points_back_to_the_name_not_to_a_verb_or_time_before_it():
    q = facts("浦东新区举行发布会。今年一季度,临港新片区实现规上工业总产值1126.5亿元,占新片区的一半。"
              "新片区新设外资企业87家。今年新片区力争集成电路产业规模突破千亿元。")
    assert q["87家"].subject == q["千亿元"].subject == "临港新片区"


def test_a_port_is_a_named_place():
    q = facts("宝山区举行发布会。今年上半年,吴淞口国际邮轮港共接靠邮轮118艘次。6月份,邮轮港单月接待游客22.4万人次。"
              "目前,东方芯港已集聚集成电路企业310余家。")
    assert q["118艘次"].subject == q["22.4万人次"].subject == "吴淞口国际邮轮港"
    assert q["310余家"].subject == "东方芯港"
    # 中心城区 is a common word (the central districts), not a name ending in 中心
    q = facts("杨浦区举行发布会。今年1-8月,杨浦区实现税收收入187.3亿元,增幅列中心城区首位。其中,在线新经济企业贡献税收42.6亿元。")
    assert q["42.6亿元"].subject == "Yangpu"


def test_shanghai_before_a_district_is_the_district():
    q = facts("上海市长宁区日前公布,2025年该区数字经济核心产业规模达到3126亿元。", date="2026-02-09")
    assert q["3126亿元"].subject == "Changning"


def test_qunei_after_a_zone_is_within_the_zone():
    q = facts("徐汇区举行发布会。2020年,漕河泾开发区实现营业收入2846.3亿元。区内集聚外资企业近900家。")
    assert q["900家"].subject == "漕河泾开发区"
    q = facts("闵行区举行发布会。大零号湾科技创新策源功能区实现营业收入1268.5亿元;区内集聚硬科技企业1032家。")
    assert q["1032家"].subject == "大零号湾科技创新策源功能区"
    # after an area with no zone's head word, 区内 is the district's
    q = facts("虹口区举行发布会。2022年,北外滩航运服务业实现税收86.3亿元。区内财富管理机构资产管理规模突破两千亿元。")
    assert q["两千亿元"].subject == "Hongkou"


def test_a_yearbook_entry_headed_by_a_place_is_about_it():
    text = ("徐汇年鉴(2021)·经济综述\n\n【概况】 2020年,徐汇区实现地区生产总值2176.8亿元。\n\n"
            "【华泾镇】 2020年,华泾镇完成税收收入18.7亿元;镇域常住人口约12万人。年末新增企业300家。全区新增就业岗位5000个。\n")
    q = facts(text, date=None)
    assert q["2176.8亿元"].subject == "Xuhui"
    assert q["12万人"].subject == q["300家"].subject == "华泾镇"
    assert q["5000个"].subject == "Xuhui"


def test_a_work_reports_sentences_are_each_the_districts_unless_they_name_another():
    text = ("2025年金山区人民政府工作报告\n各位代表:\n"
            "金山区中心医院新院区建成启用,新增床位500张。PM2.5年均浓度为29微克/立方米,比上年下降3.3%;空气质量优良率达到89.1%。"
            "上海化学工业区金山分区完成技术改造项目43个;单位产值能耗下降5.2%。新增高新技术企业132家。\n")
    q = facts(text, date=None)
    assert q["500张"].subject == "金山区中心医院"
    assert q["29微克/立方米"].subject == q["89.1%"].subject == q["132家"].subject == "Jinshan"
    # a part of a zone is named after it; a clause after ； goes on about it
    assert q["43个"].subject == q["5.2%"].subject == "上海化学工业区金山分区"


def test_a_company_introduced_by_its_name_and_pointed_back_to_as_the_company():
    q = facts("奉贤区举行发布会。在东方美谷核心区,一家名为“柔漾生物”的企业去年销售额达18.6亿元,比2021年增长1.5倍。"
              "企业负责人说,公司员工从2021年的300余人增加到去年底的1200人。", date="2025-03-11")
    assert q["18.6亿元"].subject == q["1.5倍"].subject == "柔漾生物"
    assert q["300余人"].subject == q["1200人"].subject == "柔漾生物"


def test_names_by_their_shape():
    # a mall (商城), a building (大楼), a car city (汽车城) and an industrial park (工业园区) are named places
    q = facts("黄浦区举行发布会。豫园商城全年营业收入429.3亿元。据了解,爱奇艺新总部大楼总建筑面积约18万平方米。"
              "上海国际汽车城集聚汽车研发机构260余家。宝山城市工业园区实现外贸进出口92.4亿元。")
    assert q["429.3亿元"].subject == "豫园商城"
    assert q["18万平方米"].subject == "爱奇艺新总部大楼"
    assert q["260余家"].subject == "上海国际汽车城"
    assert q["92.4亿元"].subject == "宝山城市工业园区"
    # a class of projects by their size or a newly recognised class is no name; 园区 after a name is the park itself
    q = facts("浦东新区举行发布会。全年引进百亿元级项目7个。新认定跨国公司地区总部35家。城市更新项目投资增长32.6%。"
              "2018年,长阳创谷园区企业总产值达到103.5亿元。")
    assert q["7个"].subject == q["35家"].subject == q["32.6%"].subject == "Pudong"
    assert q["103.5亿元"].subject == "长阳创谷"


def test_the_example_taken_is_what_the_sentence_goes_on_about():
    q = facts("长宁区举行发布会。平台企业总部均落户于此。以携程为例,其2025年在长宁缴纳税款约38亿元,比2021年增长1.3倍。",
              date="2026-02-09")
    assert q["38亿元"].subject == q["1.3倍"].subject == "携程"


def test_a_quoted_name_as_the_subject_and_a_bare_head_right_after_it():
    q = facts("普陀区举行发布会。位于长风生态商务区的“天安千树”是其中的代表。这座建筑面积约30万平方米的综合体,今年入驻率已超过90%。\n"
              "另一处由老厂房改造而来的“M50创意园”,园区面积2.4万平方米,集聚艺术机构140余家。", date="2022-11-08")
    assert q["30万平方米"].subject == q["90%"].subject == "天安千树"
    assert q["2.4万平方米"].subject == q["140余家"].subject == "M50创意园"


def test_the_place_the_speakers_task_names_is_what_its_bare_head_points_back_to():
    q = facts("闵行区举行发布会。在科创方面,我们重点打造大零号湾科技创新策源功能区。二是科创企业活跃,功能区内新增科技型企业1600余家。",
              date="2021-07-22")
    assert q["1600余家"].subject == "大零号湾科技创新策源功能区"


def test_a_growth_rate_compared_with_an_earlier_period_or_another_place():
    q = facts("宝山区统计局发布。1-5月,全区完成规模以上工业总产值1186.4亿元,同比增长2.7%,增速比1-4月加快0.9个百分点。"
              "社会消费品零售总额增长3.4%,增速比全市高1.2个百分点。城镇调查失业率为4.5%,比上年下降0.3个百分点。",
              date="2025-06-25")
    assert q["0.9个百分点"].metric == "规模以上工业总产值增速"
    assert (q["1.2个百分点"].metric, q["1.2个百分点"].basis) == ("社会消费品零售总额增速", None)
    assert q["0.3个百分点"].metric == "城镇调查失业率"


def test_hong_kong_bases_and_a_note_in_brackets():
    q = facts("闵行区日前公布,大零号湾今年上半年实现营业收入1,268.5亿元(人民币,下同),按年增长20.6%。第二季度,全区工业产值按季增长7.8%。",
              date="2023-08-03")
    assert (q["20.6%"].basis, q["20.6%"].metric) == ("yoy", "营业收入")
    assert (q["7.8%"].basis, q["7.8%"].metric) == ("sequential", "工业产值")


def test_the_level_reached_is_of_what_the_sentence_measured():
    q = facts("长宁区举行发布会。云途科技员工从2021年的300余人增加到去年底的1200人。")
    assert q["1200人"].metric == q["300余人"].metric == "云途科技员工"  # 从 (from) is no part of it


def test_a_headlines_quoted_name_after_its_district_and_a_task_after_a_lead_in():
    doc = extract_text("沪闵行“大零号湾”聚集硬科技企业逾千家\n2023年8月3日 来源:文汇报\n闵行区日前公布数据。\n")
    assert doc.quantities[0].subject == "大零号湾"
    q = facts("闵行区举行发布会。在科创方面,我们重点打造大零号湾科技创新策源功能区。一是高校资源密集,周边聚集了12所高校。",
              date="2021-07-22")
    assert q["12所"].subject == "大零号湾科技创新策源功能区"


def test_a_beach_and_a_resort_are_named_places():
    q = facts("金山区举行发布会。金山城市沙滩年均接待游客约150万人次。")
    assert q["150万人次"].subject == "金山城市沙滩"


def test_a_share_made_in_a_place_is_that_places():
    q = facts("奉贤区举行发布会。年末,东方美谷核心区集聚化妆品企业超过300家,全国约十分之一的化妆品产自奉贤。"
              "“东方美谷”已集聚化妆品生产企业450余家,上海近两成的化妆品产值来自这里。")
    assert q["十分之一"].subject == "Fengxian"
    assert q["两成"].subject == "东方美谷"


def test_who_speaks_is_not_the_topic_and_a_time_since_is_all_its_clause_says():
    q = facts("闵行区举行发布会。闵行区科委主任林嘉禾表示,2021年以来,大零号湾累计孵化初创企业超过600家;目前已有上市企业15家。",
              date="2023-08-03")
    assert q["600家"].subject == q["15家"].subject == "大零号湾"


def test_like_for_like_and_the_equal_of_a_multiple_measure_what_the_sentence_measured():
    q = facts("黄浦区举行发布会。全年区级一般公共预算收入267.3亿元,同口径增长2.1%。全年人工智能企业营收达到420亿元,相当于2016年的3.5倍。")
    assert q["2.1%"].metric == "区级一般公共预算收入"
    assert q["3.5倍"].metric == "人工智能企业营收"


def test_a_name_shortened_after_its_full_mention_is_one_subject_by_its_full_name():
    doc = extract_text("今年前三季度,位于金山区的上海湾区高新技术产业开发区实现规上工业总产值486.3亿元。"
                       "湾区高新区规划面积51.2平方公里,已入驻企业1380家。")
    assert {q.text: q.subject for q in doc.quantities} == {
        "486.3亿元": "上海湾区高新技术产业开发区", "51.2平方公里": "上海湾区高新技术产业开发区", "1380家": "上海湾区高新技术产业开发区"}


def test_a_shorter_name_that_is_another_place_keeps_its_own_name():
    # 枫泾镇 (the town) and 枫泾古镇 (its old town) differ by one character: no short form drops so little
    doc = extract_text("枫泾古镇全年接待游客320万人次。枫泾镇全年实现税收12.5亿元。")
    assert {q.text: q.subject for q in doc.quantities} == {"320万人次": "枫泾古镇", "12.5亿元": "枫泾镇"}


def test_a_grade_before_a_head_word_names_a_class_of_things_not_one_thing():
    # 三级医院 (tertiary hospitals), 五星级酒店, 4A级景区: a grade and a head word are a kind of thing, counted in the metric
    q = facts("黄浦区举行发布会。全区共有医院40多家,其中三级医院8家。全区有五星级酒店12家,4A级景区6个。瑞金医院年门诊量超过400万人次。")
    assert [(q[t].subject, q[t].metric) for t in ("8家", "12家", "6个")] == [
        ("Huangpu", "三级医院"), ("Huangpu", "五星级酒店"), ("Huangpu", "4A级景区")]
    assert q["400万人次"].subject == "瑞金医院"


def test_a_later_list_item_goes_on_about_the_lists_lead_in_not_the_item_before():
    q = facts("松江区举行发布会。一是加快建设G60科创走廊；二是推进产业体系建设，去年规上工业总产值增长2倍。")
    assert (q["2倍"].subject, q["2倍"].metric) == ("Songjiang", "规上工业总产值")
    q = facts("闵行区举行发布会。在科创方面,我们重点打造大零号湾科技创新策源功能区。一是高校资源密集,周边聚集了12所高校和科研院所;"
              "二是科创企业活跃,“十三五”期间,功能区内新增科技型企业1600余家。")
    assert q["12所"].subject == q["1600余家"].subject == "大零号湾科技创新策源功能区"


def test_a_list_items_number_is_no_part_of_the_metric():
    q = facts("金山区举行发布会。明年全区力争实现两个目标:一是新材料产业产值突破1100亿元;二是新开工亿元以上产业项目不少于30个。")
    assert (q["1100亿元"].metric, q["30个"].metric) == ("新材料产业产值", "新开工亿元以上产业项目")
