"""Server-rendered HTML pages. Each names its JSON twin in <link rel="alternate">."""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from ..analysis import compare
from ..analysis.views import district_view, overview
from ..facts.indicators import by_code, catalogue
from ..store import fts, get_document
from ..store.fts import EmptyQueryError
from ..store.queries import QueryError, search_sentences
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
    sentences = conn.execute('SELECT idx, start, "end" FROM sentences WHERE document_id = ? ORDER BY idx', (doc["id"],)).fetchall()
    return templates.TemplateResponse(request, "document.html", {"d": doc, "body": highlight(doc, sentences), "twin": f"/api/v1/documents/{doc['id']}",
                                                                   "lang": page_lang(doc.get("language"))})


def page_lang(language: str | None) -> str | None:
    """The HTML ``lang`` of a document's own text (the interface around it stays English), or None for English."""
    return language if language and language != "en" else None


@router.get("/search", include_in_schema=False)
async def search_page(request: Request, q: str = "", district: str | None = None, conn: sqlite3.Connection = Depends(read_conn)):
    result, error = None, None
    if q.strip():
        try:
            result = search_sentences(conn, q, limit=50, district=district or None)
        except EmptyQueryError as exc:
            error = str(exc)
    results = [{"hit": h, "html": mark_sentence(h), "lang": page_lang(h.language)} for h in (result.hits if result else [])]
    query = urlencode({k: v for k, v in {"q": q, "district": district}.items() if v})
    return templates.TemplateResponse(request, "search.html", {"q": q, "district": district, "result": result, "results": results,
                                                                 "error": error, "twin": f"/api/v1/search?{query}" if result else None,
                                                                 "query": query, "examples": SEARCH_EXAMPLES})


# Shown on the empty search page: each a query that finds something in the seed briefings or dev-zh.
SEARCH_EXAMPLES = [(q, "zh" if fts.HAN.search(q) else None) for q in ("high-tech", '"air quality"', "9.1%", "innovat*", "tax OR fee", "地区生产总值")]


def mark_sentence(hit) -> Markup:
    """A hit's sentence, escaped, with its figures and the words that matched marked (they may overlap)."""
    layers = {"figure": [(f["start"], f["end"]) for f in hit.figures], "match": hit.matches}
    out = []
    for piece, names in fts.segments(hit.text, layers):
        html = escape(piece)
        if "match" in names:
            html = Markup('<mark class="hit">') + html + Markup("</mark>")
        if "figure" in names:
            html = Markup('<mark class="q">') + html + Markup("</mark>")
        out.append(html)
    return Markup("").join(out)


def highlight(doc: dict, sentences=()) -> Markup:
    """The document text with quantities, targets and entities marked; every text piece escaped.

    Each sentence (``(idx, start, end)`` rows) is a ``<span class="s" id="s-IDX">``, which
    search results link to: the browser scrolls to it and CSS marks it (``:target``). A
    mark that crosses a sentence's edge keeps its place, and that sentence gets an empty
    anchor at its start instead of the wrapper, so the markup always nests.
    """
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
    # (position, order at that position, markup): marks close, sentences close, sentences open, marks open
    events = []
    for start, end, _, opening, closing in chosen:
        events += [(start, 3, opening), (end, 0, closing)]
    cut = sorted(taken)
    starts = [a for a, _ in cut]
    for idx, start, end in sentences:
        if _crosses(cut, starts, start) or _crosses(cut, starts, end):
            events.append((start, 2, Markup('<span class="s-anchor" id="s-{}"></span>').format(idx)))
        else:
            events += [(start, 2, Markup('<span class="s" id="s-{}">').format(idx)), (end, 1, Markup("</span>"))]
    events.sort(key=lambda e: (e[0], e[1]))
    out, pos = [], 0
    for at, _, markup in events:
        out.append(escape(text[pos:at]))
        out.append(markup)
        pos = at
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def _crosses(spans: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    """Whether ``at`` falls strictly inside one of the sorted, disjoint ``spans``."""
    i = bisect_right(starts, at) - 1
    return i >= 0 and spans[i][0] < at < spans[i][1]
