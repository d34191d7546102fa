"""Request arguments checked the same way on pages and in the API: names resolved in any case with the closest
suggested (404), periods and limits refused with the valid form (400)."""

from __future__ import annotations


from fastapi import HTTPException

from ..format import check_period
from ..names import UnknownName, closest, resolve_district, resolve_indicator
from ..observations import canonical_subject
from ..store import Store

MAX_LIMIT = 1000


def checked_period(period: str | None) -> str | None:
    try:
        return check_period(period)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None


def indicator_code(code: str) -> str:
    try:
        return resolve_indicator(code)
    except UnknownName as exc:
        raise HTTPException(404, str(exc)) from None


def district_name(conn: Store, name: str) -> str:
    try:
        return resolve_district(conn, name)
    except UnknownName as exc:
        raise HTTPException(404, str(exc)) from None


def listing_limit(limit: int, maximum: int = MAX_LIMIT) -> int:
    if not 1 <= limit <= maximum:
        raise HTTPException(422, f"limit {limit} is not valid: give a number from 1 to {maximum}, and offset to page on")
    return limit


def checked_status(status: str | None, statuses) -> str | None:
    """A target status as the listing names them; anything else refused with the valid ones (422), as the CLI does."""
    if status and status not in statuses:
        raise HTTPException(422, f"status {status!r} is not valid: give one of {', '.join(statuses)}")
    return status or None


def known_subject(subject: str, subjects: list[str]) -> None:
    """404 naming the closest subjects when no observation is about ``subject`` (in any case, or by another name of
    it: 嘉定区 is Jiading)."""
    known = {s.lower() for s in subjects}
    if subject.lower() not in known and (canonical_subject(subject, None) or "").lower() not in known:
        suggestions = closest(subject, subjects)
        raise HTTPException(404, str(UnknownName("subject", subject, suggestions, "/api/v1/observations lists them")))
