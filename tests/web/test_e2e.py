"""End to end in a real headless Chromium against a real server: pages, links, tooltips, charts, console errors.

Needs Debian's chromium (.ci/run installs it); HQD_CHROMIUM may point elsewhere. Screenshots of each
page are saved under artifacts/screenshots/.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.sync_api import sync_playwright

from ..conftest import REPO
from .live import free_port

ARTIFACTS = REPO / "artifacts" / "screenshots"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    path = os.environ.get("HQD_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("no Chromium found: install Debian's chromium (apt-get install chromium) or set HQD_CHROMIUM")
    return path


@contextlib.contextmanager
def serving(db):
    """``hqd serve`` on ``db`` at a free port, yielding its base URL once it answers; stopped after."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "hqd.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/api/v1/documents", timeout=1)
            break
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail(f"server did not start: {proc.stderr.read().decode()}")
            time.sleep(0.2)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory, seeds):
    db = tmp_path_factory.mktemp("e2e") / "hqd.db"
    subprocess.run([sys.executable, "-m", "hqd.cli", "ingest", str(seeds), "--db", str(db), "--quiet"], check=True)
    with serving(db) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    pg.problems = problems
    yield pg
    context.close()
    assert problems == [], problems


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_home_to_district_to_document(server, page):
    page.goto(server + "/")
    assert page.locator("#key-indicators tbody tr").count() == 4
    shot(page, "home")
    page.click("a.district-link:text('Jiading')")
    page.wait_for_url("**/districts/Jiading")
    assert page.locator("h1").inner_text() == "Jiading"
    assert page.locator("svg.chart .mark").count() > 0
    shot(page, "district")
    page.click("a.doc-link >> nth=0")
    page.wait_for_url("**/documents/*")
    assert "124.83 billion yuan" in page.locator("#doc-text").inner_text()
    shot(page, "document")


def test_hovering_a_figure_shows_its_tooltip(server, page):
    page.goto(server + "/documents/1")
    figure = page.locator("mark.q", has_text="124.83 billion yuan")
    figure.hover()
    tooltip = page.locator("#tooltip")
    tooltip.wait_for(state="visible")
    text = tooltip.inner_text()
    assert "124.83 bn yuan" in text and "economic value added" in text and "H1 2023" in text


def poll(page, js: str, timeout: float = 5.0) -> bool:
    """Wait until a JS function returns true (page.wait_for_function evaluates strings, which our CSP forbids)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if page.evaluate(js):
            return True
        time.sleep(0.05)
    return False


def test_side_list_scrolls_to_the_figure(server, page):
    page.goto(server + "/documents/1")
    page.click("a.fact-link >> nth=40")
    assert poll(page, "() => document.activeElement && document.activeElement.id === 'q-40'")
    assert page.evaluate("() => location.hash") == "#q-40"
    assert poll(page, "() => { const r = document.getElementById('q-40').getBoundingClientRect();"
                      " return r.top >= 0 && r.bottom <= window.innerHeight; }")


def test_indicator_chart_draws_marks_with_tooltips(server, page):
    page.goto(server + "/indicators/gdp")
    marks = page.locator("svg.chart .mark")
    assert marks.count() >= 3
    titles = [marks.nth(i).locator("title").text_content() for i in range(marks.count())]
    assert any("Jiading" in t for t in titles)
    assert page.locator("svg.chart .tick").count() > 3
    shot(page, "indicator")
    page.select_option("#indicator-select", "pm25")
    page.wait_for_url("**/indicators/pm25")


def test_search_highlights_figures(server, page):
    page.goto(server + "/search?q=%22air+quality%22")
    assert page.locator(".results li").count() >= 2
    assert page.locator(".results mark.q").count() >= 2
    shot(page, "search")


def test_api_docs_render_offline(server, page):
    external = []
    page.on("request", lambda request: external.append(request.url) if not request.url.startswith(server) else None)
    page.goto(server + "/api/docs")
    page.wait_for_selector(".opblock", timeout=15000)  # Swagger UI drew the operations from the local schema
    assert page.locator(".opblock").count() >= 5
    assert external == []
