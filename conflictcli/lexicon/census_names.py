"""How common a word is as an American given name or surname: the US Census 1990 name frequency lists shipped
by the `names` package (public-domain data, MIT package). Lets other stages tell "Warren" or "Levi" standing
alone from a town of that name. Data only: no spaCy.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

COMMON_SHARE = 0.01  # percent of people bearing the name: one in ten thousand or more is a common name


def frequencies(list_name: str, at_least: float = 0.0) -> dict[str, float]:
    """Name -> percentage of people bearing it, from one Census list of the package ("MARY 2.629 2.629 1"):
    dist.male.first, dist.female.first or dist.all.last; only the names borne by `at_least` percent or more
    (the lists run from the most frequent name down, so reading stops at the first rarer one)."""
    out: dict[str, float] = {}
    for line in _lines(list_name):
        fields = line.split()
        if len(fields) >= 2:
            share = float(fields[1])
            if share < at_least:
                break
            out[fields[0].lower()] = share
    return out


def names_in(list_name: str) -> frozenset[str]:
    """Every name of one Census list, lowercased (its first column only: the 88,799 surnames read fast)."""
    return frozenset(line.split(None, 1)[0].lower() for line in _lines(list_name) if line.strip())


def _lines(list_name: str) -> list[str]:
    return resources.files("names").joinpath(list_name).read_text(encoding="ascii").splitlines()


@lru_cache(maxsize=1)
def _common_names() -> frozenset[str]:
    """The given names and surnames borne by COMMON_SHARE of people or more (a few thousand of the lists' 94,000:
    only these are kept in memory)."""
    return frozenset(name for list_name in ("dist.male.first", "dist.female.first", "dist.all.last")
                     for name in frequencies(list_name, at_least=COMMON_SHARE))


def is_common_person_name(word: str) -> bool:
    """Whether `word` is a common given name or surname (COMMON_SHARE of people or more)."""
    return word.lower() in _common_names()
