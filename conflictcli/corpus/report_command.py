"""`conflictcli report FILE`: the corpus report as rich tables on a terminal, JSON when piped, or any of the
other commands' formats (-f). Every value from the database is article text, so untrusted: it is escaped by
the same helpers as the other commands' output."""
from __future__ import annotations

import csv
import json
import os
import sys
from typing import Annotated, IO, Optional

import typer

from conflictcli.corpus.dates import parse_since
from conflictcli.output.terminal import safe_line

FORMATS = ("table", "json", "jsonl", "csv", "tsv", "markdown")
TITLES = {"actors": "Most mentioned actors", "speakers": "Most quoted speakers", "places": "Places",
          "pairs": "Actors in the same articles"}


class Usage(Exception):
    """A usage error: exit code 2."""


def report(
    db: Annotated[str, typer.Argument(metavar="FILE", help="A database written by conflictcli analyze --db.")],
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", metavar="FORMAT", help="table, json, jsonl, csv, tsv, markdown. Default: table on a terminal, json when piped.")] = None,
    section: Annotated[Optional[list[str]], typer.Option("--section", "-s", metavar="NAME", help="actors, speakers, places, pairs (repeatable; default all; csv/tsv take one).")] = None,
    where: Annotated[Optional[str], typer.Option("--where", metavar="SQL", help="Only articles matching this SQL condition on the articles table, e.g. \"site = 'example.com'\".")] = None,
    since: Annotated[Optional[str], typer.Option("--since", metavar="DATE", callback=parse_since, help="Only articles dated DATE (YYYY-MM-DD) or later.")] = None,
    search: Annotated[Optional[str], typer.Option("--search", metavar="QUERY", help="Only articles whose title or text match this full-text query, e.g. Sudan.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N", help="Rows per section.")] = 20,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour (also when $NO_COLOR is set).")] = False,
) -> None:
    """Across a corpus database: most mentioned actors, most quoted speakers, places, actors seen together.

    \b
    Examples:
      conflictcli report corpus.db
      conflictcli report corpus.db --search Sudan --since 2024-01-01 -s speakers
      conflictcli report corpus.db -s pairs -f csv > pairs.csv
    """
    from conflictcli.corpus.report import SECTIONS, Filter, build
    from conflictcli.errors import SourceError

    try:
        chosen = _format(fmt)
        sections = _sections(section, chosen, SECTIONS)
        result = build(db, Filter(where=where, since=since, search=search), sections, limit)
        write(result, sections, chosen, sys.stdout, color=not (no_color or os.environ.get("NO_COLOR")))
    except Usage as exc:
        _fail(str(exc), 2)
    except SourceError as exc:
        _fail(str(exc), 1)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _fail(message: str, code: int) -> None:
    sys.stderr.write(f"conflictcli: {safe_line(message)}\n")
    raise typer.Exit(code)


def _format(fmt: str | None) -> str:
    if fmt is None:
        return "table" if sys.stdout.isatty() else "json"
    if fmt.lower() not in FORMATS:
        raise Usage(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    return fmt.lower()


def _sections(given: list[str] | None, fmt: str, known: tuple[str, ...]) -> tuple[str, ...]:
    for name in given or ():
        if name not in known:
            raise Usage(f"unknown section {name!r} (choose from {', '.join(known)})")
    sections = tuple(dict.fromkeys(given)) if given else known
    if fmt in ("csv", "tsv") and len(sections) != 1:
        raise Usage(f"-f {fmt} writes one table: choose it with --section ({', '.join(known)})")
    return sections


def write(result: dict, sections: tuple[str, ...], fmt: str, out: IO[str], color: bool = True) -> None:
    if fmt == "json":
        json.dump(result, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for section in sections:
            for row in result[section]:
                out.write(json.dumps({"section": section, **row}, ensure_ascii=False) + "\n")
    elif fmt in ("csv", "tsv"):
        _delimited(result[sections[0]], out, "," if fmt == "csv" else "\t")
    elif fmt == "markdown":
        _markdown(result, sections, out)
    else:
        _tables(result, sections, out, color)


def _delimited(rows: list[dict], out: IO[str], delimiter: str) -> None:
    from conflictcli.output.writers import cell

    if not rows:
        return
    writer = csv.DictWriter(out, list(rows[0]), delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: cell(v) for k, v in row.items()})


def _markdown(result: dict, sections: tuple[str, ...], out: IO[str]) -> None:
    from conflictcli.output.writers import markdown_cell

    for section in sections:
        rows = result[section]
        out.write(f"## {TITLES[section]}\n\n")
        if rows:
            out.write(f"| {' | '.join(rows[0])} |\n|{'---|' * len(rows[0])}\n")
            for row in rows:
                out.write("| " + " | ".join(markdown_cell(v) for v in row.values()) + " |\n")
        out.write("\n")


def _tables(result: dict, sections: tuple[str, ...], out: IO[str], color: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    from conflictcli.output.tables import t

    console = Console(file=out, no_color=not color, highlight=False, emoji=False, markup=False)
    summary = result["summary"]
    console.print(t(f"{summary['articles']} articles, {summary['first_date'] or '?'} to "
                    f"{summary['last_date'] or '?'} ({summary['errors']} sources failed in this database)", "bold"))
    for section in sections:
        rows = result[section]
        table = Table(title=TITLES[section], title_justify="left")
        for column in (rows[0] if rows else ["(none)"]):
            table.add_column(column.replace("_", " ").capitalize(), overflow="fold",
                             justify="right" if column in ("mentions", "articles", "quotes", "lat", "lon") else "left")
        for row in rows:
            table.add_row(*(t(_shown(v)) for v in row.values()))
        console.print(table)


def _shown(value: object) -> str:
    return f"{value:.4f}" if isinstance(value, float) else "" if value is None else str(value)
