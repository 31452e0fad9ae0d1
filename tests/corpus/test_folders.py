"""A folder source means its files, recursively, sorted by name at each level, hidden ones left out; the same
for every command (text included), and an empty folder is one error line."""
from __future__ import annotations

import subprocess
import sys

from conflictcli.sources.folders import walk

CLI = [sys.executable, "-m", "conflictcli", "text"]


def story(n: int) -> str:
    return f"Story {n}\n\nThe governor of Kassala said on Sunday that refugees had crossed the border, report {n}.\n"


def test_files_in_stable_order_recursively_without_hidden_ones(tmp_path):
    for name, n in (("b/2.txt", 2), ("a.txt", 0), ("b/1.txt", 1), ("c/d/3.txt", 3), (".git/x.txt", 9),
                    ("b/.swap.txt", 8)):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(story(n))
    assert list(walk(str(tmp_path))) == [str(tmp_path / p) for p in ("a.txt", "b/1.txt", "b/2.txt", "c/d/3.txt")]
    (tmp_path / "empty").mkdir()
    result = subprocess.run(CLI + [str(tmp_path), str(tmp_path / "empty")], capture_output=True, text=True, timeout=60)
    assert [line for line in result.stdout.splitlines() if "report" in line] == \
        [f"The governor of Kassala said on Sunday that refugees had crossed the border, report {n}." for n in range(4)]
    assert result.returncode == 1
    assert result.stderr == f"conflictcli: {tmp_path / 'empty'}: a directory with no readable files under it\n"
