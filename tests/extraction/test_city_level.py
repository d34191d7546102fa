"""A city-level text (a municipal report or story) that names a district only in passing: no district, figures the city's."""

from hqd.extraction import extract_text
from hqd.extraction.metadata import extract_meta

CITY_STORY = """Shanghai's economy grows 6.4 pct in 2023

SHANGHAI, Jan. 24 (Xinhua) -- Shanghai's GDP came to 4.72 trillion yuan in 2023, city statisticians said.

The city's factory output grew 9.6 percent. Jiading's carmakers led the way."""


def test_a_district_named_once_in_passing_is_not_the_texts_district():
    assert extract_meta(CITY_STORY).district is None


def test_a_city_level_texts_figures_are_shanghais():
    doc = extract_text(CITY_STORY)
    subjects = {q.text: q.subject for q in doc.quantities}
    assert subjects["4.72 trillion yuan"] == subjects["9.6 percent"] == "Shanghai"


def test_a_district_named_in_the_title_is_the_texts_district():
    text = CITY_STORY.replace("Shanghai's economy grows", "Jiading's economy grows", 1)
    assert extract_meta(text).district == "Jiading"


def test_a_district_named_twice_is_the_texts_district():
    text = CITY_STORY + " Jiading also added 300 firms."
    assert extract_meta(text).district == "Jiading"


def test_a_work_report_naming_no_district_and_the_city_once_is_the_citys_goals_included():
    from hqd.extraction import extract_text

    doc = extract_text("Government Work Report\n\nI. Review of Our Work in 2023\n\nThe city's GDP reached 4.72 trillion yuan, up 5%.\n\n"
                       "II. Tasks for 2024\n\nGDP is expected to grow by about 5%. We will create 550,000 new jobs.")
    assert {q.subject for q in doc.quantities} == {"Shanghai"}
    assert {t.subject for t in doc.targets} == {"Shanghai"}
