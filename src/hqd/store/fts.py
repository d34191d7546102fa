"""What people type into a search box, made into a full-text query that cannot fail and stays cheap.

The search syntax (the whole of it; docs/schema.md and ``hqd search --help`` describe it too):

- words: every word must appear (``air quality`` finds sentences holding both); letter case
  and (in English) word endings do not matter: ``enterprise`` finds "enterprises";
- ``"a phrase"``: the words next to each other, in this order (curly quotes and 「」 too); a
  quote left open runs to the end of the query;
- ``OR`` in capitals between two words: either of them (``tax OR fee``); it binds only its
  neighbours, so ``revenue tax OR fee`` is revenue AND (tax OR fee);
- ``word*``: words that begin so (``innovat*``); a prefix that would match more than
  ``MAX_PREFIX_WORDS`` indexed words is searched as a whole word instead, with a note.

Everything else is literal text: a hyphen joins the words it sits between into a phrase
(``high-tech`` is "high tech", ``year-on-year`` "year on year"), ``9.1%`` is "9 1",
and FTS5's own operators (``NEAR``, ``NOT``, ``column:``, ``^``, parentheses) are just
words; ``AND`` is what every query means already. A query of nothing searchable (empty,
``%``, ``--``) is an :class:`EmptyQueryError` with an example.

Chinese: FTS5's unicode61 tokenizer takes a run of Chinese characters as one token,
so a query holding any Han character searches ``sentences_cjk`` instead, a trigram index
of the sentences that hold Han characters. A term there matches as a substring
(``集成电路`` anywhere in a sentence); a term of one or two characters (``园区``) is
shorter than a trigram, so it stands for the indexed trigrams that begin with it
(every sentence is indexed with an end mark after it, so a sentence that ends in
园区 has one too); a single common character, with more than ``MAX_SHORT_TRIGRAMS``
of them, filters what longer terms found with ``instr``, or alone is looked for with
``instr`` in the sentences of Chinese documents, at most ``SCAN_CAP`` matches. A
single character at the very end of a sentence (no 。 after it) is found only so.

Cost bounds: at most ``MAX_QUERY_CHARS`` characters and ``MAX_TERMS`` terms are read; a
prefix is expanded only when it names at most ``MAX_PREFIX_WORDS`` indexed words.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field

from .database import StoreError
from .schema import HAN_RANGES

MAX_QUERY_CHARS = 300
MAX_TERMS = 12
MAX_PREFIX_WORDS = 64
SCAN_CAP = 500
TRIGRAM = 3  # characters in a trigram: shorter terms cannot be looked up in sentences_cjk

# A query with a Han character searches sentences_cjk, which holds the sentences with one (the same ranges).
HAN = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in HAN_RANGES) + "]")

OPEN_QUOTES = {'"': '"”', "“": '”"', "„": "“”\"", "「": "」", "『": "』", "«": "»", "＂": "＂"}
EXAMPLES = 'e.g. high-tech, "air quality", 9.1%, innovat*, tax OR fee, 集成电路'


class EmptyQueryError(StoreError):
    """The query holds nothing to search for."""


@dataclass(slots=True)
class Term:
    text: str  # as typed, quotes and a trailing * removed
    prefix: bool = False

    @property
    def han(self) -> bool:
        return HAN.search(self.text) is not None

    def fts(self) -> str:
        """The term as one FTS5 string (a phrase of whatever tokens the tokenizer finds in it)."""
        return '"' + self.text.replace('"', '""') + '"'


@dataclass(slots=True)
class ParsedQuery:
    """Groups of terms: a sentence matches when it matches some term of every group."""

    groups: list[list[Term]]
    notes: list[str] = field(default_factory=list)

    @property
    def han(self) -> bool:
        return any(t.han for g in self.groups for t in g)

    @property
    def terms(self) -> list[Term]:
        return [t for g in self.groups for t in g]

    def describe(self) -> str:
        """The query as it was understood, for notes and messages."""
        def show(t: Term) -> str:
            return f'"{t.text}"' + ("*" if t.prefix else "")
        return " AND ".join("(" + " OR ".join(map(show, g)) + ")" if len(g) > 1 else show(g[0]) for g in self.groups)


def searchable(text: str) -> bool:
    """Whether ``text`` holds a letter or a digit, which is what the tokenizers index."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)


# FTS5's own syntax, read as the words it holds: NEAR(a b, 5) as a b; a column filter "text:" (or "{text}:",
# "-text:") and an initial-token "^" dropped; parentheses as spaces. (Outside quotes only: see _plain.)
_FTS_SYNTAX = re.compile(r"\bNEAR\s*\(([^()\"]*?)(?:,\s*\d+\s*)?\)|(?:^|(?<=\s))-?\{?text\}?\s*:|\^|[()]", re.IGNORECASE)


def _plain(query: str) -> str:
    """``query`` with FTS5's own operators outside quotes turned into the words they hold."""
    pieces = re.split(r'("[^"]*"?)', query)  # odd pieces are quoted; a quote left open runs to the end
    return "".join(p if i % 2 else _FTS_SYNTAX.sub(lambda m: f" {m.group(1) or ''} ", p) for i, p in enumerate(pieces))


# Control characters (NUL, escape, ...): the tokenizers index none of them, they separate words as a space does, and
# FTS5 reads its query as a C string, so a NUL inside a term would end the query there ("unterminated string").
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def parse(query: str) -> ParsedQuery:
    """Read ``query`` as the syntax above; raise EmptyQueryError when nothing in it can be searched."""
    notes: list[str] = []
    if len(query) > MAX_QUERY_CHARS:
        query = query[:MAX_QUERY_CHARS]
        notes.append(f"only the first {MAX_QUERY_CHARS} characters of the query were read")
    query = _plain(_CONTROL.sub(" ", query))
    items: list[Term | str] = []  # terms and the operator "OR"
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        if ch in OPEN_QUOTES:
            closers = OPEN_QUOTES[ch]
            j = i + 1
            while j < n and query[j] not in closers:
                j += 1
            prefix = j + 1 < n and query[j + 1] == "*"
            items.append(Term(" ".join(query[i + 1:j].split()), prefix=prefix))
            i = j + 1 + prefix
            continue
        j = i
        while j < n and not query[j].isspace() and query[j] not in OPEN_QUOTES:
            j += 1
        chunk, i = query[i:j], j
        if chunk in ("OR", "|", "||"):
            items.append("OR")
        elif chunk not in ("AND", "&&", "&"):
            core = chunk.strip("*")
            items.append(Term(core, prefix=chunk.endswith("*") and bool(core)))
    groups: list[list[Term]] = []
    join, kept, dropped = False, 0, 0
    for item in items:
        if item == "OR":
            join = bool(groups)
            continue
        if not searchable(item.text):
            continue
        if kept == MAX_TERMS:
            dropped += 1
            continue
        kept += 1
        if join:
            groups[-1].append(item)
        else:
            groups.append([item])
        join = False
    if dropped:
        notes.append(f"only the first {MAX_TERMS} terms were searched ({dropped} more ignored)")
    if not groups:
        shown = query.strip()
        raise EmptyQueryError(
            (f"nothing to search for in {shown!r}: " if shown else "nothing to search for: ")
            + f"type a word, a \"phrase\" or a figure ({EXAMPLES})"
        )
    return ParsedQuery(groups, notes)


# --- English and other space-separated text: sentences_fts (porter unicode61) -------------------------------

WORDS_TOKENIZER = "porter unicode61"  # sentences_fts's, as schema migration 1 created it (a test checks they agree)


def temp_tables(conn: sqlite3.Connection) -> bool:
    """Create (once per connection) the TEMP tables that stem words, count prefixes and mark matches.

    TEMP tables are private to the connection and writable on a read-only one; False when
    even they cannot be written (``PRAGMA query_only``): callers then fall back to slower
    or rougher ways.
    """
    if conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'hqd_marks'").fetchone() is not None:
        return True
    try:
        conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.hqd_stem USING fts5(t, tokenize='{WORDS_TOKENIZER}')")
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.hqd_stem_terms USING fts5vocab(temp, hqd_stem, instance)")
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.hqd_fts_terms USING fts5vocab(main, sentences_fts, row)")
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.hqd_cjk_terms USING fts5vocab(main, sentences_cjk, row)")
        # the sentences to mark, and an index over them that reads them as external content: emptying it is one
        # 'rebuild' from the few rows at hand, where deleting from an FTS5 table reads and tokenizes each row again
        conn.execute("CREATE TABLE IF NOT EXISTS temp.hqd_marks_text(id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.hqd_marks USING fts5(text, content='hqd_marks_text', content_rowid='id',"
                     f" tokenize='{WORDS_TOKENIZER}')")
    except sqlite3.OperationalError:
        return False
    return True


def stem(conn: sqlite3.Connection, word: str) -> list[str]:
    """The tokens sentences_fts's tokenizer makes of ``word`` (lower case, porter stems), in order.

    Read from a TEMP FTS5 table with the same tokenizer: its vocabulary is exactly what
    the query will look for, which a Python stemmer would only approximate.
    """
    conn.execute("DELETE FROM temp.hqd_stem")
    conn.execute("INSERT INTO temp.hqd_stem(t) VALUES (?)", (word,))
    return [r[0] for r in conn.execute("SELECT term FROM temp.hqd_stem_terms ORDER BY offset")]


def prefix_words(conn: sqlite3.Connection, token: str, cap: int = MAX_PREFIX_WORDS) -> int:
    """How many indexed words begin with ``token``, counting up to ``cap + 1`` (a range seek in the vocabulary)."""
    return conn.execute(
        "SELECT count(*) FROM (SELECT term FROM temp.hqd_fts_terms WHERE term >= ? AND term < ? LIMIT ?)",
        (token, token + "\U0010ffff", cap + 1),
    ).fetchone()[0]


def compile_words(conn: sqlite3.Connection, parsed: ParsedQuery) -> str:
    """The FTS5 MATCH expression for sentences_fts: every term a quoted string, prefixes checked for breadth."""
    parts = []
    for group in parsed.groups:
        alts = []
        for term in group:
            alts.extend(_prefix(conn, term, parsed.notes) if term.prefix else [term.fts()])
        parts.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
    return " AND ".join(parts)


def _prefix(conn: sqlite3.Connection, term: Term, notes: list[str]) -> list[str]:
    """FTS5 strings for ``term*``: the prefix itself, and the stems it runs past.

    The index holds porter stems, which can be shorter than what was typed: "innovation"
    is indexed as "innov", so the prefix "innovat" alone finds nothing. Stems of up to
    STEM_SLACK letters fewer that are indexed words are searched as words too.
    """
    if not temp_tables(conn):  # no vocabulary to count in: a prefix of 3+ letters is taken as it is
        words = re.findall(r"[^\W_]+", term.text)
        if words and len(words[-1]) >= MIN_BLIND_PREFIX:
            return [term.fts() + " *"]
        notes.append(f"{term.text}* was searched as a word: type at least {MIN_BLIND_PREFIX} letters before the *")
        return [term.fts()]
    tokens = stem(conn, term.text)
    if not tokens:
        return [term.fts()]
    last = tokens[-1]
    if prefix_words(conn, last) > MAX_PREFIX_WORDS:
        notes.append(f"{term.text}* would match more than {MAX_PREFIX_WORDS} words; "
                     f"searched for {term.text!r} itself (type more letters before the *)")
        return [term.fts()]
    alts = [term.fts() + " *"]
    if len(tokens) == 1:
        for k in range(len(last) - 1, max(MIN_STEM, len(last) - STEM_SLACK) - 1, -1):
            shorter = last[:k]
            if _indexed(conn, shorter) and stem(conn, shorter) == [shorter]:
                alts.append(f'"{shorter}"')
    return alts


MIN_BLIND_PREFIX = 3  # letters a prefix needs when the vocabulary cannot be read
MIN_STEM = 4  # letters: a shorter stem ("inn" for "innovat*") would find other words
STEM_SLACK = 3  # letters a stem may fall short of the typed prefix ("innov" for "innovat*")


def _indexed(conn: sqlite3.Connection, word: str) -> bool:
    return conn.execute("SELECT 1 FROM temp.hqd_fts_terms WHERE term = ?", (word,)).fetchone() is not None


# --- Chinese: sentences_cjk (trigram) ----------------------------------------------------------------------------


MAX_FORMS = 4  # traditional spellings tried per term (a simplified character can have several: 个 → 個, 箇)


def with_script_forms(parsed: ParsedQuery) -> ParsedQuery:
    """The query with each Chinese term also in simplified and traditional characters, as alternatives:
    集成电路 finds 集成電路 too, and 園區 finds 园区 (the Chinese pack's one-to-one character map)."""
    groups = []
    for group in parsed.groups:
        alts: list[Term] = []
        for term in group:
            forms = script_forms(term.text) if term.han else [term.text]
            alts.extend(Term(form, term.prefix) for form in forms if all(form != t.text for t in alts))
        groups.append(alts)
    return ParsedQuery(groups, parsed.notes)


def script_forms(text: str) -> list[str]:
    """``text``, its simplified form, and up to MAX_FORMS traditional forms of that (each the same length)."""
    from itertools import islice, product

    simplified = _to_simplified(text)
    options = [_TRADITIONAL().get(ch, [ch]) for ch in simplified]
    forms = [text, simplified] + ["".join(chars) for chars in islice(product(*options), MAX_FORMS)]
    return list(dict.fromkeys(forms))


def _to_simplified(text: str) -> str:
    from ..script import to_simplified

    return to_simplified(text)


def _TRADITIONAL() -> dict[str, list[str]]:  # noqa: N802 (a constant, loaded on first use)
    """Simplified character -> its traditional forms, the inverse of the Chinese script map."""
    from ..script import traditional_forms

    return traditional_forms()


MAX_SHORT_TRIGRAMS = 200  # trigrams a one- or two-character term may stand for; more and it is looked for with instr


def split_for_trigrams(conn: sqlite3.Connection, parsed: ParsedQuery) -> tuple[str | None, list[list[Term]]]:
    """(MATCH expression over sentences_cjk, the groups left to check with instr).

    A term of 3+ characters matches as a substring. A shorter one stands for the indexed
    trigrams that begin with it (园区 for 园区内, 园区建, ..., and 园区 + the end mark that
    migration 11 puts after every sentence), read from the index's vocabulary; when there
    are more than MAX_SHORT_TRIGRAMS of them (a single common character), its group is
    left to instr.
    """
    matched, filtered = [], []
    for group in parsed.groups:
        alts: list[str] = []
        for term in group:
            if len(term.text) >= TRIGRAM:
                alts.append(term.fts())
                continue
            trigrams = short_term_trigrams(conn, term.text)
            if trigrams is None:
                break
            alts.extend('"' + t.replace('"', '""') + '"' for t in trigrams)
        else:
            if alts:
                matched.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
                continue
            matched.append('""')  # a short term that no trigram begins with: nothing matches
            continue
        filtered.append(group)
    return (" AND ".join(matched) or None), filtered


def short_term_trigrams(conn: sqlite3.Connection, text: str) -> list[str] | None:
    """The indexed trigrams that begin with ``text`` (1-2 characters; the index folds letter case),
    or None when there are more than MAX_SHORT_TRIGRAMS or the vocabulary cannot be read."""
    if not temp_tables(conn):
        return None
    start = text.lower()
    found = [r[0] for r in conn.execute("SELECT term FROM temp.hqd_cjk_terms WHERE term >= ? AND term < ? LIMIT ?",
                                        (start, start + "\U0010ffff", MAX_SHORT_TRIGRAMS + 1))]
    return None if len(found) > MAX_SHORT_TRIGRAMS else found


def instr_filter(groups: list[list[Term]], column: str) -> tuple[str, dict[str, str]]:
    """SQL that holds when ``column`` contains some term of every group (letter case ignored for A–Z),
    with its named parameters (:t0, :t1, ...)."""
    clauses, params = [], {}
    for group in groups:
        alts = []
        for term in group:
            name = f"t{len(params)}"
            params[name] = term.text.lower()
            # lower() copies the text: only worth it when the term has a letter with case (5G, not 园区)
            alts.append(f"instr(lower({column}), :{name}) > 0" if term.text.lower() != term.text.upper() else f"instr({column}, :{name}) > 0")
        clauses.append("(" + " OR ".join(alts) + ")")
    return " AND ".join(clauses) or "1", params


def find_terms(text: str, terms: list[Term]) -> list[tuple[int, int]]:
    """Where the terms occur in ``text`` (letter case ignored), as merged (start, end) spans."""
    spans = sorted(
        (m.start(), m.end())
        for t in terms if t.text
        for m in re.finditer(re.escape(t.text), text, re.IGNORECASE)
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# --- highlight() output -------------------------------------------------------------------------------------------


def highlight_words(conn: sqlite3.Connection, expression: str, rows: list[tuple[int, str]]) -> dict[int, str]:
    """highlight() of ``expression`` in each (id, text), marked with OPEN/CLOSE.

    Run on a TEMP copy of just these sentences, with sentences_fts's tokenizer: asking
    sentences_fts itself costs a seek through every index segment per sentence (about
    0.4 ms each on a store of 3,000 documents), the copy a fraction of a millisecond in all.
    """
    if not rows:
        return {}
    if not temp_tables(conn):  # the slow way: sentences_fts itself, one sentence at a time
        sql = "SELECT highlight(sentences_fts, 0, ?, ?) FROM sentences_fts WHERE sentences_fts MATCH ? AND rowid = ?"
        found = ((i, conn.execute(sql, (OPEN, CLOSE, expression, i)).fetchone()) for i, _ in rows)
        return {i: row[0] for i, row in found if row is not None}
    conn.execute("DELETE FROM temp.hqd_marks_text")
    conn.executemany("INSERT INTO temp.hqd_marks_text(id, text) VALUES (?, ?)", rows)
    conn.execute("INSERT INTO temp.hqd_marks(hqd_marks) VALUES ('rebuild')")
    return dict(conn.execute("SELECT rowid, highlight(hqd_marks, 0, ?, ?) FROM temp.hqd_marks WHERE hqd_marks MATCH ?",
                             (OPEN, CLOSE, expression)).fetchall())


OPEN, CLOSE = "\ue000", "\ue001"  # private-use characters around each match in highlight() output


def marked_spans(text: str, marked: str | None) -> list[tuple[int, int]]:
    """The (start, end) spans that highlight() wrapped in OPEN/CLOSE, as offsets into ``text``.

    Checked: removing the markers must give ``text`` back (a sentence that itself holds
    a marker character gets no spans rather than wrong ones).
    """
    if not marked or OPEN not in marked:
        return []
    spans, plain, pos, start = [], [], 0, None
    for piece in re.split(f"([{OPEN}{CLOSE}])", marked):
        if piece == OPEN:
            start = pos
        elif piece == CLOSE:
            if start is not None and pos > start:
                spans.append((start, pos))
            start = None
        else:
            plain.append(piece)
            pos += len(piece)
    return spans if "".join(plain) == text else []


def segments(text: str, layers: dict[str, list]) -> list[tuple[str, frozenset[str]]]:
    """``text`` cut at every span boundary of every layer, each piece with the names of the layers covering it.

    Layers may overlap one another (a matched "9.1%" inside the figure "up 9.1%"); a
    renderer wraps each piece in its own marks, so the markup always nests.
    """
    cuts = {0, len(text)}
    for spans in layers.values():
        for start, end, *_ in spans:
            cuts.update((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        names = frozenset(name for name, spans in layers.items() if any(s <= a and b <= e for s, e, *_ in spans))
        out.append((text[a:b], names))
    return out
