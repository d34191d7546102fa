"""The ``hqd`` command: parses options and calls the library; no logic lives here."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

import click

from . import __version__, settings
from .errors import HqdError, SourceError
from .format import check_period, format_value, period_label, PERIOD_FORMS
from .output import FORMATS as OUTPUT_FORMATS, json_text, render, row_dict

if TYPE_CHECKING:
    from .store import Store

# Each command imports what it needs when it runs (the store, the analysis, the extractor): `hqd extract` of one small
# file does not pay for importing the store and the analysis, nor `hqd docs` for the extractor's patterns.


class _LazyChoice(click.Choice):
    """A choice among values that a module the command imports when it runs defines: read when first asked for (by the
    command's --help or its parsing), so that building the command line imports nothing."""

    def __init__(self, load: Callable[[], Sequence[str]]) -> None:
        self._load = load
        self._choices: Sequence[str] | None = None
        self.case_sensitive = True

    @property
    def choices(self) -> Sequence[str]:  # type: ignore[override]
        if self._choices is None:
            self._choices = tuple(self._load())
        return self._choices


def _export_formats() -> Sequence[str]:
    from .store import EXPORT_FORMATS

    return EXPORT_FORMATS


def _target_statuses() -> Sequence[str]:
    from .analysis import STATUSES

    return STATUSES


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hqd")
def cli() -> None:
    """hqd: figures, targets and entities from High-Quality Development briefings.

    Example:

        hqd extract ../shared/seeds/*.txt --format table
    """


def _table(doc) -> str:
    rows = [("text", "value", "kind", "approx", "metric", "period", "subject")]
    for q in doc.quantities:
        rows.append((" ".join(q.text.split()), format_value(q.value, q.unit, q.kind, q.approx), q.kind, q.approx,
                     (q.metric or "")[:48], str(q.period or ""), q.subject or ""))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [f"# {doc.source}  {doc.meta.district or '?'}  {doc.meta.date or '?'}  {len(doc.quantities)} quantities, {len(doc.targets)} targets"]
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl: one contract object per document; table: one row per quantity.")
@click.option("--max-bytes", type=int, default=lambda: int(settings.MAX_BYTES.value()), show_default="20 MB",
              help=settings.MAX_BYTES.help)
@click.option("--explain", is_flag=True, help="Per quantity, each attribute's value and the name of the rule that set it (instead of --format).")
@click.option("--out", type=click.Path(file_okay=False), help="Write the four tables as Parquet here (partitioned by language and year), not JSON to stdout.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="local: this machine's cores; spark: a Spark job (the 'spark' extra), which needs --out.")
@click.option("--master", help="Spark master URL, e.g. local[4], spark://host:7077, yarn (default: Spark's own setting).")
@click.option("--input-format", type=click.Choice(["files", "parquet"]), default="files", show_default=True,
              help="files: text and HTML files or folders; parquet: datasets with a text and a source column (spark only).")
@click.option("--text-column", default="text", show_default=True, help="With --input-format parquet: the column holding the text.")
@click.option("--source-column", default="source", show_default=True, help="With --input-format parquet: the column naming each document.")
@click.option("--jobs", "-j", type=int, default=None, help="With --out and the local engine: extraction processes (default: the core count).")
def extract(paths: tuple[str, ...], fmt: str, max_bytes: int, explain: bool, out: str | None, engine: str, master: str | None,
            input_format: str, text_column: str, source_column: str, jobs: int | None) -> None:
    """Extract quantities, targets, entities and metadata from briefings.

    PATHS are text or HTML files; '-' reads one document from stdin. Output
    goes to stdout in the order given; problems go to stderr, and the exit
    status is 1 if any file failed.

    Example:

        hqd extract ../shared/seeds/000_4cb840ccff412ef6.txt --format table
        hqd extract ../shared/seeds --engine spark --master 'local[2]' --out tables/
    """
    from .extraction import extract_source
    from .sources import read_source

    if out or engine == "spark":
        _extract_tables(paths, out, engine, master, input_format, text_column, source_column, max_bytes, jobs)
        return
    from .extraction.explain import explain as explain_document

    failed = 0
    for path in paths:
        try:
            doc = extract_source(read_source(path, max_bytes))
        except SourceError as exc:
            click.echo(f"hqd: {exc}", err=True)
            failed += 1
            continue
        except Exception as exc:  # a fault of the extractor's on one file: name it, and go on with the others
            click.echo(f"hqd: {path}: extraction failed ({type(exc).__name__}: {exc}); the other files are extracted", err=True)
            failed += 1
            continue
        for warning in doc.warnings:
            click.echo(f"hqd: warning: {warning}", err=True)
        if explain:
            click.echo(explain_document(doc))
            click.echo()
        elif fmt == "jsonl":
            click.echo(json.dumps(doc.to_json(), ensure_ascii=False))
        else:
            click.echo(_table(doc))
            click.echo()
    sys.exit(1 if failed else 0)


def _extract_tables(paths, out, engine, master, input_format, text_column, source_column, max_bytes, jobs) -> None:
    if not out:
        raise click.UsageError("--engine spark writes Parquet: give --out DIR")
    if engine == "local":
        if input_format != "files":
            raise click.UsageError("--input-format parquet needs --engine spark")
        from .pipeline.local import run_local
        from .pipeline.parquet import write_tables

        tables, failures = run_local(paths, max_bytes, jobs)
        write_tables(tables, out)
        documents = tables["documents"].num_rows
    else:
        try:
            from .pipeline.spark import run_spark

            import pyspark  # noqa: F401
        except ImportError:
            raise click.ClickException("--engine spark needs the spark extra: pip install 'hqd[spark]' (and a Java runtime)") from None
        documents, failures = run_spark(list(paths), out, max_bytes, master, input_format, text_column, source_column)
    for failure in failures:
        click.echo(f"hqd: {failure.source}: {failure.reason}", err=True)
    click.echo(f"{documents} documents extracted into {out} ({engine}); {len(failures)} failed", err=True)
    sys.exit(1 if failures else 0)


@cli.command()
@click.argument("path")
def text(path: str) -> None:
    """Print the text that offsets index (HTML reduced to its visible text).

    Example:

        hqd text briefing.html
    """
    from .sources import read_source

    try:
        click.echo(read_source(path).text, nl=False)
    except SourceError as exc:
        raise click.ClickException(str(exc)) from None


@cli.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--verbose", "-v", is_flag=True,
              help="List every miss, false positive and attribute error, and count right and wrong per rule.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_command(gold_dir: Path, verbose: bool, fmt: str) -> None:
    """Score the extractor against NAME.gold.json files beside NAME.txt.

    Prints quantity precision, recall and F1, the accuracy of each attribute
    on matched quantities, metadata accuracy and target F1.

    Example:

        hqd eval ../shared/seeds --verbose
    """
    from .evaluation import ATTRIBUTES, evaluate
    from .extraction import EXTRACTOR_VERSION, extract_source
    from .sources import read_source

    try:
        report = evaluate(gold_dir, lambda p: extract_source(read_source(p)))
    except HqdError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps(report.to_json(), indent=2))
        return
    if verbose:
        for d in report.documents:
            for line in d.misses + d.false_positives + d.attribute_errors + d.meta_misses:
                click.echo(line)
        click.echo()
        click.echo(report.rules_table())
        click.echo()
    data = report.to_json()
    q = data["quantities"]
    click.echo(f"extractor {EXTRACTOR_VERSION} on {data['documents']} documents")
    click.echo(f"quantities: precision {q['precision']:.3f}  recall {q['recall']:.3f}  F1 {q['f1']:.3f}  (tp {q['tp']}, fp {q['fp']}, fn {q['fn']})")
    click.echo("attributes: " + "  ".join(f"{a} {report.attribute_accuracy(a):.3f}" for a in ATTRIBUTES))
    click.echo(f"metadata: accuracy {report.meta_accuracy:.3f}")
    t = data["targets"]
    if t["tp"] or t["fp"] or t["fn"]:
        click.echo(f"targets: F1 {t['f1']:.3f}  (tp {t['tp']}, fp {t['fp']}, fn {t['fn']})")
    else:
        click.echo("targets: none in the gold and none found")  # F1 is undefined, not 0


def _db_option(f):
    return click.option("--db", default=lambda: settings.DB.value(), show_default="hqd.db, or $HQD_DB", help=settings.DB.help)(f)


def _format_option(f):
    return click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True)(f)


def _limit_option(default: int | None = 50):
    return click.option("--limit", type=click.IntRange(min=0), default=default, show_default=True,
                        help="Most rows to print: a whole number, 0 for all.")


def _period_callback(ctx, param, value):
    try:
        return check_period(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a period: give {PERIOD_FORMS}") from None


def _period_option(help_text: str = "Period or its prefix: 2023, 2023-H1, 2023-Q2, 2023-07, 2021/2023."):
    return click.option("--period", callback=_period_callback, help=help_text)


def _date_option(name: str, help_text: str):
    return click.option(name, type=click.DateTime(formats=["%Y-%m-%d"]), help=help_text + " (YYYY-MM-DD)")


def _iso(value) -> str | None:
    return value.date().isoformat() if value else None


def _district(conn, name: str | None) -> str | None:
    """The stored spelling of a district typed in any case; exit 1 naming the closest ones when there is none."""
    from .names import UnknownName, resolve_district

    if not name:
        return None
    try:
        return resolve_district(conn, name)
    except UnknownName as exc:
        raise click.ClickException(str(exc)) from None


def _indicator(code: str | None) -> str | None:
    from .names import UnknownName, resolve_indicator

    if not code:
        return None
    try:
        return resolve_indicator(code)
    except UnknownName as exc:
        raise click.ClickException(str(exc)) from None


def _shown(rows: list, total: int, what: str, limit: int | None, offset: int | None = 0) -> None:
    """Say on stderr how many rows there are and how to see the rest, when a listing stops short
    (``offset`` None: the command pages only with --limit)."""
    pages = offset is not None
    offset = offset or 0
    if total > offset + len(rows) or offset:
        more = ((f"; --offset {offset + len(rows)} shows the next, --limit 0 all" if pages else
                 f"; --limit {total} or --limit 0 shows all") if total > offset + len(rows) else "")
        click.echo(f"hqd: {what} {offset + 1 if rows else offset}–{offset + len(rows)} of {total:,}{more}", err=True)


def _with_figure(rows) -> list[dict]:
    """Rows for a terminal table: the figure written by the one formatter in place of raw value and unit, and the period
    as people read it ("H1 2023", "Jan–Oct 2021", "2021–2023 average"; --period takes the codes)."""
    out = []
    for r in rows:
        d = dict(row_dict(r))
        d["figure"] = format_value(d.get("value"), d.get("unit"), d.get("kind"), d.get("approx"))
        if d.get("period"):
            d["period"] = period_label(d["period"], d.get("basis"))
        out.append(d)
    return out


def _sources_option(f):
    return click.option("--sources", "sources_file", default=lambda: settings.SOURCES.value(), show_default="hqd's own list, or $HQD_SOURCES",
                        type=click.Path(dir_okay=False), help=settings.SOURCES.help)(f)


def _open(db: str, write: bool = False) -> Store:
    from .store import Store, StoreError

    try:
        if write:  # the pipeline opens a store for writing: it maps what a migration left unmapped
            from .pipeline.ingest import open_writer

            return Store(open_writer(db))
        return Store.open(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


def _refresh_observations(conn: Store) -> None:
    """Bring the stored observations up to date after a write, so that the first read after it does not pay for it."""
    from .observations import refresh
    from .store import StoreError

    try:
        with conn.errors():
            refresh(conn)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


def _limit(limit: int | None) -> int | None:
    return None if not limit else limit


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option("--jobs", "-j", type=int, default=None, help="Extraction processes (default: the core count).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary; errors still go to stderr.")
@click.option("--max-bytes", type=int, default=lambda: int(settings.MAX_BYTES.value()), show_default="20 MB", help=settings.MAX_BYTES.help)
@click.option("--from-parquet", is_flag=True, help="PATHS are folders of Parquet tables that `hqd extract --out` (or --engine spark) wrote.")
def ingest(paths: tuple[str, ...], db: str, jobs: int | None, quiet: bool, max_bytes: int, from_parquet: bool) -> None:
    """Extract files and folders (.txt, .html, .htm, recursively) into the database.

    Each document and its facts are written in one transaction. Unchanged
    files are skipped by content hash; a changed file replaces its old facts.
    Exit status 1 if any file failed.

    Example:

        hqd ingest ../shared/seeds --db hqd.db
        hqd ingest --from-parquet tables/ --db hqd.db
    """
    from .store import StoreError

    conn = _open(db, write=True)
    try:
        if from_parquet:
            from .pipeline.ingest import ingest_parquet, IngestSummary

            summary = IngestSummary()
            for folder in paths:
                part = ingest_parquet(conn, folder)
                for name in ("added", "unchanged", "replaced", "extract_seconds", "store_seconds"):
                    setattr(summary, name, getattr(summary, name) + getattr(part, name))
        else:
            from .pipeline.ingest import ingest_paths

            summary = ingest_paths(conn, db, paths, jobs=jobs, max_bytes=max_bytes, quiet=quiet)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    _refresh_observations(conn)
    for skipped in summary.skipped:
        click.echo(f"hqd: warning: skipped {skipped}", err=True)
    for failure in summary.failures:
        click.echo(f"hqd: {failure}", err=True)
    if not quiet:
        click.echo(summary.line(), err=True)
        if summary.added or summary.replaced:
            click.echo(summary.cpu_line(), err=True)
    sys.exit(1 if summary.failed else 0)


@cli.command()
@_db_option
@click.option("--all", "everything", is_flag=True, help="Re-extract every document, not only those from an older extractor.")
@click.option("--jobs", "-j", type=int, default=None, help="Extraction processes (default: the core count).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary; errors still go to stderr.")
@click.option("--from-snapshots", "snapshots", type=click.Path(exists=True, file_okay=False),
              help="Rebuild crawled documents from this folder of WARC files instead (each URL's latest snapshot).")
@_sources_option
def reindex(db: str, everything: bool, jobs: int | None, quiet: bool, snapshots: str | None, sources_file: str | None) -> None:
    """Re-extract stored documents from their stored text (no source files needed),
    or, with --from-snapshots, rebuild crawled documents from their WARC snapshots.

    Example:

        hqd reindex --db hqd.db --all
        hqd reindex --db fresh.db --from-snapshots snapshots/
    """
    from .extraction import EXTRACTOR_VERSION
    from .store import StoreError

    conn = _open(db, write=True)
    if snapshots:
        from .crawl import load_sources
        from .pipeline.crawl import reindex_snapshots

        _, sources = _run(load_sources, sources_file or None)
        stored, failures = _run(reindex_snapshots, conn, snapshots, sources)
        _refresh_observations(conn)
        for failure in failures:
            click.echo(f"hqd: {failure}", err=True)
        if not quiet:
            click.echo(f"rebuilt {stored} documents from the snapshots in {snapshots}", err=True)
        sys.exit(1 if failures else 0)
    from .pipeline.ingest import reindex as reindex_store

    try:
        done, total = reindex_store(conn, everything=everything, quiet=quiet, jobs=jobs)
    except StoreError as exc:
        _refresh_observations(conn)  # the documents reindexed before the failure
        raise click.ClickException(str(exc)) from None
    _refresh_observations(conn)
    if not quiet:
        click.echo(f"reindexed {done} of {total} documents with extractor {EXTRACTOR_VERSION}", err=True)


@cli.command("crawl")
@click.argument("urls", nargs=-1)
@_db_option
@_sources_option
@click.option("--source", "names", multiple=True, help="Only this source (by name; repeat for several).")
@click.option("--snapshots", default=lambda: settings.SNAPSHOTS.value(), show_default="snapshots, or $HQD_SNAPSHOTS",
              help=settings.SNAPSHOTS.help)
@click.option("--max-pages", type=click.IntRange(min=1), help="Fetch at most this many pages per source; the next crawl goes on from there.")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="Skip articles listed before this date (YYYY-MM-DD).")
@click.option("--dry-run", is_flag=True, help="Walk the list pages and print the articles a crawl would fetch; archive and store nothing.")
@click.option("--delay", type=click.FloatRange(min=0), help="Seconds between requests to one host (robots.txt's Crawl-delay can raise it).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; the summary and errors still go to stderr.")
def crawl_command(urls, db, sources_file, names, snapshots, max_pages, since, dry_run, delay, quiet) -> None:
    """Fetch the publishers' new and changed articles, archive every response as WARC, and ingest the articles.

    Sources come from the sources file (see hqd/crawl/sources.toml), or are the URLs given: a URL's page and the
    links on it within its host. Pages are fetched politely (robots.txt, one request at a time per host, a delay,
    retries with backoff) and conditionally (ETag, Last-Modified). A crawl that is stopped resumes where it was.
    Exit status 1 if any page failed.

    Example:

        hqd crawl --source shio-en --max-pages 20 --since 2024-01-01
    """
    from tqdm import tqdm

    from .crawl import PoliteClient, load_sources
    from .crawl.config import source_for_url
    from .pipeline.crawl import crawl_into_store

    crawl_settings, sources = _run(load_sources, sources_file or None)
    if urls:
        sources = [source_for_url(url) for url in urls]
    if names:
        unknown = set(names) - {s.name for s in sources}
        if unknown:
            raise click.ClickException(f"unknown source {sorted(unknown)}; known: {', '.join(s.name for s in sources)}")
        sources = [s for s in sources if s.name in names]
    if delay is not None:
        crawl_settings = dataclasses.replace(crawl_settings, delay=delay)
    conn = _open(db, write=True)
    with tqdm(unit="page", disable=quiet or dry_run, desc="crawl") as bar, PoliteClient(crawl_settings) as client:
        results = _run(crawl_into_store, conn, sources, client, snapshots, max_pages=max_pages,
                       since=since.date() if since else None, dry_run=dry_run, progress=lambda kind, url: bar.update(1))
    if not dry_run:
        _refresh_observations(conn)
    failed = False
    for source, summary in results:
        for url in summary.would_fetch:
            click.echo(url)
        for failure in summary.failures:
            click.echo(f"hqd: {failure}", err=True)
        click.echo(f"{source.name}: {summary.line()}", err=True)
        failed = failed or bool(summary.failures)
    sys.exit(1 if failed else 0)


@cli.command("sources")
@_db_option
@_sources_option
@_format_option
def sources_command(db: str, sources_file: str | None, fmt: str) -> None:
    """The crawl's sources: last crawl, pages and documents, pages failing, and the next page a crawl would fetch.

    Example:

        hqd sources --format json
    """
    from .crawl import load_sources
    from .store.crawl import source_status

    _, sources = _run(load_sources, sources_file or None)
    rows = [dataclasses.asdict(s) for s in source_status(_open(db), sources)]
    for row in rows:
        row["last_summary"] = ", ".join(f"{k} {v}" for k, v in (row["last_summary"] or {}).items()) if fmt != "json" else row["last_summary"]
    click.echo(render(rows, fmt))


@cli.command()
@_db_option
@click.option("--district", help="Only this district.")
@_format_option
@_limit_option()
def docs(db: str, district: str | None, fmt: str, limit: int) -> None:
    """List stored documents: date, district, session, title and fact counts.

    Example:

        hqd docs --district Jiading --format csv
    """
    from .store import list_documents

    conn = _open(db)
    district = _district(conn, district)
    rows = list_documents(conn, district=district, limit=_limit(limit))
    click.echo(render(rows, fmt, ["id", "date", "district", "session", "quantities", "targets", "entities", "title"], {"title": 60}))
    total = conn.document_total(district)
    _shown(rows, total, "documents", limit, None)


@cli.command()
@_db_option
@click.option("--district", help="District name, e.g. Jiading.")
@click.option("--metric", help="Words that must all appear in the metric, e.g. 'budget revenue'.")
@click.option("--unit", help="Unit code: CNY, percent, count, mu, ...")
@click.option("--kind", type=click.Choice(["level", "change", "share", "target"]))
@click.option("--indicator", help="Indicator code, any case, e.g. gdp (see `hqd indicators`).")
@_period_option()
@click.option("--doc", type=int, help="Only this document id.")
@_date_option("--since", "Briefings on or after this date")
@_date_option("--until", "Briefings on or before this date")
@_format_option
@_limit_option()
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many rows first (to page on).")
def facts(db: str, district, metric, unit, kind, indicator, period, doc, since, until, fmt: str, limit: int, offset: int) -> None:
    """List quantities matching every filter given.

    Example:

        hqd facts --district Jiading --metric revenue --kind change
    """
    from .store import list_facts
    from .store.queries import count_facts

    conn = _open(db)
    filters = {"district": _district(conn, district), "metric": metric, "unit": unit, "kind": kind, "period": period, "doc": doc,
               "since": _iso(since), "until": _iso(until), "indicator": _indicator(indicator)}
    rows = list_facts(conn, **filters, limit=_limit(limit), offset=offset)
    if fmt == "table":
        columns = ["document_id", "district", "text", "figure", "kind", "metric", "period", "subject"]
        click.echo(render(_with_figure(rows), fmt, columns, {"metric": 50, "text": 30, "subject": 30}))
    else:
        columns = ["document_id", "district", "text", "value", "unit", "kind", "approx", "metric", "period", "subject", "sentence"]
        click.echo(render(rows, fmt, columns))
    _shown(rows, count_facts(conn, **filters) if limit and (len(rows) == limit or offset) else offset + len(rows), "facts", limit, offset)


def _highlight(hit) -> str:
    """The sentence on one line: figures in [brackets], matched words in bold (on a terminal)."""
    from .store import fts

    layers = {"figure": [(f["start"], f["end"]) for f in hit.figures], "match": hit.matches}
    out, in_figure = [], False
    for piece, names in fts.segments(hit.text, layers):
        if ("figure" in names) != in_figure:
            out.append("[" if not in_figure else "]")
            in_figure = not in_figure
        out.append(click.style(piece, bold=True, underline=True) if "match" in names else piece)
    if in_figure:
        out.append("]")
    return " ".join("".join(out).split())


@cli.command()
@click.argument("query")
@_db_option
@click.option("--district", help="Only sentences from this district's briefings.")
@_format_option
@_limit_option(20)
def search(query: str, db: str, district: str | None, fmt: str, limit: int) -> None:
    """Search the sentences of every document, best matches first, figures in brackets.

    Words must all appear (any letter case, any ending: enterprise finds enterprises);
    "a phrase" in quotes; tax OR fee for either; innovat* for words that begin so.
    Hyphens, %, brackets and FTS5 operators are plain text: high-tech, 9.1%.
    Chinese is found as written, anywhere in a sentence: 集成电路, 园区.

    Example:

        hqd search high-tech --db hqd.db
    """
    from .store import StoreError, fts
    from .store.queries import search_sentences

    conn = _open(db)
    try:
        result = search_sentences(conn, query, limit=_limit(limit), district=_district(conn, district))
    except fts.EmptyQueryError as exc:
        raise click.UsageError(str(exc)) from None
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    hits = result.hits
    if fmt != "table":
        click.echo(render(hits, fmt, ["document_id", "date", "district", "text", "figures", "matches", "url", "rank"]))
        return
    if not hits:
        click.echo(f"(no matches for {result.understood})")
    for hit in hits:
        click.echo(f"#{hit.document_id} {hit.date or '?'} {hit.district or '?'}: {_highlight(hit)}")


@cli.command()
@click.argument("ref")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def show(ref: str, db: str, fmt: str) -> None:
    """Print one document (by id, sha256 prefix or source path) with its facts.

    Example:

        hqd show 1 --db hqd.db
    """
    from .store import StoreError, get_document

    try:
        doc = get_document(_open(db), ref)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    click.echo(f"#{doc['id']} {doc['title'] or '(untitled)'}")
    click.echo(f"date {doc['date']}  published {doc['published']}  district {doc['district']}  session {doc['session']}")
    if doc["theme"]:
        click.echo(f"theme: {doc['theme']}")
    for o in doc["officials"]:
        click.echo(f"  {o['name']}, {o['title']}")
    click.echo(f"sources: {', '.join(doc['sources'])}")
    click.echo()
    click.echo(render(_with_figure(doc["quantities"]), "table", ["text", "figure", "kind", "metric", "period", "subject"],
                      {"metric": 50, "text": 30}))
    if doc["targets"]:
        click.echo()
        click.echo(render(_with_figure(doc["targets"]), "table", ["text", "metric", "figure", "deadline", "subject"], {"text": 40, "metric": 50}))


@cli.command(name="export")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@_db_option
@click.option("--format", "fmt", type=_LazyChoice(_export_formats), default="csv", show_default=True)
def export_command(out: Path, db: str, fmt: str) -> None:
    """Write the whole corpus to OUT, one file per table (csv, jsonl or parquet).

    Example:

        hqd export out/ --format parquet
    """
    from .store import export_store

    for path in export_store(_open(db), out, fmt):
        click.echo(str(path))


def _run(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except HqdError as exc:
        raise click.ClickException(str(exc)) from None


@cli.command()
@_db_option
@_format_option
def indicators(db: str, fmt: str) -> None:
    """List the indicator catalogue with how many stored facts map to each.

    Example:

        hqd indicators --format csv
    """
    from .analysis import indicator_rows

    click.echo(render(_run(indicator_rows, _open(db)), fmt, ["code", "dimension", "unit", "higher_is_better", "facts", "name", "name_zh"]))


@cli.command(name="unmapped")
@_db_option
@_format_option
@_limit_option()
def unmapped_command(db: str, fmt: str, limit: int) -> None:
    """List the commonest metric phrases that map to no indicator, each with the reason.

    Reasons: part (a part of the subject: some enterprises, industries, places,
    a group or batch), threshold (a bound inside a description), duration, unit
    (the unit cannot measure the indicator the metric names), target_progress,
    no_indicator (the catalogue has none: grow it).

    Example:

        hqd unmapped --limit 20
    """
    from .analysis import unmapped

    click.echo(render(_run(unmapped, _open(db), limit=_limit(limit)), fmt, ["facts", "reason", "metric", "example"], {"metric": 70}))


def _series_options(f):
    f = click.option("--granularity", help="Period length: year, half, quarter, month, 'N months', 'N years', or undated.")(f)
    f = click.option("--unit", help="Unit code, e.g. CNY, percent, count.")(f)
    f = click.option("--basis", help="For a change: yoy, annual_avg, cumulative, sequential or none; for a share: city, nation, total.")(f)
    return click.option("--measure", type=click.Choice(["level", "change", "share"]), help="Level, change or share.")(f)


@cli.command(name="compare")
@click.argument("indicator")
@_db_option
@_period_option("Period or prefix, e.g. 2023-H1 or 2023.")
@click.option("--kind", type=click.Choice(["level", "change", "share"]), help="Same as --measure.")
@_series_options
@_format_option
def compare_command(indicator: str, db: str, period: str | None, kind: str | None, measure: str | None, basis: str | None,
                    unit: str | None, granularity: str | None, fmt: str) -> None:
    """One row per district on one series of an indicator, with source document and sentence; conflicts flagged.

    A series is one measure, basis, unit and period granularity: only those are
    compared. Without options the series most districts report is chosen; the
    choice and the other series are printed after the table (on stderr for csv).

    Example:

        hqd compare gdp --measure change --basis yoy --period 2023-H1
    """
    from .analysis import comparison

    result = _run(comparison, _open(db), _indicator(indicator), period=period, measure=measure or kind, basis=basis, unit=unit,
                  granularity=granularity)
    if fmt == "json":
        click.echo(json_text({"rows": [_asdict(r) for r in result.rows], **result.extra()}))
        return
    if fmt == "table":
        click.echo(render(_with_figure(result.rows), fmt, ["district", "figure", "kind", "basis", "period", "granularity", "conflict",
                                                            "document_id", "date", "text"]))
    else:
        click.echo(render(result.rows, fmt, ["district", "value", "unit", "approx", "kind", "basis", "period", "granularity", "conflict",
                                             "document_id", "date", "text", "sentence"]))
    note = click.echo if fmt == "table" else (lambda line: click.echo(line, err=True))
    if result.selection is None:
        note(f"no series of {indicator} matches these options" if result.options else f"no district reports {indicator}")
    else:
        note(f"series: {result.selection.label}")
    others = [o for o in result.options if not o.chosen]
    if others:
        note("other series: " + "; ".join(f"{o.label} ({o.districts} district(s); --measure {o.measure} --basis {o.basis or 'none'}"
                                          f" --unit {o.unit} --granularity '{o.granularity or 'undated'}')" for o in others))


@cli.command(name="timeline")
@click.argument("district")
@_db_option
@click.option("--indicator", help="Only this indicator code.")
@click.option("--measure", type=click.Choice(["level", "change", "share"]), help="Only levels, changes or shares.")
@click.option("--basis", help="Only this basis (yoy, annual_avg, cumulative, sequential, none).")
@click.option("--unit", help="Only this unit.")
@_format_option
def timeline_command(district: str, db: str, indicator: str | None, measure: str | None, basis: str | None, unit: str | None,
                     fmt: str) -> None:
    """A district's own observations across its briefings, oldest first by period; undated ones listed apart.

    Example:

        hqd timeline Jinshan --indicator rural_income
    """
    from .analysis import timeline_view

    conn = _open(db)
    district = _district(conn, district)
    dated, undated = _run(timeline_view, conn, district, _indicator(indicator), measure, basis, unit)
    if fmt == "json":
        click.echo(json_text({"district": district, "rows": [_asdict(r) for r in dated], "undated": [_asdict(r) for r in undated]}))
        return
    if fmt == "table":
        columns = ["period", "granularity", "indicator", "figure", "kind", "basis", "conflict", "text", "metric", "date", "document_id"]
        click.echo(render(_with_figure(dated), fmt, columns, {"metric": 50}))
        if undated:
            click.echo("\nundated (no period; not placed on the timeline):")
            click.echo(render(_with_figure(undated), "table", [c for c in columns if c not in ("period", "granularity")], {"metric": 50}))
        return
    click.echo(render(dated, fmt, ["period", "granularity", "indicator", "kind", "basis", "value", "unit", "conflict", "text", "metric",
                                   "date", "document_id"], {"metric": 50}))


@cli.command(name="profile")
@click.argument("district")
@_db_option
@_format_option
def profile_command(district: str, db: str, fmt: str) -> None:
    """A district's scorecard by dimension: indicators, latest level and growth, ranks, targets.

    Example:

        hqd profile Jiading
    """
    from .analysis import profile, rank_claims, target_rows

    conn = _open(db)
    district = _district(conn, district)
    rows = _run(profile, conn, district)
    ranks = _run(rank_claims, conn, district)
    targets = _run(target_rows, conn, district)
    if fmt == "json":
        click.echo(json_text({"district": district, "indicators": [_asdict(r) for r in rows],
                              "ranks": ranks, "targets": [_asdict(t) for t in targets]}))
        return
    if fmt == "table":  # periods as people read them, as on the district page
        rows = [{**row_dict(r), "level_period": period_label(r.level_period), "change_period": period_label(r.change_period, r.change_basis)}
                for r in rows]
    click.echo(render(rows, fmt, ["dimension", "indicator", "level", "level_period", "change", "change_basis", "change_period", "facts"]))
    if fmt == "table":
        if ranks:
            click.echo("\nrank claims:")
            click.echo(render(ranks, "table", ["rank", "scope", "metric", "text"], {"metric": 50}))
        if targets:
            click.echo("\ntargets:")
            click.echo(render(_with_figure(targets), "table", ["deadline", "status", "figure", "metric"], {"metric": 60}))


def _asdict(row):
    import dataclasses

    return dataclasses.asdict(row)


@cli.command(name="targets")
@_db_option
@click.option("--district", help="Only this district.")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), help="Status on this date (default today).")
@click.option("--status", type=_LazyChoice(_target_statuses), help="Only targets with this status.")
@_format_option
def targets_command(db: str, district: str | None, as_of, status: str | None, fmt: str) -> None:
    """Every stated goal once, judged against later figures: met, missed, on track, not yet due or no evidence.

    A goal restated in several briefings is one target listing every statement.
    The judging honours the goal's approx (exceed, at least, about, within) and
    its deadline; the evidence sentence is printed beside the goal's.

    Example:

        hqd targets --district Jinshan --as-of 2023-12-31
    """
    from .analysis import target_rows

    conn = _open(db)
    rows = _run(target_rows, conn, _district(conn, district), as_of.date() if as_of else None)
    if status:
        rows = [r for r in rows if r.status == status]
    if fmt == "table":  # goal and evidence sentences as readable cells
        rows = [{**_asdict(r), "figure": format_value(r.value, r.unit, None, r.approx),
                 "stated": ", ".join(f"{s['date'] or '?'} #{s['document_id']}" for s in r.statements),
                 "goal": " ".join((r.sentence or r.text).split()),
                 "evidence": (" ".join((r.judged_by.get("sentence") or r.judged_by["text"]).split()) if r.judged_by else ""),
                 } for r in rows]
        click.echo(render(rows, fmt, ["district", "deadline", "status", "figure", "indicator", "stated", "note", "goal",
                                      "evidence"], {"goal": 60, "evidence": 60, "note": 50}))
        return
    click.echo(render(rows, fmt, ["district", "subject", "deadline", "status", "approx", "value", "unit", "metric", "indicator", "date",
                                  "document_id", "note", "text", "sentence", "statements", "judged_by", "evidence"]))


@cli.command(name="index")
@_db_option
@click.option("--period", help="Use only figures of this period (or prefix).")
@click.option("--min-shared", type=int, default=5, show_default=True, help="Fewest indicators all districts must share.")
@_format_option
def index_command(db: str, period: str | None, min_shared: int, fmt: str) -> None:
    """Composite high-quality-development index per district (entropy-weight method).

    Uses level indicators that every compared district reports; refuses, saying
    why, when fewer than --min-shared exist. Prints weights, inputs and scores.

    Example:

        hqd index --period 2023
    """
    from .analysis import IndexRefused, composite_index

    try:
        result = composite_index(_open(db), period, minimum_shared=min_shared)
    except IndexRefused as exc:
        raise click.ClickException(f"no index: {exc}") from None
    if fmt == "json":
        click.echo(json_text(_asdict(result)))
        return
    rows = [{"district": d, "score": round(s, 4), **{c: result.inputs[d][c] for c in result.indicators}} for d, s in result.scores]
    weights = [{"indicator": c, "weight": round(w, 4), "series": result.series.get(c)} for c, w in result.weights.items()]
    click.echo(render(weights, fmt))
    click.echo()
    click.echo(render(rows, fmt))


@cli.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--allow-upload", is_flag=True, help="Enable POST /api/v1/documents, guarded by a token.")
@click.option("--upload-token", envvar="HQD_UPLOAD_TOKEN", help="Token uploads must send (X-HQD-Token); random if not given.")
@click.option("--max-upload-bytes", type=int, default=5 * 1024 * 1024, show_default="5 MB")
@click.option("--workers", type=int, default=1, show_default=True, help="Server processes.")
@click.option("--no-cache", is_flag=True, help="Do not cache GET responses (by default they are cached until the database changes).")
@click.option("--base-url", help="Where clients reach this server; absolute links (an API page's `next`) start with it. "
                                 "Default http://HOST:PORT. Never taken from a request's Host header.")
@click.option("--request-budget", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds a request may run; past it the answer is 503 and its work is stopped.")
@click.option("--upload-budget", type=click.FloatRange(min=0.1), default=120.0, show_default=True,
              help="Seconds an upload may take (body, extraction, write); past it 503 and the extraction process is killed.")
def serve(db: str, host: str, port: int, allow_upload: bool, upload_token: str | None, max_upload_bytes: int, workers: int,
          no_cache: bool, base_url: str | None, request_budget: float, upload_budget: float) -> None:
    """Serve the dashboard and the REST API (/api/v1, OpenAPI at /api/docs).

    Example:

        hqd serve --db hqd.db --port 8000
    """
    import os
    import secrets

    from .web import protocol
    from .web.app import create_app

    token = upload_token or (secrets.token_urlsafe(24) if allow_upload else None)
    if not Path(db).is_file():
        raise click.ClickException(f"no database at {db}: create it with `hqd ingest FOLDER --db {db}` (or give --db / HQD_DB)")
    _check_port(host, port)
    try:
        create_app(db, allow_upload, token, max_upload_bytes)  # fail fast on a bad database
    except HqdError as exc:
        raise click.ClickException(str(exc)) from None
    if allow_upload and not upload_token:
        click.echo(f"upload token: {token}", err=True)
    os.environ.update({"HQD_SERVE_DB": db, "HQD_SERVE_UPLOAD": "1" if allow_upload else "",
                       "HQD_SERVE_TOKEN": token or "", "HQD_SERVE_MAX_UPLOAD": str(max_upload_bytes),
                       "HQD_SERVE_NO_CACHE": "1" if no_cache else "",
                       "HQD_SERVE_BASE_URL": base_url or f"http://{host}:{port}",
                       "HQD_SERVE_REQUEST_BUDGET": str(request_budget), "HQD_SERVE_UPLOAD_BUDGET": str(upload_budget)})
    click.echo(f"hqd dashboard on http://{host}:{port}/  (API: http://{host}:{port}/api/docs)", err=True)
    # Nagle off on every connection, and a listening socket per worker (hqd.web.protocol says why)
    protocol.run(host, port, workers)


def _check_port(host: str, port: int) -> None:
    """Refuse, naming the option that changes it, a port another program already listens on."""
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: a closed server's TIME_WAIT is no owner
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise click.ClickException(
                f"cannot listen on {host}:{port} ({exc.strerror or exc}): another program holds the port; "
                f"choose another with --port {port + 1} (make run PORT={port + 1})") from None


@cli.command(name="districts")
@_db_option
@_format_option
def districts_command(db: str, fmt: str) -> None:
    """List districts with their briefings, date range, figures, targets and indicators covered.

    Example:

        hqd districts --format csv
    """
    from .store.catalog import district_rows

    click.echo(render(district_rows(_open(db)), fmt, ["district", "documents", "first", "last", "quantities", "targets", "indicators"]))


def main() -> None:
    try:
        cli()
    except OverflowError as exc:  # an option's number past what SQLite holds: `hqd facts --doc 99999999999999999999`
        click.echo(f"hqd: error: a number given is out of range ({exc}); ids, limits and offsets are below 2**63", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
