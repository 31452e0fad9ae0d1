"""HTTP(S) fetching with hard limits: one overall deadline, a body cap, bounded redirects.

Written on http.client rather than urllib so that every redirect is checked (scheme, count) and the body is
read in chunks against the cap, gzip/deflate included (a small gzip must not expand past it). The deadline
covers everything: name resolution runs on a helper thread we stop waiting for, and a watchdog shuts the
socket down when time is up, so a server that trickles its headers or body a byte at a time cannot outlast it.
"""
from __future__ import annotations

import http.client
import queue
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from conflictcli import __version__
from conflictcli.errors import SourceError
from conflictcli.output.terminal import safe_line

USER_AGENT = f"conflictcli/{__version__} (news analysis; +https://pypi.org/project/conflictcli/)"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
SCHEMES = ("http", "https")
PATH_SAFE = "/%:@!$&'()*+,;=-._~?[]"  # left as they are when percent-encoding a path (RFC 3986 pchar + query)


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


def _one_line(value: object) -> str:
    """Server-supplied text (a reason phrase, an error) as one clean line: it ends up on the terminal."""
    return " ".join(safe_line(value).split())


def check_url(url: str) -> None:
    """Refuse anything but a well-formed http(s) URL, with the reason."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise SourceError(f"malformed URL: {_one_line(exc)}") from None
    if parts.scheme.lower() not in SCHEMES:
        raise SourceError(f"unsupported URL scheme {parts.scheme!r} (only http and https)")
    if not parts.hostname:
        raise SourceError("malformed URL: no host")
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        raise SourceError("malformed URL: spaces or control characters (percent-encode them)")
    if port == 0:
        raise SourceError("malformed URL: port 0")


class _Watchdog:
    """Shuts the current connection's socket down at the deadline, interrupting any blocked read."""

    def __init__(self, deadline: float) -> None:
        self.sock: socket.socket | None = None
        self.fired = False
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True

    def __enter__(self) -> "_Watchdog":
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()

    def _fire(self) -> None:
        self.fired = True
        sock = self.sock
        if sock is not None:
            try:  # the plain-socket shutdown, also for TLS: it only wakes the reader, the reader closes
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass


def _resolve(host: str, port: int, deadline: float) -> list:
    """getaddrinfo, which no socket timeout bounds, on a daemon thread we stop waiting for at the deadline."""
    answer: queue.Queue = queue.Queue(maxsize=1)

    def lookup() -> None:
        try:
            answer.put(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except Exception as exc:  # handed over to the waiting thread, which raises it
            answer.put(exc)

    threading.Thread(target=lookup, daemon=True, name="conflictcli-resolve").start()
    try:
        result = answer.get(timeout=max(0.0, deadline - time.monotonic()))
    except queue.Empty:
        raise TimeoutError("name resolution timed out") from None
    if isinstance(result, Exception):
        raise result
    return result


def _connector(deadline: float):
    """A replacement for socket.create_connection that keeps to the deadline across addresses."""
    def create_connection(address, timeout=None, source_address=None):
        host, port = address
        error: OSError | None = None
        for family, kind, proto, _, sockaddr in _resolve(host, port, deadline):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("connect timed out")
            sock = socket.socket(family, kind, proto)
            sock.settimeout(remaining)
            try:
                sock.connect(sockaddr)
                return sock
            except OSError as exc:
                sock.close()
                error = exc
        raise error or OSError(f"no address for {host}")
    return create_connection


def _request_path(url: str) -> str:
    """Path and query, percent-encoded where needed (article URLs often carry spaces or Arabic letters)."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return quote(path, safe=PATH_SAFE)


def _open(url: str, deadline: float, watchdog: _Watchdog) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    parts = urlsplit(url)
    timeout = max(0.1, deadline - time.monotonic())
    if parts.scheme.lower() == "https":
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            parts.hostname, parts.port, timeout=timeout, context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    conn._create_connection = _connector(deadline)  # type: ignore[attr-defined]
    try:
        conn.connect()
        watchdog.sock = conn.sock  # kept: http.client drops conn.sock when a response says "close"
        conn.request("GET", _request_path(url), headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        })
        return conn, conn.getresponse()
    except BaseException:
        conn.close()
        raise


def _read_body(resp: http.client.HTTPResponse, max_bytes: int) -> bytes:
    """The body, decompressed, refused as soon as it passes `max_bytes` (never read whole first)."""
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
    while chunk := resp.read1(CHUNK):
        if decoder is not None:
            try:
                chunk = decoder.decompress(chunk, max_bytes + 1 - len(out))
            except zlib.error:
                raise SourceError(f"corrupt {encoding} body") from None
        out += chunk
        if len(out) > max_bytes:
            raise SourceError(f"body exceeds the cap of {max_bytes} bytes")
    if resp.length:  # Content-Length promised more than arrived
        raise http.client.IncompleteRead(bytes(out), resp.length)
    if decoder is not None and not decoder.eof:
        raise SourceError(f"truncated or corrupt {encoding} body")
    return bytes(out)


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> Response:
    """GET url, following up to MAX_REDIRECTS http(s) redirects, all within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    with _Watchdog(deadline) as watchdog:
        try:
            response = _follow(url, deadline, max_bytes, watchdog)
        except SourceError:
            if watchdog.fired:
                raise SourceError(f"timed out after {timeout:g} s") from None
            raise
        except Exception as exc:
            if watchdog.fired or isinstance(exc, (socket.timeout, TimeoutError)):
                raise SourceError(f"timed out after {timeout:g} s") from None
            raise SourceError(_network_reason(exc)) from None
        if watchdog.fired:  # the watchdog's shutdown can look like a normal end of body
            raise SourceError(f"timed out after {timeout:g} s")
        return response


def _follow(url: str, deadline: float, max_bytes: int, watchdog: _Watchdog) -> Response:
    seen = set()
    for _ in range(MAX_REDIRECTS + 1):
        check_url(url)
        seen.add(url)
        conn, resp = _open(url, deadline, watchdog)
        try:
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.getheader("Location")
                if not location:
                    raise SourceError(f"HTTP {resp.status} redirect without a Location")
                target = urljoin(url, location.strip())
                scheme = urlsplit(target).scheme.lower()
                if scheme not in SCHEMES:
                    raise SourceError(f"redirect to unsupported scheme {scheme!r}")
                if target in seen:
                    raise SourceError("redirect loop")
                url = target
                continue
            if resp.status >= 400:
                raise SourceError(_one_line(f"HTTP {resp.status} {resp.reason}"))
            mime, charset = _parse_content_type(resp.getheader("Content-Type") or "")
            if mime and not (mime in TEXT_TYPES or mime.startswith("text/")):
                raise SourceError(f"not an article: content type {mime}")
            data = _read_body(resp, max_bytes)
            return Response(url=url, data=data, content_type=mime, charset=charset)
        finally:
            resp.close()
            conn.close()
    raise SourceError(f"too many redirects (more than {MAX_REDIRECTS})")


def _network_reason(exc: Exception) -> str:
    """One line saying why a request failed, for the exceptions http.client, ssl and socket raise."""
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return f"cannot resolve host ({_one_line(exc.strerror or exc)})"
    if isinstance(exc, ssl.SSLError):
        return f"TLS error: {_one_line(exc.reason or exc)}"
    if isinstance(exc, http.client.IncompleteRead):
        return "incomplete body (the connection closed early or the chunked encoding is broken)"
    if isinstance(exc, http.client.RemoteDisconnected):
        return "the server closed the connection without answering"
    if isinstance(exc, http.client.BadStatusLine):
        return "not an HTTP response"
    if isinstance(exc, http.client.LineTooLong):
        return "malformed response: header line too long"
    if isinstance(exc, (ConnectionResetError, BrokenPipeError)):
        return "connection reset by the server"
    if isinstance(exc, OSError) and exc.strerror:
        return f"network error: {_one_line(exc.strerror)}"
    return _one_line(f"request failed: {type(exc).__name__}: {exc}").rstrip(": ")
