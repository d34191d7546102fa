"""Safe pieces of responses built from request values: file names for downloads, CSV bodies, absolute links."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any, Iterable
from urllib.parse import quote, urlencode

from ..output import safe_cell

_UNSAFE_ASCII = re.compile(r"[^A-Za-z0-9._-]+")


def content_disposition(stem: str, suffix: str, disposition: str = "attachment") -> str:
    """A Content-Disposition value (RFC 6266) for a file named ``stem`` + ``suffix``, whatever ``stem`` holds.

    ``filename*`` carries the name in UTF-8, percent-encoded (RFC 8187), so a district written in Chinese keeps its
    name; ``filename`` is an ASCII fallback with everything outside letters, digits, dot, dash and underscore made
    '_'. Nothing from the name can end the header (CR, LF, NUL), close the quotes or add a parameter (';', '"')."""
    name = (stem + suffix).replace("/", "_").replace("\\", "_")
    fallback = (_UNSAFE_ASCII.sub("_", stem.replace("/", "_").replace("\\", "_")).strip(".") or "download")[:100] + suffix
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name[:200], safe='')}"


def csv_text(dicts: list[dict], columns: list[str] | None = None) -> str:
    """CSV of rows; a list or dict in a cell (a row's sources, a count per district) is written as JSON, which any
    reader can parse back (Python's repr, with None and single quotes, no reader can); cells a spreadsheet would run
    as a formula are defused (see output.safe_cell)."""
    buffer = io.StringIO()
    columns = columns or (list(dicts[0].keys()) if dicts else ["empty"])
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for d in dicts:
        writer.writerow({k: safe_cell(json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in d.items()})
    return buffer.getvalue()


def absolute_url(base_url: str, path: str, params: Iterable[tuple[str, Any]]) -> str:
    """``base_url`` (the server's configured address, never the request's Host header) + path + query."""
    query = urlencode([(k, v) for k, v in params if v is not None])
    return base_url + quote(path, safe="/%") + (f"?{query}" if query else "")


def next_page_url(request, offset: int) -> str:
    """The same listing from ``offset`` on, as an absolute link under the configured base URL."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"] + [("offset", offset)]
    return absolute_url(request.app.state.base_url, request.url.path, params)
