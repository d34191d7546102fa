"""Rank claims: "ranking second within the city", "the top position", "fourth in growth rate citywide"."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..model import Quantity, Rank, RankScope
from .lang.en import alternation, word_lists
from .lexicon import phrase_pattern
from .segments import Segmentation, drop_overlaps, literal_led, matches_from, shortest_prefixes

_ORDINALS: dict[str, int] = word_lists("scales")["ordinals"]
_ORD = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_CUES = word_lists("cues")
_RANK_VERBS = _CUES["rank_verbs"]  # "ranking second", "placed third", "came first"
_CLAIM = re.compile(
    rf"\b(?:{phrase_pattern(_RANK_VERBS)})\s+(?:(?:No\.|number)\s*)?(?P<ord>{_ORD}|\d{{1,3}}(?:st|nd|rd|th)|\d{{1,3}}\b)"
    r"(?P<rest>[^.;:]{0,80})",
    re.IGNORECASE,
)
_TOP = re.compile(
    r"\b(?:the\s+)?(?:top\s+" + alternation("rank_place_nouns") + r"|first\s+place|top\s+of\s+the\s+(?P<scope>" + alternation("ranking_scopes")
    + r")(?:'s|’s)?\s+rankings?)(?P<rest>[^.;:]{0,80})",
    re.IGNORECASE,
)
# A lookahead on the first character lets these whole-text scans skip most positions with one test.
_CLAIM_ANCHOR = re.compile("(?=[" + "".join(sorted({c for v in _RANK_VERBS for c in (v[0].upper(), v[0].lower())})) + r"])\b(?:"
                           + "|".join(f"[{v[0].upper()}{v[0].lower()}]{re.escape(v[1:])}" for v in sorted(_RANK_VERBS, key=len, reverse=True)) + ")")
# every match of _CLAIM_ANCHOR starts with one of these (a verb, its first letter in either case; "rank" for "ranked" too)
_CLAIM_STARTS = shortest_prefixes(c + v[1:] for v in _RANK_VERBS for c in (v[0].upper(), v[0].lower()))
# (as r"\b(?:[Tt]he\s+)?(?:[Tt]op|[Ff]irst)\s+(?:position|spot|place|of)\b", its openings grouped by letter, ``literal_led``)
_TOP_ANCHOR = re.compile(literal_led([r"The\s+(?:[Tt]op|[Ff]irst)", r"the\s+(?:[Tt]op|[Ff]irst)", "Top", "top", "First", "first"], word_start=True)
                         + r"\s+(?:" + alternation("rank_place_nouns") + r"|of)\b")
_CITY = re.compile(rf"\b(?:{phrase_pattern(_CUES['city_scope'])})\b", re.IGNORECASE)  # the field a rank is in: the city
_NATION = re.compile(rf"\b(?:{phrase_pattern(_CUES['nation_scope'])})\b", re.IGNORECASE)  # ... or the nation
_IN_WHAT = re.compile(r"^\s+(?:in|for|by)\s+(?:terms\s+of\s+)?(?:its\s+|the\s+)?([a-z][\w\s-]{2,50}?)(?=\s+" + alternation("field_bounds") + r"\b|[,.;]|$)", re.IGNORECASE)


_DEMONSTRATIVE = re.compile(alternation("demonstratives") + r"\b", re.IGNORECASE)  # "third in this category"


def find_ranks(text: str, seg: Segmentation, quantities: list[Quantity], district: str | None) -> list[Rank]:
    ranks: list[Rank] = []
    starts = [q.start for q in quantities]  # in text order, as the figures are
    # Claims start at their verb, "top ..." phrases at "top"/"first": try the full patterns only there.
    claims = (_CLAIM.match(text, a.start()) for a in matches_from(_CLAIM_ANCHOR, text, _CLAIM_STARTS))
    tops = (_TOP.match(text, a.start()) for a in _TOP_ANCHOR.finditer(text))
    for pattern, matches in ((_CLAIM, claims), (_TOP, tops)):
        for m in (m for m in matches if m is not None):
            rest = m.group("rest") or ""
            scope = _scope((m.groupdict().get("scope") or "") + " " + rest)
            if scope is None:
                continue  # a rank needs a field to rank in; "was 5" is not a rank claim
            value = _rank_value(m.group("ord")) if pattern is _CLAIM else 1
            field_named = _FIELD_NAMED.search(rest)
            end = m.start("rest") + (field_named.end() if field_named else 0)
            end = max(end, m.end("ord") if pattern is _CLAIM else m.start("rest"))
            metric = _ranked_metric(rest, _nearest_metric(seg, quantities, starts, m.start()))
            ranks.append(Rank(m.start(), end, text[m.start():end], value, metric, scope, district))
    return drop_overlaps(ranks)


_FIELD_NAMED = re.compile(r"\b" + alternation("field_names") + r"\b", re.IGNORECASE)


def _scope(words: str) -> RankScope | None:
    """The field a rank is in: the city or the nation, by the words that name it."""
    return "city" if _CITY.search(words) else "nation" if _NATION.search(words) else None


def _rank_value(token: str) -> int:
    """A rank's place: "3rd", "12", "third"."""
    token = token.lower()
    return int(re.match(r"\d+", token).group(0)) if token[0].isdigit() else _ORDINALS[token]


def _ranked_metric(rest: str, nearest: str | None) -> str | None:
    """What is ranked: the field after "in" ("fourth in growth rate citywide"), else the figure just named ("third in this
    category"); "growth" alone is the growth of that figure."""
    what = _IN_WHAT.match(rest)
    field = what.group(1).strip() if what and not _CITY.fullmatch(what.group(1).strip()) else None
    if field is None or _DEMONSTRATIVE.match(field):
        return nearest  # "third in this category": the category is the figure just named
    if re.fullmatch(r"growth(?:\s+rates?)?", field, re.IGNORECASE) and nearest:
        return f"{nearest} growth rate"
    return field


def _nearest_metric(seg: Segmentation, quantities: list[Quantity], starts: list[int], pos: int) -> str | None:
    """The metric of the last figure before ``pos`` in its sentence (found by bisection over the figures' starts)."""
    sentence = seg.sentences[seg.index_at(pos)]
    k = bisect_left(starts, pos)
    return quantities[k - 1].metric if k and starts[k - 1] >= sentence.start else None
