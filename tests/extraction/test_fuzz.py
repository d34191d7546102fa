"""Fuzzing: mutated seed briefings and odd Unicode raise nothing, and every span is the text at its offsets.

Bounded for the suite (200 examples each); ``bench/fuzz.py`` runs the same kind of inputs 100,000 times.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hqd.extraction import extract_text

SEEDS = Path(os.environ.get("HQD_SEEDS", "../shared/seeds"))
SEED_TEXTS = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []

# Characters that have broken text tools: case-fold traps (İ ı ſ, the Kelvin sign), combining marks, right-to-left
# text and marks, full-width and Arabic-Indic digits, NUL and other controls, zero-width and no-break spaces, CJK.
ODD = ("İıſ\u212a\u0301\u0308\u200f\u202e\u05d0\u0627\uff10\uff15\uff05\u0660\u0665\x00\x07\x1b\u200b\u00a0\u3000\u4e07"
       "\u4ebf\u5143\u2028\ufeff\ufffd½²Ⅻ①%$¥€,.;:-–—()“”'\"\n\t ")
odd_text = st.text(alphabet=st.sampled_from(ODD) | st.characters(blacklist_categories=("Cs",)), max_size=300)


def assert_spans(doc) -> None:
    for span in (*doc.quantities, *doc.targets, *doc.entities):
        assert 0 <= span.start <= span.end <= len(doc.text)
        assert doc.text[span.start:span.end] == span.text


@st.composite
def mutated_seed(draw) -> str:
    """A stretch of a seed briefing with a few characters inserted, replaced or deleted, and odd ones among them."""
    text = draw(st.sampled_from(SEED_TEXTS))
    start = draw(st.integers(0, max(0, len(text) - 1)))
    piece = text[start:start + draw(st.integers(50, 2_000))]
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(piece)))
        insert = draw(st.text(alphabet=st.sampled_from(ODD), min_size=0, max_size=4))
        piece = piece[:at] + insert + piece[at + draw(st.integers(0, 3)):]
    return piece


FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.skipif(not SEED_TEXTS, reason="no seed briefings (HQD_SEEDS)")
@FUZZ
@given(mutated_seed())
def test_mutated_seeds_raise_nothing_and_keep_spans(text):
    assert_spans(extract_text(text, briefing_date="2023-08-22"))


@FUZZ
@given(odd_text)
def test_odd_unicode_raises_nothing_and_keeps_spans(text):
    assert_spans(extract_text(text))
    assert_spans(extract_text("In the first half of this year, GDP reached " + text + " 5 billion yuan, up 9.1%."))
