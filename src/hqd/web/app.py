"""The FastAPI application: API, pages, static assets, security headers and JSON errors."""

from __future__ import annotations

import secrets
from pathlib import Path

import fastapi_offline
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..analysis.views import district_view, overview
from ..errors import HqdError
from ..pipeline.ingest import open_writer
from ..store import DatabaseError, DatabaseInterrupted, Store
from ..store.queries import QueryError
from .api import Format, plain, read_conn, router as api_router, rows_response
from . import models
from .cache import ResponseCache
from .lookup import district_name
from .guard import DEFAULT_REQUEST_BUDGET, DEFAULT_UPLOAD_BUDGET, HqdApp, OverBudget
from .uploads import Extractors
from .pages import router as page_router, templates

SWAGGER_UI = Path(fastapi_offline.__file__).parent / "static"  # swagger-ui-bundle.js, swagger-ui.css
DEFAULT_MAX_UPLOAD = 5 * 1024 * 1024
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
OVER_BUDGET = "the request ran past this server's time budget and was stopped; narrow it or try later"
OUT_OF_RANGE = "invalid request: a number in it is out of range (ids, limits and offsets are below 2**63)"


def create_app(db: str | Path, allow_upload: bool = False, upload_token: str | None = None,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD, cache: bool = True, base_url: str | None = None,
               request_budget: float = DEFAULT_REQUEST_BUDGET, upload_budget: float = DEFAULT_UPLOAD_BUDGET) -> FastAPI:
    """``base_url``: where clients reach this server (absolute links such as ``next`` start with it; never the
    request's Host header, which a client chooses). Budgets: seconds a read or an upload may take before a 503."""
    open_writer(db).close()  # create or migrate (and map what a migration left unmapped) once, so every request can open read-only
    resolved = str(Path(db).resolve())
    app = HqdApp(title="hqd", version=__version__, description="High-Quality Development monitor: figures, targets and entities from district briefings.",
                 docs_url=None, openapi_url="/api/v1/openapi.json", redoc_url=None,
                 request_budget=request_budget, upload_budget=upload_budget,
                 cache_factory=(lambda inner: ResponseCache(inner, db=resolved)) if cache else None)
    app.state.db = str(db)
    app.state.base_url = (base_url or DEFAULT_BASE_URL).rstrip("/")
    app.state.extractors = Extractors()
    app.state.allow_upload = allow_upload
    app.state.upload_token = upload_token or secrets.token_urlsafe(24)
    app.state.max_upload_bytes = max_upload_bytes

    def wants_json(request: Request) -> bool:
        """Errors are JSON for the API and for any client that does not ask for HTML; a browser (its Accept names
        text/html) gets the error page, with the same status and headers."""
        if request.url.path.startswith("/api/") and not request.url.path.startswith("/api/docs"):
            return True
        return "text/html" not in request.headers.get("accept", "").lower()

    def error(request: Request, status: int, message: str):
        if wants_json(request):
            return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message, "twin": None}, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return error(request, 422, f"invalid request: {problems}")

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError):
        return error(request, 400 if "FTS5" in str(exc) else 404, str(exc))

    @app.exception_handler(HqdError)
    async def hqd_error(request: Request, exc: HqdError):
        return error(request, 404 if "unknown indicator" in str(exc) else 400, str(exc))

    @app.exception_handler(DatabaseError)
    async def database_error(request: Request, exc: DatabaseError):
        if isinstance(exc.__context__, OverflowError):
            # Python reports the connection's last error, if any, in place of a parameter it could not bind (a number
            # past SQLite's range): an earlier statement's message, not this request's
            return error(request, 422, OUT_OF_RANGE)
        if isinstance(exc, DatabaseInterrupted) and "interrupted" in str(exc):
            return error(request, 503, OVER_BUDGET)
        return error(request, 503, f"database error: {exc}")

    @app.exception_handler(OverBudget)
    async def over_budget(request: Request, exc: OverBudget):
        return error(request, 503, OVER_BUDGET)

    @app.exception_handler(OverflowError)
    async def overflow(request: Request, exc: OverflowError):
        # a number past what SQLite holds (2**63 - 1), in a path or query parameter
        return error(request, 422, OUT_OF_RANGE)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        # Starlette's error middleware answers with this, then re-raises for the server's log (guard.Shield logs it)
        return error(request, 500, "internal server error; the server's log has the details")

    @app.get("/api/v1/overview", summary="Totals, key indicators by district, latest briefings (format=csv: the matrix)",
             response_model=models.OverviewOut, responses=models.responses(csv=True, errors=()))
    # async, as every handler taking read_conn: run in the request's own thread (see read_conn)
    async def api_overview(format: str = Format, conn: Store = Depends(read_conn)):
        view = overview(conn)
        if format == "csv":
            return rows_response(view.matrix_rows(), "csv", "key-indicators")
        return JSONResponse(plain(view.to_json()))

    @app.get("/api/v1/districts/{name}", summary="A district page's data: profile, series, targets, ranks, entities (name in any case)",
             response_model=models.DistrictOut, responses=models.responses())
    async def api_district(name: str, conn: Store = Depends(read_conn)):
        view = district_view(conn, district_name(conn, name))
        if view is None:
            raise HTTPException(404, f"no briefings for district {name!r}")
        return JSONResponse(plain(view.to_json()))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return RedirectResponse("/static/favicon.svg", status_code=301)

    app.include_router(api_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")
    app.mount("/api/docs/static", StaticFiles(directory=str(SWAGGER_UI)), name="swagger-ui")

    @app.get("/api/docs", include_in_schema=False)
    def api_docs():
        # deepLinking off: Swagger UI then draws no link inside each operation's toggle button (axe: nested-interactive)
        page = get_swagger_ui_html(openapi_url=app.openapi_url, title="hqd API", swagger_favicon_url="/static/favicon.svg",
                                   swagger_js_url="/api/docs/static/swagger-ui-bundle.js",
                                   swagger_css_url="/api/docs/static/swagger-ui.css",
                                   swagger_ui_parameters={"deepLinking": False})
        # the page's language for screen readers, and our contrast fixes over Swagger UI's pale badges and links
        html = page.body.decode("utf-8").replace("<html>", '<html lang="en">', 1).replace(
            "</head>", '<link type="text/css" rel="stylesheet" href="/static/swagger-overrides.css">\n</head>', 1)
        return HTMLResponse(html)
    return app
