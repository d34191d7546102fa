"""The extractor against the seed gold files, and the scorer's own rules."""

import pytest

from hqd.evaluation import content_words, evaluate, metric_matches, score_document
from hqd.extraction import extract_path, extract_text
from hqd.model import Quantity


@pytest.fixture(scope="module")
def report(seeds):
    return evaluate(seeds, extract_path)


def test_quantity_f1_at_least_0_97(report):
    assert report.f1 >= 0.97, report.to_json()


def test_attribute_accuracies_meet_the_bar(report):
    assert report.attribute_accuracy("kind") >= 0.95
    assert report.attribute_accuracy("period") >= 0.90
    assert report.attribute_accuracy("metric") >= 0.85
    assert report.attribute_accuracy("basis") >= 0.95


def test_rule_counts_name_the_rule_behind_each_scored_attribute(report):
    counts = report.rule_counts()
    assert counts["basis.within_a_year"][0] > 0
    right = sum(r for name, (r, _) in counts.items() if name.startswith("basis."))
    wrong = sum(w for name, (_, w) in counts.items() if name.startswith("basis."))
    assert right / (right + wrong) == pytest.approx(report.attribute_accuracy("basis"))


def test_every_metadata_field_is_right(report):
    misses = [m for d in report.documents for m in d.meta_misses]
    assert misses == []


def test_metric_rule_is_half_of_gold_content_words():
    assert metric_matches("total output of automotive enterprises", "total output")
    assert not metric_matches("total output value of medical equipment", "output")
    assert content_words("the city's total") == {"city", "total"}


def test_scorer_counts_neutral_and_false_positives():
    doc = extract_text("Revenue was 5 billion yuan. It has 12 parks and half of the land.", briefing_date="2023-01-01")
    gold = {"meta": {}, "quantities": [{"text": "5 billion yuan", "occurrence": 1, "value": 5e9, "unit": "CNY"}], "targets": []}
    score = score_document("inline", doc, gold)
    assert score.tp == 1 and score.fn == 0
    assert score.fp == 1  # "12" has a digit and no gold; "half" has no digit and is neutral
    doc.quantities.append(Quantity(0, 7, "Revenue", 1.0, "count"))
    assert score_document("inline", doc, gold).fp == 1


def test_verbose_misses_name_missed_and_spurious_targets():
    doc = extract_text("By 2025 the district will have 300 parks. By 2026 it aims to add 40 schools.", briefing_date="2023-01-01")
    assert len(doc.targets) == 2
    gold = {"meta": {}, "quantities": [], "targets": [{"text": "300", "occurrence": 1, "deadline": "2024"}]}
    score = score_document("inline", doc, gold)
    assert (score.target_tp, score.target_fp, score.target_fn) == (0, 2, 1)
    assert "inline: missed target '300' deadline 2024" in score.misses
    assert sum(m.startswith("inline: spurious target ") for m in score.misses) == 2
    assert any("deadline 2026" in m for m in score.misses if "spurious" in m)
