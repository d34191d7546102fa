"""Test sentences are invented, as rule examples are (test_rules.py's copy check): a test whose text is an open eval
text proves only that the eval text passes. A string in a test module may not share 8 consecutive words with an open
eval text, but for the older ones listed in copied_test_sentences.txt: a debt to pay off (rewrite the sentence, then
drop its line), never a place for a new one."""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

import pytest

from .test_rules import _EVAL, _OPEN_SETS, _eval_runs, _shares_a_run, _words

_TESTS = Path(__file__).resolve().parents[1]
_KNOWN = Path(__file__).with_name("copied_test_sentences.txt")


def _copied_strings() -> set[str]:
    """Each string constant of a test module that shares a run with an open eval text, as its module's path (from
    tests/) and the first 12 hex digits of the string's SHA-1."""
    runs = _eval_runs()
    copied = set()
    for path in sorted(_TESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            if _shares_a_run(_words(node.value), runs):
                copied.add(f"{path.relative_to(_TESTS).as_posix()} {hashlib.sha1(node.value.encode('utf-8')).hexdigest()[:12]}")
    return copied


def test_no_new_test_sentence_shares_eight_words_with_an_open_eval_text():
    if not all((_EVAL / name / "en").is_dir() for name in _OPEN_SETS):
        pytest.skip("the open eval sets are not in this checkout")
    known = set(_KNOWN.read_text(encoding="utf-8").split("\n")) - {""}
    copied = _copied_strings()
    assert not sorted(copied - known), "test strings that copy 8+ words of an open eval text: invent them"
    assert not sorted(known - copied), f"strings no longer copied (rewritten or gone): drop their lines from {_KNOWN.name}"
