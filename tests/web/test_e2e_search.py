"""In a real Chromium against a real server: a search result opens its document scrolled to the sentence,
which is marked; a Chinese document renders with lang="zh" and a CJK font. Screenshots under artifacts/screenshots/."""

from __future__ import annotations

import urllib.request

import pytest

from ..search_corpus import build, zh_document_id
from .test_e2e import browser, page, poll, serving, shot  # noqa: F401 (fixtures)


@pytest.fixture(scope="module")
def search_server(tmp_path_factory, seed_texts):
    db = build(tmp_path_factory.mktemp("e2e-search"), seed_texts)
    with serving(db) as base:
        yield base, db


def test_a_result_opens_its_sentence_marked_in_the_document(search_server, page):
    base, _ = search_server
    page.goto(base + "/search?q=high-tech")
    assert page.locator(".results mark.hit").first.inner_text().lower() == "high-tech"
    shot(page, "search-high-tech")
    link = page.locator("a.hit-link").nth(1)
    href = link.get_attribute("href")
    anchor = href.split("#")[1]
    link.click()
    page.wait_for_url("**/documents/*")
    target = page.locator(f"#{anchor}")
    assert "high-tech" in target.inner_text().lower()
    assert page.evaluate("() => location.hash") == f"#{anchor}"
    assert poll(page, f"() => {{ const r = document.getElementById('{anchor}').getBoundingClientRect();"
                      " return r.top >= 0 && r.bottom <= window.innerHeight; }")
    assert page.evaluate(f"() => document.getElementById('{anchor}').matches(':target')")
    marked = page.evaluate(f"() => getComputedStyle(document.getElementById('{anchor}')).backgroundColor")
    plain = page.evaluate("() => getComputedStyle(document.querySelector('.doc-text .s:not(:target)')).backgroundColor")
    assert marked != plain
    shot(page, "search-result-in-document")


def test_chinese_search_and_document_render_in_chinese(search_server, page):
    base, db = search_server
    page.goto(base + "/search?q=" + urllib.request.quote("园区"))
    assert page.locator(".results li").count() == 4  # three in simplified characters, one in traditional
    assert page.locator('.results p[lang="zh"] mark.hit').first.inner_text() == "园区"
    shot(page, "search-chinese")
    page.goto(base + f"/documents/{zh_document_id(db)}#s-3")
    article = page.locator("article.doc-text")
    assert article.get_attribute("lang") == "zh"
    assert page.evaluate("() => document.documentElement.lang") == "en"
    assert "集成电路" in page.locator("#s-3").inner_text()
    font = page.evaluate("() => getComputedStyle(document.querySelector('article.doc-text')).fontFamily")
    assert "Noto Sans CJK SC" in font
    # the glyphs come from a font that has them: a Han character is drawn wider than a Latin letter
    widths = page.evaluate("""() => {
        const span = document.createElement('span'); span.lang = 'zh';
        document.querySelector('article.doc-text').appendChild(span);
        span.textContent = '集成电路'; const han = span.getBoundingClientRect().width;
        span.textContent = 'iiii'; const latin = span.getBoundingClientRect().width; span.remove();
        return [han, latin]; }""")
    assert widths[0] > 2 * widths[1]
    shot(page, "document-chinese")
