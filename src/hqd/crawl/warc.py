"""Snapshots: every response kept, unchanged, in WARC files (ISO 28500, the Internet Archive's and Common Crawl's format).

Each fetch writes a request record and a response record (a 304 too: it shows when a page was last seen unchanged).
The body stored is the body as served after content decoding; its Content-Encoding header is dropped and its
Content-Length set to match, so that every WARC reader gets the bytes the headers describe.
"""

from __future__ import annotations

import io
import os
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .http import Response

_DROPPED_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass(slots=True)
class SnapshotRef:
    file: str  # the WARC file's name within the snapshot folder
    offset: int  # where its response record starts
    record_id: str


@dataclass(slots=True)
class Snapshot:
    url: str
    fetched_at: str  # WARC-Date, ISO 8601
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    ref: SnapshotRef

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)


def _warc_date(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


class SnapshotWriter:
    """Appends records to one gzipped WARC file per writer (per crawl), flushed to disk after every page."""

    def __init__(self, folder: str | os.PathLike, prefix: str = "hqd") -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d%H%M%S")
        self.name = f"{prefix}-{stamp}-{os.getpid()}.warc.gz"
        self._file = open(self.folder / self.name, "ab")
        self._writer = WARCWriter(self._file, gzip=True)
        self.bytes_written = 0
        info = self._writer.create_warcinfo_record(self.name, {"software": "hqd", "format": "WARC File Format 1.1"})
        self._writer.write_record(info)
        self._sync()

    def write(self, response: Response) -> SnapshotRef:
        status_line = f"{response.status} {_reason(response.status)}"
        headers = [(k, v) for k, v in response.headers if k.lower() not in _DROPPED_HEADERS]
        headers.append(("Content-Length", str(len(response.body))))
        http_headers = StatusAndHeaders(status_line, headers, protocol="HTTP/1.1")
        date = _warc_date(response.fetched_at)
        target = response.final_url
        request_headers = StatusAndHeaders(f"GET {_path(target)} HTTP/1.1", response.request_headers, is_http_request=True)
        reply = self._writer.create_warc_record(target, "response", payload=io.BytesIO(response.body),
                                                http_headers=http_headers, warc_headers_dict={"WARC-Date": date})
        request = self._writer.create_warc_record(target, "request", http_headers=request_headers,
                                                  warc_headers_dict={"WARC-Date": date})
        request.rec_headers.add_header("WARC-Concurrent-To", reply.rec_headers.get_header("WARC-Record-ID"))
        offset = self._file.tell()
        self._writer.write_record(reply)
        self._writer.write_record(request)
        self._sync()
        return SnapshotRef(self.name, offset, reply.rec_headers.get_header("WARC-Record-ID"))

    def _sync(self) -> None:
        self._file.flush()
        os.fsync(self._file.fileno())
        self.bytes_written = self._file.tell()

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> "SnapshotWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _path(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def iter_snapshots(folder: str | os.PathLike, files: set[str] | None = None) -> Iterator[Snapshot]:
    """Every response record in the folder's WARC files (or only in ``files``, by name), oldest file first, in the
    order written. A file cut short by a crash yields the records before the cut.
    """
    for path in sorted(Path(folder).glob("*.warc*")):
        if files is not None and path.name not in files:
            continue
        with open(path, "rb") as stream:
            records = ArchiveIterator(stream)
            try:
                for record in records:
                    if record.rec_type != "response" or record.http_headers is None:
                        continue
                    body = record.content_stream().read()
                    yield Snapshot(
                        url=record.rec_headers.get_header("WARC-Target-URI"),
                        fetched_at=record.rec_headers.get_header("WARC-Date"),
                        status=int(record.http_headers.get_statuscode() or 0),
                        headers=list(record.http_headers.headers),
                        body=body,
                        ref=SnapshotRef(path.name, records.get_record_offset(), record.rec_headers.get_header("WARC-Record-ID")),
                    )
            except (ArchiveLoadFailed, zlib.error, EOFError, ValueError):  # a tail cut by a crash ends the file, not the reader
                continue
