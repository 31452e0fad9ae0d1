"""How common a word is as an American given name or surname: the US Census 1990 name frequency lists shipped
by the `names` package (public-domain data, MIT package). Lets other stages tell "Warren" or "Levi" standing
alone from a town of that name. Data only: no spaCy.
"""
from __future__ import annotations

import os
from functools import lru_cache

COMMON_SHARE = 0.01  # percent of people bearing the name: one in ten thousand or more is a common name


@lru_cache(maxsize=None)
def _shares(file_name: str) -> dict[str, float]:
    import names

    out: dict[str, float] = {}
    with open(os.path.join(os.path.dirname(names.__file__), file_name), encoding="ascii") as lines:
        for line in lines:
            fields = line.split()
            if len(fields) >= 2:
                out[fields[0].lower()] = max(out.get(fields[0].lower(), 0.0), float(fields[1]))
    return out


def is_common_person_name(word: str) -> bool:
    """Whether `word` is a common given name or surname (COMMON_SHARE of people or more)."""
    key = word.lower()
    return any(_shares(f).get(key, 0.0) >= COMMON_SHARE
               for f in ("dist.male.first", "dist.female.first", "dist.all.last"))
