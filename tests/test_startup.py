"""`--help` and `--version` stay instant: they must not import spaCy, trafilatura or what those pull in."""
from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("spacy", "thinc", "trafilatura", "lxml", "numpy")


def imported_modules(*args: str) -> set[str]:
    """Top-level names of every module `python -X importtime -m conflictcli ARGS` imports."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "conflictcli", *args],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    names = set()
    for row in result.stderr.splitlines():
        if row.startswith("import time:") and "|" in row:
            names.add(row.rsplit("|", 1)[1].strip().split(".")[0])
    assert "conflictcli" in names  # importtime really reported this run's imports
    return names


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("analyze", "--help"), ("text", "--help")])
def test_startup_imports_no_heavy_library(args):
    assert not imported_modules(*args) & set(HEAVY)
