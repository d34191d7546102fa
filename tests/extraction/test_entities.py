from hqd.extraction import extract_text
from hqd.extraction.entities import find_entities
from hqd.model import Meta, Official

from ..conftest import assert_grounded


def test_entities_are_typed_by_head_word_and_grounded():
    text = ("Lu Fangzhou said the Jiading District Science and Technology Commission backs the Shanghai Smart Sensor "
            "Industrial Park, Ruijin Hospital and United Imaging; the Xinghan Space project opens near Shanghai Experimental "
            "School Jiading New City Campus and Soong Ching Ling School Jiading Experimental School.")
    entities = find_entities(text, Meta(officials=[Official("Lu Fangzhou", "Party Secretary")]))
    assert_grounded(text, entities)
    got = {e.text: e.type for e in entities}
    assert got["Lu Fangzhou"] == "person"
    assert got["Jiading District Science and Technology Commission"] == "organization"
    assert got["Shanghai Smart Sensor Industrial Park"] == "park"
    assert got["Ruijin Hospital"] == "institution"
    assert got["United Imaging"] == "organization"
    assert got["Shanghai Experimental School Jiading New City Campus"] == "institution"
    assert got["Soong Ching Ling School Jiading Experimental School"] == "institution"


def test_seed_entities_include_the_officials(seed_texts):
    doc = extract_text(seed_texts[0].read_text("utf-8"))
    people = {e.text for e in doc.entities if e.type == "person"}
    assert {o.name for o in doc.meta.officials} <= people
    assert_grounded(doc.text, doc.entities)


def test_a_news_outlet_named_after_a_place_is_an_organization():
    text = ("By Wang Yiqing | Shanghai Daily | 2024-07-15. Xinhua News Agency and the Global Times reported it from Shanghai, "
            "where the Yangshupu Power Plant is now a park.")
    got = {e.text: e.type for e in find_entities(text, Meta())}
    assert got["Shanghai Daily"] == "organization"
    assert got["Xinhua News Agency"] == "organization"
    assert got["Global Times"] == "organization"
    assert got["Shanghai"] == "place"
    assert got["Yangshupu Power Plant"] == "organization"
