#!/usr/bin/env python3
"""Boilerplate benchmark: `conflictcli text` against trafilatura's default extraction, scored in the same run.

Both are scored by the shared evaluation script (its path is the first argument; the pages stay where it keeps
them, never in this repository), one process per page, with the same options:

  python bench/boilerplate.py ../shared/eval/boilerplate.py --jobs 2
  python bench/boilerplate.py ../shared/eval/boilerplate.py --jobs 2 --dataset aeb --limit 20

Options after the script path are passed on to it (--manifest, --dataset, --limit, --conflict-only, --jobs...).
Prints precision / recall / F1 per dataset for both, and exits 1 when our F1 is below the baseline's anywhere.
The baseline is trafilatura.extract(page bytes, include_comments=False), as in the evaluation's anchors;
`python bench/boilerplate.py --baseline PAGE` runs just that on one page (it is the baseline's command).
"""
from __future__ import annotations

import json
import shlex
import subprocess
import sys

METRICS = ("precision", "recall", "f1")


def baseline_extract(path: str) -> None:
    import trafilatura

    with open(path, "rb") as page:
        text = trafilatura.extract(page.read(), include_comments=False)
    sys.stdout.write((text or "") + "\n")


def score(evaluator: str, command: str, passthrough: list[str]) -> dict:
    """Totals per dataset from one run of the evaluation script."""
    run = subprocess.run([sys.executable, evaluator, "--cmd", command, "--json", *passthrough],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"{evaluator} failed ({run.returncode}): {run.stderr.strip()}")
    return json.loads(run.stdout)["datasets"]


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--baseline":
        baseline_extract(argv[1])
        return 0
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    evaluator, passthrough = argv[0], argv[1:]
    python = shlex.quote(sys.executable)
    ours = score(evaluator, f"{python} -m conflictcli text {{path}}", passthrough)
    base = score(evaluator, f"{python} {shlex.quote(__file__)} --baseline {{path}}", passthrough)
    print(f"{'dataset':<12} {'metric':<10} {'conflictcli':>11} {'trafilatura':>11} {'delta':>7}")
    behind = []
    for dataset, totals in ours.items():
        for metric in METRICS:
            delta = totals[metric] - base[dataset][metric]
            print(f"{dataset:<12} {metric:<10} {totals[metric]:>11.3f} {base[dataset][metric]:>11.3f} {delta:>+7.3f}")
        print(f"{'':<12} {'pages':<10} {totals['pages']:>11} {base[dataset]['pages']:>11}   "
              f"empty {totals['empty']}/{base[dataset]['empty']}, errors {totals['errors']}/{base[dataset]['errors']}")
        if totals["f1"] < base[dataset]["f1"]:
            behind.append(dataset)
    if behind:
        print("below trafilatura's default on: " + ", ".join(behind))
    return 1 if behind else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
