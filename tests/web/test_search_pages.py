"""/search and /api/v1/search take what people type; results link to their sentence; Chinese pages say lang="zh"."""

from __future__ import annotations

import re
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from hqd.web.app import create_app

from .conftest import BROWSER_ACCEPT

from ..search_corpus import build, zh_document_id

FORMS = ["high-tech", "9.1%", '"air quality"', '"air quality', "year-on-year", "Five-Year Plan", "a* OR b*", "innovat*",
         "tax OR fee", "(revenue", "NEAR(air quality)", "text:GDP", "air AND (", "地区生产总值", "集成电路", "园区", "园区 集成电路",
         "'single' <b>bold</b>"]


@pytest.fixture(scope="module")
def db(tmp_path_factory, seed_texts):
    return build(tmp_path_factory.mktemp("search-web"), seed_texts)


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db, cache=False), headers={"Accept": BROWSER_ACCEPT})


@pytest.mark.parametrize("query", FORMS)
def test_api_answers_every_form(client, query):
    response = client.get("/api/v1/search", params={"q": query})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["query"] == query and body["understood"] and body["index"] in ("words", "chinese")
    for row in body["rows"]:
        assert row["url"] == f"/documents/{row['document_id']}#s-{row['idx']}"
        assert all(row["text"][a:b] for a, b in row["matches"])


def test_api_finds_what_was_asked(client):
    def texts(q):
        return [r["text"] for r in client.get("/api/v1/search", params={"q": q, "limit": 200}).json()["rows"]]
    assert texts("high-tech") and all("high" in t.lower() and "tech" in t.lower() for t in texts("high-tech"))
    assert any("9.1%" in t for t in texts("9.1%"))
    assert texts("集成电路") and all("集成电路" in t or "集成電路" in t for t in texts("集成电路"))
    assert len(texts("园区")) == 4 and all("园区" in t or "園區" in t for t in texts("园区"))  # traditional 園區 too
    assert client.get("/api/v1/search", params={"q": "revenue", "format": "csv"}).text.startswith("sentence_id,")


@pytest.mark.parametrize("query", ["", "   ", "%", '""', "OR"])
def test_api_empty_query_is_400_with_a_message(client, query):
    response = client.get("/api/v1/search", params={"q": query})
    assert response.status_code == 400
    assert "nothing to search for" in response.json()["error"]["message"]
    assert client.get("/api/v1/search").status_code == 400  # no q at all


def test_api_reports_notes(client):
    body = client.get("/api/v1/search", params={"q": "a* OR b*"}).json()
    assert any("more than" in n for n in body["notes"])


@pytest.mark.parametrize("query", FORMS)
def test_page_answers_every_form(client, query):
    response = client.get("/search", params={"q": query})
    assert response.status_code == 200
    assert "<b>bold</b>" not in response.text and "FTS5" not in response.text


def test_page_marks_matches_and_links_to_the_sentence(client, db):
    html = client.get("/search", params={"q": "high-tech"}).text
    assert re.search(r'<mark class="hit">high-tech</mark>', html, re.IGNORECASE)
    links = re.findall(r'class="hit-link" href="(/documents/\d+#s-\d+)"', html)
    assert links
    doc, anchor = links[0].split("#")
    page = client.get(doc).text
    sentence = re.search(rf'<span class="s" id="{anchor}">(.*?)</span>(?=<span class="s"|\s|$)', page, re.S)
    assert sentence and "high-tech" in re.sub(r"<[^>]+>", "", sentence.group(1)).lower()


def test_figures_and_matches_nest(client):
    html = client.get("/search", params={"q": "9.1%"}).text
    assert '<mark class="q"><mark class="hit">9.1</mark></mark>' in html


def test_empty_page_explains_the_syntax(client):
    for params in ({}, {"q": ""}, {"q": "  "}):
        html = client.get("/search", params=params).text
        assert "How to search" in html and 'href="/search?q=high-tech"' in html
    html = client.get("/search", params={"q": "%"}).text
    assert "nothing to search for" in html and "How to search" in html


def test_chinese_results_and_document_say_lang_zh(client, db):
    html = client.get("/search", params={"q": "集成电路"}).text
    assert '<p lang="zh">' in html and '<mark class="hit">集成电路</mark>' in html
    doc_id = zh_document_id(db)
    page = client.get(f"/documents/{doc_id}").text
    assert re.search(r'<article class="doc-text" id="doc-text" lang="zh">', page)
    assert '<html lang="en">' in page  # the interface stays English
    english = client.get("/documents/1").text
    assert 'lang="zh"' not in english.split("<main>")[1]


def test_every_sentence_of_a_document_is_an_anchor(client, db):
    doc_id = zh_document_id(db)
    page = client.get(f"/documents/{doc_id}").text
    assert [int(i) for i in re.findall(r'id="s-(\d+)"', page)] == list(range(7))
    last = page.split('<span class="s" id="s-6">')[1].split("</article>")[0]
    assert re.sub(r"<[^>]+>", "", last).strip() == "临港园区"
