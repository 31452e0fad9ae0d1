"""Shared set-up for the suite: the helper modules (httpserver, corpus) importable from every test folder, and
a gazetteer cache of the suite's own, so tests never build into (or depend on) the user's real cache."""
from __future__ import annotations

import os
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))

# Set before any test imports conflictcli, and inherited by the CLI subprocesses the tests start. Kept under
# .pytest_cache so a second run does not rebuild the index.
os.environ["CONFLICTCLI_CACHE_DIR"] = str(TESTS.parent / ".pytest_cache" / "conflictcli")
