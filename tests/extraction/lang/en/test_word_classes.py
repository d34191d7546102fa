"""The English pack's word classes (lang/en/grammar.json): each is read by the core, and the patterns built from one
match its phrases whole, with any whitespace between their words."""

from __future__ import annotations

import re
from pathlib import Path

import hqd.extraction
from hqd.extraction.lang.en import alternation, word_class, word_lists
from hqd.extraction.lexicon import load

CORE = Path(hqd.extraction.__file__).parent


def test_every_class_of_the_grammar_is_read_by_the_core():
    source = "\n".join(p.read_text("utf-8") for p in CORE.glob("*.py"))
    unread = [name for name in word_lists("grammar") if not name.startswith("_")
              and f'"{name}"' not in source and f"'{name}'" not in source]
    assert unread == []


def test_an_alternation_matches_a_phrase_whole_across_whitespace():
    approximators = re.compile(rf"^{alternation('approximators')}$", re.IGNORECASE)
    assert approximators.match("more  than") and approximators.match("No less\nthan") and approximators.match("about")
    assert not approximators.match("more") and not approximators.match("abouts")


def test_a_word_class_is_lower_case():
    assert "about" in word_class("approximators") and "more than" in word_class("approximators")
    assert all(w == w.lower() for w in word_class("be_forms"))


def test_a_moved_word_list_is_not_read_from_the_catalogues():
    try:
        load("cues")
    except LookupError as exc:
        assert "lang.en.word_lists('cues')" in str(exc)
    else:
        raise AssertionError("cues.json is an English word list: hqd/lexicon no longer holds it")
    assert load("districts")["districts"]  # the language-neutral catalogues stay
