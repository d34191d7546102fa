"""A Chinese document's page shows its stored text character for character, and every figure's mark sits at the
figure's offsets (issue 15 item 5: "Chinese documents display and highlight correctly (offsets are str indices)").
The browser test checks one English document so; this checks every page of ../shared/dev-zh, without a browser."""

from __future__ import annotations

import warnings
from html.parser import HTMLParser

import pytest

from hqd.pipeline.ingest import ingest_paths
from hqd.store import open_store
from hqd.web.app import create_app

from ..extraction.lang.zh.conftest import dev_zh_dir

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

_VOID = {"br", "img", "wbr", "hr", "input", "meta", "link", "area", "col", "source"}


class _DocText(HTMLParser):
    """The text inside <article id="doc-text">, and (start, end) of each figure's mark in it, by the mark's id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.inside, self.parts, self.marks, self.open = 0, False, [], {}, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id") == "doc-text":
            self.inside, self.depth = True, 0
        if not self.inside or tag in _VOID:
            return
        self.depth += 1
        if tag == "mark" and (a.get("id") or "").startswith("q-"):
            self.open = (a["id"], self.position)

    def handle_endtag(self, tag):
        if not self.inside or tag in _VOID:
            return
        if tag == "mark" and self.open:
            self.marks[self.open[0]] = (self.open[1], self.position)
            self.open = None
        self.depth -= 1
        self.inside = self.depth > 0

    def handle_data(self, data):
        if self.inside:
            self.parts.append(data)

    @property
    def position(self) -> int:
        return sum(len(p) for p in self.parts)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    texts = sorted(dev_zh_dir().glob("*.txt"))
    if not texts:
        pytest.skip("no Chinese development set: set HQD_DEV_ZH")
    db = tmp_path_factory.mktemp("zh") / "hqd.db"
    conn = open_store(db, write=True)
    assert ingest_paths(conn, str(db), [str(p) for p in texts], jobs=1, quiet=True).added == len(texts)
    conn.close()
    return TestClient(create_app(db))


def test_every_chinese_page_shows_the_stored_text_with_each_figure_at_its_offsets(client):
    documents = client.get("/api/v1/documents?limit=1000").json()["rows"]
    assert len(documents) >= 8 and {d["language"] for d in documents} == {"zh"}
    for listed in documents:
        doc = client.get(f"/api/v1/documents/{listed['id']}").json()
        page = client.get(f"/documents/{listed['id']}")
        assert page.status_code == 200 and 'lang="zh"' in page.text
        parsed = _DocText()
        parsed.feed(page.text)
        shown = "".join(parsed.parts)
        assert shown == doc["text"], listed["id"]
        quantities = doc["quantities"]
        assert len(parsed.marks) == len(quantities) > 0, listed["id"]
        for mark, (start, end) in parsed.marks.items():
            q = quantities[int(mark[2:])]
            assert (start, end, shown[start:end]) == (q["start"], q["end"], q["text"]), (listed["id"], mark, q)
