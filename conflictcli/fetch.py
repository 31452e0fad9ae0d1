"""HTTP(S) fetching with hard limits: one overall deadline, a body cap, bounded redirects.

Written on http.client rather than urllib so that every redirect is checked (scheme, count) and the body is
read in chunks against the deadline and the cap, gzip/deflate included (a small gzip must not expand past it).
"""
from __future__ import annotations

import http.client
import socket
import ssl
import time
import zlib
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from . import __version__
from .errors import SourceError

USER_AGENT = f"conflictcli/{__version__} (news analysis; +https://pypi.org/project/conflictcli/)"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")


@dataclass
class Response:
    url: str
    data: bytes
    content_type: str
    charset: str | None


def _parse_content_type(value: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in value.split(";")]
    mime = parts[0].lower()
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip().strip("\"'") or None
    return mime, charset


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise SourceError(f"unsupported URL scheme {parts.scheme!r} (only http and https)")
    if not parts.hostname:
        raise SourceError("malformed URL: no host")


def _open(url: str, deadline: float) -> http.client.HTTPResponse:
    parts = urlsplit(url)
    remaining = max(0.1, deadline - time.monotonic())
    try:
        port = parts.port
    except ValueError:
        raise SourceError("malformed URL: bad port") from None
    cls = http.client.HTTPSConnection if parts.scheme.lower() == "https" else http.client.HTTPConnection
    kwargs = {"context": ssl.create_default_context()} if cls is http.client.HTTPSConnection else {}
    conn = cls(parts.hostname, port, timeout=remaining, **kwargs)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    conn.request("GET", path, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate",
    })
    return conn.getresponse()


def _read_body(resp: http.client.HTTPResponse, deadline: float, max_bytes: int) -> bytes:
    encoding = (resp.getheader("Content-Encoding") or "").lower().strip()
    decoder = None
    if encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decoder = zlib.decompressobj()
    length = resp.getheader("Content-Length")
    if length and length.isdigit() and decoder is None and int(length) > max_bytes:
        raise SourceError(f"body too large ({int(length)} bytes > cap of {max_bytes})")
    out = bytearray()
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise SourceError("timed out while reading the body")
        if resp.fp is not None and getattr(resp.fp, "raw", None) is not None:
            try:
                resp.fp.raw._sock.settimeout(remaining)  # type: ignore[attr-defined]
            except (AttributeError, OSError):
                pass
        chunk = resp.read1(CHUNK) if hasattr(resp, "read1") else resp.read(CHUNK)
        if not chunk:
            break
        if decoder is not None:
            try:
                chunk = decoder.decompress(chunk, max_bytes + 1 - len(out))
            except zlib.error:
                raise SourceError(f"corrupt {encoding} body") from None
        out += chunk
        if len(out) > max_bytes:
            raise SourceError(f"body exceeds the cap of {max_bytes} bytes")
    return bytes(out)


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> Response:
    """GET url, following up to MAX_REDIRECTS http(s) redirects, all within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    seen = set()
    try:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url)
            seen.add(url)
            resp = _open(url, deadline)
            try:
                if resp.status in (301, 302, 303, 307, 308):
                    location = resp.getheader("Location")
                    if not location:
                        raise SourceError(f"HTTP {resp.status} redirect without a Location")
                    target = urljoin(url, location.strip())
                    scheme = urlsplit(target).scheme.lower()
                    if scheme not in ("http", "https"):
                        raise SourceError(f"redirect to unsupported scheme {scheme!r}")
                    if target in seen:
                        raise SourceError("redirect loop")
                    url = target
                    continue
                if resp.status >= 400:
                    raise SourceError(f"HTTP {resp.status} {resp.reason}".strip())
                mime, charset = _parse_content_type(resp.getheader("Content-Type") or "")
                if mime and not (mime in TEXT_TYPES or mime.startswith("text/")):
                    raise SourceError(f"not an article: content type {mime}")
                data = _read_body(resp, deadline, max_bytes)
                return Response(url=url, data=data, content_type=mime, charset=charset)
            finally:
                resp.close()
        raise SourceError(f"too many redirects (more than {MAX_REDIRECTS})")
    except SourceError:
        raise
    except (socket.timeout, TimeoutError):
        raise SourceError(f"timed out after {timeout:g} s") from None
    except ConnectionRefusedError:
        raise SourceError("connection refused") from None
    except socket.gaierror as exc:
        raise SourceError(f"cannot resolve host ({exc.strerror or exc})") from None
    except ssl.SSLError as exc:
        raise SourceError(f"TLS error: {exc.reason or exc}") from None
    except http.client.IncompleteRead:
        raise SourceError("connection closed before the body was complete") from None
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise SourceError(f"request failed: {type(exc).__name__}: {exc}".rstrip(": ")) from None
