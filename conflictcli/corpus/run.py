"""Entries through the analysis and into the database, in input order, one Article per entry.

Stored articles are skipped before they are read (see keys); entries that failed during expansion pass
straight through as error Articles, in their place. The analysis itself is analyze_many (one process or
--jobs) or, with --dask, dask_runner; this module only orders, skips, completes and stores.
"""
from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from conflictcli.corpus.expand import Expansion, entries, needs_expansion
from conflictcli.sources.listing import Listed
from conflictcli.corpus.keys import article_key
from conflictcli.models import Article
from conflictcli.output.terminal import safe_line
from conflictcli.pipeline.analyze import Options, analyze_many

Analyzer = Callable[[Iterable[str]], Iterator[Article]]


@dataclass(frozen=True)
class CorpusOptions:
    db: str | None = None
    dask: str | None = None  # a scheduler address, or local:N
    expansion: Expansion = field(default_factory=Expansion)


@dataclass
class Tally:
    written: int = 0
    skipped: int = 0
    failed: int = 0


def stream(sources: list[str], options: Options, jobs: int, stdin_data: bytes | None,
           corpus: CorpusOptions) -> tuple[Iterator[Article], int]:
    """(the Articles, how many there will be or 0 when unknown before the end), ready for the Reporter."""
    how = Expansion(corpus.expansion.feeds, corpus.expansion.sitemaps, corpus.expansion.since,
                    options.timeout, options.max_bytes)
    known = not (corpus.db or needs_expansion(sources, how))
    return _run(entries(sources, how), _analyzer(options, jobs, stdin_data, corpus.dask), corpus.db, stdin_data,
                options.max_bytes), (len(sources) if known else 0)


def stream_texts(sources: list[str], options: Options, stdin_data: bytes | None) -> tuple[Iterator[Article], int]:
    """For `text`: the same sources (folders, archives) read and extracted, without the NLP."""
    from conflictcli.pipeline.analyze import read_ahead

    how = Expansion(timeout=options.timeout, max_bytes=options.max_bytes)
    read = lambda found: read_ahead(found, options, workers=4, stdin_data=stdin_data)  # noqa: E731
    return (_run(entries(sources, how), read, None, stdin_data, options.max_bytes),
            0 if needs_expansion(sources, how) else len(sources))


def _analyzer(options: Options, jobs: int, stdin_data: bytes | None, dask: str | None) -> Analyzer:
    if dask is not None:
        from conflictcli.corpus.dask_runner import dask_analyze

        return lambda sources: dask_analyze(sources, options, dask, stdin_data)
    return lambda sources: analyze_many(sources, options, jobs=jobs, stdin_data=stdin_data)


def _run(found: Iterator[Listed], analyzer: Analyzer, db: str | None, stdin_data: bytes | None,
         max_bytes: int) -> Iterator[Article]:
    store = None
    if db is not None:
        from conflictcli.corpus.store import CorpusStore

        store = CorpusStore(db)
    tally = Tally()
    try:
        for key, article in ordered(found, analyzer, store, stdin_data, max_bytes, tally):
            if store is not None:
                store.add(key, article)
                tally.written += 1
            tally.failed += article.error is not None
            yield article
    finally:
        if store is not None:
            store.close()
            sys.stderr.write(safe_line(f"conflictcli: {db}: {tally.written} articles written ({tally.failed} with "
                                       f"errors), {tally.skipped} already stored") + "\n")


def ordered(found: Iterator[Listed], analyzer: Analyzer, store, stdin_data: bytes | None, max_bytes: int,
            tally: Tally) -> Iterator[tuple[str, Article]]:
    """(key, Article) per entry in input order: analysed ones from the analyzer, failed ones made here."""
    pending: deque[tuple[Listed, str, Article | None]] = deque()

    def to_analyze() -> Iterator[str]:
        for entry in found:
            key = article_key(entry, stdin_data, max_bytes) if store is not None else entry.source
            if store is not None and entry.error is None and store.has(key):
                tally.skipped += 1
                continue
            failed = None if entry.error is None else Article(source=entry.source, url=entry.url, error=entry.error)
            pending.append((entry, key, failed))
            if failed is None:
                yield entry.source

    for article in analyzer(to_analyze()):
        yield from _failed_ahead(pending)
        entry, key, _ = pending.popleft()
        yield key, _complete(article, entry)
    yield from _failed_ahead(pending)


def _failed_ahead(pending: deque) -> Iterator[tuple[str, Article]]:
    while pending and pending[0][2] is not None:
        _, key, failed = pending.popleft()
        yield key, failed


def _complete(article: Article, entry: Listed) -> Article:
    """What the entry knew and the page did not say: the URL, and a date (a feed's, a WARC record's)."""
    if article.error is None:
        article.url = article.url or entry.url
        if not article.date and entry.date:
            article.date = entry.date[:10]
    return article


def drain(articles: Iterable[Article]) -> None:
    """Consume the stream (with --db and no -f, the database is the output)."""
    deque(articles, maxlen=0)
