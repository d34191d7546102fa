"""The Chinese pack's word lists (``lang/zh/*.json``), loaded once, and alternations built from them."""

from __future__ import annotations

import re

from .. import load as _load


def load(name: str) -> dict:
    return _load("zh", name)


def alternation(words) -> str:
    """A regex alternation of literal words, longest first (so 个百分点 wins over 个)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
