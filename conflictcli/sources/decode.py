"""Bytes to text: BOM, then the declared charset (HTTP header or <meta>), then UTF-8, then a guess. Never raises.

The guess is ordered by what news pages actually are: UTF-16 without a BOM shows itself by its zero bytes;
UTF-8 with a few broken bytes stays UTF-8; mostly-ASCII text with a few high bytes is Windows-1252 (accented
Latin letters), which a statistical detector gets wrong on short texts; the rest (Arabic, Cyrillic, ...) goes
to charset_normalizer.
"""
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
SAMPLE = 200_000
LATIN_SHARE = 0.2  # at most this share of high bytes: Latin-script text in a single-byte code page


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        codecs.lookup(encoding)
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError, ValueError):
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode `data`, trusting in order: a BOM, the declared charset, <meta charset>, UTF-8, then a guess."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = _try(data, encoding)
            if text is not None:
                return text
    for encoding in (declared, _meta_charset(data), _utf16_without_bom(data), "utf-8"):
        text = _try(data, encoding)
        if text is not None:
            return text
    return _guess(data)


def _guess(data: bytes) -> str:
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    valid = sum(1 for ch in lenient if ord(ch) > 127 and ch != "\ufffd")
    if valid and broken <= 2 * valid:  # valid multi-byte sequences rarely happen by chance in other encodings:
        return lenient                  # this is UTF-8 with a few damaged bytes, so keep its good characters
    high = sum(1 for byte in data[:SAMPLE] if byte > 127)
    if high <= LATIN_SHARE * min(len(data), SAMPLE):
        return _try(data, "cp1252") or data.decode("latin-1")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:SAMPLE]).best()
    text = _try(data, best.encoding) if best is not None else None
    return text if text is not None else lenient


def _utf16_without_bom(data: bytes) -> str | None:
    """utf-16-le/-be when most even (or odd) bytes are zero, as in Latin-script UTF-16 text; else None."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    half = len(sample) // 2
    zero_even = sample[0::2].count(0)
    zero_odd = sample[1::2].count(0)
    if zero_odd > 0.6 * half and zero_even < 0.05 * half:
        return "utf-16-le"
    if zero_even > 0.6 * half and zero_odd < 0.05 * half:
        return "utf-16-be"
    return None


def _meta_charset(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None
