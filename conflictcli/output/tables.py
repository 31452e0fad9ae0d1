"""Rich tables for a terminal. Every article string goes in as rich.text.Text (never parsed as markup)
after safe_text(), so article text can neither style nor take over the terminal."""
from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from conflictcli.models import Article
from conflictcli.output.terminal import safe_text


def t(value: object, style: str = "") -> Text:
    return Text(safe_text(value), style=style)


def _fmt_coord(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def header(article: Article) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold cyan")
    grid.add_column()
    grid.add_row(Text("Title"), t(article.title or "(untitled)", "bold"))
    for label, value in (("Site", article.site), ("Author", article.author), ("Date", article.date),
                         ("Language", article.language), ("Words", article.word_count),
                         ("Source", article.source)):
        if value not in (None, ""):
            grid.add_row(Text(label), t(value))
    for warning in article.warnings:
        grid.add_row(Text("Warning", style="yellow"), t(warning, "yellow"))
    return grid


def actors_table(article: Article) -> Table:
    table = Table(title="Actors", title_justify="left", expand=False)
    for name in ("Actor", "Type", "Role", "Affiliation", "Mentions", "Aliases"):
        table.add_column(name, justify="right" if name == "Mentions" else "left", overflow="fold")
    for a in article.actors:
        table.add_row(t(a.name, "bold"), t(a.type), t(a.role), t(a.affiliation), t(a.count), t(", ".join(a.aliases)))
    return table


def quotes_table(article: Article) -> Table:
    table = Table(title="Quotes", title_justify="left", show_lines=True)
    table.add_column("Speaker", overflow="fold", max_width=30)
    table.add_column("Quote", overflow="fold", ratio=1)
    table.add_column("Kind")
    table.add_column("Cue")
    for q in article.quotes:
        table.add_row(t(q.speaker or "?", "bold"), t(q.text), t(q.kind), t(q.cue))
    return table


def places_table(article: Article) -> Table:
    table = Table(title="Places", title_justify="left")
    for name in ("Place", "Kind", "Country", "Lat", "Lon", "Mentions"):
        table.add_column(name, justify="right" if name in ("Lat", "Lon", "Mentions") else "left")
    for p in article.places:
        table.add_row(t(p.name, "bold"), t(p.kind), t(p.country), t(_fmt_coord(p.lat)), t(_fmt_coord(p.lon)), t(p.count))
    return table


BUILDERS = {"actors": actors_table, "quotes": quotes_table, "places": places_table}


class PipeConsole(Console):
    """rich ends the program with status 1 when the reader closes the pipe; `| head -1` is ordinary use, so
    the table writer raises BrokenPipeError like the other writers and the CLI ends with 0."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def write_tables(articles: Iterable[Article], out: IO[str], sections: tuple[str, ...], color: bool = True) -> None:
    console = PipeConsole(file=out, no_color=not color, highlight=False, emoji=False, markup=False)
    for i, article in enumerate(articles):
        if i:
            console.rule()
        if article.error is not None:
            continue  # reported on stderr
        if len(sections) > 1:
            console.print(header(article))
            console.print()
        else:
            console.print(t(f"{article.title or article.source}", "bold"))
        for section in sections:
            console.print(BUILDERS[section](article))
        out.flush()
