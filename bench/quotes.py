#!/usr/bin/env python3
"""Quote extraction benchmark: the founding article's gold and PolNeAR (mention level), scored by score.py.

The model is loaded once: each document goes through the real pipeline (written to a .txt file first, so the
plain-text title rule applies as it does for `conflictcli analyze PATH`), predictions are written to a temporary
folder and score.py --predictions scores them. With --baseline the plain-spaCy baseline is scored too, in the
same run, through score.py --cmd (one process per document: slow).

  .venv/bin/python bench/quotes.py --gold ../shared/gold --polnear ../shared/eval/data/polnear.dev.jsonl [--baseline]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
GOLD_METRICS = ("direct_precision", "direct_recall", "direct_f1", "direct_speaker_accuracy", "indirect_precision",
                "indirect_recall", "indirect_speaker_accuracy")
POLNEAR_METRICS = ("quote_direct_precision", "quote_direct_recall", "quote_direct_f1", "quote_indirect_recall",
                   "speaker_accuracy", "direct_attributed_recall")


def predict(paths: list[Path], out_dir: Path, names: list[str]) -> None:
    from conflictcli.pipeline.analyze import analyze_many

    for name, article in zip(names, analyze_many([str(p) for p in paths])):
        (out_dir / f"{name}.json").write_text(json.dumps(article.to_dict(), ensure_ascii=False), encoding="utf-8")


def score(args: list[str], show: bool) -> dict:
    run = subprocess.run([sys.executable, *args, "--json"], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        raise SystemExit(run.stderr)
    result = json.loads(run.stdout)
    if show:
        print(json.dumps(result, indent=1, ensure_ascii=False)[:20000])
    return result


def bench_gold(gold: Path, scorer: Path, show: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-quotes-") as tmp:
        files = sorted(gold.glob("*.json")) if gold.is_dir() else [gold]
        docs = [(gf.stem, (gf.parent.parent / json.loads(gf.read_text())["document"]).resolve()) for gf in files]
        predict([p for _, p in docs], Path(tmp), [n for n, _ in docs])
        result = score([str(scorer), "--gold", str(gold), "--predictions", tmp], show)
    summary = result["summary"]
    print("gold: " + "  ".join(f"{k}={summary[k]:.3f}" for k in GOLD_METRICS))
    for part in ("direct_quotes", "indirect_quotes"):
        for doc, parts in result["documents"].items():
            notes = {k: v for k, v in parts[part].items() if isinstance(v, list) and v}
            if notes:
                print(f"  {doc} {part}: {notes}")


def bench_polnear(data: Path, scorer: Path, limit: int | None, show: bool, baseline: bool) -> None:
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = rows[:limit] if limit else rows
    extra = ["--limit", str(limit)] if limit else []
    with tempfile.TemporaryDirectory(prefix="bench-quotes-") as tmp:
        paths = []
        for row in rows:
            path = Path(tmp) / f"{row['id']}.txt"
            path.write_text(row["text"], encoding="utf-8", newline="")
            paths.append(path)
        out = Path(tmp) / "pred"
        out.mkdir()
        predict(paths, out, [r["id"] for r in rows])
        result = score([str(scorer), "--thirdparty", str(data), "--predictions", str(out), *extra], show)
    report("conflictcli", result)
    if baseline:
        cmd = f"{sys.executable} {scorer.parent / 'baseline.py'} {{path}}"
        report("baseline", score([str(scorer), "--thirdparty", str(data), "--cmd", cmd, *extra], False))


def report(label: str, result: dict) -> None:
    metrics = result["summary"]["polnear"]
    print(f"polnear {label}: " + "  ".join(f"{k}={metrics[k]:.3f}" for k in POLNEAR_METRICS)
          + f"  gold_direct={metrics['gold_direct']} gold_indirect={metrics['gold_indirect']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, help="gold folder or file (the founding article)")
    ap.add_argument("--polnear", type=Path, help="polnear.dev.jsonl (mention-level gold)")
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL, help="folder of score.py and baseline.py")
    ap.add_argument("--limit", type=int, help="score only the first N PolNeAR documents")
    ap.add_argument("--baseline", action="store_true", help="also score the plain-spaCy baseline (slow)")
    ap.add_argument("--show", action="store_true", help="print the scorer's per-document notes")
    args = ap.parse_args()
    scorer = args.eval_dir / "score.py"
    if args.gold:
        bench_gold(args.gold, scorer, args.show)
    if args.polnear:
        bench_polnear(args.polnear, scorer, args.limit, args.show, args.baseline)


if __name__ == "__main__":
    main()
