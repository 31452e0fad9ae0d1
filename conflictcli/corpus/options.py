"""The corpus options of `analyze` (--db, --dask, --feed, --sitemap, --since) and the `report` command, as
the CLI registers them. Light on purpose: imported with the CLI, so nothing heavy loads before a command runs.
"""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from conflictcli.corpus.dates import parse_since

PANEL = "Corpus"


Db = Annotated[Optional[str], typer.Option(
    "--db", metavar="FILE", rich_help_panel=PANEL,
    help="Write the results into the SQLite database FILE (created if missing). Re-runs skip what is stored.")]
Dask = Annotated[Optional[str], typer.Option(
    "--dask", metavar="ADDRESS", rich_help_panel=PANEL,
    help="Analyse on a dask.distributed cluster: a scheduler address (tcp://host:8786) or local:N.")]
Feed = Annotated[Optional[list[str]], typer.Option(
    "--feed", metavar="URL", rich_help_panel=PANEL, help="An RSS or Atom feed: analyse the articles it links (repeatable).")]
Sitemap = Annotated[Optional[list[str]], typer.Option(
    "--sitemap", metavar="URL", rich_help_panel=PANEL, help="A sitemap or sitemap index: analyse its pages (repeatable).")]
Since = Annotated[Optional[str], typer.Option(
    "--since", metavar="DATE", callback=parse_since, rich_help_panel=PANEL,
    help="Only feed, sitemap and WARC entries dated DATE (YYYY-MM-DD) or later.")]


def corpus(db: str | None, dask: str | None, feeds: list[str] | None, sitemaps: list[str] | None,
           since: str | None):
    from conflictcli.corpus.expand import Expansion
    from conflictcli.corpus.run import CorpusOptions

    return CorpusOptions(db=db, dask=dask, expansion=Expansion(tuple(feeds or ()), tuple(sitemaps or ()), since))


def report_command():
    from conflictcli.corpus.report_command import report

    return report
