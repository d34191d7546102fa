"""The REST API over a real store built from the seeds."""

import csv
import io


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/documents", "/api/v1/documents/{ref}", "/api/v1/facts", "/api/v1/search", "/api/v1/indicators",
                 "/api/v1/compare/{indicator}", "/api/v1/timeline/{district}", "/api/v1/profile/{district}", "/api/v1/targets",
                 "/api/v1/overview", "/api/v1/districts/{name}"):
        assert path in paths, path


def test_documents_list_and_one(client):
    rows = client.get("/api/v1/documents").json()["rows"]
    assert len(rows) == 5 and {"id", "date", "district", "title", "quantities", "sources"} <= set(rows[0])
    doc = client.get("/api/v1/documents/1").json()
    assert doc["text"][doc["quantities"][0]["start"]:doc["quantities"][0]["end"]] == doc["quantities"][0]["text"]
    assert {"meta" not in doc, "officials" in doc, "targets" in doc, "entities" in doc} == {True}


def test_facts_filters_and_pagination(client):
    first = client.get("/api/v1/facts", params={"district": "Jiading", "limit": 10}).json()
    assert len(first["rows"]) == 10 and first["offset"] == 0 and first["next"]
    second = client.get(first["next"]).json()
    assert second["offset"] == 10 and {r["id"] for r in first["rows"]}.isdisjoint({r["id"] for r in second["rows"]})
    change = client.get("/api/v1/facts", params={"metric": "budget revenue", "kind": "change"}).json()["rows"]
    assert {r["district"] for r in change} == {"Jiading", "Qingpu"} and all(r["kind"] == "change" for r in change)
    last = client.get("/api/v1/facts", params={"doc": 4, "limit": 1000}).json()
    assert last["next"] is None and all(r["document_id"] == 4 for r in last["rows"])


def test_csv_twins(client):
    response = client.get("/api/v1/compare/gdp", params={"kind": "change", "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {r["district"] for r in rows} == {"Jiading", "Qingpu", "Changning"}
    assert client.get("/api/v1/facts", params={"format": "csv", "limit": 5}).text.count("\n") == 6
    matrix = list(csv.DictReader(io.StringIO(client.get("/api/v1/overview", params={"format": "csv"}).text)))
    assert {"district": "Jiading", "indicator": "gdp", "kind": "level"}.items() <= matrix[next(
        i for i, r in enumerate(matrix) if r["district"] == "Jiading" and r["indicator"] == "gdp" and r["kind"] == "level")].items()


def test_analysis_endpoints(client):
    compare = client.get("/api/v1/compare/gdp", params={"kind": "change", "period": "2023-H1"}).json()
    assert {(r["district"], r["value"]) for r in compare["rows"]} == {("Jiading", 9.1), ("Qingpu", 14.7), ("Changning", 15.3)}
    assert client.get("/api/v1/timeline/Jinshan").json()["rows"][0]["period"].startswith("2015")  # by the period figures refer to
    assert any(r["indicator"] == "gdp" for r in client.get("/api/v1/profile/Jiading").json()["rows"])
    targets = client.get("/api/v1/targets", params={"as_of": "2023-12-31"}).json()["rows"]
    assert {t["status"] for t in targets} <= {"met", "missed", "on track", "not yet due", "no evidence"}
    assert len(targets) == client.get("/api/v1/overview").json()["totals"]["targets"] >= 15
    search = client.get("/api/v1/search", params={"q": '"air quality"'}).json()
    assert search["rows"] and search["rows"][0]["figures"]
    assert len(client.get("/api/v1/indicators").json()["rows"]) >= 50


def test_page_twins_have_tested_shapes(client):
    overview = client.get("/api/v1/overview").json()
    assert set(overview) == {"totals", "indicators", "districts", "matrix", "latest"}
    assert overview["totals"]["documents"] == 5 and overview["matrix"]["Jiading"]["gdp"]["level"]["value"] == 124.83e9
    district = client.get("/api/v1/districts/Jinshan").json()
    assert set(district) == {"district", "documents", "profile", "series", "growth", "growth_series", "undated", "targets", "ranks",
                             "entities"}
    assert district["series"] and all(len(s["points"]) >= 2 for s in district["series"])
    for page, twin in (("/", "/api/v1/overview"), ("/districts/Jinshan", "/api/v1/districts/Jinshan"),
                       ("/indicators/gdp", "/api/v1/compare/gdp"), ("/documents/1", "/api/v1/documents/1"),
                       ("/search?q=revenue", "/api/v1/search?q=revenue")):
        html = client.get(page).text
        assert f'<link rel="alternate" type="application/json" href="{twin}">' in html, page
        assert client.get(twin).status_code == 200


def test_errors_are_json_with_the_right_status(client):
    cases = [("/api/v1/documents/999", 404, "no document"), ("/api/v1/compare/nonsense", 404, "unknown indicator"),
             ("/api/v1/search?q=%25", 400, "nothing to search for"), ("/api/v1/facts?limit=0", 422, "limit"),
             ("/api/v1/facts?kind=bogus", 422, "kind"), ("/api/v1/nothing", 404, "Not Found")]
    for url, status, words in cases:
        response = client.get(url)
        assert response.status_code == status, url
        body = response.json()
        assert body["error"]["status"] == status and words in body["error"]["message"], (url, body)


def test_every_page_table_offers_a_csv_download(client):
    for page in ("/", "/districts/Jiading", "/indicators/gdp", "/documents/1", "/search?q=revenue"):
        html = client.get(page).text
        tables = html.count("<table")
        links = [part.split('"')[0] for part in html.split('class="csv" href="')[1:]]
        assert len(links) >= tables, page
        for link in links:
            response = client.get(link.replace("&amp;", "&"))
            assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv"), (page, link)


def test_html_pages_and_missing_ones(client):
    for url in ("/", "/districts/Jiading", "/indicators/gdp", "/indicators/gdp?period=2023-H1", "/documents/1", "/search?q=revenue"):
        response = client.get(url)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/html"), url
    assert client.get("/districts/Atlantis").status_code == 404
    redirect = client.get("/indicators/gdp?code=pm25&period=2022", follow_redirects=False)
    assert redirect.status_code == 303 and redirect.headers["location"] == "/indicators/pm25?period=2022"


def test_cached_responses_follow_new_ingests(seeded_db, tmp_path):
    from fastapi.testclient import TestClient

    from hqd.pipeline.ingest import ingest_paths
    from hqd.store import open_store
    from hqd.web.app import create_app

    client = TestClient(create_app(seeded_db))
    assert len(client.get("/api/v1/documents").json()["rows"]) == 5
    assert len(client.get("/api/v1/documents").json()["rows"]) == 5  # served from the cache
    extra = tmp_path / "extra.txt"
    extra.write_text("In 2023, Minhang's GDP reached 300 billion yuan.", encoding="utf-8")
    conn = open_store(seeded_db, write=True)
    assert ingest_paths(conn, str(seeded_db), [str(extra)], quiet=True).added == 1
    conn.close()
    assert len(client.get("/api/v1/documents").json()["rows"]) == 6


def test_counts_and_comparisons_follow_new_ingests_without_the_cache(seeded_db, tmp_path):
    """A listing's total, a comparison and the district names are worked out once per database version (store.memo): a
    write is seen by the next request, the response cache off."""
    from fastapi.testclient import TestClient

    from hqd.observations import refresh
    from hqd.pipeline.ingest import ingest_paths
    from hqd.store import open_store
    from hqd.web.app import create_app

    client = TestClient(create_app(seeded_db, cache=False))
    total = client.get("/api/v1/facts?limit=1").json()["total"]
    assert client.get("/api/v1/facts?limit=1&offset=1").json()["total"] == total > 1
    assert client.get("/api/v1/facts?district=minhang").status_code == 404  # no briefing of Minhang yet
    before = client.get("/api/v1/compare/gdp?measure=level&granularity=year").json()
    assert client.get("/api/v1/compare/gdp?measure=level&granularity=year").json() == before
    extra = tmp_path / "extra.txt"
    extra.write_text("Minhang District, 2024-02-01. In 2023, Minhang's GDP reached 300 billion yuan.", encoding="utf-8")
    conn = open_store(seeded_db, write=True)
    assert ingest_paths(conn, str(seeded_db), [str(extra)], quiet=True).added == 1
    conn.close()
    refresh(seeded_db)
    assert client.get("/api/v1/facts?limit=1").json()["total"] > total
    assert client.get("/api/v1/facts?district=minhang").json()["rows"][0]["district"] == "Minhang"  # the district names too
    after = client.get("/api/v1/compare/gdp?measure=level&granularity=year").json()
    assert after != before and any(r["district"] == "Minhang" and r["value"] == 300_000_000_000 for r in after["rows"])
