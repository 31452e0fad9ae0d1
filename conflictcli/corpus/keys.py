"""What identifies an article across runs: its URL when it has one (a URL source, a feed link, a WARC
record's target URI), else a hash of its content (files, stdin), so a file renamed or copied is the same
article and an edited one is new. Entries that failed before reading are keyed by their source."""
from __future__ import annotations

import hashlib

from conflictcli.sources.listing import Listed
from conflictcli.sources.resolve import STDIN

CHUNK = 1 << 20


def article_key(entry: Listed, stdin_data: bytes | None, max_bytes: int) -> str:
    if entry.error is not None:
        return entry.source
    if entry.url:
        return entry.url
    if entry.source == STDIN:
        return "sha256:" + hashlib.sha256(stdin_data or b"").hexdigest()
    return _file_key(entry.source, max_bytes)


def _file_key(path: str, max_bytes: int) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            remaining = max_bytes + 1
            while remaining > 0 and (chunk := fh.read(min(CHUNK, remaining))):
                digest.update(chunk)
                remaining -= len(chunk)
    except OSError:
        return path  # it will fail to read as well: an error row under its path, retried by the next run
    return "sha256:" + digest.hexdigest()
