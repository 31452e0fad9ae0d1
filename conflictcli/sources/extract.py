"""Raw bytes to clean article text and metadata: trafilatura for HTML, our own rules for plain text, then the
credit lines set apart. Fills in the Document that resolve read."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from conflictcli.errors import SourceError
from conflictcli.output.terminal import safe_text
from conflictcli.sources.clean import Cleaned, clean, split_title
from conflictcli.sources.credits import split_credits
from conflictcli.sources.decode import decode_bytes
from conflictcli.sources.document import Document

MAGIC = [
    (b"%PDF", "PDF"), (b"\x89PNG", "PNG image"), (b"GIF8", "GIF image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"), (b"\x1f\x8b", "gzip archive"), (b"RIFF", "RIFF media"),
    (b"\x7fELF", "executable"), (b"OggS", "Ogg media"), (b"ID3", "MP3 audio"),
]
HTML_HINT = re.compile(rb"<(!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)
PRECISION_KEEPS = 0.5  # favor_precision sometimes drops most of an article; below this share of the default, use it
CHAR_REFERENCE = re.compile(r"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});?")
WORD = re.compile(r"[^\W\d_]{2,}")
SENTENCE_END = re.compile(r"[.!?…\"”»)]\s*$")
BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")  # never in text; ESC is hostile text, not binary
LARGE_REMOVAL_SHARE = 0.25  # the boilerplate rules removing more than this share of the words is worth a warning
LARGE_REMOVAL_WORDS = 100  # ... when it is at least this many words


def drop_control_references(html: str) -> str:
    """Remove character references to control characters (&#27; is ESC): the parser chokes on them and
    loses the whole page, and they would bring back the escape sequences removed from the raw text."""
    def replace(match: re.Match) -> str:
        digits = match.group(1)
        code = int(digits[1:], 16) if digits[0] in "xX" else int(digits)
        return "" if (code < 32 and code not in (9, 10, 13)) or code == 127 else match.group(0)
    return CHAR_REFERENCE.sub(replace, html)


def looks_like_html(doc: Document, text: str) -> bool:
    if doc.content_type in ("text/html", "application/xhtml+xml"):
        return True
    return bool(HTML_HINT.search(text[:4096].encode("utf-8", "replace")))


def extract(doc: Document) -> Document:
    """Decide HTML or text from the content, extract, clean, set credits apart; fills in `doc` and returns it.
    Raises SourceError when nothing is left."""
    head = doc.data[:16]
    for magic, kind in MAGIC:
        if head.startswith(magic):
            raise SourceError(f"binary content ({kind}), not an article")
    text = decode_bytes(doc.data, doc.charset)
    sample = text[:65536]
    if len(BINARY_CONTROL.findall(sample)) > max(8, len(sample) // 50):
        raise SourceError("binary content, not an article")
    text = safe_text(text.replace("\r\n", "\n").replace("\r", "\n"))  # no escape or control characters
    if not text.strip():
        raise SourceError("empty input")
    if looks_like_html(doc, text):
        cleaned = _from_html(doc, drop_control_references(text))
    else:
        cleaned = _from_text(doc, text)
    doc.text, doc.credits, byline = split_credits(cleaned.text)
    doc.author = doc.author or byline
    if not doc.text.strip():
        raise SourceError("no article text found")
    _warn_of_large_removal(doc, cleaned)
    return doc


def _warn_of_large_removal(doc: Document, cleaned: Cleaned) -> None:
    removed = cleaned.words_removed
    if removed >= LARGE_REMOVAL_WORDS and removed > LARGE_REMOVAL_SHARE * cleaned.words_in:
        rules = ", ".join(name for name, _ in cleaned.removed.most_common(3))
        doc.warnings.append(f"boilerplate rules removed {removed} of {cleaned.words_in} words "
                            f"({removed / cleaned.words_in:.0%}; mostly {rules}): check with `conflictcli text`")


def _from_text(doc: Document, text: str) -> Cleaned:
    doc.title, body = split_title(text)
    return clean(body, doc.title)


def _from_html(doc: Document, html: str) -> Cleaned:
    body, meta = html_body(html, doc.url)
    doc.is_html = True
    doc.title = (meta.title or "").strip() or None
    doc.site = meta.sitename or (urlsplit(doc.url).hostname if doc.url else None)
    doc.author, doc.date, doc.url = meta.author, meta.date, meta.url or doc.url
    cleaned = clean(body, doc.title)
    if not has_prose(cleaned.text):
        raise SourceError("no article text found in the HTML (only navigation or labels)")
    return cleaned


def html_body(html: str, url: str | None):
    """trafilatura's text of the page (before our rules) and its metadata: precision mode, unless that lost most
    of what the default mode finds."""
    precise = _trafilatura(html, url, favor_precision=True, with_metadata=True)
    default = _trafilatura(html, url, with_metadata=precise is None)
    if precise is None and default is None:
        raise SourceError("no article text found in the HTML")
    return pick_body(precise.text if precise else "", default.text if default else ""), precise or default


def has_prose(text: str) -> bool:
    """At least one line that reads like a sentence, not a menu ("Home / World / Politics / About us")."""
    for line in text.splitlines():
        words = WORD.findall(line)
        if len(words) >= 8 or (len(words) >= 4 and SENTENCE_END.search(line)):
            return True
    return False


def pick_body(precise: str, default: str) -> str:
    """The precision-mode text, unless it kept less than PRECISION_KEEPS of what the default mode found."""
    return default if len(precise) < PRECISION_KEEPS * len(default) else precise


def _trafilatura(html: str, url: str | None, **options):
    """One trafilatura pass (comments excluded, tables kept), or None when it finds no text or chokes."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, include_comments=False, include_tables=True, **options)
    except Exception:  # lxml and trafilatura raise many kinds on broken markup; that page just has no text
        return None
    return doc if doc is not None and (doc.text or "").strip() else None
