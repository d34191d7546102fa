"""Search benchmark: what the Chinese trigram index costs, and query latency for what people type.

Run with ``make bench`` (after bench_store.py, whose English store it reuses when present). Prints
figures; asserts nothing. Settings: HQD_DEV_ZH (the Chinese texts, default ../shared/dev-zh),
HQD_BENCH_ZH_DOCS (Chinese documents to build from their lines, default 2,000).
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from hqd.pipeline.ingest import ingest_paths
from hqd.store import open_store
from hqd.store.queries import search_sentences
from hqd.store.rows import han_sentences
from hqd.store.schema import HAN_GLOB

DEV_ZH = Path(os.environ.get("HQD_DEV_ZH", "../shared/dev-zh"))
ZH_DOCS = int(os.environ.get("HQD_BENCH_ZH_DOCS", "2000"))
ENGLISH_DB = Path(__file__).resolve().parent.parent / "bench-out" / "bench.db"
ENGLISH_QUERIES = ["revenue", "high-tech", "9.1%", "year-on-year", '"air quality"', "Five-Year Plan", "innovat*",
                   "tax OR fee", "a* OR b*", "NEAR(air quality)", "the", "enterprises output value"]
CHINESE_QUERIES = ["地区生产总值", "集成电路", "同比增长", "园区", "企业 同比增长", "规模以上工业", "新能源 OR 集成电路"]


def chinese_corpus(folder: Path, documents: int) -> list[str]:
    """``documents`` texts of 10 lines each, drawn from the lines of the dev-zh texts (shuffled, numbered)."""
    lines = [line for p in sorted(DEV_ZH.glob("*.txt")) for line in p.read_text("utf-8").splitlines() if line.strip()]
    rng = random.Random(0)
    paths = []
    for n in range(documents):
        text = "\n".join(rng.sample(lines, k=min(10, len(lines)))) + f"\n第{n}号文件。\n"
        path = folder / f"zh_{n:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def latency(conn, queries: list[str], rounds: int = 20) -> None:
    """Wall and CPU time per query: on a shared machine the wall time mostly measures the others' load."""
    for query in queries:
        wall, cpu = [], []
        for _ in range(rounds):
            t0, c0 = time.perf_counter(), time.process_time()
            result = search_sentences(conn, query, limit=20)
            wall.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        print(f"  {query!r:28} {len(result.hits):3} hits  wall p50 {_ms(wall, 0.5):6.2f} p95 {_ms(wall, 0.95):6.2f} ms"
              f"  CPU p50 {_ms(cpu, 0.5):6.2f} p95 {_ms(cpu, 0.95):6.2f} ms")


def _ms(samples: list[float], q: float) -> float:
    return 1e3 * sorted(samples)[int(q * (len(samples) - 1))]


def index_bytes(conn, prefix: str) -> int:
    return conn.execute("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE ? || '%'", (prefix,)).fetchone()[0]


def main() -> None:
    if not any(DEV_ZH.glob("*.txt")):
        print(f"search benchmark: no Chinese texts in {DEV_ZH} (set HQD_DEV_ZH)")
    else:
        with tempfile.TemporaryDirectory(prefix="hqd-bench-zh-") as tmp:
            folder = Path(tmp)
            paths = chinese_corpus(folder, ZH_DOCS)
            mb = sum(Path(p).stat().st_size for p in paths) / 1e6
            db = folder / "zh.db"
            conn = open_store(db, write=True)
            t0 = time.perf_counter()
            summary = ingest_paths(conn, str(db), paths, jobs=2, quiet=True)
            wall = time.perf_counter() - t0
            print(f"Chinese store: {ZH_DOCS} documents ({mb:.1f} MB) ingested in {wall:.1f} s; {summary.cpu_line()}")
            sentences = conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
            cjk, words, text = index_bytes(conn, "sentences_cjk"), index_bytes(conn, "sentences_fts"), index_bytes(conn, "document_texts")
            total = db.stat().st_size + (Path(str(db) + "-wal").stat().st_size if Path(str(db) + "-wal").exists() else 0)
            print(f"  trigram index sentences_cjk: {cjk / 1e6:.2f} MB, {cjk / ZH_DOCS:.0f} bytes per document "
                  f"({cjk / max(1, text):.1f}x the documents' text; word index sentences_fts {words / ZH_DOCS:.0f} bytes per document;"
                  f" whole store with WAL {total / ZH_DOCS:.0f} bytes per document); {sentences / ZH_DOCS:.1f} sentences per document")
            # The writer's cost of the trigram index: the same INSERT ... SELECT it runs, into a twin table, 200 documents a statement.
            conn.execute("CREATE VIRTUAL TABLE bench_cjk USING fts5(text, content='sentences', content_rowid='id', tokenize='trigram')")
            chunks: dict[int, list[int]] = {}
            for sentence_id, document_id in conn.execute("SELECT id, document_id FROM sentences WHERE text GLOB ?", (HAN_GLOB,)):
                chunks.setdefault(document_id // 200, []).append(sentence_id)
            t0 = time.process_time()
            conn.execute("BEGIN")
            for ids in chunks.values():
                conn.execute("INSERT INTO bench_cjk(rowid, text) SELECT id, text FROM sentences WHERE id IN (SELECT value FROM json_each(?))",
                             (json.dumps(ids),))
            conn.execute("COMMIT")
            cost = time.process_time() - t0
            print(f"  trigram indexing in the writer: {1e3 * cost / ZH_DOCS:.2f} ms CPU per document "
                  f"({100 * cost / max(summary.store_seconds, 1e-9):.0f}% of the store's CPU in the ingest above, "
                  f"{100 * cost / max(summary.extract_seconds, 1e-9):.1f}% of extraction's)")
            conn.close()
            reader = open_store(db)
            print("Chinese queries (limit 20), 20 runs each:")
            latency(reader, CHINESE_QUERIES)
            reader.close()
    if ENGLISH_DB.exists():
        conn = open_store(ENGLISH_DB, write=True)  # migrates a store from before the trigram index
        documents = conn.execute("SELECT document_id, text FROM document_texts").fetchall()
        spans: dict[int, list[tuple[int, int]]] = {}
        for document_id, start, end in conn.execute('SELECT document_id, start, "end" FROM sentences'):
            spans.setdefault(document_id, []).append((start, end))
        t0 = time.process_time()
        for document_id, text in documents:
            han_sentences(text, spans.get(document_id, []))
        check = time.process_time() - t0
        print(f"English store ({len(documents)} documents): the Han-character check (in the workers) costs"
              f" {1e6 * check / len(documents):.1f} µs CPU per document")
        conn.close()
        reader = open_store(ENGLISH_DB)
        print("English queries (limit 20), 20 runs each:")
        latency(reader, ENGLISH_QUERIES)
    else:
        print(f"(no {ENGLISH_DB}: run bench_store.py first for English query timings)", file=sys.stderr)


if __name__ == "__main__":
    main()
