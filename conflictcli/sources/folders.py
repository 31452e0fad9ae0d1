"""A directory source means the files under it, recursively, in a stable order (sorted paths); hidden files
and folders (names starting with a dot) are left out, as `ls` and most archive tools do."""
from __future__ import annotations

import os
from collections.abc import Iterator


def walk(folder: str) -> Iterator[str]:
    """Every regular file under `folder`, depth first, entries sorted by name at each level; streaming."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk(entry.path)
        elif entry.is_file():
            yield entry.path
