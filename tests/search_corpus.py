"""A small store for the search tests: the seed briefings and a short Chinese text written for these tests."""

from __future__ import annotations

from pathlib import Path

from hqd.pipeline.ingest import ingest_paths
from hqd.store import open_store

# Written for these tests (not from any source): sentences ending in 。 and ！, a heading line without
# punctuation that ends in a two-character word (园区), figures, a Latin word (5G) inside Chinese.
ZH_SAMPLE = (
    "浦江区2024年上半年经济运行情况\n"
    "今年上半年，全区实现地区生产总值1234.5亿元，同比增长6.8%。集成电路产业加快集聚，规模以上集成电路企业实现产值320亿元，同比增长12.1%。\n"
    "张江园区新增集成电路设计企业42家。全区高新技术企业达到2453家！\n"
    "新建5G基站1200个，实现重点园区全覆盖。\n"
    "临港园区\n"
)

# The same kind of sentence in traditional characters (區 產 電 園), written for these tests too.
ZH_TRADITIONAL = "本區集成電路產業園區新增企業12家。\n"


def build(folder: Path, seed_texts: list[Path]) -> Path:
    """A store at ``folder/search.db`` holding the seeds, ZH_SAMPLE (``zh-sample.txt``) and ZH_TRADITIONAL."""
    sample = folder / "zh-sample.txt"
    sample.write_text(ZH_SAMPLE, encoding="utf-8")
    traditional = folder / "zh-traditional.txt"
    traditional.write_text(ZH_TRADITIONAL, encoding="utf-8")
    db = folder / "search.db"
    conn = open_store(db, write=True)
    summary = ingest_paths(conn, str(db), [str(p) for p in seed_texts] + [str(sample), str(traditional)], jobs=1, quiet=True)
    assert summary.added == len(seed_texts) + 2
    conn.close()
    return db


def zh_document_id(db: Path) -> int:
    conn = open_store(db)
    try:
        return conn.execute("SELECT document_id FROM sources WHERE path LIKE '%zh-sample.txt'").fetchone()[0]
    finally:
        conn.close()
