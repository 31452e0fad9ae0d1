"""Rich tables for a terminal. Every article string goes in as rich.text.Text (never parsed as markup)
after safe_text(), so article text can neither style nor take over the terminal.

Tables fit the terminal (80 columns included): short headers, codes and counts never wrapped, long lists cut
to what fits with a count of the rest ("+3"; JSON has them all), and cells wrapped between words only: a word
too long for its column is cut with an ellipsis rather than broken across lines.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from rich.console import Console
from rich.table import Column, Table
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


def wrapped(header: str, **options) -> Column:
    """A column wrapped between words; a single word wider than the column is cut with an ellipsis."""
    return Column(header, overflow="ellipsis", **options)


def fixed(header: str, **options) -> Column:
    """A column of short values (codes, counts, kinds) that is never wrapped."""
    return Column(header, no_wrap=True, overflow="ellipsis", **options)


def shortened(items: list[str], budget: int) -> str:
    """As many items as fit in `budget` characters with the "+N" that counts the rest (at least one item)."""
    shown: list[str] = []
    for i, item in enumerate(items):
        rest = len(items) - i - 1
        if shown and len(", ".join([*shown, item])) + (len(f" +{rest}") if rest else 0) > budget:
            break
        shown.append(item)
    rest = len(items) - len(shown)
    return ", ".join(shown) + (f" +{rest}" if rest else "")


def alias_budget(width: int) -> int:
    """Characters of aliases per actor: a third of what the borders, padding and fixed columns leave (43
    characters), the width rich gives the column, so a row is mostly one line; 12 at least (80 columns)."""
    return max(12, (width - 43) // 3)


def actors_table(article: Article, width: int = 80) -> Table:
    table = Table(wrapped("Actor"), fixed("Type"), wrapped("Role"), fixed("Country"), fixed("Count", justify="right"),
                  wrapped("Aliases"),
                  title="Actors", title_justify="left", expand=False)
    budget = alias_budget(width)
    for a in article.actors:
        table.add_row(t(a.name, "bold"), t(a.type), t(a.role), t(a.affiliation), t(a.count),
                      t(shortened(a.aliases, budget)))
    return table


def quotes_table(article: Article, width: int = 80) -> Table:
    table = Table(wrapped("Speaker", max_width=max(20, width // 4)), wrapped("Quote", ratio=1), fixed("Kind"),
                  wrapped("Cue", max_width=14), title="Quotes", title_justify="left", show_lines=True, expand=True)
    for q in article.quotes:
        table.add_row(t(q.speaker or "?", "bold"), t(q.text), t(q.kind), t(q.cue))
    return table


def places_table(article: Article, width: int = 80) -> Table:
    table = Table(wrapped("Place"), fixed("Kind"), fixed("Country"), fixed("Lat", justify="right"),
                  fixed("Lon", justify="right"), fixed("Count", justify="right"), title="Places", title_justify="left")
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
            console.print(BUILDERS[section](article, console.width))
        out.flush()
