"""Language packs: the words and patterns of one language, as data (``lang/<code>/*.json``), loaded once."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from ...model import Language


@cache
def load(language: Language, name: str) -> dict:
    """The word lists of ``lang/<language>/<name>.json``."""
    return json.loads(resources.files(__package__).joinpath(language, f"{name}.json").read_text("utf-8"))
