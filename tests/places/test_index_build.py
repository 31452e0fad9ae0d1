"""Building the gazetteer index: one stderr line at the start and one at the end even when stderr is not a
terminal, and temporary files a killed build left behind are removed."""
from __future__ import annotations

import os
import subprocess
import sys
import time

from conflictcli.places import index_build


def test_stale_temporary_files_are_removed_and_fresh_ones_kept(tmp_path):
    stale, fresh = tmp_path / "gazetteer-dead.tmp", tmp_path / "gazetteer-live.tmp"
    stale.write_text("x")
    fresh.write_text("x")
    old = time.time() - index_build.STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    index_build.remove_stale_temporaries(tmp_path)
    assert not stale.exists() and fresh.exists()


def test_build_says_when_it_starts_and_ends_on_a_pipe(tmp_path):
    env = {**os.environ, "CONFLICTCLI_CACHE_DIR": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", "from conflictcli.places import gazetteer; gazetteer.lookup('Kyiv')"],
                         env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 2 and "building the place index" in lines[0] and "built in" in lines[1], lines
    assert not list(tmp_path.glob("gazetteer-*.tmp"))


def test_quiet_silences_the_build_notices(monkeypatch, capsys):
    from conflictcli import QUIET_ENV
    from conflictcli.places import index_build

    monkeypatch.delenv(QUIET_ENV, raising=False)
    index_build._notice("building")
    assert capsys.readouterr().err == "conflictcli: building\n"
    monkeypatch.setenv(QUIET_ENV, "1")
    index_build._notice("building")
    assert capsys.readouterr().err == ""
