"""Names and noun phrases of referring expressions: where a name or a description starts and ends, and the
keys under which two spellings of one person's name compare equal.

Shared by the actor stage (which cuts mentions at name boundaries) and the speaker index (speakers.py).
"""
from __future__ import annotations

import re

from conflictcli.lexicon import kb, speech
from conflictcli.lexicon.normalize import nation_key  # noqa: F401  (re-exported for the speaker index)

NP_LEFT_DEPS = {"compound", "amod", "det", "poss", "nummod", "nmod", "case", "quantmod", "advmod", "npadvmod"}
NP_RIGHT_PREPS = {"for", "of", "at", "from", "with", "in"}
NAME_PARTICLES_DROPPED = ("al", "el")  # "al-Assad" and "Assad" are one name


def person_key(name: str) -> tuple[str, ...]:
    """Person-name comparison tokens: accents and case folded, "al-" and possessives dropped."""
    return tuple(w for w in kb.normalize(re.sub(r"['’]s$", "", name)).split() if w not in NAME_PARTICLES_DROPPED)


def as_written(tokens) -> str:
    """Tokens joined as the text has them ("al-Amiri", not "al - Amiri"), white space runs as one space."""
    if not tokens:
        return ""
    return " ".join(("".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text).split())


def noun_phrase(head) -> tuple[int, int]:
    """Character span of the noun phrase of `head`: its modifiers on the left and, for a common noun,
    an attached "for/of ..." phrase (a spokesperson for the Russian government), for an office the name it
    runs on with (name_end); never past a comma."""
    left = head
    for child in head.lefts:
        if child.dep_ in NP_LEFT_DEPS and child.i < left.i:
            left = child.left_edge if not any(t.text == "," for t in head.doc[child.left_edge.i:head.i]) else child
    right = head
    office_end = name_end(head) if head.pos_ == "PROPN" and head.lower_ in speech.ROLE_NOUNS else right.idx
    if office_end > head.idx + len(head.text):  # "the High Commissioner for Human Rights"
        right = head.doc.char_span(head.idx, office_end, alignment_mode="expand")[-1]
    elif head.pos_ != "PROPN":
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in NP_RIGHT_PREPS and child.i == right.i + 1:
                span = head.doc[child.i:child.right_edge.i + 1]
                if not any(t.text in {",", "“", '"'} for t in span):
                    right = child.right_edge
    while left.i < head.i and (left.is_punct or left.lower_ in {"and", "but", "or"}):
        left = head.doc[left.i + 1]
    return left.idx, right.idx + len(right.text)


def name_end(head) -> int:
    """Character end of a name that runs on through "for"/"of" and capitalised words ("High Commissioner for
    Human Rights", "Ministry of Foreign Affairs"); the end of `head` when nothing follows."""
    doc, end, i = head.doc, head.i, head.i + 1
    while i + 1 < len(doc) and doc[i].lower_ in {"for", "of"} and doc[i].head.i == end and doc[i + 1].is_title:
        j = i + 1
        while j + 1 < len(doc) and (doc[j + 1].is_title or doc[j + 1].lower_ == "the") and doc[j + 1].pos_ == "PROPN":
            j += 1
        if doc[j].pos_ != "PROPN":
            break
        end, i = j, j + 1
    return doc[end].idx + len(doc[end].text)


def proper_name(head) -> tuple[int, int]:
    """Character span of the run of proper nouns ending at `head` (Esmaeil Baqaei, not his titles)."""
    first = head
    while first.i > 0 and head.doc[first.i - 1].pos_ == "PROPN" and head.doc[first.i - 1].lower_ not in (
            speech.ROLE_NOUNS | speech.ROLE_QUALIFIERS | speech.MALE_WORDS | speech.FEMALE_WORDS):
        first = head.doc[first.i - 1]
    return first.idx, head.idx + len(head.text)


def np_head(token):
    """Climb from a modifier to the head noun of its noun phrase."""
    while token.dep_ in {"compound", "amod", "det", "poss", "case", "nummod", "flat"} and token.head.i != token.i:
        token = token.head
    return token
