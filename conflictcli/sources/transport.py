"""The HTTP transport under fetch: urllib3 connection pools, proxies from the environment, retries that keep
to a deadline, and a watchdog that ends a request when its time is up.

urllib3 gives connection reuse, TLS, proxies (plain and CONNECT tunnels) and Retry with backoff and Retry-After.
What it does not give is one deadline over a whole request: its timeouts bound each connect and each read, so a
server sending a byte a second never trips them, and name resolution has no timeout at all. So the connections
made here resolve names on a helper thread we stop waiting for at the deadline, and register their socket with
the request's watchdog, which shuts the socket down at the deadline and wakes any blocked read. Retries are
skipped when their wait (backoff or Retry-After) would end past the deadline.
Nothing here decides what to do with a response: redirects, status codes and bodies are fetch's job.
"""
from __future__ import annotations

import queue
import socket
import threading
import time
import urllib.request
from urllib.parse import unquote, urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import MaxRetryError, ResponseError
from urllib3.util.retry import Retry

from conflictcli.errors import SourceError

RETRY_STATUSES = frozenset({429, 503})  # "too many requests", "unavailable": worth one more try after a wait
RETRIES = 2  # further tries after such a status, within the deadline
BACKOFF = 0.5  # seconds, doubled on each try after the second (urllib3's exponential backoff)
POOL_SIZE = 8  # connections kept per host: read_ahead fetches on up to this many threads
_request = threading.local()  # the deadline and watchdog of the request running on this thread


class Watchdog:
    """Shuts the current connection's socket down at the deadline, interrupting any blocked read."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.sock: socket.socket | None = None
        self.fired = False
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True

    def __enter__(self) -> "Watchdog":
        _request.watchdog = self
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        _request.watchdog = None

    def watch(self, sock: socket.socket | None) -> None:
        self.sock = sock
        if self.fired and sock is not None:
            self._shutdown(sock)

    def _fire(self) -> None:
        self.fired = True
        if self.sock is not None:
            self._shutdown(self.sock)

    @staticmethod
    def _shutdown(sock: socket.socket) -> None:
        try:  # the plain-socket shutdown, also for TLS: it only wakes the reader, the reader closes
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except OSError:
            pass


def current_watchdog() -> Watchdog | None:
    return getattr(_request, "watchdog", None)


def resolve(host: str, port: int, deadline: float) -> list:
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


def connect(host: str, port: int, deadline: float, options) -> socket.socket:
    """A TCP connection to the first address of `host` that answers, all within the deadline."""
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in resolve(host, port, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("connect timed out")
        sock = socket.socket(family, kind, proto)
        for option in options or ():
            sock.setsockopt(*option)
        sock.settimeout(remaining)
        try:
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            error = exc
    raise error or OSError(f"no address for {host}")


class _Watched:
    """Mixed into urllib3's connections: new sockets keep to the deadline, every socket is watched."""

    def _new_conn(self) -> socket.socket:
        watchdog = current_watchdog()
        if watchdog is None:  # used outside fetch(): plain urllib3
            return super()._new_conn()  # type: ignore[misc]
        sock = connect(self._dns_host, self.port, watchdog.deadline, self.socket_options)  # type: ignore[attr-defined]
        watchdog.watch(sock)
        return sock

    def request(self, *args, **kwargs):
        watchdog = current_watchdog()
        if watchdog is not None and self.sock is not None:  # type: ignore[attr-defined]  # a reused connection
            watchdog.watch(self.sock)  # type: ignore[attr-defined]
        return super().request(*args, **kwargs)  # type: ignore[misc]


class WatchedHTTPConnection(_Watched, HTTPConnection):
    pass


class WatchedHTTPSConnection(_Watched, HTTPSConnection):
    pass


class WatchedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = WatchedHTTPConnection


class WatchedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = WatchedHTTPSConnection


class DeadlineRetry(Retry):
    """urllib3's Retry (backoff, Retry-After), but no retry whose wait would end past the request's deadline:
    then the response at hand (a 429 or 503) is the answer."""

    def __init__(self, *args, deadline: float = float("inf"), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = deadline

    def new(self, **kw) -> "DeadlineRetry":
        kw.setdefault("deadline", self.deadline)
        return super().new(**kw)

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
        retry = super().increment(method, url, response, error, _pool, _stacktrace)
        wait = retry.get_backoff_time()
        if response is not None and self.respect_retry_after_header:
            wait = max(wait, self.get_retry_after(response) or 0.0)
        if time.monotonic() + wait >= self.deadline:
            raise MaxRetryError(_pool, url, error or ResponseError(f"no time left to retry after {wait:g} s"))
        return retry


def retries(deadline: float) -> DeadlineRetry:
    """Retry 429 and 503 (honouring Retry-After) on GET; never connection or read errors, never redirects
    (fetch follows those itself, checking each one)."""
    return DeadlineRetry(total=RETRIES, connect=0, read=0, other=0, status=RETRIES, redirect=False,
                         status_forcelist=RETRY_STATUSES, backoff_factor=BACKOFF, allowed_methods={"GET"},
                         respect_retry_after_header=True, raise_on_status=False, deadline=deadline)


def proxy_for(url: str) -> str | None:
    """The proxy for `url` from HTTP_PROXY / HTTPS_PROXY / ALL_PROXY, unless NO_PROXY covers its host (the
    variables curl and pip read, lower case first, as the standard library does)."""
    proxies = urllib.request.getproxies_environment()
    host = urlsplit(url).hostname or ""
    if proxies.get("no") and urllib.request.proxy_bypass_environment(host, proxies):
        return None
    return proxies.get(urlsplit(url).scheme.lower()) or proxies.get("all")


def without_credentials(proxy: str) -> str:
    """The proxy URL fit for a message: user and password left out."""
    parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"


_managers: dict[str | None, urllib3.PoolManager] = {}
_managers_lock = threading.Lock()


def manager(proxy: str | None) -> urllib3.PoolManager:
    """One pool manager per proxy (None = direct), shared by every thread, so connections are reused."""
    with _managers_lock:
        if proxy not in _managers:
            _managers[proxy] = _new_manager(proxy)
        return _managers[proxy]


def _new_manager(proxy: str | None) -> urllib3.PoolManager:
    if proxy is None:
        pm: urllib3.PoolManager = urllib3.PoolManager(maxsize=POOL_SIZE, block=False)
    else:
        parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise SourceError(f"unsupported proxy {parts.scheme}://{parts.hostname or ''} (only http and https)")
        headers = None
        if parts.username is not None:
            auth = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
            headers = urllib3.make_headers(proxy_basic_auth=auth)
        address = parts.netloc.rpartition("@")[2]  # host:port, without the credentials
        pm = urllib3.ProxyManager(f"{parts.scheme}://{address}", proxy_headers=headers,
                                  maxsize=POOL_SIZE, block=False)
    pm.pool_classes_by_scheme = {"http": WatchedHTTPConnectionPool, "https": WatchedHTTPSConnectionPool}
    return pm
