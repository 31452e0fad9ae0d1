"""Results stream out in input order while later sources are still unread, with one process or several."""
from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
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


@pytest.mark.parametrize("fmt", ["table", "csv"])  # jsonl: test_head_1_returns_before_later_sources_are_read
def test_a_reader_that_has_gone_is_not_an_error(fmt):
    """`... -f table | head -1`: once the reader has gone, every format ends quietly with 0. The read end is
    closed before the first write, so the write fails whatever the timing."""
    proc = subprocess.Popen(CLI + ["analyze", str(ARTICLE), "-f", fmt], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    assert proc.wait(timeout=120) == 0
    assert proc.stderr.read() == b""


def process_group(pgid: int) -> list[int]:
    """The live processes (zombies excluded) of a process group, from /proc."""
    members = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                members.append(int(entry))
    return members


@pytest.mark.parametrize("when", ["after the first record", "while starting"])
def test_ctrl_c_with_jobs_2_is_one_line_exit_130_and_nothing_left(tmp_path, when):
    """Ctrl-C as a terminal sends it: SIGINT to the whole process group (parent, fork server, workers). Enough
    articles that a quiet, fast machine is still at work when the signal comes."""
    sources = short_articles(tmp_path, 400)
    proc = subprocess.Popen(CLI + ["analyze", *sources, "-f", "jsonl", "--jobs", "2"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    lines: list[bytes] = []
    first = threading.Event()

    def read_all() -> None:
        for line in proc.stdout:
            lines.append(line)
            first.set()

    reader = threading.Thread(target=read_all, daemon=True)
    reader.start()
    try:
        if when == "after the first record":
            assert first.wait(timeout=120), "no record within the timeout"
        else:
            time.sleep(1.5)  # the fork server is importing spaCy, the workers are loading the model
        os.killpg(proc.pid, signal.SIGINT)
        assert proc.wait(timeout=30) == 130
        deadline = time.monotonic() + 1.0
        while process_group(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert process_group(proc.pid) == []  # (a process left would also hold the pipes below open)
        reader.join(timeout=10)
        assert proc.stderr.read().decode() == "conflictcli: interrupted\n"
        assert all(line.endswith(b"\n") and json.loads(line)["error"] is None for line in lines)
        assert len(lines) < len(sources)  # it did stop early
    finally:
        if proc.poll() is None:
            proc.kill()
        for pid in process_group(proc.pid):
            os.kill(pid, signal.SIGKILL)


def test_analyze_many_in_a_script_without_the_main_guard_says_why(tmp_path):
    """Every worker imports the caller's main script; one without `if __name__ == "__main__":` would run
    again there. The error names that cause, not a worker that "died (out of memory?)"."""
    script = tmp_path / "unguarded.py"
    script.write_text("import conflictcli\n"
                      f"for article in conflictcli.analyze_many([{str(ARTICLE)!r}] * 3, jobs=2):\n"
                      "    print(article.title)\n")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert 'SourceError: analyze_many(jobs=N) ran again inside a worker process' in result.stderr
    assert '`if __name__ == "__main__":`' in result.stderr
    assert "out of memory" not in result.stderr
    guarded = tmp_path / "guarded.py"
    guarded.write_text("import conflictcli\n\nif __name__ == '__main__':\n"
                       f"    for article in conflictcli.analyze_many([{str(ARTICLE)!r}] * 3, jobs=2):\n"
                       "        print(article.title)\n")
    result = subprocess.run([sys.executable, str(guarded)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Syria: Iraqi militias provide Assad support"] * 3


def invented_articles(count: int, seed: int) -> list[str]:
    """Articles full of names the model has never seen (every new word grows spaCy's string store)."""
    import random

    rng = random.Random(seed)

    def name() -> str:
        return "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(4)).capitalize()

    return [f"{name()} talks stall\n\n" + " ".join(
        f'"We will not retreat," {name()} {name()}, a commander of the {name()} Brigade, told reporters in {name()} '
        f"on Monday, as {name()} forces shelled the outskirts of Aleppo." for _ in range(6)) for _ in range(count)]


def test_a_long_stream_does_not_grow_the_string_store_and_reads_the_same():
    """Each batch is parsed in spaCy's memory zone: new words are freed after it, while what the stages
    kept (names, offsets, texts) stays right, and the attribute ruler's cache, filled in earlier zones, still
    gives the same analysis."""
    from conflictcli.nlp import model
    from conflictcli.pipeline.analyze import prepare_text
    from conflictcli.pipeline.stages import run_nlp

    nlp = model.load(None)  # the pipeline run_nlp uses (load() without the argument is cached apart)
    list(run_nlp([prepare_text(ARTICLE.read_text())]))  # warm: the model's own strings, the place index
    before = len(nlp.vocab.strings)
    texts = invented_articles(12, seed=3)
    first = [a.to_dict() for a in run_nlp([prepare_text(t) for t in texts])]
    assert len(nlp.vocab.strings) == before
    again = [a.to_dict() for a in run_nlp([prepare_text(t) for t in texts])]
    assert again == first
    for record in first:
        assert record["error"] is None and record["actors"] and record["quotes"]
        for actor in record["actors"]:
            for mention in actor["mentions"]:
                assert record["text"][mention["start"]:mention["end"]] == mention["text"]
        for quote in record["quotes"]:
            assert record["text"][quote["start"]:quote["end"]] == quote["text"]
