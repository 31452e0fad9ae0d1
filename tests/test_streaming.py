"""Results stream out in input order while later sources are still unread, with one process or several."""
from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = Path(__file__).resolve().parent.parent / "samples" / "syria-iraqi-militias.txt"
CLI = [sys.executable, "-m", "conflictcli"]


def short_articles(folder: Path, count: int) -> list[str]:
    paths = []
    for i in range(count):
        path = folder / f"article{i}.txt"
        path.write_text(f"Story number {i}\n\nThe ministry in Damascus said on Monday that talks with Turkey "
                        f"would resume. \"We are ready,\" Foreign Minister Ali Haddad {i} told Reuters.\n")
        paths.append(str(path))
    return paths


def read_line(proc: subprocess.Popen, timeout: float) -> bytes:
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, "no record within the timeout"
    return proc.stdout.readline()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_head_1_returns_before_later_sources_are_read(tmp_path, jobs):
    """Like `conflictcli analyze -i list -f jsonl | head -1`. Source 400 is a FIFO nobody writes to: a run
    that reads the whole list ahead (rather than a bounded window) blocks on it and never exits."""
    fifo = tmp_path / "never-written.fifo"
    os.mkfifo(fifo)
    sources = [str(ARTICLE)] * 400 + [str(fifo)] + [str(ARTICLE)] * 100
    listing = tmp_path / "sources.txt"
    listing.write_text("\n".join(sources) + "\n")
    proc = subprocess.Popen(CLI + ["analyze", "-i", str(listing), "-f", "jsonl", "--jobs", jobs],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        first = json.loads(read_line(proc, timeout=120))
        assert first["source"] == str(ARTICLE) and first["error"] is None
        proc.stdout.close()  # what `head -1` does after its line
        assert proc.wait(timeout=120) == 0
        assert b"Traceback" not in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_jobs_2_keeps_input_order_and_every_record(tmp_path):
    sources = short_articles(tmp_path, 9)
    sources.insert(4, str(tmp_path / "missing.txt"))
    result = subprocess.run(CLI + ["analyze", *sources, "-f", "jsonl", "--jobs", "2"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1  # the missing file fails, the others do not
    records = [json.loads(row) for row in result.stdout.splitlines()]
    assert [r["source"] for r in records] == sources
    assert [r["title"] for r in records if r["error"] is None] == [f"Story number {i}" for i in range(9)]
    assert records[4]["error"] is not None


def test_jobs_2_with_a_model_that_cannot_load_fails_with_one_line(tmp_path):
    """A worker whose model fails to load must end the run with the reason, not hang the pool."""
    sources = short_articles(tmp_path, 3)
    result = subprocess.run(CLI + ["analyze", *sources, "-f", "jsonl", "--jobs", "2", "--model", "no_such_model_x"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "cannot load spaCy model 'no_such_model_x'" in result.stderr
    assert "Traceback" not in result.stderr
