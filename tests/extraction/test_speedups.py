"""Faster ways of finding what a plain scan finds: each gives exactly what the scan it replaced gives, on the seeds, the
tuning texts and strings made to tell them apart."""

from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest

from hqd.extraction.goals import _clause_end
from hqd.extraction.numbers import _DIGIT_FRACTION, _digit_fractions
from hqd.extraction.segments import Segmentation
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
