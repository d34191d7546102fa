"""Adversarial inputs: runs of figures with no sentence in them, long digit runs, case-fold traps.

Each once took time that grew with the square (or worse) of its length: ``'1 ' * 2000`` (4 KB) took 39 s and
1 MB of digits did not finish in 600 s. These tests assert that extraction completes and that every span is
exact; they time nothing (``make bench`` prints seconds per MB for the same strings), but a run that went
quadratic again would take minutes here and be seen.
"""

from __future__ import annotations

import pytest

from hqd.extraction import MAX_FIGURES_PER_SENTENCE, extract_text
from hqd.model import Document

# The strings of the hardening issue and their kin: a unit repeated to the wanted size.
ADVERSARIAL = [
    "1 ", "1,", "1%", "1-", "1.", "1\n", "1+", "1", "5 billion ", "up 5% ", "RMB 1 ", "$1 ", "12.5, ", "5-10 ", "2023 ", "in 2023, ",
    "the first 10 months ", "by 2025 reach 5% ", "ranked 1st in the city, ", "100 million yuan, ", "2 times ", "5. ",
    "Xuhui District ", "“1, 2” ", "— 1 — ", "1 | 2 | ", "bİllion 5 ", "5 thouſand, ",
]

# Strings whose figures repeat with the string: (the unit, the spans of the figures inside one unit).
PERIODIC = [
    ("1 ", [(0, 1)]), ("1,", [(0, 1)]), ("1\n", [(0, 1)]), ("1-", [(0, 1)]), ("5 billion ", [(0, 9)]), ("up 5% ", [(3, 5)]),
    ("$1 ", [(0, 2)]), ("12.5, ", [(0, 4)]), ("5-10 ", [(0, 1), (2, 4)]),
]


def repeated(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` characters, whole units only."""
    return unit * max(1, size // len(unit))


def assert_spans(doc: Document) -> None:
    """Every span's text is the text at its offsets; figures come in order and do not overlap."""
    for span in (*doc.quantities, *doc.targets, *doc.entities, *doc.ranks):
        assert 0 <= span.start < span.end <= len(doc.text)
        assert doc.text[span.start:span.end] == span.text
    for a, b in zip(doc.quantities, doc.quantities[1:]):
        assert a.end <= b.start


@pytest.mark.parametrize("unit", [u for u in ADVERSARIAL if u not in dict(PERIODIC)])  # the periodic ones: below
def test_a_10_kb_run_completes_with_exact_spans(unit):
    doc = extract_text(repeated(unit, 10_000))
    assert_spans(doc)


@pytest.mark.parametrize("unit,spans", PERIODIC)
def test_a_run_of_figures_yields_each_figure_in_place(unit, spans):
    text = repeated(unit, 10_000)
    doc = extract_text(text)
    expected = [(k * len(unit) + a, k * len(unit) + b) for k in range(len(text) // len(unit)) for a, b in spans]
    assert [(q.start, q.end) for q in doc.quantities] == expected
    assert_spans(doc)


@pytest.mark.parametrize("unit", ["5 billion ", "up 5% "])  # the rest at 100 KB and 1 MB: make bench
def test_a_100_kb_run_completes_with_exact_spans(unit):
    doc = extract_text(repeated(unit, 100_000))
    assert_spans(doc)
    assert len(doc.quantities) == 100_000 // len(unit)


# The hardening issue's own strings, at its largest size: each figure found, in place, in bounded time (its cost per MB
# beside a briefing's is printed by `python bench/bench.py adversarial`).
ISSUE_STRINGS_AT_1_MB = [("1 ", 1), ("12.5, ", 1), ("1,", 1), ("5 billion ", 1), ("1%", 1), ("up 5% ", 1), ("RMB 1 ", None)]


@pytest.mark.parametrize("unit,figures_per_unit", ISSUE_STRINGS_AT_1_MB)
def test_the_issues_strings_at_1_mb_complete_with_exact_spans(unit, figures_per_unit):
    text = repeated(unit, 1_000_000)
    doc = extract_text(text)
    assert_spans(doc)
    if figures_per_unit is not None:
        assert len(doc.quantities) == figures_per_unit * (len(text) // len(unit))
    else:  # "RMB 1 RMB 1 ...": each figure may take a currency from either side, never none
        assert len(text) // len(unit) // 2 <= len(doc.quantities) <= len(text) // len(unit)


def test_a_long_run_of_digits_is_no_figure():
    """1 MB of digits once did not finish; a number beyond any float is no figure (JSON has no Infinity)."""
    assert extract_text("1" * 1_000_000).quantities == []
    doc = extract_text("1" * 300 + " firms")
    assert len(doc.quantities) == 1 and doc.quantities[0].value > 1e298


def test_a_sentence_of_more_figures_than_the_cap_is_cut_and_a_real_one_is_not():
    many = extract_text(repeated("1, ", 3 * (MAX_FIGURES_PER_SENTENCE + 1)))
    assert len(many.quantities) == MAX_FIGURES_PER_SENTENCE + 1
    assert len(many.sentences) == 2  # cut before the 33rd figure
    assert many.sentences[1][0] == many.quantities[MAX_FIGURES_PER_SENTENCE].start
    real = extract_text("Output rose 5%, 6%, 7% and 8% in the four quarters, to 100 billion yuan.")
    assert len(real.sentences) == 1 and len(real.quantities) == 5


@pytest.mark.parametrize("text,figure,value", [
    ("GDP reached 5 bİllion yuan.", "5 bİllion yuan", 5e9),
    ("The park has 3 thouſand firms.", "3 thouſand", 3000),
    ("The line is 5 KM long.", "5 KM", 5),  # the Kelvin sign, which a case-blind "k" matches
])
def test_a_case_fold_trap_reads_as_the_ascii_letter_it_matches(text, figure, value):
    """ "İ", "ı", "ſ" and the Kelvin sign match i, i, s and k case-blind, but lower-case to no lexicon key."""
    doc = extract_text(text)
    assert [(q.text, q.value) for q in doc.quantities] == [(figure, value)]
    assert doc.text == text
    assert_spans(doc)


@pytest.mark.parametrize("text", [
    "In the ſecond quarter, GDP rose 5%.", "In the fİrst half, GDP rose 5%.", "Thİs month output rose 5%.",
    "The district ranked fİrst in the city in GDP, 5%.", "It ranked ſecond in the city.", "On Jİne 5, 2023, it opened.",
    "Published: Oct. 5, 2023\n\nIn the fİrst quarter of thİs year, GDP rose 3%, the İ-th ſtep.",
])
def test_case_fold_traps_in_time_phrases_and_ranks_raise_nothing(text):
    assert_spans(extract_text(text, briefing_date="2023-10-05"))


def test_a_case_fold_trap_dates_its_figure_as_the_ascii_word_would():
    plain = extract_text("In the first half of this year, GDP rose 5%.", briefing_date="2023-08-22").quantities
    trapped = extract_text("In the fİrst half of thİs year, GDP rose 5%.", briefing_date="2023-08-22").quantities
    assert [q.period for q in trapped] == [q.period for q in plain] == ["2023-H1"]


# --- Work per figure, counted rather than timed -------------------------------------------------------------------------
# A briefing holds about 2,000 figures per MB; "1 " * N holds 500,000. What the extractor does per figure is counted here as
# rule evaluations (every rule of every table, wrapped to count its calls), so that the tests hold without a clock:
# the work per figure must not grow with the run's length (no pairing of each figure with the others) and must not exceed
# a briefing's by much (a figure in a run of bare numbers gets no more reading than one in prose). `make bench` prints
# the seconds per MB these counts come to.

from collections import Counter  # noqa: E402

from hqd.extraction import rules as rule_engine  # noqa: E402

_DENSE = ["1 ", "1,", "1%", "5 billion ", "up 5% ", "RMB 1 ", "12.5, ", "$1 ", "5-10 ", "by 2025 reach 5% "]


@pytest.fixture()
def rule_calls(monkeypatch):
    """Counts each rule's evaluations, by rule name, while the test runs."""
    calls: Counter = Counter()
    for table in rule_engine.all_tables():
        counted = []
        for r in table.rules:
            def decide(figure, _decide=r.decide, _name=r.name):
                calls[_name] += 1
                return _decide(figure)
            counted.append(rule_engine.Rule(r.name, decide, r.doc, r.examples, r.cues))
        monkeypatch.setattr(table, "rules", counted)
    return calls


def _evaluations_per_figure(calls: Counter, text: str) -> float:
    calls.clear()
    doc = extract_text(text)
    assert doc.quantities
    return sum(calls.values()) / len(doc.quantities)


def _briefing(seed_texts) -> str:
    return "\n\n".join(p.read_text("utf-8") for p in seed_texts)


@pytest.mark.parametrize("unit", _DENSE)
def test_rule_work_per_figure_does_not_grow_with_the_run(unit, rule_calls):
    small = _evaluations_per_figure(rule_calls, repeated(unit, 5_000))
    large = _evaluations_per_figure(rule_calls, repeated(unit, 50_000))
    assert large <= small * 1.01


@pytest.mark.parametrize("unit", _DENSE)
def test_a_figure_in_a_run_gets_no_more_rule_work_than_one_in_a_briefing(unit, rule_calls, seed_texts):
    briefing = _evaluations_per_figure(rule_calls, _briefing(seed_texts))
    assert _evaluations_per_figure(rule_calls, repeated(unit, 20_000)) <= 1.5 * briefing


def test_a_rule_with_cue_words_is_not_evaluated_in_a_sentence_without_them(rule_calls):
    cued = {r.name for table in rule_engine.all_tables() for r in table.rules if r.cues}
    assert {"kind.change_word_before", "kind.goal_cue", "approx.approximator_before"} <= cued
    extract_text(repeated("1 ", 20_000))
    assert not cued & {name for name, n in rule_calls.items() if n}
    extract_text("Output rose by about 5%. The district aims to attract 3,000 firms.")
    assert {"kind.change_word_before", "approx.approximator_before", "kind.goal_cue"} <= {n for n, k in rule_calls.items() if k}


def test_cue_words_change_no_output(monkeypatch, seed_texts):
    """Skipping a rule whose words are absent is only a saving: with every rule tried everywhere, every output is the same."""
    texts = [p.read_text("utf-8") for p in seed_texts] + [repeated(u, 3_000) for u in _DENSE]
    texts += ["Exports grew 5%, outpacing the city by 1.2 percentage points; output is expected to exceed 20 billion yuan.",
              "The targets for 2025: GDP up about 5.5%, and revenue surpassed the plan by 3%."]
    gated = [extract_text(t).to_json() for t in texts]
    monkeypatch.setattr("hqd.extraction.figure.Figure.sentence_holds", lambda self, cues: True)
    assert [extract_text(t).to_json() for t in texts] == gated


def test_goal_verbs_in_a_clause_with_no_full_stop_read_it_in_linear_work(monkeypatch):
    """'It will hire two firms and three teams, ' repeated: every goal verb once read the rest of the text (12 s at 40 KB);
    the matches read for joined counts now grow with the text, not with its square."""
    from hqd.extraction import goals

    pattern = goals._coordinated()

    class Counting:
        read = 0

        def finditer(self, *args):
            for m in pattern.finditer(*args):
                Counting.read += 1
                yield m

    monkeypatch.setattr(goals, "_coordinated", lambda: Counting())
    reads = []
    for size in (10_000, 40_000):
        Counting.read = 0
        doc = extract_text(repeated("It will hire two firms and three teams, ", size))
        assert len(doc.quantities) >= size // 41  # a count in words per repetition at least
        reads.append(Counting.read)
    assert reads[1] <= 4.4 * reads[0]


def test_no_cycle_collection_runs_while_a_document_is_extracted():
    """A long run of figures sets off many collections when the collector runs (hundreds of thousands of live
    objects); during extraction none runs, and the collector is on again after (cycle_collection_paused): at most
    the one that the allocations made meanwhile set off as it comes back on."""
    import gc

    started = []

    def record(phase, info):
        if phase == "start":
            started.append(info["generation"])

    assert gc.isenabled()
    gc.callbacks.append(record)
    try:
        doc = extract_text("1 " * 50_000)
    finally:
        gc.callbacks.remove(record)
    assert len(doc.quantities) == 50_000
    assert len(started) <= 1 and gc.isenabled()


def test_the_collector_is_left_as_the_caller_had_it():
    import gc

    from hqd.extraction import cycle_collection_paused

    gc.disable()
    try:
        extract_text("GDP grew 5% in 2023.")
        assert not gc.isenabled()  # a caller that paused it keeps it paused
        with pytest.raises(RuntimeError):
            with cycle_collection_paused():
                raise RuntimeError("an error inside extraction")
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(RuntimeError):
        with cycle_collection_paused():
            raise RuntimeError("an error inside extraction")
    assert gc.isenabled()  # restored on an error too
