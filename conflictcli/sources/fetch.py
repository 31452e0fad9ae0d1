"""HTTP(S) fetching with hard limits: one overall deadline, a body cap, checked redirects, polite retries.

The transport is urllib3 (transport.py: pools, proxies from the environment, Retry of 429/503 with backoff and
Retry-After, and the deadline over the whole request). This module decides what a response means: it follows
redirects itself so that every hop is checked (scheme, count, loops), refuses types that are not articles, and
reads the body in chunks against the cap, decompressing gzip/deflate itself so that a small gzip cannot expand
past the cap before it is checked. urllib3 is imported when the first URL is fetched, not with this module:
the CLI imports the defaults below on every start.
"""
from __future__ import annotations

import socket
import time
import zlib
from urllib.parse import quote, urljoin, urlsplit

from conflictcli import __version__
from conflictcli.errors import SourceError
from conflictcli.output.terminal import safe_line
from conflictcli.sources.document import Document

PROJECT_PAGE = "https://pypi.org/project/conflictcli/"  # the README's home: see the report
USER_AGENT = f"conflictcli/{__version__} (news analysis; +{PROJECT_PAGE})"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
SCHEMES = ("http", "https")
PATH_SAFE = "/%:@!$&'()*+,;=-._~?[]"  # left as they are when percent-encoding a path (RFC 3986 pchar + query)


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


def _request_path(url: str) -> str:
    """Path and query, percent-encoded where needed (article URLs often carry spaces or Arabic letters)."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return quote(path, safe=PATH_SAFE)


def _open(url: str, deadline: float):
    """Send the GET through the pool (or the proxy) and return the response with its body still unread."""
    from urllib3.util import Timeout

    from conflictcli.sources import transport

    parts = urlsplit(url)
    target = f"{parts.scheme}://{parts.netloc}{_request_path(url)}"
    remaining = max(0.1, deadline - time.monotonic())
    pool = transport.manager(transport.proxy_for(url))
    return pool.urlopen("GET", target, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate",
    }, redirect=False, retries=transport.retries(deadline), timeout=Timeout(connect=remaining, read=remaining),
        preload_content=False, decode_content=False)


def _read_body(resp, max_bytes: int) -> bytes:
    """The body, decompressed, refused as soon as it passes `max_bytes` (never read whole first)."""
    encoding = (resp.headers.get("Content-Encoding") or "").lower().strip()
    decoder = None
    if encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decoder = zlib.decompressobj()
    length = resp.headers.get("Content-Length")
    if length and length.isdigit() and decoder is None and int(length) > max_bytes:
        raise SourceError(f"body too large ({int(length)} bytes > cap of {max_bytes})")
    out = bytearray()
    while chunk := resp.read1(CHUNK, decode_content=False):
        if decoder is not None:
            try:
                chunk = decoder.decompress(chunk, max_bytes + 1 - len(out))
            except zlib.error:
                raise SourceError(f"corrupt {encoding} body") from None
        out += chunk
        if len(out) > max_bytes:
            raise SourceError(f"body exceeds the cap of {max_bytes} bytes")
    if decoder is not None and not decoder.eof:
        raise SourceError(f"truncated or corrupt {encoding} body")
    return bytes(out)


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """GET url, following up to MAX_REDIRECTS http(s) redirects, all within `timeout` seconds: a Document with
    the body, the final URL, and the content type and charset the server declared."""
    from urllib3.exceptions import ConnectTimeoutError, ReadTimeoutError

    from conflictcli.sources import transport

    deadline = time.monotonic() + timeout
    with transport.Watchdog(deadline) as watchdog:
        try:
            response = _follow(url, deadline, max_bytes)
        except SourceError:
            if watchdog.fired:
                raise SourceError(f"timed out after {timeout:g} s") from None
            raise
        except Exception as exc:
            reason = _cause(exc)
            if watchdog.fired or isinstance(reason, (socket.timeout, TimeoutError, ReadTimeoutError,
                                                     ConnectTimeoutError)):
                raise SourceError(f"timed out after {timeout:g} s") from None
            proxy = transport.proxy_for(url) if _through_proxy(exc) else None
            via = f" (through the proxy {transport.without_credentials(proxy)})" if proxy else ""
            raise SourceError(_network_reason(reason) + via) from None
        if watchdog.fired:  # the watchdog's shutdown can look like a normal end of body
            raise SourceError(f"timed out after {timeout:g} s")
        return response


def _follow(url: str, deadline: float, max_bytes: int) -> Document:
    source, seen = url, set()
    for _ in range(MAX_REDIRECTS + 1):
        check_url(url)
        seen.add(url)
        resp = _open(url, deadline)
        complete = False
        try:
            if resp.status in (301, 302, 303, 307, 308):
                url = _redirect_target(url, resp.headers.get("Location"), resp.status, seen)
                continue
            if resp.status >= 400:
                raise SourceError(_one_line(f"HTTP {resp.status} {resp.reason}"))
            mime, charset = _parse_content_type(resp.headers.get("Content-Type") or "")
            if mime and not (mime in TEXT_TYPES or mime.startswith("text/")):
                raise SourceError(f"not an article: content type {mime}")
            data = _read_body(resp, max_bytes)
            complete = True
            return Document(source=source, data=data, url=url, content_type=mime, charset=charset)
        finally:
            if not complete:  # a body left unread (a redirect, an error, a cap): that connection cannot be reused
                resp.close()
            resp.release_conn()
    raise SourceError(f"too many redirects (more than {MAX_REDIRECTS})")


def _redirect_target(url: str, location: str | None, status: int, seen: set[str]) -> str:
    if not location:
        raise SourceError(f"HTTP {status} redirect without a Location")
    target = urljoin(url, location.strip())
    scheme = urlsplit(target).scheme.lower()
    if scheme not in SCHEMES:
        raise SourceError(f"redirect to unsupported scheme {scheme!r}")
    if target in seen:
        raise SourceError("redirect loop")
    return target


def _cause(exc: BaseException) -> BaseException:
    """The error under urllib3's wrappers (MaxRetryError, ProtocolError, ProxyError, NewConnectionError...)."""
    from urllib3.exceptions import MaxRetryError, NameResolutionError, NewConnectionError, ProtocolError, ProxyError

    for _ in range(8):
        if isinstance(exc, MaxRetryError) and exc.reason is not None:
            exc = exc.reason
        elif isinstance(exc, ProxyError) and exc.original_error is not None:
            exc = exc.original_error
        elif isinstance(exc, ProtocolError) and len(exc.args) > 1 and isinstance(exc.args[1], BaseException):
            exc = exc.args[1]
        elif isinstance(exc, (NameResolutionError, NewConnectionError)) and isinstance(exc.__cause__, OSError):
            exc = exc.__cause__
        else:
            break
    return exc


def _through_proxy(exc: BaseException) -> bool:
    from urllib3.exceptions import ProxyError

    return isinstance(exc, ProxyError) or isinstance(getattr(exc, "reason", None), ProxyError)


def _network_reason(exc: BaseException) -> str:
    """One line saying why a request failed, for the exceptions urllib3, http.client, ssl and socket raise."""
    import http.client
    import ssl

    from urllib3.exceptions import HTTPError as Urllib3Error
    from urllib3.exceptions import ProtocolError

    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return f"cannot resolve host ({_one_line(exc.strerror or exc)})"
    if isinstance(exc, ssl.SSLError):
        return f"TLS error: {_one_line(exc.reason or exc)}"
    if isinstance(exc, (http.client.IncompleteRead, ProtocolError)):
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
    if isinstance(exc, Urllib3Error):
        return _one_line(f"request failed: {exc}")
    return _one_line(f"request failed: {type(exc).__name__}: {exc}").rstrip(": ")
