"""Name boundaries: NER spans repaired before they are classified.

spaCy's small model cuts names at the wrong places: "Michael R." + "Bloomberg" (the knowledge base's ruler
took the surname for the news agency), a subheading run into the next line, "Westminster Magistrate" + "'s Court", "Ukraine Marie Yovanovitch" (the
country of a title glued to the name), "Will Warren" (a sentence-initial modal), "Key Security Council" (a
capitalised adjective opening a sentence). The rules read capitalisation, tags and the NER spans only; no
name is listed.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from conflictcli.actors.lexicon import ORG_HEADS, PLACE_FEATURES, STREET_SUFFIX
from conflictcli.lexicon import demonyms, speech
from conflictcli.nlp.model import doc_text
from conflictcli.referents.gender import gender_of_given_name

NOT_NAME_TAGS = ("MD", "VB", "VBD", "VBZ", "VBP", "DT", "IN", "CC", "WP", "WRB", "PRP")
CASE_NUMBER = re.compile(r"\d.*/|/.*\d")  # "FHC/ABJ/03/095/2018": a file number, no name


def repaired_entities(doc) -> list[Span]:
    """doc.ents with adjacent pieces of one name joined and words outside the name cut off."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if nxt is not None and _surname_taken(ent, nxt):
            ent, i = Span(doc, ent.start, nxt.end, label="PERSON"), i + 1
        elif nxt is not None and _possessive_name(ent, nxt):
            ent, i = Span(doc, ent.start, nxt.end, label="ORG"), i + 1
        elif _possessive_head_after(ent):
            ent = Span(doc, ent.start, ent.end + 1, label="ORG")
            i += 1 if nxt is not None and nxt.start == ent.end - 1 else 0
        out.append(_cut(_office_for(ent)))
        i += 1
    return [e for e in out if e is not None]


def _surname_taken(ent, nxt) -> bool:
    """ "Michael R." then "Bloomberg" tagged ORG: one person's name."""
    return ent.label_ == "PERSON" and nxt.label_ == "ORG" and nxt.start == ent.end and len(nxt) == 1 \
        and nxt[0].is_title


def _possessive_name(ent, nxt) -> bool:
    """ "Westminster Magistrate" + "'s" + "Court": an organisation's name across a possessive."""
    doc = ent.doc
    possessive = doc[ent.end - 1].tag_ == "POS" and nxt.start == ent.end \
        or nxt.start == ent.end + 1 and doc[ent.end].tag_ == "POS"
    return ent.label_ == "ORG" and possessive and nxt[-1].lower_ in ORG_HEADS and len(nxt) == 1


def _office_for(ent) -> Span:
    """ "United Nations High Commissioner" + "for Human Rights": an office or body's name goes on through
    "for"/"of" and the capitalised words after it, up to another entity."""
    doc = ent.doc
    last = doc[ent.end - 1]
    if ent.label_ not in ("ORG", "PERSON") or not last.is_title or last.lower_ not in ORG_HEADS | speech.TITLE_NOUNS:
        return ent
    end = ent.end
    if end + 1 >= len(doc) or doc[end].lower_ not in ("for", "of") or not doc[end + 1].is_title:
        return ent
    end += 1
    while end < len(doc) and (doc[end].is_title or doc[end].lower_ in ("and", "the")) and not doc[end].ent_type_:
        end += 1
    while doc[end - 1].lower_ in ("and", "the", "for", "of"):
        end -= 1
    return Span(doc, ent.start, end, label="ORG") if end > ent.end + 1 else ent


def _possessive_head_after(ent) -> bool:
    """ "Westminster Magistrate's" tagged ORG, then "Court" left untagged."""
    doc = ent.doc
    return ent.label_ == "ORG" and doc[ent.end - 1].tag_ == "POS" and ent.end < len(doc) \
        and doc[ent.end].is_title and doc[ent.end].lower_ in ORG_HEADS


def _cut(ent) -> Span | None:
    doc = ent.doc
    start, end, label = ent.start, ent.end, ent.label_
    while end - start > 1 and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    end = next((t.i for t in doc[start + 1:end] if "\n" in t.text), end)  # a name never runs over a line end
    if label == "ORG" and end - start > 2 and _line_initial(doc, start) \
            and doc_text(doc).count(doc[start + 1:end].text) > doc_text(doc).count(doc[start:end].text):
        start += 1  # "Key Security Council" opening a line, where the text names the "Security Council"
    while start < end - 1 and doc[start].tag_ in NOT_NAME_TAGS and label == "PERSON":
        start += 1  # "Will Warren continue ...": a modal before the name
    if label in ("ORG", "PERSON") and end - start >= 3 and demonyms.country_of_name(doc[start].text) \
            and gender_of_given_name(doc[start + 1].text):
        start, label = start + 1, "PERSON"  # "Ukraine Marie Yovanovitch": the title's country, then the name
    if any(CASE_NUMBER.search(t.text) for t in doc[start:end]) or (label == "ORG" and doc[end - 1].pos_ == "VERB"):
        return None  # a file number; "Xerox it": a verb
    if (start, end, label) == (ent.start, ent.end, ent.label_):
        return ent
    return Span(doc, start, end, label=label)


def _line_initial(doc, i: int) -> bool:
    return i == 0 or doc[i - 1].is_space and "\n" in doc[i - 1].text or doc[i - 1].text.endswith("\n")


def looks_like_place(span) -> bool:
    """A street or site name ("Petersallee", "Lüderitzstrasse", "African Quarter", "Essequibo Coast"), or a
    name introduced as a place ("the city of Rafah", "the Mughraqa area")."""
    doc = span.doc
    last = span[-1]
    if STREET_SUFFIX.search(last.lower_) or (last.is_title and last.lower_ in PLACE_FEATURES):
        return True
    before = doc[span.start - 2:span.start] if span.start >= 2 else None
    if before is not None and before[1].lower_ == "of" and before[0].lower_ in PLACE_FEATURES:
        return True
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.is_lower and after.lower_ in PLACE_FEATURES


def org_named_person(span) -> bool:
    """ "Youssef Al-Najjar Hospital" tagged PERSON: a name ending in an organisation's head is no person."""
    return span[-1].lower_ in ORG_HEADS and span[-1].is_title
