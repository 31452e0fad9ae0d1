"""Unnamed actors: noun phrases headed by a title ("Iran's foreign minister", "a senior official") or by a
group noun ("Iran-backed militias", "the rebels", "US-backed Kurdish authorities", "this terrorist group")."""
from __future__ import annotations

import re

from conflictcli.actors.context import affiliation_of, country_word, is_backer, role_phrase
from conflictcli.actors.evidence import acts
from conflictcli.actors.lexicon import (ANAPHOR_DETERMINERS, ANAPHOR_MODIFIERS, BARE_STATE_HEADS, NOMINAL_HEADS,
                                        PRONOUN_POSSESSIVES, STATE_HEADS)
from conflictcli.actors.mentions import RawMention
from conflictcli.lexicon import demonyms, kb, speech
from conflictcli.referents.gender import gender_of_given_name
from conflictcli.referents.names import name_end


def nominal_candidates(doc, taken: set[int], place_spans) -> list[RawMention]:
    """Unnamed actors: "Iran-backed militias", "the rebels", "US-backed Kurdish authorities", "a senior official"."""
    out = []
    for tok in doc:
        low = tok.lower_
        if tok.pos_ not in ("NOUN", "PROPN") or tok.idx in taken or tok.dep_ == "compound":
            continue
        if low in speech.TITLE_NOUNS and tok.tag_ in ("NN", "NNP"):
            cand = _unnamed_person(tok)
        elif low in NOMINAL_HEADS:
            cand = _group_nominal(tok, *NOMINAL_HEADS[low])
        else:
            continue
        if cand is not None and not any(s <= cand.start and cand.end <= e for s, e in place_spans):
            _start_after_place(doc, cand, place_spans)
            cand.acts = cand.key[0] == "state" or acts(tok)  # "the Syrian government" is the state acting
            if cand.acts or not _indefinite(tok):
                out.append(cand)  # "in a coalition government with ...": a kind of body, no participant
    return out


def _start_after_place(doc, cand: RawMention, place_spans) -> None:
    """ "Kharkiv's mayor", "Russia's foreign ministry": the possessor is a place, reported as one; the actor's
    mention starts after it, so no person or body covers a toponym (its text, name and alias keep the phrase)."""
    for start, end in place_spans:
        if start <= cand.start < end < cand.end:
            possessive = re.match(r"['’]s?\s+", doc.text[end:cand.end])
            after = end + possessive.end() if possessive else cand.end
            if after < cand.end:
                cand.start = after


def _phrase_start(head) -> int:
    """First token of a nominal: its left modifiers, without determiners, numbers or pronouns."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("amod", "compound", "nmod", "npadvmod", "poss", "advmod") and child.lower_ not in PRONOUN_POSSESSIVES:
            start = min(start, child.left_edge.i)
    doc = head.doc
    start = max([start] + [t.i + 1 for t in doc[start:head.i] if "\n" in t.text])
    while start < head.i and doc[start].tag_ == "VBG" and start > 0 and doc[start - 1].pos_ in ("VERB", "AUX"):
        start += 1  # "denied killing civilians": a gerund taking the noun as object, no modifier
    while start < head.i and (doc[start].dep_ in ("det", "nummod", "quantmod", "case", "punct", "predet")
                              or doc[start].is_space or doc[start].like_num or doc[start].lower_ in PRONOUN_POSSESSIVES):
        start += 1
    return start


def _indefinite(head) -> bool:
    return any(t.dep_ == "det" and t.lower_ in ("a", "an") for t in head.lefts)


def _phrase_key(text: str) -> str:
    """The key of a described body: "Trump's administration" and "the Trump administration" are one."""
    return kb.normalize(re.sub(r"['’]s\b", "", text))


def _next_is_name(head) -> bool:
    doc = head.doc
    j = head.i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    return j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title


def _titles_a_name(head) -> bool:
    """ "Deputy Director of Public Prosecution Eva-Marie Persson", "ambassador to Ukraine Marie Yovanovitch": an
    office "of/to <Capitalised words>" that runs into a person's name."""
    doc = head.doc
    i = head.i + 1
    if i >= len(doc) or doc[i].lower_ not in ("of", "to"):
        return False
    i += 1
    while i < len(doc) and i - head.i <= 8 and (doc[i].is_title or doc[i].lower_ in ("the", "and", "of")):
        if doc[i].ent_type_ == "PERSON" or gender_of_given_name(doc[i].text.split("-")[0]):
            return True
        i += 1
    return i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].ent_type_ == "PERSON"  # "President of the
    # Senate, Bukola Saraki"


def _unnamed_person(head) -> RawMention | None:
    """ "Iran's foreign minister", "a senior military official", "a spokesperson for the Russian government"."""
    if _next_is_name(head) or _titles_a_name(head):
        return None  # the title of a name ("Secretary of State Antony Blinken"): the name is the actor
    named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    doc = head.doc
    start = _phrase_start(head)
    end = head.i + 1
    affiliation = affiliation_of(head)
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of") and any(country_word(t) for t in prep.subtree):
            end = prep.right_edge.i + 1
    office_end = doc.char_span(head.idx, name_end(head), alignment_mode="expand")
    end = max(end, office_end.end) if head.is_title else end  # "High Commissioner for Human Rights"
    span = doc[start:end]
    role = role_phrase(head)
    holder = head.head.idx if head.dep_ == "appos" and head.head.pos_ == "PROPN" else None  # "X, the leader"
    holder = named.idx if named is not None else holder  # "The Foreign Secretary, Boris Johnson, said"
    # an office an organisation names ("the United Nations High Commissioner") is no description referring back
    named_office = head.is_title and (end > head.i + 1 or any(t.ent_type_ == "ORG" for t in doc[start:head.i]))
    definite = not named_office and any(t.lower_ in ("the", "this", "that") or t.dep_ == "poss" for t in head.lefts)
    type_ = "organization" if named_office and holder is None else "person"  # the office speaks, not a person
    return RawMention(span.start_char, span.end_char, span.text, ("role", role.lower(), affiliation), type_,
                      span.text, role=role, affiliation=affiliation, holder=holder, definite=definite)


def _group_nominal(head, klass: str, type_: str) -> RawMention | None:
    doc = head.doc
    start = _phrase_start(head)
    span = doc[start:head.i + 1]
    affiliation = affiliation_of(head)
    modifiers = [t for t in doc[start:head.i] if not t.is_punct and not t.is_space]
    group = next((kb.by_key(t.ent_id_) for t in modifiers if t.ent_id_ and not is_backer(t)), None)
    if group is not None and group.type == "armed_group" and type_ == "armed_group":
        # "Islamic State militants", "Hezbollah fighters": the group itself
        return RawMention(span.start_char, span.end_char, span.text, ("kb", group.key), group.type, group.name,
                         affiliation=group.country)
    if any(t.lower_ == "other" for t in modifiers) and type_ == "group":
        return None  # "other foreign leaders": the rest of a class, no one in particular
    if klass == "government":
        if head.lower_ in ("people", "population") and any(c.dep_ == "nummod" for c in head.children):
            return None  # "killed 12 people": a count of victims, not a people acting
        if head.lower_ in STATE_HEADS and affiliation and not any(demonyms.group_of(t.text) for t in modifiers):
            return RawMention(span.start_char, span.end_char, span.text, ("state", affiliation), "state",
                             demonyms.country_name(affiliation) or span.text, affiliation=affiliation)
        if not modifiers:
            if head.lower_ in BARE_STATE_HEADS:
                return RawMention(span.start_char, span.end_char, span.text, ("state", None), "state", span.text)
            return None
        vague = head.lower_ in ("people", "population", "governments")  # "vulnerable people": must act
        return RawMention(span.start_char, span.end_char, span.text, ("people" if vague else "nominal",
                          _phrase_key(span.text)), "group" if vague else "organization", span.text,
                          affiliation=affiliation)
    if klass == "body":  # "the French foreign ministry", "Russia's foreign ministry": an organisation
        if not modifiers:
            return None
        return RawMention(span.start_char, span.end_char, span.text, ("body", _phrase_key(span.text)), type_,
                          span.text, affiliation=affiliation)
    if klass == "community" and not any(t.lower_ == "international" for t in modifiers):
        return None
    if klass == "anaphor":
        determiners = [t.lower_ for t in head.lefts if t.dep_ == "det"]
        if not determiners or determiners[0] not in ANAPHOR_DETERMINERS or \
                any(t.lower_ not in ANAPHOR_MODIFIERS for t in modifiers) or head.is_title:
            return None
        span = doc[min(t.i for t in head.lefts if t.dep_ == "det"):head.i + 1]
    if klass == "officials" and not modifiers and affiliation is None:
        return None  # "officials" alone says too little to be an actor
    return RawMention(span.start_char, span.end_char, span.text, (klass, affiliation), type_, span.text,
                     affiliation=affiliation)
