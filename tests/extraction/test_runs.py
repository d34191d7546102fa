"""Dense runs (runs.py): figures packed closer than prose sets them are found exactly and decided once for the run."""

from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest

from hqd.extraction import detect_language, extract_text
from hqd.extraction.numbers import Mention, find_mentions
from hqd.extraction.runs import RUN_GAP, RUN_MIN, gap_shape, split_runs, told_apart


def mentions_at(*starts: int, width: int = 1) -> list[Mention]:
    return [Mention(s, s + width, 1.0, None) for s in starts]


def test_a_run_is_run_min_figures_each_within_run_gap_of_the_last():
    close = mentions_at(*range(0, 4 * RUN_MIN, 4))  # RUN_MIN figures, 3 characters apart
    prose, runs = split_runs(close)
    assert (prose, runs) == ([], close)
    prose, runs = split_runs(close[:-1])  # one short of a run
    assert (prose, runs) == (close[:-1], [])


def test_a_gap_wider_than_run_gap_ends_a_run():
    first = mentions_at(*range(0, 2 * RUN_MIN, 2))
    far = mentions_at(first[-1].end + RUN_GAP + 1)  # one character too far
    prose, runs = split_runs(first + far)
    assert runs == first and prose == far
    near = mentions_at(first[-1].end + RUN_GAP)  # just near enough
    assert split_runs(first + near) == ([], first + near)


def test_prose_lists_are_no_runs():
    text = ("GDP grew 5.1%, industry 6.2%, services 4.8% and retail 7.3% in the first half of this year, "
            "while exports rose 2%, imports 3% and investment 9%.")
    prose, runs = split_runs(find_mentions(text))
    assert runs == [] and len(prose) == 7


def _texts_to_tune_on() -> list[Path]:
    seeds = os.environ.get("HQD_SEEDS", "../shared/seeds")
    return [Path(p) for p in sorted(glob.glob(f"{seeds}/*.txt") + glob.glob("eval/tuning/en/*.txt"))]


@pytest.mark.skipif(not _texts_to_tune_on(), reason="no seeds or tuning texts here")
def test_no_figure_of_the_seeds_or_the_tuning_texts_is_in_a_run():
    """What runs.py relies on: prose sets no RUN_MIN figures in a row within RUN_GAP characters of each other."""
    for path in _texts_to_tune_on():
        text = path.read_text("utf-8")
        if detect_language(text) == "en":
            assert split_runs(find_mentions(text), text)[1] == [], path.name


def test_a_runs_figures_keep_span_value_and_unit_and_are_decided_once():
    unit = "up 5.5% "
    doc = extract_text("In 2023, Jiading District reported: " + unit * 50, source="run")
    run = [q for q in doc.quantities if q.text == "5.5%"]
    assert len(run) == 50
    offset = len("In 2023, Jiading District reported: ")
    assert [(q.start, q.end) for q in run] == [(offset + k * len(unit) + 3, offset + k * len(unit) + 7) for k in range(50)]
    assert {(q.value, q.unit, q.kind, q.basis, q.approx, q.metric, q.period) for q in run} == {(5.5, "percent", "level", None, "=", None, None)}
    assert {q.subject for q in run} == {"Jiading"}  # the document's own subject
    assert {q.why["kind"] for q in run} == {"kind.dense_run"}


def test_a_unit_written_once_serves_both_ends_of_a_range_in_a_run():
    doc = extract_text("5-10% " * 40)
    assert [(q.text, q.unit) for q in doc.quantities[:2]] == [("5", "percent"), ("10%", "percent")]
    assert len(doc.quantities) == 80


def test_prose_beside_a_run_is_read_as_prose():
    # (more than RUN_GAP characters from the run each way: a figure nearer would be the run's first or last)
    doc = extract_text("GDP grew by 9.1% in the first half of this year, the district said. " + "1, " * 40
                       + "\n\nLast year, the general public budget revenue of the district fell by 3% in total.")
    first, last = doc.quantities[0], doc.quantities[-1]
    assert (first.text, first.kind, first.value) == ("9.1%", "change", 9.1)
    assert (last.text, last.kind, last.value) == ("3%", "change", -3.0)
    assert len(doc.quantities) == 42


# An invented communiqué paragraph: ten figures in a row, each within RUN_GAP characters of the last, told apart by words
_COMMUNIQUE = ("Of the total, the primary industry added 1.02 billion yuan, down 3.1%; the secondary industry 45.6 billion yuan, "
               "up 2.3%; the tertiary industry 98.7 billion yuan, up 6.5%. The three sectors accounted for 0.7%, 31.4% and "
               "67.9% of GDP. Per capita GDP was 125,000 yuan.")


def test_close_figures_told_apart_by_words_are_prose_not_a_run():
    mentions = find_mentions(_COMMUNIQUE)
    assert len(mentions) >= RUN_MIN
    assert all(b.start - a.end <= RUN_GAP for a, b in zip(mentions, mentions[1:]))
    assert told_apart(_COMMUNIQUE, mentions)
    assert split_runs(mentions, _COMMUNIQUE) == (mentions, [])


def test_the_prose_of_a_close_paragraph_is_decided_figure_by_figure():
    doc = extract_text("Published: 2024-03-20\n\nIn 2023, the district's GDP reached 145.3 billion yuan. " + _COMMUNIQUE)
    by_text = {q.text: q for q in doc.quantities}
    assert (by_text["3.1%"].kind, by_text["3.1%"].value) == ("change", -3.1)
    assert by_text["6.5%"].kind == "change" and by_text["31.4%"].kind == "share"
    assert not any(q.why["kind"].endswith("dense_run") for q in doc.quantities)


@pytest.mark.parametrize("unit", ["1 ", "12.5, ", "up 5% ", "by 2025 reach 5% ", "5 billion yuan, up 3%; "])
def test_gaps_of_no_words_or_the_same_words_tell_nothing(unit):
    text = unit * (2 * RUN_MIN)
    mentions = find_mentions(text)
    assert not told_apart(text, mentions)
    assert split_runs(mentions, text) == ([], mentions)


def test_gaps_must_come_in_many_shapes_not_only_many_words():
    shapes = [" in sales, ", "; exports of goods ", " and ", ". Imports fell by ", ", rents ", "; the share of loans was ",
              ", while ", ". Jobs in services grew ", ", or "]  # nine gaps, nine shapes
    told = "".join(f"{k}%{gap}" for k, gap in enumerate(shapes, 1)) + "10%"
    assert told_apart(told, find_mentions(told))
    one_shape = "".join(f"{k}% up {w} " for k, w in enumerate(["abc", "abd", "abe", "abf", "abg", "abh", "abi", "abj", "abk"], 1)) + "10%"
    assert not told_apart(one_shape, find_mentions(one_shape))  # new words each time, one shape: a run


def test_a_gaps_shape_keeps_its_punctuation_and_counts_its_words():
    assert gap_shape("; the secondary industry ") == gap_shape("; the tertiary industry ") == "; a a a "
    assert gap_shape(", up ") != gap_shape(". Up ") and gap_shape(" in  2023, ") == " a 0, "
