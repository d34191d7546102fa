"""The Chinese pack against the Chinese development set (../shared/dev-zh), as the seeds' test scores the seeds."""

from __future__ import annotations

import pytest

from hqd.evaluation import evaluate
from hqd.extraction import extract_path
from tests.conftest import assert_grounded


@pytest.fixture(scope="module")
def report(dev_zh):
    return evaluate(dev_zh, extract_path)


def test_quantities_f1_at_least_0_95(report):
    assert report.f1 >= 0.95, report.to_json()


@pytest.mark.parametrize("attribute, floor", [("kind", 0.95), ("period", 0.85), ("metric", 0.85), ("subject", 0.85),
                                              ("approx", 0.90), ("basis", 0.85)])
def test_attribute_accuracy(report, attribute, floor):
    assert report.attribute_accuracy(attribute) >= floor, report.to_json()


def test_metadata_and_targets(report):
    assert report.meta_accuracy >= 0.9, report.to_json()
    assert report.target_f1 >= 0.8, report.to_json()


def test_every_span_is_grounded_and_the_language_is_zh(dev_zh):
    for path in sorted(dev_zh.glob("*.txt")):
        doc = extract_path(str(path))
        assert doc.language == "zh"
        assert_grounded(doc.text, doc.quantities)
        assert_grounded(doc.text, doc.targets)
        assert_grounded(doc.text, doc.entities)
        assert doc.sentences and all(doc.text[a:b].strip() for a, b in doc.sentences)


def test_every_attribute_names_the_rule_that_set_it(dev_zh):
    """``hqd extract --explain`` and ``hqd eval --verbose`` show, for a Chinese figure as for an English one, which rule
    set each attribute."""
    from hqd.extraction.explain import EXPLAINED

    for path in sorted(dev_zh.glob("*.txt")):
        for q in extract_path(str(path)).quantities:
            for attribute in EXPLAINED:
                name = q.why.get(attribute, "")
                assert name.startswith(attribute + ".") and len(name) > len(attribute) + 1, (path.name, q.text, attribute, q.why)
