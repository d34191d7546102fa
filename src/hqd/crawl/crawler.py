"""The crawl: list pages to their articles, new or changed pages only, a persistent frontier that survives a kill.

A page goes queued -> fetched (archived, its snapshot recorded) -> done (handed to the caller, e.g. ingested).
Each step is committed before the next begins, so a crawl killed at any point and started again resumes its
run: nothing archived is fetched again (a page archived but not yet recorded is found in the run's WARC files),
and a page fetched but not yet handed on is handed on from its snapshot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Protocol

from .config import Source
from .http import FetchError, PoliteClient, Response
from .links import list_links
from .warc import Snapshot, SnapshotRef, SnapshotWriter, iter_snapshots

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(slots=True)
class Fetched:
    """An article as fetched (or as read back from its snapshot), ready to be turned into a document."""

    url: str
    source: str
    language: str | None
    body: bytes
    content_type: str | None
    charset: str | None
    fetched_at: str
    ref: SnapshotRef

    @property
    def is_html(self) -> bool:
        kind = (self.content_type or "").lower()
        return "html" in kind or (not kind and self.body.lstrip()[:1] == b"<")


@dataclass(slots=True)
class QueueItem:
    url: str
    kind: str  # "list" or "article"
    listed: str | None = None  # ISO date beside the link on its list page


@dataclass
class CrawlSummary:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0  # older than --since, or over --max-pages
    lists: int = 0
    failures: list[str] = field(default_factory=list)
    would_fetch: list[str] = field(default_factory=list)  # --dry-run

    def line(self) -> str:
        return (f"{self.new} new, {self.changed} changed, {self.unchanged} unchanged, {self.failed} failed"
                f" ({self.lists} list pages; {self.skipped} skipped)")


class CrawlState(Protocol):
    """What the crawl remembers between runs; ``hqd.store.crawl.StoreCrawlState`` keeps it in the store."""

    def begin(self, source: Source, snapshot_file: str) -> int: ...
    def run_files(self, run_id: int) -> list[str]: ...
    def next_item(self, run_id: int) -> QueueItem | None: ...
    def queued_item(self, run_id: int, url: str) -> QueueItem | None: ...
    def queued_count(self, run_id: int) -> int: ...
    def enqueue(self, run_id: int, items: Iterable[QueueItem]) -> None: ...
    def validators(self, url: str) -> tuple[str | None, str | None, str | None]: ...
    def fetched(self, run_id: int, item: QueueItem, status: int, sha256: str | None, etag: str | None,
                last_modified: str | None, ref: SnapshotRef | None, outcome: str) -> None: ...
    def failed(self, run_id: int, item: QueueItem, reason: str) -> None: ...
    def pending_handoff(self, run_id: int) -> list[tuple[QueueItem, SnapshotRef]]: ...
    def handed_off(self, run_id: int, url: str, document: str | None) -> None: ...
    def finish(self, run_id: int, summary: CrawlSummary) -> None: ...


def declared_charset(response_headers: list[tuple[str, str]], body: bytes) -> str | None:
    """The charset the server declares in Content-Type, else the page's own meta tag (WHATWG's order of precedence)."""
    content_type = next((v for k, v in response_headers if k.lower() == "content-type"), "") or ""
    match = re.search(r"charset\s*=\s*\"?([A-Za-z0-9_.:-]+)", content_type, re.IGNORECASE)
    if match:
        return match[1].lower()
    match = _META_CHARSET.search(body[:4096])
    return match[1].decode("ascii").lower() if match else None


def _sha256(body: bytes) -> str:
    import hashlib

    return hashlib.sha256(body).hexdigest()


def _fetched(source: Source, url: str, headers: list[tuple[str, str]], body: bytes, fetched_at: str, ref: SnapshotRef) -> Fetched:
    content_type = next((v for k, v in headers if k.lower() == "content-type"), None)
    return Fetched(url=url, source=source.name, language=source.language, body=body, content_type=content_type,
                   charset=source.encoding or declared_charset(headers, body), fetched_at=fetched_at, ref=ref)


def crawl(
    source: Source, client: PoliteClient, state: CrawlState, snapshots: SnapshotWriter, hand_off: Callable[[Fetched], str | None],
    max_pages: int | None = None, since: date | None = None, dry_run: bool = False, progress: Callable[[str, str], None] | None = None,
) -> CrawlSummary:
    """Crawl one source into ``snapshots``, handing each new or changed article to ``hand_off`` (which returns a
    document reference or None). Resumes the source's unfinished run if there is one."""
    summary = CrawlSummary()
    if dry_run:
        return _dry_run(source, client, state, max_pages, since, summary)
    run_id = state.begin(source, snapshots.name)
    _recover(source, state, run_id, snapshots, hand_off, summary)
    fetched_count = 0
    while (item := state.next_item(run_id)) is not None:
        if max_pages is not None and fetched_count >= max_pages:
            summary.skipped += state.queued_count(run_id)
            return summary  # the run stays open: the next crawl of this source goes on from here
        fetched_count += 1
        if progress:
            progress(item.kind, item.url)
        etag, last_modified, known_sha = state.validators(item.url) if item.kind == "article" else (None, None, None)
        try:
            response = client.fetch(item.url, etag, last_modified)
        except FetchError as exc:
            summary.failed += 1
            summary.failures.append(str(exc))
            state.failed(run_id, item, exc.reason)
            continue
        if response.status >= 400:
            summary.failed += 1
            summary.failures.append(f"{item.url}: HTTP {response.status}")
            ref = snapshots.write(response)
            state.fetched(run_id, item, response.status, None, None, None, ref, "failed")
            continue
        ref = snapshots.write(response)
        if response.status == 304:
            summary.unchanged += 1
            state.fetched(run_id, item, 304, known_sha, etag, last_modified, ref, "unchanged")
            continue
        digest = _sha256(response.body)
        outcome = "new" if known_sha is None else ("unchanged" if digest == known_sha else "changed")
        if item.kind == "list":  # its links are queued before it is marked fetched, so a kill between loses none
            summary.lists += 1
            _follow(source, state, run_id, response, since, summary)
        else:
            setattr(summary, outcome, getattr(summary, outcome) + 1)
        state.fetched(run_id, item, response.status, digest, response.header("etag"), response.header("last-modified"), ref, outcome)
        _hand_off_pending(source, state, run_id, snapshots, hand_off, {ref.record_id: (response, ref)})
    state.finish(run_id, summary)
    return summary


def _follow(source: Source, state: CrawlState, run_id: int, response: Response, since: date | None, summary: CrawlSummary) -> None:
    html = response.body.decode(declared_charset(response.headers, response.body) or "utf-8", "replace")
    _enqueue_links(source, state, run_id, response.final_url, html, since, summary)


def _enqueue_links(source: Source, state: CrawlState, run_id: int, page_url: str, html: str, since: date | None,
                   summary: CrawlSummary) -> None:
    articles, pages = list_links(source, page_url, html)
    fresh = [a for a in articles if since is None or a.listed is None or a.listed >= since]
    summary.skipped += len(articles) - len(fresh)
    items = [QueueItem(a.url, "article", a.listed.isoformat() if a.listed else None) for a in fresh]
    all_old = since is not None and articles and not fresh  # a list newest-first holds nothing newer further on
    if not all_old:
        items += [QueueItem(url, "list") for url in pages]
    state.enqueue(run_id, items)


def _hand_off_pending(source: Source, state: CrawlState, run_id: int, snapshots: SnapshotWriter,
                      hand_off: Callable[[Fetched], str | None], just_fetched: dict[str, tuple[Response, SnapshotRef]]) -> None:
    pending = state.pending_handoff(run_id)
    if not pending:
        return
    stored: dict[str, Snapshot] = {}
    if any(ref.record_id not in just_fetched for _, ref in pending):
        wanted = {ref.record_id for _, ref in pending}
        files = {ref.file for _, ref in pending if ref.record_id not in just_fetched}
        stored = {s.ref.record_id: s for s in iter_snapshots(snapshots.folder, files) if s.ref.record_id in wanted}
    for item, ref in pending:
        if ref.record_id in just_fetched:
            response, _ = just_fetched[ref.record_id]
            fetched = _fetched(source, item.url, response.headers, response.body, response.fetched_at.isoformat(), ref)
        elif ref.record_id in stored:
            snap = stored[ref.record_id]
            fetched = _fetched(source, item.url, snap.headers, snap.body, snap.fetched_at, ref)
        else:
            state.handed_off(run_id, item.url, None)
            continue
        state.handed_off(run_id, item.url, hand_off(fetched))


def _recover(source: Source, state: CrawlState, run_id: int, snapshots: SnapshotWriter, hand_off: Callable[[Fetched], str | None],
             summary: CrawlSummary) -> None:
    """After a kill: pages archived in the run's earlier WARC files but never recorded are recorded from their
    snapshots (not fetched again), and pages recorded but never handed on are handed on."""
    earlier = set(state.run_files(run_id)) - {snapshots.name}
    for snap in iter_snapshots(snapshots.folder, earlier) if earlier else ():
        item = state.queued_item(run_id, snap.url)
        if item is None:
            continue
        digest = _sha256(snap.body) if snap.status == 200 else None
        etag, last_modified, known_sha = state.validators(snap.url)
        outcome = "failed" if snap.status >= 400 else (
            "unchanged" if snap.status == 304 or digest == known_sha else ("new" if known_sha is None else "changed"))
        if item.kind == "list" and snap.status == 200:
            summary.lists += 1
            html = snap.body.decode(declared_charset(snap.headers, snap.body) or "utf-8", "replace")
            _enqueue_links(source, state, run_id, snap.url, html, None, summary)
        elif item.kind == "article":
            setattr(summary, outcome, getattr(summary, outcome) + 1)
        state.fetched(run_id, item, snap.status, digest or known_sha, snap.header("etag") or etag,
                      snap.header("last-modified") or last_modified, snap.ref, outcome)
    _hand_off_pending(source, state, run_id, snapshots, hand_off, {})


def _dry_run(source: Source, client: PoliteClient, state: CrawlState, max_pages: int | None, since: date | None,
             summary: CrawlSummary) -> CrawlSummary:
    """Walk the list pages (nothing archived, nothing recorded) and name the articles a crawl would fetch."""
    pages, seen = list(source.start_urls), set(source.start_urls)
    while pages and (max_pages is None or summary.lists < max_pages):
        url = pages.pop(0)
        try:
            response = client.fetch(url)
        except FetchError as exc:
            summary.failed += 1
            summary.failures.append(str(exc))
            continue
        if response.status >= 400:
            summary.failed += 1
            summary.failures.append(f"{url}: HTTP {response.status}")
            continue
        summary.lists += 1
        html = response.body.decode(declared_charset(response.headers, response.body) or "utf-8", "replace")
        articles, more = list_links(source, response.final_url, html)
        for link in articles:
            if since is not None and link.listed is not None and link.listed < since:
                summary.skipped += 1
            elif link.url not in summary.would_fetch:
                summary.would_fetch.append(link.url)
        pages += [p for p in more if p not in seen]
        seen.update(more)
    return summary
