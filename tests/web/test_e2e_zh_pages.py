"""Chinese pages in a real headless Chromium at 1400 px and 390 px, as test_e2e_pages.py checks the English ones (issue
17: "the browser tests visit every page"; issue 15 item 5): a Chinese document, a Chinese search and the pages of a
district known from Chinese releases only, with no console error, nothing wider than the screen, and no serious or
critical accessibility violation (axe-core)."""

from __future__ import annotations

import subprocess
import sys
import urllib.parse
import urllib.request

import pytest

from ..extraction.lang.zh.conftest import dev_zh_dir
from .test_e2e import ARTIFACTS, browser, serving  # noqa: F401 (fixtures)
from .test_e2e_pages import axe, screen  # noqa: F401 (fixtures)


@pytest.fixture(scope="module")
def zh_server(tmp_path_factory):
    folder = dev_zh_dir()
    if not any(folder.glob("*.txt")):
        pytest.skip("no Chinese development set: set HQD_DEV_ZH")
    db = tmp_path_factory.mktemp("e2e-zh") / "hqd.db"
    subprocess.run([sys.executable, "-m", "hqd.cli", "ingest", str(folder), "--db", str(db), "--quiet"], check=True)
    with serving(db) as base:
        yield base


def _pages(base: str) -> dict[str, str]:
    with urllib.request.urlopen(base + "/api/v1/documents?limit=1000") as response:
        documents = __import__("json").load(response)["rows"]
    longest = max(documents, key=lambda d: d["quantities"])  # the most figures to mark
    return {"document-zh": f"/documents/{longest['id']}", "search-zh": "/search?q=" + urllib.parse.quote("地区生产总值"),
            "district-zh": "/districts/Xuhui", "documents-zh": "/documents?language=zh", "targets-zh": "/targets"}


@pytest.mark.parametrize("name", ["document-zh", "search-zh", "district-zh", "documents-zh", "targets-zh"])
def test_chinese_page_at_each_width(zh_server, screen, axe, name):  # noqa: F811
    response = screen.goto(zh_server + _pages(zh_server)[name])
    assert response.status == 200
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screen.screenshot(path=str(ARTIFACTS / f"{name}-{screen.width}.png"), full_page=True)
    assert screen.evaluate("() => document.documentElement.scrollWidth") <= screen.width, name
    if name == "document-zh":
        assert screen.locator("article.doc-text").get_attribute("lang") == "zh"
        assert screen.locator("mark.q").count() > 10
    if name == "search-zh":
        assert screen.locator('.results p[lang="zh"] mark.hit').count() >= 1
    results = axe.run(screen)
    bad = [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"][:3]])
           for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == [], (name, bad)
