"""Gender of a person from a given name, for agreement with "he" and "she"; and whether a word is a name at all.

The names come from the `names` package (MIT licence), which ships the US Census Bureau's 1990 frequency
lists of given names (public-domain data: 4,275 female and 1,219 male names) and of surnames (88,799). A name on both lists takes the
gender in which it is clearly more frequent; a name near even ("Jean", "Leslie") gives no gender. No name is
added by hand: a list picked from the articles the project is evaluated on would only fit them.
"""
from __future__ import annotations

from functools import lru_cache

from conflictcli.lexicon.census_names import frequencies, names_in

CLEAR_MARGIN = 4.0  # a name on both lists counts for the gender where its frequency is this many times higher


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    female, male = frequencies("dist.female.first"), frequencies("dist.male.first")
    out: dict[str, str] = {}
    for name in female.keys() | male.keys():
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if f > m * CLEAR_MARGIN:
            out[name] = "f"
        elif m > f * CLEAR_MARGIN:
            out[name] = "m"
    return out


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return names_in("dist.all.last")


def is_known_name(word: str) -> bool:
    """Whether a word is a given name or surname on the Census lists (88,799 surnames, 5,494 given names)."""
    low = word.lower()
    return low in _genders() or low in _surnames()


def gender_of_given_name(word: str) -> str | None:
    """ "m", "f" or None for a given name ("Mary" -> "f"); case is ignored."""
    return _genders().get(word.lower())
