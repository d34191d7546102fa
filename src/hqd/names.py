"""Indicator codes and district names as people type them: any case, with the closest names suggested."""

from __future__ import annotations

import difflib

from .errors import HqdError
from .facts.indicators import catalogue
from .store import Store
from .store.memo import per_version


class UnknownName(HqdError):
    """An indicator or district that is not there; the message names the closest ones."""

    status = 404

    def __init__(self, what: str, name: str, suggestions: list[str], listing: str) -> None:
        self.what, self.name, self.suggestions = what, name, suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        tail = f" ({listing} lists them all)" if listing.startswith("`") else f" ({listing})"
        super().__init__(f"unknown {what} {name!r}{hint}{tail}")


def closest(name: str, choices: list[str], n: int = 3) -> list[str]:
    """Up to ``n`` choices nearest to ``name`` (case-insensitive), best first; also those that contain it."""
    lowered = {c.lower(): c for c in choices}
    key = name.lower().strip()
    found = [lowered[m] for m in difflib.get_close_matches(key, list(lowered), n=n, cutoff=0.6)]
    found += [c for low, c in lowered.items() if key and key in low and c not in found]
    return found[:n]


def resolve_indicator(code: str) -> str:
    """The catalogue's code for ``code`` in any case (or the indicator's name); UnknownName otherwise."""
    key = code.strip().lower()
    for indicator in catalogue():
        if indicator.code.lower() == key or indicator.name.lower() == key:
            return indicator.code
    names = {i.code: i for i in catalogue()}
    suggestions = closest(key, list(names))
    if len(suggestions) < 3:  # also look among the names: "budget revenue" -> budget_revenue
        by_name = {i.name: i.code for i in catalogue()}
        suggestions += [by_name[n] for n in closest(key, list(by_name)) if by_name[n] not in suggestions]
    raise UnknownName("indicator", code, suggestions[:3], "`hqd indicators` or /indicators")


def districts(db: Store) -> list[str]:
    """Districts with briefings, by name: read once per database version (the DISTINCT over every document cost more
    than the rest of a facts request), shared, so callers change nothing in it."""
    return per_version(db, ("district-names",), Store.of(db).districts)


def resolve_district(db: Store, name: str) -> str:
    """The stored spelling of a district named in any case ("jiading", "Jiading District"); UnknownName otherwise."""
    known = districts(db)
    key = " ".join(name.split()).lower()
    for candidate in (key, key.removesuffix(" district"), key.removesuffix("区")):
        for district in known:
            if district.lower() == candidate:
                return district
    suggestions = closest(key, known)
    listing = "`hqd districts` or /districts"
    if not suggestions and known:
        listing = "the districts with briefings are " + ", ".join(known[:16]) + ("…" if len(known) > 16 else "") + "; " + listing
    raise UnknownName("district", name, suggestions, listing)
