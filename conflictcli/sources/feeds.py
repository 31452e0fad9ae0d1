"""Feeds (RSS, Atom) and sitemaps expand to the article URLs they list, with their dates for --since.

feedparser parses feeds. Sitemaps are read with lxml (iterparse, no entities, no network) rather than
trafilatura's sitemap module, which fetches on its own and drops the <lastmod> and <news:publication_date>
that --since needs. Downloads go through urllib3 with a timeout, a size cap and only http(s): the article
fetcher refuses the XML content types feeds are served with.
"""
from __future__ import annotations

import gzip
import io
import time
from collections.abc import Iterator

from conflictcli.errors import SourceError
from conflictcli.sources.listing import Listed
from conflictcli.sources.fetch import USER_AGENT, check_url

MAX_SITEMAP_DEPTH = 3  # a sitemap index of sitemap indexes of sitemaps, and no deeper


def download(url: str, timeout: float, max_bytes: int) -> bytes:
    """The body at `url`, gzip files unpacked, within `timeout` and `max_bytes` (unpacked) or a SourceError."""
    import urllib3

    check_url(url)
    http = urllib3.PoolManager(headers={"User-Agent": USER_AGENT})
    try:
        response = http.request("GET", url, timeout=urllib3.Timeout(total=timeout), preload_content=False,
                                retries=urllib3.Retry(total=2, redirect=5, status=0, raise_on_redirect=True))
        try:
            if response.status >= 400:
                raise SourceError(f"HTTP {response.status} {response.reason or ''}".strip())
            data = _capped(response.stream(1 << 16), max_bytes)
        finally:
            response.release_conn()
    except urllib3.exceptions.HTTPError as exc:
        reason = getattr(exc, "reason", None) or exc
        raise SourceError(" ".join(f"cannot fetch: {type(reason).__name__}: {reason}".split())[:300]) from None
    if data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed:
                data = _capped(iter(lambda: packed.read(1 << 16), b""), max_bytes)
        except (OSError, EOFError) as exc:
            raise SourceError(f"corrupt gzip file: {exc}") from None
    return data


def _capped(chunks, max_bytes: int) -> bytes:
    out = bytearray()
    for chunk in chunks:
        out += chunk
        if len(out) > max_bytes:
            raise SourceError(f"exceeds the cap of {max_bytes} bytes")
    return bytes(out)


def feed_links(data: bytes) -> list[Listed]:
    """The entry links of an RSS or Atom feed, in feed order, with their publication (or update) dates."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        raise SourceError("not an RSS or Atom feed")
    links = []
    for entry in parsed.entries:
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if entry.get("link"):
            link = entry["link"].strip()
            links.append(Listed(link, link, time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp) if stamp else None))
    return links


def sitemap_links(data: bytes) -> tuple[list[Listed], list[str]]:
    """(the page links of a <urlset>, the child sitemaps of a <sitemapindex>)."""
    from lxml import etree

    pages: list[Listed] = []
    children: list[str] = []
    try:
        for _, element in etree.iterparse(io.BytesIO(data), events=("end",), resolve_entities=False,
                                          no_network=True, huge_tree=False):
            tag = etree.QName(element).localname
            if tag not in ("url", "sitemap"):
                continue
            fields = {etree.QName(child).localname: (child.text or "").strip()
                      for child in element.iter() if isinstance(child.tag, str)}
            if fields.get("loc"):
                if tag == "sitemap":
                    children.append(fields["loc"])
                else:
                    pages.append(Listed(fields["loc"], fields["loc"], fields.get("publication_date") or fields.get("lastmod") or None))
            element.clear()
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"not a sitemap (XML error: {exc})") from None
    if not pages and not children:
        raise SourceError("not a sitemap (no <url> or <sitemap> entries)")
    return pages, children


def expand_feed(url: str, timeout: float, max_bytes: int) -> list[Listed]:
    return feed_links(download(url, timeout, max_bytes))


def expand_sitemap(url: str, timeout: float, max_bytes: int, depth: int = 0) -> Iterator[Listed]:
    """The pages of a sitemap, following a sitemap index. The top sitemap failing raises; a child that fails
    is one Listed with its `error` set, and the index goes on."""
    pages, children = sitemap_links(download(url, timeout, max_bytes))
    yield from pages
    for child in children:
        if depth + 1 > MAX_SITEMAP_DEPTH:
            yield Listed(child, child, error=f"sitemap indexes nested deeper than {MAX_SITEMAP_DEPTH}")
            continue
        try:
            yield from expand_sitemap(child, timeout, max_bytes, depth + 1)
        except SourceError as exc:
            yield Listed(child, child, error=f"sitemap: {exc}")
