"""Every rule of every attribute table, tested alone from its own examples: on the example's text the extractor gives
the marked figure the example's value, and the rule that set it is this rule."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from hqd.extraction import extract_text
from hqd.extraction.rules import SKIP, RuleTable, all_tables

RULES = [(table, rule) for table in all_tables() for rule in table.rules]


def _figure(example):
    text, start, end = example.unmarked()
    doc = extract_text(text, briefing_date=example.date)
    hits = [q for q in doc.quantities if q.start < end and start < q.end]
    assert hits, f"no quantity at {text[start:end]!r} in {text!r}"
    return hits[0]


@pytest.mark.parametrize("table,rule", RULES, ids=[r.name for _, r in RULES])
def test_rule_is_documented_with_examples(table, rule):
    assert len(rule.doc.split()) >= 8, f"{rule.name}: the docstring must state the fact of the language it encodes"
    assert rule.examples, f"{rule.name}: a rule needs examples"


CASES = [(table, rule, example) for table, rule in RULES for example in rule.examples]


@pytest.mark.parametrize("table,rule,example", CASES, ids=[f"{r.name}:{e.text[:40]}" for _, r, e in CASES])
def test_rule_decides_its_examples(table, rule, example):
    q = _figure(example)
    assert q.why.get(table.attribute) == rule.name, (q, q.why)
    assert getattr(q, table.attribute) == example.want, (q, q.why)


def test_rule_names_are_unique():
    names = [rule.name for _, rule in RULES]
    assert len(names) == len(set(names))


def test_runner_returns_first_rule_that_fires():
    table = RuleTable("colour")

    @table.rule(("x", "red"))
    def never(f):
        """A rule that never fires, for this test of the runner only."""
        return SKIP

    @table.rule(("x", "red"))
    def first(f):
        """The first rule that fires gives its value, though a later one would fire too."""
        return "red"

    @table.rule(("x", None))
    def later(f):
        """A later rule that would also fire but is never reached."""
        return None

    assert table.run(object()) == ("red", "colour.first")


def test_a_table_whose_rules_all_skip_says_so():
    table = RuleTable("colour")
    table.rule()(lambda f: SKIP)
    with pytest.raises(LookupError):
        table.run(object())


def test_a_table_with_values_refuses_a_rule_giving_anything_else():
    from hqd.model import Period

    table = RuleTable("period", values=Period)

    @table.rule(("x", "2023"))
    def as_string(f):
        """A period written as the string of one, which prints as the Period would: refused."""
        return "2023"

    with pytest.raises(TypeError, match="as_string gave '2023'"):
        table.run(object())
    kinds = RuleTable("kind", values=frozenset({"level", "change"}))

    @kinds.rule(("x", "growth"))
    def no_kind(f):
        """A value outside the table's Literal type: refused, as a type checker would."""
        return "growth"

    with pytest.raises(TypeError):
        kinds.run(object())


def test_the_kind_basis_approx_and_period_tables_check_their_values():
    from typing import get_args

    from hqd.model import Approx, Basis, Kind, Period

    expected = {"kind": frozenset(get_args(Kind)), "basis": frozenset(get_args(Basis)), "approx": frozenset(get_args(Approx)),
                "period": Period}
    for table in all_tables():
        if table.attribute in expected:
            assert table.values == expected[table.attribute], table.attribute


# The open eval sets, named one by one (the blind set is never read): a rule's examples are invented sentences that
# state its class, never an eval text with a noun or number swapped (an example that is the eval sentence proves only
# that the eval sentence passes).
_OPEN_SETS = ("tuning", "tuning8", "tuning9", "tuning10", "tuning11", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
              "heldout6", "heldout7", "heldout8", "heldout9", "tuning12", "tuning13")
_COPIED_RUN = 8  # consecutive words an example may not share with an open eval text
_EVAL = Path(__file__).resolve().parents[2] / "eval"
# Examples written before this check that share such a run: a debt to pay off (rewrite the example, then drop its line),
# never a place for a new one. Each line: the rule's name and the first 12 hex digits of the example text's SHA-1.
_KNOWN_COPIES = Path(__file__).with_name("copied_rule_examples.txt")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("[", "").replace("]", ""))


def _runs(tokens: list[str], length: int = _COPIED_RUN) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + length]) for i in range(len(tokens) - length + 1)}


def _eval_runs(tokens_of=_words, length: int = _COPIED_RUN) -> set[tuple[str, ...]]:
    """Every run of `length` consecutive tokens of the open eval texts; the copy checks of test strings
    (test_copied_text.py) and of word shapes (test_copied_shapes.py) read their runs here too."""
    runs = set()
    for name in _OPEN_SETS:
        for path in sorted((_EVAL / name / "en").glob("*.txt")):
            runs |= _runs(tokens_of(path.read_text(encoding="utf-8")), length)
    return runs


def _shares_a_run(tokens: list[str], runs: set[tuple[str, ...]], length: int = _COPIED_RUN) -> bool:
    return not runs.isdisjoint(_runs(tokens, length))


def _copied_examples() -> set[str]:
    runs = _eval_runs()
    copied = set()
    for _, rule, example in CASES:
        if _shares_a_run(_words(example.text), runs):
            copied.add(f"{rule.name} {hashlib.sha1(example.text.encode('utf-8')).hexdigest()[:12]}")
    return copied


def test_no_new_rule_example_shares_eight_words_with_an_open_eval_text():
    if not all((_EVAL / name / "en").is_dir() for name in _OPEN_SETS):
        pytest.skip("the open eval sets are not in this checkout")
    known = set(_KNOWN_COPIES.read_text(encoding="utf-8").split("\n")) - {""}
    copied = _copied_examples()
    assert not sorted(copied - known), "rule examples that copy 8+ words of an open eval text: invent them"
    assert not sorted(known - copied), f"examples no longer copied (rewritten or gone): drop their lines from {_KNOWN_COPIES.name}"
