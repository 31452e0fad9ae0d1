"""Bytes to text: BOM, then the declared charset (HTTP header or <meta>), then detection. Never raises."""
from __future__ import annotations

import codecs
import re

BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        codecs.lookup(encoding)
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError, ValueError):
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode `data`, trusting in order: a BOM, the declared charset, <meta charset>, UTF-8, detection."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = _try(data, encoding)
            if text is not None:
                return text
    for encoding in (declared, _meta_charset(data), "utf-8"):
        text = _try(data, encoding)
        if text is not None:
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None:
        text = _try(data, best.encoding)
        if text is not None:
            return text
    return data.decode("utf-8", errors="replace")


def _meta_charset(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None
