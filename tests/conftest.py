"""Shared set-up for the suite: the helper modules (httpserver, corpus) importable from every test folder, a
gazetteer cache of the suite's own, so tests never build into (or depend on) the user's real cache, and one
test HTTP server (the `http_server` fixture) for every test that fetches."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))

# Set before any test imports conflictcli, and inherited by the CLI subprocesses the tests start. Kept under
# .pytest_cache so a second run does not rebuild the index.
os.environ["CONFLICTCLI_CACHE_DIR"] = str(TESTS.parent / ".pytest_cache" / "conflictcli")


@pytest.fixture(scope="session")
def http_server():
    """The real HTTP server of tests/httpserver.py on 127.0.0.1, one for the whole session."""
    from httpserver import serve

    with serve() as server:
        yield server
