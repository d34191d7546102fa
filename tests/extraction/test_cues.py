"""A rule's cues (``rules.Rule.cues``) are exact: run all the same where its sentence holds none of them, it never fires.

The tables skip a rule whose cues are absent; here ``rules.audit`` runs each rule so skipped, on the seeds, the tuning
texts and the spent held-out sets (English: the cues are words of English rules), and on each rule's own examples.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest

from hqd.extraction import extract_text, rules
from hqd.extraction.rules import SKIP, all_tables

REPO = Path(__file__).resolve().parents[2]
# the open sets only, named one by one: the current blind set (eval/heldout10) is never read
_OPEN = ["tuning", "tuning8", "tuning9", "tuning10", "tuning11", "tuning12", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
         "heldout7", "heldout8", "heldout9"]


def _texts() -> list[str]:
    seeds = os.environ.get("HQD_SEEDS", "../shared/seeds")
    paths = sorted(glob.glob(f"{seeds}/*.txt")) + [p for name in _OPEN for p in sorted(glob.glob(str(REPO / "eval" / name / "en" / "*.txt")))]
    texts = [Path(p).read_text("utf-8") for p in paths]
    texts += [rule_example.unmarked()[0] for table in all_tables() for r in table.rules if r.cues for rule_example in r.examples]
    return texts


@pytest.fixture()
def misses(monkeypatch):
    found: list[str] = []

    def run_anyway(rule, figure):
        if rule.decide(figure) is not SKIP:
            found.append(rule.name)

    monkeypatch.setattr(rules, "audit", run_anyway)
    return found


def test_no_rule_fires_without_its_cues(misses):
    for text in _texts():
        extract_text(text, briefing_date="2023-08-22")
    assert not misses, sorted(set(misses))


def test_the_audit_finds_a_rule_whose_cues_are_wrong(misses):
    kind = next(t for t in all_tables() if t.attribute == "kind")
    wrong = rules.Rule("kind.wrong_cues", lambda f: "level", "A rule whose cue is a word no sentence holds.", (), frozenset({"zzz"}))
    kind.rules.insert(0, wrong)
    try:
        extract_text("Revenue was 5 billion yuan.")
    finally:
        kind.rules.remove(wrong)
    assert misses == ["kind.wrong_cues"]
