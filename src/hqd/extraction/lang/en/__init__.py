"""The English pack's word classes: what the core's patterns are built from, each list written once as data
(``lang/en/*.json``; the older lists still in ``hqd/lexicon/*.json``)."""

from __future__ import annotations

import re
from functools import cache

from .. import load
from ...lexicon import load as load_lexicon


@cache
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation, lower-cased, with its number ("sept" 9)."""
    return {name.lower(): n for name, n in load("en", "months")["months"].items()}


@cache
def month_names() -> str:
    """A regex alternation of the month names as written, capitalised, longest first ("September|Sept|Sep|...")."""
    names = sorted(load("en", "months")["months"], key=len, reverse=True)
    return "(?:" + "|".join(map(re.escape, names)) + ")"


MONEY_UNITS = frozenset(load_lexicon("units")["money_units"])  # the contract's currency codes: CNY USD EUR HKD JPY GBP
