"""The FastAPI application: API, pages, static assets, security headers and JSON errors."""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

import fastapi_offline
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..analysis.views import district_view, overview
from ..errors import HqdError
from ..store import open_store
from ..store.queries import QueryError
from .api import Format, plain, read_conn, router as api_router, rows_response
from . import models
from .cache import ResponseCache
from .lookup import district_name
from .pages import router as page_router, templates

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# The API docs page starts Swagger UI with an inline script and styles; it shows only this server's own schema.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
SWAGGER_UI = Path(fastapi_offline.__file__).parent / "static"  # swagger-ui-bundle.js, swagger-ui.css
DEFAULT_MAX_UPLOAD = 5 * 1024 * 1024


class SecurityHeaders:
    """Pure ASGI middleware (Starlette's BaseHTTPMiddleware costs milliseconds per request)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"].startswith("/api/docs")

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _SECURITY_HEADER_NAMES]
                headers += [(k, DOCS_CSP.encode() if docs and k == b"content-security-policy" else v) for k, v in _SECURITY_HEADERS]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


_SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]
_SECURITY_HEADER_NAMES = {k for k, _ in _SECURITY_HEADERS}


def create_app(db: str | Path, allow_upload: bool = False, upload_token: str | None = None,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD, cache: bool = True) -> FastAPI:
    open_store(db, write=True).close()  # create or migrate once, so every request can open read-only
    app = FastAPI(title="hqd", version=__version__, description="High-Quality Development monitor: figures, targets and entities from district briefings.",
                  docs_url=None, openapi_url="/api/v1/openapi.json", redoc_url=None)
    app.state.db = str(db)
    app.state.allow_upload = allow_upload
    app.state.upload_token = upload_token or secrets.token_urlsafe(24)
    app.state.max_upload_bytes = max_upload_bytes

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

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

    @app.exception_handler(sqlite3.Error)
    async def database_error(request: Request, exc: sqlite3.Error):
        return error(request, 503, f"database error: {exc}")

    @app.get("/api/v1/overview", summary="Totals, key indicators by district, latest briefings (format=csv: the matrix)",
             response_model=models.OverviewOut, responses=models.responses(csv=True, errors=()))
    def api_overview(format: str = Format, conn: sqlite3.Connection = Depends(read_conn)):
        view = overview(conn)
        if format == "csv":
            return rows_response(view.matrix_rows(), "csv", "key-indicators")
        return JSONResponse(plain(view.to_json()))

    @app.get("/api/v1/districts/{name}", summary="A district page's data: profile, series, targets, ranks, entities (name in any case)",
             response_model=models.DistrictOut, responses=models.responses())
    def api_district(name: str, conn: sqlite3.Connection = Depends(read_conn)):
        view = district_view(conn, district_name(conn, name))
        if view is None:
            raise HTTPException(404, f"no briefings for district {name!r}")
        return JSONResponse(plain(view.to_json()))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return RedirectResponse("/static/favicon.svg", status_code=301)

    if cache:
        app.add_middleware(ResponseCache, db=str(Path(db).resolve()))
    app.add_middleware(SecurityHeaders)  # outermost: cached responses get the headers too

    app.include_router(api_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")
    app.mount("/api/docs/static", StaticFiles(directory=str(SWAGGER_UI)), name="swagger-ui")

    @app.get("/api/docs", include_in_schema=False)
    def api_docs():
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="hqd API", swagger_favicon_url="/static/favicon.svg",
                                   swagger_js_url="/api/docs/static/swagger-ui-bundle.js",
                                   swagger_css_url="/api/docs/static/swagger-ui.css")
    return app
