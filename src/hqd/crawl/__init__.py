"""Sources on the web: crawl publishers' list pages to their articles, politely, keeping every response as a WARC snapshot.

This stage only fetches and archives; what becomes of an article (decoding, extraction, the store) is the caller's,
through the ``CrawlState`` it passes in (``hqd.store.crawl`` is the store's).

Usage::

    from hqd.crawl import PoliteClient, SnapshotWriter, crawl, load_sources
"""

from .config import CrawlSettings, Source, load_sources
from .crawler import CrawlState, CrawlSummary, Fetched, crawl
from .http import FetchError, PoliteClient, Response
from .warc import SnapshotWriter, iter_snapshots

__all__ = [
    "CrawlSettings", "CrawlState", "CrawlSummary", "FetchError", "Fetched", "PoliteClient", "Response", "SnapshotWriter",
    "Source", "crawl", "iter_snapshots", "load_sources",
]
