from hqd.extraction.segments import Segmentation


def test_an_en_dash_between_two_words_is_a_range_not_a_clause_break():
    text = "Sales grew 0.3 points faster than in January–September."
    seg = Segmentation(text)
    start, end = seg.clause_bounds(text.index("0.3"))
    assert text[start:end].rstrip(".") == text[:-1]
    # spaced, or an em dash, it still breaks the clause
    text = "Output grew 5% – the fastest in years – and exports rose 3%."
    start, end = Segmentation(text).clause_bounds(text.index("5%"))
    assert text[start:end].rstrip() == "Output grew 5%"
    text = "Output grew 5%—the fastest in years."
    start, end = Segmentation(text).clause_bounds(text.index("5%"))
    assert text[start:end].rstrip() == "Output grew 5%"
