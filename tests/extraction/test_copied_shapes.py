"""The copy checks of test_rules.py and test_copied_text.py see 8 identical words; an eval sentence with each number
and name swapped passes them, and tests its own shape, not its class. This check compares word shapes: each number
written '#', each capitalised word 'N', other words lower-case; 8 shapes in a row shared with an open eval text make a
copy. It reads rule examples, string constants of test modules, and the comments and docstrings of
src/hqd/extraction. The older ones are listed in copied_shapes.txt (a debt to pay off: rewrite the text as another
sentence of its class, other verb, order or noun phrase, then drop its line), never a place for a new one.

A line of the list: the kind (example, test, comment, doc), where (the rule's name, or the file's path from the
repository root), and the first 12 hex digits of the text's SHA-1 (a comment's text is its line, without the '#')."""

from __future__ import annotations

import ast
import hashlib
import io
import re
import tokenize
from pathlib import Path

import pytest

from .test_rules import _EVAL, _OPEN_SETS, CASES, _eval_runs, _shares_a_run

_ROOT = Path(__file__).resolve().parents[2]
_KNOWN = Path(__file__).with_name("copied_shapes.txt")
_RUN = 8  # shapes in a row a text may not share with an open eval text
_TOKEN = re.compile(r"[A-Za-z]+|\d[\d.,]*\d|\d")


def _shapes(text: str) -> list[str]:
    """The text's words as shapes: '#' for a number, 'N' for a capitalised word, the word in lower case else."""
    return ["#" if w[0].isdigit() else "N" if w[0].isupper() else w for w in _TOKEN.findall(text.replace("[", "").replace("]", ""))]


def _key(kind: str, where: str, text: str) -> str:
    return f"{kind} {where} {hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}"


def _texts():
    """(kind, where, text) of every text the check reads."""
    for _, rule, example in CASES:
        yield "example", rule.name, example.text
    for path in sorted((_ROOT / "tests").rglob("*.py")):
        where = path.relative_to(_ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield "test", where, node.value
    for path in sorted((_ROOT / "src" / "hqd" / "extraction").rglob("*.py")):
        where, source = path.relative_to(_ROOT).as_posix(), path.read_text(encoding="utf-8")
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                yield "comment", where, token.string.lstrip("#").strip()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                doc = ast.get_docstring(node, clean=False)
                if doc:
                    yield "doc", where, doc


def _copied() -> set[str]:
    runs = _eval_runs(_shapes, _RUN)
    copied = set()
    for kind, where, text in _texts():
        if _shares_a_run(_shapes(text), runs, _RUN):
            copied.add(_key(kind, where, text))
    return copied


def test_no_new_text_shares_eight_word_shapes_with_an_open_eval_text():
    if not all((_EVAL / name / "en").is_dir() for name in _OPEN_SETS):
        pytest.skip("the open eval sets are not in this checkout")
    known = set(_KNOWN.read_text(encoding="utf-8").split("\n")) - {""}
    copied = _copied()
    assert not sorted(copied - known), ("texts that share 8 word shapes in a row with an open eval text (its sentence with "
                                        "numbers and names swapped): write another sentence of the class")
    assert not sorted(known - copied), f"texts no longer copied (rewritten or gone): drop their lines from {_KNOWN.name}"


def test_shapes_see_numbers_and_names_swapped():
    assert _shapes("Ferry Lines sold 4.1 million tickets, a fall of 6.5 percent.") == _shapes(
        "Tram Works sold 9 million tickets, a fall of 12 percent.")
    assert _shapes("the [5%] of Minhang's") == ["the", "#", "of", "N", "s"]
