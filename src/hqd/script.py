"""Chinese scripts: each traditional character mapped one-to-one to its simplified form (tables derived from OpenCC,
Apache-2.0, in lexicon/zh_traditional.json), for every stage that reads Chinese: the Chinese pack reads a traditional
text through it, and the store's search tries a query in both scripts. One-to-one, so every offset holds."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def _data() -> dict:
    return json.loads(resources.files("hqd").joinpath("lexicon/zh_traditional.json").read_text("utf-8"))


@cache
def _table() -> dict[int, str]:
    data = _data()
    return str.maketrans(data["map"], data["to"])


def to_simplified(text: str) -> str:
    """The text with each traditional character replaced by its simplified form (same length)."""
    return text.translate(_table())


@cache
def traditional_forms() -> dict[str, list[str]]:
    """Simplified character -> its traditional forms, the inverse of the map."""
    data = _data()
    inverse: dict[str, list[str]] = {}
    for traditional, simplified in zip(data["map"], data["to"]):
        inverse.setdefault(simplified, []).append(traditional)
    return inverse
