"""Search takes what people type: the query syntax, English and Chinese, the trigram index kept in step, migration."""

from __future__ import annotations

import re
import sqlite3

import pytest

from hqd.pipeline.ingest import ingest_paths
from hqd.store import fts, open_store, search
from hqd.store.queries import search_sentences
from hqd.store.database import _statements
from hqd.store.schema import HAN_GLOB, LATEST, MIGRATIONS

from ..search_corpus import ZH_SAMPLE, ZH_TRADITIONAL, build

TRADITIONAL = ZH_TRADITIONAL.strip()


@pytest.fixture(scope="module")
def db(tmp_path_factory, seed_texts):
    return build(tmp_path_factory.mktemp("search"), seed_texts)


@pytest.fixture()
def conn(db):
    c = open_store(db)
    yield c
    c.close()


def words(text: str) -> str:
    return " ".join(text.lower().split())


def matched(hit) -> list[str]:
    return [hit.text[a:b] for a, b in hit.matches]


# --- reading the query ----------------------------------------------------------------------------------------


def shape(query: str) -> list[list[str]]:
    return [[t.text + ("*" if t.prefix else "") for t in group] for group in fts.parse(query).groups]


def test_words_phrases_or_and_prefix_are_read_as_documented():
    assert shape("air quality") == [["air"], ["quality"]]
    assert shape('"air quality" rate') == [["air quality"], ["rate"]]
    assert shape("revenue tax OR fee") == [["revenue"], ["tax", "fee"]]  # OR binds its neighbours only
    assert shape("a* OR b*") == [["a*", "b*"]]
    assert shape('"air qual"* index') == [["air qual*"], ["index"]]
    assert shape("“air quality” 「集成电路」") == [["air quality"], ["集成电路"]]  # curly and corner quotes


def test_what_is_not_syntax_is_text():
    assert shape("high-tech") == [["high-tech"]]
    assert shape("9.1%") == [["9.1%"]]
    assert shape('"air quality') == [["air quality"]]  # a quote left open runs to the end
    assert shape('air quality"') == [["air"], ["quality"]]
    assert shape("NEAR(air quality, 5)") == [["air"], ["quality"]]
    assert shape("text:GDP ^revenue (growth)") == [["GDP"], ["revenue"], ["growth"]]
    assert shape("air AND quality") == [["air"], ["quality"]]
    assert shape("OR air OR") == [["air"]]  # a dangling OR joins nothing
    assert shape("NOT growth") == [["NOT"], ["growth"]]  # NOT is a word to search for


@pytest.mark.parametrize("query", ["", "   ", "%", "--", '""', "*", "OR", "AND OR", "( )", "“”"])
def test_a_query_with_nothing_searchable_says_what_to_type(query):
    with pytest.raises(fts.EmptyQueryError, match="nothing to search for.*e.g. high-tech"):
        fts.parse(query)


def test_long_queries_are_cut_and_say_so():
    parsed = fts.parse(" ".join(f"w{i}" for i in range(30)))
    assert len(parsed.terms) == fts.MAX_TERMS and "first 12 terms" in parsed.notes[0]
    parsed = fts.parse("x" * 1000)
    assert len(parsed.terms[0].text) == fts.MAX_QUERY_CHARS and "characters" in parsed.notes[0]


# --- English -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query, expect", [
    ("high-tech", "high-tech"), ("High-Tech", "high-tech"), ("9.1%", "9.1%"), ("year-on-year", "year-on-year"),
    ("Five-Year Plan", "five-year plan"), ('"air quality', "air quality"), ('"air quality"', "air quality"),
    ("NEAR(air quality)", "air"), ("text:GDP", "gdp"), ("(revenue", "revenue"), ("revenue)", "revenue"),
    ("air AND (", "air"), ("enterprise", "enterprise"),
])
def test_what_people_type_finds_sentences_and_marks_the_words(conn, query, expect):
    hits = search(conn, query)
    assert hits, query
    assert all(expect.replace("-", " ") in words(h.text).replace("-", " ") or expect in words(h.text) for h in hits), query
    for hit in hits:
        assert hit.matches and all(0 <= a < b <= len(hit.text) for a, b in hit.matches)
        assert hit.url == f"/documents/{hit.document_id}#s-{hit.idx}"


@pytest.mark.parametrize("query", ["revenue\x00", "air\x00quality", "\x00revenue", "revenue\x1b", "\"air\x00quality\""])
def test_control_characters_separate_words_as_a_space_does(conn, query):
    """A NUL inside a term once ended FTS5's query early ('unterminated string', a 400); it is a space between words."""
    assert shape(query) == shape(query.replace("\x00", " ").replace("\x1b", " "))
    hits = [(h.document_id, h.idx) for h in search(conn, query)]
    assert hits and hits == [(h.document_id, h.idx) for h in search(conn, query.replace("\x00", " ").replace("\x1b", " "))]


def test_hyphens_and_percent_mark_the_whole_written_form(conn):
    hit = search(conn, "high-tech")[0]
    assert any(m.lower() == "high-tech" for m in matched(hit))
    hit = search(conn, "9.1%")[0]
    assert "9.1" in matched(hit) and "marking an increase of 9.1%" in words(hit.text)


def test_stems_and_prefixes(conn):
    assert any("enterprises" in matched(h) for h in search(conn, "enterprise"))
    innovation = search(conn, "innovat*", limit=None)  # indexed as the stem "innov", shorter than the prefix typed
    assert innovation and all("innov" in words(h.text) for h in innovation)
    assert {m.lower() for h in innovation for m in matched(h)} >= {"innovation", "innovative"}


def test_or_finds_either_word(conn):
    tax, fee = (len(search(conn, w, limit=None)) for w in ("tax", "fee"))
    both = search(conn, "tax OR fee", limit=None)
    assert max(tax, fee) <= len(both) <= tax + fee
    assert all("tax" in words(h.text) or "fee" in words(h.text) for h in both)


def test_broad_prefixes_are_searched_as_words_with_a_note(conn):
    result = search_sentences(conn, "a* OR b*")
    assert result.hits and any("a*" in note and "more than" in note for note in result.notes)
    narrow = search_sentences(conn, "photovolt*")
    assert narrow.notes == [] and all("photovolt" in words(h.text) for h in narrow.hits)


def test_results_are_best_first_and_carry_their_sentence_span(conn, db):
    hits = search(conn, '"air quality"')
    assert hits == sorted(hits, key=lambda h: h.rank)
    hit = next(h for h in hits if "90.3%" in h.text)
    assert any(hit.text[f["start"]:f["end"]] == "90.3%" for f in hit.figures)
    text = conn.execute("SELECT text FROM document_texts WHERE document_id = ?", (hit.document_id,)).fetchone()[0]
    assert text[hit.start:hit.end] == hit.text


def test_district_filter_ignores_letter_case(conn):
    hits = search(conn, "revenue", district="qingpu", limit=None)
    assert hits and {h.district for h in hits} == {"Qingpu"}
    assert search(conn, "revenue", district="Atlantis") == []


def test_empty_query_is_an_error_with_an_example(conn):
    with pytest.raises(fts.EmptyQueryError):
        search(conn, "  ")


# --- Chinese -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query, expect", [
    ("地区生产总值", ["今年上半年，全区实现地区生产总值1234.5亿元，同比增长6.8%。"]),
    ("集成电路", ["张江园区新增集成电路设计企业42家。", "集成电路产业加快集聚，规模以上集成电路企业实现产值320亿元，同比增长12.1%。",
              TRADITIONAL]),  # traditional spellings are alternatives of every Chinese term
    ("集成電路", ["张江园区新增集成电路设计企业42家。", "集成电路产业加快集聚，规模以上集成电路企业实现产值320亿元，同比增长12.1%。",
              TRADITIONAL]),
    # two characters, shorter than a trigram: found by the instr fallback, also at a line's end
    ("园区", ["张江园区新增集成电路设计企业42家。", "新建5G基站1200个，实现重点园区全覆盖。", "临港园区", TRADITIONAL]),
    ("园区 集成电路", ["张江园区新增集成电路设计企业42家。", TRADITIONAL]),
    ("產業", ["集成电路产业加快集聚，规模以上集成电路企业实现产值320亿元，同比增长12.1%。", TRADITIONAL]),  # a long term finds, a short one filters
    ("5g 基站", ["新建5G基站1200个，实现重点园区全覆盖。"]),
    ("“高新技术企业”", ["全区高新技术企业达到2453家！"]),
    ("基站 OR 临港", ["新建5G基站1200个，实现重点园区全覆盖。", "临港园区"]),
    ("同比增长6.8%", ["今年上半年，全区实现地区生产总值1234.5亿元，同比增长6.8%。"]),
    ("数据中心", []),
])
def test_chinese_is_found_as_written(conn, query, expect):
    """In simplified or traditional characters, whichever the query was typed in."""
    result = search_sentences(conn, query, limit=None)
    assert result.index == "chinese"
    assert sorted(h.text for h in result.hits) == sorted(expect), query
    for hit in result.hits:
        assert hit.language == "zh"
        terms = [t.text.lower() for t in fts.with_script_forms(fts.parse(query)).terms]
        marked = [m.lower() for m in matched(hit)]  # each mark is terms side by side ("5g基站"), and every term found is marked
        assert marked and all(re.fullmatch("(?:" + "|".join(map(re.escape, terms)) + ")+", m) for m in marked)
        assert all(any(t in m for m in marked) for t in terms if t in hit.text.lower())


def test_chinese_sentences_are_stored_one_by_one(conn):
    """The store splits Chinese after 。！？ and at line ends even where the sentence splitter did not."""
    doc_id = conn.execute("SELECT document_id FROM sources WHERE path LIKE '%zh-sample.txt'").fetchone()[0]
    texts = [r[0] for r in conn.execute("SELECT text FROM sentences WHERE document_id = ? ORDER BY idx", (doc_id,))]
    assert texts == [line for chunk in ZH_SAMPLE.splitlines() for line in _sentences(chunk)]


def _sentences(line: str) -> list[str]:
    out, current = [], ""
    for ch in line:
        current += ch
        if ch in "。！":
            out.append(current)
            current = ""
    return out + ([current] if current else [])


def test_english_sentences_are_not_in_the_trigram_index(conn):
    indexed = conn.execute("SELECT count(*) FROM sentences_cjk WHERE sentences_cjk MATCH '\"the\"'").fetchone()[0]
    assert indexed == 0 and len(search(conn, "the")) > 0


def test_the_trigram_index_follows_replacements_and_deletes(tmp_path):
    path, db = tmp_path / "z.txt", tmp_path / "z.db"
    conn = open_store(db, write=True)
    path.write_text("本区集成电路产业规模扩大。\nThe English line stays out.\n", encoding="utf-8")
    ingest_paths(conn, str(db), [str(path)], jobs=1, quiet=True)
    assert len(search(conn, "集成电路")) == 1
    path.write_text("本区人工智能产业规模扩大。\n", encoding="utf-8")
    ingest_paths(conn, str(db), [str(path)], jobs=1, quiet=True)
    assert search(conn, "集成电路") == [] and len(search(conn, "人工智能")) == 1
    conn.execute("DELETE FROM documents")
    conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, sentences_cjk, row)")
    assert conn.execute("SELECT count(*) FROM temp.v").fetchone()[0] == 0  # every trigram deleted with its sentence
    assert search(conn, "人工智能") == []


@pytest.mark.parametrize("version", [8, 9])
def test_an_older_store_gains_the_chinese_index_when_opened_for_writing(tmp_path, version):
    """Version 8 had no Chinese index; version 9 had one without end marks. Both migrate and find 园区 at a sentence's end."""
    db = tmp_path / "old.db"
    raw = sqlite3.connect(db, isolation_level=None)
    for script in MIGRATIONS[:version]:
        for statement in _statements(script):
            raw.execute(statement)
    raw.execute(f"PRAGMA user_version = {version}")
    raw.execute("INSERT INTO documents(id, sha256, language, extractor_version, n_quantities, n_targets, n_entities, ingested_at)"
                " VALUES (1, 'x', 'zh', '0', 0, 0, 0, '2026-01-01')")
    raw.executemany('INSERT INTO sentences(id, document_id, idx, start, "end", text) VALUES (?, 1, ?, 0, 0, ?)',
                    [(1, 0, "全区集成电路企业实现产值320亿元。"), (2, 1, "临港园区"), (3, 2, "An English sentence.")])
    raw.execute("INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences")
    if version == 9:  # what the version-9 writer did
        raw.execute("INSERT INTO sentences_cjk(rowid, text) SELECT id, text FROM sentences WHERE id IN (1, 2)")
    raw.close()
    with pytest.raises(Exception, match="older"):
        open_store(db)
    open_store(db, write=True).close()
    conn = open_store(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert [h.text for h in search(conn, "集成电路")] == ["全区集成电路企业实现产值320亿元。"]
    assert [h.text for h in search(conn, "园区")] == ["临港园区"]
    conn.close()
    conn = open_store(db, write=True)
    conn.execute("DELETE FROM documents")
    conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, sentences_cjk, row)")
    assert conn.execute("SELECT count(*) FROM temp.v").fetchone()[0] == 0


def test_short_terms_are_found_from_the_index_vocabulary(conn):
    """园区 stands for the trigrams that begin with it, the end mark included: no scan of sentences."""
    trigrams = fts.short_term_trigrams(conn, "园区")
    assert "园区\x03" in trigrams and "园区新" in trigrams and "园区全" in trigrams
    expression, left = fts.split_for_trigrams(conn, fts.parse("园区"))
    assert left == [] and '"园区\x03"' in expression
    assert fts.short_term_trigrams(conn, "\u4e00") == []  # 一 is in no sentence here


def test_han_ranges_agree_between_query_and_index():
    """A query is routed to sentences_cjk by the same characters that put a sentence there."""
    conn = sqlite3.connect(":memory:")
    for ch in ("集", "㐀", "𠀀", "豈", "a", "。", "１", "ア"):
        in_index = conn.execute("SELECT ? GLOB ?", (ch, HAN_GLOB)).fetchone()[0]
        assert bool(in_index) == bool(fts.HAN.search(ch)), ch


def test_a_query_matching_too_many_sentences_lists_the_latest_unranked(conn, monkeypatch):
    from hqd.store import queries
    ranked = search_sentences(conn, "the", limit=5)
    assert ranked.notes == [] and len({h.rank for h in ranked.hits}) > 1
    monkeypatch.setattr(queries, "RANKED_MATCHES", 10)  # the seeds are small; the bound is what is tested
    broad = search_sentences(conn, "the", limit=5)
    assert [h.sentence_id for h in broad.hits] == sorted((h.sentence_id for h in broad.hits), reverse=True)
    assert any("more than 10 sentences match" in n for n in broad.notes)
    assert broad.hits[0].sentence_id == conn.execute(
        "SELECT max(rowid) FROM sentences_fts WHERE sentences_fts MATCH 'the'").fetchone()[0]


def test_han_sentences_are_found_in_one_scan():
    from hqd.store.rows import han_sentences
    text = "English only. 中文版 | English. 集成电路。Tail 𠀀."
    spans = [(0, 13), (14, 29), (30, 35), (35, 42)]
    assert han_sentences(text, spans) == (1, 2, 3)
    assert han_sentences("No Han here, only ’quotes’ and Ｆull-width.", [(0, 10), (11, 40)]) == ()
    assert han_sentences("中 between sentences", [(2, 9)]) == ()


def test_the_temp_tables_tokenize_as_sentences_fts(conn):
    """Prefix stems and match marks are read from TEMP tables with sentences_fts's tokenizer: they must agree."""
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'sentences_fts'").fetchone()[0]
    assert f"tokenize='{fts.WORDS_TOKENIZER}'" in sql


def test_search_works_where_not_even_temp_tables_can_be_written(db):
    """PRAGMA query_only forbids TEMP tables too: matches are then marked from sentences_fts, prefixes taken as typed."""
    conn = open_store(db)
    conn.execute("PRAGMA query_only = 1")
    try:
        hit = search(conn, "high-tech")[0]
        assert any(m.lower() == "high-tech" for m in matched(hit))
        assert all("innov" in words(h.text) for h in search(conn, "innova*"))
        result = search_sentences(conn, "in*")
        assert any("searched as a word" in n for n in result.notes)
        assert search(conn, "集成电路")
    finally:
        conn.close()


def test_whether_a_query_is_too_broad_to_rank_follows_writes(tmp_path, seed_texts, monkeypatch):
    """Whether a query matches more than RANKED_MATCHES sentences is counted once per database version
    (store.memo): a write that adds matches is seen by the next search."""
    from hqd.store import queries
    db = tmp_path / "hqd.db"
    writer = open_store(db, write=True)
    ingest_paths(writer, str(db), [str(seed_texts[0])], jobs=1, quiet=True)
    reader = open_store(db)
    matches = reader.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'revenue'").fetchone()[0]
    monkeypatch.setattr(queries, "RANKED_MATCHES", matches)
    assert search_sentences(reader, "revenue").notes == []
    assert search_sentences(reader, "revenue").notes == []  # the same version: the count is reused
    extra = tmp_path / "extra.txt"
    extra.write_text("Jiading District, 2024-02-01. Fiscal revenue rose 5% in 2023.", encoding="utf-8")
    assert ingest_paths(writer, str(db), [str(extra)], jobs=1, quiet=True).added == 1
    assert any("more than" in note for note in search_sentences(reader, "revenue").notes)
    writer.close()
    reader.close()
