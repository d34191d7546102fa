"""Server-rendered HTML pages. Each names its JSON twin in <link rel="alternate"> and links its CSV."""

from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from ..analysis import STATUSES, comparison, district_series, target_rows
from ..analysis.memo import per_version
from ..analysis.views import district_view, overview
from ..facts.indicators import by_code, catalogue
from ..format import format_number, format_value, period_label, unit_label
from ..store import Store, fts, get_document
from ..analysis.coverage import district_summaries, indicator_coverage, indicators_compared
from ..store.catalog import FACET_LABELS, document_page
from ..store.fts import EmptyQueryError
from ..store.queries import QueryError, search_sentences
from .api import read_conn
from .charts import MULTIPLE, Bar, Point, Series, bar_chart, district_colour, point_tip, time_series
from .lookup import checked_period, checked_status, indicator_code, district_name, listing_limit
from .reflow import escape_text, reflow

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.globals.update(fmt=format_value, num=format_number, unit_label=unit_label, period_label=period_label,
                             urlencode=urlencode, colour=district_colour, facet_labels=FACET_LABELS)
router = APIRouter()
_SUGGESTED = re.compile(r"unknown (indicator|district) '[^']*'; did you mean (.+?)\? \(")


def suggestion_links(message: str) -> list[tuple[str, str]]:
    """The closest names an error message suggests, as (name, page) links."""
    found = _SUGGESTED.search(message or "")
    if not found:
        return []
    base = "/indicators/" if found.group(1) == "indicator" else "/districts/"
    return [(name, base + quote(name)) for name in found.group(2).split(", ")]


templates.env.globals.update(suggestion_links=suggestion_links)


def _query(**params) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


@router.get("/", include_in_schema=False)
async def home(request: Request, conn: Store = Depends(read_conn)):
    view = overview(conn)
    cells = per_version(conn, ("home-cells",), lambda: matrix_cells(view))
    return templates.TemplateResponse(request, "home.html", {"o": view, "matrix": matrix_html(view, cells), "twin": "/api/v1/overview"})


def matrix_html(view, cells: dict[str, list[dict]]) -> Markup:
    """The key-indicator matrix's rows (inside its <tbody>), every value escaped: written here, not in home.html, because
    its 90 cells of seven values each took most of the page's rendering in Jinja (an expression costs several times a
    string format there). The whitespace is what the template's loops wrote."""
    out = []
    for district in view.districts:
        out.append(f'\n      <tr><th scope="row"><a class="district-link" href="/districts/{escape_text(quote(district))}">'
                   f"{escape_text(district)}</a></th>\n      ")
        for cell in cells[district]:
            level, change = cell["level"], cell["change"]
            out.append("\n        <td>")
            if level:
                out.append(f'<a href="/documents/{level[0]}">{escape_text(level[1])}</a> <small>{escape_text(level[2])}</small>')
            out.append("\n            ")
            if change:
                out.append(f'<br><a class="growth {escape_text(change[3])}" href="/documents/{change[0]}">{escape_text(change[1])}</a>'
                           f" <small>{escape_text(change[2])}</small>")
            out.append("</td>\n      ")
        out.append("</tr>\n    ")
    return Markup("".join(out))


def matrix_cells(view) -> dict[str, list[dict]]:
    """The home page's key-indicator matrix as the words it shows, district by district, one cell per indicator:
    {"level": (document, figure, period), "change": (document, figure, period, "up" or "down")}, either None. Worked
    out once per database version with the overview: 180 cells, each through the formatter twice."""
    out = {}
    for district in view.districts:
        row = []
        for indicator in view.indicators:
            cell = view.matrix[district].get(indicator["code"], {})
            level, change = cell.get("level"), cell.get("change")
            row.append({
                "level": (level.document_id, format_value(level.value, level.unit, "level", level.approx), period_label(level.period))
                if level else None,
                "change": (change.document_id, format_value(change.value, "percent", "change", change.approx), period_label(change.period),
                           "up" if change.value > 0 else "down") if change else None})
        out[district] = row
    return out


@router.get("/districts", include_in_schema=False)
async def districts_index(request: Request, conn: Store = Depends(read_conn)):
    return templates.TemplateResponse(request, "districts.html", {"rows": district_summaries(conn), "twin": "/api/v1/districts"})


@router.get("/districts/{name}", include_in_schema=False)
async def district(request: Request, name: str, conn: Store = Depends(read_conn)):
    canonical = district_name(conn, name)
    if canonical != name:
        return RedirectResponse(f"/districts/{quote(canonical)}", status_code=301)
    view = district_view(conn, canonical)
    if view is None:
        raise HTTPException(404, f"no briefings for district {name!r}")
    colour = district_colour(view.district)
    charts = []
    if view.growth:
        bars = [Bar(label, value, tip, colour, kind="change") for label, value, tip in view.growth]
        charts.append({"svg": bar_chart(bars, "percent", f"{view.district}: latest growth by indicator ({view.growth_series})", width=MULTIPLE),
                       "name": f"{view.district}-growth", "csv": f"/api/v1/profile/{quote(view.district)}?format=csv"})
    for s in view.series:  # one chart per series: one measure, basis, unit and period granularity, dated observations only
        points = [Point(label, value, tip) for label, value, tip in s["points"]]
        charts.append({"svg": time_series([Series(view.district, points, colour)], s["unit"], f"{view.district}: {s['name']} ({s['series']})", width=MULTIPLE),
                       "name": f"{view.district}-{s['indicator']}-{s['measure']}-{s['basis'] or 'none'}-{s['granularity']}",
                       "csv": f"/api/v1/timeline/{quote(view.district)}?" + _query(indicator=s["indicator"], measure=s["measure"],
                                                                                  basis=s["basis"] or "none", unit=s["unit"], format="csv")})
    return templates.TemplateResponse(request, "district.html", {"v": view, "charts": charts, "colour": colour,
                                                                 "twin": f"/api/v1/districts/{quote(view.district)}"})


@router.get("/indicators", include_in_schema=False)
async def indicators_index(request: Request, conn: Store = Depends(read_conn)):
    rows = indicator_coverage(conn)
    dimensions: dict[str, list] = {}
    for r in rows:
        dimensions.setdefault(r.dimension, []).append(r)
    districts = sorted({d for r in rows for d in r.districts if d != "—"})
    return templates.TemplateResponse(request, "indicators.html", {
        "dimensions": dimensions, "districts": districts, "with_figures": sum(1 for r in rows if r.facts), "compared": indicators_compared(conn),
        "total": len(rows), "twin": "/api/v1/indicators"})


@router.get("/indicators/{code}", include_in_schema=False)
async def indicator(request: Request, code: str, period: str | None = None, choice: str | None = Query(None, alias="code"),
                    measure: str | None = None, basis: str | None = None, unit: str | None = None, granularity: str | None = None,
                    conn: Store = Depends(read_conn)):
    period = checked_period(period)
    wanted = indicator_code(choice or code)
    measure = measure if measure in ("level", "change", "share") else None
    if wanted != code:  # the filter form submits ?code=...; a code in another case: one stable URL per indicator
        query = _query(period=period, measure=measure)
        return RedirectResponse(f"/indicators/{quote(wanted)}" + (f"?{query}" if query else ""), status_code=303 if choice else 301)
    ind = by_code(code)
    result = comparison(conn, code, period=period, measure=measure, basis=basis or None, unit=unit or None, granularity=granularity or None)
    chosen = result.selection
    section = None
    if chosen is not None:
        by_district: dict[str, list] = {}
        for r in result.rows:
            by_district.setdefault(r.district, []).append(r)
        bars = []
        for district, found in by_district.items():
            r = found[0]  # the latest briefing's figure
            note = f"{len(found)} values differ" if len(found) > 1 else ""
            tip = point_tip(district, r.value, r.unit, r.kind, r.approx, r.period, r.basis, r.text, r.date)
            if note:
                tip += " · also " + ", ".join(format_value(o.value, o.unit, o.kind, o.approx) for o in found[1:])
            bars.append(Bar(district, r.value, tip, district_colour(district), r.approx, chosen.measure, note))
        lines = []
        for district, observations in district_series(conn, code, chosen, period).items():
            lines.append(Series(district, [Point(o.period, o.value, point_tip(district, o.value, o.unit, o.measure, o.approx, o.period, o.basis,
                                                                              o.primary.text, o.date), o.approx, o.date)
                                           for o in observations]))
        chosen_params = {"period": period, "measure": chosen.measure, "basis": chosen.basis or "none", "unit": chosen.unit,
                                  "granularity": chosen.granularity or "undated"}
        section = {
            "rows": result.rows, "label": chosen.label, "measure": chosen.measure,
            "bars": bar_chart(bars, chosen.unit, f"{ind.name}: latest by district, {chosen.label}" + (f", {period_label(period)}" if period else "")),
            "series": time_series(lines, chosen.unit, f"{ind.name} over time, {chosen.label}", chosen.measure) if lines else None,
            "csv": f"/api/v1/compare/{quote(code)}?{_query(**chosen_params, format='csv')}",
        }
    options = [{"label": o.label, "districts": o.districts, "chosen": o.chosen,
                "href": f"/indicators/{quote(code)}?" + _query(period=period, measure=o.measure, basis=o.basis or "none", unit=o.unit,
                                                                granularity=o.granularity or "undated")} for o in result.options]
    with_page = indicators_compared(conn)  # a choice never opens a page that says no district reported it
    choices = [i for i in catalogue() if i.code in with_page or i.code == code]
    query = _query(period=period, measure=measure, basis=basis, unit=unit, granularity=granularity)
    return templates.TemplateResponse(request, "indicator.html", {
        "ind": ind, "section": section, "options": options, "period": period, "measure": measure, "catalogue": choices,
        "twin": f"/api/v1/compare/{quote(code)}" + (f"?{query}" if query else "")})


@router.get("/documents", include_in_schema=False)
async def documents_index(request: Request, district: str | None = None, year: str | None = None, language: str | None = None,
                          series: str | None = None, type: str | None = None, limit: int = Query(50), offset: int = Query(0, ge=0),
                          conn: Store = Depends(read_conn)):
    limit = listing_limit(limit)
    filters = {"district": district, "year": year, "language": language, "series": series, "type": type}
    page = document_page(conn, filters, limit=limit, offset=offset)
    query = _query(**page.filters)
    facet_links = {}
    for name, values in page.facets.items():
        links = []
        for v in values:
            value = v["value"] if v["value"] is not None else "_none"
            chosen = page.filters.get(name) is not None and str(page.filters.get(name)).lower() == str(value).lower()
            params = {**page.filters, name: None if chosen else value}
            links.append({"label": v["value"] if v["value"] is not None else "(none)", "count": v["count"], "chosen": chosen,
                          "href": "/documents" + (f"?{_query(**params)}" if _query(**params) else "")})
        facet_links[name] = links
    more = f"/documents?{_query(**page.filters, limit=limit, offset=offset + limit)}" if offset + limit < page.total else None
    return templates.TemplateResponse(request, "documents.html", {
        "page": page, "facets": facet_links, "more": more, "query": query,
        "twin": "/api/v1/documents" + (f"?{query}" if query else "")})


@router.get("/documents/{ref}", include_in_schema=False)
async def document(request: Request, ref: str, conn: Store = Depends(read_conn)):
    try:
        doc = get_document(conn, ref)
    except QueryError as exc:
        raise HTTPException(404, str(exc)) from None
    sentences = conn.sentence_spans(doc["id"])
    return templates.TemplateResponse(request, "document.html", {"d": doc, "body": highlight(doc, sentences), "twin": f"/api/v1/documents/{doc['id']}",
                                                                   "lang": page_lang(doc.get("language"))})


def page_lang(language: str | None) -> str | None:
    """The HTML ``lang`` of a document's own text (the interface around it stays English), or None for English."""
    return language if language and language != "en" else None


# Briefings linked per goal on the targets page: a goal repeated in every briefing of a series would otherwise fill
# its cell with hundreds of dates (528 on the 10,000-document bench); the JSON and CSV list every statement.
STATED_SHOWN = 5


@router.get("/targets", include_in_schema=False)
async def targets_index(request: Request, district: str | None = None, status: str | None = None,
                        conn: Store = Depends(read_conn)):
    name = district_name(conn, district) if district else None
    status = checked_status(status, STATUSES)
    rows = target_rows(conn, name)
    statuses: dict[str, int] = {s: 0 for s in STATUSES}
    for r in rows:
        statuses[r.status] = statuses.get(r.status, 0) + 1
    shown = [r for r in rows if not status or r.status == status]
    query = _query(district=name)
    return templates.TemplateResponse(request, "targets.html", {
        "rows": shown, "total": len(rows), "statuses": statuses, "status": status, "district": name, "query": query, "stated_shown": STATED_SHOWN,
        "districts": conn.districts(), "twin": "/api/v1/targets" + (f"?{query}" if query else "")})


@router.get("/search", include_in_schema=False)
async def search_page(request: Request, q: str = "", district: str | None = None, conn: Store = Depends(read_conn)):
    result, error = None, None
    if q.strip():
        try:
            result = search_sentences(conn, q, limit=50, district=district_name(conn, district) if district else None)
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
    """The document text with quantities, targets and entities marked; every text piece escaped (each value put into
    a tag through ``escape_text``, as ``Markup.format`` would, at a fraction of its cost); its hard-wrapped
    lines re-flowed into paragraphs for display (every character stays, so marks sit on the exact offsets).

    Each sentence (``(idx, start, end)`` rows) is a ``<span class="s" id="s-IDX">``, which
    search results link to: the browser scrolls to it and CSS marks it (``:target``). A
    mark that crosses a sentence's edge keeps its place, and that sentence gets an empty
    anchor at its start instead of the wrapper, so the markup always nests.
    """
    text = doc["text"]
    spans = []  # (start, end, layer, opening tag, closing tag); each value put into a tag escaped
    for i, q in enumerate(doc["quantities"]):
        tip = (f"{format_value(q['value'], q['unit'], q['kind'], q['approx'])} · {q['kind']} · {q['metric'] or '—'} · "
               f"{period_label(q['period'], q.get('basis')) or 'no period'}")
        spans.append((q["start"], q["end"], 0, f'<mark class="q kind-{escape_text(q["kind"])}" id="q-{i}" tabindex="0" data-tip="{escape_text(tip)}">',
                      "</mark>"))
    for t in doc["targets"]:
        if t["quantity_id"] is None:
            tip = f"target · deadline {period_label(t['deadline']) or '—'} · {t['metric'] or ''}"
            spans.append((t["start"], t["end"], 1, f'<span class="tgt" tabindex="0" data-tip="{escape_text(tip)}">', "</span>"))
    for e in doc["entities"]:
        kind = escape_text(e["type"])
        spans.append((e["start"], e["end"], 2, f'<span class="ent ent-{kind}" data-tip="{kind}">', "</span>"))
    spans.sort(key=lambda s: (s[2], s[0]))
    chosen: list[tuple] = []
    taken: list[tuple[int, int]] = []
    for span in spans:
        start, end = span[0], span[1]
        if any(start < b and a < end for a, b in taken):
            continue
        chosen.append(span)
        taken.append((start, end))
    # (position, order at that position, markup): marks close, sentences close, sentences open, marks open
    events = []
    for start, end, _, opening, closing in chosen:
        events += [(start, 3, opening), (end, 0, closing)]
    cut = sorted(taken)
    starts = [a for a, _ in cut]
    wrapped = list(cut)
    for idx, start, end in sentences:
        if _crosses(cut, starts, start) or _crosses(cut, starts, end):
            events.append((start, 2, f'<span class="s-anchor" id="s-{int(idx)}"></span>'))
        else:
            events += [(start, 2, f'<span class="s" id="s-{int(idx)}">'), (end, 1, "</span>")]
            wrapped.append((start, end))
    return reflow(text, events, wrapped)


def _crosses(spans: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    """Whether ``at`` falls strictly inside one of the sorted, disjoint ``spans``."""
    i = bisect_right(starts, at) - 1
    return i >= 0 and spans[i][0] < at < spans[i][1]
