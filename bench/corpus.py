"""Corpus targets (issue 15), one run, ratios against baselines measured in the same run.

    python bench/corpus.py /work/shared/eval/data [--docs 5000] [--dask-docs 400] [--warc-mb 1024]

Builds its documents at run time in a temporary folder (never in the repository): distinct short articles
assembled from the paragraphs of samples/ and of the .jsonl texts under DATA (each has its own headline,
so its content hash, hence its key, is its own). Then:

1. JSONL baseline: `analyze DOCS -f jsonl` over every document (time, client peak RSS).
2. --db killed with SIGKILL once about half the rows are stored, then run again: rows == documents, one per
   key; the second run's time against the time the remaining documents take at the baseline's rate.
   DB throughput = documents / (first + second run) against the JSONL throughput.
3. Client peak RSS: --db over 100 documents against the runs over all of them.
4. --dask local:1 against local:2 over the first --dask-docs documents.
5. A synthetic WARC of --warc-mb MB (incompressible padding, in /tmp) against one of 1/32 of it: the whole
   file is streamed, only its last records analysed (--since keeps them), peak RSS compared.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "conflictcli", "analyze"]


def paragraphs(data: Path) -> list[str]:
    found = []
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    for path in sorted(data.glob("*.jsonl")):
        texts += [json.loads(line).get("text") or "" for line in path.read_text(encoding="utf-8").splitlines()]
    for text in texts:
        found += [p.strip() for p in text.split("\n") if len(p.split()) >= 12]
    return found


def build_docs(folder: Path, count: int, data: Path) -> list[Path]:
    pool = paragraphs(data)
    rng = random.Random(15)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        body = "\n\n".join(rng.sample(pool, 3))
        path = folder / f"{i // 1000:02d}" / f"doc{i:05d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"Dispatch {i}: {' '.join(body.split()[:8])}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


class Run:
    """A CLI run with its wall time and the client's peak RSS (polled; the client is the CLI process)."""

    def __init__(self, args: list[str]) -> None:
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(CLI + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.peak = 0
        self.cpu = 0.0  # user + system seconds of the client process (less sensitive than wall time to load)
        self.stamps: list[float] = []  # when each output line arrived
        self._poller = threading.Thread(target=self._poll, daemon=True)
        self._poller.start()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for _ in self.proc.stdout:
            self.stamps.append(time.perf_counter())

    def steady_rate(self) -> float:
        """Records a second from the first record to the last: the rate once start-up is over."""
        return (len(self.stamps) - 1) / (self.stamps[-1] - self.stamps[0]) if len(self.stamps) > 1 else 0.0

    def _poll(self) -> None:
        process = psutil.Process(self.proc.pid)
        while self.proc.poll() is None:
            try:
                self.peak = max(self.peak, process.memory_info().rss)
                times = process.cpu_times()
                self.cpu = times.user + times.system
            except psutil.Error:
                return
            time.sleep(0.05)

    def wait(self) -> "Run":
        self.stderr = self.proc.stderr.read()
        self.proc.wait()
        self.seconds = time.perf_counter() - self.start
        self._poller.join()
        self._reader.join()
        return self


def rows(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT COUNT(*), COUNT(DISTINCT key) FROM articles").fetchone()


def killed_halfway(args: list[str], db: Path, total: int) -> tuple[Run, int]:
    run = Run(args)
    while run.proc.poll() is None:
        time.sleep(0.5)
        try:
            stored = rows(db)[0] if db.exists() else 0
        except sqlite3.Error:
            continue
        if stored >= total // 2:
            run.proc.send_signal(signal.SIGKILL)
            break
    run.wait()
    return run, rows(db)[0]


def mb(value: int) -> str:
    return f"{value / 2**20:.0f} MB"


def bench_db(docs: Path, count: int, work: Path) -> None:
    baseline = Run([str(docs), "-f", "jsonl"]).wait()
    rate = count / baseline.seconds
    print(f"jsonl: {count} docs in {baseline.seconds:.1f} s = {rate:.2f} docs/s ({baseline.cpu:.1f} CPU s), "
          f"peak RSS {mb(baseline.peak)}, load average {os.getloadavg()[0]:.1f}")
    db = work / "corpus.db"
    first, stored = killed_halfway([str(docs), "--db", str(db)], db, count)
    second = Run([str(docs), "--db", str(db)]).wait()
    total_rows, keys = rows(db)
    expected = (count - stored) / rate
    expected_cpu = baseline.cpu * (count - stored) / count
    print(f"--db: SIGKILL after {first.seconds:.1f} s ({first.cpu:.1f} CPU s) with {stored} rows; re-run "
          f"{second.seconds:.1f} s ({second.cpu:.1f} CPU s); the remaining {count - stored} docs at the jsonl rate: "
          f"{expected:.1f} s ({expected_cpu:.1f} CPU s): ratio {second.seconds / expected:.2f} wall, "
          f"{second.cpu / expected_cpu:.2f} CPU; load average {os.getloadavg()[0]:.1f}")
    print(f"--db: rows {total_rows}, distinct keys {keys}, documents {count}: "
          f"{'OK' if total_rows == keys == count else 'MISMATCH'}; {second.stderr.strip()}")
    db_rate = count / (first.seconds + second.seconds)
    cpu_ratio = baseline.cpu / (first.cpu + second.cpu)
    print(f"--db throughput {db_rate:.2f} docs/s = {db_rate / rate:.2f}x jsonl by wall time, {cpu_ratio:.2f}x by "
          f"CPU time (target >= 0.9)")
    writer_share(docs, work)
    small = Run([str(docs / "00" / "doc00000.txt")] + [str(p) for p in sorted((docs / "00").glob("*.txt"))[1:100]]
                + ["--db", str(work / "small.db")]).wait()
    big = max(first.peak, second.peak)
    print(f"client peak RSS: 100 docs {mb(small.peak)}, {count} docs (jsonl) {mb(baseline.peak)}, "
          f"--db runs {mb(big)}: {max(big, baseline.peak) / small.peak:.2f}x (target <= 1.2)")


def writer_share(docs: Path, work: Path, count: int = 200) -> None:
    """In one process: the CPU time the database writer adds per article, against the analysis's own."""
    from conflictcli.corpus.store import CorpusStore
    from conflictcli.pipeline.analyze import Options, analyze_many

    sources = sorted(str(p) for p in docs.rglob("*.txt"))[:count]
    started = time.process_time()
    articles = list(analyze_many(sources, Options()))
    analysis = time.process_time() - started
    store = CorpusStore(str(work / "writer.db"))
    started = time.process_time()
    for article in articles:
        store.add(article.source, article)
    store.close()
    writing = time.process_time() - started
    print(f"writer: {1000 * writing / count:.2f} ms CPU per article against {1000 * analysis / count:.1f} ms to "
          f"analyse it (model load included): the database costs {writing / analysis:.1%} of the analysis")


def bench_dask(docs: Path, count: int, work: Path) -> None:
    listing = work / "dask-sources.txt"
    paths = sorted(str(p) for p in docs.rglob("*.txt"))[:count]
    listing.write_text("\n".join(paths) + "\n")
    runs = {}
    for workers in (1, 2):
        run = runs[workers] = Run(["-i", str(listing), "-f", "jsonl", "--dask", f"local:{workers}"]).wait()
        print(f"--dask local:{workers}: {count} docs in {run.seconds:.1f} s ({count / run.seconds:.2f} docs/s; "
              f"{run.steady_rate():.2f} docs/s after the first record), client peak RSS {mb(run.peak)}, "
              f"load average {os.getloadavg()[0]:.1f}")
    print(f"--dask local:2 / local:1: {runs[1].seconds / runs[2].seconds:.2f}x wall time (cluster start-up included), "
          f"{runs[2].steady_rate() / runs[1].steady_rate():.2f}x steady rate (target >= 1.7)")


def write_warc(path: Path, megabytes: int, dated_tail: int = 10) -> int:
    sys.path.insert(0, str(ROOT / "tests" / "corpus"))
    from warcs import record

    padding_records = 0
    with open(path, "wb") as fh:
        while fh.tell() < megabytes * 2**20:
            pad = os.urandom(48_000).hex()
            page = ("<html><head><title>Old page {i}</title></head><body><!-- " + pad + " --><article><p>Archived "
                    "notice {i} about the port of Aden, filed by the correspondent.</p></article></body></html>")
            fh.write(record(padding_records, page=page.replace("{i}", str(padding_records)).replace("{", "{{")
                            .replace("}", "}}"), date="2019-01-01T00:00:00Z"))
            padding_records += 1
        for i in range(dated_tail):
            fh.write(record(i))
    return padding_records


def bench_warc(work: Path, megabytes: int) -> None:
    peaks = {}
    for size in (max(1, megabytes // 32), megabytes):
        path = Path(tempfile.gettempdir()) / f"conflictcli-bench-{size}mb.warc.gz"
        started = time.perf_counter()
        padding = write_warc(path, size)
        built = time.perf_counter() - started
        run = Run([str(path), "--since", "2024-01-01", "--db", str(work / f"warc{size}.db")]).wait()
        peaks[size] = run.peak
        print(f"WARC {mb(path.stat().st_size)} ({padding} padding records, built in {built:.0f} s): streamed in "
              f"{run.seconds:.1f} s, rows {rows(work / f'warc{size}.db')[0]}, client peak RSS {mb(run.peak)}")
        path.unlink()
    small, big = sorted(peaks)
    print(f"WARC peak RSS {mb(peaks[big])} for {big} MB vs {mb(peaks[small])} for {small} MB: "
          f"{peaks[big] / peaks[small]:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder of .jsonl files with a 'text' field (the eval texts)")
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--dask-docs", type=int, default=400)
    parser.add_argument("--warc-mb", type=int, default=1024)
    parser.add_argument("--only", choices=("db", "dask", "warc"), action="append")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="conflictcli-bench-"))
    try:
        docs = work / "docs"
        build_docs(docs, options.docs, options.data)
        print(f"{options.docs} documents in {docs}, load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs")
        only = options.only or ["db", "dask", "warc"]
        if "db" in only:
            bench_db(docs, options.docs, work)
        if "dask" in only:
            bench_dask(docs, min(options.dask_docs, options.docs), work)
        if "warc" in only:
            bench_warc(work, options.warc_mb)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
