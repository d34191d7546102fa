"""Dashboard v2 through the ASGI app: index pages with JSON twins and CSV, typed API responses, errors that help."""

import csv
import io
import re
import tomllib

import pytest
from pydantic import TypeAdapter

from hqd import __version__
from hqd.web import models

from ..conftest import REPO

INDEX_PAGES = [("/indicators", "/api/v1/indicators"), ("/districts", "/api/v1/districts"), ("/documents", "/api/v1/documents"),
               ("/targets", "/api/v1/targets")]


@pytest.mark.parametrize("page, twin", INDEX_PAGES)
def test_index_pages_name_their_json_twin_and_csv(client, page, twin):
    response = client.get(page)
    assert response.status_code == 200
    assert f'<link rel="alternate" type="application/json" href="{twin}">' in response.text
    assert client.get(twin).json()["total"] >= 1
    csv_link = re.search(r'class="csv" href="([^"]+)"', response.text).group(1).replace("&amp;", "&")
    rows = list(csv.DictReader(io.StringIO(client.get(csv_link).text)))
    assert rows and client.get(csv_link).headers["content-type"].startswith("text/csv")


def test_indicator_menu_and_catalogue(client):
    home = client.get("/").text
    assert '<a href="/indicators">Indicators</a>' in home
    catalogue = client.get("/api/v1/indicators").json()
    by_code = {r["code"]: r for r in catalogue["rows"]}
    assert by_code["gdp"]["facts"] >= 3 and set(by_code["gdp"]["districts"]) >= {"Jiading", "Changning", "Qingpu"}
    page = client.get("/indicators").text
    assert "with figures" in page and 'href="/indicators/gdp"' in page
    empty = [c for c, r in by_code.items() if r["facts"] == 0]
    assert empty and f'href="/indicators/{empty[0]}"' not in page  # no link to an empty page
    dropdown = re.findall(r'<option value="([^"]+)"', client.get("/indicators/gdp").text)
    assert "gdp" in dropdown and not set(dropdown) & set(empty)


def test_no_choice_opens_an_empty_page(client):
    """Issue 17: 'the dropdown lists 66 indicators, 12 with no figures, which open empty pages'. An indicator whose figures
    are all goals or another subject's (a building's tax, a project's land) has facts but no district series: neither
    the dropdown nor the catalogue offers its page."""
    html = client.get("/indicators/gdp").text
    menu = re.search(r'<select[^>]*id="indicator-select".*?</select>', html, re.S).group(0)
    offered = set(re.findall(r'<option value="([^"]+)"', menu))
    linked = set(re.findall(r'href="/indicators/([a-z0-9_]+)"', client.get("/indicators").text))
    assert len(offered) > 20 and offered == linked
    empty = [code for code in sorted(offered) if "No district reported this indicator" in client.get(f"/indicators/{code}").text]
    assert empty == []
    with_facts = {r["code"] for r in client.get("/api/v1/indicators").json()["rows"] if r["facts"]}
    assert with_facts - offered  # not vacuous: the seeds hold figures mapped to indicators no district reports (targets, parts)


def test_documents_facets_in_the_url(client):
    everything = client.get("/api/v1/documents").json()
    assert everything["total"] == 5 and {f["value"] for f in everything["facets"]["district"]} == {"Jiading", "Jinshan", "Qingpu", "Changning"}
    jinshan = client.get("/api/v1/documents?district=jinshan").json()
    assert jinshan["total"] == 2 and {r["district"] for r in jinshan["rows"]} == {"Jinshan"}
    assert {f["value"]: f["count"] for f in jinshan["facets"]["year"]} == {"2020": 1, "2023": 1}
    both = client.get("/api/v1/documents?district=Jinshan&year=2020").json()
    assert both["total"] == 1 and both["rows"][0]["date"] == "2020-09-10"
    page = client.get("/documents?district=Jinshan").text
    assert "Filtered by" in page and 'href="/documents?district=Jinshan&amp;year=2020"' in page
    paged = client.get("/api/v1/documents?limit=2").json()
    assert len(paged["rows"]) == 2 and paged["total"] == 5 and "offset=2" in paged["next"]


def test_targets_page_lists_every_target_with_status(client):
    total = client.get("/api/v1/targets").json()["total"]
    page = client.get("/targets").text
    assert f"{total} targets" in page and page.count('class="status status-') == total
    jiading = client.get("/targets?district=jiading").text
    assert "<h1>Targets: Jiading</h1>" in jiading


def test_openapi_describes_every_response_and_the_version(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["info"]["version"] == __version__ == tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"] == "2.0.0"
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            ok = op["responses"].get("200") or op["responses"].get("201")
            schema = ok["content"]["application/json"]["schema"]
            assert schema != {} and "$ref" in schema, (method, path)


@pytest.mark.parametrize("url, model", [
    ("/api/v1/documents", models.DocumentsPage), ("/api/v1/documents/1", models.DocumentOut), ("/api/v1/facts?limit=5", models.FactsPage),
    ("/api/v1/indicators", models.IndicatorsList), ("/api/v1/districts", models.DistrictsList), ("/api/v1/compare/gdp", models.CompareOut),
    ("/api/v1/timeline/Jiading", models.TimelineOut), ("/api/v1/profile/Jiading", models.ProfileOut), ("/api/v1/targets", models.TargetsOut),
    ("/api/v1/overview", models.OverviewOut), ("/api/v1/districts/Jiading", models.DistrictOut),
])
def test_responses_match_their_models(client, url, model):
    TypeAdapter(model).validate_python(client.get(url).json())


def test_facts_filter_by_indicator_with_a_total_and_integers_as_integers(client):
    gdp = client.get("/api/v1/facts?indicator=GDP").json()
    assert gdp["total"] == len(gdp["rows"]) >= 3 and all("gdp" in (r["metric"] or "").lower() or r["value"] for r in gdp["rows"])
    page = client.get("/api/v1/facts?limit=10").json()
    assert page["total"] > 10 and len(page["rows"]) == 10 and page["next"]
    counts = client.get("/api/v1/facts?limit=1000&metric=high-tech").json()["rows"]
    assert any(r["value"] == 2453 and isinstance(r["value"], int) for r in counts)
    assert '"value": 2453,' in client.get("/api/v1/facts?limit=1000").text
    assert all("\n" not in (r["sentence"] or "") for r in client.get("/api/v1/facts?limit=1000").json()["rows"])
    text = client.get("/api/v1/facts?limit=1000&format=csv").text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert "2453.0" not in text and any(r["display"] == "124.83 bn yuan" for r in rows)
    assert all("\n" not in r["sentence"] for r in rows)


@pytest.mark.parametrize("url, status, words", [
    ("/api/v1/compare/Gdpp", 404, "did you mean gdp"), ("/indicators/gdpp", 404, "did you mean gdp"),
    ("/api/v1/timeline/Atlantis", 404, "unknown district 'Atlantis'"), ("/api/v1/profile/Jiadng", 404, "did you mean Jiading"),
    ("/districts/Atlantis", 404, "unknown district"), ("/api/v1/districts/Atlantis", 404, "unknown district"),
    ("/api/v1/targets?district=Atlantis", 404, "unknown district"), ("/api/v1/facts?indicator=nothing", 404, "unknown indicator"),
    ("/api/v1/facts?limit=-5", 422, "from 1 to 1000"), ("/api/v1/facts?since=2023-13-45", 422, "YYYY-MM-DD"),
    ("/api/v1/facts?period=bogus", 422, "2023-H1"), ("/api/v1/compare/gdp?period=bogus", 422, "2023-H1"),
    ("/indicators/gdp?period=bogus", 422, "2023-H1"), ("/documents?limit=0", 422, "from 1 to 1000"),
    # a filter naming no district, subject or status is refused as the CLI refuses it, never an empty 200
    ("/api/v1/facts?district=Atlantis", 404, "unknown district 'Atlantis'"), ("/api/v1/facts?district=Jiadng", 404, "did you mean Jiading"),
    ("/api/v1/search?q=tax&district=Atlantis", 404, "unknown district"), ("/search?q=tax&district=Jiadng", 404, "did you mean Jiading"),
    ("/api/v1/observations?subject=Atlantis", 404, "unknown subject 'Atlantis'"),
    ("/api/v1/observations?subject=Jiadng", 404, "did you mean Jiading"),
    ("/api/v1/targets?status=bogus", 422, "met, missed, on track, not yet due, no evidence"),
    ("/targets?status=bogus", 422, "met, missed"),
])
def test_errors_help(client, url, status, words):
    response = client.get(url)
    assert response.status_code == status and words in response.text.replace("&#39;", "'"), (url, response.text[:300])


def test_names_in_any_case(client):
    assert client.get("/api/v1/compare/GDP").json()["indicator"] == "gdp"
    assert {r["district"] for r in client.get("/api/v1/facts?district=jiading").json()["rows"]} == {"Jiading"}
    assert client.get("/api/v1/observations?subject=jiading").json()["total"] > 0
    assert client.get("/api/v1/observations?subject=Jiading&indicator=area").status_code == 200  # a known subject, whatever it holds
    assert client.get("/api/v1/targets?status=met").status_code == 200
    assert client.get("/api/v1/timeline/jiading").json()["district"] == "Jiading"
    moved = client.get("/indicators/GDP", follow_redirects=False)
    assert moved.status_code == 301 and moved.headers["location"] == "/indicators/gdp"
    moved = client.get("/districts/jiading", follow_redirects=False)
    assert moved.status_code == 301 and moved.headers["location"] == "/districts/Jiading"


def test_document_page_reflows_lines_and_hides_furniture(client):
    html = client.get("/documents/1").text
    article = re.search(r'<article class="doc-text" id="doc-text">(.*?)</article>', html, re.S).group(1)
    assert article.startswith('<p class="furniture" hidden>') and "| 中文版 |" in article[:80]
    assert article.count("<p>") > 20
    text = client.get("/api/v1/documents/1").json()["text"]
    visible = re.sub(r"<[^>]+>", "", article).replace("&amp;", "&").replace("&#39;", "'").replace("&#34;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    assert visible == text  # every character of the stored text, in order: offsets stay exact


def test_charts_are_readable_and_downloadable(client):
    html = client.get("/indicators/air_quality_rate").text  # one series with two periods: bars and a chart over time
    assert html.count('class="chart chart-wide"') == html.count('class="chart chart-narrow"') >= 2
    sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', html)]
    assert sizes and min(sizes) >= 12
    assert 'data-format="svg"' in html and 'data-format="png"' in html
    from hqd.web.charts import district_colour
    jiading = district_colour("Jiading")
    assert jiading in html and jiading in client.get("/districts/Jiading").text and district_colour("Qingpu") != jiading


def test_error_pages_link_the_closest_names(client):
    page = client.get("/indicators/gdpp")
    assert page.status_code == 404 and 'Closest: <a href="/indicators/gdp">gdp</a>' in page.text
    page = client.get("/districts/Jiadng")
    assert page.status_code == 404 and '<a href="/districts/Jiading">Jiading</a>' in page.text


def test_page_twins_write_integers_as_integers(client):
    assert re.search(r'"value":\s*124830000000[,}]', client.get("/api/v1/overview").text)
    assert not re.search(r"\d\.0[,}\]]", client.get("/api/v1/districts/Jiading").text)  # no 2453.0
