"""The JSON API under /api/v1. Every list endpoint also answers ``?format=csv``."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import sqlite3
import threading
from datetime import date

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from ..analysis import compare, indicator_rows, profile, target_rows, timeline
from ..errors import SourceError
from ..extraction import extract_source
from ..output import as_dicts
from ..sources import source_from_bytes
from ..store import get_document, list_documents, list_facts, open_store, write_document
from ..store.fts import EmptyQueryError
from ..store.queries import search_sentences as search_store_sentences

router = APIRouter(prefix="/api/v1")


_local = threading.local()


async def read_conn(request: Request) -> sqlite3.Connection:
    """A read-only connection kept per server thread: its page cache stays warm between requests,
    and in WAL mode it still sees every commit made since (by ingest or upload)."""
    connections = getattr(_local, "connections", None)
    if connections is None:
        connections = _local.connections = {}
    db = request.app.state.db
    conn = connections.get(db)
    if conn is None:
        conn = connections[db] = open_store(db)
    return conn


def rows_response(rows: list, fmt: str, name: str, extra: dict | None = None):
    data = as_dicts(rows)
    if fmt == "csv":
        buffer = io.StringIO()
        columns = list(data[0].keys()) if data else ["empty"]
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for d in data:
            writer.writerow({k: (v if not isinstance(v, (list, dict)) else str(v)) for k, v in d.items()})
        return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    return Response(json.dumps({"rows": data, **(extra or {})}, ensure_ascii=False), media_type="application/json")


Format = Query("json", pattern="^(json|csv)$", description="json or csv")


@router.get("/documents", summary="List documents")
async def documents(district: str | None = None, limit: int = Query(100, ge=1, le=1000), format: str = Format,
              conn: sqlite3.Connection = Depends(read_conn)):
    return rows_response(list_documents(conn, district=district, limit=limit), format, "documents")


@router.get("/documents/{ref}", summary="One document with its text and facts")
async def document(ref: str, conn: sqlite3.Connection = Depends(read_conn)):
    return get_document(conn, ref)


@router.get("/facts", summary="Quantities, filtered and paginated")
async def facts(request: Request, district: str | None = None, metric: str | None = None, unit: str | None = None,
          kind: str | None = Query(None, pattern="^(level|change|share|target)$"), period: str | None = None,
          doc: int | None = None, since: str | None = None, until: str | None = None,
          limit: int = Query(50, ge=1, le=1000), offset: int = Query(0, ge=0), format: str = Format,
          conn: sqlite3.Connection = Depends(read_conn)):
    rows = list_facts(conn, district=district, metric=metric, unit=unit, kind=kind, period=period, doc=doc,
                      since=since, until=until, limit=limit, offset=offset)
    next_url = str(request.url.include_query_params(offset=offset + limit)) if len(rows) == limit else None
    return rows_response(rows, format, "facts", {"limit": limit, "offset": offset, "next": next_url})


@router.get("/search", summary="Search sentences: words, \"phrases\", OR, prefix*, Chinese; matched words and figures marked")
async def search_sentences(q: str = Query("", description='what to look for, e.g. high-tech, "air quality", 9.1%, tax OR fee, 集成电路'),
                           district: str | None = None, limit: int = Query(20, ge=1, le=200), format: str = Format,
                           conn: sqlite3.Connection = Depends(read_conn)):
    try:
        result = search_store_sentences(conn, q, limit=limit, district=district or None)
    except EmptyQueryError as exc:
        raise HTTPException(400, str(exc)) from None
    return rows_response(result.hits, format, "search",
                         {"query": q, "understood": result.understood, "index": result.index, "notes": result.notes})


@router.get("/indicators", summary="The indicator catalogue with fact counts")
async def indicators(format: str = Format, conn: sqlite3.Connection = Depends(read_conn)):
    return rows_response(indicator_rows(conn), format, "indicators")


@router.get("/compare/{indicator}", summary="One row per district for an indicator")
async def compare_districts(indicator: str, period: str | None = None, kind: str | None = Query(None, pattern="^(level|change|share|target)$"),
                      format: str = Format, conn: sqlite3.Connection = Depends(read_conn)):
    return rows_response(compare(conn, indicator, period=period, kind=kind), format, f"compare-{indicator}", {"indicator": indicator})


@router.get("/timeline/{district}", summary="A district's figures, oldest first")
async def district_timeline(district: str, indicator: str | None = None, format: str = Format, conn: sqlite3.Connection = Depends(read_conn)):
    return rows_response(timeline(conn, district, indicator), format, f"timeline-{district}", {"district": district})


@router.get("/profile/{district}", summary="A district's scorecard by dimension")
async def district_profile(district: str, format: str = Format, conn: sqlite3.Connection = Depends(read_conn)):
    return rows_response(profile(conn, district), format, f"profile-{district}", {"district": district})


@router.get("/targets", summary="Targets with status and evidence")
async def targets(district: str | None = None, as_of: date | None = None, format: str = Format, conn: sqlite3.Connection = Depends(read_conn)):
    return rows_response(target_rows(conn, district, as_of), format, "targets")


@router.post("/documents", status_code=201, summary="Upload a briefing (only with hqd serve --allow-upload)")
async def upload(request: Request):
    state = request.app.state
    if not state.allow_upload:
        raise HTTPException(405, "uploads are disabled; start the server with `hqd serve --allow-upload`")
    token = request.headers.get("x-hqd-token") or request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    if not token or not hmac.compare_digest(token, state.upload_token):
        raise HTTPException(401, "missing or wrong upload token (send it in the X-HQD-Token header)")
    declared = int(request.headers.get("content-length") or 0)
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
        src = source_from_bytes(f"upload:{hashlib.sha256(raw).hexdigest()[:16]}:{name}", raw, is_html=is_html)
        doc = extract_source(src)
    except SourceError as exc:
        raise HTTPException(422, str(exc)) from None
    conn = open_store(state.db, write=True)
    try:
        outcome = write_document(conn, doc)
        stored = get_document(conn, doc.sha256)
    finally:
        conn.close()
    return JSONResponse({"outcome": outcome, "document": stored}, status_code=201 if outcome == "added" else 200)
