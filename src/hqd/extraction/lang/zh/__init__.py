"""The Chinese language pack: a document written in Chinese in, the contract's objects out.

``hqd.extraction.extract_source`` calls ``extract`` when ``detect_language`` says "zh"; nothing here is imported
for English text. The steps mirror the English ones: metadata, sentences, time phrases, figures, then each
figure's attributes by the ordered rules of ``rules``, its metric and subject, then targets and entities.
"""

from __future__ import annotations

import re

from ....model import Document, Quantity
from ....sources import SourceText
from .entities import find_entities
from .metadata import extract_meta
from .metrics import is_attribute, noun_after, parallel, strip_phrase
from .numbers import Mention, find_mentions
from .periods import TimePhrase, assign_periods, find_time_phrases
from .rules import Context, decide_approx, decide_basis, decide_kind, is_decrease
from .segments import Segmentation
from .subjects import clause_topic
from .targets import build_targets, goal_list_clauses

__all__ = ["extract"]

_YEAR = re.compile(r"(?<![到至\d])((?:19|20)\d{2})\s?年(?!前|之前|以前|远景|目标|標準|标准)")
_TOPIC_CUT = re.compile(r"实现|實現|完成|达到|達到|达|為|为|是|共有|拥有|有|增长|增長|同比|比上年|占|佔|累计|\d")
_APPROX_AFTER = re.compile(r"以上|以下|左右|上下|以内")


def extract(src: SourceText, briefing_date: str | None = None) -> Document:
    text = src.text
    meta = extract_meta(text)
    if briefing_date:
        meta.date = briefing_date
    anchor_date = meta.date or meta.published
    anchor = int(anchor_date[:4]) if anchor_date else _latest_year(text)
    seg = Segmentation(text)
    phrases = find_time_phrases(text, anchor)
    mentions = _outside_phrases(find_mentions(text), phrases)
    goal_clauses = goal_list_clauses(text, seg)
    starts = [m.start for m in mentions] + [c0 for c0, _ in goal_clauses]
    first_q: dict[int, int] = {}
    for m in mentions:
        first_q.setdefault(seg.index_at(m.start), m.start)
    periods, givers = assign_periods(text, seg, phrases, starts, anchor, first_q)
    quantities = _quantities(text, seg, mentions, phrases, periods, givers, meta.district, anchor)
    goals = [(c0, c1, periods[len(mentions) + k]) for k, (c0, c1) in enumerate(goal_clauses)]
    targets = build_targets(text, seg, quantities, goals, meta.district)
    return Document(
        source=src.source, sha256=src.sha256, text=text, language="zh", meta=meta, quantities=quantities,
        targets=targets, entities=find_entities(text, meta), warnings=list(src.warnings),
        sentences=[(s.start, s.end) for s in seg.sentences], is_html=src.is_html,
    )


def _latest_year(text: str) -> int | None:
    """With no date on the page, the latest year it reports (not a deadline's: 到2035年, 2025年前)."""
    years = [int(m.group(1)) for m in _YEAR.finditer(text[:6000])]
    return max(years) if years else None


def _outside_phrases(mentions: list[Mention], phrases: list[TimePhrase]) -> list[Mention]:
    """前8个月, 近5年: a number inside a time phrase names the time, not an amount."""
    out, k = [], 0
    spans = sorted((p.start, p.end) for p in phrases)
    for m in mentions:
        while k < len(spans) and spans[k][1] <= m.start:
            k += 1
        if k < len(spans) and spans[k][0] <= m.start and m.end <= spans[k][1]:
            continue
        out.append(m)
    return out


def _quantities(text: str, seg: Segmentation, mentions: list[Mention], phrases: list[TimePhrase], periods, givers,
                district: str | None, anchor: int | None) -> list[Quantity]:
    out: list[Quantity] = []
    phrase_by_sentence: dict[int, list[TimePhrase]] = {}
    for p in phrases:
        phrase_by_sentence.setdefault(seg.index_at(p.start), []).append(p)
    topics: dict[int, str | None] = {}
    last_sentence, previous_metric, paragraph = -1, None, -1
    previous_end = -1
    for i, m in enumerate(mentions):
        si = seg.index_at(m.start)
        s = seg.sentences[si]
        if s.paragraph != paragraph:
            paragraph, previous_metric = s.paragraph, None
        c0 = seg.clause_start(m.start)
        c1 = seg.clause_end(m.end)
        in_sentence = phrase_by_sentence.get(si, [])
        ctx = Context(text, m, c0, s.start, periods[i], givers[i], in_sentence,
                      previous_end if c0 <= previous_end <= m.start else c0, anchor)
        kind = decide_kind(ctx)
        basis = decide_basis(ctx) if kind == "change" else None
        approx = decide_approx(ctx)
        value = m.value
        if kind == "change" and value > 0 and is_decrease(ctx):
            value = -value
        subject = _subject(text, seg, s, c0, m.start, in_sentence, district)
        metric = _metric(text, ctx, c1, in_sentence, subject, previous_metric if si == last_sentence else None,
                         _topic(text, seg, si, phrase_by_sentence, topics))
        if metric:
            previous_metric = metric
        last_sentence = si
        previous_end = m.end
        out.append(Quantity(m.start, m.end, m.text, value, m.unit, kind, basis, approx, metric, periods[i], subject))
    return out


def _without_phrases(text: str, start: int, end: int, phrases: list[TimePhrase]) -> str:
    parts, pos = [], start
    for p in phrases:
        if p.end <= pos or p.start >= end:
            continue
        parts.append(text[pos:max(pos, p.start)])
        pos = max(pos, p.end)
    parts.append(text[pos:end])
    return "".join(parts)


def _metric(text: str, c: Context, clause_end: int, phrases, subject, previous: str | None, topic: str | None) -> str | None:
    m = c.m
    after_at = m.end
    a = _APPROX_AFTER.match(text, after_at)
    if a:
        after_at = a.end()
    follows = text[after_at:after_at + 1]
    after = None
    if m.unit == "count" or follows == "的" or "threshold" in m.flags:
        after = noun_after(text, after_at, clause_end)
    raw = _without_phrases(text, c.previous_end, m.start, phrases)
    metric = strip_phrase(raw, subject if subject and subject not in ("Shanghai",) and not subject.isascii() else None)
    if after and (m.unit == "count" or follows == "的" or not metric):
        return after
    if not metric or len(metric) < 2 and not metric.isascii():
        return previous or topic
    if metric.startswith(("占", "佔")) and topic and not metric.startswith(topic):
        return topic + metric
    if is_attribute(metric) and (previous or topic):
        base = previous or topic
        return base + metric if not base.endswith(metric) else base
    if previous:
        joined = parallel(previous, metric)
        if joined:
            return joined
    return metric


def _topic(text: str, seg: Segmentation, si: int, phrase_by_sentence, cache: dict) -> str | None:
    """What a sentence is about: the noun phrase before its first verb ("全区汽车产业实现工业产值..." → 汽车产业);
    a sentence that opens with 占 or a verb continues the topic of the sentence before it in the paragraph."""
    if si in cache:
        return cache[si]
    s = seg.sentences[si]
    topic = None
    for c0, c1 in seg.clauses(s):
        raw = _without_phrases(text, c0, c1, phrase_by_sentence.get(si, [])).strip()
        if not raw:
            continue
        raw = strip_phrase(raw) if not raw.startswith(("占", "佔")) else ""
        cut = _TOPIC_CUT.search(raw)
        if cut:
            raw = raw[:cut.start()]
        topic = raw if len(raw) >= 2 else None
        break
    if topic is None and si > 0 and seg.sentences[si - 1].paragraph == s.paragraph:
        topic = _topic(text, seg, si - 1, phrase_by_sentence, cache)
    cache[si] = topic
    return topic


def _subject(text: str, seg: Segmentation, s, c0: int, at: int, phrases, district: str | None) -> str | None:
    """The clause's own topic, else the latest topic named at a clause head earlier in the sentence, else the district."""
    found = None
    for a, b in seg.clauses(s):
        if a > at:
            break
        if a > s.start and text[a - 1] == "、":
            continue  # a list item (A、B、C) is no new topic
        head = a
        for p in phrases:
            if p.start == head or (p.start - head <= 1 and p.start >= head):
                head = p.end
        topic = clause_topic(text, head, b)
        if topic is not None:
            found = topic
    if found is None or found == "district":
        return district
    return found
