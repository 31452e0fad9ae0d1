"""Facilities and sites as places: prisons, stadiums, hotels, theatres, centres, estates named where the text says
where they are ("Crossroads Correctional Center in Shelby", "the Farmers Service Centre, in Goodlands",
"Brooklyn's Barclays Center"). Such a name is one place of kind "facility" at the coordinates of the town it is in;
a later mention of the same name without the town is the same place. A facility whose town the text does not give
is left out: a place without coordinates helps no map.

Runs after resolution (find.py), because where a facility is depends on which town its neighbour was read as.
Must not look inside the name for towns (embedded.py does, with its own rules).
"""
from __future__ import annotations

import re
import zlib

from conflictcli.nlp.model import doc_text
from conflictcli.places.embedded import FACILITY_WORDS
from conflictcli.places.gazetteer import Candidate
from conflictcli.places.span import Span

FACILITY = "facility"
NAME_LABELS = {"ORG", "FAC", "PERSON", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP"}
AFTER = re.compile(r"\s*(?:,\s*)?(?:in|at)\s+|,\s*")  # "X in Y", "X, Y", "X, in Y"
POSSESSIVE = re.compile(r"['’]s\s+")  # "Y's X"
POSSESSIVE_REACH = 8  # characters before a name that may hold its possessive ("'s" and the spaces after it)
LOCATED_KINDS = ("city", "town", "province", "country", "region")
# Institutions that act and speak as often as they are places ("Al-Shifa Hospital said"): the actors stage drops
# an entity a place covers, so their names stay organisations (and the town inside them a place: embedded.py).
INSTITUTIONS = frozenset("""
    hospital clinic infirmary university college school academy institute polytechnic embassy consulate
""".split())
SITE_WORDS = FACILITY_WORDS - INSTITUTIONS
ID_BASE = 10 ** 10  # facilities' ids lie below every gazetteer id (curated regions are small negative numbers)


def located_facilities(doc, spans: list[Span]) -> list[Span]:
    """Spans of kind "facility" for the facilities the text places, with a chosen reading at their town, in text
    order. `spans` are the article's resolved places."""
    text = doc_text(doc)
    towns = [s for s in spans if s.chosen is not None and not s.demonym and s.label != "embedded"]
    by_start = {s.start: s for s in towns}  # not a place inside the next name ("X University, California State")
    by_end = {s.end: s for s in towns}
    found: list[Span] = []
    where: dict[str, Candidate] = {}
    pending = []
    for ent in doc.ents:
        name = _facility_name(ent)
        if name is None:
            continue
        start, end = name.start_char, name.end_char
        town = _town_after(text, end, by_start) or _town_before(text, start, by_end)
        if town is not None:
            where.setdefault(text[start:end], town.chosen)
        pending.append((start, end, text[start:end]))
    for start, end, written in pending:
        if (town := where.get(written)) is not None:
            site = _site(written, town)
            found.append(Span(start, end, written, written, candidates=(site,), chosen=site, label=FACILITY))
    return found


def _facility_name(ent):
    """The tokens of a facility's name in a named entity, without a leading "the", or None: a capitalised head
    noun of buildings and sites ends the name, or opens it before "of" ("University of Perpetual Help")."""
    if ent.label_ not in NAME_LABELS:
        return None
    tokens = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
    if tokens[-1].lower_ in ("'s", "’s") and len(tokens) > 1:
        tokens = tokens[:-1]
    if len(tokens) < 2 or not all(t.text[:1].isupper() or not t.is_alpha or t.lower_ in ("of", "for", "and")
                                  for t in tokens):
        return None
    last, first = tokens[-1], tokens[0]
    if last.lower_ in SITE_WORDS and last.text[:1].isupper():
        return tokens
    if first.lower_ in SITE_WORDS and tokens[1].lower_ == "of" and len(tokens) > 2:
        return tokens
    return None


def _town_after(text: str, end: int, by_start: dict[int, Span]) -> Span | None:
    """The place right after the name: "X in Y", "X, Y", "X, in Y"."""
    found = AFTER.match(text, end)
    span = by_start.get(found.end()) if found else None
    return span if span is not None and span.chosen.kind in LOCATED_KINDS else None


def _town_before(text: str, start: int, by_end: dict[int, Span]) -> Span | None:
    """The place whose possessive opens the name: "Brooklyn's Barclays Center"."""
    found = POSSESSIVE.search(text, max(0, start - POSSESSIVE_REACH), start)
    span = by_end.get(found.start()) if found and found.end() == start else None
    return span if span is not None and span.chosen.kind in LOCATED_KINDS else None


def _site(written: str, town: Candidate) -> Candidate:
    """A facility's reading: its name as written, at its town's coordinates, one id per name."""
    return Candidate(id=-(ID_BASE + zlib.crc32(written.lower().encode())), geonameid=None, name=written,
                     kind=FACILITY, country=town.country, admin1=town.admin1, lat=town.lat, lon=town.lon,
                     population=0, capital=False, exact=True)
