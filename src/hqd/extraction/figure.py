"""One context per figure: what the rules that decide its attributes read, built once and lazily.

A rule asks the figure for its sentence, the words before it (since the figure before it in its
sentence), the words after it (up to the next figure), its clause, its period, the document's
year, instead of slicing the text at offsets of its own.
"""

from __future__ import annotations

from typing import Any, Callable, Generic, TypeVar

from ..model import Language, Period, Quantity
from .segments import Segmentation

T = TypeVar("T")


class cached_property(Generic[T]):  # noqa: N801 (named as the functools one it stands in for)
    """A property computed on first use and kept in the instance's ``__dict__`` (which then answers without calling
    anything): functools.cached_property without its lock, which cost more than most of what a figure computes. A
    figure lives within one extraction call, in one thread."""

    def __init__(self, fn: Callable[[Any], T]) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> T:
        if obj is None:
            return self  # type: ignore[return-value]
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


class Figure:
    """A quantity in its document: the view every attribute rule reads."""

    def __init__(self, text: str, seg: Segmentation, quantities: list[Quantity], index: int, year: int | None,
                 language: Language = "en", **known) -> None:
        """``known`` holds what the caller has already worked out (``prev``, ``before``, ``link``...): it stands in for
        the lazily computed property of that name, and a stage may add facts of its own (``ctx``, ``mention``)."""
        self.__dict__.update(known)
        self.text = text
        self.seg = seg
        self.quantities = quantities
        self.index = index
        self.q = quantities[index]
        self.year = year
        self.language = language

    @cached_property
    def sentence_index(self) -> int:
        return self.seg.index_at(self.q.start)

    @cached_property
    def sentence(self):
        return self.seg.sentences[self.sentence_index]

    def sentence_holds(self, cues: frozenset[str]) -> bool:
        """Whether the figure's sentence holds one of the words ``cues`` (lower case), in any case; or the sentence its
        end falls in, where that is another (a "sentence" cut between two figures written with no space between them)."""
        return not cues.isdisjoint(self.sentence_words)

    @cached_property
    def sentence_words(self) -> frozenset[str]:
        """The words of the figure's sentence, and of the sentence its end falls in where that is another (see
        :meth:`sentence_holds`): found once per sentence (``Segmentation.words``), joined once per figure."""
        words = self.seg.words(self.sentence_index)
        if self.end_sentence_index != self.sentence_index:
            words = words | self.seg.words(self.end_sentence_index)
        return words

    @cached_property
    def end_sentence_index(self) -> int:
        return self.seg.index_at(self.q.end)

    @cached_property
    def prev(self) -> Quantity | None:
        """The figure before this one in its sentence."""
        if self.index == 0:
            return None
        p = self.quantities[self.index - 1]
        return p if p.end <= self.q.start and p.start >= self.sentence.start else None

    @cached_property
    def next(self) -> Quantity | None:
        """The figure after this one in its sentence."""
        if self.index + 1 >= len(self.quantities):
            return None
        n = self.quantities[self.index + 1]
        return n if n.start >= self.q.end and n.start < self.sentence.end else None

    @cached_property
    def head(self) -> str:
        """The sentence up to the figure."""
        return self.text[self.sentence.start:self.q.start]

    @cached_property
    def rest(self) -> str:
        """The sentence after the figure."""
        return self.text[self.q.end:max(self.q.end, self.sentence.end)]

    @cached_property
    def before(self) -> str:
        """The words between the figure before it in its sentence (or the sentence's start) and the figure."""
        start = self.prev.end if self.prev is not None else self.sentence.start
        return self.text[start:self.q.start]

    @cached_property
    def after(self) -> str:
        """The words from the figure to the next figure of its sentence (or the sentence's end)."""
        end = self.next.start if self.next is not None else self.sentence.end
        return self.text[self.q.end:max(self.q.end, end)]

    @cached_property
    def clause(self) -> tuple[int, int]:
        return self.seg.clause_bounds(self.q.start)

    @cached_property
    def clause_before(self) -> str:
        """Its clause up to the figure."""
        return self.text[self.clause[0]:self.q.start]

    @cached_property
    def clause_after(self) -> str:
        """Its clause after the figure."""
        _, end = self.seg.clause_bounds(self.q.end)
        return self.text[self.q.end:max(self.q.end, end)]

    @cached_property
    def period(self) -> Period | None:
        return self.q.period
