"""Each metric rule of the Chinese pack, alone, on its own examples."""

from __future__ import annotations

from hqd.extraction.lang.zh import metrics as r


def mc(own="", raw=None, unit="CNY", kind="level", after=None, follows="，", previous=None, topic=None, flags=()):
    return r.MetricContext(unit, kind, set(flags), own, raw if raw is not None else own, after, follows, previous, topic)


def test_metric_counted_noun():
    assert r.metric_counted_noun(mc("集聚", unit="count", after="公共及企业研发平台", follows="公")) == "公共及企业研发平台"
    assert r.metric_counted_noun(mc("贡献了", unit="percent", after="税收", follows="的")) == "税收"
    assert r.metric_counted_noun(mc("估值", after="企业", follows="的")) is None  # money before 的 qualifies
    assert r.metric_counted_noun(mc("", unit="CNY", after="交易量", follows="交", flags={"threshold"})) == "交易量"


def test_metric_continues():
    assert r.metric_continues(mc("", unit="percent", previous="规模以上工业总产值")) == "规模以上工业总产值"
    assert r.metric_continues(mc("地区生产总值")) is None


def test_metric_qualified_noun():
    assert r.metric_qualified_noun(mc("苏州河普陀段", unit="km", after="岸线", follows="岸")) == "苏州河普陀段岸线"


def test_metric_share_of_topic():
    assert r.metric_share_of_topic(mc("占全区规模以上工业总产值", unit="percent", kind="share", topic="汽车产业")) == \
        "汽车产业占全区规模以上工业总产值"


def test_metric_share_of_previous():
    c = mc("年度预算", raw="完成年度预算的", unit="percent", kind="share", previous="一般公共预算收入")
    assert r.metric_share_of_previous(c) == "一般公共预算收入年度预算"


def test_metric_attribute():
    assert r.metric_attribute(mc("注册资本", previous="新设内资企业")) == "新设内资企业注册资本"
    assert r.metric_attribute(mc("地区生产总值", previous="新设内资企业")) is None


def test_metric_parallel():
    assert r.metric_parallel(mc("竣工", unit="m2", previous="重大工程开工")) == "重大工程竣工"
    assert r.metric_parallel(mc("竣工", unit="m2")) is None


def test_rules_are_tried_in_order():
    assert r.decide_metric(mc("地区生产总值")) == "地区生产总值"
    assert r.METRIC_RULES[-1] is r.metric_own


def test_metric_compared_rate():
    assert r.metric_compared_rate(mc("高于全市平均水平", unit="pp", kind="change", previous="税收收入")) == "税收收入增速"
    assert r.metric_compared_rate(mc("低于全市", unit="pp", kind="change", previous="工业产值增速")) == "工业产值增速"
    assert r.metric_compared_rate(mc("高于全市平均水平", unit="percent", previous="税收收入")) is None
    assert r.metric_compared_rate(mc("提高", unit="pp", kind="change", previous="税收收入")) is None
