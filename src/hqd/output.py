"""Rendering rows for the terminal: aligned table, JSON or CSV."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import unicodedata
from typing import Any, Sequence

FORMATS = ("table", "json", "csv")


@dataclasses.dataclass(frozen=True, slots=True)
class RawJSON:
    """JSON text written already (a stored observation keeps its list of sources so): a JSON response puts it in as it
    is, where encoding the same list again would cost more than the rest of the response."""

    text: str

    def value(self) -> Any:
        return json.loads(self.text)


def row_dict(row: Any) -> dict:
    """A shallow dict of a row (dataclasses.asdict deep-copies every value, which costs more than the query)."""
    if dataclasses.is_dataclass(row):
        return {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}
    return dict(row)


def as_dicts(rows: Sequence[Any]) -> list[dict]:
    return [row_dict(r) for r in rows]


# text fields written on one line in JSON and CSV (the source's hard line breaks dropped), as the API writes them
_ONE_LINE = frozenset(("text", "sentence", "title", "metric", "subject", "theme", "example", "goal", "evidence"))


def clean_json(value: Any, key: str | None = None) -> Any:
    """A value as JSON for a reader: integers as integers (2453, not 2453.0), text fields on one line; nested
    lists and dicts likewise."""
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if isinstance(value, str):
        return " ".join(value.split()) if key in _ONE_LINE else value
    if isinstance(value, dict):
        return {k: clean_json(v, k) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_json(v, key) for v in value]
    return value


def json_text(value: Any) -> str:
    """JSON for the terminal: ``clean_json``'s values, indented, non-ASCII as it is."""
    return json.dumps(clean_json(value), ensure_ascii=False, indent=2)


def _csv_cell(value: Any) -> Any:
    """A CSV cell a reader can take back: numbers raw (no thousands separators), text on one line, lists and dicts
    as JSON."""
    if isinstance(value, (list, dict)):
        return json.dumps(clean_json(value), ensure_ascii=False)
    if isinstance(value, str):
        return " ".join(value.split())
    return "" if value is None else clean_json(value)


def render(rows: Sequence[Any], fmt: str, columns: Sequence[str] | None = None, widths: dict[str, int] | None = None) -> str:
    dicts = as_dicts(rows)
    if fmt == "json":
        return json_text(dicts)
    columns = list(columns or (dicts[0].keys() if dicts else []))
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for d in dicts:
            writer.writerow({k: safe_cell(_csv_cell(d.get(k))) for k in columns})
        return buffer.getvalue().rstrip("\n")
    if not dicts:
        return "(no rows)"
    widths = widths or {}
    cells = [[_cell(d.get(c), widths.get(c)) for c in columns] for d in dicts]
    sizes = [max(display_width(c), *(display_width(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(_pad(c, s) for c, s in zip(columns, sizes)).rstrip(), "  ".join("-" * s for s in sizes)]
    lines += ["  ".join(_pad(v, s) for v, s in zip(row, sizes)).rstrip() for row in cells]
    return "\n".join(lines)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: a Chinese character (East Asian wide or full-width) takes two, so a
    column of them lines up with its header."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text) if not text.isascii() else len(text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal columns, "…" marking the cut."""
    if display_width(text) <= width:
        return text
    out, used = [], 1
    for ch in text:
        used += display_width(ch)
        if used > width:
            break
        out.append(ch)
    return "".join(out) + "…"


def _cell(value: Any, width: int | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    elif isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = " ".join(str(value).split())
    return _fit(text, width) if width else text


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet would run as a formula (text starting '=', '+', '-', '@', a tab or a CR, as
    in a sentence '=HYPERLINK(...)' or '-5% ...') gets a leading "'" (OWASP's CSV-injection advice), so it opens
    as text. Numbers are left alone: -3.5 is a value, not a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value
