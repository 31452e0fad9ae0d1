"""Raw bytes to clean article text and metadata: trafilatura for HTML, our own rules for plain text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .clean import clean_text, split_title
from .decode import decode_bytes
from .errors import SourceError
from .sources import RawDocument

MAGIC = [
    (b"%PDF", "PDF"), (b"\x89PNG", "PNG image"), (b"GIF8", "GIF image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"), (b"\x1f\x8b", "gzip archive"), (b"RIFF", "RIFF media"),
    (b"\x7fELF", "executable"), (b"OggS", "Ogg media"), (b"ID3", "MP3 audio"),
]
HTML_HINT = re.compile(rb"<(!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Extracted:
    text: str
    title: str | None = None
    site: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    is_html: bool = False


def looks_like_html(raw: RawDocument, text: str) -> bool:
    if raw.content_type in ("text/html", "application/xhtml+xml"):
        return True
    return bool(HTML_HINT.search(text[:4096].encode("utf-8", "replace")))


def extract(raw: RawDocument) -> Extracted:
    """Decide HTML or text from the content, extract, clean. Raises SourceError when nothing is left."""
    head = raw.data[:16]
    for magic, kind in MAGIC:
        if head.startswith(magic):
            raise SourceError(f"binary content ({kind}), not an article")
    text = decode_bytes(raw.data, raw.charset)
    if text.count("\x00") > max(8, len(text) // 100):
        raise SourceError("binary content, not an article")
    text = CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError("empty input")
    result = _from_html(text, raw.url) if looks_like_html(raw, text) else _from_text(text)
    if not result.text.strip():
        raise SourceError("no article text found")
    return result


def _from_text(text: str) -> Extracted:
    title, body = split_title(text)
    return Extracted(text=clean_text(body, title), title=title)


def _from_html(html: str, url: str | None) -> Extracted:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except (ValueError, RecursionError, TypeError):
        doc = None
    if doc is None or not (doc.text or "").strip():
        raise SourceError("no article text found in the HTML")
    title = (doc.title or "").strip() or None
    site = doc.sitename or (urlsplit(url).hostname if url else None)
    return Extracted(text=clean_text(doc.text, title), title=title, site=site, author=doc.author,
                     date=doc.date, url=doc.url or url, is_html=True)
