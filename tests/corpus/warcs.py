"""WARC archives written at test (or bench) time with warcio: HTML responses, other record types, and damage
(a record cut short inside its gzip member, a record whose header is garbage)."""
from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGE = ("<html><head><title>Report {i}: talks in Khartoum</title></head><body><article><h1>Report {i}: talks "
        "in Khartoum</h1><p>The army and the Rapid Support Forces met in Jeddah on Monday, officials in Khartoum "
        "said, as fighting continued in Darfur. Story number {i} was filed by our correspondent.</p><p>\"We want "
        "a ceasefire before the rains,\" said Ahmed Salih {i}, a spokesman for the delegation.</p></article>"
        "</body></html>")


def record(i: int, gzipped: bool = True, rec_type: str = "response", page: str | None = None,
           date: str | None = None) -> bytes:
    """One WARC record (its own gzip member when `gzipped`), as bytes."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    body = (page or PAGE).format(i=i).encode("utf-8")
    uri = f"https://news.example/story/{i}"
    if rec_type == "response":
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                        warc_headers_dict={"WARC-Date": date or f"2024-05-{1 + i % 28:02d}T10:00:00Z"})
    else:
        rec = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                                        warc_content_type="application/http; msgtype=request")
    writer.write_record(rec)
    return out.getvalue()


def write_warc(path: Path, count: int, gzipped: bool = True, damage: dict[int, str] | None = None) -> list[str]:
    """`count` response records, each after a request record; `damage` maps a response index to "truncate"
    (its gzip member cut in half) or "garbage" (its bytes replaced). Returns the target URIs kept intact."""
    damage = damage or {}
    kept = []
    with open(path, "wb") as fh:
        for i in range(count):
            fh.write(record(i, gzipped, rec_type="request"))
            data = record(i, gzipped)
            if damage.get(i) == "truncate":
                data = data[: len(data) // 2]
            elif damage.get(i) == "garbage":
                data = b"this is not a WARC record at all\r\n" * 4
            else:
                kept.append(f"https://news.example/story/{i}")
            fh.write(data)
    return kept


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data)
