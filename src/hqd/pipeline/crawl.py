"""The crawl's pipeline stage: fetched articles extracted, mapped and handed to the store; snapshots re-ingested."""

from __future__ import annotations

from ..crawl import CrawlSummary, Fetched, Source, iter_snapshots
from ..crawl.crawler import _fetched
from ..errors import SourceError
from ..extraction import extract_source
from ..sources import source_from_bytes
from ..store import Store
from ..store.crawl import StoreCrawlState
from .rows import document_rows


def ingest_fetched(db: Store, fetched: Fetched, failures: list[str]) -> str | None:
    """Extract a fetched article and store it under its URL; the document's sha256, or None (the reason in ``failures``)."""
    try:
        src = source_from_bytes(fetched.url, fetched.body, is_html=fetched.is_html, encoding=fetched.charset)
        rows = document_rows(extract_source(src))
    except SourceError as exc:
        failures.append(str(exc))
        return None
    except Exception as exc:  # noqa: BLE001 - an extractor bug must not stop the crawl; the page stays archived
        failures.append(f"{fetched.url}: extraction failed: {type(exc).__name__}: {exc}")
        return None
    Store.of(db).write_batch([rows])
    return rows.sha256


def reindex_snapshots(db: Store, folder: str, sources: list[Source]) -> tuple[int, list[str]]:
    """Rebuild the crawled documents from a folder of WARC files: each article URL's latest successful snapshot,
    ingested as if just fetched. Returns (documents stored, failures)."""
    latest: dict[str, object] = {}
    for snap in iter_snapshots(folder):
        if snap.status == 200:
            latest[snap.url] = snap
    by_name = {s.name: s for s in sources}
    store = Store.of(db)
    kinds = store.crawled_page_kinds()
    failures: list[str] = []
    stored = 0
    for url, snap in latest.items():
        kind, source_name = kinds.get(url, (None, None))
        source = by_name.get(source_name) if source_name else next((s for s in sources if s.allows(url) and s.article.search(url)), None)
        if kind == "list" or (kind is None and source is None):
            continue
        origin = source or Source(name=source_name or "snapshot", start_urls=(url,), article=None)  # type: ignore[arg-type]
        fetched = _fetched(origin, url, snap.headers, snap.body, snap.fetched_at, snap.ref)
        if ingest_fetched(store, fetched, failures) is not None:
            stored += 1
    return stored, failures


def crawl_into_store(db: Store, sources: list[Source], client, snapshots_dir: str, max_pages: int | None = None,
                     since=None, dry_run: bool = False, progress=None) -> list[tuple[Source, CrawlSummary]]:
    """Crawl each source in turn into one WARC file in ``snapshots_dir``, ingesting new and changed articles."""
    from ..crawl import SnapshotWriter, crawl

    store = Store.of(db)
    if dry_run:
        return [(s, crawl(s, client, StoreCrawlState(store), None, None, max_pages, since, True, progress)) for s in sources]  # type: ignore[arg-type]
    results = []
    with SnapshotWriter(snapshots_dir) as snapshots:
        state = StoreCrawlState(store)
        for source in sources:
            failures: list[str] = []
            summary = crawl(source, client, state, snapshots, lambda fetched: ingest_fetched(store, fetched, failures),
                            max_pages=max_pages, since=since, progress=progress)
            summary.failures.extend(failures)
            results.append((source, summary))
    return results
