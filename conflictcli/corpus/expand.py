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
from conflictcli.sources.listing import Listed, dated_since
from conflictcli.sources.resolve import STDIN, is_url

EMPTY_FOLDER = "a directory with no readable files under it"


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


def entries(sources: Iterable[str], how: Expansion) -> Iterator[Listed]:
    for source in sources:
        yield from dated_since(_expand_source(source), how.since)
    for url in how.feeds:
        yield from dated_since(_expand_links(url, "feed", how), how.since)
    for url in how.sitemaps:
        yield from dated_since(_expand_links(url, "sitemap", how), how.since)


def _expand_source(source: str) -> Iterator[Listed]:
    if source == STDIN or is_url(source):
        yield Listed(source, url=source if source != STDIN else None)
    elif os.path.isdir(source):
        empty = True
        for path in walk(source):
            empty = False
            yield from _expand_file(path)
        if empty:  # a source that gives nothing is still answered, with the reason
            yield Listed(source, error=EMPTY_FOLDER)
    else:
        yield from _expand_file(source)


def _expand_file(path: str) -> Iterator[Listed]:
    if not warc.is_warc(path):
        yield Listed(path)
        return
    try:
        yield from warc.list_records(path)
    except SourceError as exc:
        yield Listed(path, error=str(exc))


def _expand_links(url: str, kind: str, how: Expansion) -> Iterator[Listed]:
    try:
        if kind == "feed":
            yield from feeds.expand_feed(url, how.timeout, how.max_bytes)
        else:
            yield from feeds.expand_sitemap(url, how.timeout, how.max_bytes)
    except SourceError as exc:
        yield Listed(url, url=url, error=f"{kind}: {exc}")
