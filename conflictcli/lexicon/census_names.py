"""How common a word is as an American given name or surname: the US Census 1990 name frequency lists shipped
by the `names` package (public-domain data, MIT package). Lets other stages tell "Warren" or "Levi" standing
alone from a town of that name. Data only: no spaCy.
"""
from __future__ import annotations

import os
from functools import lru_cache

COMMON_SHARE = 0.01  # percent of people bearing the name: one in ten thousand or more is a common name


@lru_cache(maxsize=1)
def _common_names() -> frozenset[str]:
    """The given names and surnames borne by COMMON_SHARE of people or more (a few thousand of the lists' 94,000:
    only these are kept in memory)."""
    import names

    folder = os.path.dirname(names.__file__)
    common = set()
    for file_name in ("dist.male.first", "dist.female.first", "dist.all.last"):
        with open(os.path.join(folder, file_name), encoding="ascii") as lines:
            for line in lines:
                fields = line.split()
                if len(fields) >= 2 and float(fields[1]) >= COMMON_SHARE:
                    common.add(fields[0].lower())
    return frozenset(common)


def is_common_person_name(word: str) -> bool:
    """Whether `word` is a common given name or surname (COMMON_SHARE of people or more)."""
    return word.lower() in _common_names()
