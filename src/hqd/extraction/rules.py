"""A small rule engine: each attribute of a figure is decided by an ordered table of named rules.

A rule states one general fact of the language (its docstring), carries the examples that show it
(its own test data: a text with the figure in [brackets], the value the rule gives it), and
decides from a figure's context (``figure.Figure``) either a value or ``SKIP``. A table's runner
returns the value of the first rule that fires and the rule's name, which the quantity keeps in
``Quantity.why`` so that ``hqd extract --explain`` and ``hqd eval --verbose`` can name it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Generic, Iterable, TypeVar

T = TypeVar("T")


class _Skip:
    __slots__ = ()

    def __repr__(self) -> str:
        return "SKIP"


SKIP: Any = _Skip()  # what a rule returns when it does not fire (None is a value: basis null)

# Set by a test of the cues (``tests/extraction/test_cues.py``): called with each rule skipped for want of its cues, which
# the test then runs all the same, to find a rule whose cues miss a word it fires on (None in use: nothing is called).
audit: Callable[[Any, Any], None] | None = None


@dataclass(frozen=True, slots=True)
class Example:
    """A text with one figure marked by [brackets], the value the rule gives it, and the briefing date if one matters."""

    text: str
    want: Any
    date: str | None = "2023-08-22"

    def unmarked(self) -> tuple[str, int, int]:
        """The text without its brackets, and the marked figure's span in it."""
        start = self.text.index("[")
        end = self.text.index("]", start) - 1
        return self.text.replace("[", "", 1).replace("]", "", 1), start, end


def key_words(*phrase_lists: Iterable[str]) -> frozenset[str]:
    """The longest run of letters of each phrase, lower case ("jing" of "Jing'an", "minimum" of "a minimum of"): a phrase
    that a pattern finds as a whole word puts that word in its sentence, so the words of a rule's phrases are its cues."""
    return frozenset(max(_LETTERS.findall(phrase), key=len).lower() for phrases in phrase_lists for phrase in phrases)


_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Rule(Generic[T]):
    name: str
    decide: Callable[[Any], T]
    doc: str
    examples: tuple[Example, ...]
    # Words (letters only, lower case) of which the figure's sentence holds at least one wherever the rule can fire (a
    # word its patterns need, in every form they accept), or None. A table skips the rule in a sentence with none of
    # them: the words of a sentence are found once (``Segmentation.words``), not once per figure and rule, so a rule
    # costs next to nothing where its words are absent, as in a long run of bare numbers. A rule with cues reads only
    # stretches of its figure's sentence that start and end beside no letter (the words before or after the figure).
    # A table with such rules reads the figure's ``sentence_words`` (a frozenset), once a run.
    cues: frozenset[str] | None = None


@dataclass
class RuleTable(Generic[T]):
    """An ordered table of rules for one attribute; the first rule that fires decides."""

    attribute: str
    rules: list[Rule] = field(default_factory=list)
    # What the table may decide besides None: a type (Period) or the values of a Literal (Kind's). A rule giving anything
    # else raises at once, as no type checker runs here: a string "2023" from a period rule prints as the Period would.
    values: type | frozenset[str] | None = None
    # Every cue of the table's rules, and the rules list it was gathered from (its identity and length: a test may put
    # another list in place, or insert a rule and take it out again)
    _cue_union: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)
    _cue_union_of: tuple[int, int] = field(default=(0, -1), init=False, repr=False, compare=False)

    def _checked(self, value: Any, rule: str) -> Any:
        allowed = self.values
        if value is None or allowed is None or (value in allowed if isinstance(allowed, frozenset) else isinstance(value, allowed)):
            return value
        raise TypeError(f"rule {rule} gave {value!r}: not a value of the {self.attribute} table")

    def rule(self, *examples: tuple, cues: Iterable[str] | None = None) -> Callable[[Callable[[Any], T]], Callable[[Any], T]]:
        """Register the decorated function as the table's next rule, with its examples as (text, want[, date]) and the
        words without one of which in its sentence it cannot fire (``cues``; see :class:`Rule`)."""

        def register(fn: Callable[[Any], T]) -> Callable[[Any], T]:
            doc = " ".join((fn.__doc__ or "").split())
            name = f"{self.attribute}.{fn.__name__.lstrip('_')}"
            needs = None if cues is None else frozenset(c.lower() for c in cues)
            if needs is not None and not all(c.isalpha() for c in needs):
                raise ValueError(f"{fn.__name__}: a cue is a word of letters only, not {sorted(needs)}")
            self.rules.append(Rule(name, fn, doc, tuple(Example(*e) for e in examples), needs))
            return fn

        return register

    def run(self, figure: Any) -> tuple[T, str]:
        """The value of the first rule that fires on ``figure``, and that rule's name."""
        fired = self._first(figure)
        if fired is None:
            raise LookupError(f"no rule of the {self.attribute} table fired (its last rule must always fire)")
        return fired

    def revise(self, figure: Any, quantity: Any) -> bool:
        """For a table of revisions, run after a first decision: the first rule that fires sets the attribute and
        records itself; when none fires the attribute keeps its value. Whether one fired."""
        fired = self._first(figure)
        if fired is None:
            return False
        setattr(quantity, self.attribute, fired[0])
        quantity.why[self.attribute] = fired[1]
        return True

    def _first(self, figure: Any) -> tuple[T, str] | None:
        """The checked value of the first rule that fires on ``figure`` and that rule's name, or None when none fires."""
        # the words of the figure's sentence that are cues of some rule of the table (``sentence_words`` met with all
        # the table's cues), found once, when a rule with cues is reached: a rule's cues meet the sentence's words where
        # they meet these few, and the test of each rule then looks up a word or two, not every word of the sentence
        words = None
        for r in self.rules:
            cues = r.cues
            if cues is not None:
                if words is None:
                    words = self._all_cues() & figure.sentence_words
                if cues.isdisjoint(words):
                    if audit is not None:
                        audit(r, figure)
                    continue
            value = r.decide(figure)
            if value is not SKIP:
                return self._checked(value, r.name), r.name
        return None

    def _all_cues(self) -> frozenset[str]:
        """The cues of all the table's rules (gathered again when its rules list is another, or has another length)."""
        of = (id(self.rules), len(self.rules))
        if self._cue_union_of != of:
            self._cue_union = frozenset().union(*(r.cues for r in self.rules if r.cues is not None))
            self._cue_union_of = of
        return self._cue_union

    def apply(self, figure: Any, quantity: Any) -> None:
        """Set the quantity's attribute from the table and record the rule that set it."""
        value, name = self.run(figure)
        setattr(quantity, self.attribute, value)
        quantity.why[self.attribute] = name


def all_tables() -> list[RuleTable]:
    """Every rule table of the extractor (for tests and for listing rules)."""
    from . import basis, frames, metrics, quantities, subjects, tables

    return [quantities.KIND, basis.BASIS, quantities.APPROX, frames.PERIOD, frames.SAME_PLAN, frames.PERIOD_REVISIONS,
            frames.LEVEL_REACHED, subjects.SUBJECT, metrics.METRIC,
            quantities.SUBJECT_REVISIONS, tables.TABLE_KIND, tables.TABLE_APPROX, tables.TABLE_PERIOD, tables.TABLE_SUBJECT]
