"""What a figure measures: the noun phrase that names it, as written, without its verb.

Facts of Chinese encoded here (examples in the tests):
- the measured thing comes before the figure in its clause, with a light verb between: "全区规模以上工业实现总产值
  4317.1亿元" measures 规模以上工业总产值 (the subject 全区, the time phrase and the verb 实现 are not part of it);
- a counter is followed by what it counts: "200多个公共及企业研发平台", "7.6万名汽车人才"; and "N%的X" or
  "七分之一的面积" is a part of X; but a verb after the counter (吸引企业80余家入驻, 项目12个开工) says what the
  things counted before it did;
- a clause that states only a change ("同比增长1.6%") measures what the clause before it measured, and one that
  names only its subject and verb in a list over ； (安亭镇完成885.2亿元) what the list measured;
- a bare attribute (注册资本, 比重, 总产出, 资金总额) belongs to the thing named just before it
  ("内资企业37611户,...注册资本3061.32亿元" is 内资企业注册资本);
- in parallel clauses, a lone verb stands for the whole phrase before it with that verb changed
  ("重大工程开工210万平方米、竣工216万平方米": 重大工程竣工);
- a word pointing back to the topic (该区, 园区, 该企业) is the subject again, not part of the metric;
- a share written "占X的N%" after a topic is the topic's share of X (汽车产业占全区规模以上工业总产值).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ....model import Kind, Rate, Unit
from .lexicon import alternation, load

_CUES = load("cues")
_MONEY = {"CNY", "USD", "EUR", "HKD", "JPY", "GBP"}
_LIGHT = alternation(_CUES["light_verbs"])
_ATTRIBUTES = set(_CUES["attribute_heads"])
_CHANGE = alternation(_CUES["change_up"] + _CUES["change_down"] + _CUES["change_nouns_up"] + _CUES["change_nouns_down"])
_BASIS = alternation([w for ws in _CUES["basis"].values() for w in ws] + _CUES["stock_bases"] + ["可比", "同期"])
_DISTRICTS = alternation([d + s for d in load("districts")["districts"] for s in ("新区", "区", "")])
_APPROX = alternation(list(_CUES["approx_before"]))
_TAIL = re.compile(r"(?:" + "|".join([_CHANGE, _BASIS, _APPROX, _LIGHT, r"[比较較](?:19|20)\d{2}\s?年(?:同期)?", r"[了的\s:：比较較从從由到至]", r"仅|僅|只有"]) + r")$")
_HEAD = re.compile(r"^(?:" + "|".join([_LIGHT, alternation(_CUES["anaphors"]), r"位于[^，,。；;]{1,12}?的", r"[\s，,、:：;；]", r"【[^】]{0,10}】", r"以上|以下|左右", r"全区|全區|全市|本区|本市|而|但|当月|本月|當月",
                                       r"[一二三四五六七八九十]是|首先|其次|再次|最后|[（(][一二三四五六七八九十]{1,2}[)）]",  # a list item's number
                                       r"(?:上海市?)?(?:" + _DISTRICTS + r")(?=[\u4e00-\u9fff“])"]) + r")")
_GOAL_WORDS = re.compile(r"力争|力爭|争取|確保|确保|计划|預計|预计|拟")
_INNER = re.compile(r"实现|完成|達到|达到")
_AFTER_NOUN = re.compile(r"(?P<noun>[^\s\d，,、。；;：:（(和与占为是达到比较同增减下上的]{2,16}?)(?=[\s\d，,、。；;：:（(和与占为是达到比较同增减下上的]|$)")
_VERB_AFTER_COUNT = tuple(_CUES["verbs_after_count"])
_STOP_AFTER = re.compile(r"^(?:的|，|,|。|；|;|、|\s|$)")


_NOTE_END = re.compile(r"^[^（(]*[)）][\s，,]*")


def strip_phrase(phrase: str, subject_name: str | None = None, inner: bool = True) -> str:
    """The phrase less its leading subject, light verbs and adverbs, and its trailing verb, base and approximator;
    with ``inner``, less the light verbs inside it too (规模以上工业实现总产值 → 规模以上工业总产值)."""
    phrase = _NOTE_END.sub("", phrase.strip())  # 1,268.5亿元(人民币,|下同),按年增长: the end of a note in brackets
    for _ in range(8):
        at = phrase.find(subject_name) if subject_name else -1
        if 0 < at <= 6 and not _HEAD.match(phrase):
            phrase = phrase[at:]  # 园区内企业|万物新生集团营业收入: the words that introduce the subject go with it
        if subject_name and phrase.startswith(subject_name):
            phrase = phrase[len(subject_name):]  # the subject, after a lead mark or verb too (",杨浦滨江实现税收")
            phrase = phrase[2:] if phrase.startswith(("地区", "区域", "一带")) else phrase  # 北外滩地区: its area word
        head = _HEAD.match(phrase)
        if not head or not head.group():
            break
        phrase = phrase[head.end():]
    for _ in range(10):
        tail = _TAIL.search(phrase)
        if not tail or not tail.group():
            break
        phrase = phrase[:tail.start()]
    if inner:
        phrase = _GOAL_WORDS.sub("", _INNER.sub("", phrase))
    return phrase.strip(" “”\"")  if phrase.count("“") != phrase.count("”") else phrase.strip()


def noun_after(text: str, end: int, limit: int) -> str | None:
    """The noun a counter or 的 introduces right after a figure: '200多个公共及企业研发平台' → 公共及企业研发平台."""
    at = end
    if text.startswith("的", at):
        at += 1
    m = _AFTER_NOUN.match(text, at, min(limit, at + 20))
    if not m:
        return None
    noun = m.group("noun")
    if noun.startswith(_VERB_AFTER_COUNT):
        return None  # 吸引企业80余家入驻: the counted noun came before the figure; a verb follows it
    return noun if len(noun) >= 2 else None


def is_attribute(metric: str) -> bool:
    """A bare attribute, which needs the thing it belongs to: 注册资本, 比重, 总产出."""
    return metric in _ATTRIBUTES


def parallel(previous: str, metric: str) -> str | None:
    """'重大工程开工' then '竣工': the shared head with the new verb."""
    if len(metric) == 2 and len(previous) > 3 and previous[-2:] != metric and re.fullmatch(r"[\u4e00-\u9fff]{2}", previous[-2:]):
        return previous[:-2] + metric
    return None


# ---------------------------------------------------------------- the metric's rules, in order

@dataclass(slots=True)
class MetricContext:
    """What the metric rules read about one figure."""

    unit: Unit | Rate
    kind: Kind
    flags: set
    own: str  # the phrase before the figure in its clause, stripped (strip_phrase)
    raw: str  # the same, as written, less time phrases
    after: str | None  # the noun right after the figure, if one follows it
    follows: str  # the character right after the figure (and its 以上 / 左右)
    previous: str | None  # the metric of the figure before it in the sentence
    topic: str | None  # what the sentence is about
    earlier: str | None = None  # the metric of the figure before it in the paragraph


def metric_counted_noun(c: MetricContext) -> str | None:
    """A counter, a 的 or a threshold introduces what is counted or qualified, which comes after the figure:
    "200多个公共及企业研发平台", "三分之一的税收", "亿元以上交易量" (but "估值超过10亿元的企业" measures 估值)."""
    if c.after and (c.unit == "count" or c.follows == "的" and (c.unit not in _MONEY or not c.own) or not c.own
                    or "threshold" in c.flags):
        return c.after
    return None


_COMPARED = re.compile(r"^(?:" + alternation(_CUES["compare_up"] + _CUES["compare_down"]) + ")")


def metric_compared_rate(c: MetricContext) -> str | None:
    """增长10%,(增速)高于全市平均水平3个百分点, 增速比1-4月加快0.9个百分点: points above or below another's rate, or an
    earlier period's, measure the growth rate of what the sentence measured (税收收入增速), not what it is compared
    with; after a rate or a share (失业率, 比重) they measure that rate."""
    base = c.previous or c.topic
    rate = re.match(r"增速|增幅|增长率", c.own)
    rest = c.own[rate.end() if rate else 0:]
    if c.unit == "pp" and base and (_COMPARED.match(rest) or _THAN.fullmatch(rest)):
        if base.endswith(("增速", "增幅", "增长率")) or (not rate and base.endswith(_LEVEL_RATES)):
            return base  # 失业率5.4%,比上年下降0.3个百分点; 占比48.0%,比上年提高2.6个百分点: the rate itself moved
        return base + (rate.group() if rate else "增速")
    return None


# 增速比1-4月加快, 比三季度加快, 增速比全市高 (the time or place compared with is taken out of the phrase): a growth
# rate compared with an earlier period's or another's
_THAN = re.compile(r"比(?!重)[^，,。；;]{0,8}?(?:加快|提高|提升|上升|回升|高|快|回落|放缓|下降|降低|低|慢|收窄|扩大)")
_LEVEL_RATES = ("率", "比重", "占比", "佔比", "比例")


def metric_continues(c: MetricContext) -> str | None:
    """A clause that states only a change ("同比增长1.6%") measures what the clause before it measured; and a clause
    of a list over ； that names only its subject and verb ("嘉定工业区完成规上工业总产值612.7亿元;安亭镇完成885.2亿元")
    measures what the list's clauses before it measured."""
    if not c.own or len(c.own) < 2 and not c.own.isascii():
        return c.after or c.previous or c.topic or c.earlier
    if _REACHED.fullmatch(c.own) and (c.previous or c.earlier):
        return c.previous or c.earlier  # 员工从300余人增加到1200人: the level reached is of what the sentence measured
    return None


_REACHED = re.compile(r"(?:已|已经|已經)?(?:增|增加|增长|增長|提高|提升|上升|升|下降|降|减少|減少|降低|扩大|擴大)(?:到|至)")


def metric_qualified_noun(c: MetricContext) -> str | None:
    """A level written before its noun ("21公里岸线") measures that noun of the thing named before it."""
    if c.after and c.kind == "level" and c.unit not in ("percent", "pp") and len(c.own) <= 8 and not c.previous:
        return c.own + c.after if not c.own.endswith(c.after) else c.own
    return None


def metric_share_of_topic(c: MetricContext) -> str | None:
    """"占X的N%" after a topic is the topic's share of X (汽车产业占全区规模以上工业总产值)."""
    if c.own.startswith(("占", "佔")) and c.topic and not c.own.startswith(c.topic):
        return c.topic + c.own
    return None


def metric_share_of_previous(c: MetricContext) -> str | None:
    """"完成年度预算的71.5%" is a share of what the sentence measured before (一般公共预算收入...年度预算)."""
    base = c.previous or c.topic
    if c.kind == "share" and c.raw.rstrip().endswith("的") and base and not c.own.startswith(base):
        return base + c.own
    return None


_OWN_VERB = re.compile(r"^[\s，,、]*(?:实现|實現|完成)")


def metric_attribute(c: MetricContext) -> str | None:
    """A bare attribute (注册资本, 比重, 总产出) belongs to the thing named just before it; but one its clause
    introduces with its own verb (生产整车120万辆,实现产值1500亿元) is the subject's own, and stands alone."""
    if c.previous and _OWN_VERB.match(c.raw) and is_attribute(c.own):
        return c.own
    base = c.previous or c.topic
    if is_attribute(c.own) and base:
        return base + c.own if not base.endswith(c.own) else base
    return None


def metric_parallel(c: MetricContext) -> str | None:
    """In parallel clauses a lone verb stands for the phrase before it with that verb changed (重大工程竣工)."""
    return parallel(c.previous, c.own) if c.previous else None


def metric_own(c: MetricContext) -> str | None:
    """Otherwise the phrase before the figure, as written less its subject, time, verb and approximator."""
    return c.own


METRIC_RULES = (metric_counted_noun, metric_compared_rate, metric_continues, metric_qualified_noun, metric_share_of_topic,
                metric_share_of_previous, metric_attribute, metric_parallel, metric_own)


def metric_with_rule(c: MetricContext) -> tuple[str | None, str]:
    """The metric, and the rule that decided it (its name as ``Quantity.why`` records it)."""
    for rule in METRIC_RULES:
        answer = rule(c)
        if answer is not None:
            return answer, "metric." + rule.__name__.removeprefix("metric_")
    return None, "metric.otherwise"


def decide_metric(c: MetricContext) -> str | None:
    return metric_with_rule(c)[0]
