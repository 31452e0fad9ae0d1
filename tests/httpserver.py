"""A real HTTP server on 127.0.0.1 with a route for every network fault the fetcher must survive.

Responses are written by hand on the socket (not http.server) so that a test can send what a correct server
never would: a body that never ends, a byte a second, a broken chunked encoding, a gzip bomb. Every handler is
bounded (it stops when the server stops, or after LIFETIME seconds), and the server stops itself after
LIFETIME seconds even if a test forgets to, so a failing test can never leave a thread spinning.
"""
from __future__ import annotations

import gzip
import socket
import socketserver
import threading
import time
from collections import Counter
from contextlib import contextmanager

LIFETIME = 600.0  # seconds: the longest any server or handler lives
TRICKLE_SECONDS = 8
ARTICLE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Militias regroup near Deir ez-Zor</title></head>"
    "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Militias regroup near Deir "
    "ez-Zor</h1><p>Iran-backed militias moved fighters from Iraq into eastern Syria on Monday, according to "
    "residents of the border town of Albu Kamal, as the government in Damascus struggled to hold the region."
    "</p><p>\"We saw dozens of trucks crossing at night,\" said Omar Abu Layla, who runs a monitoring network "
    "in the province. The Syrian Observatory for Human Rights reported clashes near the river.</p></article>"
    "<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"
).encode("utf-8")
PLAIN = ("Militias regroup near Deir ez-Zor\n\nIran-backed militias moved fighters from Iraq into eastern Syria "
         "on Monday, residents said.\n").encode("utf-8")


def _bomb(size: int) -> bytes:
    """A gzip body of `size` zero bytes: a few kilobytes on the wire."""
    return gzip.compress(b"\0" * size, compresslevel=9)


class _Handler(socketserver.BaseRequestHandler):
    server: "FaultServer"

    def handle(self) -> None:
        sock = self.request
        sock.settimeout(5)
        self.server.connections += 1
        self.keep_alive = True
        try:
            while self.keep_alive:  # only the keep-alive route leaves the connection open for another request
                self.keep_alive = False
                if not self.answer(sock):
                    return
        except OSError:
            pass  # the client hung up, which is what half of these routes are for

    def answer(self, sock) -> bool:
        """Read one request and run its route; False when the client sent nothing."""
        request = b""
        while b"\r\n\r\n" not in request and len(request) < 65536:
            chunk = sock.recv(4096)
            if not chunk:
                return False
            request += chunk
        head = request.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        path = head[0].split(" ")[1] if head[0].count(" ") >= 2 else "/"
        if path.startswith("http://"):  # absolute form: we are being used as a proxy
            self.server.proxied.append(path)
            path = "/" + path.split("/", 3)[3] if path.count("/") >= 3 else "/"
        self.path = path
        self.server.paths.append(path)
        self.server.hits[path] += 1
        self.server.headers.append(dict(line.split(": ", 1) for line in head[1:] if ": " in line))
        route = ROUTES.get(path.split("?", 1)[0], _not_found)
        route(self, sock)
        return True

    # helpers for routes
    def send(self, sock, status: str, headers: dict[str, str], body: bytes = b"", length: bool = True) -> None:
        lines = [f"HTTP/1.1 {status}"] + [f"{k}: {v}" for k, v in headers.items()]
        if length:
            lines.append(f"Content-Length: {len(body)}")
        if not self.keep_alive:
            lines.append("Connection: close")
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`; False when the server is stopping."""
        return not self.server.stopping.wait(min(seconds, LIFETIME))


def _ok(h, sock):
    h.send(sock, "200 OK", {"Content-Type": "text/html; charset=utf-8"}, ARTICLE)


def _plain(h, sock):
    h.send(sock, "200 OK", {"Content-Type": "text/plain; charset=utf-8"}, PLAIN)


def _no_type(h, sock):
    h.send(sock, "200 OK", {}, ARTICLE)


def _status(code: str):
    def route(h, sock):
        h.send(sock, code, {"Content-Type": "text/html"}, f"<html><body><h1>{code}</h1></body></html>".encode())
    return route


def _keep_alive(h, sock):
    """An article on a connection left open for the next request (connection reuse)."""
    h.keep_alive = True
    h.send(sock, "200 OK", {"Content-Type": "text/html; charset=utf-8"}, ARTICLE)


def _busy_once(code: str, retry_after: str):
    """`code` with Retry-After on the first request for a path (query included), the article after that."""
    def route(h, sock):
        if h.server.hits[h.path] == 1:
            h.send(sock, code, {"Content-Type": "text/html", "Retry-After": retry_after}, b"<p>busy</p>")
        else:
            _ok(h, sock)
    return route


def _not_found(h, sock):
    _status("404 Not Found")(h, sock)


def _hang(h, sock):
    """Accept the request and never answer."""
    h.wait(LIFETIME)


def _trickle(h, sock):
    """Headers at once, then a byte a second for TRICKLE_SECONDS: only an overall deadline stops this early.
    (Bounded, so that a fetcher without one shows up as a failed test, not a hung one.)"""
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<p>")
    for _ in range(TRICKLE_SECONDS):
        if not h.wait(1.0):
            return
        sock.sendall(b"a")


def _trickle_headers(h, sock):
    """The status line a byte a second, then a hang-up: the deadline must hold before the headers are complete."""
    for byte in b"HTTP/1.1 200 OK\r\n"[:TRICKLE_SECONDS]:
        if not h.wait(1.0):
            return
        sock.sendall(bytes([byte]))


def _redirect(location: str, code: str = "302 Found"):
    def route(h, sock):
        h.send(sock, code, {"Location": location})
    return route


def _endless(h, sock):
    """A close-delimited body with no Content-Length that never ends: the cap must cut it while streaming."""
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
    block = b"<p>" + b"x" * 65530 + b"</p>"
    while not h.server.stopping.is_set():
        sock.sendall(block)
        h.server.sent_bytes += len(block)


def _big_declared(h, sock):
    """A Content-Length past any cap: refused before the body is read."""
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 50000000000\r\n\r\n<p>")
    h.wait(10)


def _gzip_bomb(h, sock):
    h.send(sock, "200 OK", {"Content-Type": "text/html", "Content-Encoding": "gzip"}, GZIP_BOMB)


def _gzip_ok(h, sock):
    h.send(sock, "200 OK", {"Content-Type": "text/html", "Content-Encoding": "gzip"}, gzip.compress(ARTICLE))


def _gzip_corrupt(h, sock):
    h.send(sock, "200 OK", {"Content-Type": "text/html", "Content-Encoding": "gzip"}, b"\x1f\x8b\x08\x00garbage!")


def _type(content_type: str, body: bytes = ARTICLE):
    def route(h, sock):
        h.send(sock, "200 OK", {"Content-Type": content_type}, body)
    return route


def _chunked_bad_size(h, sock):
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                 b"10\r\n<html><body><p>A\r\nzz-not-hex\r\nmore\r\n0\r\n\r\n")


def _chunked_truncated(h, sock):
    """A chunk announces 4096 bytes, 20 arrive, then the connection closes."""
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                 b"1000\r\n<html><body><p>Army</p>")


def _short_body(h, sock):
    """Content-Length promises more than is sent."""
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<p>only this</p>")


def _garbage_status(h, sock):
    sock.sendall(b"SSH-2.0-OpenSSH_9.0\r\n\r\n")


def _hostile(h, sock):
    body = ("<html><head><title>[bold red]Pwned[/] \x1b[2J title</title></head><body><article>"
            "<p>The army spokesman said [link=https://evil.example]click[/link] that the offensive "
            "\x1b]8;;https://evil.example\x07had begun\x1b]8;;\x07 near Aleppo on Monday \x1b[31m in red \x1b[0m "
            "and rang the bell \x07 three times.</p><p>=HYPERLINK(\"https://evil.example\") +1 -2 @SUM(A1) "
            "were written in the margins of the leaked memo, officials said on Tuesday.</p></article></body></html>"
            ).encode("utf-8")
    h.send(sock, "200 OK", {"Content-Type": "text/html; charset=utf-8"}, body)


def _hostile_reason(h, sock):
    sock.sendall(b"HTTP/1.1 404 \x1b]0;pwned\x07Not \x9b2J\x1b[31mFound\r\nContent-Length: 0\r\n\r\n")


GZIP_BOMB = _bomb(64 * 1024 * 1024)
ROUTES = {
    "/ok": _ok,
    "/plain": _plain,
    "/no-type": _no_type,
    "/404": _not_found,
    "/500": _status("500 Internal Server Error"),
    "/503": _status("503 Service Unavailable"),
    "/403": _status("403 Forbidden"),
    "/keep-alive": _keep_alive,
    "/busy-once": _busy_once("503 Service Unavailable", "1"),
    "/rate-limited-once": _busy_once("429 Too Many Requests", "1"),
    "/busy-for-an-hour": _busy_once("503 Service Unavailable", "3600"),
    "/hang": _hang,
    "/trickle": _trickle,
    "/trickle-headers": _trickle_headers,
    "/redirect-ok": _redirect("/ok"),
    "/redirect-chain": _redirect("/redirect-ok", "301 Moved Permanently"),
    "/loop-a": _redirect("/loop-b"),
    "/loop-b": _redirect("/loop-a"),
    "/loop-self": _redirect("/loop-self", "307 Temporary Redirect"),
    "/redirect-file": _redirect("file:///etc/passwd"),
    "/redirect-ftp": _redirect("ftp://127.0.0.1/pub/article.html"),
    "/redirect-js": _redirect("javascript:alert(1)"),
    "/redirect-none": lambda h, sock: h.send(sock, "302 Found", {}),
    "/endless": _endless,
    "/big-declared": _big_declared,
    "/gzip-bomb": _gzip_bomb,
    "/gzip-ok": _gzip_ok,
    "/gzip-corrupt": _gzip_corrupt,
    "/pdf": _type("application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
    "/image": _type("image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
    "/octet": _type("application/octet-stream"),
    "/png-as-html": _type("text/html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + b"\0" * 64),
    "/latin1-declared": _type("text/html; charset=iso-8859-1",
                              "<html><body><article><p>Le caf\u00e9 de M\u00fcnchen a \u00e9t\u00e9 ferm\u00e9 par "
                              "l'arm\u00e9e lundi, selon les habitants.</p></article></body></html>"
                              .encode("latin-1")),
    "/bogus-charset": _type("text/html; charset=x-no-such-charset", ARTICLE),
    "/chunked-bad-size": _chunked_bad_size,
    "/chunked-truncated": _chunked_truncated,
    "/short-body": _short_body,
    "/garbage-status": _garbage_status,
    "/hostile": _hostile,
    "/hostile-reason": _hostile_reason,
}


class FaultServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stopping = threading.Event()
        self.paths: list[str] = []  # of each request, in arrival order
        self.headers: list[dict[str, str]] = []
        self.hits: Counter[str] = Counter()  # requests per path (query included)
        self.proxied: list[str] = []  # absolute-form request targets: requests sent to us as a proxy
        self.connections = 0  # TCP connections accepted
        self.sent_bytes = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serve():
    """Run a FaultServer on a background thread for the duration of the block (and never past LIFETIME)."""
    server = FaultServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    watchdog = threading.Timer(LIFETIME, lambda: (server.stopping.set(), server.shutdown()))
    watchdog.daemon = True
    watchdog.start()
    try:
        yield server
    finally:
        watchdog.cancel()
        server.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def refused_url() -> str:
    """A URL on a 127.0.0.1 port that nothing listens on (bound, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/article"


if __name__ == "__main__":  # for trying the routes by hand: python tests/httpserver.py
    with serve() as srv:
        print(srv.base, *sorted(ROUTES), sep="\n  ")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
