"""Places: every toponym in the text, geocoded offline against the GeoNames gazetteer.

Recognition: spaCy's GPE/LOC/FAC entities, plus names the model mislabels or misses, found in the
gazetteer ("Aleppo" as NORP, "Idlib" as ORG, "tal Rifaat" as PERSON), plus adjectives of place ("Turkish
forces") counted as mentions of their country. A gazetteer-only name must look like one (capitalised, a
proper noun, never written in lowercase elsewhere in the text) and be either a country, division or region,
or a town big enough, or in a country the article talks about, so that "Many", "March" or a surname stay out.

A name the gazetteer does not know is not reported: the model alone is too often wrong ("El Niño"). A
region's adjective ("Kurdish") counts only where the region is named too: it mostly names a people.

Disambiguation: each candidate's prior is its population (log), with a bonus for countries and capitals and
a malus for divisions named like their own capital (bare "Aleppo" is the city, "Hama province" the
governorate); the article's context weighs on top: the countries it names (Tripoli in a Lebanon story),
counted without the name being decided ("Georgia" among US states), and the states or provinces its other
places lie in, by their share ("McLean County" in a Kentucky story). "Athens, Georgia": a town followed by
the state or country containing one of its readings keeps only such readings, both sides.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from conflictcli.places import evidence, gazetteer
from conflictcli.places.gazetteer import Candidate
from conflictcli.models import Mention, Place
from conflictcli.nlp.model import doc_text

PLACE_LABELS = {"GPE", "LOC", "FAC"}
ORG_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
NOT_NAME_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"}
DIVISION_NOUNS = {"province", "governorate", "region", "state", "district", "county", "oblast", "prefecture"}
DIRECTION = re.compile(r"^(?:(?:north|south|east|west|central|upper|lower)(?:ern)?|"
                       r"(?:north|south)-?(?:east|west)(?:ern)?)\s+", re.IGNORECASE)
GENERIC_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre", "center",
    "middle", "upper", "lower", "northeast", "northwest", "southeast", "southwest", "federal", "capital", "state",
    "states", "national", "coast", "island", "islands", "city", "town", "county", "district", "region", "province",
    "valley", "lake", "river", "bay", "beach", "park", "mountain", "mountains", "hills", "port", "new", "old",
    "great", "little", "big", "grand", "royal", "union", "republic", "kingdom", "and", "of", "the", "de", "la"}
NAME_PREFIXES = {"tal", "tall", "tel", "tell", "al", "el", "ad", "as", "ar", "an", "at", "az", "ash"}
MAX_NAME_TOKENS = 4
TOWN_ANYWHERE = 200_000  # a town the model did not call a place is accepted from this size,
TOWN_IN_CONTEXT_NAMED = 50_000  # or from this size when the article names its country (checked when choosing),
TOWN_IN_CONTEXT = 5_000  # or from this size when written with a place prefix ("tal Rifaat")
ORG_TOWN = 20_000  # a name the model calls an organisation is a town of the article's countries from this size
TOWN_WITH_EVIDENCE = 5_000  # a town outside the article's countries, with place words around it ("fled to X")
COUNTRY_NAMED = 1.5  # context bonus for a candidate in a country the article names,
COUNTRY_SHARE = 1.0  # plus this times that country's share of the article's country mentions,
DIVISION_NAMED = 1.0  # plus this for one in a province or state where other places of the article lie,
DIVISION_SHARE = 2.0  # plus this times the share of the article's other places that lie there
DIVISION_PASSES = 2  # a name's reading moves its neighbours': settle in this many rounds


@dataclass
class _Span:
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


def find_places(doc) -> list[Place]:
    """The places of a spaCy Doc, one Place per distinct location, mentions in text order."""
    spans = _recognise(doc)
    _apply_containment(doc, spans)
    by_name = _context_countries(spans)
    countries = sum(by_name.values(), Counter())
    for span in spans:
        span.chosen = _choose(span, countries - by_name.get(_name_key(span), Counter()), Counter())
    for _ in range(DIVISION_PASSES):  # again, knowing the provinces and states the article's other places lie in
        divisions = _divisions_by_name(spans)
        for span in spans:
            key = _name_key(span)
            others = Counter(d for name, found in divisions.items() if name != key for d in found)
            named = len(divisions) - (key in divisions)
            span.chosen = _choose(span, countries - by_name.get(key, Counter()), others, named)
    spans = [s for s in spans if not s.weak or _weak_ok(s, countries)]
    named = {s.chosen.id for s in spans if not s.demonym}
    spans = [s for s in spans if not s.demonym or s.chosen.kind == "country" or s.chosen.id in named]
    return _places(_cluster(spans))


def _weak_ok(span: _Span, countries: Counter) -> bool:
    """Whether a name found by the gazetteer alone stays: in a country the article names, or with place
    evidence around it (towns of some size), or, where the model saw a name that is no person, big enough."""
    chosen = span.chosen
    if chosen.country in countries and (span.evidence != "unknown" or span.label not in ORG_LABELS
                                        or chosen.exact and chosen.population >= ORG_TOWN):
        return True  # an organisation's name is a small town only with place words around it ("Pemex")
    if span.evidence == "strong":
        return chosen.kind not in ("city", "town") or chosen.population >= TOWN_ANYWHERE
    if span.evidence == evidence.PLACE:
        return chosen.kind not in ("city", "town") or chosen.population >= TOWN_WITH_EVIDENCE
    return False


def is_known_place(text: str) -> bool:
    """Whether `text` names a country, province, region or town the gazetteer knows (one cached, indexed
    lookup; for other stages, e.g. to tell a place from an organisation)."""
    return bool(gazetteer.lookup(text))


# ---------------------------------------------------------------- recognition


def _recognise(doc) -> list[_Span]:
    spans: list[_Span] = []
    taken = [False] * len(doc)
    lowercase_words = {t.lower_ for t in doc if t.is_lower}
    person_words = {t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
                    and not gazetteer.lookup(ent.text) for t in ent if t.lower_ not in NAME_PREFIXES}
    for ent in doc.ents:
        found = _from_entity(doc, ent, lowercase_words, person_words)
        spans += found
        for i in range(ent.start, max(ent.end, _token_end(doc, found[-1].end) if found else 0)):
            taken[i] = True  # a place, or another kind of name: no place hides inside
    i = 0
    while i < len(doc):
        span, width = (None, 1) if taken[i] else _from_tokens(doc, i, lowercase_words, person_words, taken)
        if span is not None:
            spans.append(span)
        i += width
    spans.sort(key=lambda s: s.start)
    return spans


def _token_end(doc, char_end: int) -> int:
    """The index of the first token starting at or after char_end."""
    if "token_starts" not in doc.user_data:
        doc.user_data["token_starts"] = [token.idx for token in doc]
    return bisect_left(doc.user_data["token_starts"], char_end)


def _from_entity(doc, ent, lowercase_words: set[str], person_words: set[str]) -> list[_Span]:
    label = ent.label_
    if label in NOT_NAME_LABELS:
        return []
    tokens = ent
    if tokens[0].lower_ == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    if tokens[-1].lower_ in ("'s", "’s") and len(tokens) > 1:
        tokens = tokens[:-1]
    start, end = tokens.start_char, tokens.end_char
    text = doc_text(doc)[start:end]
    division = False
    core = text
    if tokens[-1].lower_ in DIVISION_NOUNS and len(tokens) > 1:
        division = True
        core = doc_text(doc)[start:tokens[-1].idx].strip()
    elif tokens.end < len(doc) and doc[tokens.end].lower_ in DIVISION_NOUNS:
        division = True
        end = doc[tokens.end].idx + len(doc[tokens.end].text)
        text = doc_text(doc)[start:end]
    if label == "NORP":
        place = gazetteer.demonym(core) or gazetteer.demonym(re.sub(r"s$", "", core))
        if place is not None:
            return [_Span(start, end, text, core, demonym=True, candidates=(place,), label=label)]
    if _generic(tokens):
        return []  # "Centre", "South", "the States": a generic word, whatever the model says
    if tokens.end + 1 < len(doc) and doc[tokens.end].lower_ == "and" and not division:
        longer = doc[tokens.start:tokens.end + 2]  # "Trinidad" and "Tobago" -> "Trinidad and Tobago"
        if any(c.exact and c.kind == "country" for c in gazetteer.lookup(longer.text)):
            tokens, end, text, core = longer, longer.end_char, longer.text, longer.text
    candidates = (division and gazetteer.lookup(text)) or gazetteer.lookup(core)  # "Ohio County" whole first
    if not candidates and label in ("GPE", "LOC") and tokens[0].is_lower and DIRECTION.match(core):
        core = DIRECTION.sub("", core)  # "northern Syria"
        candidates = gazetteer.lookup(core)
    if label in PLACE_LABELS and len(tokens) == 1 and tokens[0].text in person_words:
        candidates = tuple(c for c in candidates if c.kind in ("country", "province", "region"))
        if not candidates:
            return []  # "Buhari" after "Muhammadu Buhari": the person again
    if label in PLACE_LABELS:
        if candidates:
            return [_Span(start, end, text, core, division=division, candidates=candidates, label=label)]
        if (place := gazetteer.demonym(core)) is not None:
            return [_Span(start, end, text, core, demonym=True, candidates=(place,), label=label)]
        return _known_parts(doc, tokens, label)
    own = {t.text for t in tokens}
    if label == "PERSON" and candidates and (tokens[0].lower_ in NAME_PREFIXES and _looks_like_toponym(
            tokens, candidates, lowercase_words, person_words - own, division)
            or len(tokens) > 1 and any(c.exact and c.kind in ("country", "province") for c in candidates)):
        return [_Span(start, end, text, core, division=division, candidates=candidates, label=label)]
    if label != "PERSON" and candidates and _looks_like_toponym(tokens, candidates, lowercase_words, person_words,
                                                                division):
        return [_Span(start, end, text, core, division=division, candidates=candidates, label=label)]
    if candidates and (found := _weak_name(tokens, candidates, lowercase_words, person_words, division)):
        return [_Span(start, end, text, core, division=division, candidates=candidates, label=label, weak=True,
                      evidence=found)]
    return _embedded(doc, tokens) if label == "ORG" else []


def _embedded(doc, tokens) -> list[_Span]:
    """Countries, regions and their adjectives named inside an organisation's name ("Zimbabwe Tourism
    Authority", "Syrian Observatory for Human Rights"): mentions of the place, not places of their own. Towns
    and provinces are left out: inside a name they stand for something else too often ("The Washington
    Post", "Mississippi State")."""
    found = []
    i = tokens.start
    while i < tokens.end:
        token = doc[i]
        if not token.text[:1].isupper():
            i += 1
            continue
        for j in range(min(tokens.end, i + MAX_NAME_TOKENS), i, -1):
            part = doc[i:j]
            if not part[-1].text[:1].isupper():
                continue
            big = [c for c in gazetteer.lookup(part.text) if c.exact and c.kind in ("country", "region")]
            if big and not _generic(part):
                found.append(_Span(part.start_char, part.end_char, part.text, part.text, candidates=tuple(big),
                                   label="embedded"))
                i = j
                break
        else:
            if (place := gazetteer.demonym(token.text)) is not None:
                found.append(_Span(token.idx, token.idx + len(token.text), token.text, token.text, demonym=True,
                                   candidates=(place,), label="embedded"))
            i += 1
    return found


def _generic(tokens) -> bool:
    """A name made only of generic geographic words ("Central", "South", "States", "Centre"): the name of
    some province or town somewhere, but in a text almost always the common word. The curated regions
    ("Middle East", "West Bank") are names."""
    if not any(t.is_alpha for t in tokens) or not all(t.lower_ in GENERIC_WORDS or not t.is_alpha for t in tokens):
        return False
    return not any(c.exact and c.kind in ("country", "region") for c in gazetteer.lookup(tokens.text))


def _known_parts(doc, tokens, label: str) -> list[_Span]:
    """The known place names inside a place entity the gazetteer does not know whole ("Mississippi State",
    "Greece Italy", "Manila Cathedral"), longest first, left to right."""
    found = []
    i = tokens.start
    while i < tokens.end:
        for j in range(min(tokens.end, i + MAX_NAME_TOKENS), i, -1):
            part = doc[i:j]
            if part[0].text[:1].isupper() and part[-1].is_alpha and not _generic(part) \
                    and (candidates := gazetteer.lookup(part.text)):
                if any(c.exact for c in candidates):
                    found.append(_Span(part.start_char, part.end_char, part.text, part.text,
                                       candidates=candidates, label=label))
                    i = j - 1
                    break
        i += 1
    return found


def _looks_like_toponym(tokens, candidates, lowercase_words: set[str], person_words: set[str],
                        division: bool) -> bool:
    """For a name the model did not call a place: is the gazetteer reading believable on its own?"""
    words = [t for t in tokens if t.is_alpha]
    if not words or _generic(tokens) or any(t.is_stop and not t.is_title for t in words[1:]):
        return False
    named = [t for t in words if t.text[:1].isupper()]
    dateline = _dateline(tokens)  # the tagger reads a capitalised dateline as anything ("BEIRUT": ADV)
    if not named or named[-1].pos_ != "PROPN" and not division and not dateline:
        return False
    if len(named) == 1 and (named[0].lower_ in lowercase_words or named[0].is_stop):
        return False  # "Many", "March": a common word
    if any(t.text in person_words for t in named):
        return False  # "Barr" after "William Barr"
    if words[0].is_lower and words[0].lower_ not in NAME_PREFIXES:
        return False
    exact = [c for c in candidates if c.exact]
    if any(c.kind in ("country", "region") for c in exact):
        return True
    if any(c.kind == "province" for c in exact):
        return not (len(named) == 1 and named[0].is_upper and len(named[0].text) <= 3)  # "BA", "CA"
    if any(t.is_upper for t in named) and not dateline:
        return False  # acronyms: a town's name in capitals is an organisation far more often
    if any(c.population >= TOWN_ANYWHERE for c in exact):
        return True
    return any(c.population >= TOWN_IN_CONTEXT for c in exact) and words[0].lower_ in NAME_PREFIXES \
        or any(c.population >= TOWN_IN_CONTEXT_NAMED for c in exact)


def _weak_name(tokens, candidates, lowercase_words: set[str], person_words: set[str], division: bool) -> str:
    """A name the model did not call a place, with no population to vouch for it: its shape must be a
    name's, and the words around it must not say person. Returns the evidence (PLACE, or "unknown"), or ""
    to drop it; the span stays weak and is kept only in a country the article names or with place evidence."""
    words = [t for t in tokens if t.is_alpha]
    if not words or _generic(tokens) or any(not t.text[:1].isupper() for t in words[1:] if t.lower_ not in
                                            NAME_PREFIXES | {"de", "es", "el", "al", "ad", "ez", "az"}):
        return ""
    if not words[0].text[:1].isupper() and words[0].lower_ not in NAME_PREFIXES:
        return ""
    if len(words) == 1 and (words[0].lower_ in lowercase_words or words[0].is_stop or words[0].is_upper
                            and not division):
        return ""
    if any(t.text in person_words for t in words):
        return ""
    big = any(c.kind == "country" or c.capital for c in candidates)
    found = evidence.reading(tokens, big)
    if found == evidence.PERSON:
        return ""
    if words[-1].pos_ != "PROPN" and found != evidence.PLACE or words[-1].lower_ in evidence.TITLES:
        return ""  # "Aid", "Drones", "Minister": a common word, capitalised
    return found or "unknown"


def _dateline(tokens) -> bool:
    """ "BEIRUT, Lebanon —", "DAMASCUS (Reuters) -": a name in capitals opening one of the first lines (after
    the headline, a standfirst), then a comma, a bracket or a dash, is where the story was filed."""
    doc = tokens.doc
    after = doc[tokens.end].text if tokens.end < len(doc) else ""
    if after not in (",", "(", "-", "—", "–") or not tokens[0].is_upper:
        return False
    before = doc_text(doc)[:tokens.start_char].rstrip(" \t")
    return (not before or before.endswith("\n")) and sum(1 for line in before.splitlines() if line.strip()) <= 2


def _from_tokens(doc, i: int, lowercase_words: set[str], person_words: set[str], taken) -> tuple[_Span | None, int]:
    """A name the model missed, starting at token i: the longest run the gazetteer knows, else an adjective
    of place ("Turkish" in "Turkish-backed")."""
    token = doc[i]
    starts_name = token.text[:1].isupper() or (token.lower_ in NAME_PREFIXES and i + 1 < len(doc)
                                               and doc[i + 1].text[:1].isupper())
    if not starts_name or not token.is_alpha:
        return None, 1
    for width in range(min(MAX_NAME_TOKENS, len(doc) - i), 0, -1):
        tokens = doc[i:i + width]
        if any(taken[t.i] for t in tokens) or not tokens[-1].is_alpha or \
                any(not t.is_alpha and t.text not in ("-", "'") for t in tokens):
            continue
        candidates = gazetteer.lookup(tokens.text)
        end_tok = i + width
        division = end_tok < len(doc) and doc[end_tok].lower_ in DIVISION_NOUNS and not taken[end_tok]
        if not candidates:
            continue
        found = "strong" if _looks_like_toponym(tokens, candidates, lowercase_words, person_words, division) \
            else _weak_name(tokens, candidates, lowercase_words, person_words, division)
        if found:
            end = doc[end_tok].idx + len(doc[end_tok].text) if division else tokens.end_char
            return _Span(tokens.start_char, end, doc_text(doc)[tokens.start_char:end], tokens.text, division=division,
                         candidates=candidates, weak=True, evidence=found), width + division
    if token.pos_ in ("ADJ", "PROPN", "NOUN") and (place := gazetteer.demonym(token.text)) is not None:
        return _Span(token.idx, token.idx + len(token.text), token.text, token.text, demonym=True,
                     candidates=(place,), label="demonym"), 1
    return None, 1


# ---------------------------------------------------------------- disambiguation


def _name_key(span: _Span) -> str:
    return gazetteer.normalize(span.core)


def _apply_containment(doc, spans: list[_Span]) -> None:
    """"Tacoma, Washington", "Birmingham, Alabama", "Tripoli, Lebanon": a town followed by a comma and the
    state or country it lies in. Where some reading of the pair fits that way, both keep only the readings
    that fit. Lists of places ("Aleppo, Idlib and Hama", "Washington, Georgia and Florida") are left alone:
    the pair must not be preceded or followed by another place of the list."""
    text = doc_text(doc)
    for i in range(len(spans) - 1):
        town, container = spans[i], spans[i + 1]
        if town.demonym or container.demonym or text[town.end:container.start] != ", ":
            continue
        if i > 0 and re.fullmatch(r",\s*", text[spans[i - 1].end:town.start]):
            continue
        if i + 2 < len(spans) and re.fullmatch(r",?\s*(?:and|or)?\s*", text[container.end:spans[i + 2].start]):
            continue
        pairs = [(t, c) for t in town.candidates for c in container.candidates
                 if t.kind in ("city", "town", "province") and c.kind in ("province", "country") and t.id != c.id
                 and t.country == c.country and (c.kind == "country" or t.admin1 == c.admin1)]
        if pairs:
            town.candidates = tuple(dict.fromkeys(t for t, _ in pairs))
            container.candidates = tuple(dict.fromkeys(c for _, c in pairs))


def _divisions_by_name(spans: list[_Span]) -> dict[str, set]:
    """The first-level divisions (country, admin1) each name's chosen place lies in, or is."""
    found: dict[str, set] = {}
    for span in spans:
        c = span.chosen
        if not span.weak and not span.demonym and c.admin1 and c.kind in ("city", "town", "province"):
            found.setdefault(_name_key(span), set()).add((c.country, c.admin1))
    return found


def _context_countries(spans: list[_Span]) -> dict[str, Counter]:
    """Countries the article names, per name: as countries, as adjectives, or through places that can only
    be there. Per name, so that a name's own mentions do not vote for its own reading ("Georgia" among US
    states is not the country because it is the country)."""
    by_name: dict[str, Counter] = {}
    for span in spans:
        if span.weak or not span.candidates:
            continue
        counts = by_name.setdefault(_name_key(span), Counter())
        countries = {c.country for c in span.candidates if c.country}
        top = span.candidates[0]
        if len(countries) == 1:
            counts[countries.pop()] += 1
        elif any(c.kind == "country" and c.exact for c in span.candidates):
            counts[next(c.country for c in span.candidates if c.kind == "country")] += 1
        elif len(span.candidates) > 1 and top.kind in ("city", "town", "province") \
                and top.population >= 10 * span.candidates[1].population:
            counts[top.country] += 1  # far bigger than any namesake
    return by_name


def _prior(c: Candidate, span: _Span) -> float:
    """How likely the name means this candidate before looking at the article: log population, countries and
    regions above any town (a country's name means the country), capitals up, alternate-name matches down."""
    if c.kind == "region":
        score = 7.5
    elif c.kind == "country":
        score = max(math.log10(c.population + 10), 6.5) + 1.5
    else:
        score = math.log10(c.population + 10)
    if c.capital:
        score += 1.0
    if not c.exact:
        score -= 1.0
    if c.kind == "province":
        if span.division:
            score += 3.0
        else:
            score -= 0.5
            if any(o.kind in ("city", "town") and o.country == c.country and o.admin1 == c.admin1
                   and (o.exact or o.population >= c.population / 10) for o in span.candidates):
                score -= 3.0  # bare "Aleppo", "New York": the city, not the division named after it
    elif span.division:
        score -= 2.0
    return score


def _choose(span: _Span, countries: Counter, divisions: Counter, named: int = 0) -> Candidate:
    """The best reading: prior, plus the countries the article names, plus the provinces and states its other
    places lie in (`divisions`: how many of the `named` other names lie in each)."""
    total = sum(countries.values()) or 1

    def score(c: Candidate) -> float:
        bonus = 0.0
        if c.country and countries.get(c.country):
            bonus += COUNTRY_NAMED + COUNTRY_SHARE * countries[c.country] / total
        if divisions.get((c.country, c.admin1)):
            bonus += DIVISION_NAMED + DIVISION_SHARE * divisions[(c.country, c.admin1)] / named
        return _prior(c, span) + bonus

    return max(span.candidates, key=score)


# ---------------------------------------------------------------- clustering


def _cluster_key(span: _Span):
    c = span.chosen
    if c.kind in ("city", "town", "province"):
        return ("named", c.country, gazetteer.normalize(span.core))  # Idlib city and Idlib province: one place
    return ("id", c.id)


def _cluster(spans: list[_Span]) -> list[list[_Span]]:
    """Mentions of one place together: same gazetteer entry, or a town and the province named after it."""
    clusters: dict[object, list[_Span]] = {}
    key_of_id: dict[int, object] = {}
    for span in spans:
        key = key_of_id.setdefault(span.chosen.id, _cluster_key(span))
        clusters.setdefault(key, []).append(span)
    return list(clusters.values())


def _places(clusters: list[list[_Span]]) -> list[Place]:
    places = []
    for spans in clusters:
        first = next((s for s in spans if not s.demonym), spans[0])
        chosen = first.chosen
        name = chosen.name if first.demonym else first.core  # as first written; "Turkey" for "Turkish" alone
        aliases = []
        for s in spans:
            for form in (s.text, s.core):
                if form != name and form not in aliases:
                    aliases.append(form)
        places.append(Place(name=name, kind=chosen.kind, canonical=chosen.name, country=chosen.country,
                            lat=chosen.lat, lon=chosen.lon, geonameid=chosen.geonameid, aliases=aliases,
                            mentions=[Mention(s.start, s.end, s.text) for s in spans]))
    places.sort(key=lambda p: p.mentions[0].start)
    return places
