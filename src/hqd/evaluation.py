"""Score extraction against gold files written to the extraction contract.

Matching (contract, "Scoring"): a prediction matches a gold quantity when the
spans overlap, the values agree within 0.1% relative, and the units are
equal. Each gold and each prediction is matched at most once. An unmatched
prediction that overlaps no gold span and has no digit is neutral, as is one
that overlaps a span listed under "optional"; any other is a false positive.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .errors import GoldFileError
from .model import Document, written

META_FIELDS = ("title", "date", "published", "district", "session", "series", "theme", "officials")
ATTRIBUTES = ("kind", "basis", "approx", "period", "subject", "metric")
_STOPWORDS = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or", "as", "its", "their",
    "is", "are", "was", "were", "be", "this", "that", "these", "those", "each", "per", "s",
}


@dataclass(slots=True)
class GoldSpan:
    start: int
    end: int
    entry: dict


@dataclass
class DocumentScore:
    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    attribute_hits: dict[str, int] = field(default_factory=lambda: {a: 0 for a in ATTRIBUTES})
    attribute_total: dict[str, int] = field(default_factory=lambda: {a: 0 for a in ATTRIBUTES})
    meta_hits: int = 0
    meta_total: int = 0
    meta_misses: list[str] = field(default_factory=list)
    target_tp: int = 0
    target_fp: int = 0
    target_fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    attribute_errors: list[str] = field(default_factory=list)
    rule_right: dict[str, int] = field(default_factory=dict)  # rule name -> matched quantities it decided rightly
    rule_wrong: dict[str, int] = field(default_factory=dict)


@dataclass
class Report:
    documents: list[DocumentScore]

    def _sum(self, attr: str) -> int:
        return sum(getattr(d, attr) for d in self.documents)

    @property
    def precision(self) -> float:
        tp, fp = self._sum("tp"), self._sum("fp")
        return tp / (tp + fp) if tp + fp else 0.0

    @property
    def recall(self) -> float:
        tp, fn = self._sum("tp"), self._sum("fn")
        return tp / (tp + fn) if tp + fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def attribute_accuracy(self, attribute: str) -> float:
        hits = sum(d.attribute_hits[attribute] for d in self.documents)
        total = sum(d.attribute_total[attribute] for d in self.documents)
        return hits / total if total else 0.0

    @property
    def meta_accuracy(self) -> float:
        total = self._sum("meta_total")
        return self._sum("meta_hits") / total if total else 0.0

    @property
    def target_f1(self) -> float:
        tp, fp, fn = self._sum("target_tp"), self._sum("target_fp"), self._sum("target_fn")
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    def rule_counts(self) -> dict[str, tuple[int, int]]:
        """Per rule that set an attribute of a matched quantity: (right, wrong), the rule table's name first."""
        counts: dict[str, list[int]] = {}
        for d in self.documents:
            for name, n in d.rule_right.items():
                counts.setdefault(name, [0, 0])[0] += n
            for name, n in d.rule_wrong.items():
                counts.setdefault(name, [0, 0])[1] += n
        return {name: (c[0], c[1]) for name, c in sorted(counts.items())}

    def rules_table(self) -> str:
        """Right and wrong per rule, worst first: a bad rule shows itself."""
        counts = self.rule_counts()
        if not counts:
            return "rules: none recorded"
        width = max(len(n) for n in counts)
        lines = [f"{'rule':<{width}}  right  wrong  accuracy"]
        for name, (right, wrong) in sorted(counts.items(), key=lambda kv: (-kv[1][1], kv[0])):
            lines.append(f"{name:<{width}}  {right:>5}  {wrong:>5}  {right / (right + wrong):.3f}")
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {
            "documents": len(self.documents),
            "quantities": {"tp": self._sum("tp"), "fp": self._sum("fp"), "fn": self._sum("fn"),
                           "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)},
            "attributes": {a: round(self.attribute_accuracy(a), 4) for a in ATTRIBUTES},
            "meta": {"accuracy": round(self.meta_accuracy, 4), "misses": [m for d in self.documents for m in d.meta_misses]},
            "targets": {"tp": self._sum("target_tp"), "fp": self._sum("target_fp"), "fn": self._sum("target_fn"),
                        "f1": round(self.target_f1, 4)},
            "rules": {name: {"right": r, "wrong": w} for name, (r, w) in self.rule_counts().items()},
        }


_CJK_STOP = set("的和与及之等")


def content_words(phrase: str | None) -> set[str]:
    """Lower-cased Latin words and digits, less stop words; each Chinese character counts as a word of its own
    (Chinese is written without spaces, and a character is the smallest unit that names something)."""
    text = (phrase or "").lower().replace("’", "'").replace("'s", "")
    words = {w for w in re.findall(r"[a-z0-9]+", text) if w not in _STOPWORDS}
    return words | {c for c in re.findall(r"[\u3400-\u9fff]", text) if c not in _CJK_STOP}


def metric_matches(gold: str | None, predicted: str | None) -> bool:
    """Half or more of the gold metric's content words appear in the predicted metric."""
    wanted = content_words(gold)
    if not wanted:
        return True
    return len(wanted & content_words(predicted)) * 2 >= len(wanted)


def load_gold(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFileError(f"{path}: cannot read gold file: {exc}") from None
    if not isinstance(gold, dict) or "quantities" not in gold:
        raise GoldFileError(f"{path}: gold file has no 'quantities' list (see the extraction contract, 'Gold files')")
    return gold


def locate(text: str, snippet: str, occurrence: int, where: str) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th (1-based) appearance of ``snippet`` in ``text``."""
    pos = -1
    for _ in range(max(1, occurrence)):
        pos = text.find(snippet, pos + 1)
        if pos < 0:
            raise GoldFileError(f"{where}: {snippet!r} occurrence {occurrence} is not in the document")
    return pos, pos + len(snippet)


def _spans(text: str, entries: Iterable[dict], where: str) -> list[GoldSpan]:
    return [GoldSpan(*locate(text, e["text"], e.get("occurrence", 1), where), e) for e in entries]


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _value_agrees(gold: float, predicted: float) -> bool:
    if gold == 0:
        return abs(predicted) < 1e-9
    return abs(predicted - gold) <= 0.001 * abs(gold)


def score_document(name: str, doc: Document, gold: dict) -> DocumentScore:
    score = DocumentScore(name)
    text = doc.text
    gold_spans = _spans(text, gold.get("quantities", []), name)
    optional = _spans(text, gold.get("optional", []), name)
    used: set[int] = set()
    matched_predictions: set[int] = set()
    for g in gold_spans:
        best = None
        for i, q in enumerate(doc.quantities):
            if i in used or not _overlaps(g.start, g.end, q.start, q.end):
                continue
            if q.unit == g.entry.get("unit") and _value_agrees(float(g.entry["value"]), q.value):
                best = i
                break
        if best is None:
            score.fn += 1
            score.misses.append(f"{name}: missed {g.entry['text']!r} = {g.entry['value']} {g.entry.get('unit')}")
            continue
        used.add(best)
        matched_predictions.add(best)
        score.tp += 1
        q = doc.quantities[best]
        for attribute in ATTRIBUTES:
            if attribute not in g.entry:
                continue
            score.attribute_total[attribute] += 1
            want = g.entry[attribute]
            got = written(getattr(q, attribute))
            ok = metric_matches(want, got) if attribute == "metric" else want == got
            rule = q.why.get(attribute)
            if rule is not None:
                tally = score.rule_right if ok else score.rule_wrong
                tally[rule] = tally.get(rule, 0) + 1
            if ok:
                score.attribute_hits[attribute] += 1
            else:
                by = f" (rule {rule})" if rule else ""
                score.attribute_errors.append(f"{name}: {g.entry['text']!r} {attribute}: got {got!r}, want {want!r}{by}")
    for i, q in enumerate(doc.quantities):
        if i in matched_predictions:
            continue
        if any(_overlaps(o.start, o.end, q.start, q.end) for o in optional):
            continue
        overlaps_gold = any(_overlaps(g.start, g.end, q.start, q.end) for g in gold_spans)
        if not overlaps_gold and not any(c.isdigit() for c in q.text):
            continue
        score.fp += 1
        score.false_positives.append(f"{name}: spurious {q.text!r} = {q.value} {q.unit}")
    _score_meta(score, doc, gold.get("meta") or {})
    _score_targets(score, doc, gold.get("targets", []), name)
    return score


def _score_meta(score: DocumentScore, doc: Document, meta: dict) -> None:
    for key in META_FIELDS:
        if key not in meta:
            continue
        score.meta_total += 1
        got = getattr(doc.meta, key)
        want = meta[key]
        if key == "officials":
            got = [o.name for o in got]
            want = [o["name"] for o in want or []]
        if got == want:
            score.meta_hits += 1
        else:
            score.meta_misses.append(f"{score.name}: meta {key}: got {got!r}, want {want!r}")


def _score_targets(score: DocumentScore, doc: Document, gold_targets: list[dict], name: str) -> None:
    """A target matches when its span overlaps the gold span and the deadlines agree."""
    spans = _spans(doc.text, gold_targets, name)
    used: set[int] = set()
    for g in spans:
        hit = next(
            (i for i, t in enumerate(doc.targets)
             if i not in used and _overlaps(g.start, g.end, t.start, t.end) and written(t.deadline) == g.entry.get("deadline")),
            None,
        )
        if hit is None:
            score.target_fn += 1
            score.misses.append(f"{name}: missed target {g.entry['text']!r} deadline {g.entry.get('deadline')}")
        else:
            used.add(hit)
            score.target_tp += 1
    score.target_fp += len(doc.targets) - len(used)
    for i, t in enumerate(doc.targets):
        if i not in used:
            score.misses.append(f"{name}: spurious target {t.text!r} deadline {written(t.deadline)}")


def gold_pairs(folder: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for gold in sorted(folder.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        for ext in (".txt", ".html", ".htm"):
            candidate = gold.with_name(stem + ext)
            if candidate.exists():
                pairs.append((candidate, gold))
                break
    return pairs


def evaluate(folder: Path, extract: Callable[[str], Document]) -> Report:
    pairs = gold_pairs(folder)
    if not pairs:
        raise GoldFileError(f"{folder}: no NAME.gold.json with a NAME.txt/.html beside it")
    return Report([score_document(doc_path.name, extract(str(doc_path)), load_gold(gold_path)) for doc_path, gold_path in pairs])
