"""The ``hqd`` command: parses options and calls the library; no logic lives here."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__, settings
from .errors import HqdError, SourceError
from .evaluation import ATTRIBUTES, evaluate
from .extraction import EXTRACTOR_VERSION, extract_source
from .sources import read_source


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hqd")
def cli() -> None:
    """hqd: figures, targets and entities from High-Quality Development briefings.

    Example:

        hqd extract ../shared/seeds/*.txt --format table
    """


def _format_value(value: float, unit: str) -> str:
    if unit in ("percent", "pp"):
        return f"{value:g}%" if unit == "percent" else f"{value:g} pp"
    if abs(value) >= 1e9:
        return f"{value / 1e9:,.2f} bn {unit}"
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.2f} m {unit}"
    return f"{value:,.6g} {unit}"


def _table(doc) -> str:
    rows = [("text", "value", "kind", "approx", "metric", "period", "subject")]
    for q in doc.quantities:
        rows.append((" ".join(q.text.split()), _format_value(q.value, q.unit), q.kind, q.approx,
                     (q.metric or "")[:48], q.period or "", q.subject or ""))
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
def extract(paths: tuple[str, ...], fmt: str, max_bytes: int) -> None:
    """Extract quantities, targets, entities and metadata from briefings.

    PATHS are text or HTML files; '-' reads one document from stdin. Output
    goes to stdout in the order given; problems go to stderr, and the exit
    status is 1 if any file failed.

    Example:

        hqd extract ../shared/seeds/000_4cb840ccff412ef6.txt --format table
    """
    failed = 0
    for path in paths:
        try:
            doc = extract_source(read_source(path, max_bytes))
        except SourceError as exc:
            click.echo(f"hqd: {exc}", err=True)
            failed += 1
            continue
        for warning in doc.warnings:
            click.echo(f"hqd: warning: {warning}", err=True)
        if fmt == "jsonl":
            click.echo(json.dumps(doc.to_json(), ensure_ascii=False))
        else:
            click.echo(_table(doc))
            click.echo()
    sys.exit(1 if failed else 0)


@cli.command()
@click.argument("path")
def text(path: str) -> None:
    """Print the text that offsets index (HTML reduced to its visible text).

    Example:

        hqd text briefing.html
    """
    try:
        click.echo(read_source(path).text, nl=False)
    except SourceError as exc:
        raise click.ClickException(str(exc)) from None


@cli.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--verbose", "-v", is_flag=True, help="List every miss, false positive and attribute error.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_command(gold_dir: Path, verbose: bool, fmt: str) -> None:
    """Score the extractor against NAME.gold.json files beside NAME.txt.

    Prints quantity precision, recall and F1, the accuracy of each attribute
    on matched quantities, metadata accuracy and target F1.

    Example:

        hqd eval ../shared/seeds --verbose
    """
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
    data = report.to_json()
    q = data["quantities"]
    click.echo(f"extractor {EXTRACTOR_VERSION} on {data['documents']} documents")
    click.echo(f"quantities: precision {q['precision']:.3f}  recall {q['recall']:.3f}  F1 {q['f1']:.3f}  (tp {q['tp']}, fp {q['fp']}, fn {q['fn']})")
    click.echo("attributes: " + "  ".join(f"{a} {report.attribute_accuracy(a):.3f}" for a in ATTRIBUTES))
    click.echo(f"metadata: accuracy {report.meta_accuracy:.3f}")
    t = data["targets"]
    click.echo(f"targets: F1 {t['f1']:.3f}  (tp {t['tp']}, fp {t['fp']}, fn {t['fn']})")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
