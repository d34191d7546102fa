"""Untrusted text is shown as text everywhere; CSP is set; uploads are guarded."""

import sqlite3

from fastapi.testclient import TestClient

from hqd.pipeline.ingest import ingest_paths
from hqd.store import open_store
from hqd.web.app import create_app

HOSTILE = (
    "<script>alert('t')</script> Press Release for Media Briefing of the Shanghai Municipal Government on May 1, 2024\n\n"
    "The briefing (Minhang District special session) was held.\n\n"
    "In 2023, <b>GDP</b> reached 5 billion yuan \"quoted\" & 'single' <img src=x onerror=alert(1)>, up 6%.\n"
)


def test_hostile_document_is_escaped_on_every_page(tmp_path):
    path = tmp_path / "evil.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    db = tmp_path / "evil.db"
    conn = open_store(db, write=True)
    assert ingest_paths(conn, str(db), [str(path)], quiet=True).added == 1
    client = TestClient(create_app(db))
    for url in ("/", "/documents/1", "/districts/Minhang", "/search?q=GDP", "/indicators/gdp"):
        html = client.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>GDP</b>" not in html, url
    document = client.get("/documents/1").text
    assert "&lt;script&gt;alert(" in document and "&lt;img src=x onerror=alert(1)&gt;" in document
    assert "&#34;quoted&#34;" in document or "&quot;quoted&quot;" in document
    assert client.get("/search?q=GDP").text.count("&lt;b&gt;") >= 1


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" in client.get("/api/v1/documents").headers


def _upload_client(tmp_path, **kwargs):
    db = tmp_path / "up.db"
    return db, TestClient(create_app(db, **kwargs))


def _count(db):
    return sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]


def test_upload_is_off_unless_allowed(tmp_path, seed_texts):
    db, client = _upload_client(tmp_path)
    response = client.post("/api/v1/documents", content=seed_texts[0].read_bytes(), headers={"X-HQD-Token": "x"})
    assert response.status_code == 405 and "allow-upload" in response.json()["error"]["message"]
    assert _count(db) == 0


def test_upload_needs_the_token(tmp_path, seed_texts):
    db, client = _upload_client(tmp_path, allow_upload=True, upload_token="s3cret")
    for headers in ({}, {"X-HQD-Token": "wrong"}):
        response = client.post("/api/v1/documents", content=seed_texts[0].read_bytes(), headers=headers)
        assert response.status_code == 401
    assert _count(db) == 0
    ok = client.post("/api/v1/documents", content=seed_texts[0].read_bytes(), headers={"X-HQD-Token": "s3cret", "X-Filename": "jiading.txt"})
    assert ok.status_code == 201
    body = ok.json()
    assert body["outcome"] == "added" and body["document"]["district"] == "Jiading" and len(body["document"]["quantities"]) == 47
    again = client.post("/api/v1/documents", content=seed_texts[0].read_bytes(), headers={"Authorization": "Bearer s3cret"})
    assert again.status_code == 200 and again.json()["outcome"] == "unchanged"
    assert _count(db) == 1


def test_upload_limits_and_bad_files(tmp_path, seed_texts):
    db, client = _upload_client(tmp_path, allow_upload=True, upload_token="t", max_upload_bytes=1000)
    big = client.post("/api/v1/documents", content=seed_texts[0].read_bytes(), headers={"X-HQD-Token": "t"})
    assert big.status_code == 413 and "limit" in big.json()["error"]["message"]
    for content in (b"", b"\x00\x01\x02\x00binary"):
        bad = client.post("/api/v1/documents", content=content, headers={"X-HQD-Token": "t"})
        assert bad.status_code == 422, content
    html = client.post("/api/v1/documents", content=b"<html><body><p>In 2022 GDP grew 7%.</p></body></html>",
                       headers={"X-HQD-Token": "t", "Content-Type": "text/html"})
    assert html.status_code == 201 and html.json()["document"]["is_html"] == 1
    assert _count(db) == 1


def test_api_docs_load_their_assets_from_this_server_under_a_csp(client):
    import re

    page = client.get("/api/docs")
    assert page.status_code == 200
    assets = re.findall(r"""(?:src|href)=['"]([^'"]+)['"]""", page.text)
    assert "/api/docs/static/swagger-ui-bundle.js" in assets and "/api/docs/static/swagger-ui.css" in assets
    assert not [a for a in assets if a.startswith(("http:", "https:", "//"))], assets  # no CDN
    for asset in ("/api/docs/static/swagger-ui-bundle.js", "/api/docs/static/swagger-ui.css"):
        assert client.get(asset).status_code == 200
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "object-src 'none'" in csp and "http" not in csp
    assert client.get("/api/v1/openapi.json").json()["info"]["title"] == "hqd"
