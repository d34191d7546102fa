"""The ASGI app uvicorn imports in each worker process, configured by ``hqd serve`` through the environment."""

import os

from .app import create_app

app = create_app(
    os.environ.get("HQD_SERVE_DB", "hqd.db"),
    allow_upload=bool(os.environ.get("HQD_SERVE_UPLOAD")),
    upload_token=os.environ.get("HQD_SERVE_TOKEN") or None,
    max_upload_bytes=int(os.environ.get("HQD_SERVE_MAX_UPLOAD", str(5 * 1024 * 1024))),
    cache=not os.environ.get("HQD_SERVE_NO_CACHE"),
    base_url=os.environ.get("HQD_SERVE_BASE_URL") or None,
    request_budget=float(os.environ.get("HQD_SERVE_REQUEST_BUDGET") or 30),
    upload_budget=float(os.environ.get("HQD_SERVE_UPLOAD_BUDGET") or 120),
)
