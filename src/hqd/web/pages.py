"""Server-rendered HTML pages. Each names its JSON twin in <link rel="alternate">."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from ..analysis import compare
from ..analysis.views import district_view, overview
from ..facts.indicators import by_code, catalogue
from ..store import get_document, search
from ..store.queries import QueryError
from .api import read_conn
from .charts import bar_chart, line_chart
from .humanize import format_value, unit_label

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.globals.update(fmt=format_value, unit_label=unit_label, urlencode=urlencode)
router = APIRouter()


@router.get("/", include_in_schema=False)
async def home(request: Request, conn: sqlite3.Connection = Depends(read_conn)):
    return templates.TemplateResponse(request, "home.html", {"o": overview(conn), "twin": "/api/v1/overview"})


@router.get("/districts/{name}", include_in_schema=False)
async def district(request: Request, name: str, conn: sqlite3.Connection = Depends(read_conn)):
    view = district_view(conn, name)
    if view is None:
        raise HTTPException(404, f"no briefings for district {name!r}")
    charts = [line_chart(s["points"], s["unit"], f"{s['name']} ({unit_label(s['unit']) or s['unit']})") for s in view.series]
    if view.growth:
        charts.insert(0, bar_chart([(name if len(name) <= 16 else name[:15] + "…", value, tip) for name, value, tip in view.growth[:10]],
                                   "percent", "Latest growth by indicator (%)"))
    return templates.TemplateResponse(request, "district.html", {"v": view, "charts": charts, "twin": f"/api/v1/districts/{view.district}"})


@router.get("/indicators/{code}", include_in_schema=False)
async def indicator(request: Request, code: str, period: str | None = None, choice: str | None = Query(None, alias="code"),
              conn: sqlite3.Connection = Depends(read_conn)):
    if choice and choice != code:  # the filter form submits ?code=...; keep one stable URL per indicator
        query = urlencode({k: v for k, v in {"period": period}.items() if v})
        return RedirectResponse(f"/indicators/{quote(choice)}" + (f"?{query}" if query else ""), status_code=303)
    ind = by_code(code)
    if ind is None:
        raise HTTPException(404, f"unknown indicator {code!r}")
    sections = []
    for kind, unit in (("level", ind.unit), ("change", "percent")):
        rows = [r for r in compare(conn, code, period=period, kind=kind) if r.unit == unit]
        bars = [(r.district, r.value, f"{r.district}: {r.text} ({r.period or r.date}), document {r.document_id}") for r in rows]
        title = f"{ind.name}: {'level' if kind == 'level' else 'growth'} by district"
        sections.append({"kind": kind, "unit": unit, "rows": rows, "chart": bar_chart(bars, unit, title)})
    query = urlencode({k: v for k, v in {"period": period}.items() if v})
    return templates.TemplateResponse(request, "indicator.html", {
        "ind": ind, "sections": sections, "period": period, "catalogue": catalogue(),
        "twin": f"/api/v1/compare/{code}" + (f"?{query}" if query else ""), "query": query})


@router.get("/documents/{ref}", include_in_schema=False)
async def document(request: Request, ref: str, conn: sqlite3.Connection = Depends(read_conn)):
    try:
        doc = get_document(conn, ref)
    except QueryError as exc:
        raise HTTPException(404, str(exc)) from None
    return templates.TemplateResponse(request, "document.html", {"d": doc, "body": highlight(doc), "twin": f"/api/v1/documents/{doc['id']}"})


@router.get("/search", include_in_schema=False)
async def search_page(request: Request, q: str = "", district: str | None = None, conn: sqlite3.Connection = Depends(read_conn)):
    hits, error = [], None
    if q:
        try:
            hits = search(conn, q, limit=50, district=district or None)
        except QueryError as exc:
            error = str(exc)
    results = [{"hit": h, "html": mark_figures(h.text, h.figures)} for h in hits]
    query = urlencode({k: v for k, v in {"q": q, "district": district}.items() if v})
    return templates.TemplateResponse(request, "search.html", {"q": q, "district": district, "results": results, "error": error,
                                                                 "twin": f"/api/v1/search?{query}" if q else None, "query": query})


def mark_figures(text: str, figures: list[dict]) -> Markup:
    out, pos = [], 0
    for f in figures:
        out.append(escape(text[pos:f["start"]]))
        out.append(Markup('<mark class="q">') + escape(text[f["start"]:f["end"]]) + Markup("</mark>"))
        pos = f["end"]
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def highlight(doc: dict) -> Markup:
    """The document text with quantities, targets and entities marked; every text piece escaped."""
    text = doc["text"]
    spans = []
    for i, q in enumerate(doc["quantities"]):
        tip = f"{format_value(q['value'], q['unit'], q['kind'], q['approx'])} · {q['kind']} · {q['metric'] or '—'} · {q['period'] or 'no period'}"
        spans.append((q["start"], q["end"], 0, Markup('<mark class="q kind-{}" id="q-{}" tabindex="0" data-tip="{}">').format(q["kind"], i, tip), Markup("</mark>")))
    for t in doc["targets"]:
        if t["quantity_id"] is None:
            tip = f"target · deadline {t['deadline'] or '—'} · {t['metric'] or ''}"
            spans.append((t["start"], t["end"], 1, Markup('<span class="tgt" tabindex="0" data-tip="{}">').format(tip), Markup("</span>")))
    for e in doc["entities"]:
        spans.append((e["start"], e["end"], 2, Markup('<span class="ent ent-{}" data-tip="{}">').format(e["type"], e["type"]), Markup("</span>")))
    spans.sort(key=lambda s: (s[2], s[0]))
    chosen: list[tuple] = []
    taken: list[tuple[int, int]] = []
    for span in spans:
        if any(span[0] < b and a < span[1] for a, b in taken):
            continue
        chosen.append(span)
        taken.append((span[0], span[1]))
    chosen.sort(key=lambda s: s[0])
    out, pos = [], 0
    for start, end, _, opening, closing in chosen:
        out.append(escape(text[pos:start]))
        out.append(opening + escape(text[start:end]) + closing)
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)
