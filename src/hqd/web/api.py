"""The JSON API under /api/v1. Every list endpoint also answers ``?format=csv``."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import secrets
import threading
from datetime import date

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from ..analysis import STATUSES, comparison, profile, target_rows, timeline_view
from ..observations import district_names, load as load_observations, refresh as refresh_observations
from ..errors import SourceError
from ..format import format_value, integral, one_line, period_label
from ..output import RawJSON, as_dicts
from ..pipeline.ingest import open_writer, write_document
from ..store import DatabaseError, Store, get_document, list_facts, open_store
from ..analysis.coverage import district_summaries, indicator_coverage
from ..analysis.memo import per_version
from ..store.catalog import document_page
from ..store.fts import EmptyQueryError
from ..store.queries import count_facts, search_sentences as search_store_sentences
from . import models
from .lookup import checked_period, checked_status, district_name, indicator_code, known_subject, listing_limit

from .downloads import content_disposition, csv_text, next_page_url
from .guard import interruptible, time_left

router = APIRouter(prefix="/api/v1")


_local = threading.local()


async def read_conn(request: Request) -> Store:
    """A read-only connection kept per server thread: its page cache stays warm between requests,
    and in WAL mode it still sees every commit made since (by ingest or upload).

    Only ``async def`` handlers may take it: they run in this thread, whereas a plain ``def`` handler runs in another
    thread, which goes on with the connection after an abandoned request's thread has taken the next request."""
    connections = getattr(_local, "connections", None)
    if connections is None:
        connections = _local.connections = {}
    db = request.app.state.db
    conn = connections.get(db)
    if conn is None:
        conn = connections[db] = Store(interruptible(open_store(db)))  # stops at the request's time budget
    else:
        clear_error(conn)
    return conn


_CLEAR = "SELECT 1"


def clear_error(conn: Store) -> None:
    """Leave no error of the connection's last request for this one to report. SQLite keeps a connection's last error
    until its next call succeeds, and when Python cannot bind a parameter (a number past 2**63: OverflowError) of a
    statement it kept prepared, it reports that error if there is one: after a search whose FTS5 query failed
    ('unterminated string', a 400), ``facts?doc=9223372036854775808`` on the same connection was a 503 with the
    search's message. One kept statement stepped resets it (~1.5 microseconds)."""
    conn.conn.execute(_CLEAR).fetchone()


_ONE_LINE = ("text", "sentence", "title", "metric", "subject", "theme", "example")


def plain(value):
    """A JSON tree with integral numbers as integers, all the way down (a page's data for its JSON twin)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return integral(value)


def clean(d: dict) -> dict:
    """A row for JSON and CSV: integral numbers as integers, text fields on one line (whitespace normalised)."""
    return {k: one_line(v) if k in _ONE_LINE else integral(v) for k, v in d.items()}


def _for_csv(d: dict) -> dict:
    """A CSV row also says the figure as people read it (the one formatter) beside the raw value and period code."""
    if "value" in d and "unit" in d and isinstance(d["value"], (int, float)):
        d["display"] = format_value(d["value"], d["unit"], d.get("kind"), d.get("approx"))
    if d.get("period"):
        d["period_label"] = period_label(d["period"])
    return d


_ROW_FIELDS: dict[type, tuple[tuple[str, bool], ...]] = {}  # a row class -> (field, whether it is text put on one line)


def clean_rows(rows: list) -> list[dict]:
    """``[clean(d) for d in as_dicts(rows)]``, with each dataclass's fields looked up once per class, not per row:
    a page of facts is 50 rows of 14 fields, and the generic path cost more than the query."""
    out = []
    cls, spec = None, None
    for row in rows:
        if row.__class__ is not cls:
            cls = row.__class__
            spec = _ROW_FIELDS.get(cls)
            if spec is None and dataclasses.is_dataclass(row):
                spec = _ROW_FIELDS[cls] = tuple((f.name, f.name in _ONE_LINE) for f in dataclasses.fields(row))
        if spec is None:
            out.append(clean(dict(row)))
            continue
        d = {}
        for name, flat in spec:
            value = getattr(row, name)
            if flat:
                if value.__class__ is str:
                    value = " ".join(value.split())
            elif value.__class__ is float and value.is_integer() and -2**53 < value < 2**53:
                value = int(value)
            d[name] = value
        out.append(d)
    return out


def rows_response(rows: list, fmt: str, name: str, extra: dict | None = None, cleaned: bool = False):
    """``rows`` as JSON ({"rows": [...], **extra}) or CSV; ``cleaned``: they are ``clean_rows``' dicts already (shared: not changed)."""
    data = rows if cleaned else clean_rows(rows)
    if fmt == "csv":
        data = [_for_csv({k: v.value() if isinstance(v, RawJSON) else v for k, v in d.items()}) for d in data]
        columns = list(dict.fromkeys(k for d in data[:50] for k in d)) if data else ["empty"]
        return Response(csv_text(data, columns), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": content_disposition(name, ".csv")})
    return Response(encode_with_raw({"rows": data, **(extra or {})}), media_type="application/json")


def dumps_with_raw(payload) -> str:
    """``json.dumps(payload, ensure_ascii=False)``, with each RawJSON (JSON text written already) put in as it is: each is
    encoded as a placeholder string holding a random token, which is then replaced by the text."""
    return "".join(_pieces_with_raw(payload))


def encode_with_raw(payload) -> bytes:
    """``dumps_with_raw(payload).encode()``, each piece encoded apart: the raw texts (most of a comparison's bytes) are not
    first copied into one string to be encoded again."""
    return b"".join(piece.encode() for piece in _pieces_with_raw(payload))


def _pieces_with_raw(payload) -> list[str]:
    raws: list[str] = []
    token = secrets.token_hex(8)

    def placeholder(value):
        if isinstance(value, RawJSON):
            raws.append(value.text)
            return f"\x00{token}:{len(raws) - 1}\x00"
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    text = json.dumps(payload, ensure_ascii=False, default=placeholder)
    if not raws:
        return [text]
    # text, index, text, index, ..., text; split on the token as a string: a pattern made per request would be compiled
    # per request (the token is new each time), which cost more than the split
    first, *rest = text.split('"\\u0000' + token + ":")
    pieces = [first]
    for piece in rest:
        index, _, after = piece.partition('\\u0000"')
        pieces += [raws[int(index)], after]
    return pieces


def _dump(payload) -> Response:
    return Response(json.dumps(payload, ensure_ascii=False), media_type="application/json")


Format = Query("json", pattern="^(json|csv)$", description="json or csv")


KIND = Query(None, pattern="^(level|change|share|target)$", description="level, change, share or target")
PERIOD = Query(None, description="2023, 2023-H1, 2023-Q2, 2023-07 or a span 2021/2023 (a year or half also matches the periods inside it)")


@router.get("/documents", summary="Documents, newest first, filtered by facets, with facet counts and a total",
            response_model=models.DocumentsPage, responses=models.responses(csv=True))
async def documents(request: Request, district: str | None = None, year: str | None = Query(None, pattern=r"^\d{4}$"),
                    language: str | None = None, series: str | None = None,
                    type: str | None = Query(None, pattern="^(html|text)$", description="kind of text: html or text"),
                    limit: int = Query(100, description="1 to 1000"), offset: int = Query(0, ge=0), format: str = Format,
                    conn: Store = Depends(read_conn)):
    limit = listing_limit(limit)
    page = document_page(conn, {"district": district, "year": year, "language": language, "series": series, "type": type},
                         limit=limit, offset=offset)
    next_url = next_page_url(request, offset + limit) if offset + limit < page.total else None
    return rows_response(page.rows, format, "documents", {"total": page.total, "limit": limit, "offset": offset, "next": next_url,
                                                          "filters": page.filters, "facets": page.facets})


@router.get("/documents/{ref}", summary="One document with its text and facts", response_model=models.DocumentOut,
            responses=models.responses())
async def document(ref: str, conn: Store = Depends(read_conn)):
    doc = get_document(conn, ref)
    for q in doc["quantities"]:
        q["value"] = integral(q["value"])
    for t in doc["targets"]:
        t["value"] = integral(t["value"])
    return _dump(doc)


def _checked_date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name} {value!r} is not a date: give YYYY-MM-DD, e.g. 2023-08-22") from None


@router.get("/facts", summary="Quantities, filtered and paginated, with the total that match",
            response_model=models.FactsPage, responses=models.responses(csv=True))
async def facts(request: Request, district: str | None = None, indicator: str | None = Query(None, description="an indicator code (any case)"),
          metric: str | None = None, unit: str | None = None, kind: str | None = KIND, period: str | None = PERIOD,
          doc: int | None = None, since: str | None = Query(None, description="YYYY-MM-DD"), until: str | None = Query(None, description="YYYY-MM-DD"),
          limit: int = Query(50, description="1 to 1000"), offset: int = Query(0, ge=0), format: str = Format,
          conn: Store = Depends(read_conn)):
    limit = listing_limit(limit)
    filters = {"district": district_name(conn, district) if district else None, "metric": metric, "unit": unit, "kind": kind, "period": checked_period(period), "doc": doc,
               "since": _checked_date(since, "since"), "until": _checked_date(until, "until"),
               "indicator": indicator_code(indicator) if indicator else None}
    rows = list_facts(conn, **filters, limit=limit, offset=offset)
    if len(rows) == limit or offset:  # counted once per database version: every page of a listing asks the same
        total = per_version(conn, ("facts-count", *filters.items()), lambda: count_facts(conn, **filters), pool="queries")
    else:
        total = len(rows)
    next_url = next_page_url(request, offset + limit) if offset + limit < total else None
    return rows_response(rows, format, "facts", {"total": total, "limit": limit, "offset": offset, "next": next_url})


@router.get("/search", summary="Search sentences: words, \"phrases\", OR, prefix*, Chinese; matched words and figures marked",
            response_model=models.SearchPage, responses=models.responses(csv=True, errors=(400, 404, 422)))
async def search_sentences(q: str = Query("", description='what to look for, e.g. high-tech, "air quality", 9.1%, tax OR fee, 集成电路'),
                           district: str | None = None, limit: int = Query(20, ge=1, le=200), format: str = Format,
                           conn: Store = Depends(read_conn)):
    try:
        result = search_store_sentences(conn, q, limit=limit, district=district_name(conn, district) if district else None)
    except EmptyQueryError as exc:
        raise HTTPException(400, str(exc)) from None
    return rows_response(result.hits, format, "search",
                         {"query": q, "understood": result.understood, "index": result.index, "notes": result.notes})


@router.get("/indicators", summary="The indicator catalogue by dimension, with figures per district",
            response_model=models.IndicatorsList, responses=models.responses(csv=True, errors=()))
async def indicators(format: str = Format, conn: Store = Depends(read_conn)):
    rows = indicator_coverage(conn)
    return rows_response(rows, format, "indicators", {"total": len(rows)})


@router.get("/districts", summary="Districts with their briefings, figures, targets and indicators covered",
            response_model=models.DistrictsList, responses=models.responses(csv=True, errors=()))
async def districts(format: str = Format, conn: Store = Depends(read_conn)):
    rows = district_summaries(conn)
    return rows_response(rows, format, "districts", {"total": len(rows)})


Measure = Query(None, pattern="^(level|change|share)$", description="level, change or share")
Basis = Query(None, description="for a change: yoy, annual_avg, cumulative, sequential or none; for a share: city, nation, total")
Granularity = Query(None, description="period length: year, half, quarter, month, 'N months', 'N years', or undated")


@router.get("/compare/{indicator}", summary="Districts on one series of an indicator (code in any case): the series chosen and the others",
            response_model=models.CompareOut, responses=models.responses(csv=True))
async def compare_districts(indicator: str, period: str | None = PERIOD, kind: str | None = KIND, measure: str | None = Measure,
                            basis: str | None = Basis, unit: str | None = None, granularity: str | None = Granularity,
                            format: str = Format, conn: Store = Depends(read_conn)):
    code = indicator_code(indicator)
    asked = {"period": checked_period(period), "measure": measure or (kind if kind != "target" else None), "basis": basis, "unit": unit,
             "granularity": granularity}

    def compute() -> tuple[list[dict], dict]:
        result = comparison(conn, code, **asked, raw_sources=True)  # each row's sources as stored: written once, not per request
        return clean_rows(result.rows), {**result.extra(), "total": len(result.rows)}

    # one indicator's whole-store comparison, worked out once per database version (rendered on every request)
    rows, extra = per_version(conn, ("compare", code, *asked.items()), compute, pool="comparisons")
    return rows_response(rows, format, f"compare-{code}", extra, cleaned=True)


@router.get("/timeline/{district}", summary="A district's dated observations, oldest first (district in any case); undated ones apart",
            response_model=models.TimelineOut, responses=models.responses(csv=True))
async def district_timeline(district: str, indicator: str | None = None, measure: str | None = Measure, basis: str | None = Basis,
                            unit: str | None = None, undated: bool = Query(False, description="the undated observations as the rows"),
                            format: str = Format, conn: Store = Depends(read_conn)):
    name = district_name(conn, district)
    dated, without_period = timeline_view(conn, name, indicator_code(indicator) if indicator else None, measure, basis, unit)
    if undated:
        return rows_response(without_period, format, f"undated-{name}", {"district": name, "total": len(without_period), "undated": []})
    return rows_response(dated, format, f"timeline-{name}", {"district": name, "total": len(dated), "undated": as_dicts(without_period)})


@router.get("/observations", summary="Observations: one figure of one indicator for one subject, with every source",
            response_model=models.ObservationsOut, responses=models.responses(csv=True))
async def observations(indicator: str | None = None, subject: str | None = None, measure: str | None = Measure,
                       limit: int = Query(200, ge=1, le=5000), format: str = Format, conn: Store = Depends(read_conn)):
    found = load_observations(conn, indicator_code(indicator) if indicator else None, subject)
    if subject and not found:  # a district of the lexicon, or the subject of some observation, may have none of these
        known_subject(subject, sorted({o.subject for o in load_observations(conn, sources=False)} | district_names() | {"Shanghai"}))
    rows = [o.to_json() for o in found if measure is None or o.measure == measure][:limit]
    return rows_response(rows, format, "observations", {"total": len(rows)})


@router.get("/profile/{district}", summary="A district's scorecard by dimension", response_model=models.ProfileOut,
            responses=models.responses(csv=True))
async def district_profile(district: str, format: str = Format, conn: Store = Depends(read_conn)):
    name = district_name(conn, district)
    rows = profile(conn, name)
    return rows_response(rows, format, f"profile-{name}", {"district": name, "total": len(rows)})


@router.get("/targets", summary="Targets judged: met, missed, on track, not yet due or no evidence, with evidence",
            response_model=models.TargetsOut, responses=models.responses(csv=True))
async def targets(district: str | None = None, as_of: date | None = None, status: str | None = Query(None, description=", ".join(STATUSES)),
                  format: str = Format, conn: Store = Depends(read_conn)):
    status = checked_status(status, STATUSES)
    rows = target_rows(conn, district_name(conn, district) if district else None, as_of)
    if status:
        rows = [r for r in rows if r.status == status]
    return rows_response(rows, format, "targets", {"total": len(rows), "statuses": list(STATUSES)})


@router.post("/documents", status_code=201, summary="Upload a briefing (only with hqd serve --allow-upload)",
             response_model=models.UploadOut, responses=models.responses(errors=(401, 405, 413, 422)))
async def upload(request: Request):
    state = request.app.state
    if not state.allow_upload:
        raise HTTPException(405, "uploads are disabled; start the server with `hqd serve --allow-upload`")
    token = request.headers.get("x-hqd-token") or request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    if not token or not hmac.compare_digest(token.encode(), state.upload_token.encode()):  # bytes: any header value compares
        raise HTTPException(401, "missing or wrong upload token (send it in the X-HQD-Token header)")
    length = request.headers.get("content-length") or "0"
    declared = int(length) if length.isascii() and length.isdigit() else 0
    if declared > state.max_upload_bytes:
        raise HTTPException(413, f"upload is {declared} bytes; the limit is {state.max_upload_bytes}")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > state.max_upload_bytes:
            raise HTTPException(413, f"upload exceeds the {state.max_upload_bytes}-byte limit")
    name = request.headers.get("x-filename") or "upload.txt"
    content_type = request.headers.get("content-type", "")
    is_html = "html" in content_type or name.lower().endswith((".html", ".htm"))
    try:
        raw = bytes(body)
        # decoding and extraction in a child process, killed at the upload's time budget
        doc = state.extractors.extract(f"upload:{hashlib.sha256(raw).hexdigest()[:16]}:{name}", raw, is_html)
    except SourceError as exc:
        raise HTTPException(422, str(exc)) from None
    # Wait for another writer only while the budget lasts, and stop a statement at the deadline: a write that went on
    # after the client was answered 503 would store what the client was told had failed.
    left = time_left()
    conn = interruptible(open_writer(state.db) if left is None else open_writer(state.db, busy_timeout=max(0.0, left)))
    try:
        outcome = write_document(conn, doc)
        try:
            refresh_observations(conn)  # this briefing's observations, now: the next read finds them stored
        except DatabaseError:  # stopped at the deadline or locked: the document is stored, and the next read refreshes them
            pass
        stored = get_document(conn, doc.sha256)
    finally:
        conn.close()
    return JSONResponse({"outcome": outcome, "document": stored}, status_code=201 if outcome == "added" else 200)
