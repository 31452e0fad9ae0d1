#!/usr/bin/env python3
"""Quote benchmark: the article gold (shared/gold) and PolNeAR dev, each in two halves, plain spaCy beside.

The halves (documents in sorted order, alternately A and B) let a rule written from one half be checked on
the other. conflictcli runs in this process (the model is loaded once; every document goes through the real
pipeline, a PolNeAR text written to a .txt file first so the plain-text title rule applies as it does for
`conflictcli analyze PATH`); score.py --predictions scores it. The plain-spaCy baseline (eval/baseline.py: NER
plus a quotation-mark regex) runs through score.py --cmd, one process per document, in the same run.

  python3 bench/quotes.py ../shared                      # gold and PolNeAR, both halves, baseline beside
  python3 bench/quotes.py ../shared --no-baseline --show # faster, with the scorer's per-document notes
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

GOLD_METRICS = ("direct_f1", "direct_speaker_accuracy", "indirect_precision", "indirect_recall",
                "indirect_speaker_accuracy")
POLNEAR_METRICS = ("quote_direct_f1", "speaker_accuracy", "quote_indirect_precision", "quote_indirect_recall",
                   "quote_indirect_f1")


def predict(paths: list[Path], out_dir: Path, names: list[str]) -> None:
    from conflictcli.pipeline.analyze import analyze_many

    for name, article in zip(names, analyze_many([str(p) for p in paths])):
        (out_dir / f"{name}.json").write_text(json.dumps(article.to_dict(), ensure_ascii=False), encoding="utf-8")


def score(scorer: Path, args: list[str]) -> dict:
    run = subprocess.run([sys.executable, str(scorer), *args, "--json"], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        raise SystemExit(f"bench/quotes.py: score.py failed: {run.stderr.strip()[-500:]}")
    return json.loads(run.stdout)


def halves(items: list) -> dict[str, list]:
    return {"all": items, "A": items[0::2], "B": items[1::2]}


def line(label: str, metrics: dict, keys: tuple[str, ...], counts: str = "") -> str:
    return f"  {label:<22}" + "  ".join(f"{k}={metrics[k]:.3f}" for k in keys) + counts


def bench_gold(shared: Path, scorer: Path, baseline: bool, show: bool) -> None:
    gold_dir = shared / "gold"
    files = sorted(gold_dir.glob("*.json"))
    with tempfile.TemporaryDirectory(prefix="bench-quotes-") as tmp:
        docs = [(gold_dir.parent / json.loads(f.read_text(encoding="utf-8"))["document"]).resolve() for f in files]
        predict(docs, Path(tmp), [f.stem for f in files])
        print(f"gold ({len(files)} articles; A = {', '.join(f.stem for f in files[0::2])})")
        for half, chosen in halves(files).items():
            gold_args = [a for f in chosen for a in ("--gold", str(f))]
            result = score(scorer, gold_args + ["--predictions", tmp])
            print(line(f"conflictcli {half}", result["summary"], GOLD_METRICS))
            if show and half == "all":
                for doc, parts in result["documents"].items():
                    for part in ("direct_quotes", "indirect_quotes"):
                        notes = {k: v for k, v in parts[part].items() if isinstance(v, list) and v}
                        if notes:
                            print(f"    {doc} {part}: {notes}")
            if baseline:
                base = score(scorer, gold_args + ["--cmd", f"{sys.executable} {scorer.parent / 'baseline.py'} {{path}}"])
                print(line(f"plain spaCy {half}", base["summary"], GOLD_METRICS))


def bench_polnear(data: Path, scorer: Path, baseline: bool, show: bool) -> None:
    rows = [json.loads(x) for x in data.read_text(encoding="utf-8").splitlines() if x.strip()]
    rows.sort(key=lambda r: r["id"])
    with tempfile.TemporaryDirectory(prefix="bench-quotes-") as tmp:
        paths = []
        for row in rows:
            path = Path(tmp) / f"{row['id']}.txt"
            path.write_text(row["text"], encoding="utf-8", newline="")
            paths.append(path)
        out = Path(tmp) / "pred"
        out.mkdir()
        predict(paths, out, [r["id"] for r in rows])
        print(f"PolNeAR dev ({len(rows)} articles; A/B alternate in id order)")
        for half, chosen in halves(rows).items():
            subset = Path(tmp) / f"polnear-{half}.jsonl"
            subset.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), encoding="utf-8")
            result = score(scorer, ["--thirdparty", str(subset), "--predictions", str(out)])
            metrics = result["summary"]["polnear"]
            gold = f"  (gold direct {metrics['gold_direct']}, indirect {metrics['gold_indirect']})"
            print(line(f"conflictcli {half}", metrics, POLNEAR_METRICS, gold))
            if show and half == "all":
                for doc, notes in result["documents"]["polnear"].items():
                    print(f"    {doc}: {notes}")
            if baseline:
                cmd = f"{sys.executable} {scorer.parent / 'baseline.py'} {{path}}"
                base = score(scorer, ["--thirdparty", str(subset), "--cmd", cmd, "--jobs", "2"])
                print(line(f"plain spaCy {half}", base["summary"]["polnear"], POLNEAR_METRICS))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("shared", type=Path, help="the shared folder holding gold/ and eval/ (eval/score.py, "
                    "eval/baseline.py, eval/data/polnear.dev.jsonl)")
    ap.add_argument("--only", choices=("gold", "polnear"), help="run one of the two sets")
    ap.add_argument("--no-baseline", dest="baseline", action="store_false", help="skip plain spaCy (slow)")
    ap.add_argument("--show", action="store_true", help="print the scorer's per-document notes")
    args = ap.parse_args()
    scorer = args.shared / "eval" / "score.py"
    polnear = args.shared / "eval" / "data" / "polnear.dev.jsonl"
    missing = [p for p in (scorer, args.shared / "gold", polnear) if not p.exists()]
    if missing:
        ap.exit(2, f"bench/quotes.py: not found: {', '.join(map(str, missing))} (give the shared folder)\n")
    if args.only in (None, "gold"):
        bench_gold(args.shared, scorer, args.baseline, args.show)
    if args.only in (None, "polnear"):
        bench_polnear(polnear, scorer, args.baseline, args.show)


if __name__ == "__main__":
    main()
