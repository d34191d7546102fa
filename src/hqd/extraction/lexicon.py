"""Loads the language-neutral catalogues (``hqd/lexicon/*.json``: districts, subjects, indicators) once; a language's
word lists are its pack's (``lang/<code>/*.json``, e.g. ``lang.en.word_lists``)."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources


_ENGLISH_LISTS = {"cues", "words", "scales", "units"}  # moved to lang/en/: a caller still asking here is told where


@cache
def load(name: str) -> dict:
    if name in _ENGLISH_LISTS:
        raise LookupError(f"{name}.json is an English word list: use hqd.extraction.lang.en.word_lists({name!r})")
    return json.loads(resources.files("hqd.lexicon").joinpath(f"{name}.json").read_text("utf-8"))


def phrase_pattern(phrases: list[str]) -> str:
    """A regex alternation of whole-word phrases, longest first, spaces matching any whitespace."""
    return "|".join(phrase_alternatives(phrases))


def phrase_alternatives(phrases: list[str]) -> list[str]:
    """The alternatives of :func:`phrase_pattern`, in its order: each phrase as a regex, longest first."""
    parts = sorted({p for p in phrases}, key=len, reverse=True)
    return [re.escape(p).replace(r"\ ", r"\s+") for p in parts]
