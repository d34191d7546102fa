"""Comparable observations in a real browser: an indicator page choosing a measure, and a district page that shows
no figure of another subject (issue 16)."""

import json
import urllib.request

from hqd.format import format_value
from hqd.observations import district_names

from .test_e2e import browser, page, server, shot  # noqa: F401 (fixtures)


def test_indicator_page_chooses_a_measure(server, page):  # noqa: F811
    page.goto(server + "/indicators/gdp")
    default = page.locator("#series .series-label").inner_text()
    assert default.startswith("change, year on year")  # what most districts report: H1 growth of three districts
    values = page.locator("table.compare tbody td.value").all_inner_texts()
    assert len(values) == 3 and all(v.strip().endswith("%") for v in values)
    page.select_option("#measure-select", "level")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/indicators/gdp?*measure=level*")
    assert page.locator("#series .series-label").inner_text().startswith("level")
    levels = page.locator("table.compare tbody td.value").all_inner_texts()
    assert levels and all("yuan" in v for v in levels)  # levels only, no growth rate among them
    shot(page, "indicator-level")
    others = page.locator("#series-options a")
    assert others.count() >= 1  # the other series are offered
    change = page.locator("#series-options a", has_text="change, year on year, %, half-year")
    change.click()
    page.wait_for_url("**/indicators/gdp?*measure=change*")
    assert page.locator("#series .series-label").inner_text() == default


def test_district_page_shows_no_figure_of_another_subject(server, page):  # noqa: F811
    with urllib.request.urlopen(server + "/api/v1/observations?limit=5000") as response:
        observations = json.load(response)["rows"]
    with urllib.request.urlopen(server + "/api/v1/documents?district=Jinshan") as response:
        jinshan_documents = {d["id"] for d in json.load(response)["rows"]}
    own = [o for o in observations if o["subject"] == "Jinshan"]
    districts = district_names()
    others = [o for o in observations if o["subject"] not in districts
              and any(s["document_id"] in jinshan_documents for s in o["sources"])]  # said in Jinshan's briefings, of parks and companies
    own_texts = {format_value(o["value"], o["unit"], o["measure"], o["approx"]) for o in own}
    foreign = {format_value(o["value"], o["unit"], o["measure"], o["approx"]) for o in others} - own_texts
    assert len(foreign) >= 3, others  # EverDisplay's investment, the resort's tourists, Carbon Valley's land, ...
    page.goto(server + "/districts/Jinshan")
    shown = " ".join(" ".join(page.locator(sel).all_inner_texts()) for sel in ("#profile", "#undated", "#targets"))
    tips = " ".join(page.locator("svg title").all_text_contents())  # every chart mark's tooltip
    assert tips
    for figure in foreign:
        assert figure not in shown and figure not in tips, figure
    assert any(format_value(o["value"], o["unit"], o["measure"], o["approx"]) in shown + tips for o in own)  # its own figures are there
    shot(page, "district-own-figures")
