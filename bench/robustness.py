"""Run the whole robustness corpus (bad inputs, network faults, hostile text) through the installed CLI, as
subprocesses, and count what issue 7 targets at zero:

  tracebacks, hangs past the timeout + 2 s, lost or reordered records, escape sequences reaching the terminal,
  and (a fifth count) outcomes other than expected: wrong exit code, or not exactly one stderr line naming
  the source and the reason.

The corpus is generated (tests/corpus.py) and the network faults are served by a real server on 127.0.0.1
(tests/httpserver.py). Usage:  python bench/robustness.py [--timeout 2] [--jobs 2] [--verbose]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from corpus import CAP, Case, article, bad_inputs, hostile_cases, network_cases  # noqa: E402
from httpserver import refused_url, serve  # noqa: E402

HANG_SLACK = 2.0
OUR_STYLING = re.compile(r"\x1b\[[0-9;]*m")  # rich's own colours in forced-colour table output
DANGEROUS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def command() -> list[str]:
    exe = shutil.which("conflictcli", path=str(Path(sys.executable).parent)) or shutil.which("conflictcli")
    return [exe] if exe else [sys.executable, "-m", "conflictcli"]


def run(args: list[str], env: dict | None = None, limit: float = 300) -> tuple[subprocess.CompletedProcess | None, float]:
    start = time.monotonic()
    try:
        done = subprocess.run(command() + args, capture_output=True, timeout=limit,
                              env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None, time.monotonic() - start
    return done, time.monotonic() - start


def escapes(text: str, colour: bool = False) -> int:
    return len(DANGEROUS.findall(OUR_STYLING.sub("", text) if colour else text))


def check_case(case: Case, timeout: float, baseline: float) -> dict:
    """One source through `text`: its outcome against the case's expectation."""
    done, elapsed = run(["text", case.source, "--timeout", str(timeout), "--max-bytes", str(CAP)],
                        limit=timeout + 60)
    result = {"name": case.name, "source": case.source, "elapsed": elapsed,
              "hang": done is None or elapsed - baseline > timeout + HANG_SLACK}
    if done is None:
        return {**result, "traceback": False, "escapes": 0, "wrong": True, "why": "killed after the limit"}
    out, err = done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
    lines = [line for line in err.splitlines() if ": warning: " not in line]
    if case.either:
        ok = (done.returncode == 0 and not lines) or (done.returncode == 1 and len(lines) == 1)
    elif case.error is None:
        ok = done.returncode == 0 and not lines and all(s in out for s in case.contains) \
            and not any(s in out for s in case.absent)
    else:
        ok = done.returncode == 1 and lines == [f"conflictcli: {case.source}: {case.error}"] and not out
    return {**result, "traceback": "Traceback" in out + err, "escapes": escapes(out) + escapes(err),
            "wrong": not ok, "why": f"exit {done.returncode}, stderr {err.strip()[:200]!r}"}


def check_hostile_tables(cases: list[Case]) -> int:
    """The hostile sources through every output format of `analyze`, colour forced on: escapes that got out."""
    found = 0
    for fmt in ("table", "json", "jsonl", "csv", "markdown"):
        done, _ = run(["analyze", *[c.source for c in cases], "-f", fmt],
                      env={"FORCE_COLOR": "1", "COLUMNS": "200"})
        if done is not None:
            found += escapes(done.stdout.decode("utf-8", "replace"), colour=fmt == "table")
            found += escapes(done.stderr.decode("utf-8", "replace"))
    return found


def check_batch(cases: list[Case], good: str, timeout: float, jobs: int) -> dict:
    """Every source, good ones between them, in one `analyze -f jsonl`: records lost, reordered, wrong."""
    expected = [good]
    for case in cases:
        expected += [case.source, good]
    done, elapsed = run(["analyze", *expected, "-f", "jsonl", "--timeout", str(timeout), "--max-bytes", str(CAP),
                         "--jobs", str(jobs)], limit=600)
    if done is None:
        return {"lost": len(expected), "reordered": 0, "wrong": 0, "traceback": 0, "elapsed": elapsed}
    records = []
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        try:
            records.append(json.loads(line))
        except ValueError:
            pass
    got = [r.get("source") for r in records]
    lost = sum((Counter(expected) - Counter(got)).values())
    reordered = sum(a != b for a, b in zip(expected, got)) if not lost else 0
    by_source = {case.source: case for case in cases}
    wrong = 0
    for record in records:
        case = by_source.get(record.get("source"))
        if case is None:  # the good article
            wrong += record.get("error") is not None
        elif not case.either:
            wrong += record.get("error") != (case.nlp_error or case.error)
    err = done.stderr.decode("utf-8", "replace")
    return {"lost": lost, "reordered": reordered, "wrong": wrong, "records": len(records), "sources": len(expected),
            "traceback": int("Traceback" in err), "escapes": escapes(err), "elapsed": elapsed,
            "exit": done.returncode}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--timeout", type=float, default=2.0, help="--timeout given to the CLI (seconds)")
    parser.add_argument("--jobs", type=int, default=2, help="subprocesses run at once, and --jobs of the batch")
    parser.add_argument("--verbose", action="store_true", help="one line per case")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch, serve() as server:
        directory = Path(scratch)
        good = directory / "good.txt"
        good.write_text(article())
        bad = bad_inputs(directory)
        network = network_cases(server.base, refused_url(), args.timeout)
        hostile = hostile_cases(directory)
        cases = bad + network + hostile
        _, baseline = run(["text", str(good)])

        with ThreadPoolExecutor(max(1, args.jobs)) as pool:
            results = list(pool.map(lambda c: check_case(c, args.timeout, baseline), cases))
        table_escapes = check_hostile_tables(hostile)
        batches = {jobs: check_batch(cases, str(good), args.timeout, jobs) for jobs in sorted({1, args.jobs})}

    if args.verbose:
        for r in results:
            flags = " ".join(k for k in ("traceback", "hang", "wrong") if r[k]) + (" escapes" if r["escapes"] else "")
            print(f"{r['elapsed']:6.2f}s  {r['name']:40} {flags or 'ok'}" + (f"  ({r['why']})" if flags else ""))
    print(f"corpus: {len(cases)} sources ({len(bad)} bad inputs, {len(network)} network, {len(hostile)} hostile); "
          f"--timeout {args.timeout:g} s, --max-bytes {CAP}, start-up baseline {baseline:.2f} s")
    print(f"tracebacks:                         {sum(r['traceback'] for r in results) + sum(b['traceback'] for b in batches.values())}")
    print(f"hangs past timeout + {HANG_SLACK:g} s:          {sum(r['hang'] for r in results)}"
          f"   (slowest source {max(r['elapsed'] - baseline for r in results):.2f} s after start-up)")
    print(f"escape sequences reaching terminal: {sum(r['escapes'] for r in results) + table_escapes + sum(b['escapes'] for b in batches.values())}")
    print(f"wrong exit code / stderr line:      {sum(r['wrong'] for r in results)}")
    for jobs, b in batches.items():
        print(f"batch analyze -f jsonl --jobs {jobs}: {b.get('sources')} sources -> {b.get('records')} records; "
              f"lost {b['lost']}, reordered {b['reordered']}, wrong error {b['wrong']}, exit {b.get('exit')}, "
              f"{b['elapsed']:.1f} s")
    failures = [r for r in results if r["traceback"] or r["hang"] or r["wrong"] or r["escapes"]]
    for r in failures:
        print(f"FAIL {r['name']}: {r['why']}")
    bad_batch = any(b["lost"] or b["reordered"] or b["wrong"] or b["traceback"] for b in batches.values())
    return 1 if failures or table_escapes or bad_batch else 0


if __name__ == "__main__":
    sys.exit(main())
