"""Traditional characters read as simplified, and names written back as the text wrote them.

The pack's word lists are simplified; a traditional text (億 萬 兩, 個, 增長, 區) is read through a one-to-one map of
characters, so every offset holds. What the pack reports (spans, metrics, subjects, titles) is given as written:
each derived string is turned back with the document's own characters.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ....script import to_simplified  # noqa: F401 - the pack's callers import it from here


def back_map(original: str, simplified: str) -> dict[int, str] | None:
    """For a text that had traditional characters, each simplified character's commonest written form; None when
    the text was simplified already."""
    if original == simplified:
        return None
    seen: dict[str, Counter] = defaultdict(Counter)
    for a, b in zip(original, simplified):
        if a != b:
            seen[b][a] += 1
    return {ord(b): forms.most_common(1)[0][0] for b, forms in seen.items()}


def as_written(value: str | None, back: dict[int, str] | None) -> str | None:
    if value is None or back is None:
        return value
    return value.translate(back)


def span_as_written(value: str | None, original: str, simplified: str, back: dict[int, str] | None) -> str | None:
    """A string read from the text (a name, a title, a theme) as the text wrote it at that place: a character may be
    written both ways in one text (于勇 beside 將於), so the text's own characters at the span, not the commonest
    form; a string composed by the pack (a metric joined from two places) falls back to ``as_written``."""
    if value is None or back is None:
        return value
    at = simplified.find(value)
    return original[at:at + len(value)] if at >= 0 else as_written(value, back)
