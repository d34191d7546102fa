"""hqd crawl against fixture publishers on 127.0.0.1: politeness, failures, snapshots, re-crawls, resumption."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from hqd.cli import cli

from .site import Server, Site, sources_toml


def _crawl(tmp: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["crawl", "--db", str(tmp / "hqd.db"), "--sources", str(tmp / "sources.toml"),
                                      "--snapshots", str(tmp / "warc"), "--quiet", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """Both fixture sites crawled once (the English one with every kind of failure)."""
    tmp = tmp_path_factory.mktemp("crawl")
    en, zh = Site(articles=25, per_page=10), Site(language="zh", special=False)
    with Server(en) as en_server, Server(zh) as zh_server:
        (tmp / "sources.toml").write_text(sources_toml(en_server.base, zh_server.base), "utf-8")
        started = time.monotonic()
        code, out, err = _crawl(tmp)
        elapsed = time.monotonic() - started
        yield {"tmp": tmp, "en": en, "zh": zh, "code": code, "out": out, "err": err, "elapsed": elapsed,
               "en_base": en_server.base, "zh_base": zh_server.base}


def _db(tmp: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(tmp / "hqd.db")
    conn.row_factory = sqlite3.Row
    return conn


def test_summary_counts_new_and_failed_pages(crawled):
    assert crawled["code"] == 1  # some pages failed
    assert "fixture-en: 29 new, 0 changed, 0 unchanged, 4 failed (3 list pages" in crawled["err"]
    assert "fixture-zh: 3 new, 0 changed, 0 unchanged, 0 failed (1 list pages" in crawled["err"]


def test_every_article_is_ingested_under_its_url(crawled):
    conn = _db(crawled["tmp"])
    urls = {r["path"] for r in conn.execute("SELECT path FROM sources")}
    en = {crawled["en_base"] + p for p in crawled["en"].article_paths()}
    assert en <= urls
    assert crawled["en_base"] + "/news/content/flaky.html" in urls  # a 500, then success on retry
    assert crawled["en_base"] + "/news/content/busy.html" in urls  # a 429 with Retry-After, then success
    assert crawled["en_base"] + "/news/content/slow.html" in urls  # a timeout, then success
    assert not any(u.endswith(("missing.html", "loop.html", "huge.html", "secret.html")) for u in urls)


def test_failures_are_named_with_their_reason(crawled):
    err = crawled["err"]
    assert "missing.html: HTTP 404" in err
    assert "redirect loop" in err
    assert "disallowed by robots.txt" in err
    assert "over the 300000-byte limit" in err


def test_robots_disallowed_path_is_never_requested(crawled):
    assert crawled["en"].hits["/private/content/secret.html"] == 0
    assert crawled["en"].hits["/robots.txt"] == 1


def test_retries_honour_retry_after_and_back_off(crawled):
    assert crawled["en"].hits["/news/content/busy.html"] == 2
    assert crawled["en"].hits["/news/content/flaky.html"] == 2
    assert crawled["en"].hits["/news/content/missing.html"] == 1  # a 404 is final: no retry
    assert crawled["elapsed"] >= 1.0  # Retry-After: 1 was waited for


def test_requests_name_hqd_and_its_contact(crawled):
    agents = {h.get("user-agent") for _, h in crawled["en"].requests}
    assert agents == {"hqd-test (+tests@example.org)"}


def test_a_redirect_is_followed_and_the_article_stored_once(crawled):
    conn = _db(crawled["tmp"])
    moved = crawled["en_base"] + "/news/content/moved.html"
    target = crawled["en_base"] + crawled["en"].article_paths()[0]
    row = conn.execute("SELECT document_id FROM sources WHERE path = ?", (moved,)).fetchone()
    assert row is not None
    assert row["document_id"] == conn.execute("SELECT document_id FROM sources WHERE path = ?", (target,)).fetchone()["document_id"]


def test_gbk_page_declared_in_its_meta_tag_is_decoded(crawled):
    conn = _db(crawled["tmp"])
    texts = [r["text"] for r in conn.execute(
        "SELECT t.text FROM document_texts t JOIN sources s ON s.document_id = t.document_id WHERE s.path LIKE ?",
        (crawled["zh_base"] + "%",))]
    assert len(texts) == 3
    assert any("地区生产总值1245.6亿元" in t for t in texts)


def test_page_furniture_is_not_in_the_article_text(crawled):
    conn = _db(crawled["tmp"])
    text = conn.execute("SELECT t.text FROM document_texts t JOIN sources s ON s.document_id = t.document_id WHERE s.path = ?",
                        (crawled["en_base"] + crawled["en"].article_paths()[3],)).fetchone()["text"]
    assert "high-tech enterprises" in text
    for furniture in ("中文版", "Copyright", "Share: WeChat", "Home > News"):
        assert furniture not in text


def test_snapshots_open_in_warcio_with_request_and_response_records(crawled):
    files = list((crawled["tmp"] / "warc").glob("*.warc.gz"))
    assert len(files) == 1
    kinds, responses = [], {}
    with open(files[0], "rb") as stream:
        for record in ArchiveIterator(stream):
            kinds.append(record.rec_type)
            if record.rec_type == "response":
                responses[record.rec_headers.get_header("WARC-Target-URI")] = record.content_stream().read()
    assert kinds[0] == "warcinfo"
    assert kinds.count("request") == kinds.count("response")
    page = crawled["en_base"] + crawled["en"].article_paths()[5]
    assert b"high-tech enterprises" in responses[page]


def test_document_records_url_fetch_time_and_warc_record(crawled):
    conn = _db(crawled["tmp"])
    url = crawled["en_base"] + crawled["en"].article_paths()[2]
    row = conn.execute("SELECT p.fetched_at, p.warc_file, p.warc_offset, p.warc_record, d.id FROM crawl_pages p"
                       " JOIN documents d ON d.sha256 = p.document_sha256 WHERE p.url = ?", (url,)).fetchone()
    assert row["fetched_at"] and row["warc_record"].startswith("<urn:uuid:")
    with open(crawled["tmp"] / "warc" / row["warc_file"], "rb") as stream:
        stream.seek(row["warc_offset"])
        record = next(iter(ArchiveIterator(stream)))
        assert record.rec_headers.get_header("WARC-Target-URI") == url


def test_sources_lists_last_crawl_documents_and_failures(crawled):
    result = CliRunner().invoke(cli, ["sources", "--db", str(crawled["tmp"] / "hqd.db"), "--sources",
                                      str(crawled["tmp"] / "sources.toml"), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["name"]: r for r in json.loads(result.stdout)}
    assert rows["fixture-en"]["documents"] == 28  # 25 articles and the three that succeeded on retry (moved.html is one of them)
    assert rows["fixture-en"]["failures"] == 4
    assert rows["fixture-en"]["last_finished"] is not None
    assert rows["fixture-zh"]["documents"] == 3
    assert rows["fixture-en"]["next_page"].endswith("/news/index.html")


def test_reindex_from_snapshots_rebuilds_the_same_documents(crawled, tmp_path):
    result = CliRunner().invoke(cli, ["reindex", "--db", str(tmp_path / "fresh.db"), "--from-snapshots", str(crawled["tmp"] / "warc"),
                                      "--sources", str(crawled["tmp"] / "sources.toml")])
    assert result.exit_code == 0, result.output
    old = {r["sha256"] for r in _db(crawled["tmp"]).execute("SELECT sha256 FROM documents")}
    conn = sqlite3.connect(tmp_path / "fresh.db")
    new = {r[0] for r in conn.execute("SELECT sha256 FROM documents")}
    assert new == old


def test_recrawl_fetches_conditionally_and_keeps_both_snapshots_of_a_changed_page(tmp_path):
    site = Site(articles=6, per_page=10, special=False)
    with Server(site) as server:
        (tmp_path / "sources.toml").write_text(sources_toml(server.base), "utf-8")
        assert _crawl(tmp_path)[0] == 0
        changed = site.article_paths()[1]
        site.change(changed)
        code, _, err = _crawl(tmp_path)
    assert code == 0
    assert "fixture-en: 0 new, 1 changed, 5 unchanged, 0 failed" in err
    second_requests = [h for p, h in site.requests if p == site.article_paths()[0]]
    assert len(second_requests) == 2 and "if-none-match" in second_requests[1]
    bodies = []
    for path in (tmp_path / "warc").glob("*.warc.gz"):
        with open(path, "rb") as stream:
            bodies += [r.content_stream().read() for r in ArchiveIterator(stream)
                       if r.rec_type == "response" and r.rec_headers.get_header("WARC-Target-URI") == server.base + changed
                       and r.http_headers.get_statuscode() == "200"]
    assert len(bodies) == 2 and bodies[0] != bodies[1]
    conn = _db(tmp_path)
    text = conn.execute("SELECT t.text FROM document_texts t JOIN sources s ON s.document_id = t.document_id WHERE s.path = ?",
                        (server.base + changed,)).fetchone()["text"]
    assert "Revised" in text  # the store holds the page as it is now


def test_dry_run_lists_articles_and_fetches_none(tmp_path):
    site = Site(articles=12, per_page=5, special=False)
    with Server(site) as server:
        (tmp_path / "sources.toml").write_text(sources_toml(server.base), "utf-8")
        code, out, _ = _crawl(tmp_path, "--dry-run")
    assert code == 0
    assert out.split() == [server.base + p for p in site.article_paths()]
    assert not any(p.startswith("/news/content/") for p, _ in site.requests)
    assert not (tmp_path / "warc").exists()


def test_since_skips_articles_listed_earlier(tmp_path):
    site = Site(articles=8, per_page=10, special=False)
    with Server(site) as server:
        (tmp_path / "sources.toml").write_text(sources_toml(server.base), "utf-8")
        code, _, err = _crawl(tmp_path, "--since", "2023-08-05")
    assert code == 0
    assert "fixture-en: 4 new" in err  # listed 2023-08-05 .. 2023-08-08
    assert site.hits[site.article_paths()[0]] == 0


def test_max_pages_stops_and_the_next_crawl_goes_on(tmp_path):
    site = Site(articles=6, per_page=10, special=False)
    with Server(site) as server:
        (tmp_path / "sources.toml").write_text(sources_toml(server.base), "utf-8")
        _, _, err = _crawl(tmp_path, "--max-pages", "3")
        assert "fixture-en: 2 new" in err
        _, _, err = _crawl(tmp_path)
        assert "fixture-en: 4 new" in err
    assert max(site.hits[p] for p in site.article_paths()) == 1


def test_a_crawl_killed_midway_resumes_and_fetches_nothing_twice(tmp_path):
    site = Site(articles=12, per_page=20, special=False)
    held = site.article_paths()[7]
    site.hold[held] = 30.0
    env = {**os.environ, "HQD_DB": str(tmp_path / "hqd.db")}
    with Server(site) as server:
        (tmp_path / "sources.toml").write_text(sources_toml(server.base, timeout=60.0), "utf-8")
        args = [sys.executable, "-m", "hqd.cli", "crawl", "--sources", str(tmp_path / "sources.toml"),
                "--snapshots", str(tmp_path / "warc"), "--quiet"]
        crawler = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert site.arrived.wait(60), "the crawler never reached the held page"
        crawler.send_signal(signal.SIGKILL)
        crawler.wait(10)
        site.hold.clear()
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "fixture-en: 5 new" in done.stderr  # the held page and the four after it
    twice = {p for p, n in site.hits.items() if n > 1 and p != "/robots.txt"}
    assert twice == {held}  # only the page whose answer never arrived
    conn = _db(tmp_path)
    stored = {r["path"] for r in conn.execute("SELECT path FROM sources")}
    assert {server.base + p for p in site.article_paths()} <= stored


def test_document_page_links_each_figure_to_the_original_page(crawled):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from hqd.web.app import create_app

    client = TestClient(create_app(str(crawled["tmp"] / "hqd.db")))
    url = crawled["en_base"] + crawled["en"].article_paths()[4]
    doc = client.get("/api/v1/documents/" + _db(crawled["tmp"]).execute(
        "SELECT document_id FROM sources WHERE path = ?", (url,)).fetchone()[0].__str__()).json()
    assert doc["origin"]["url"] == url and doc["origin"]["warc_record"].startswith("<urn:uuid:")
    page = client.get(f"/documents/{doc['id']}").text
    assert f'Source: <a href="{url}"' in page
    assert page.count('class="origin-link"') == len(doc["quantities"]) > 0
    assert f'href="{url}#:~:text=' in page


def test_a_page_archived_but_not_recorded_before_a_kill_is_not_fetched_again(tmp_path):
    from hqd.crawl import PoliteClient, SnapshotWriter, crawl, load_sources
    from hqd.store import open_store
    from hqd.pipeline.crawl import ingest_fetched
    from hqd.store.crawl import StoreCrawlState

    site = Site(articles=3, special=False)
    with Server(site) as server:
        (tmp_path / "sources.toml").write_text(sources_toml(server.base), "utf-8")
        settings, [source] = load_sources(tmp_path / "sources.toml")
        conn = open_store(tmp_path / "hqd.db", write=True)
        state = StoreCrawlState(conn)
        with PoliteClient(settings) as client:
            with SnapshotWriter(tmp_path / "warc", prefix="killed") as snapshots:  # the run that was killed:
                run_id = state.begin(source, snapshots.name)
                snapshots.write(client.fetch(source.start_urls[0]))  # the list page archived, then the kill
            assert state.next_item(run_id).url == source.start_urls[0]  # never recorded
            with SnapshotWriter(tmp_path / "warc") as snapshots:
                failures: list[str] = []
                summary = crawl(source, client, state, snapshots, lambda f: ingest_fetched(conn, f, failures))
    assert summary.new == 3 and summary.lists == 1 and not failures
    assert site.hits["/news/index.html"] == 1  # read back from its snapshot, not fetched again
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
