"""Property tests: on any input text extraction never raises, and every span is grounded."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hqd.extraction import extract_text

from ..conftest import assert_grounded

_GENRE = st.sampled_from([
    "In the first half of this year, ", "GDP reached ", "124.83 billion yuan", ", up ", "9.1%", " year on year. ",
    "over ", "3,216 mu", " of land", "one-third of the ", "by 2025", "Since 2018, ", "US$4.4\nbillion", " 27,000 new enterprises",
    "\n\n", "1. ", "the 15th press briefing", "“3+1”", "PM2.5", " from 10.7 billion to 13.8 billion yuan", ", accounting for ",
    "Jiading District", " will ", "Line 17", "\u00a0", "%", ",", ".", "-", "(", ")", "’s",
    " 2-3 years", " -5%", "“We have 96 firms,”", " the first 10 months", " ranking second within the city",
])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=400))
def test_any_text_extracts_with_grounded_spans(text):
    doc = extract_text(text)
    assert_grounded(text, doc.quantities)
    assert_grounded(text, doc.targets)
    assert_grounded(text, doc.entities)
    assert_grounded(text, doc.ranks)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(_GENRE, max_size=40).map("".join))
def test_genre_like_text_extracts_with_grounded_spans(text):
    doc = extract_text(text, briefing_date="2023-08-22")
    assert_grounded(text, doc.quantities)
    assert_grounded(text, doc.targets)
    for q in doc.quantities:
        assert q.kind in ("level", "change", "share", "target")
        assert q.approx in ("=", "~", ">", ">=", "<", "<=")
