"""Extraction: a document's text in, its metadata, quantities, targets and entities out.

Usage::

    from hqd.extraction import extract_text
    doc = extract_text("In the first half of this year, GDP grew by 9.1%.", source="inline")
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from contextlib import contextmanager
from datetime import date
from itertools import accumulate

from ..model import Document, Language, Meta
from ..sources import SourceText, read_source
from . import deferred

deferred.start()  # the patterns of the modules imported here are compiled on first use (deferred.py says why)
from .basis import assign_basis
from .entities import find_entities
from .goals import word_number_goals
from .lang.en import alternation, month_names
from .metadata import city_level, extract_meta, issued_month, yearless_dateline
from .numbers import find_mentions
from .periods import find_time_phrases, report_year, with_anaphoric_times
from .quantities import build_quantities
from .ranks import find_ranks
from .ranges import unite_ranges
from .runs import merged, run_quantities, split_runs
from .segments import Segmentation, without_case_traps
from .subjects import plan_place
from .tables import claimed_spans, find_tables, spaced_tables, table_quantities
from .targets import build_targets

EXTRACTOR_VERSION = "2.0.0"
# Rules that read around a figure read its sentence, and some pair it with the others there: a "sentence" of more figures
# than any real one holds (a run of numbers with no full stop) is cut, so that cost stays linear in the text's length.
MAX_FIGURES_PER_SENTENCE = 32

__all__ = ["EXTRACTOR_VERSION", "extract_source", "extract_text", "extract_path"]


@contextmanager
def cycle_collection_paused():
    """Python's cyclic garbage collector paused for one document's extraction, and restored as it was after.

    A document's figures, time phrases and sentences all stay alive until its Document is built, so the collections
    that their allocation sets off find nothing to free and traverse every one of them again: on a megabyte of figures
    two characters apart (a million live objects) that was a third of the cost, and the cost per megabyte grew with the
    text (bench/bench.py adversarial). Extraction makes no reference cycles of its own, and any that a caller's code
    makes meanwhile are freed by the first collection after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def extract_source(src: SourceText, briefing_date: str | None = None) -> Document:
    """Extract everything from an already-read source. ``briefing_date`` overrides the one found.

    A document whose body is mostly Chinese goes to the Chinese pack (imported only then)."""
    with cycle_collection_paused():
        return _extract(src, briefing_date)


def _extract(src: SourceText, briefing_date: str | None) -> Document:
    text = src.text
    language = detect_language(text)
    if language == "zh":
        from .lang.zh import extract as extract_zh

        return extract_zh(src, briefing_date)
    text = matching_text(text)
    meta, year, month = _meta_and_anchor(text, briefing_date)
    seg = Segmentation(text)
    phrases = with_anaphoric_times(text, lambda at: seg.sentences[seg.index_at(at)].start, find_time_phrases(text, year, month), year)
    tables = find_tables(text) + spaced_tables(text)
    mentions = _figures(text, phrases, tables)
    seg.limit_figures([m.start for m in mentions], MAX_FIGURES_PER_SENTENCE)
    # whose figures they are by default: the district's, or the city's in a city-level text
    owner = meta.district or ("Shanghai" if city_level(text, meta.district) else None)
    mentions, in_runs = split_runs(mentions, text)  # figures packed closer than prose sets them: decided once a run (runs.py)
    quantities = build_quantities(text, mentions, seg, phrases, owner, year, news=meta.date is None and meta.published is not None,
                                  title_year=_title_year(meta.title, year))
    if tables:
        quantities = sorted(quantities + table_quantities(text, tables, phrases, plan_place(text) or owner, year), key=lambda q: q.start)
    assign_basis(text, seg, quantities, year)
    unite_ranges(text, seg, quantities, mentions)
    quantities = merged(quantities, run_quantities(text, in_runs, seg, owner))
    targets = build_targets(text, seg, quantities, phrases, owner, year, month)
    entities = find_entities(text, meta)
    return _spans_of(src.text, Document(
        source=src.source, sha256=src.sha256, text=text, language=language, meta=meta, quantities=quantities,
        targets=targets, entities=entities, warnings=list(src.warnings),
        sentences=[(s.start, s.end) for s in seg.sentences], is_html=src.is_html,
        ranks=find_ranks(text, seg, quantities, owner),
    ))


def _meta_and_anchor(text: str, briefing_date: str | None) -> tuple[Meta, int | None, int | None]:
    """The document's metadata (``briefing_date`` overriding the date found), and the year and month that "this year"
    and "last month" count from: the briefing's or the publication's date, or a story's own; an undated work report is
    delivered in January of the year it plans; a text issued in a month named without its day counts from that month."""
    meta = extract_meta(text)
    if briefing_date:
        meta.date = briefing_date
    if not (meta.date or meta.published):
        meta.published = _dated_by_story(text)
    anchor = meta.date or meta.published
    if anchor is None:
        year, month = report_year(text) or issued_month(text) or (None, None)
        return meta, year, month
    if not anchor:
        return meta, None, None
    return meta, int(anchor[:4]), int(anchor[5:7])


def _figures(text: str, phrases: list, tables: list) -> list:
    """The mentions the rules decide: those found, less a number inside a time phrase ("the first 10 months", "the past 5
    years" name the period, not a quantity) and a figure in a table (read by its headers, not as prose), with the counts
    in words that a goal states ("aims to help two companies go public"), in text order."""
    mentions = find_mentions(text)
    if phrases:
        reach = _Reach([(p.start, p.end) for p in phrases])
        mentions = [m for m in mentions if reach.end_from(m.start) < m.end]
    goals_in_words = word_number_goals(text, mentions)
    if goals_in_words:
        mentions = sorted(mentions + goals_in_words, key=lambda m: m.start)
    if tables:
        claimed = _Reach(claimed_spans(tables))
        mentions = [m for m in mentions if claimed.end_from(m.start) <= m.start]
    return mentions


# The only characters outside ASCII that a case-blind pattern matches to an ASCII letter: "bİllion", "thouſand" and
# "fİrst half" match "billion", "thousand" and "first half", but their .lower() ("bi̇llion", "thouſand") is no word of the
# lexicon. The rules read a copy of the text with these four written as the ASCII letters they match (one character
# for one, so every offset holds), and every word a pattern finds is then a lexicon key.


def matching_text(text: str) -> str:
    """``text`` as the rules read it: each character that a case-blind pattern takes for an ASCII letter written as that
    letter ("İ" as "I", "ı" as "i", "ſ" as "s", the Kelvin sign as "K"); the same length, the same offsets."""
    return without_case_traps(text)


def _spans_of(original: str, doc: Document) -> Document:
    """``doc`` with the original text, and each span's text cut from it (the rules read :func:`matching_text`)."""
    if doc.text is original:
        return doc
    doc.text = original
    for span in (*doc.quantities, *doc.targets, *doc.entities, *doc.ranks):
        span.text = original[span.start:span.end]
    return doc


class _Reach:
    """Spans indexed by start: how far the spans that start at or before an offset reach, found by bisection (a scan of
    every span for every figure made a document's cost grow with the square of its figures)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))

    def end_from(self, offset: int) -> int:
        """The furthest end of a span starting at or before ``offset`` (-1 when none does)."""
        k = bisect_right(self.starts, offset)
        return self.reach[k - 1] if k else -1


_TITLE_YEAR = re.compile(r"(?<![\d/-])(?:19|20)\d{2}(?![\d/-])")
# a day's date ("on August 22, 2023") dates an event; a month or a range of months ("in January–October 2025") is what
# a monthly report covers
_TITLE_DATE = re.compile(r"\b" + month_names() + r"\.?\s+\d{1,2}\b|\b(?:by|to|until|before|plan|vision|goals?|targets?|outlook|-)\s+(?:19|20)\d{2}\b"
                         # a briefing's title dates the briefing; a "2021 work report" reviews 2020
                         r"|\b" + alternation("briefing_title_words") + r"\b",
                         re.IGNORECASE)


_FUTURE_NEAR = re.compile(r"\b" + alternation("future_near_words") + r"\b", re.IGNORECASE)


def _dated_by_story(text: str) -> str | None:
    """The date of a dateline without a year ("SHANGHAI, Nov. 5 (Xinhua) --"), in the year of the latest period the story
    reports; a whole year reported is over, so the story is told in the next one, whatever its month ("generated 41.6
    billion yuan in 2020", on Sept. 14: a 2021 story); None without either."""
    month_day = yearless_dateline(text)
    if month_day is None:
        return None
    month, day = month_day
    head = text[:3000]
    reported = [p for p in find_time_phrases(head, None) if not (p.future or p.closing)
                and not _FUTURE_NEAR.search(head[max(0, head.rfind(".", 0, p.start) + 1):p.start])]
    if not reported:
        return None
    latest = max(reported, key=lambda p: p.period.end).period.last_point
    year = latest.end_year + (1 if latest.granularity == "year" else 0)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _title_year(title: str | None, year: int | None) -> int | None:
    """The one year a report's title names for what it reports ("Minhang District 2023 Highlights"), not a date or a goal's."""
    if not title or _TITLE_DATE.search(title):
        return None
    years = _TITLE_YEAR.findall(title)
    if len(years) != 1 or (year is not None and int(years[0]) > year):
        return None
    return int(years[0])


_CJK = re.compile(r"[\u3400-\u9fff]+")
_NOT_ASCII_LETTER = bytes(c for c in range(128) if not chr(c).isalpha())


def detect_language(text: str) -> Language:
    """ "zh" when Chinese characters outnumber Latin letters in the first 5,000 characters, else "en"."""
    sample = text[:5000]
    chinese = sum(m.end() - m.start() for m in _CJK.finditer(sample))  # counted by runs, and the letters by deleting the
    latin = len(sample.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER))  # rest: no list of one-letter strings
    return "zh" if chinese > latin else "en"


def extract_text(text: str, source: str = "<text>", briefing_date: str | None = None) -> Document:
    import hashlib

    raw = text.encode("utf-8")
    return extract_source(SourceText(source, text, hashlib.sha256(raw).hexdigest()), briefing_date)


def extract_path(path: str) -> Document:
    return extract_source(read_source(path))


deferred.stop()  # (after this module's own patterns too)
