"""Short, distinct articles written at test time (each its own content, hence its own key)."""
from __future__ import annotations

from pathlib import Path

PEOPLE = ("Ali Haddad", "Mona Khalil", "Omar Saleh", "Layla Nasser")


def write_articles(folder: Path, count: int, start: int = 0) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        person = PEOPLE[i % len(PEOPLE)]
        path = folder / f"article{i:04d}.txt"
        path.write_text(f"Story number {i}\n\nThe ministry in Damascus said on Monday that talks with Turkey would "
                        f"resume in Ankara. \"We are ready,\" Foreign Minister {person} told Reuters in report {i}.\n",
                        encoding="utf-8")
        paths.append(str(path))
    return paths
