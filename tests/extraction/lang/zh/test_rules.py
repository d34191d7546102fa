"""Each kind, basis and approx rule of the Chinese pack, alone, on its own examples."""

from __future__ import annotations

import pytest

from hqd.extraction.lang.zh import rules
from hqd.extraction.lang.zh.numbers import find_mentions
from hqd.extraction.lang.zh.periods import assign_periods, find_time_phrases
from hqd.extraction.lang.zh.segments import Segmentation


def ctx(text: str, figure: str, anchor: int | None = 2023) -> rules.Context:
    """The context of ``figure`` in ``text``, as the pack builds it."""
    seg = Segmentation(text)
    phrases = find_time_phrases(text, anchor)
    mentions = find_mentions(text)
    m = next(x for x in mentions if x.text == figure)
    periods, givers = assign_periods(text, seg, phrases, [x.start for x in mentions], anchor, {})
    i = mentions.index(m)
    s = seg.sentence_at(m.start)
    c0 = seg.clause_start(m.start)
    previous = max([x.end for x in mentions[:i] if x.end >= c0] or [c0])
    f0 = seg.full_start(m.start)
    return rules.Context(text, m, c0, s.start, periods[i], givers[i], [p for p in phrases if s.start <= p.start < s.end],
                         previous, anchor, full_start=f0)


def test_kind_growth_multiple():
    assert rules.kind_growth_multiple(ctx("税收比2015年增长1.8倍", "1.8倍")) == "change"
    assert rules.kind_growth_multiple(ctx("是全国的1.8倍", "1.8倍")) is None


def test_kind_attributive_threshold():
    assert rules.kind_attributive_threshold(ctx("力争引进亿元以上产业项目100个以上", "亿元")) == "level"
    assert rules.kind_attributive_threshold(ctx("力争引进5000万元以上的项目80个", "5000万元")) == "level"
    assert rules.kind_attributive_threshold(ctx("力争固定资产投资增长10%以上", "10%")) is None
    # a counter of things before 以上 counts the noun after it
    assert rules.kind_attributive_threshold(ctx("并引进30家以上国际知名资产管理机构", "30家")) is None
    assert rules.kind_attributive_threshold(ctx("全区有500人以上企业20家", "500人")) == "level"


def test_kind_after_completion():
    assert rules.kind_after_completion(ctx("该中心将于明年竣工,建成后高度达220米", "220米")) == "target"
    assert rules.kind_after_completion(ctx("项目达产后年产值50亿元", "50亿元")) == "target"
    assert rules.kind_after_completion(ctx("该项目2020年建成后累计接待游客300万人次", "300万人次")) is None
    assert rules.kind_after_completion(ctx("该中心高度220米", "220米")) is None


def test_kind_multiple_of_base():
    assert rules.kind_multiple_of_base(ctx("2022年,全区科技企业达到3000家,是2017年的2倍", "2倍")) == "change"
    assert rules.kind_multiple_of_base(ctx("研发投入强度达到4.5%,是全市平均水平的1.5倍", "1.5倍")) is None
    assert rules.kind_multiple_of_base(ctx("科技企业3000家,较2017年增长2倍", "2倍")) is None  # 增长N倍: its own rule
    assert rules.kind_multiple_of_base(ctx("上半年接待入境游客约35万人次,是去年同期的1.6倍", "1.6倍")) == "change"
    assert rules.kind_multiple_of_base(ctx("全区营业收入达到80亿元,是上年的2倍", "2倍")) == "change"


def test_kind_goal():
    assert rules.kind_goal(ctx("力争全年重大工程开工210万平方米", "210万平方米")) == "target"
    assert rules.kind_goal(ctx("主要预期目标是:一般公共预算收入增长5%", "5%")) == "target"
    assert rules.kind_goal(ctx("到2025年,高新技术企业达到3000家", "3000家")) == "target"
    # a past span between the cue and the figure ends the goal's reach
    assert rules.kind_goal(ctx("2021年预计完成营业收入4000亿元以上,五年年均增长15%", "15%", 2021)) is None
    assert rules.kind_goal(ctx("2022年,汽车产业规模超8300亿元", "8300亿元")) is None
    # a goal word followed by 的 is the plan itself, a noun: progress against it is no goal
    assert rules.kind_goal(ctx("1-7月已完成投资130亿元,完成年度计划的65%", "65%")) is None
    assert rules.kind_goal(ctx("年度计划投资200亿元", "200亿元")) == "target"


def test_a_goal_reported_as_met_marks_no_goal():
    assert rules.kind_goal(ctx("过去一年,我们超额完成全年目标,实现税收收入120亿元", "120亿元")) is None
    assert rules.kind_goal(ctx("全面完成年初确定的目标任务,全区地区生产总值增长6.5%", "6.5%")) is None
    assert rules.kind_goal(ctx("实现了预期目标,规上工业总产值达到3000亿元", "3000亿元")) is None
    assert rules.kind_goal(ctx("全年主要预期目标顺利完成:地区生产总值增长6.1%", "6.1%")) is None
    assert rules.kind_goal(ctx("目标任务完成情况良好,新增就业岗位3.2万个", "3.2万个")) is None
    assert rules.kind_goal(ctx("有力确保了全区经济平稳运行,新增就业岗位3.2万个", "3.2万个")) is None
    # a goal to meet is still one
    assert rules.kind_goal(ctx("确保完成全年目标,新增就业岗位2万个", "2万个")) == "target"
    assert rules.kind_goal(ctx("今年目标是新增企业5000家", "5000家")) == "target"
    assert rules.kind_goal(ctx("今年计划完成投资200亿元", "200亿元")) == "target"


def test_a_plan_as_a_base_a_title_or_a_programme_and_a_word_holding_ni_mark_no_goal():
    assert rules.kind_goal(ctx("全区新建公共充电桩2860个,比计划多完成300个", "300个")) is None
    assert rules.kind_goal(ctx("区政府出台《促进产业发展三年行动计划》,全年新增企业500家", "500家")) is None
    assert rules.kind_goal(ctx("持续实施工业精品创造计划,全年新增企业500家", "500家")) is None
    assert rules.kind_goal(ctx("示范区可模拟100余种测试场景", "100余种")) is None
    assert rules.kind_goal(ctx("该区拟新建学校3所", "3所")) == "target"


def test_a_plan_compared_with_is_no_goal():
    assert rules.kind_goal(ctx("全区地区生产总值增长6.2%,高于预期目标0.2个百分点", "0.2个百分点")) is None
    assert rules.kind_goal(ctx("对照年初目标,全区地区生产总值增长6.2%", "6.2%")) is None
    assert rules.kind_goal(ctx("新增就业岗位3.2万个,完成年度目标任务的128%", "128%")) is None


def test_kind_goal_named_after():
    assert rules.kind_goal_named_after(ctx("我们将努力实现地区生产总值增长6%左右的目标", "6%")) == "target"
    assert rules.kind_goal_named_after(ctx("全年实现了地区生产总值增长6%的目标", "6%")) is None
    assert rules.kind_goal_named_after(ctx("已实现高新技术企业突破2000家的目标", "2000家")) is None
    assert rules.kind_goal_named_after(ctx("地区生产总值增长6%", "6%")) is None


@pytest.mark.parametrize("text, figure", [("今年,全区将投入资金20亿元", "20亿元"), ("园区将陆续引进企业30家", "30家"),
                                          ("本届博览会将举办活动120场", "120场"), ("全区将继续推进城市更新,完成旧改1500户", "1500户"),
                                          ("嘉闵线建成后,两地通行时间将缩短至20分钟左右", "20分钟")])
def test_jiang_before_a_verb_marks_the_future(text, figure):
    assert rules.kind_goal(ctx(text, figure)) == "target"


def test_jiang_as_nearly_or_before_an_object_marks_no_goal():
    assert rules.kind_goal(ctx("该区将近80%的企业实现盈利", "80%")) is None
    assert rules.kind_goal(ctx("去年,全区将1200户居民纳入保障范围", "1200户")) is None


def test_a_goal_word_heading_a_compound_noun_is_no_goal():
    assert rules.kind_goal(ctx("全区户籍人口人均预期寿命84.5岁,婴儿死亡率1.2‰", "1.2‰")) is None
    assert rules.kind_goal(ctx("梳理重点招商目标企业200家", "200家")) is None


def test_a_figure_already_reached_is_no_goal():
    assert rules.kind_goal(ctx("到2025年,力争高新技术企业达到3000家,目前已达到2400家", "2400家")) is None
    assert rules.kind_goal(ctx("今年计划完成投资200亿元,1-9月已完成150亿元", "150亿元")) is None
    assert rules.kind_goal(ctx("到2025年,力争高新技术企业达到3000家,目前已达到2400家", "3000家")) == "target"


def test_a_time_already_come_in_a_later_clause_ends_a_goals_reach():
    assert rules.kind_goal(ctx("预计全年地区生产总值增长6%,前三季度增长5.8%", "5.8%")) is None
    assert rules.kind_goal(ctx("力争上半年完成投资80亿元", "80亿元")) == "target"
    assert rules.kind_goal(ctx("力争全年增长6%,去年全区地区生产总值增长5.1%", "5.1%")) is None
    assert rules.kind_goal(ctx("区委书记表示,将打造千亿级产业集群,目前园区集聚企业300家", "300家")) is None
    assert rules.kind_goal(ctx("项目将于明年竣工,建成后年产值可达100亿元", "100亿元")) == "target"  # once built: still to come


def test_kind_goal_reaches_over_semicolons():
    text = "主要预期目标是:地区生产总值增长5.5%左右;区级一般公共预算收入增长4%;城镇调查失业率控制在5%以内。"
    assert rules.kind_goal(ctx(text, "4%")) == "target"


def test_kind_plan_section():
    c = ctx("新建社区养老服务综合体3家。", "3家")
    assert rules.kind_plan_section(c) is None
    c.in_plan = True
    assert rules.kind_plan_section(c) == "target"


def test_kind_points():
    assert rules.kind_points(ctx("比重较去年同期提高1.6个百分点", "1.6个百分点")) == "change"
    assert rules.kind_points(ctx("同比增长7.4%", "7.4%")) is None


def test_kind_fraction_share():
    assert rules.kind_fraction_share(ctx("贡献了超过三分之一的税收", "三分之一")) == "share"
    assert rules.kind_fraction_share(ctx("近七成企业", "七成")) == "share"
    assert rules.kind_fraction_share(ctx("百分之五", "百分之五")) is None
    # 成 after a change verb is the size of the change
    assert rules.kind_fraction_share(ctx("征收4125户,比上年增加近三成", "三成")) == "change"
    assert rules.kind_fraction_share(ctx("网络新经济企业营收增逾两成", "两成")) == "change"
    assert rules.kind_fraction_share(ctx("占比超过两成", "两成")) == "share"


def test_kind_change_verb():
    assert rules.kind_change_verb(ctx("同比增长7.4%", "7.4%")) == "change"
    assert rules.kind_change_verb(ctx("比上年增长 4.8%", "4.8%")) == "change"
    assert rules.kind_change_verb(ctx("增幅为5.2%", "5.2%")) == "change"
    assert rules.kind_change_verb(ctx("减少能耗77872吨标准煤", "77872吨标准煤")) == "change"
    assert rules.kind_change_verb(ctx("企业数量增加到120家", "120家")) == "level"
    assert rules.kind_change_verb(ctx("实现产值2421.0亿元", "2421.0亿元")) is None
    assert rules.kind_change_verb(ctx("较去年同期多出1260户", "1260户")) == "change"
    assert rules.kind_change_verb(ctx("营业收入两年平均增速仅为2.1%", "2.1%")) == "change"


def test_kind_share_cue():
    assert rules.kind_share_cue(ctx("占全区规模以上工业总产值的65.4%", "65.4%")) == "share"
    assert rules.kind_share_cue(ctx("税收比重达70%", "70%")) == "share"
    assert rules.kind_share_cue(ctx("完成进度超过70%", "70%")) == "share"
    assert rules.kind_share_cue(ctx("同比增长7.4%", "7.4%")) is None
    assert rules.kind_share_cue(ctx("以全市不足千分之四的面积", "千分之四")) == "share"
    assert rules.kind_share_cue(ctx("人口自然增长率为千分之四", "千分之四")) is None


def test_kind_order_goal_before_change():
    assert rules.decide_kind(ctx("主要预期目标是:一般公共预算收入增长5%", "5%")) == "target"
    assert rules.decide_kind(ctx("地区生产总值达到134.9亿元", "134.9亿元")) == "level"


def test_basis_cue():
    assert rules.basis_cue(ctx("同比增长1.6%", "1.6%")) == "yoy"
    assert rules.basis_cue(ctx("两年平均下降5.6%", "5.6%")) == "annual_avg"
    assert rules.basis_cue(ctx("年均增长10.5%", "10.5%")) == "annual_avg"
    assert rules.basis_cue(ctx("环比下降2.3%", "2.3%")) == "sequential"
    assert rules.basis_cue(ctx("2021年1-10月,比2019年同期下降10.8%", "10.8%", 2021)) == "cumulative"
    assert rules.basis_cue(ctx("增长5%", "5%")) is None


def test_basis_compared():
    assert rules.basis_compared(ctx("增幅低于全市1.5个百分点", "1.5个百分点")) == "none"
    assert rules.decide_basis(ctx("增幅低于全市1.5个百分点", "1.5个百分点")) is None
    assert rules.basis_compared(ctx("持牌金融机构达1125家,比去年底增加46家", "46家")) == "none"


def test_basis_from_period():
    assert rules.basis_from_period(ctx("2023年,第二产业增加值增长 3.0%", "3.0%")) == "yoy"
    assert rules.basis_from_period(ctx("2015年以来,减少能耗77872吨标准煤", "77872吨标准煤")) == "cumulative"
    assert rules.basis_from_period(ctx("增长3.0%", "3.0%", None)) is None


@pytest.mark.parametrize("text, figure, approx", [
    ("已集聚企业600多家", "600多家", ">"), ("约30%", "30%", "~"), ("近30%", "30%", "~"), ("超过70%", "70%", ">"),
    ("突破1600亿元", "1600亿元", ">"), ("超8300亿元", "8300亿元", ">"), ("不低于90%", "90%", ">="), ("不到七分之一", "七分之一", "<"),
    ("小于5.5%", "5.5%", "<"), ("不超过5%", "5%", "<="), ("4000亿元以上", "4000亿元", ">"), ("5%左右", "5%", "~"),
    ("控制在5%以内", "5%", "<="), ("达到134.9亿元", "134.9亿元", "="),
    ("完成农民相对集中居住签约4826户", "4826户", "="), ("节约能耗500吨", "500吨", "="), ("大约500吨", "500吨", "~"),
])
def test_approx(text, figure, approx):
    assert rules.decide_approx(ctx(text, figure)) == approx


def test_decrease_makes_a_change_negative():
    assert rules.is_decrease(ctx("同比下降9.7%", "9.7%"))
    assert rules.is_decrease(ctx("增幅低于全市1.5个百分点", "1.5个百分点"))
    assert rules.is_decrease(ctx("减少能耗77872吨标准煤", "77872吨标准煤"))
    assert not rules.is_decrease(ctx("同比增长7.4%", "7.4%"))


def test_kind_rate_per_thousand_and_a_share_reached():
    assert rules.kind_change_verb(ctx("全年人口出生率为4.8‰,自然增长率为-3.2‰", "-3.2‰")) == "level"
    assert rules.kind_change_verb(ctx("占规上工业总产值的比重提高到22.8%", "22.8%")) == "share"
    assert rules.kind_change_verb(ctx("常住人口增加到58.3万人", "58.3万人")) == "level"
    assert rules.kind_share_cue(ctx("研发经费支出相当于地区生产总值的比例为4.05%", "4.05%")) == "share"


def test_approx_more_than_a_multiple():
    assert rules.approx_after(ctx("企业总产值达到103.5亿元,是2015年的4倍多", "4倍")) == ">"


def test_kind_size_attribute():
    text = "据了解,新总部大楼预计于今年第四季度竣工,总建筑面积约18万平方米"
    assert rules.kind_size_attribute(ctx(text, "18万平方米")) == "level"
    assert rules.kind_size_attribute(ctx("预计今年北外滩将新增商务楼宇面积一百万平方米,约10万平方米", "10万平方米")) is None
    assert rules.kind_size_attribute(ctx("项目预计明年开工,建成后总建筑面积约30万平方米", "30万平方米")) is None
    # a completion dated in the future by an earlier clause, with no goal word
    assert rules.kind_size_attribute(ctx("科创中心二期将于明年6月竣工,新增研发办公面积12万平方米", "12万平方米")) == "level"
    assert rules.kind_size_attribute(ctx("科创中心二期将于明年6月竣工,将新增研发办公面积12万平方米", "12万平方米")) is None
    # 届时 (by then) opens the size of the thing when it opens, 将 or not
    assert rules.kind_size_attribute(ctx("外滩源二期项目将于明年上半年竣工,届时将新增甲级办公面积约15万平方米", "15万平方米")) == "level"
