"""The record recognition hands on (a Span: a name in the text that may be a place, with its readings), the
one test of what is no name at all (a run of generic geographic words) and that of a country's abbreviation.
Shared by recognise.py and the modules it calls for names inside other names (embedded.py), and read by
facilities.py, so that none of them imports another.
"""
from __future__ import annotations

from dataclasses import dataclass

from conflictcli.places import gazetteer
from conflictcli.places.gazetteer import Candidate

GENERIC_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre", "center",
    "middle", "upper", "lower", "northeast", "northwest", "southeast", "southwest", "federal", "capital", "state",
    "states", "national", "coast", "island", "islands", "city", "town", "county", "district", "region", "province",
    "valley", "lake", "river", "bay", "beach", "park", "mountain", "mountains", "hills", "port", "new", "old",
    "great", "little", "big", "grand", "royal", "union", "republic", "kingdom", "and", "of", "the", "de", "la"}


@dataclass
class Span:
    """A name in the text that may be a place, with its gazetteer readings."""
    start: int
    end: int
    text: str  # as written, without a leading "the"
    core: str  # the name looked up: no direction word, no division noun
    division: bool = False  # "X province"
    demonym: bool = False  # "Turkish" standing for Turkey
    candidates: tuple[Candidate, ...] = ()
    chosen: Candidate | None = None
    label: str = ""
    weak: bool = False  # found by the gazetteer alone: kept only if a big town or in the article's countries
    evidence: str = ""  # evidence.PLACE when the words around it say it is a place


def generic(tokens) -> bool:
    """A name made only of generic geographic words ("Central", "South", "States", "Centre"): the name of
    some province or town somewhere, but in a text almost always the common word. The curated regions
    ("Middle East", "West Bank") are names."""
    if not any(t.is_alpha for t in tokens) or not all(t.lower_ in GENERIC_WORDS or not t.is_alpha for t in tokens):
        return False
    return not any(c.exact and c.kind in gazetteer.WIDE_KINDS for c in gazetteer.lookup(tokens.text))


def country_abbreviation(tokens, candidates) -> bool:
    """ "59 billion US dollars", "the U.S. Federal Trade Commission", "T&T": a country's abbreviation in capitals,
    with or without dots, in a line not written in capitals. The lowercase word ("us") does not make it a common
    word."""
    if len(tokens) != 1:
        return False
    token = tokens[0]
    letters = token.text.replace(".", "").replace("&", "")  # "U.S.", "T&T"
    if not (letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 3):
        return False
    doc = token.doc
    if any(doc[j].is_upper and len(doc[j].text) > 3 for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc)):
        return False  # a headline in capitals ("LET US GO")
    return any(c.exact and c.kind == "country" for c in candidates)
