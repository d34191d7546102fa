"""Faster ways of finding what a plain scan finds: each gives exactly what the scan it replaced gives, on the seeds, the
tuning texts and strings made to tell them apart."""

from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest

from hqd.extraction.goals import _clause_end
from hqd.extraction.numbers import _DIGIT_FRACTION, _FRACTION_ANCHOR, _QUOTED, _digit_fractions, _fraction_anchors, _quoted
from hqd.extraction.ranks import _CLAIM_ANCHOR, _CLAIM_STARTS
from hqd.extraction.segments import _LETTERS, CASE_TRAPS, Segmentation, matches_from, words_of
from hqd.extraction.targets import _MILESTONE_WORD, _milestone_sentences

CRAFTED = [
    "", "/", "1/", "/2", "1/2", "12345/6", "1/2/3", "a1/250 of", "3/4 of the land, 24/7 service, 2023/24 season",
    "\u0663/\u0664 of", "１/４ of",  # digits of other scripts are digits to \d
    "Construction started. CONSTRUCTION STARTS. The tower topped out; it Tops  out and will open.\n\nWork begins",
    "It will be put\ninto operation. Put it there. cooperation, reopened, restarting, Stop",
    "bİllion construction ſtart, Kelvin \u212a open",  # letters whose lower case is not one ASCII letter
    "Line one. Line two; three\nfour", "no mark at all",
]


def _texts() -> list[str]:
    seeds = os.environ.get("HQD_SEEDS", "../shared/seeds")
    paths = sorted(glob.glob(f"{seeds}/*.txt") + glob.glob("eval/tuning/en/*.txt"))
    return [Path(p).read_text("utf-8") for p in paths] + CRAFTED


@pytest.mark.parametrize("text", _texts())
def test_milestone_sentences_are_those_of_every_match_of_the_pattern(text):
    seg = Segmentation(text)
    assert _milestone_sentences(text, seg) == sorted({seg.index_at(m.start()) for m in _MILESTONE_WORD.finditer(text)})


@pytest.mark.parametrize("text", _texts())
def test_digit_fractions_are_the_patterns_matches(text):
    assert [m.span() for m in _digit_fractions(text)] == [m.span() for m in _DIGIT_FRACTION.finditer(text)]


@pytest.mark.parametrize("text", _texts())
def test_a_clause_ends_at_the_first_full_stop_semicolon_or_line_break(text):
    for start in range(0, len(text), max(1, len(text) // 200)):
        plain = min((k for k in (text.find(".", start), text.find(";", start), text.find("\n", start)) if k >= 0), default=len(text))
        assert _clause_end(text, start) == plain


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from hqd.extraction.numbers import _Blocked, _blocked_ranges, _number_mentions  # noqa: E402

# Pieces that build plain digits and what borders them: units, scales, currencies, name words, signs, dates, list marks
_PIECES = ["1", "12", "123", "1,000", "2023", "2,345", "12345", "021", "0", " ", "  ", ",", ", ", "\n", "\n\n", "\t", ".", "-", "%",
           "/", ":", "+", "(", ")", "$", "RMB", "yuan", " billion", " percent", "per ", "minus ", "Line ", "No.", "Road", " Festival",
           "tons", "2023-08-24", "9 a.m.", "Page 1 of 2", "A", "x", "\u0663", "١", " " * 45, "1 " * 25]


def _plain_equals_full(text: str) -> None:
    blocked = _Blocked(_blocked_ranges(text))
    assert _number_mentions(text, blocked) == _number_mentions(text, blocked, plain_path=False), text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_numbers_among_plain_digits_are_read_as_the_full_path_reads_them(text):
    _plain_equals_full(text)


@pytest.mark.parametrize("text", _texts() + ["1 " * 200, "1," * 200, "1\n" * 200, "1 " * 30 + "yuan", "1" + " " * 50 + "yuan",
                                             "1 " * 30 + "      \n   percent", "12,345,678 " * 20, "1,2345 " * 20, "2023 " * 30])
def test_plain_digits_in_real_and_crafted_texts(text):
    _plain_equals_full(text)


def _local_equals_full(text: str) -> None:
    blocked = _Blocked(_blocked_ranges(text))
    assert _number_mentions(text, blocked, plain_path=False) == _number_mentions(text, blocked, plain_path=False, local=False), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["RMB ", "US$", "¥", " million", "m ", "5G", "Line 17 ", "No. ", "per capita", " tons/day",
                                           "the first ", " months", "“", "”", " Dalian Road", "minus ", "a.m.", "(", "#"]),
                min_size=20, max_size=120).map("".join))
def test_a_number_read_from_its_surroundings_alone_is_read_as_from_the_whole_text(text):
    _local_equals_full(text)


@pytest.mark.parametrize("text", _texts() + [u * (2_000 // len(u)) for u in (
    "1%", "$1 ", "1-", "RMB 1 ", "up 5% ", "5-10 ", "12.5, ", "in 2023, ", "5 billion ", "Line 1 ", "1. ", "1)\n", "  1\n")])
def test_numbers_read_from_their_surroundings_in_real_and_crafted_texts(text):
    _local_equals_full(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 4)), max_size=12))
def test_spans_in_order_come_out_of_drop_overlaps_as_a_sort_would_leave_them(pairs):
    from hqd.extraction.numbers import Mention
    from hqd.extraction.segments import drop_overlaps

    spans = [Mention(a, a + n, 1.0, None) for a, n in pairs]
    plain = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    kept: list = []
    for span in plain:
        if not (kept and span.start < kept[-1].end):
            kept.append(span)
    assert drop_overlaps(spans) == kept


@pytest.mark.parametrize("text", _texts() + ['"', '""', '"a"', '“a” "b" “c"', '"' * 50 + "x", '“' * 3 + '"1 2"', 'a "b\nc" "d"'])
def test_quoted_are_the_patterns_matches(text):
    assert [m.span() for m in _quoted(text)] == [m.span() for m in _QUOTED.finditer(text)]


@pytest.mark.parametrize("text", _texts() + ["half of", "Half  of", "a third of", "one-fifth of", "of", " of", "xhalf of", "halves\tof"])
def test_fraction_anchors_are_the_patterns_matches(text):
    assert list(_fraction_anchors(text)) == [m.span() for m in _FRACTION_ANCHOR.finditer(text)]


@pytest.mark.parametrize("text", _texts() + ["ranked 2nd, Ranking third; prank franked", "Rank", "came first, Coming", "rankranked"])
def test_rank_claims_are_found_where_the_anchor_finds_them(text):
    assert [m.span() for m in matches_from(_CLAIM_ANCHOR, text, _CLAIM_STARTS)] == [m.span() for m in _CLAIM_ANCHOR.finditer(text)]


@pytest.mark.parametrize("text", _texts() + ["Ünïcode café 5G", "上海 Jing’an “AI”", "K\u212aelvin İstanbul ıs ſo", "x_y 3d",
                                             "a\u2019b\u2018c\u201cd\u201de\u2013f\u2014g\u00a0h\u2026i\u00b7j\u2022k", "it’s 5² “Ünï”"])
def test_words_of_are_the_letter_runs_of_the_text_with_its_case_traps_written_plain(text):
    for piece in [text] + [text[k:k + 150] for k in range(0, len(text), 150)]:
        assert words_of(piece) == frozenset(_LETTERS.findall(piece.translate(CASE_TRAPS).lower()))
