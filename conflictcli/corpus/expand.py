"""Sources as given (URLs, files, folders, WARC archives, -) plus --feed and --sitemap URLs, expanded lazily
into entries, one per article to analyse, in a stable order.

What is known of an entry before it is read travels with it: the URL (a WARC record's target URI, a feed's
link) and a date (WARC-Date, the feed's or sitemap's date) used when the article states none. A feed that
cannot be read, or a damaged stretch of an archive, is one entry with `error` set, and the rest goes on.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from conflictcli.errors import SourceError
from conflictcli.sources import feeds, warc
from conflictcli.sources.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from conflictcli.sources.folders import walk
from conflictcli.sources.resolve import STDIN, is_url

EMPTY_FOLDER = "a directory with no readable files under it"


@dataclass(frozen=True)
class Entry:
    source: str
    url: str | None = None
    date: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class Expansion:
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    since: str | None = None  # YYYY-MM-DD: entries dated earlier (by feed, sitemap or WARC-Date) are left out
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES


def needs_expansion(sources: Iterable[str], how: Expansion) -> bool:
    """False when every source is one article (so the count of sources is the count of results)."""
    if how.feeds or how.sitemaps or how.since:
        return True
    return any(s != STDIN and not is_url(s) and (os.path.isdir(s) or warc.is_warc(s)) for s in sources)


def entries(sources: Iterable[str], how: Expansion) -> Iterator[Entry]:
    for source in sources:
        yield from _dated(_expand_source(source), how.since)
    for url in how.feeds:
        yield from _dated(_expand_links(url, "feed", how), how.since)
    for url in how.sitemaps:
        yield from _dated(_expand_links(url, "sitemap", how), how.since)


def _dated(found: Iterator[Entry], since: str | None) -> Iterator[Entry]:
    for entry in found:
        if since is None or entry.error is not None or entry.date is None or entry.date[:10] >= since:
            yield entry


def _expand_source(source: str) -> Iterator[Entry]:
    if source == STDIN or is_url(source):
        yield Entry(source, url=source if source != STDIN else None)
    elif os.path.isdir(source):
        empty = True
        for path in walk(source):
            empty = False
            yield from _expand_file(path)
        if empty:  # a source that gives nothing is still answered, with the reason
            yield Entry(source, error=EMPTY_FOLDER)
    else:
        yield from _expand_file(source)


def _expand_file(path: str) -> Iterator[Entry]:
    if not warc.is_warc(path):
        yield Entry(path)
        return
    try:
        for record in warc.list_records(path):
            yield Entry(record.reference, url=record.url, date=record.date, error=record.error)
    except SourceError as exc:
        yield Entry(path, error=str(exc))


def _expand_links(url: str, kind: str, how: Expansion) -> Iterator[Entry]:
    try:
        if kind == "feed":
            links = feeds.expand_feed(url, how.since, how.timeout, how.max_bytes)
        else:
            links = feeds.expand_sitemap(url, how.since, how.timeout, how.max_bytes)
        for link in links:
            yield Entry(link.url, url=link.url, date=link.date, error=link.error)
    except SourceError as exc:
        yield Entry(url, url=url, error=f"{kind}: {exc}")
