"""Places named inside the names of other things: "Kentucky Department of Education", "the Osun State Police
Command", "University of Alberta", "Lagos Chamber of Commerce", "The Washington Post", "Syrian Observatory for
Human Rights". The name says where the organisation is, so for an analyst it says where the story is; GeoWebNews
counts such toponyms, the article gold takes them as optional.

Inside a name a word means a place less often than in running text ("Lombard Odier", "Notre Dame"), so only
names the gazetteer holds as countries, regions, first-level divisions or sizeable cities are places by
themselves; a smaller town inside a name is `weak` (find.py keeps it only in a country the article names). The
name must be an organisation's: the model tags it ORG, or one of its words is an organisation's head noun
("Chamber", "Police", "Times", "University"). Must not choose between readings (resolve.py).
"""
from __future__ import annotations

from conflictcli.lexicon.census_names import is_common_person_name
from conflictcli.nlp.model import doc_text
from conflictcli.places import gazetteer
from conflictcli.places.english import is_english_word
from conflictcli.places.span import Span, country_abbreviation, generic

EMBEDDED_CITY = 100_000  # a city inside an organisation's name is a place by itself from this size
HAMLET = 1_000  # below this a town inside a name is never taken,
ENGLISH_WORD_TOWN = 20_000  # nor below this when its name is an English word ("Commerce", "Justice"),
ENGLISH_WORD_CITY = 200_000  # which is a place by itself only from this size (the dictionary lists "Karachi" too)
MAX_PART_TOKENS = 4
ORGANISATION_WORDS = frozenset("""
    department ministry office agency authority commission committee council board bureau command police
    service services force forces army navy guard court tribunal assembly parliament senate legislature
    government administration chamber university college school academy institute polytechnic hospital clinic
    times post herald tribune journal gazette news newspaper telegraph chronicle observer standard express
    courier daily weekly radio television tv broadcasting press bank company corporation group association
    federation union league club society foundation trust fund party movement front alliance network
    observatory airport airlines airways port railway railways council sheriff fire ambulance transit
""".split())  # head nouns of organisations' names, lowercase
FACILITY_WORDS = frozenset("""
    hospital clinic infirmary university college school academy institute stadium arena racecourse racetrack
    theatre theater cinema hotel prison jail penitentiary airport airfield palace tower hall centre center
    museum gallery library church mosque cathedral temple synagogue chapel abbey shrine market mall estate
    embassy consulate courthouse station barracks base complex campus zoo armory armoury
""".split())  # head nouns of buildings' and sites' names, lowercase
OFFICE_WORDS = frozenset("mayor governor executive premier prefect commissioner".split())  # "Kherson Governor X"


def organisation_like(tokens) -> bool:
    """Whether a name reads as an organisation's: one of its capitalised words is an organisation's, a building's
    or an office's noun ("Kherson Governor", which the model tags PERSON)."""
    heads = ORGANISATION_WORDS | FACILITY_WORDS | OFFICE_WORDS
    return len(tokens) > 1 and any(t.text[:1].isupper() and t.lower_ in heads for t in tokens)


def unnamed_organisation(tokens):
    """The longer capitalised name around `tokens` when it reads as an organisation's or a building's and the model
    tagged nothing ("Marjory Stoneman Douglas High School"), or None: only places_inside may take places from it."""
    doc = tokens.doc
    start, end = tokens.start, tokens.end
    while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha and not doc[start - 1].is_sent_start:
        start -= 1
    while end < len(doc) and doc[end].is_title and doc[end].is_alpha:
        end += 1
    run = doc[start:end]
    return run if len(run) > len(tokens) and organisation_like(run) else None


def places_inside(doc, tokens, person_words: set[str]) -> list[Span]:
    """The places named inside an organisation's name `tokens` (a spaCy Span), longest names first, left to
    right, never the whole name (the caller has looked that up) nor a town named like one of the article's people
    (`person_words`: the model's reading, which also tags "Abuja Chamber of Commerce" a person)."""
    found = []
    i = tokens.start
    while i < tokens.end:
        width = _known_width(doc, i, tokens) if doc[i].text[:1].isupper() and _word(doc[i]) \
            and doc[i].lower_ != "the" else 0
        span = _place_part(doc[i:i + width], person_words) if width else None
        if span is not None or width > 1:  # the longest known name decides: not "Lakes" in "Kendale Lakes School"
            found += [span] if span else []
            i += width
            continue
        if doc[i].text[:1].isupper() and (place := gazetteer.demonym(doc[i].text)) is not None:
            found.append(Span(doc[i].idx, doc[i].idx + len(doc[i].text), doc[i].text, doc[i].text,
                              demonym=True, candidates=(place,), label="embedded"))
        i += 1
    return found


def _known_width(doc, i: int, name) -> int:
    """The width of the longest gazetteer name at token i inside `name` (not the whole name), or 0."""
    for j in range(min(name.end, i + MAX_PART_TOKENS), i, -1):
        if (i, j) != (name.start, name.end) and doc[j - 1].text[:1].isupper() and gazetteer.lookup(doc[i:j].text):
            return j - i
    return 0


def _place_part(part, person_words: set[str]) -> Span | None:
    """A place for a run of words inside a name, or None. Decided on the entries whose main name it is (an
    alternate name inside a name is another word far more often: "Venice" for Dayton); all stay readings
    ("New York" is New York City's alternate name)."""
    if country_abbreviation(part, candidates := gazetteer.lookup(part.text)):
        return Span(part.start_char, part.end_char, part.text, part.text, label="embedded",
                    candidates=tuple(c for c in candidates if c.kind == "country"))
    if not part[-1].text[:1].isupper() or not all(t.is_alpha or t.text in ("-", "'") for t in part) or \
            generic(part):
        return None
    if any(not t.text[:1].isupper() and t.lower_ not in ("of", "and", "de", "la", "upon", "on") for t in part):
        return None
    exact = tuple(c for c in candidates if c.exact)
    if not exact:
        return None
    text = doc_text(part.doc)[part.start_char:part.end_char]
    short_caps = len(part) == 1 and part[0].is_upper and len(part[0].text) <= 3  # "CA", "BA": an acronym
    if any(c.kind in gazetteer.WIDE_KINDS for c in exact):  # "Nigeria-Ukrainian Business Forum" too
        return Span(part.start_char, part.end_char, text, text, candidates=candidates, label="embedded")
    if _hyphen_follows(part):
        return None
    if not short_caps and any(c.kind == "province" and not 0 < c.population < EMBEDDED_CITY for c in exact):
        return Span(part.start_char, part.end_char, text, text, candidates=candidates, label="embedded")
    if short_caps or len(part) == 1 and is_common_person_name(text) or any(t.text in person_words for t in part):
        return None  # "Johnson & Johnson", "Jackson State": a surname far more often than a town
    english = len(part) == 1 and is_english_word(text)
    towns = tuple(c for c in exact if c.population >= (ENGLISH_WORD_TOWN if english else HAMLET))
    if not towns or any(t.is_upper for t in part):
        return None
    if towns[0].population < (ENGLISH_WORD_CITY if english else EMBEDDED_CITY):  # "Energy Department",
        if not _names_the_organisation(part):  # "Orange Drugs", "Dimond Kaplan"
            return None
    weak = towns[0].population < EMBEDDED_CITY
    return Span(part.start_char, part.end_char, text, text, candidates=candidates, label="embedded", weak=weak,
                evidence="unknown" if weak else "")


def _hyphen_follows(part) -> bool:
    """Whether the run is the head of a hyphenated word ("Anna" in "Anna-Mungunda-Allee"; "IBA-Karachi" is no
    such word's head)."""
    doc = part.doc
    return part.end < len(doc) and doc[part.end].text == "-" and not part[-1].whitespace_


def _word(token) -> bool:
    """A word, or an abbreviation with dots ("U.S.")."""
    return token.is_alpha or token.text.replace(".", "").isalpha()


def _names_the_organisation(part) -> bool:
    """Whether a run of words says whose the organisation is: right before its head noun ("Cavan County Council",
    "Boise Fire Department"; not "Beit" in "Beit Hanoun Hospital"), right after it ("King's College London"), or
    after "of" that follows one ("University of X")."""
    doc = part.doc
    heads = ORGANISATION_WORDS | FACILITY_WORDS | OFFICE_WORDS
    if part.end < len(doc) and doc[part.end].lower_ in heads | {"county", "city", "state", "town"}:
        return True
    if part.start > 0 and doc[part.start - 1].lower_ in heads:
        return True  # "King's College London", "Robinson College Cambridge": where it is
    return part.start > 1 and doc[part.start - 1].lower_ == "of" and doc[part.start - 2].lower_ in heads
