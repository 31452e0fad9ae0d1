#!/usr/bin/env python3
"""Actor benchmark: the founding article's gold and re3d actor mentions, scored by shared/eval/score.py.

The model is loaded once; predictions go to a temporary folder and score.py reads them (--predictions).
With --baseline, the plain-spaCy baseline (shared/eval/baseline.py) is scored on the same re3d file in the
same run, one process per document, for comparison. Third-party data is read from where it lies, never copied.

  .venv/bin/python bench/actors.py                       # gold + re3d dev
  .venv/bin/python bench/actors.py --baseline            # and the baseline
  .venv/bin/python bench/actors.py --re3d PATH --limit 10
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def predict_gold(gold_dir: Path, out: Path) -> None:
    from conflictcli.pipeline.analyze import analyze

    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        article = analyze(str((gold_dir.parent / gold["document"]).resolve()))
        (out / f"{gold_file.stem}.json").write_text(json.dumps(article.to_dict(), ensure_ascii=False), encoding="utf-8")


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


def score(args: list[str]) -> dict:
    run = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), *args, "--json"],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        raise SystemExit(run.stderr)
    return json.loads(run.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=SHARED / "gold")
    ap.add_argument("--re3d", type=Path, default=SHARED / "eval" / "data" / "re3d.dev.jsonl")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--baseline", action="store_true", help="also score shared/eval/baseline.py on re3d")
    ap.add_argument("--details", action="store_true", help="print the per-document notes")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-actors-") as tmp:
        gold_out, re3d_out = Path(tmp, "gold"), Path(tmp, "re3d")
        gold_out.mkdir()
        re3d_out.mkdir()
        predict_gold(args.gold, gold_out)
        gold = score(["--gold", str(args.gold), "--predictions", str(gold_out)])
        s = gold["summary"]
        print(f"gold: actors P={s['actors_precision']:.3f} R={s['actors_recall']:.3f} F1={s['actors_f1']:.3f} "
              f"type_accuracy={s['actor_type_accuracy']:.3f}")
        for stem, doc in gold["documents"].items():
            a = doc["actors"]
            print(f"  {stem}: missed={a['missed']} spurious={a['spurious']} duplicates={a['duplicates']}")
        predict_thirdparty(args.re3d, re3d_out, args.limit)
        limit = ["--limit", str(args.limit)] if args.limit else []
        ours = score(["--thirdparty", str(args.re3d), "--predictions", str(re3d_out), *limit])
        _print_re3d("conflictcli", ours, args.details)
    if args.baseline:
        cmd = f"{sys.executable} {SHARED / 'eval' / 'baseline.py'} {{path}}"
        base = score(["--thirdparty", str(args.re3d), "--cmd", cmd, *limit])
        _print_re3d("baseline", base, False)
        delta = ours["summary"]["re3d"]["actor_mention_f1"] - base["summary"]["re3d"]["actor_mention_f1"]
        print(f"re3d actor_mention_f1 gain over baseline: {delta:+.3f}")
    return 0


def _print_re3d(label: str, result: dict, details: bool) -> None:
    s = result["summary"]["re3d"]
    print(f"re3d {label}: P={s['actor_mention_precision']:.3f} R={s['actor_mention_recall']:.3f} "
          f"F1={s['actor_mention_f1']:.3f} named_recall={s['actor_named_recall']:.3f} docs={s['docs']}")
    if details:
        for doc_id, doc in result["documents"]["re3d"].items():
            print(f"  {doc_id}: missed={doc.get('missed')}\n    spurious={doc.get('spurious')}")


if __name__ == "__main__":
    sys.exit(main())
