"""Every page in a real headless Chromium at 1400 px and 390 px: no console error, nothing wider than the screen,
chart text readable at its rendered size, downloads that work, and no serious or critical accessibility violation
(axe-core, from the test's own copy in axe-playwright-python). Screenshots go to artifacts/screenshots/."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .test_e2e import ARTIFACTS, browser, server  # noqa: F401 (fixtures)

PAGES = {
    "home": "/", "districts": "/districts", "district": "/districts/Jiading", "district-jinshan": "/districts/Jinshan",
    "indicators": "/indicators", "indicator": "/indicators/gdp", "indicator-spans": "/indicators/industrial_output",
    "indicator-period": "/indicators/gdp?period=2023-H1", "documents": "/documents", "documents-faceted": "/documents?district=Jinshan",
    "document": "/documents/1", "targets": "/targets", "search": "/search?q=revenue", "api-docs": "/api/docs",
}
WIDTHS = (1400, 390)
MIN_TEXT_PX = 11.5


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def screen(request, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": request.param, "height": 900}, accept_downloads=True)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.problems = problems
    page.width = request.param
    yield page
    context.close()
    assert problems == [], problems


@pytest.mark.parametrize("name", list(PAGES))
def test_page_at_each_width(server, screen, axe, name):  # noqa: F811
    response = screen.goto(server + PAGES[name])
    assert response.status == 200
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screen.screenshot(path=str(ARTIFACTS / f"{name}-{screen.width}.png"), full_page=True)
    # nothing runs off the screen: the page itself never scrolls sideways (wide tables scroll in their own box)
    assert screen.evaluate("() => document.documentElement.scrollWidth") <= screen.width, name
    for control in screen.locator("select, input, button").all():
        box = control.bounding_box()
        if box and control.is_visible():
            assert box["x"] >= 0 and box["x"] + box["width"] <= screen.width + 0.5, (name, control.evaluate("e => e.outerHTML"))
    # chart text is readable at the size it is drawn
    smallest = screen.evaluate("""() => {
        let least = Infinity;
        for (const svg of document.querySelectorAll('svg.chart')) {
            const box = svg.getBoundingClientRect();
            if (!box.width) continue;
            const scale = box.width / svg.viewBox.baseVal.width;
            for (const t of svg.querySelectorAll('text')) least = Math.min(least, scale * parseFloat(t.getAttribute('font-size')));
        }
        return least === Infinity ? null : least; }""")
    assert smallest is None or smallest >= MIN_TEXT_PX, (name, smallest)
    # no chart text is clipped by its SVG's edges
    clipped = screen.evaluate("""() => {
        const out = [];
        for (const svg of document.querySelectorAll('svg.chart')) {
            const box = svg.getBoundingClientRect();
            if (!box.width) continue;
            for (const t of svg.querySelectorAll('text')) {
                const r = t.getBoundingClientRect();
                if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) out.push(t.textContent);
            }
        }
        return out; }""")
    assert clipped == [], (name, clipped)
    results = axe.run(screen)
    bad = [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"][:3]])
           for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == [], (name, bad)


def test_indicators_menu_and_dropdown_on_a_phone(server, screen):  # noqa: F811
    screen.goto(server + "/")
    screen.click("nav >> text=Indicators")
    screen.wait_for_url("**/indicators")
    screen.click("a[href='/indicators/gdp']")
    screen.wait_for_url("**/indicators/gdp")
    box = screen.locator("#indicator-select").bounding_box()
    assert box["x"] + box["width"] <= screen.width
    screen.select_option("#indicator-select", "industrial_output")
    screen.wait_for_url("**/indicators/industrial_output")


def test_chart_downloads(server, screen):  # noqa: F811
    screen.goto(server + "/indicators/gdp?measure=level")
    box = screen.locator(".chart-box").first
    with screen.expect_download() as svg_download:
        box.locator("button[data-format=svg]").click()
    svg = svg_download.value
    assert svg.suggested_filename == "gdp-level-by-district.svg"
    content = open(svg.path(), encoding="utf-8").read()
    assert content.startswith("<svg") and "Jiading" in content and 'font-size="13"' in content
    with screen.expect_download() as png_download:
        box.locator("button[data-format=png]").click()
    png = png_download.value
    assert png.suggested_filename == "gdp-level-by-district.png"
    assert open(png.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"


def test_document_text_is_the_stored_text(server, screen):  # noqa: F811
    screen.goto(server + "/documents/1")
    shown = screen.locator("#doc-text").text_content()
    stored = screen.request.get(server + "/api/v1/documents/1").json()["text"]
    assert shown == stored
    assert not screen.locator("p.furniture").is_visible()
    figure = screen.locator("mark.q", has_text="124.83 billion yuan")
    start = stored.index("124.83 billion yuan")
    assert figure.evaluate("(m, s) => { const r = document.createRange(); r.setStart(document.getElementById('doc-text'), 0);"
                           " r.setEndBefore(m); return r.toString().length === s; }", start)


def test_targets_read_as_cards_on_a_phone_and_as_a_table_on_a_desktop(server, screen):  # noqa: F811
    """At 390 px each target is a card whose cells name their column; the table needs no sideways scrolling."""
    screen.goto(server + "/targets")
    table = screen.locator("#targets")
    fits = screen.evaluate("() => { const t = document.querySelector('#targets'); return t.scrollWidth <= t.parentElement.clientWidth + 1; }")
    display = screen.evaluate("() => getComputedStyle(document.querySelector('#targets tbody tr')).display")
    label = screen.evaluate("() => getComputedStyle(document.querySelector('#targets td[data-label=Goal]'), '::before').content")
    if screen.width <= 640:
        assert fits and display == "block" and label == '"Goal"', (fits, display, label)
        assert not table.locator("thead").is_visible() or table.locator("thead").bounding_box()["height"] <= 1
    else:
        assert display == "table-row" and label in ("none", "normal"), (display, label)


@pytest.mark.parametrize("target, closest", [("/indicators/gdpp", "gdp"), ("/districts/Jiadng", "Jiading"), ("/documents/999999", None)])
def test_error_page_at_each_width(server, screen, axe, target, closest):  # noqa: F811
    """An error page is a page too (issue 17: the browser tests visit every page): readable at both widths, accessible,
    naming the closest names as links; the only console message allowed is the browser's note of the 404 itself."""
    response = screen.goto(server + target)
    assert response.status == 404
    screen.problems[:] = [p for p in screen.problems if "status of 404" not in p]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screen.screenshot(path=str(ARTIFACTS / f"error{target.replace('/', '-')}-{screen.width}.png"), full_page=True)
    assert screen.evaluate("() => document.documentElement.scrollWidth") <= screen.width, target
    if closest:
        assert screen.locator(f"main a:text-is('{closest}')").count() >= 1
    bad = [(v["id"], v["impact"], v["help"]) for v in axe.run(screen).response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == [], (target, bad)
