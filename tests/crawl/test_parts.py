"""The crawl's parts alone: the sources file, link and date finding, charsets, Retry-After."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from hqd.cli import cli
from hqd.crawl import load_sources
from hqd.crawl.config import SourcesFileError, source_for_url
from hqd.crawl.crawler import declared_charset
from hqd.crawl.http import _retry_after
from hqd.crawl.links import date_in, list_links

from .site import Server, Site


def test_shipped_sources_load_and_name_their_publishers():
    settings, sources = load_sources()
    assert settings.delay >= 1 and "hqd" in settings.user_agent
    names = {s.name for s in sources}
    assert {"shio-en", "shanghai-stats-zh"} <= names
    assert all(s.start_urls and s.article.pattern for s in sources)


@pytest.mark.parametrize("text, problem", [
    ("[[source]]\nname = 'x'\n", "lacks 'start_urls'"),
    ("[[source]]\nname = 'x'\nstart_urls = ['ftp://a']\narticle = 'a'\n", "must be http(s) URLs"),
    ("[[source]]\nname = 'x'\nstart_urls = ['http://a/']\narticle = '('\n", "bad pattern"),
    ("[crawl]\nspeed = 3\n", "unknown [crawl] settings ['speed']"),
    ("not toml = = 1", "not valid TOML"),
])
def test_a_bad_sources_file_is_named_with_its_problem(tmp_path, text, problem):
    path = tmp_path / "sources.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(SourcesFileError, match=re.escape(problem)) as caught:
        load_sources(path)
    assert str(path) in str(caught.value)


def test_crawl_refuses_an_unknown_source_name(tmp_path):
    result = CliRunner().invoke(cli, ["crawl", "--db", str(tmp_path / "x.db"), "--source", "nope", "--dry-run"])
    assert result.exit_code != 0 and "unknown source ['nope']" in result.output


@pytest.mark.parametrize("text, expected", [
    ("Briefing 2023-08-22", (2023, 8, 22)), ("2023/8/5 10:00", (2023, 8, 5)), ("2023.08.05", (2023, 8, 5)),
    ("发布日期：2023年8月22日", (2023, 8, 22)), ("2023-13-45", None), ("no date 12345", None),
])
def test_dates_printed_beside_links(text, expected):
    found = date_in(text)
    assert (found.year, found.month, found.day) == expected if expected else found is None


def test_list_links_keeps_articles_and_next_pages_within_the_source():
    site = Site(articles=3, special=False)
    html = site.list_page(1) + "<a href='https://elsewhere.example/content/1.html'>away</a><a href='javascript:void(0)'>x</a>"
    source = source_for_url("http://127.0.0.1:1/news/index.html")
    articles, pages = list_links(source, "http://127.0.0.1:1/news/index.html", html)
    assert [a.url.rsplit("/", 1)[-1] for a in articles] == ["2023080000.html", "2023080001.html", "2023080002.html"]  # not "/", "/about"
    assert all("elsewhere" not in a.url for a in articles)
    assert articles[1].listed.isoformat() == "2023-08-02"


@pytest.mark.parametrize("headers, body, expected", [
    ([("Content-Type", "text/html; charset=GBK")], b"", "gbk"),
    ([("Content-Type", "text/html")], b"<meta charset='gb2312'>", "gb2312"),
    ([("Content-Type", "text/html")], b"<meta http-equiv='Content-Type' content='text/html; charset=utf-8'>", "utf-8"),
    ([], b"<p>none</p>", None),
])
def test_the_declared_charset_comes_from_the_header_then_the_meta_tag(headers, body, expected):
    assert declared_charset(headers, body) == expected


def test_retry_after_reads_seconds_and_http_dates():
    assert _retry_after("7") == 7.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: no wait
    assert _retry_after("soon") is None and _retry_after(None) is None


def test_crawl_of_a_url_follows_the_links_on_that_page(tmp_path):
    site = Site(articles=4, special=False)
    with Server(site) as server:
        result = CliRunner().invoke(cli, ["crawl", server.base + "/news/index.html", "--db", str(tmp_path / "hqd.db"),
                                          "--snapshots", str(tmp_path / "warc"), "--delay", "0", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "127.0.0.1: 4 new" in result.stderr


def test_a_crawl_delay_in_robots_txt_slows_the_crawl_below_the_configured_delay(tmp_path):
    site = Site(articles=3, special=False)
    site.crawl_delay = 0.5
    with Server(site) as server:
        result = CliRunner().invoke(cli, ["crawl", server.base + "/news/index.html", "--db", str(tmp_path / "hqd.db"),
                                          "--snapshots", str(tmp_path / "warc"), "--delay", "0", "--quiet"])
    assert result.exit_code == 0, result.output
    times = sorted(t for p, t in site.times.items() if p != "/robots.txt")
    assert len(times) == 4  # the list page and three articles
    assert times[-1] - times[0] >= 1.3  # three gaps of 0.5 s (without the Crawl-delay: a few ms); arrival jitter allowed
