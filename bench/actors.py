#!/usr/bin/env python3
"""Actor benchmark: the article gold (both halves and all) and re3d actor mentions, conflictcli beside plain
spaCy (shared/eval/baseline.py), all scored by shared/eval/score.py in one run.

The article gold is split in two halves (files in sorted order, alternating) so that a rule written from one
half can be seen to hold on the other. Plain spaCy reads the same article text conflictcli extracted (its own
input is raw text, not HTML), so the gold comparison is of the actor stage alone. The model is loaded once;
predictions go to a temporary folder and score.py reads them. Evaluation data is read where it lies, never
copied into the project.

  .venv/bin/python bench/actors.py --gold ../shared/gold --re3d ../shared/eval/data/re3d.dev.jsonl
  .venv/bin/python bench/actors.py --shared ../shared --limit 10      # the default paths under one folder
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD_KEYS = ("actors_precision", "actors_recall", "actors_f1", "actor_type_accuracy")
RE3D_KEYS = ("actor_mention_precision", "actor_mention_recall", "actor_mention_f1", "actor_named_recall")


def predict_gold(gold_files: list[Path], out: Path, texts: Path) -> None:
    """conflictcli's JSON for each gold document, and the extracted text for the baseline."""
    from conflictcli.pipeline.analyze import analyze

    for gold_file in gold_files:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        article = analyze(str((gold_file.parent.parent / gold["document"]).resolve()))
        (out / f"{gold_file.stem}.json").write_text(json.dumps(article.to_dict(), ensure_ascii=False),
                                                    encoding="utf-8")
        (texts / f"{gold_file.stem}.txt").write_text(article.text or "", encoding="utf-8")


def predict_thirdparty(path: Path, out: Path, limit: int | None) -> None:
    from conflictcli.pipeline.analyze import analyze

    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()][:limit]
    for doc in docs:
        src = out / f"{doc['id']}.txt"
        with open(src, "w", encoding="utf-8", newline="") as f:
            f.write(doc["text"])
        article = analyze(str(src))
        (out / f"{doc['id']}.json").write_text(json.dumps(article.to_dict(), ensure_ascii=False), encoding="utf-8")


def baseline_gold(texts: Path, out: Path, baseline: Path) -> None:
    """Plain spaCy over the same extracted texts, one process per document as the baseline script is."""
    for txt in sorted(texts.glob("*.txt")):
        run = subprocess.run([sys.executable, str(baseline), str(txt)], capture_output=True, text=True, check=True)
        (out / f"{txt.stem}.json").write_text(run.stdout, encoding="utf-8")


def score(score_py: Path, args: list[str]) -> dict:
    run = subprocess.run([sys.executable, str(score_py), *args, "--json"], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        raise SystemExit(f"bench/actors.py: score.py failed: {run.stderr.strip()[-500:]}")
    return json.loads(run.stdout)


def gold_summary(score_py: Path, files: list[Path], predictions: Path) -> dict:
    args = [a for f in files for a in ("--gold", str(f))]
    return score(score_py, [*args, "--predictions", str(predictions)])


def print_gold(label: str, result: dict) -> None:
    s = result["summary"]
    print(f"  {label:<36}" + "  ".join(f"{k.replace('actors_', '')}={s[k]:.3f}" for k in GOLD_KEYS))


def print_re3d(label: str, result: dict) -> None:
    s = result["summary"]["re3d"]
    print(f"  {label:<36}" + "  ".join(f"{k.replace('actor_', '')}={s[k]:.3f}" for k in RE3D_KEYS)
          + f"  docs={s['docs']}")


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                    help="the shared folder holding gold/ and eval/ (default: ../shared beside the checkout)")
    ap.add_argument("--gold", type=Path, help="article gold folder (default: SHARED/gold)")
    ap.add_argument("--re3d", type=Path, help="re3d JSONL (default: SHARED/eval/data/re3d.dev.jsonl)")
    ap.add_argument("--limit", type=int, help="re3d documents to read (default: all)")
    ap.add_argument("--details", action="store_true", help="print each gold article's missed/spurious actors")
    args = ap.parse_args()
    args.gold = args.gold or args.shared / "gold"
    args.re3d = args.re3d or args.shared / "eval" / "data" / "re3d.dev.jsonl"
    args.score_py = args.shared / "eval" / "score.py"
    args.baseline = args.shared / "eval" / "baseline.py"
    for what, path in (("gold folder", args.gold), ("re3d file", args.re3d), ("scorer", args.score_py),
                       ("baseline", args.baseline)):
        if not path.exists():
            ap.error(f"{what} not found: {path} (give --shared, --gold or --re3d)")
    return args


def main() -> int:
    args = parse_args()
    files = sorted(args.gold.glob("*.json"))
    halves = {"all": files, "half A (1st, 3rd, ...)": files[0::2], "half B (2nd, 4th, ...)": files[1::2]}
    with tempfile.TemporaryDirectory(prefix="bench-actors-") as tmp:
        ours, base, texts, re3d_out = (Path(tmp, d) for d in ("gold", "baseline", "texts", "re3d"))
        for folder in (ours, base, texts, re3d_out):
            folder.mkdir()
        predict_gold(files, ours, texts)
        baseline_gold(texts, base, args.baseline)
        print(f"article gold ({args.gold}, {len(files)} articles):")
        for label, subset in halves.items():
            print_gold(f"conflictcli {label}", gold_summary(args.score_py, subset, ours))
            print_gold(f"plain spaCy {label}", gold_summary(args.score_py, subset, base))
        if args.details:
            for stem, doc in gold_summary(args.score_py, files, ours)["documents"].items():
                a = doc["actors"]
                print(f"    {stem}: missed={a.get('missed')} spurious={a.get('spurious')} "
                      f"duplicates={a.get('duplicates')}")
        predict_thirdparty(args.re3d, re3d_out, args.limit)
        limit = ["--limit", str(args.limit)] if args.limit else []
        print(f"re3d ({args.re3d}):")
        print_re3d("conflictcli", score(args.score_py, ["--thirdparty", str(args.re3d), "--predictions",
                                                         str(re3d_out), *limit]))
        cmd = f"{sys.executable} {args.baseline} {{path}}"
        print_re3d("plain spaCy", score(args.score_py, ["--thirdparty", str(args.re3d), "--cmd", cmd, *limit]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
