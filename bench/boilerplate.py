#!/usr/bin/env python3
"""Boilerplate benchmark: `conflictcli text` against trafilatura's default extraction, scored in the same run.

Both are scored by the shared evaluation script (its path is the first argument; the pages stay where it keeps
them, never in this repository), one process per page, with the same options:

  python bench/boilerplate.py ../shared/eval/boilerplate.py --jobs 2
  python bench/boilerplate.py ../shared/eval/boilerplate.py --jobs 2 --dataset aeb --limit 20

Options after the script path are passed on to it (--manifest, --dataset, --limit, --conflict-only, --jobs...).
Prints precision / recall / F1 per dataset for both, over all pages and over each half of them (half A and
half B, fixed by a hash of the page id): a rule written from pages of one half must also help on the other, so a
gain that shows in one half only is a rule fitted to its examples. Exits 1 when our F1 over all pages is below
the baseline's on a dataset.
The baseline is trafilatura.extract(page bytes, include_comments=False), as in the evaluation's anchors;
`python bench/boilerplate.py --baseline PAGE` runs just that on one page (it is the baseline's command).

  python bench/boilerplate.py --rules ../shared/eval/boilerplate.py

audits the rules instead: every line each rule drops from trafilatura's text of the dev pages, judged against
the gold (in the aeb body or a "with" snippet: article, so the drop was wrong; else chrome), per half. A rule
that drops chrome in one half only, or article text anywhere, was fitted to the pages it was written from.
"""
from __future__ import annotations

import hashlib
import importlib.util
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


def half(page_id: str) -> str:
    """"A" or "B": a fixed split of the pages that does not depend on their order or on the data set."""
    return "AB"[hashlib.sha256(page_id.encode("utf-8")).digest()[0] % 2]


def load_evaluator(path: str):
    """The evaluation script as a module, so the halves are totalled by its own scoring code."""
    spec = importlib.util.spec_from_file_location("boilerplate_eval", path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load the evaluation script {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(evaluator: str, command: str, passthrough: list[str]) -> dict:
    """Totals per (dataset, part) from one run of the evaluation script; part is "all", "A" or "B"."""
    run = subprocess.run([sys.executable, evaluator, "--cmd", command, "--json", *passthrough],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"{evaluator} failed ({run.returncode}): {run.stderr.strip()}")
    records = json.loads(run.stdout)["pages"]
    module = load_evaluator(evaluator)
    totals = {}
    for dataset in sorted({r["dataset"] for r in records}):
        pages = [r for r in records if r["dataset"] == dataset]
        for part in ("all", "A", "B"):
            chosen = [r for r in pages if part == "all" or half(r["id"]) == part]
            if chosen:
                totals[dataset, part] = module.totals_for(chosen, dataset, False)
    return totals


def judge(module, page: dict, line: str) -> str:
    """"article" when the dropped line is gold article text, else "chrome"."""
    words = " ".join(module.tokenize(line))
    if not words:
        return "chrome"
    if page["dataset"] == "aeb":
        return "article" if words in " ".join(module.tokenize(page["body"])) else "chrome"
    snippets = [" ".join(module.tokenize(s)) for s in page["with"]]
    return "article" if any(s and (s in words or words in s) for s in snippets) else "chrome"


def audit_rules(evaluator: str) -> int:
    import gzip
    from collections import Counter

    from conflictcli.errors import SourceError
    from conflictcli.sources.clean import clean
    from conflictcli.sources.decode import decode_bytes
    from conflictcli.sources.extract import drop_control_references, html_body

    module = load_evaluator(evaluator)
    counts: Counter = Counter()
    for page in module.load_pages([module.DEFAULT_MANIFEST]):
        data = page["file"].read_bytes()
        html = decode_bytes(gzip.decompress(data) if page["html"].endswith(".gz") else data)
        try:
            body, meta = html_body(drop_control_references(html), page.get("url"))
        except SourceError:
            continue
        for rule, line in clean(body, meta.title).dropped:
            counts[rule, half(page["id"]), judge(module, page, line)] += 1
    print(f"{'rule':<24} {'A chrome':>9} {'A article':>9} {'B chrome':>9} {'B article':>9}")
    for rule in sorted({key[0] for key in counts}):
        row = [counts[rule, part, verdict] for part in "AB" for verdict in ("chrome", "article")]
        print(f"{rule:<24} " + " ".join(f"{n:>9}" for n in row))
    return 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--baseline":
        baseline_extract(argv[1])
        return 0
    if len(argv) == 2 and argv[0] == "--rules":
        return audit_rules(argv[1])
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    evaluator, passthrough = argv[0], argv[1:]
    python = shlex.quote(sys.executable)
    ours = score(evaluator, f"{python} -m conflictcli text {{path}}", passthrough)
    base = score(evaluator, f"{python} {shlex.quote(__file__)} --baseline {{path}}", passthrough)
    print(f"{'dataset':<12} {'pages':<6} {'metric':<10} {'conflictcli':>11} {'trafilatura':>11} {'delta':>7}")
    behind = []
    for (dataset, part), totals in ours.items():
        theirs = base[dataset, part]
        for metric in METRICS:
            delta = totals[metric] - theirs[metric]
            print(f"{dataset:<12} {part:<6} {metric:<10} {totals[metric]:>11.3f} {theirs[metric]:>11.3f} {delta:>+7.3f}")
        print(f"{'':<12} {part:<6} {'pages':<10} {totals['pages']:>11} {theirs['pages']:>11}   "
              f"empty {totals['empty']}/{theirs['empty']}, errors {totals['errors']}/{theirs['errors']}")
        if part == "all" and totals["f1"] < theirs["f1"]:
            behind.append(dataset)
    if behind:
        print("below trafilatura's default on: " + ", ".join(behind))
    return 1 if behind else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
