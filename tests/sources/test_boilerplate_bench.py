"""bench/boilerplate.py reports the dev pages in two fixed halves, so a rule is seen on pages not used to write it."""
from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "boilerplate.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("boilerplate_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_halves_are_fixed_and_balanced():
    bench = load_bench()
    ids = [f"page-{n}" for n in range(2000)]
    halves = [bench.half(page_id) for page_id in ids]
    assert halves == [bench.half(page_id) for page_id in ids]  # the same split on every run and machine
    assert set(halves) == {"A", "B"} and 900 < halves.count("A") < 1100
