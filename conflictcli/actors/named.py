"""Named actors: spaCy's entities (after the knowledge base's entity ruler), checked against the knowledge
base, the country tables and the place gazetteer, plus the names NER left untagged after a title and the
demonyms it missed. A span the place stage or the gazetteer knows as a place is no person."""
from __future__ import annotations

from conflictcli.actors.context import country_inside, role_from_context
from conflictcli.actors.evidence import acts, acts_as_state, describes_thing
from conflictcli.actors.lexicon import (ARMED_ORG_WORDS, ORG_HEADS, CITY_POPULATION, FEATURE_WORDS, HONORIFICS,
                                        NAME_PARTICLES, NORP_LIKE, PERSON_DESCRIPTIONS)
from conflictcli.actors.spans import looks_like_place, org_named_person, repaired_entities
from conflictcli.actors.mentions import RawMention, next_word, trim
from conflictcli.lexicon import demonyms, kb, speech
from conflictcli.lexicon.normalize import TOPONYM_PREFIXES
from conflictcli.places import gazetteer
from conflictcli.referents.gender import gender_of_given_name
from conflictcli.referents.names import as_written, person_key


def entity_candidates(doc, place_spans) -> list[RawMention]:
    out: list[RawMention] = []
    for ent in repaired_entities(doc):
        span = trim(ent)
        if span is None:
            continue
        cand = _classify(ent, span, place_spans)
        if cand is not None:
            cand.acts = acts_as_state(span.root) if cand.key[0] == "state" else acts(span.root)
            out.append(cand)
    return out


def _classify(ent, span, place_spans) -> RawMention | None:
    text = " ".join(span.text.split())
    start, end = span.start_char, span.end_char
    entry = kb.by_key(ent.id_) if ent.id_ else None  # id_: a span built by spans.py has none of its own
    entry = entry or (kb.lookup(text) if ent.label_ in ("ORG", "PERSON", "NORP", "GPE", "FAC") else None)
    if entry is not None:
        return RawMention(start, end, text, ("kb", entry.key), entry.type, entry.name, affiliation=entry.country)
    code = demonyms.country_of_name(text) or (demonyms.country_of_demonym(text) if ent.label_ == "NORP" else None)
    if code is None and ent.label_ in ("GPE", "ORG", "FAC") and demonyms.country_of_seat(text):
        if ent.label_ != "GPE" or span.root.dep_ in ("nsubj", "nsubjpass", "poss"):
            code = demonyms.country_of_seat(text)  # "the Kremlin", "Tehran's support": the state acting
    if code is not None:
        return RawMention(start, end, text, ("state", code), "state", demonyms.country_name(code) or text,
                         affiliation=code)
    group = demonyms.group_of(text)
    if group is not None and ent.label_ in ("NORP", "PERSON", "ORG") and not describes_thing(span.root):
        return RawMention(start, end, text, ("group", group), "group", group)
    if ent.label_ not in ("PERSON", "ORG", "NORP"):
        return None
    if any(min(e, end) - max(s, start) >= (end - start) / 2 for s, e in place_spans):
        return None  # the gazetteer knows it as a place (a country inside an organisation's name does not count)
    if _described_as_person(span):
        return _person(span, text)  # "One young girl, Islam, tells me": a name in apposition to a person
    if ent.label_ == "NORP":
        if not NORP_LIKE.search(text) or gazetteer_knows(text) or _modifies_noun(span):
            return None  # "Democratic lawmakers": an unknown adjective describes an actor, it is none
        return RawMention(start, end, text, ("group", text), "group", text)
    if looks_like_place(span) or len(span) == 1 and span[0].pos_ == "NOUN" and span[0].is_sent_start:
        return None  # a place, or a common noun capitalised only as the sentence's first word ("Turnout is low")
    if ent.label_ == "PERSON" and not org_named_person(span):
        return _person(span, text)
    if len(span) <= 2 and gazetteer_knows(text) or span[0].lower_ == "operation" or _names_feature(span) \
            or _in_title(span) or _office_before_title(span):
        return None  # a city, a military operation ("Operation Inherent Resolve"), a place ("the Torkham
        # crossing") or part of a title ("Secretary of State Antony Blinken"), not an actor
    return RawMention(start, end, text, ("org", kb.normalize(text)), _org_type(span), text,
                     affiliation=country_inside(span))


def _described_as_person(span) -> bool:
    """The name stands in apposition to a noun that can only describe a person ("a young girl, Islam,";
    "Islam, a student,"), whatever label the model gave it."""
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in PERSON_DESCRIPTIONS:
        return True
    return any(c.dep_ == "appos" and c.lower_ in PERSON_DESCRIPTIONS for c in root.children)


def _modifies_noun(span) -> bool:
    root = span.root
    return root.pos_ == "ADJ" or (root.dep_ in ("amod", "compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN")
                                  and not span.start <= root.head.i < span.end)


def _names_feature(span) -> bool:
    """ "the Torkham crossing", "Mosul dam": the name of a place feature written before its kind."""
    after = next_word(span.doc, span.end)
    return after is not None and after.is_lower and after.lower_ in FEATURE_WORDS and after.lower_ != "border"


def _office_before_title(span) -> bool:
    """ "the then UK Home Secretary": words of an office before its capitalised title noun, no organisation
    (an organisation's own name ends in its kind: "Foreign Office Minister")."""
    after = next_word(span.doc, span.end)
    return after is not None and after.is_title and after.lower_ in speech.TITLE_NOUNS \
        and span[-1].lower_ not in ORG_HEADS and not span[-1].is_upper


def _in_title(span) -> bool:
    """ "Secretary of State Antony Blinken": the organisation in an "<office> of <X>" title before a name."""
    doc = span.doc
    after = next_word(doc, span.end)
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in speech.TITLE_NOUNS \
        and after is not None and after.pos_ == "PROPN" and after.is_title


def _person(span, text) -> RawMention | None:
    tokens = [t for t in span if not t.is_space]
    if tokens[0].lower_ in TOPONYM_PREFIXES or (tokens[0].is_lower and tokens[0].lower_ not in NAME_PARTICLES) \
            or any(t.lower_ in FEATURE_WORDS for t in tokens) or any(c.isdigit() for c in text):
        return None  # "tal Rifaat", "Tharthar Barrage": a place; "COVID-19": no name has digits
    titles = []
    while tokens and (tokens[0].lower_ in speech.TITLE_NOUNS or tokens[0].lower_ in speech.ROLE_QUALIFIERS
                      or tokens[0].lower_ in HONORIFICS) and len(tokens) > 1:
        titles.append(tokens.pop(0))
    if len(tokens) == 1 and len(span) == 1 and gazetteer_knows(text):
        return None
    name = as_written(tokens) + _shared_surname(span)
    role = as_written([t for t in titles if t.lower_ not in HONORIFICS]) or None
    cand = RawMention(span.start_char, span.end_char, text, ("person", person_key(name)), "person", name,
                     role=role)
    role_from_context(span, cand)
    return cand


def _shared_surname(span) -> str:
    """ "Bill and Hillary Clinton": a lone given name before "and" and a full name shares its surname."""
    doc = span.doc
    if len(span) != 1 or span.end + 2 >= len(doc) or doc[span.end].lower_ != "and" \
            or gender_of_given_name(span.text) is None:
        return ""
    other = doc[span.end + 1]
    if other.ent_type_ != "PERSON" or other.ent_iob_ != "B":
        return ""
    last = other.i
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    return " " + doc[last].text if last > other.i and doc[last - 1].whitespace_ else ""


def untagged_people(doc, taken: set[int]) -> list[RawMention]:
    """Capitalised names right after a title that NER missed ("spokesperson Esmaeil Baqaei")."""
    out = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.lower_ in speech.TITLE_NOUNS and not tok.is_sent_end:
            j = i + 1
            while j < len(doc) and doc[j].is_space:
                j += 1
            k = j
            while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].is_title and doc[k].idx not in taken \
                    and doc[k].lower_ not in speech.TITLE_NOUNS:
                k += 1
            if k > j and kb.lookup(doc[j:k].text) is None and demonyms.country_of_name(doc[j:k].text) is None:
                span = doc[j:k]
                cand = RawMention(span.start_char, span.end_char, span.text, ("person", person_key(span.text)),
                                 "person", span.text)
                role_from_context(span, cand)
                out.append(cand)
                i = k
                continue
        i += 1
    return out


def untagged_demonyms(doc, taken: set[int]) -> list[RawMention]:
    """Capitalised demonyms NER left untagged ("Sunni", "Syrian" in a heading): the state or group they name."""
    out = []
    for tok in doc:
        if tok.idx in taken or not tok.is_title or tok.ent_type_:  # "Arab" in "United Arab Emirates" is no Arab
            continue
        code = demonyms.country_of_demonym(tok.text)
        group = None if code else demonyms.group_of(tok.text)
        if code and tok.text != demonyms.country_name(code):
            out.append(RawMention(tok.idx, tok.idx + len(tok), tok.text, ("state", code), "state",
                                  demonyms.country_name(code), affiliation=code, acts=acts_as_state(tok)))
        elif group and not describes_thing(tok):
            out.append(RawMention(tok.idx, tok.idx + len(tok), tok.text, ("group", group), "group", group))
    return out


def _org_type(span) -> str:
    return "armed_group" if any(t.lower_ in ARMED_ORG_WORDS for t in span) else "organization"


def place_name(text: str) -> bool:
    return bool(demonyms.country_of_name(text) or demonyms.country_of_demonym(text) or demonyms.country_of_seat(text)
                or gazetteer_knows(text))


def gazetteer_knows(text: str) -> bool:
    """A fallback for places the place stage did not report: the name, as written, of a city or town of 15,000
    people or more, or of a capital (one cached lookup in the place index the place stage has opened)."""
    return any(c.exact and c.name == text and c.kind in ("city", "town")
               and (c.population >= CITY_POPULATION or c.capital) for c in gazetteer.lookup(text))
