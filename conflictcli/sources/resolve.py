"""Where an article comes from: a URL, a file, or stdin. Reading starts a Document: its bytes plus what is
known of them."""
from __future__ import annotations

import re
import sys
from pathlib import Path

from conflictcli.errors import SourceError
from conflictcli.sources.document import Document
from conflictcli.sources.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, check_url, fetch
from conflictcli.sources import warc

SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
STDIN = "-"




def is_url(source: str) -> bool:
    """True for anything with a URL scheme (so bad schemes are refused, not looked up as files)."""
    match = SCHEME.match(source)
    # "C:\\..." is a Windows path, not a scheme; "Syria: Iraqi militias..." is text, not a URL; but
    # "http://exa mple.com/a b" is a (malformed) URL, refused as one rather than looked up as a file
    if not match or len(match.group(1)) < 2:
        return False
    return source[match.end():].startswith("//") or not any(c.isspace() for c in source.strip())


def read_source(source: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
                stdin_data: bytes | None = None) -> Document:
    if source == STDIN:
        data = stdin_data if stdin_data is not None else sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise SourceError(f"input exceeds the cap of {max_bytes} bytes")
        return Document(source=source, data=data)
    if is_url(source):
        check_url(source)
        return fetch(source, timeout=timeout, max_bytes=max_bytes)
    if (record := warc.parse_reference(source)) is not None:  # one record of a WARC archive: path#offset=N
        payload = warc.read_record(*record, max_bytes)
        return Document(source=source, data=payload.data, url=payload.url, charset=payload.charset,
                        content_type=payload.content_type)
    return Document(source=source, data=_read_file(Path(source), max_bytes))


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise SourceError("is a directory")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except IsADirectoryError:
        raise SourceError("is a directory") from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise SourceError(f"file exceeds the cap of {max_bytes} bytes")
    return data


def read_input_list(path: str, stdin_data: bytes | None = None) -> list[str]:
    """One source per line; blank lines and lines starting with '#' are skipped."""
    if path == STDIN:
        raw = stdin_data if stdin_data is not None else sys.stdin.buffer.read()
    else:
        raw = _read_file(Path(path), 100 * 1024 * 1024)
    from conflictcli.sources.decode import decode_bytes

    lines = (line.strip() for line in decode_bytes(raw).splitlines())
    return [line for line in lines if line and not line.startswith("#")]
