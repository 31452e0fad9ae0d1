"""WARC files (web archives, Common Crawl's news crawl): their HTML response records as article sources.

A record is named by a reference, `archive.warc.gz#offset=1234`, that reading seeks to: the file is streamed
(listed once, each record then read alone), never loaded whole. warcio parses; a corrupt record or a truncated
gzip member becomes one reference whose reading fails with the reason, and listing resumes at the next
record boundary found in the bytes after it.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

from conflictcli.errors import SourceError
from conflictcli.sources.listing import Listed

SUFFIXES = (".warc", ".warc.gz")
REFERENCE = re.compile(r"^(?P<path>.+\.warc(?:\.gz)?)#offset=(?P<offset>\d+)$", re.I)
HTML_TYPES = ("text/html", "application/xhtml+xml")
SCAN_BLOCK = 1 << 20
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."


@dataclass(frozen=True)
class WarcPayload:
    data: bytes
    url: str | None
    date: str | None
    content_type: str | None
    charset: str | None


def is_warc(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


def parse_reference(source: str) -> tuple[str, int] | None:
    match = REFERENCE.match(source)
    return (match["path"], int(match["offset"])) if match else None


def _iterator(fh):
    """A warcio iterator that keeps quiet: warcio writes multi-line warnings to stderr on a bad record."""
    from warcio.archiveiterator import ArchiveIterator

    class QuietIterator(ArchiveIterator):
        INC_RECORD = ""
        GZIP_ERR_MSG = "a gzip member holds more than one record"

    return QuietIterator(fh)


def _failure(exc: Exception) -> str:
    """One clean line: warcio quotes the damaged bytes ("first line: ..."), which are binary."""
    reason = str(exc).split(", first line")[0].split(":")[0]
    reason = " ".join("".join(c for c in reason if c.isprintable()).split())[:120]
    return f"corrupt WARC record ({reason or type(exc).__name__})"


def _content_type(record) -> tuple[str | None, str | None]:
    value = record.http_headers.get_header("Content-Type") if record.http_headers else None
    if not value:
        return None, None
    parts = [p.strip() for p in value.split(";")]
    charset = next((p.split("=", 1)[1].strip("\"' ") for p in parts[1:] if p.lower().startswith("charset=")), None)
    return parts[0].lower() or None, charset or None


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if not (record.http_headers.get_statuscode() or "").startswith("2"):
        return False
    mime, _ = _content_type(record)
    return mime is None or mime in HTML_TYPES


def list_records(path: str) -> Iterator[Listed]:
    """Every HTML response record of the archive, in file order, streaming; one error entry per bad stretch."""
    start, failed, gzipped = 0, False, path.lower().endswith(".gz")
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    with fh:
        while start is not None:
            fh.seek(start)
            iterator = _iterator(fh)
            next_start = start  # where the record being read begins: the end of the last good one
            try:
                for record in iterator:
                    offset, damaged = iterator.offset, iterator.err_count
                    entry = Listed(f"{path}#offset={offset}", record.rec_headers.get_header("WARC-Target-URI"),
                                   record.rec_headers.get_header("WARC-Date"))
                    keep = _is_html_response(record)
                    iterator.read_to_end()  # a body cut short fails here, before the record is listed
                    if iterator.err_count > damaged or _cut_short(record, iterator.offset - offset, gzipped):
                        raise ValueError("record length does not match its content")
                    next_start = iterator.offset
                    if keep:
                        yield entry
                    failed = False
                if next_start < os.fstat(fh.fileno()).st_size and not failed:
                    yield Listed(f"{path}#offset={next_start}", error="corrupt WARC record (cut short at the end)")
                return
            except Exception as exc:  # warcio and zlib raise many kinds on damaged bytes
                if not failed:
                    yield Listed(f"{path}#offset={next_start}", error=_failure(exc))
                failed = True
                start = _next_boundary(fh, next_start + 1, gzipped)


def _cut_short(record, stored: int, gzipped: bool) -> bool:
    """An uncompressed record whose bytes in the file are fewer than its Content-Length (the file ends
    inside it). Compressed members show this as a decompression error instead."""
    declared = record.rec_headers.get_header("Content-Length") or ""
    return not gzipped and declared.isdigit() and stored < int(declared)


def _next_boundary(fh, position: int, gzipped: bool) -> int | None:
    """The offset of the next thing that looks like a record start (a gzip member, or a WARC/1.x line)."""
    magic = GZIP_MAGIC if gzipped else WARC_MAGIC
    fh.seek(position)
    carry = b""
    base = position
    while block := fh.read(SCAN_BLOCK):
        data = carry + block
        found = data.find(magic)
        if found >= 0:
            return base - len(carry) + found
        carry = data[-(len(magic) - 1):]
        base += len(block)
    return None


def read_record(path: str, offset: int, max_bytes: int) -> WarcPayload:
    """The HTTP payload of the record at `offset` (decoded from its transfer and content encodings)."""
    try:
        with open(path, "rb") as fh:
            fh.seek(offset)
            record = next(iter(_iterator(fh)))
            if record.rec_type != "response" or record.http_headers is None:
                raise SourceError(f"WARC record at offset {offset} is not an HTTP response record")
            data = record.content_stream().read(max_bytes + 1)
    except SourceError:
        raise
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except Exception as exc:  # warcio, zlib and gzip raise many kinds on damaged bytes
        raise SourceError(_failure(exc)) from None
    if len(data) > max_bytes:
        raise SourceError(f"WARC record exceeds the cap of {max_bytes} bytes")
    mime, charset = _content_type(record)
    return WarcPayload(data=data, url=record.rec_headers.get_header("WARC-Target-URI"),
                       date=record.rec_headers.get_header("WARC-Date"), content_type=mime, charset=charset)

