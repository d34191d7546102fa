"""Extraction of one file, as a pure function of its bytes, its name and the size limit: what every runner calls."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import SourceError
from ..extraction import extract_source
from ..sources import DEFAULT_MAX_BYTES, looks_like_html, source_from_bytes
from .records import document_records


@dataclass(frozen=True, slots=True)
class ExtractFailure:
    source: str
    reason: str


def extract_records(source: str, raw: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, list[dict[str, Any]]] | ExtractFailure:
    """The document in ``raw`` as rows of the four tables, or the reason it could not be read or extracted."""
    if len(raw) > max_bytes:
        return ExtractFailure(source, f"file is {len(raw)} bytes, over the {max_bytes}-byte limit")
    try:
        return document_records(extract_source(source_from_bytes(source, raw, is_html=looks_like_html(source, raw))))
    except SourceError as exc:
        return ExtractFailure(source, exc.problem)
    except Exception as exc:  # noqa: BLE001 - one bad document must not fail a batch of thousands
        return ExtractFailure(source, f"extraction failed: {type(exc).__name__}: {exc}")
