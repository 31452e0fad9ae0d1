"""--feed and --sitemap against a real HTTP server on 127.0.0.1: the listed articles are analysed, --since
drops older entries, and a feed or sitemap that cannot be read is one clear line while the rest goes on."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from httpserver import refused_url

CLI = [sys.executable, "-m", "conflictcli", "analyze"]
ARTICLE = ("<html><head><title>Convoy {n} reaches El Fasher</title></head><body><article><h1>Convoy {n} reaches "
           "El Fasher</h1><p>An aid convoy reached El Fasher in North Darfur on Tuesday, the World Food Programme "
           "said, after weeks of delays at the border crossing from Chad. Dispatch {n}.</p></article></body></html>")


def rss(base: str) -> str:
    items = "".join(f"<item><title>Convoy {n}</title><link>{base}/article/{n}</link><pubDate>{date}</pubDate></item>"
                    for n, date in ((1, "Tue, 05 Mar 2024 10:00:00 GMT"), (2, "Wed, 06 Mar 2024 10:00:00 GMT"),
                                    (3, "Mon, 07 Jan 2019 10:00:00 GMT")))
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>News</title>{items}</channel></rss>"


def sitemap(base: str) -> str:
    urls = "".join(f"<url><loc>{base}/article/{n}</loc><lastmod>2024-04-0{n}</lastmod></url>" for n in (4, 5))
    return f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>"


def index(base: str) -> str:
    maps = "".join(f"<sitemap><loc>{base}/{name}</loc></sitemap>" for name in ("pages.xml.gz", "gone.xml"))
    return f"<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{maps}</sitemapindex>"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        routes = {
            "/feed.xml": ("application/rss+xml", rss(base).encode()),
            "/sitemap.xml": ("application/xml", index(base).encode()),
            "/pages.xml.gz": ("application/gzip", gzip.compress(sitemap(base).encode())),
            "/not-a-feed": ("text/html", b"<html><body><p>Hello</p></body></html>"),
        }
        if self.path.startswith("/article/"):
            routes[self.path] = ("text/html; charset=utf-8", ARTICLE.format(n=self.path.rsplit("/", 1)[1]).encode())
        if self.path not in routes:
            self.send_error(404)
            return
        content_type, body = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def analyze(*args: str) -> tuple[subprocess.CompletedProcess, list[dict]]:
    result = subprocess.run(CLI + list(args) + ["-f", "jsonl"], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr
    return result, [json.loads(line) for line in result.stdout.splitlines()]


def test_feed_and_sitemap_index_with_since_and_a_dead_child_sitemap():
    with serve() as base:
        result, records = analyze("--feed", f"{base}/feed.xml", "--sitemap", f"{base}/sitemap.xml",
                                  "--since", "2024-01-01")
    assert [r["source"] for r in records] == [f"{base}/article/{n}" for n in (1, 2, 4, 5)] + [f"{base}/gone.xml"]
    assert all(r["error"] is None for r in records[:4])
    assert records[0]["title"] == "Convoy 1 reaches El Fasher" and records[0]["date"] == "2024-03-05"
    assert records[-1]["error"].startswith("sitemap: HTTP 404")
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1


def test_unreadable_feeds_are_one_line_each_and_the_rest_goes_on():
    with serve() as base:
        result, records = analyze("--feed", refused_url(), "--feed", f"{base}/not-a-feed", "--feed", f"{base}/feed.xml")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and "feed: cannot fetch" in lines[0] and "feed: not an RSS or Atom feed" in lines[1]
    assert [r["title"] for r in records if r["error"] is None] == [f"Convoy {n} reaches El Fasher" for n in (1, 2, 3)]


def test_since_must_be_a_date():
    result = subprocess.run(CLI + ["--feed", "http://127.0.0.1:9/x", "--since", "last week"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr
