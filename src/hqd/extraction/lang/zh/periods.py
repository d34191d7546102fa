"""Time phrases of Chinese text and the period each figure refers to.

Facts of Chinese encoded here (examples in the tests):
- a year is written "2023年" and its parts follow it: "2023年上半年" 2023-H1, "2021年1-10月" 2021-01/2021-10,
  "前三季度" 01/09, "一季度" Q1, "前8个月" 01/08, "8月" or "8月份" one month, "年末"/"年底"/"全年" the whole year;
- 今年以来 runs from January of the text's year to the month it reports; 全年预算, 全年目标 name the year's plan,
  not a time;
- 今年 本年 当年 are the briefing's year, 去年 上年 the year before, 明年 the next; but after 比 较 同 于 与, or before
  同期, 上年/去年 name the base of a comparison (比上年增长), not the time of the figure;
- "2015年...以来" runs from that year to the briefing's year; "从2016年...到2022年底" from one to the other;
  "到2025年", "2025年前" name a deadline when the year is still to come, and so do 未来五年 and 两年内 (from the text's year);
- the Five-Year Plans: "十三五" 2016/2020, "十四五" 2021/2025, with 以来 up to the briefing's year and 末 or 收官 their last year;
- "过去五年", "近五年", "五年来" are the five years up to the one reported; "五年年均" likewise; "过去的一年" in a
  work report is the year it reviews;
- a time phrase at the head of a sentence frames the sentences after it in its paragraph; at the head of a paragraph
  (or in a numbered heading: "一、2022年工作回顾") it frames the paragraphs after it, until another one does. A phrase inside a sentence dates only what follows it there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ....model import Period
from .lexicon import load
from .numerals import parse_chinese
from .segments import Segmentation

_N = r"\d{1,2}|[一二三四五六七八九十两]{1,3}"
_YEAR = r"(?P<y>(?:19|20)\d{2})\s?年(?:度)?"


def _part_pattern(p: str) -> str:
    """A part of a year (上半年, 一季度, 1-8月, 前8个月, 8月份, 年末, 国庆假期), its groups named with the prefix ``p``."""
    return (
        rf"(?P<{p}half>[上下])半年"
        rf"|(?P<{p}qq>前[三两二32])(?:个)?季度"
        rf"|第?(?P<{p}q>[一二三四1-4])季度"
        rf"|(?P<{p}m1>[1一])\s?月?\s?[-~～至到—－]\s?(?P<{p}m2>{_N})\s?月(?:份)?(?![0-9一二三四五六七八九十]*[日号])"
        rf"|前(?P<{p}mn>{_N})个月"
        rf"|(?:截至|截止|到)(?P<{p}mt>{_N})月(?:底|末)?"
        rf"|(?P<{p}m>{_N})月(?:份)?(?![0-9一二三四五六七八九十]*[日号])"
        rf"|(?P<{p}yend>年末|年底|底|末)"
        rf"|(?P<{p}hol>国庆|國慶|[“\"]?五一[”\"]?)(?:假期|期间|期間|长假|長假|黄金周|黃金周|小长假|小長假)"
    )


_PART = _part_pattern("")
_PHRASE = re.compile(
    r"(?P<now>截至目前|截止目前|到目前为止|目前|当前|现在|如今|眼下|(?:建成|投产|达产|竣工|投用|运营|完成)后"
    r"|(?<![年月日期])(?:开街|開街|开业|開業|开园|開園|挂牌|掛牌|成立|建成|开通|開通|投用|启用|啟用|运营|運營)以来)"
    r"|(?P<todate>(?:截至|截止)(?:今年|本年)?(?P<tm>" + _N + r")月(?:底|末)?)"
    r"|(?P<within>年底前|年末前|年底之前|年内|今年内|本年内)"
    r"|(?P<span>(?P<ya>(?:19|20)\d{2})\s?(?:年\s?)?[-~～至到—－]\s?(?P<yb>(?:19|20)\d{2})\s?年)"
    r"|(?P<deadline_to>(?:到|至)\s?)?" + _YEAR + r"(?:(?P<ypart>" + _part_pattern("y_") + r"))?(?P<before>前|之前|以前)?"
    r"|(?P<ytd>(?:今年|本年|年初)以来|今年来)"
    r"|(?P<rel>今年|本年|当年|全年|去年|上年|上一年度|明年|前年)(?:(?P<rpart>" + _part_pattern("r_") + r"))?"
    r"|[“\"]?(?P<plan>十[一二三四五]五)[”\"]?(?:规划)?(?P<planpart>期间|时期|以来|期末|末|收官|规划期)?"
    r"|(?P<nyears>(?:过去的?|近|最近|这)(?P<na>" + _N + r")年(?:来|间|中)?|(?P<nb>" + _N + r")年来)"
    r"|(?P<ahead>(?:未来|今后)(?P<nd>" + _N + r")年(?:内|间|里)?|(?P<ne>[一二三四五六七八九十两]{1,2})年(?:之内|内))"
    r"|(?P<navg>(?P<nc>" + _N + r")年(?=年均|平均|累计))"
    r"|(?P<part>" + _part_pattern("p_") + r")"
)
_PLAN_NOUN = tuple(load("cues")["year_plan_nouns"])
_GOAL_BEFORE = re.compile(r"(?:" + "|".join(map(re.escape, load("cues")["goal_cues"])) + r")\s?$")
# 今年计划完成投资200亿元: 计划 followed by a verb is itself a verb (plans to), and 今年 the time
_PLAN_VERB = re.compile(r"(?:计划|計劃)(?:完成|实现|實現|新增|投资|投資|开工|開工|建成|引进|引進|达到|達到|新建|实施|實施)")
# 比 较 同 与 before a time name a base; 于 only after a comparative (高于, 低于上年): "将于三季度开工" is a time
_BASE_BEFORE = re.compile(r"(?:[比较較同与與]|[高低快慢多少大小超][于於])$")
# 是2017年的2倍: the year whose figure is multiplied is a base, not the time of the multiple
_MULTIPLE_OF = re.compile(r"(?:同期)?的\s?[0-9０-９.．]+\s?倍")
_SINCE = re.compile(r"以来|以來")
_FROM = re.compile(r"[从從自由]\s?$")
_PLANS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}


@dataclass(slots=True)
class TimePhrase:
    """A time phrase as read, before its frame is known: ``period`` is what it says in the contract's forms when it says
    it whole ("2023-H1", "2021/2025", a year), else the raw part a frame completes (上半年, 1-8月 as "01/08") or None;
    ``resolve`` makes a ``model.Period`` of it."""

    start: int
    end: int
    period: str | None
    role: str = "point"  # point | since | span | deadline | years (N years up to the frame's year) | ytd (今年以来)
    n: int = 0  # for role "years"
    relative: bool = False  # a part of a year with no year written (上半年): resolved against the frame


def _num(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    v = parse_chinese(text)
    return int(v) if v else None


def _part(m: re.Match, year: int | None, prefix: str = "") -> str | None:
    """The period a year-part names, in ``year``."""
    if year is None:
        return None
    g = lambda name: m.group(prefix + name)  # noqa: E731
    if g("half"):
        return f"{year}-H{1 if g('half') == '上' else 2}"
    if g("qq"):
        last = {"三": 9, "3": 9, "两": 6, "二": 6, "2": 6}[g("qq")[1]]
        return f"{year}-01/{year}-{last:02d}"
    if g("q"):
        return f"{year}-Q{_num(g('q')) or {'一': 1, '二': 2, '三': 3, '四': 4}[g('q')]}"
    if g("m2"):
        last = _num(g("m2"))
        return _from_january(year, last) if last and 1 < last <= 12 else None
    if g("mn"):
        last = _num(g("mn"))
        return _from_january(year, last) if last and 1 <= last <= 12 else None
    if g("mt"):
        last = _num(g("mt"))
        return f"{year}-01/{year}-{last:02d}" if last and 1 <= last <= 12 else None
    if g("m"):
        month = _num(g("m"))
        return f"{year}-{month:02d}" if month and 1 <= month <= 12 else None
    if g("hol"):  # the National Day holiday is in October, May Day's in May
        return f"{year}-{10 if g('hol') in ('国庆', '國慶') else 5:02d}"
    return str(year)


def _from_january(year: int, last: int) -> str:
    """January to a month: 1-6月 and 前6个月 are the first half (YYYY-H1), 1-3月 the first quarter (YYYY-Q1), as the
    contract reads "January to June"; other months a span (1-8月 YYYY-01/YYYY-08)."""
    if last == 6:
        return f"{year}-H1"
    if last == 3:
        return f"{year}-Q1"
    return f"{year}-01/{year}-{last:02d}"


def find_time_phrases(text: str, anchor: int | None, review_end: int | None = None) -> list[TimePhrase]:
    """Every time phrase, with its period resolved against ``anchor`` (the briefing's year); relative parts
    (上半年 with no year) are resolved later against the frame by ``assign_periods``. ``review_end`` is the last year
    a work report reviews (the year before it is given): "过去五年" ends there."""
    out: list[TimePhrase] = []
    for m in _PHRASE.finditer(text):
        read = next(r for g, r in _READERS if m.group(g))
        phrase = read(text, m, anchor, review_end)
        if phrase is not None:
            out.append(phrase)
    return _join_from_to(text, out)


def _read_now(text: str, m: re.Match, anchor: int | None, review_end: int | None) -> TimePhrase | None:
    """目前, 建成后: the present, or a state once a step is done; it dates nothing; nor does a time since an event
    that names no date (张园开街以来累计接待游客600万人次; but 2019年挂牌以来 is read by its year)."""
    return TimePhrase(m.start(), m.end(), None, "now")


def _read_todate(text: str, m: re.Match, anchor: int | None, review_end: int | None) -> TimePhrase | None:
    """截至7月底: from January to that month, of the frame's year."""
    last = _num(m.group("tm"))
    if last and 1 <= last <= 12:
        return TimePhrase(m.start(), m.end(), f"01/{last:02d}", "point", relative=True)
    return None


def _read_within(text: str, m: re.Match, anchor: int | None, review_end: int | None) -> TimePhrase | None:
    """年底前 is a deadline; 年内 (within the year) may report the year as well as promise it."""
    return TimePhrase(m.start(), m.end(), None, "deadline" if m.group("within").endswith("前") else "point", relative=True)


def _read_span(text: str, m: re.Match, anchor: int | None, review_end: int | None) -> TimePhrase | None:
    """2018-2022年: from one year to the other."""
    return TimePhrase(m.start(), m.end(), f"{m.group('ya')}/{m.group('yb')}", "span")


def _read_year(text: str, m: re.Match, anchor: int | None, review_end: int | None) -> TimePhrase | None:
    """2023年 (and its part): after 比 较 与, or before 的N倍, the base of a comparison; 到2025年 or 2025年前 still to
    come, a deadline; 从2016年 or 2015年...以来, the start of a span; else the time of what follows."""
    start, end = m.start(), m.end()
    year = int(m.group("y"))
    period = _part(m, year, "y_") if m.group("ypart") else str(year)
    if (_BASE_BEFORE.search(text[max(0, start - 2):start]) or _MULTIPLE_OF.match(text, end)) and not m.group("deadline_to"):
        # 比2019年同期, 比2019年上半年: a part against the same part; 比2020年末 a stock against that year's end
        same = text.startswith("同期", end) or (m.group("ypart") is not None and not m.group("y_yend"))
        return TimePhrase(start, end, period, "base", n=1 if same else 0)
    if m.group("deadline_to") and text[max(0, start - 1):start] == "截" and m.group("y_m"):
        month = _num(m.group("y_m"))
        period = f"{year}-01/{year}-{month:02d}" if month and 1 <= month <= 12 else period  # 截至2023年6月底: as of
    future = anchor is not None and year > anchor
    if (m.group("deadline_to") or m.group("before")) and (future or anchor is None):
        return TimePhrase(start, end, str(year), "deadline")
    if _FROM.search(text[max(0, start - 2):start]) or _SINCE.match(_clause_rest(text, end)):
        return TimePhrase(start, end, str(year), "since")
    return TimePhrase(start, end, period, "deadline" if future and m.group("deadline_to") else "point")


def _read_ytd(text: str, m: re.Match, anchor: int | None, review_end: int | None) -> TimePhrase | None:
    """今年以来: dated once the month the text reports is known (``date_year_to_date``)."""
    return TimePhrase(m.start(), m.end(), str(anchor) if anchor else None, "ytd")


def _read_relative_year(text: str, m: re.Match, anchor: int | None, review_end: int | None) -> TimePhrase | None:
    """今年 去年 明年 (and their parts) against the briefing's year; 本年 当年 全年 the frame's; 比上年 and 去年同期 are
    bases, and 全年预算 the year's plan, none of them a time."""
    start, end = m.start(), m.end()
    rel, rpart = m.group("rel"), m.group("rpart")
    if rel in ("全年", "本年", "今年") and rpart is None and text.startswith(_PLAN_NOUN, end) and not _PLAN_VERB.match(text, end):
        return None  # 完成全年预算的47.2%: the year's plan is what is measured against, not the figure's time
    if rel in ("去年", "上年") and (_BASE_BEFORE.search(text[max(0, start - 2):start]) or text.startswith("同期", end)):
        return None  # 比上年增长, 去年同期: a base
    if rel in ("今年", "上年") and rpart is None and text.startswith("度", end):
        end += 1
    if rel in ("本年", "当年", "全年"):
        return TimePhrase(start, m.start("rpart") if rpart else end, None, "point", relative=True)  # the frame's year
    shift = {"去年": -1, "上年": -1, "上一年度": -1, "明年": 1, "前年": -2}.get(rel, 0)
    year = anchor + shift if anchor is not None else None
    period = _part(m, year, "r_") if rpart and year is not None else (str(year) if year is not None else None)
    return TimePhrase(start, end, period, "deadline" if shift > 0 else "point")


def _read_plan(text: str, m: re.Match, anchor: int | None, review_end: int | None) -> TimePhrase | None:
    """"十四五"期间 2021/2025, 以来 up to the year reported (the briefing's, or the year a work report reviews), 末 or
    收官 its last year; the plan named alone is no time."""
    start, end = m.start(), m.end()
    first, last = _PLANS[m.group("plan")]
    part = m.group("planpart")
    if part is None and not re.match(r"[”\"]?(?:规划)?(?:时期|期间)", text[end:end + 4]):
        return None  # "十四五"规划 named, no time given
    if _MULTIPLE_OF.match(text, end) and part in ("时期", "期间", None):
        return TimePhrase(start, end, f"{first}/{last}", "base")  # 是“十二五”时期的1.6倍: the plan's figure is the base
    if part == "以来":  # up to the year reported: a work report's review ends the year before it is given
        last_year = review_end or anchor
        return TimePhrase(start, end, f"{first}/{last_year}" if last_year else None, "since")
    if part in ("末", "期末", "收官"):
        return TimePhrase(start, end, str(last), "deadline" if anchor is None or last > anchor else "point")
    return TimePhrase(start, end, f"{first}/{last}", "span")


def _read_years(text: str, m: re.Match, anchor: int | None, review_end: int | None) -> TimePhrase | None:
    """过去五年, 近五年, 五年来: the N years up to the one reported (a work report's: the year it reviews)."""
    n = _num(m.group("na") or m.group("nb"))
    if n and 1 <= n <= 30 and not (n == 1 and m.group("nb")):
        return TimePhrase(m.start(), m.end(), str(review_end) if review_end else None, "years", n=n)
    return None


def _read_ahead(text: str, m: re.Match, anchor: int | None, review_end: int | None) -> TimePhrase | None:
    """未来五年, said in 2022: by 2027; so is 五年内 (within five years), said of what is to be done."""
    n = _num(m.group("nd") or m.group("ne"))
    return TimePhrase(m.start(), m.end(), str(anchor + n), "deadline") if n and anchor else None


def _read_years_average(text: str, m: re.Match, anchor: int | None, review_end: int | None) -> TimePhrase | None:
    """五年年均: an average over N years up to the frame's."""
    n = _num(m.group("nc"))
    return TimePhrase(m.start(), m.end(), None, "years", n=n) if n and 1 < n <= 30 else None


def _read_part(text: str, m: re.Match, anchor: int | None, review_end: int | None) -> TimePhrase | None:
    """上半年, 1-8月, 一季度 with no year: kept raw and resolved against the frame; after 比 the period before, a base
    (增速比1-7月提高); 底 or 末 alone is no time."""
    start, end = m.start(), m.end()
    if m.group("p_yend") and not text.startswith(("年末", "年底"), start):
        return None
    if _BASE_BEFORE.search(text[max(0, start - 2):start]):
        return TimePhrase(start, end, m.group("part"), "base", n=1, relative=True)
    return TimePhrase(start, end, m.group("part"), "point", relative=True)


# each group of _PHRASE and its reader, in the pattern's order (the first group that matched decides)
_READERS = (("now", _read_now), ("todate", _read_todate), ("within", _read_within), ("span", _read_span),
            ("y", _read_year), ("ytd", _read_ytd), ("rel", _read_relative_year), ("plan", _read_plan),
            ("nyears", _read_years), ("ahead", _read_ahead), ("navg", _read_years_average), ("part", _read_part))


def date_year_to_date(phrases: list[TimePhrase], year: int | None, month: int | None) -> None:
    """今年以来 (since the start of this year) runs from January of the text's year to the month it reports, as the
    contract reads 截至 ("as of July" is YYYY-01/YYYY-07): the month of a dated title's 1-5月, else of its date."""
    for p in phrases:
        if p.role == "ytd":
            p.role = "point"
            if year and month:
                p.period = _from_january(year, month) if month > 1 else f"{year}-01"


def report_month(title: str | None, year: int | None, date: str | None) -> int | None:
    """The month a text reports up to: the last month its title names (2024年1-5月..., 上半年...), else the month of
    its date in the text's year."""
    for m in _RELATIVE_PART.finditer(title or ""):
        period = Period.parse(_part(m, year or 2000))
        if period is not None and period.granularity != "year":
            return period.last_month[1]  # 1-5月 5, 上半年 6, 三季度 9
    if date and len(date) >= 7 and year and date[:4] == str(year):
        return int(date[5:7])
    return None


def _clause_rest(text: str, at: int) -> str:
    """The rest of the clause from ``at`` up to its 以来, if the clause has one: '实施环境整治以来'."""
    m = re.compile(r"[^，,。；;！？\n]{0,30}?(?=以来|以來)").match(text, at)
    return text[at + len(m.group()):at + len(m.group()) + 2] if m else ""


def _join_from_to(text: str, phrases: list[TimePhrase]) -> list[TimePhrase]:
    """从2016年...开始,到2022年底: one span from the first year to the second."""
    for a, b in zip(phrases, phrases[1:]):
        if a.role != "since" or not a.period or "/" in a.period or not b.period or len(b.period) != 4:
            continue
        if text[b.start] in "到至" and b.start - a.end < 40 and a.period < b.period:
            a.period = b.period = f"{a.period}/{b.period}"
            a.role = b.role = "span"
    return phrases


_RELATIVE_PART = re.compile(_PART)


def resolve(phrase: TimePhrase, frame: Period | None, anchor: int | None) -> Period | None:
    """A phrase's period, given the period of the frame it is said in (for 上半年, 全年, N年来)."""
    frame_year = year_of(frame)
    year = frame_year if frame_year is not None else anchor
    if phrase.role in ("now", "base"):
        return None
    if phrase.role == "since":
        if phrase.period and "/" in phrase.period:
            return _period(phrase.period)
        return Period.years(int(phrase.period), anchor) if phrase.period and anchor and int(phrase.period) < anchor else _period(phrase.period)
    if phrase.role == "years":
        if frame and frame.granularity != "year":
            return frame  # 1-10月...两年平均: an average over two years of the months in frame
        if frame_year is None and phrase.period:
            year = int(phrase.period)  # a work report's past years end the year before it is given
        if not year:
            return None
        return Period.year(year) if phrase.n == 1 else Period.years(year - phrase.n + 1, year)
    if phrase.relative:
        if year is None:
            return None
        if phrase.period is None:
            return Period.year(year)
        if phrase.period.startswith("01/"):
            return Period(f"{year}-01", f"{year}-{phrase.period[3:]}")
        m = _RELATIVE_PART.fullmatch(phrase.period)
        return _period(_part(m, year)) if m else Period.year(year)
    return _period(phrase.period)


def _period(text: str | None) -> Period | None:
    """The period a phrase says whole, in the contract's form."""
    return Period.of(text) if text else None


def year_of(period: Period | None) -> int | None:
    """The year a frame's period ends in ('2021-01/2021-10' → 2021)."""
    return period.end_year if period else None


def title_frame(text: str, phrases: list[TimePhrase], anchor: int | None) -> tuple[Period | None, TimePhrase | None]:
    """A title that dates what the page reports with a written year ("2023年嘉定区主要经济指标", "2024年1-8月松江区
    经济运行情况分析") frames the whole page until a paragraph says otherwise; a work report's or a plan's title names
    the year it is given in or plans for, not the one it reports, and a title's 上半年 has no year of its own; a year
    after a goal word (松江区前三季度规上工业产值增长8.6% 力争2025年战新产业产值突破2500亿元) is the goal's deadline."""
    first = text.lstrip()[:80].split("\n", 1)[0]
    offset = len(text) - len(text.lstrip())
    if not first or "。" in first or re.search(r"工作报告|規劃|规划|计划|計劃|纲要|綱要|展望|目标|目標", first):
        return (None, None)
    for p in phrases:
        if p.start >= offset + len(first):
            break
        if p.role == "point" and not p.relative and p.period and not _GOAL_BEFORE.search(text, max(0, p.start - 4), p.start):
            return (_period(p.period), p)
    return (None, None)


def assign_periods(text: str, seg: Segmentation, phrases: list[TimePhrase], starts: list[int], anchor: int | None,
                   quantity_starts_by_sentence: dict[int, int],
                   initial: tuple[Period | None, TimePhrase | None] = (None, None)) -> tuple[list[Period | None], list[TimePhrase | None]]:
    """The period of each figure (by its start offset, in order), and the phrase that gave it.

    One pass over the text: the paragraph's frame, the sentence's carried frame, and the phrases met so far in
    the current sentence."""
    by_sentence: dict[int, list[TimePhrase]] = {}
    for p in phrases:
        by_sentence.setdefault(seg.index_at(p.start), []).append(p)
    para_frame: tuple[Period | None, TimePhrase | None] = initial
    carried = para_frame
    current_paragraph = -1
    restore = None  # the frame to go back to after a clause of its own span (从2015年的A增加到2020年的B;)
    outer: tuple[Period | None, TimePhrase | None] | None = None  # the longer frame a one-month sentence details
    order = sorted(range(len(starts)), key=lambda i: starts[i])
    results: dict[int, tuple[Period | None, TimePhrase | None]] = {}

    # walk sentences in order; frames change only at sentence heads
    q_iter = iter(order)
    pending = next(q_iter, None)
    for si, s in enumerate(seg.sentences):
        if s.paragraph != current_paragraph:
            current_paragraph, outer = s.paragraph, None
            carried = para_frame
            first_in_paragraph = True
        else:
            first_in_paragraph = False
        own = [p for p in by_sentence.get(si, []) if p.role != "base"]
        first_q = quantity_starts_by_sentence.get(si)
        head = [p for p in own if _is_head(text, seg, s.start, p.start, first_q)]
        base = carried
        local = base
        marks = []  # (offset, frame) for phrases in this sentence
        for p in own:
            period = resolve(p, _frame_for(text, p, local), anchor)
            local = (period, p)
            marks.append((p.end, local))
        if head:
            last_head = head[-1]
            new = marks[own.index(last_head)][1]
            outer = _frame_after(new, last_head, carried, anchor) or outer
            restore = carried if _from_to(text, last_head) else None
            carried = new
            if first_in_paragraph and (_heads_a_paragraph(text, s, last_head) or _dated_heading(text, s, last_head)):
                para_frame = new
        if outer is not None and text[:s.end].rstrip().endswith(("。", "！", "？")):
            carried, outer = outer, None  # the month's statement ends with its sentence; a clause after ； goes on
        carried, restore = (restore or carried), None
        mark_ends = [off for off, _ in marks]
        while pending is not None and starts[pending] < s.end:
            at = starts[pending]
            k = bisect_right(mark_ends, at) - 1
            results[pending] = _own_year(text, at, marks[k][1]) if k >= 0 else base
            pending = next(q_iter, None)
    while pending is not None:
        results[pending] = carried
        pending = next(q_iter, None)
    return _in_order(results, len(starts))


def _from_to(text: str, head: TimePhrase) -> bool:
    """从2015年的892.6亿元增加到2020年的1161.7亿元: a span from one year to another, said of one measure, dates that
    clause only; the clause after its ； (区级一般公共预算收入累计完成512.3亿元) is of the frame in force before it."""
    return head.role == "span" and bool(_FROM.search(text[max(0, head.start - 2):head.start]))


def _frame_for(text: str, p: TimePhrase, frame: tuple[Period | None, TimePhrase | None]) -> Period | None:
    """The frame a phrase is resolved against: the one in force, except that 截至5月底 (as of the end of May) with no
    year is of the text's own year, not of a year said before it relative to the text's (去年全区新增...。截至5月底,...)."""
    giver = frame[1]
    if (p.relative and p.period and p.period.startswith("01/") and giver is not None
            and text.startswith(("去年", "上年"), giver.start)):
        return None
    return frame[0]


def _in_order(results: dict[int, tuple[Period | None, TimePhrase | None]], n: int) -> tuple[list[Period | None], list[TimePhrase | None]]:
    """The periods and the phrases that gave them, figure by figure (none for a figure no frame reached)."""
    pairs = [results.get(i, (None, None)) for i in range(n)]
    return [period for period, _ in pairs], [giver for _, giver in pairs]


def _frame_after(new: tuple[Period | None, TimePhrase | None], head: TimePhrase, carried: tuple[Period | None, TimePhrase | None],
                 anchor: int | None) -> tuple[Period | None, TimePhrase | None] | None:
    """The frame to go back to once a sentence headed by ``new`` ends, when it frames only its own statement: one
    month inside a longer period (``_month_inside``), or a time since (“十四五”以来,...累计引进27家: the sentence after
    it, 市北高新园区集聚大数据企业1300余家, is of no such span; a goal's year before it is no frame to go back to)."""
    if _month_inside(new[0], carried[0]):
        return carried
    if head.role == "since":
        future = anchor is not None and (year_of(carried[0]) or 0) > anchor
        return (None, None) if future or (carried[1] is not None and carried[1].role == "deadline") else carried
    return None


def _month_inside(new: Period | None, carried: Period | None) -> bool:
    """A sentence headed by one month (其中,5月份...; 3月份当月...) inside the longer period the paragraph reports
    (1-5月, 一季度) details that period: it frames only its own sentence (and the clauses after its ；), and the next
    sentence is of the longer period again."""
    if not new or not carried or new.is_span or new.granularity != "month":
        return False
    return carried.months > 1 and carried.contains(new)


_YEAR_OF = re.compile(r"((?:19|20)\d{2})\s?年(?:末|底)?$")


def _own_year(text: str, at: int, mark: tuple[Period | None, TimePhrase | None]) -> tuple[Period | None, TimePhrase | None]:
    """由2020年的2455.7亿元增加到2025年的3186.2亿元: a year, 的, then the figure dates that figure alone, though the
    year opens a span (从...到...) that the change between them covers."""
    period, phrase = mark
    if phrase is None or phrase.end + 1 != at or text[phrase.end] != "的" or phrase.role not in ("span", "since"):
        return mark
    y = _YEAR_OF.search(text, phrase.start, phrase.end)
    return (Period.year(int(y.group(1))), phrase) if y else mark


_ENTRY_HEADING = re.compile(r"【[^】\n]{1,20}】")
# a news story's dateline before its first sentence: "新民晚报讯(记者 黄慧敏)", "本报讯 ", "新华社上海1月20日电(记者 许晓青)"
DATELINE = re.compile(r"\s*[\u4e00-\u9fff0-9]{2,14}?(?:讯|訊|电|電)(?:\s*[(（](?:记者|記者|通讯员|通訊員)[^)）\n]{0,24}[)）]|\s+)\s*")
_SPEECH = re.compile(r"^[^，,。]{0,24}(?:表示|介绍|介紹|指出|说|說|透露|称|稱|获悉|獲悉|了解到|显示|顯示|统计|統計|数据|數據|消息|公布|发布|發布)[，,:：]\s*$")


# a clause that only leads in (其中, 在X方面, 从X看, 分区域看): what follows it heads the sentence
_LEAD_IN = re.compile(r"(?:其中|同时|同時|此外|另外|据统计|據統計|初步核算|在?[^，,。；;\n]{1,12}(?:方面|领域|領域)|从[^，,。；;\n]{1,8}看|從[^，,。；;\n]{1,8}看"
                      r"|分[^，,。；;\n]{1,6}看)[，,]\s*")


def _is_head(text: str, seg: Segmentation, sentence_start: int, at: int, first_quantity: int | None) -> bool:
    """A phrase heads its sentence when nothing but a short lead-in ("初步核算,", "其中,") or a speaker or source
    ("虹口区商务委负责人介绍,", "据区统计局数据,") comes before it, and no figure does; Chinese puts the topic before
    the time (南京路步行街2024年客流量...), so a phrase in the first clause after such lead-ins (one or more) heads it too. Chinese
    puts the time before the verb: one after a verb and its 到 (排到明年二季度, 持续到年底) says how far the verb reaches."""
    if first_quantity is not None and first_quantity < at:
        return False
    if text[at - 1:at] in ("到", "至") and seg.clause_start(at) < at - 1:
        return False  # 订单已经排到明年二季度: a time after its verb ends what the verb does; it frames nothing
    if at - sentence_start <= 6 or seg.clause_start(at) <= sentence_start:
        return True
    dateline = DATELINE.match(text, sentence_start, at)
    if dateline and at - dateline.end() <= 6:
        return True
    pos = sentence_start
    while pos < at and (lead := _LEAD_IN.match(text, pos, at) or _SPEAKER.match(text, pos, at)):
        pos = lead.end()
    if pos > sentence_start and seg.clause_start(at) <= pos:
        return True  # 科技创新方面,乔慧介绍,截至9月底...; 闵行区日前公布,大零号湾今年上半年...: the topic then its time
    return at - sentence_start <= 40 and bool(_SPEECH.match(text[sentence_start:at]))


# a clause that says who speaks or publishes ("乔慧介绍,", "上海闵行区日前公布,")
_SPEAKER = re.compile(r"[^，,。；;\n]{0,24}?(?:表示|介绍|介紹|指出|说|說|透露|称|稱|获悉|獲悉|了解到|公布|发布|發布)[，,:：]\s*")


_NUMBERED_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


def _dated_heading(text: str, s, phrase: TimePhrase) -> bool:
    """A numbered heading that names a year or a part of one ("一、2022年工作回顾", "（二）上半年经济运行") dates the
    section under it, up to the next heading that names one."""
    return (phrase.role in ("point", "span") and not (phrase.relative and phrase.period is None)
            and bool(_NUMBERED_HEADING.match(text, s.start)) and not re.search(r"[。；;]", text[s.start:s.end]))


def _heads_a_paragraph(text: str, s, phrase: TimePhrase) -> bool:
    """A paragraph that opens with a time phrase ("2023年,", "1-10月,", "过去五年,") frames the paragraphs after it;
    one said later in the paragraph, or by a speaker, frames only its own paragraph. A heading or caption (no
    sentence mark) frames nothing. A yearbook entry's bracketed heading (【概况】2021年,...) is no text before it."""
    lead = _ENTRY_HEADING.match(text, s.start)
    if phrase.start - (lead.end() if lead else s.start) > 2:
        return False
    return bool(re.search(r"[。；;，,]", text[s.start:s.end + 1]))
