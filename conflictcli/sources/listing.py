"""What a container of sources lists — a file of a folder, a record of a web archive, a link of a feed or a
sitemap — as one record, and the one `--since` filter over such lists."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Listed:
    """One listed source: what to read (`source`, as analyze accepts it), its URL and date (ISO 8601) when the
    container gives them, or why the item cannot be read (the rest of the container goes on)."""
    source: str
    url: str | None = None
    date: str | None = None
    error: str | None = None


def dated_since(listed: Iterable[Listed], since: str | None) -> Iterator[Listed]:
    """The items dated on or after `since` (YYYY-MM-DD). Undated items (the article may say its date) and
    failures (every input is answered) are kept."""
    for item in listed:
        if since is None or item.error is not None or item.date is None or item.date[:10] >= since:
            yield item
