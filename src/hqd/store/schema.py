"""The store's schema, as a list of migrations. ``PRAGMA user_version`` is the schema version.

Each entry of MIGRATIONS takes a database from version N-1 to N; a new
database runs them all. docs/schema.md describes every table and column.
"""

from __future__ import annotations

# Han ideographs (CJK Unified Ideographs, extension A, compatibility, extensions B-G): a sentence holding one
# is also indexed in sentences_cjk (the writer decides with store/rows.py's han_sentences, migrations 9 and 11 with HAN_GLOB).
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF), (0x30000, 0x3134F))
HAN_GLOB = "*[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in HAN_RANGES) + "]*"

MIGRATIONS: list[str] = [
    # 1: documents and their facts, sentences with a full-text index
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        title TEXT,
        date TEXT,
        published TEXT,
        district TEXT,
        session INTEGER,
        series TEXT,
        theme TEXT,
        officials TEXT NOT NULL DEFAULT '[]',
        language TEXT NOT NULL DEFAULT 'en',
        is_html INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL,
        extractor_version TEXT NOT NULL,
        n_quantities INTEGER NOT NULL,
        n_targets INTEGER NOT NULL,
        n_entities INTEGER NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_district_date ON documents(district, date);
    CREATE INDEX documents_date ON documents(date);

    CREATE TABLE sources (
        path TEXT PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        raw_sha256 TEXT NOT NULL,
        size INTEGER NOT NULL
    );
    CREATE INDEX sources_document ON sources(document_id);

    CREATE TABLE sentences (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (document_id, idx)
    );
    CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id', tokenize='porter unicode61');
    CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
        INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;

    CREATE TABLE quantities (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        sentence_id INTEGER REFERENCES sentences(id) ON DELETE SET NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        value REAL NOT NULL,
        unit TEXT NOT NULL,
        kind TEXT NOT NULL,
        approx TEXT NOT NULL,
        metric TEXT,
        period TEXT,
        subject TEXT,
        UNIQUE (document_id, idx)
    );
    CREATE INDEX quantities_sentence ON quantities(sentence_id);
    CREATE INDEX quantities_unit_kind ON quantities(unit, kind);

    CREATE TABLE targets (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        quantity_id INTEGER REFERENCES quantities(id) ON DELETE SET NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        metric TEXT,
        value REAL,
        unit TEXT,
        deadline TEXT,
        subject TEXT
    );
    CREATE INDEX targets_document ON targets(document_id);
    CREATE INDEX targets_deadline ON targets(deadline);

    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL
    );
    CREATE INDEX entities_document ON entities(document_id);
    CREATE INDEX entities_text ON entities(text);
    """,
    # 2: indicator mapping of each quantity, and rank claims
    """
    ALTER TABLE quantities ADD COLUMN indicator TEXT;
    ALTER TABLE quantities ADD COLUMN indicator_confidence REAL;
    CREATE INDEX quantities_indicator ON quantities(indicator, kind);

    CREATE TABLE ranks (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        value INTEGER NOT NULL,
        metric TEXT,
        indicator TEXT,
        scope TEXT NOT NULL,
        subject TEXT
    );
    CREATE INDEX ranks_document ON ranks(document_id);
    """,
    # 3: document text in its own table, so joins to documents read small rows
    """
    CREATE TABLE document_texts (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        text TEXT NOT NULL
    );
    INSERT INTO document_texts(document_id, text) SELECT id, text FROM documents;
    ALTER TABLE documents DROP COLUMN text;

    -- the briefing's district and date on each quantity: comparisons read one covering index, no join
    ALTER TABLE quantities ADD COLUMN district TEXT;
    ALTER TABLE quantities ADD COLUMN doc_date TEXT;
    UPDATE quantities SET district = (SELECT district FROM documents WHERE id = quantities.document_id),
                          doc_date = (SELECT date FROM documents WHERE id = quantities.document_id);
    DROP INDEX quantities_indicator;
    CREATE INDEX quantities_indicator ON quantities(indicator, kind, district, period, doc_date, subject);
    """,
    # 4: the writer indexes each document's sentences in one statement (a per-row trigger cost twice as much)
    """
    DROP TRIGGER sentences_fts_insert;
    """,
    # 5: no query looks entities up by text, and the index cost the writer ~16% of its time
    """
    DROP INDEX entities_text;
    """,
    # 6: indexes a bulk load dropped, to build once it ends (or when the next load starts, if it was killed)
    """
    CREATE TABLE deferred_indexes (
        name TEXT PRIMARY KEY,
        sql TEXT NOT NULL
    );
    """,
    # 7: the full-text index merges its segments 8 at a time, not 4: a writer merges ~10% less often, a search reads a few more segments
    """
    INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('automerge', 8);
    """,
    # 8: crawls: each run's frontier (a kill resumes it) and each page's latest fetch, with its WARC snapshot
    """
    CREATE TABLE crawl_runs (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        files TEXT NOT NULL DEFAULT '[]',
        summary TEXT
    );
    CREATE INDEX crawl_runs_source ON crawl_runs(source, finished_at);

    CREATE TABLE crawl_queue (
        position INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES crawl_runs(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        kind TEXT NOT NULL,
        listed TEXT,
        state TEXT NOT NULL DEFAULT 'queued',
        http_status INTEGER,
        outcome TEXT,
        reason TEXT,
        warc_file TEXT,
        warc_offset INTEGER,
        warc_record TEXT,
        fetched_at TEXT,
        UNIQUE (run_id, url)
    );
    CREATE INDEX crawl_queue_state ON crawl_queue(run_id, state, position);

    CREATE TABLE crawl_pages (
        url TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        kind TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        http_status INTEGER,
        sha256 TEXT,
        etag TEXT,
        last_modified TEXT,
        warc_file TEXT,
        warc_offset INTEGER,
        warc_record TEXT,
        document_sha256 TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
    );
    CREATE INDEX crawl_pages_source ON crawl_pages(source);
    """,
    # 9: Chinese search. unicode61 keeps a run of Han characters as one token, so sentences holding Han
    # characters are also indexed by trigrams (any substring of 3+ characters can be found). Only those:
    # a deleted sentence leaves the index when it is there, as its row in the index's own docsize table says.
    f"""
    CREATE VIRTUAL TABLE sentences_cjk USING fts5(text, content='sentences', content_rowid='id', tokenize='trigram');
    INSERT INTO sentences_cjk(sentences_cjk, rank) VALUES ('automerge', 8);
    CREATE TRIGGER sentences_cjk_delete AFTER DELETE ON sentences
    WHEN EXISTS (SELECT 1 FROM sentences_cjk_docsize WHERE id = old.id) BEGIN
        INSERT INTO sentences_cjk(sentences_cjk, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    INSERT INTO sentences_cjk(rowid, text) SELECT id, text FROM sentences WHERE text GLOB '{HAN_GLOB}';
    """,
    # 10: what a change is measured against (contract v1.2 basis), why a quantity maps to no indicator, and what a share
    # is a share of; the catalogue was split into one series per indicator, so every stored quantity is mapped again
    """
    ALTER TABLE quantities ADD COLUMN basis TEXT;
    ALTER TABLE quantities ADD COLUMN unmapped_reason TEXT;
    ALTER TABLE quantities ADD COLUMN share_of TEXT;
    UPDATE quantities SET indicator = NULL, indicator_confidence = NULL;
    """,
    # 11: sentences_cjk indexes each sentence with an end mark (U+0003) after it, read through the view
    # sentences_cjk_text: a one- or two-character term is then found from the index's own vocabulary (the
    # trigrams that begin with it, "园区" + any character or the end mark), not by scanning sentences
    f"""
    DROP TRIGGER sentences_cjk_delete;
    DROP TABLE sentences_cjk;
    CREATE VIEW sentences_cjk_text AS SELECT id, text || char(3) AS text FROM sentences;
    CREATE VIRTUAL TABLE sentences_cjk USING fts5(text, content='sentences_cjk_text', content_rowid='id', tokenize='trigram');
    INSERT INTO sentences_cjk(sentences_cjk, rank) VALUES ('automerge', 8);
    CREATE TRIGGER sentences_cjk_delete AFTER DELETE ON sentences
    WHEN EXISTS (SELECT 1 FROM sentences_cjk_docsize WHERE id = old.id) BEGIN
        INSERT INTO sentences_cjk(sentences_cjk, rowid, text) VALUES ('delete', old.id, old.text || char(3));
    END;
    INSERT INTO sentences_cjk(rowid, text) SELECT id, text FROM sentences_cjk_text WHERE text GLOB '{HAN_GLOB}';
    """,
    # 12: facts by district (the API's and `hqd facts --district`'s commonest filter) and its total are read from one
    # index on the quantity's own copy of its briefing's district, holding the metric for the metric-words filter
    """
    CREATE INDEX quantities_district_metric ON quantities(district COLLATE NOCASE, metric);
    """,
    # 13: stored observations (hqd.observations), so a view reads a few rows instead of rebuilding them from every quantity.
    # observations: one row per observation (subject, indicator, measure, basis, unit, period) with what the views show
    # (value, conflict, latest briefing date, primary source, documents); observation_sources: each quantity it comes from,
    # kept in observation order (a comparison reads the sources of a few observations: a few pages, not a page per source).
    # Triggers note every document written, replaced or deleted, and every quantity mapped again, in observation_dirty;
    # the observation stage refreshes those documents' briefings (and only them) before it next reads, or rebuilds
    # everything when observation_state's version (its code and word lists) differs from its own.
    """
    CREATE TABLE observations (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        indicator TEXT NOT NULL,
        subject TEXT NOT NULL,
        measure TEXT NOT NULL,
        basis TEXT,
        unit TEXT NOT NULL,
        period TEXT,
        granularity TEXT,
        period_end TEXT NOT NULL DEFAULT '',
        period_start TEXT NOT NULL DEFAULT '',
        value REAL,
        approx TEXT,
        conflict INTEGER NOT NULL DEFAULT 0,
        "values" TEXT NOT NULL DEFAULT '[]',
        date TEXT,
        primary_quantity INTEGER,
        n_sources INTEGER NOT NULL DEFAULT 0,
        n_documents INTEGER NOT NULL DEFAULT 0,
        shown TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX observations_indicator ON observations(indicator, subject);
    CREATE INDEX observations_subject ON observations(subject COLLATE NOCASE, indicator);

    CREATE TABLE observation_sources (
        observation_id INTEGER NOT NULL,
        quantity_id INTEGER NOT NULL,
        document_id INTEGER NOT NULL,
        date TEXT,
        language TEXT NOT NULL,
        value REAL NOT NULL,
        approx TEXT NOT NULL,
        period TEXT,
        basis TEXT,
        text TEXT NOT NULL,
        metric TEXT,
        sentence_id INTEGER,
        PRIMARY KEY (observation_id, quantity_id)
    ) WITHOUT ROWID;
    CREATE UNIQUE INDEX observation_sources_quantity ON observation_sources(quantity_id);
    CREATE INDEX observation_sources_document ON observation_sources(document_id);

    CREATE TABLE observation_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version TEXT NOT NULL
    );
    CREATE TABLE observation_dirty (
        document_id INTEGER NOT NULL,
        district TEXT,
        date TEXT,
        session INTEGER
    );
    CREATE TRIGGER observation_dirty_insert AFTER INSERT ON documents BEGIN
        INSERT INTO observation_dirty VALUES (new.id, new.district, new.date, new.session);
    END;
    CREATE TRIGGER observation_dirty_update AFTER UPDATE ON documents BEGIN
        INSERT INTO observation_dirty VALUES (old.id, old.district, old.date, old.session), (new.id, new.district, new.date, new.session);
    END;
    CREATE TRIGGER observation_dirty_delete AFTER DELETE ON documents BEGIN
        INSERT INTO observation_dirty VALUES (old.id, old.district, old.date, old.session);
    END;
    CREATE TRIGGER observation_dirty_mapping AFTER UPDATE OF indicator, share_of, kind, basis, period, subject, value, approx ON quantities BEGIN
        INSERT INTO observation_dirty(document_id) VALUES (new.document_id);
    END;
    """,
    # 14: each observation's sources as a comparison lists them, as JSON written once by the refresh: a comparison's
    # response carries them as they are instead of reading hundreds of source rows and encoding them again per request.
    # The observation stage's BUILD changed with it, so the next refresh rebuilds every observation and fills it.
    """
    ALTER TABLE observations ADD COLUMN listed TEXT NOT NULL DEFAULT '[]';
    """,
    # 15: a district's facts in the order they are listed (briefing date, document, position), the metric beside them
    # for the metric-words filter: the first page of `facts --district X --metric Y` reads index entries in order
    # and stops at the limit, where 12's index (district, metric) found every match and sorted them. It replaces 12's,
    # which the total (a count over the same entries) no longer needs. A load that deferred 12's forgets it.
    """
    DROP INDEX IF EXISTS quantities_district_metric;
    DELETE FROM deferred_indexes WHERE name = 'quantities_district_metric';
    CREATE INDEX quantities_district_date ON quantities(district COLLATE NOCASE, doc_date, document_id, idx, metric);
    """,
]

LATEST = len(MIGRATIONS)
# what an export writes: the corpus, and where each crawled page came from (not the crawl's own bookkeeping)
TABLES = ("documents", "document_texts", "sources", "sentences", "quantities", "targets", "entities", "ranks", "crawl_pages")
