"""Crawl benchmark: pages per second against the local fixture publisher (politeness delay 0), the cost of writing
WARC, and main-text extraction compared: hqd's rules against trafilatura's (when installed) on the fixture layouts.

    python bench/bench_crawl.py [--articles 300]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hqd.crawl import PoliteClient, SnapshotWriter, load_sources  # noqa: E402
from hqd.sources import html_to_text  # noqa: E402
from hqd.store import open_store  # noqa: E402
from hqd.pipeline.crawl import crawl_into_store  # noqa: E402
from tests.crawl.site import LAYOUTS, Server, Site, article_text, sources_toml  # noqa: E402


def crawl_speed(articles: int) -> None:
    site = Site(articles=articles, per_page=20, special=False)
    with Server(site) as server, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "sources.toml").write_text(sources_toml(server.base, timeout=10.0), "utf-8")
        settings, sources = load_sources(folder / "sources.toml")
        conn = open_store(folder / "hqd.db", write=True)
        with PoliteClient(settings) as client:
            started, cpu = time.perf_counter(), time.process_time()
            [(_, summary)] = crawl_into_store(conn, sources, client, str(folder / "warc"))
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        pages = summary.new + summary.lists
        warc_bytes = sum(f.stat().st_size for f in (folder / "warc").glob("*.warc.gz"))
        print(f"crawl (fetch, archive, extract, store): {pages} pages in {wall:.2f} s = {pages / wall:.1f} pages/s"
              f" ({cpu / pages * 1000:.1f} ms CPU per page); {summary.line()}")
        # the same crawl again: every article answers 304, so this is the cost of the frontier and conditional requests
        with PoliteClient(settings) as client:
            started = time.perf_counter()
            [(_, again)] = crawl_into_store(conn, sources, client, str(folder / "warc"))
            wall = time.perf_counter() - started
        print(f"re-crawl, nothing changed: {pages} pages in {wall:.2f} s = {pages / wall:.1f} pages/s; {again.line()}")
        # WARC writing alone, on the same responses
        with PoliteClient(settings) as client:
            responses = [client.fetch(server.base + p) for p in site.article_paths()]
        with SnapshotWriter(folder / "warc-only") as writer:
            started = time.perf_counter()
            for response in responses:
                writer.write(response)
            wall = time.perf_counter() - started
        body = sum(len(r.body) for r in responses)
        print(f"WARC writing: {len(responses)} responses ({body / 1e6:.2f} MB) in {wall * 1000:.0f} ms ="
              f" {wall / len(responses) * 1000:.2f} ms per page, {body / 1e6 / wall:.1f} MB/s (gzip, fsync per page);"
              f" archive {warc_bytes / 1e6:.2f} MB after two crawls")


def main_text(samples: int = 40) -> None:
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
        print("main text: trafilatura not installed (pip install trafilatura) -- hqd's rules alone")
    extractors = {"hqd": html_to_text}
    if trafilatura is not None:
        extractors["trafilatura"] = lambda html: trafilatura.extract(html, include_tables=True, favor_recall=True) or ""
    print(f"main text on {samples} pages of each layout: article paragraphs kept / furniture strings leaked / ms per page")
    for layout, (render, furniture) in LAYOUTS.items():
        cells = []
        for name, extract in extractors.items():
            kept = leaked = total = 0
            started = time.perf_counter()
            for i in range(samples):
                title, paragraphs = article_text(i)
                text = extract(render(title, paragraphs))
                total += len(paragraphs)
                kept += sum(p in text for p in paragraphs)
                leaked += sum(f in text for f in furniture)
            ms = (time.perf_counter() - started) / samples * 1000
            cells.append(f"{name} {kept / total:.0%} kept, {leaked / samples:.1f} leaked, {ms:.2f} ms")
        print(f"  {layout:7} " + " | ".join(cells))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    crawl_speed(args.articles)
    main_text()
