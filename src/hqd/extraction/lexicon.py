"""Loads the lexicon data files (``hqd/lexicon/*.json``) once."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources


@cache
def load(name: str) -> dict:
    return json.loads(resources.files("hqd.lexicon").joinpath(f"{name}.json").read_text("utf-8"))


def phrase_pattern(phrases: list[str]) -> str:
    """A regex alternation of whole-word phrases, longest first, spaces matching any whitespace."""
    parts = sorted({p for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)
