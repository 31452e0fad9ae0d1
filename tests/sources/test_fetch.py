"""URL fetching against a real HTTP server on 127.0.0.1: good pages, HTTP errors, and every network fault.

Each fault must end as a SourceError with a one-line reason, within the timeout (plus a little), never a
hang, a traceback, or a body read whole before the cap is checked.
"""
from __future__ import annotations

import base64
import socket
import threading
import time

import pytest
from typer.testing import CliRunner

from conflictcli.sources import fetch as fetch_module
from conflictcli.cli import app
from conflictcli.errors import SourceError
from conflictcli.sources.fetch import USER_AGENT, check_url, fetch
from conflictcli.pipeline.analyze import Options, prepare
from httpserver import ARTICLE, refused_url

TIMEOUT = 1.5
SLACK = 1.0  # seconds allowed past the timeout for tearing a connection down


@pytest.fixture
def server(http_server):
    """The suite's shared server (tests/conftest.py), under the short name these tests use."""
    return http_server


def failure(url: str, timeout: float = TIMEOUT, max_bytes: int = 1_000_000) -> tuple[str, float]:
    """The SourceError message fetching `url` gives, and how long it took."""
    start = time.monotonic()
    with pytest.raises(SourceError) as info:
        fetch(url, timeout=timeout, max_bytes=max_bytes)
    message = str(info.value)
    assert "\n" not in message and message.strip() == message and message
    return message, time.monotonic() - start


def test_ok_page_is_fetched_with_type_and_charset(server):
    response = fetch(server.url("/ok"), timeout=TIMEOUT)
    assert response.data == ARTICLE
    assert (response.content_type, response.charset) == ("text/html", "utf-8")


def test_user_agent_names_the_tool(server):
    fetch(server.url("/ok"), timeout=TIMEOUT)
    assert server.paths[-1] == "/ok"
    assert server.headers[-1]["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("conflictcli/") and f"+{fetch_module.PROJECT_PAGE}" in USER_AGENT


@pytest.mark.parametrize("path, reason", [
    ("/404", "HTTP 404 Not Found"),
    ("/403", "HTTP 403 Forbidden"),
    ("/500", "HTTP 500 Internal Server Error"),
    ("/503", "HTTP 503 Service Unavailable"),
])
def test_http_errors_say_the_status(server, path, reason):
    message, _ = failure(server.url(path))
    assert message == reason


@pytest.mark.parametrize("path", ["/redirect-ok", "/redirect-chain"])
def test_redirects_are_followed_to_the_final_url(server, path):
    response = fetch(server.url(path), timeout=TIMEOUT)
    assert response.url == server.url("/ok") and response.data == ARTICLE


@pytest.mark.parametrize("path", ["/loop-a", "/loop-self"])
def test_redirect_loop_is_refused(server, path):
    message, elapsed = failure(server.url(path))
    assert message == "redirect loop" and elapsed < TIMEOUT


def test_too_many_redirects(server, monkeypatch):
    monkeypatch.setattr(fetch_module, "MAX_REDIRECTS", 1)
    message, _ = failure(server.url("/redirect-chain"))
    assert message == "too many redirects (more than 1)"


@pytest.mark.parametrize("path, scheme", [("/redirect-file", "file"), ("/redirect-ftp", "ftp"),
                                          ("/redirect-js", "javascript")])
def test_redirect_to_a_non_http_scheme_is_refused(server, path, scheme):
    message, _ = failure(server.url(path))
    assert message == f"redirect to unsupported scheme {scheme!r}"


def test_redirect_without_location(server):
    assert failure(server.url("/redirect-none"))[0] == "HTTP 302 redirect without a Location"


@pytest.mark.parametrize("path, mime", [("/pdf", "application/pdf"), ("/image", "image/png"),
                                        ("/octet", "application/octet-stream")])
def test_non_html_types_are_refused_before_the_body(server, path, mime):
    assert failure(server.url(path))[0] == f"not an article: content type {mime}"


def test_html_type_with_binary_body_is_refused_by_content(server):
    article = prepare(server.url("/png-as-html"), Options(timeout=TIMEOUT))
    assert article.error == "binary content (PNG image), not an article"


def test_missing_content_type_is_read_as_html(server):
    article = prepare(server.url("/no-type"), Options(timeout=TIMEOUT))
    assert article.error is None and article.title == "Militias regroup near Deir ez-Zor"


def test_declared_latin1_charset_is_honoured(server):
    article = prepare(server.url("/latin1-declared"), Options(timeout=TIMEOUT))
    assert article.error is None and "café de München" in article.text


def test_unknown_declared_charset_falls_back(server):
    article = prepare(server.url("/bogus-charset"), Options(timeout=TIMEOUT))
    assert article.error is None and "Albu Kamal" in article.text


def test_server_that_never_answers_times_out(server):
    message, elapsed = failure(server.url("/hang"))
    assert message == f"timed out after {TIMEOUT:g} s"
    assert TIMEOUT - 0.1 < elapsed < TIMEOUT + SLACK


@pytest.mark.parametrize("path", ["/trickle", "/trickle-headers"])
def test_trickling_server_cannot_outlast_the_overall_deadline(server, path):
    """A byte a second keeps every single read alive; only a deadline over the whole request stops it."""
    message, elapsed = failure(server.url(path), timeout=2.5)
    assert message == "timed out after 2.5 s"
    assert elapsed < 2.5 + SLACK


def test_connection_refused():
    message, elapsed = failure(refused_url())
    assert message == "connection refused" and elapsed < TIMEOUT


def test_endless_body_is_cut_at_the_cap_while_streaming(server):
    """The body never ends: only a cap checked while reading can stop it (reading it whole would time out)."""
    before = server.sent_bytes
    message, elapsed = failure(server.url("/endless"), timeout=10, max_bytes=200_000)
    assert message == "body exceeds the cap of 200000 bytes"
    assert elapsed < 2
    time.sleep(0.2)
    assert server.sent_bytes - before < 50_000_000  # the server stopped when we hung up


def test_declared_length_over_the_cap_is_refused_before_reading(server):
    message, elapsed = failure(server.url("/big-declared"), max_bytes=1_000_000)
    assert message == "body too large (50000000000 bytes > cap of 1000000)" and elapsed < 1


def test_gzip_bomb_is_stopped_at_the_cap(server):
    """64 MiB of zeros in a few kB of gzip: decompression stops at the cap, not after inflating it all."""
    from httpserver import GZIP_BOMB

    assert len(GZIP_BOMB) < 200_000
    message, elapsed = failure(server.url("/gzip-bomb"), max_bytes=1_000_000)
    assert message == "body exceeds the cap of 1000000 bytes" and elapsed < TIMEOUT


def test_gzip_body_within_the_cap_is_decompressed(server):
    assert fetch(server.url("/gzip-ok"), timeout=TIMEOUT).data == ARTICLE


def test_corrupt_gzip(server):
    assert failure(server.url("/gzip-corrupt"))[0] == "truncated or corrupt gzip body"


@pytest.mark.parametrize("path", ["/chunked-bad-size", "/chunked-truncated", "/short-body"])
def test_broken_framing_is_an_incomplete_body(server, path):
    message, elapsed = failure(server.url(path))
    assert message == "incomplete body (the connection closed early or the chunked encoding is broken)"
    assert elapsed < TIMEOUT


def test_not_http_at_all(server):
    assert failure(server.url("/garbage-status"))[0] == "not an HTTP response"


def test_tls_against_a_plain_http_server_fails_within_the_timeout(server):
    message, elapsed = failure(server.url("/ok").replace("http://", "https://"))
    assert elapsed < TIMEOUT + SLACK
    assert message.startswith(("TLS error", "timed out", "network error", "connection reset"))


def test_non_ascii_path_is_percent_encoded(server):
    failure(server.url("/خبر?q=حلب"))
    assert server.paths[-1] == "/%D8%AE%D8%A8%D8%B1?q=%D8%AD%D9%84%D8%A8"


@pytest.mark.parametrize("url, reason", [
    ("file:///etc/passwd", "unsupported URL scheme 'file' (only http and https)"),
    ("ftp://example.com/a.html", "unsupported URL scheme 'ftp' (only http and https)"),
    ("javascript:alert(1)", "unsupported URL scheme 'javascript' (only http and https)"),
    ("data:text/html,<p>hi</p>", "unsupported URL scheme 'data' (only http and https)"),
    ("http://", "malformed URL: no host"),
    ("http:///path", "malformed URL: no host"),
    ("http://[::1/", "malformed URL: Invalid IPv6 URL"),
    ("http://example.com:99999/", "malformed URL: Port out of range 0-65535"),
    ("http://example.com:abc/", "malformed URL: Port could not be cast to integer value as 'abc'"),
    ("http://example.com:0/", "malformed URL: port 0"),
    ("http://exa mple.com/", "malformed URL: spaces or control characters (percent-encode them)"),
    ("http://example.com/\x1b[2J", "malformed URL: spaces or control characters (percent-encode them)"),
])
def test_bad_urls_are_refused_without_a_request(url, reason):
    with pytest.raises(SourceError) as info:
        check_url(url)
    assert str(info.value) == reason


def test_unresolvable_host(monkeypatch):
    """The resolver's "no such name" answer, without asking the machine's DNS (the test must not depend on it)."""
    asked = []

    def no_such_name(host, *args, **kwargs):
        asked.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", no_such_name)
    message, elapsed = failure("http://no-such-host.invalid/article")
    assert message == "cannot resolve host (Name or service not known)" and elapsed < TIMEOUT
    assert asked == ["no-such-host.invalid"]


@pytest.mark.parametrize("path", ["/busy-once", "/rate-limited-once"])
def test_busy_server_is_retried_after_its_retry_after(server, path):
    """503 and 429 with Retry-After: 1 are asked again a second later, and the second answer is the article."""
    unique = f"{path}?run={time.monotonic_ns()}"
    start = time.monotonic()
    response = fetch(server.url(unique), timeout=5)
    assert response.data == ARTICLE
    assert server.hits[unique] == 2 and time.monotonic() - start >= 1.0


def test_retry_after_past_the_deadline_is_not_waited_for(server):
    unique = f"/busy-for-an-hour?run={time.monotonic_ns()}"
    message, elapsed = failure(server.url(unique))
    assert message == "HTTP 503 Service Unavailable" and elapsed < 0.5 and server.hits[unique] == 1


def test_connections_are_reused(server):
    before = server.connections
    for _ in range(3):
        assert fetch(server.url("/keep-alive"), timeout=TIMEOUT).data == ARTICLE
    assert server.connections - before == 1


def _proxy_env(monkeypatch, proxy: str | None, no_proxy: str | None = None) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    if proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy)
    if no_proxy:
        monkeypatch.setenv("NO_PROXY", no_proxy)


def test_http_proxy_from_the_environment(server, monkeypatch):
    """With HTTP_PROXY set the request goes to the proxy in absolute form; the article's host is never resolved."""
    _proxy_env(monkeypatch, server.base)
    looked_up = []
    real = socket.getaddrinfo

    def recorded(host, *args, **kwargs):
        looked_up.append(host)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", recorded)
    response = fetch("http://news.example/ok", timeout=TIMEOUT)
    assert response.data == ARTICLE and response.url == "http://news.example/ok"
    assert server.proxied[-1] == "http://news.example/ok"
    assert "news.example" not in looked_up


def test_proxy_credentials_are_sent_to_the_proxy(server, monkeypatch):
    _proxy_env(monkeypatch, server.base.replace("http://", "http://reporter:s%40cret@"))
    assert fetch("http://news.example/ok", timeout=TIMEOUT).data == ARTICLE
    headers = {name.lower(): value for name, value in server.headers[-1].items()}  # names are case-insensitive
    assert headers["proxy-authorization"] == "Basic " + base64.b64encode(b"reporter:s@cret").decode()


def test_no_proxy_bypasses_the_proxy(server, monkeypatch):
    _proxy_env(monkeypatch, refused_url().rsplit("/", 1)[0], no_proxy="127.0.0.1,localhost")
    assert fetch(server.url("/ok"), timeout=TIMEOUT).data == ARTICLE


def test_unreachable_proxy_is_the_reason_given_without_its_password(server, monkeypatch):
    proxy = refused_url().rsplit("/", 1)[0]
    _proxy_env(monkeypatch, proxy.replace("http://", "http://user:secret@"))
    message, elapsed = failure(server.url("/ok"))
    assert message == f"connection refused (through the proxy {proxy})" and elapsed < TIMEOUT


def test_slow_name_resolution_keeps_to_the_deadline(monkeypatch):
    """getaddrinfo has no timeout of its own; a resolver that stalls must not stall the fetch."""
    release = threading.Event()

    def stalled(*args, **kwargs):
        release.wait(30)
        raise OSError("released")

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", stalled)
    try:
        message, elapsed = failure("http://slow-dns.example/article", timeout=1.0)
    finally:
        release.set()
    assert message == "timed out after 1 s" and elapsed < 1.0 + SLACK


def test_urls_are_fetched_concurrently_and_reported_in_order(server):
    """Three URLs that each hang for the whole timeout finish in about one timeout, not three; the good one
    between them is printed and every failure has its own line, in input order."""
    runner = CliRunner()
    urls = [server.url("/hang"), server.url("/ok"), server.url("/trickle"), server.url("/hang")]
    start = time.monotonic()
    result = runner.invoke(app, ["text", *urls, "--timeout", "1.5"])
    elapsed = time.monotonic() - start
    assert result.exit_code == 1
    assert "Albu Kamal" in result.stdout
    lines = result.stderr.splitlines()
    assert lines == [f"conflictcli: {urls[0]}: timed out after 1.5 s",
                     f"conflictcli: {urls[2]}: timed out after 1.5 s",
                     f"conflictcli: {urls[3]}: timed out after 1.5 s"]
    assert elapsed < 1.5 + 2 * SLACK
