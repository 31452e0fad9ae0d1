"""Recognition: every span of a doc that may name a place, with the gazetteer readings it may have.

spaCy's GPE/LOC/FAC entities; names the model mislabels (PERSON, ORG, NORP, PRODUCT...) or misses that the
gazetteer knows, decided with the words around them (evidence.py: place or person); adjectives of place
("Turkish forces") as mentions of their country; the places inside organisations', events' and buildings' names
(embedded.py); US states abbreviated after a town (abbreviations.py). A name found by the gazetteer alone is
`weak`: find.py keeps it only in a country the article names, or with place evidence. Must not choose between
readings (resolve.py).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from conflictcli.lexicon.census_names import is_common_person_name
from conflictcli.lexicon.normalize import ARABIC_ARTICLES, ARTICLE_WORDS
from conflictcli.nlp.model import doc_text
from conflictcli.places import evidence, gazetteer
from conflictcli.places.abbreviations import abbreviated, initialism, state_after_town
from conflictcli.places.embedded import EMBEDDED_CITY, organisation_like, places_inside, unnamed_organisation
from conflictcli.places.english import is_english_word
from conflictcli.places.name_shape import NAME_PREFIXES, dateline, hyphen_joined, particle, wordlike
from conflictcli.places.span import GENERIC_WORDS, Span, country_abbreviation, generic

PLACE_LABELS = {"GPE", "LOC", "FAC"}
ORG_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
NOT_NAME_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"}
DIVISION_NOUNS = {"province", "governorate", "region", "state", "district", "county", "oblast", "prefecture"}
DIRECTION = re.compile(r"^(?:(?:north|south|east|west|central|upper|lower)(?:ern)?|"
                       r"(?:north|south)-?(?:east|west)(?:ern)?)\s+", re.IGNORECASE)
LOOSE_LABELS = {"WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}  # the small model's spans for these often swallow a
# name and the words after it ("Myawaddy for a second night"): when they yield no place, the scan looks inside
POSSESSIVE = re.compile(r"\s*['’]s$")
# a name of several words that is exactly one of these is that place whatever the model's label ("Rafah crossing"
# tagged PERSON); a town's several words may be a person's name
NAMED_WHOLE_KINDS = gazetteer.WIDE_KINDS | gazetteer.FACILITY_KINDS | {"province"}
MAX_NAME_TOKENS = 4
MAX_SCAN_TOKENS = 9  # five words and the hyphens between them ("Mazar-i-Sharif", "Port-au-Prince")
TOWN_ANYWHERE = 200_000  # a town the model did not call a place is accepted from this size,
TOWN_IN_CONTEXT_NAMED = 50_000  # or from this size when the article names its country (checked when choosing),
TOWN_IN_CONTEXT = 5_000  # or from this size when written with a place prefix ("tal Rifaat")


def recognise(doc) -> list[Span]:
    spans: list[Span] = []
    taken = [False] * len(doc)
    lowercase_words = {t.lower_ for t in doc if t.is_lower}
    person_words = _person_words(doc)
    for ent in doc.ents:
        found = _from_entity(doc, ent, lowercase_words, person_words)
        spans += found
        for i in range(ent.start, max(ent.end, _token_end(doc, found[-1].end) if found else 0)):
            # a place, or another kind of name: no place hides inside; but a time, a number or a language label
            # may have swallowed a name ("Buea overnight" as TIME, "Afrin" as LANGUAGE, "Manbij" as DATE).
            taken[i] = ent.label_ not in NOT_NAME_LABELS | LOOSE_LABELS or not doc[i].text[:1].isupper() or \
                _calendar_word(doc[i]) or bool(found)
    i = 0
    while i < len(doc):
        span, width = (None, 1) if taken[i] else _from_tokens(doc, i, lowercase_words, person_words, taken)
        if span is not None:
            spans.append(span)
        i += width
    spans.sort(key=lambda s: s.start)
    return spans


def _person_words(doc) -> set[str]:
    """The words of the model's longer person names ("Barr" after "William Barr"), which alone are the person
    again. Not an organisation's ("Abuja Chamber of Commerce"), nor a first word that is a place's name and no
    common given name where no mention of the name reads as a person's ("Mohanna Abdhou, 20,"): the model tags
    "Riverdale Luke Oil", "Seattle Seahawks" PERSON too."""
    names = [ent for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 and not organisation_like(ent)
             and not gazetteer.lookup(POSSESSIVE.sub("", ent.text))]
    people = {ent.text for ent in names if evidence.reading(ent) == evidence.PERSON}
    words = set()
    for ent in names:
        words |= {t.text for t in ent if t.lower_ not in NAME_PREFIXES and t.lower_ not in ("'s", "’s") and (
            t.i > ent.start or ent.text in people or is_common_person_name(t.text) or not gazetteer.lookup(t.text))}
    return words


@lru_cache(maxsize=1)
def _calendar() -> frozenset[str]:
    import calendar

    return frozenset(w.lower() for w in (*calendar.month_name, *calendar.day_name, *calendar.month_abbr) if w)


def _calendar_word(token) -> bool:
    """A month's or a day's name: what a date entity is made of ("Manbij" tagged DATE is not)."""
    return token.lower_.rstrip(".") in _calendar()


def _token_end(doc, char_end: int) -> int:
    """The index of the first token starting at or after char_end."""
    if "token_starts" not in doc.user_data:
        doc.user_data["token_starts"] = [token.idx for token in doc]
    return bisect_left(doc.user_data["token_starts"], char_end)


def _from_entity(doc, ent, lowercase_words: set[str], person_words: set[str]) -> list[Span]:
    label = ent.label_
    if label in NOT_NAME_LABELS:
        return []
    tokens = _trimmed(ent)
    if len(tokens) == 1 and abbreviated(tokens[0]):
        return _abbreviated_state(tokens[0], label)
    if len(tokens) == 1 and initialism(tokens[0]) and not country_abbreviation(tokens, gazetteer.lookup(tokens.text)):
        return []  # "P.A." (a law firm's), not an alternate name of Chongqing
    longest = max(_widths_named(doc, tokens.start), default=0)
    if longest > len(tokens) and label in PLACE_LABELS | {"PERSON", "ORG", "NORP"}:
        tokens = doc[tokens.start:tokens.start + longest]  # "Deir" tagged alone in "Deir ez-Zor"
    start = tokens.start_char
    end, text, core, division = _division_reading(doc, tokens)
    if (adjective := _adjective(tokens, (start, end, text, core), label, person_words)) is not None:
        return adjective
    if generic(tokens):
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
        candidates = tuple(c for c in candidates if c.kind in gazetteer.WIDE_KINDS | {"province"})
        if not candidates:
            return []  # "Buhari" after "Muhammadu Buhari": the person again
    if label in PLACE_LABELS and candidates:
        return [Span(start, end, text, core, division=division, candidates=candidates, label=label)]
    if label in PLACE_LABELS:
        return _unknown_place_entity(doc, tokens, (start, end, text, core), label, person_words)
    own = {t.text for t in tokens}
    if candidates and dateline(tokens):
        return [Span(start, end, text, core, division=division, candidates=candidates, label=label)]  # "Goma (AP) —"
    if label == "PERSON" and candidates and (tokens[0].lower_ in NAME_PREFIXES and _looks_like_toponym(
            tokens, candidates, lowercase_words, person_words - own, division)
            or len(tokens) > 1 and any(c.exact and c.kind in NAMED_WHOLE_KINDS for c in candidates)):
        return [Span(start, end, text, core, division=division, candidates=candidates, label=label)]
    if label != "PERSON" and candidates and _looks_like_toponym(tokens, candidates, lowercase_words, person_words,
                                                                division):
        return [Span(start, end, text, core, division=division, candidates=candidates, label=label)]
    if candidates and (found := _weak_name(tokens, candidates, lowercase_words, person_words, division)):
        return [Span(start, end, text, core, division=division, candidates=candidates, label=label, weak=True,
                      evidence=found)]
    if label in ("ORG", "EVENT", "LAW") or organisation_like(tokens):
        return places_inside(doc, tokens, person_words)  # "Kentucky Department of Education", "Dubai World Cup"
    return []


def _division_reading(doc, tokens) -> tuple[int, str, str, bool]:
    """(end, text, core, division) of a name that may carry a division noun: "Idlib province" as written, with
    "Idlib" the name looked up, whether the noun is inside the entity or right after it."""
    start, end = tokens.start_char, tokens.end_char
    text = doc_text(doc)[start:end]
    if tokens[-1].lower_ in DIVISION_NOUNS and len(tokens) > 1:
        return end, text, doc_text(doc)[start:tokens[-1].idx].strip(), True
    if tokens.end < len(doc) and doc[tokens.end].lower_ in DIVISION_NOUNS:
        end = doc[tokens.end].idx + len(doc[tokens.end].text)
        return end, doc_text(doc)[start:end], text, True
    return end, text, text, False


def _adjective(tokens, written: tuple[int, int, str, str], label: str, person_words: set[str]):
    """An adjective of place as its place ("Syrian", "Kurds"; "Azerbaijani soldiers", which the model tags
    PERSON), [] for a person's name that is one ("French said" after "Dawn French"), or None: no adjective."""
    if label == "NORP" and tokens.text in person_words and not _modifies_noun(tokens):
        return []
    if label == "NORP" or label in ("PERSON", "ORG") and _modifies_noun(tokens):
        core = written[3]
        place = gazetteer.demonym(core) or (gazetteer.demonym(re.sub(r"s$", "", core)) if label == "NORP" else None)
        if place is not None:
            return [Span(*written, demonym=True, candidates=(place,), label=label)]
    return None


def _modifies_noun(tokens) -> bool:
    """Whether a name stands before a lowercase noun, as an adjective does ("Azerbaijani soldiers", which the
    model tags PERSON; not "French said")."""
    doc = tokens.doc
    after = doc[tokens.end] if tokens.end < len(doc) else None
    return after is not None and after.is_lower and after.pos_ in ("NOUN", "ADJ")


def _trimmed(ent):
    """An entity without a leading "the" or a trailing possessive."""
    tokens = ent
    if tokens[0].lower_ == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    if tokens[-1].lower_ in ("'s", "’s") and len(tokens) > 1:
        tokens = tokens[:-1]
    return tokens


def _unknown_place_entity(doc, tokens, written: tuple[int, int, str, str], label: str,
                          person_words: set[str]) -> list[Span]:
    """A place entity the gazetteer does not know whole (`written`: start, end, text, core): an adjective of
    place, the places a building's name holds (no town "Tower" in "Trump Tower"), or the known names inside."""
    if (place := gazetteer.demonym(written[3])) is not None:
        return [Span(*written, demonym=True, candidates=(place,), label=label)]
    if label == "FAC" or organisation_like(tokens):
        return places_inside(doc, tokens, person_words)
    return _known_parts(doc, tokens, label)


def _abbreviated_state(token, label: str) -> list[Span]:
    """ "Fresno, Calif.": the state; any other word cut short by a full stop is no place ("Ill." is not Il)."""
    states = state_after_town(token)
    return [Span(token.idx, token.idx + len(token.text), token.text, token.text, candidates=states,
                 label=label)] if states else []


def _known_parts(doc, tokens, label: str) -> list[Span]:
    """The known place names inside a place entity the gazetteer does not know whole ("Mississippi State",
    "Greece Italy", "Manila Cathedral"), longest first, left to right; never a piece of a hyphenated word
    ("Anna" in "Anna-Mungunda-Allee")."""
    found = []
    i = tokens.start
    while i < tokens.end:
        for j in range(min(tokens.end, i + MAX_NAME_TOKENS), i, -1):
            part = doc[i:j]
            if part[0].text[:1].isupper() and wordlike(part[-1]) and not generic(part) and not hyphen_joined(part) \
                    and not (len(part) == 1 and particle(part[0])) and (candidates := gazetteer.lookup(part.text)):
                if any(c.exact for c in candidates) and not _tail_of_longer_name(tokens, part, candidates):
                    found.append(Span(part.start_char, part.end_char, part.text, part.text,
                                       candidates=candidates, label=label))
                    i = j - 1
                    break
        i += 1
    return found


def _tail_of_longer_name(name, part, candidates) -> bool:
    """Whether a small town's name follows a capitalised generic word or article inside a longer name ("Wing" in
    "West Wing", "Ingleside" in "South Ingleside Avenue", "Bernardin" in "Le Bernardin"): the longer name is
    another place. A country, a province or a city keeps its word: "Southern Lebanon", "West Mosul" are parts."""
    before = part.doc[part.start - 1] if part.start > name.start else None
    if before is None or not before.text[:1].isupper() or not (before.lower_ in GENERIC_WORDS or particle(before)):
        return False
    return not any(c.exact and (c.kind in gazetteer.WIDE_KINDS | {"province"}
                                or c.population >= EMBEDDED_CITY) for c in candidates)


def _looks_like_toponym(tokens, candidates, lowercase_words: set[str], person_words: set[str],
                        division: bool) -> bool:
    """For a name the model did not call a place: is the gazetteer reading believable on its own?"""
    if country_abbreviation(tokens, candidates):
        return True
    words = [t for t in tokens if wordlike(t)]
    if not words or generic(tokens) or any(t.is_stop and not t.is_title and not particle(t) for t in words[1:]):
        return False
    named = [t for t in words if t.text[:1].isupper()]
    filed = dateline(tokens)  # the tagger reads a capitalised dateline as anything ("BEIRUT": ADV)
    if not named or named[-1].pos_ != "PROPN" and not division and not filed:
        return False
    if len(named) == 1 and (named[0].lower_ in lowercase_words or named[0].is_stop):
        return False  # "Many", "March": a common word
    if any(t.text in person_words for t in named):
        return False  # "Barr" after "William Barr"
    if words[0].is_lower and words[0].lower_ not in NAME_PREFIXES:
        return False
    exact = [c for c in candidates if c.exact]
    if any(c.kind in gazetteer.WIDE_KINDS | gazetteer.NOT_PLACE_KINDS for c in exact):
        return True  # a name known to be no place (the EU) too: find.py tells its territory from the actor
    if any(c.kind in gazetteer.FACILITY_KINDS for c in exact) and len(named) > 1:
        return True
    if any(c.kind == "province" for c in exact):
        return not (len(named) == 1 and named[0].is_upper and len(named[0].text) <= 3)  # "BA", "CA"
    if any(t.is_upper for t in named) and not filed:
        return False  # acronyms: a town's name in capitals is an organisation far more often
    if any(c.population >= TOWN_ANYWHERE for c in exact):
        return True
    return any(c.population >= TOWN_IN_CONTEXT for c in exact) and words[0].lower_ in NAME_PREFIXES \
        or any(c.population >= TOWN_IN_CONTEXT_NAMED for c in exact)


def _weak_name(tokens, candidates, lowercase_words: set[str], person_words: set[str], division: bool) -> str:
    """A name the model did not call a place, with no population to vouch for it: its shape must be a
    name's, and the words around it must not say person. Returns the evidence (PLACE, or "unknown"), or ""
    to drop it; the span stays weak and is kept only in a country the article names or with place evidence."""
    words = [t for t in tokens if wordlike(t)]
    if not words or generic(tokens) or any(not t.text[:1].isupper() and not particle(t) for t in words[1:]):
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
    if found == evidence.PERSON or found != evidence.PLACE and len(words) == 1 and is_common_person_name(
            words[0].text) and not any(c.exact and c.kind in gazetteer.WIDE_KINDS for c in candidates):
        return ""  # "Warren", "Levi" alone: a person's name far more often than a town's
    if words[-1].lower_ in evidence.TITLES:
        return ""  # "Minister", "General"
    if found != evidence.PLACE:
        known = any(c.exact and (c.kind in gazetteer.WIDE_KINDS | {"province"}
                                 or c.population >= TOWN_ANYWHERE) for c in candidates)  # "Mali", "Aleppo" are words
        english = is_english_word(words[0].text) if len(words) == 1 else None
        if not known and (english or english is None and words[-1].pos_ != "PROPN"):
            return ""  # "Aid", "Drones", "Congress": a common word, capitalised, with nothing to say place
    return found or "unknown"


def _widths_named(doc, i: int) -> list[int]:
    """The widths in tokens of the gazetteer names that start at token i, longest first, from one scan of the
    name trie over the normalised words that follow."""
    keys = _token_keys(doc)
    words, ends = [], []
    for j in range(i, min(len(doc), i + MAX_SCAN_TOKENS)):
        for word in keys[j]:
            words.append(word)
            ends.append(j + 1)
    if not words or not keys[i]:
        return []
    return [ends[n - 1] - i for n in gazetteer.names_at(words) if ends[n - 1] - i <= MAX_SCAN_TOKENS]


def _token_keys(doc) -> list[tuple[str, ...]]:
    """Each token's words as the gazetteer keys them (place_key): none for punctuation, for "the" and for an
    Arabic article, whether written alone ("Al Hasakah") or hyphenated ("as-Suwayda")."""
    if "place_token_keys" not in doc.user_data:
        keys = []
        for token in doc:
            joined = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
            if token.is_punct or token.is_space or token.lower_ == "the" or token.lower_ in ARTICLE_WORDS \
                    or joined and token.lower_ in ARABIC_ARTICLES:
                keys.append(())
            else:
                keys.append(tuple(gazetteer.normalize(token.text).split()))
        doc.user_data["place_token_keys"] = keys
    return doc.user_data["place_token_keys"]


def _from_tokens(doc, i: int, lowercase_words: set[str], person_words: set[str], taken) -> tuple[Span | None, int]:
    """A name the model missed, starting at token i: the longest run the gazetteer knows, else an adjective
    of place ("Turkish" in "Turkish-backed")."""
    token = doc[i]
    starts_name = token.text[:1].isupper() or (token.lower_ in NAME_PREFIXES and i + 1 < len(doc)
                                               and doc[i + 1].text[:1].isupper())
    if starts_name and abbreviated(token):
        found = _abbreviated_state(token, "abbreviation")
        return (found[0] if found else None), 1
    if not starts_name or not wordlike(token):
        return None, 1
    for width in _widths_named(doc, i):
        tokens = doc[i:i + width]
        if any(taken[t.i] for t in tokens) or not wordlike(tokens[-1]) or hyphen_joined(tokens) or \
                any(not wordlike(t) and t.text not in ("-", "'") for t in tokens):
            continue
        if (run := unnamed_organisation(tokens)) is not None:  # "Marjory Stoneman Douglas High School"
            inside = [s for s in places_inside(doc, run, person_words) if s.start == tokens.start_char]
            return (inside[0], width) if inside else (None, width)
        candidates = gazetteer.lookup(tokens.text)
        end_tok = i + width
        division = end_tok < len(doc) and doc[end_tok].lower_ in DIVISION_NOUNS and not taken[end_tok]
        if not candidates:
            continue
        found = "strong" if _looks_like_toponym(tokens, candidates, lowercase_words, person_words, division) \
            else _weak_name(tokens, candidates, lowercase_words, person_words, division)
        if found:
            end = doc[end_tok].idx + len(doc[end_tok].text) if division else tokens.end_char
            return Span(tokens.start_char, end, doc_text(doc)[tokens.start_char:end], tokens.text, division=division,
                         candidates=candidates, weak=True, evidence=found), width + division
    if token.pos_ in ("ADJ", "PROPN", "NOUN") and (place := gazetteer.demonym(token.text)) is not None:
        return Span(token.idx, token.idx + len(token.text), token.text, token.text, demonym=True,
                     candidates=(place,), label="demonym"), 1
    return None, 1


