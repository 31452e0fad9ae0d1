"""Benchmark the places stage: toponym recognition and geocoding on GeoWebNews, the articles' gold, the conflict
toponyms list (toponyms.py), with plain spaCy's figures beside them, and the start-up cost the gazetteer adds.

The model is loaded once; only the places stage runs (find_places over the model's parse), and predictions
are written to temporary folders that ../shared/eval/score.py reads with --predictions.

    .venv/bin/python bench/places.py --shared /work/shared [--baseline] [--halves] [--limit N] [--show-errors]

--shared: the shared folder (eval/ and gold/ inside); --geowebnews and --gold override its files. --baseline also
scores eval/baseline.py (plain spaCy, one process per document) on GeoWebNews in the same run (it takes one
path, so the toponyms list, which runs `analyze -i LIST`, has no baseline line). Third-party data is read from
the path given, never copied. The project's own lists of other towns, spellings and sentence shapes
(bench/data/README.md) also go through toponyms.py, so rules that only fit the dev lists show.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EVAL = Path("eval")  # set from --shared in main()


def startup_ms(runs: int = 7) -> tuple[float, float]:
    """Median (wall, CPU) milliseconds the gazetteer adds to a fresh `conflictcli analyze` process (which has
    imported the package and its models already): import it, open the index, look up a first name. CPU time
    is the steadier figure on a busy machine."""
    code = ("import time, conflictcli.models; t, c = time.perf_counter(), time.process_time(); "
            "from conflictcli.places import gazetteer; gazetteer.lookup('Aleppo'); "
            "print((time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000)")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)  # builds the index if needed
    runs_out = [subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
                for _ in range(runs)]
    return statistics.median(float(w) for w, _ in runs_out), statistics.median(float(c) for _, c in runs_out)


def predict(nlp, text: str) -> dict:
    from conflictcli.places.find import find_places

    doc = nlp(text)
    return {"title": None, "text": text, "actors": [], "quotes": [],
            "places": [p.to_dict() for p in find_places(doc)]}


def score(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, str(EVAL / "score.py"), *args, "--json"], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(out.stderr)
    return json.loads(out.stdout)


def run_geowebnews(nlp, path: Path, limit: int | None, show: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        docs = docs[:limit] if limit else docs
        started = time.perf_counter()
        for doc in docs:
            (Path(tmp) / f"{doc['id']}.json").write_text(json.dumps(predict(nlp, doc["text"])), encoding="utf-8")
        elapsed = time.perf_counter() - started
        extra = ["--limit", str(limit)] if limit else []
        result = score(["--thirdparty", str(path), "--predictions", tmp, *extra])
    if show:
        for doc_id, notes in result["documents"]["geowebnews"].items():
            print(doc_id, json.dumps({k: v for k, v in notes.items() if k != "counts"}, ensure_ascii=False))
    return {"seconds_per_doc": elapsed / max(1, len(docs)), **_totals(result)}


def _totals(result: dict) -> dict:
    return result["summary"]["geowebnews"]


def run_gold(nlp, gold_dir: Path, show: bool) -> dict:
    from conflictcli.pipeline.analyze import Options, prepare

    with tempfile.TemporaryDirectory() as tmp:
        for gold_file in sorted(gold_dir.glob("*.json")):
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            article = prepare(str(gold_dir.parent / gold["document"]) if "document" in gold else "", Options())
            (Path(tmp) / gold_file.name).write_text(json.dumps(predict(nlp, article.text)), encoding="utf-8")
        result = score(["--gold", str(gold_dir), "--predictions", tmp])
    summary = {k: v for k, v in result["summary"].items() if k.startswith(("places", "geocode"))}
    if show:
        for name, notes in result["documents"].items():
            print(name, json.dumps(notes["places"], ensure_ascii=False))
    return summary


def run_toponyms(cmd: str, places: Path | None = None, templates: Path | None = None) -> str:
    """The conflict toponyms list through the CLI: toponyms.py's summary line."""
    extra = (["--places", str(places)] if places else []) + (["--templates", str(templates)] if templates else [])
    out = subprocess.run([sys.executable, str(EVAL / "toponyms.py"), "--cmd", cmd, *extra], capture_output=True,
                         text=True)
    return (out.stdout.strip().splitlines() or [out.stderr.strip()])[-1]


OWN = Path(__file__).resolve().parent / "data"  # the project's own towns, spellings and sentence shapes


def run_own_lists(cmd: str) -> None:
    """The project's own lists (bench/data/README.md) through toponyms.py, three rounds, each town in another of
    the sentence shapes each round: places and shapes that no dev list holds."""
    sentences = (OWN / "news_sentences.txt").read_text(encoding="utf-8").splitlines()
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("conflict_towns.json", "conflict_spellings.json"):
            for shift in (0, 10, 20):
                templates = Path(tmp) / f"sentences-{shift}.txt"
                templates.write_text("\n".join(sentences[shift:] + sentences[:shift]) + "\n", encoding="utf-8")
                print(f"own {name}, sentences from {shift + 1}:", run_toponyms(cmd, OWN / name, templates))


def run_halves(nlp, cmd: str, geowebnews: Path) -> None:
    """Every figure on two halves of each dev set (odd and even items), written to a temporary folder: a rule
    that only fits the examples it was written from shows as a gap between the halves."""
    toponyms = json.loads((EVAL / "data" / "conflict-places.dev.json").read_text(encoding="utf-8"))
    docs = [line for line in geowebnews.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        for half in (0, 1):
            places = Path(tmp) / f"places-{half}.json"
            places.write_text(json.dumps(toponyms[half::2]), encoding="utf-8")
            print(f"conflict toponyms, half {half + 1}:", run_toponyms(cmd, places))
            part = Path(tmp) / f"geowebnews-{half}.jsonl"
            part.write_text("\n".join(docs[half::2]) + "\n", encoding="utf-8")
            result = run_geowebnews(nlp, part, None, False)
            print(f"geowebnews, half {half + 1}:", json.dumps({k: round(v, 3) if isinstance(v, float) else v
                                                               for k, v in result.items()}))


def main() -> None:
    global EVAL
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, required=True, help="the shared folder holding eval/ and gold/")
    parser.add_argument("--geowebnews", type=Path)
    parser.add_argument("--gold", type=Path)
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--halves", action="store_true", help="also report each dev set's two halves")
    args = parser.parse_args()
    EVAL = args.shared / "eval"
    if not (EVAL / "score.py").exists():
        sys.exit(f"bench/places.py: no eval/score.py under {args.shared} (give the shared folder with --shared)")
    args.geowebnews = args.geowebnews or EVAL / "data" / "geowebnews.dev.jsonl"
    args.gold = args.gold or args.shared / "gold"

    from conflictcli.nlp import model as nlp_module

    wall, cpu = startup_ms()
    print(f"gazetteer start-up (import + open + first lookup, index built): {wall:.1f} ms wall, {cpu:.1f} ms CPU")
    cli = str(Path(sys.executable).parent / "conflictcli")
    print("conflict toponyms (conflictcli):", run_toponyms(cli))
    run_own_lists(cli)
    nlp = nlp_module.load()
    print("gold (conflictcli places):", json.dumps(run_gold(nlp, args.gold, args.show_errors)))
    print("geowebnews (conflictcli places):", json.dumps(run_geowebnews(nlp, args.geowebnews, args.limit,
                                                                          args.show_errors)))
    if args.baseline:
        cmd = f"{sys.executable} {EVAL / 'baseline.py'} {{path}}"
        extra = ["--limit", str(args.limit)] if args.limit else []
        result = score(["--thirdparty", str(args.geowebnews), "--cmd", cmd, "--jobs", "2", *extra])
        print("geowebnews (plain spaCy baseline):", json.dumps(_totals(result)))
    if args.halves:
        run_halves(nlp, cli, args.geowebnews)


if __name__ == "__main__":
    main()
