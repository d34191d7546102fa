"""Parallel figures: the English seed and the Chinese release of the same briefing give the same observations.

Built from the GOLD quantities of both (mapped by hqd.facts with the sentence
around each), so it tests the mapping, the catalogue's Chinese aliases, the
subjects' names in both languages and the observation stage, not the Chinese
extractor (built in parallel). The Chinese gold leaves the briefing date null
where the page gives no year; ../shared/dev-zh/SOURCES.md records each page's
briefing, and those dates are given here, as an ingest would record them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hqd.extraction.segments import sentence_around
from hqd.facts.indicators import map_quantity
from hqd.observations import build

from ..conftest import seeds_dir

PAIRS = {
    # seed, Chinese release, briefing date, shared figures: (English text, occurrence) -> (Chinese text, occurrence)
    "Jiading": ("000_4cb840ccff412ef6", "z01", "2023-08-22", {("600", 1): ("600多家", 1), ("160\nbillion yuan", 1): ("1600亿元", 1)}),
    "Changning": ("003_24b0031b0f255413", "z02", "2023-08-31", {
        ("15.3%", 1): ("15.3%", 1), ("one-seventh", 1): ("七分之一", 1), ("one-third", 1): ("三分之一", 1), ("70%", 1): ("70%", 1),
        ("70%", 2): ("70%", 2), ("9,000 yuan per square meter", 1): ("每平方米9千元", 1), ("6,100", 1): ("6100余家", 1),
        ("54.9%", 1): ("54.9%", 1), ("26", 1): ("26个", 1), ("100 million yuan", 1): ("亿元以上", 1),
        # the Shanghai Arch's tax: one figure in Chinese (百亿元, 今年到7月 with no year) and two in English (2022, January
        # to July): the undated one is the latest of them
        ("10 billion yuan", 2): ("百亿元", 1),
    }),
    "Qingpu": ("002_11d0acf30110b7cb", "z03", "2023-09-05", {("269", 1): ("269家", 1), ("112", 1): ("112项", 1)}),
    "Jinshan": ("001_a8eb9d861b173a83", "z04", "2023-10-17", {
        ("225", 1): ("225家", 1), ("3,216 mu", 1): ("3216亩", 1), ("77,872 tons of\nstandard coal", 1): ("77872吨标准煤", 1),
        ("79", 1): ("79家", 1), ("1,379 mu", 1): ("1379亩", 1), ("12%", 1): ("12%", 1), ("11%", 1): ("11%", 1)}),
}


def _rows(path: Path, document_id: int, district: str, date: str, language: str) -> tuple[list[dict], dict]:
    """Store-like quantity rows from a gold file, each mapped as the ingest maps it; and (text, occurrence) -> row."""
    gold = json.loads(path.with_suffix(".gold.json").read_text("utf-8"))
    text = path.with_suffix(".txt").read_text("utf-8-sig")
    rows, by_span = [], {}
    for i, q in enumerate(gold["quantities"]):
        at = -1
        for _ in range(q["occurrence"]):
            at = text.index(q["text"], at + 1)
        end = at + len(q["text"])
        sentence = sentence_around(text, at, end)
        offset = text.find(sentence)
        before, after = (text[offset:at], text[end:offset + len(sentence)]) if 0 <= offset <= at else ("", "")
        m = map_quantity(q.get("metric"), q["unit"], q["kind"], text=q["text"], subject=q.get("subject"), district=district,
                         sentence=sentence, before=before, after=after)
        r = {"id": document_id * 1000 + i, "document_id": document_id, "indicator": m.code, "reason": m.reason, "kind": q["kind"],
             "basis": q.get("basis"), "share_of": m.share_of, "unit": q["unit"], "period": q.get("period"), "value": q["value"],
             "approx": q.get("approx", "="), "text": q["text"], "metric": q.get("metric"), "subject": q.get("subject"),
             "district": district, "date": date, "language": language, "sentence": sentence}
        rows.append(r)
        by_span[(q["text"], q["occurrence"])] = r
    return rows, by_span


@pytest.mark.parametrize("district", sorted(PAIRS))
def test_english_and_chinese_releases_give_the_same_observations(district):
    seed, zh, date, shared = PAIRS[district]
    en_rows, en = _rows(seeds_dir() / seed, 1, district, date, "en")
    zh_rows, cn = _rows(seeds_dir().parent / "dev-zh" / zh, 2, district, date, "zh")
    alone = build(en_rows)
    both = build(en_rows + zh_rows)
    where = {s.quantity_id: o for o in both for s in o.sources}
    for en_key, zh_key in shared.items():
        a, b = en[en_key], cn[zh_key]
        assert a["indicator"] == b["indicator"], (en_key, a["indicator"], a["reason"], zh_key, b["indicator"], b["reason"])
        if a["indicator"] is None:
            continue  # unmapped in both languages: no observation from either
        obs = where[b["id"]]
        assert where[a["id"]] is obs, (en_key, zh_key)  # one observation, two sources
        assert not obs.conflict and {s.language for s in obs.sources} == {"en", "zh"}
    # never counted twice: the shared figures add no observation to the English ones
    shared_zh = {cn[k]["id"] for k in shared.values()}
    extra = [o for o in both if all(s.quantity_id in shared_zh or s.language == "zh" for s in o.sources)
             and any(s.quantity_id in shared_zh for s in o.sources)]
    assert not extra, [(o.indicator, o.period, o.value) for o in extra]
    assert len([o for o in both if any(s.language == "en" for s in o.sources)]) == len(alone)
    assert not any(o.conflict for o in both if {s.language for s in o.sources} == {"en", "zh"})


def test_the_pairs_share_mapped_figures():
    """The test above is not vacuous: most pairs hold figures that map to an indicator in both languages."""
    mapped = 0
    for district, (seed, zh, date, shared) in PAIRS.items():
        _, en = _rows(seeds_dir() / seed, 1, district, date, "en")
        mapped += sum(1 for k in shared if en[k]["indicator"])
    assert mapped >= 10


def test_from_extraction_the_two_releases_are_one_set_of_observations(tmp_path):
    """The same, through the English and the Chinese extractors and the store: a figure both releases state is one
    observation with a source in each language, never a conflict and never two observations."""
    from collections import defaultdict

    from hqd.observations import load
    from hqd.pipeline.ingest import ingest_paths
    from hqd.store import open_store

    db = tmp_path / "pairs.db"
    conn = open_store(db, write=True)
    paths = [str(seeds_dir() / (seed + ".txt")) for seed, _, _, _ in PAIRS.values()]
    paths += [str(seeds_dir().parent / "dev-zh" / (zh + ".txt")) for _, zh, _, _ in PAIRS.values()]
    ingest_paths(conn, str(db), paths, jobs=1, quiet=True)
    observations = load(conn)
    both = [o for o in observations if {s.language for s in o.sources} == {"en", "zh"}]
    assert len(both) >= 5, [(o.subject, o.indicator, o.value) for o in observations]
    assert not [o for o in both if o.conflict]
    gdp = [o for o in both if (o.subject, o.indicator, o.measure) == ("Changning", "gdp", "change")]
    assert gdp and gdp[0].period == "2023-H1" and gdp[0].value == 15.3  # the Chinese page's 上半年 has no year: the English one dates it
    alone = defaultdict(set)
    for o in observations:
        languages = {s.language for s in o.sources}
        if len(languages) == 1:
            alone[(o.subject, o.indicator, o.measure, o.unit, round(o.value, 6))].add(languages.pop())
    assert not [key for key, languages in alone.items() if languages == {"en", "zh"}]  # never counted twice
