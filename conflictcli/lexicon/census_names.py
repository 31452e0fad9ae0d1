"""How common a word is as an American given name or surname: the US Census 1990 name frequency lists shipped
by the `names` package (public-domain data, MIT package). Lets other stages tell "Warren" or "Levi" standing
alone from a town of that name. Data only: no spaCy.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

COMMON_SHARE = 0.01  # percent of people bearing the name: one in ten thousand or more is a common name


def frequencies(list_name: str) -> dict[str, float]:
    """Name -> percentage of people bearing it, from one Census list of the package ("MARY 2.629 2.629 1"):
    dist.male.first, dist.female.first or dist.all.last."""
    text = resources.files("names").joinpath(list_name).read_text(encoding="ascii")
    out: dict[str, float] = {}
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 2:
            out[fields[0].lower()] = float(fields[1])
    return out


@lru_cache(maxsize=1)
def _common_names() -> frozenset[str]:
    """The given names and surnames borne by COMMON_SHARE of people or more (a few thousand of the lists' 94,000:
    only these are kept in memory)."""
    return frozenset(name for list_name in ("dist.male.first", "dist.female.first", "dist.all.last")
                     for name, share in frequencies(list_name).items() if share >= COMMON_SHARE)


def is_common_person_name(word: str) -> bool:
    """Whether `word` is a common given name or surname (COMMON_SHARE of people or more)."""
    return word.lower() in _common_names()
