"""The records the actor stage passes between its steps (one raw mention, one cluster of mentions) and small
helpers over spaCy spans that every step uses."""
from __future__ import annotations

from dataclasses import dataclass, field

from conflictcli.actors.lexicon import WORD_CHAR


@dataclass
class RawMention:
    """One mention of a would-be actor, before merging (not a gazetteer candidate: see places/gazetteer.py)."""
    start: int
    end: int
    text: str
    key: tuple  # cluster key: ("state", code), ("kb", key), ("org", name), ("group", name), ...
    type: str
    name: str
    role: str | None = None
    affiliation: str | None = None
    pronoun: bool = False  # a resolved pronoun: a mention, never a name or alias
    employer: tuple | None = None  # cluster key of the organisation in a person's title
    holder: int | None = None  # a role description's apposition: where the name it describes starts
    definite: bool = False  # a role nominal with "the", "this", "that" or a possessive: it refers back
    acts: bool = False  # evidence of a participant: it acts or speaks (a subject), or a state acting as one


@dataclass
class Cluster:
    """The mentions of one would-be actor, under the key they were merged by."""
    key: tuple
    mentions: list[RawMention] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(c.start for c in self.mentions)


def trim(span):
    """The span without a leading determiner, trailing possessive or surrounding white space."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_space or doc[start].lower_ in ("the", "a", "an")):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


def next_word(doc, i: int):
    """The first token at or after `i` that is not white space, else None."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i] if i < len(doc) else None


def entity_of(tok):
    """The entity span a token is part of, from the IOB tags (doc.ents builds every span on each access)."""
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def occurrences(text: str, form: str):
    """(start, end) of each occurrence of `form` as a whole word (no letter, digit or hyphen either side),
    left to right, not overlapping: a regex per form cost more to compile than to run."""
    at = text.find(form)
    while at != -1:
        end = at + len(form)
        if (at == 0 or not WORD_CHAR.match(text, at - 1)) and (end == len(text) or not WORD_CHAR.match(text, end)):
            yield at, end
            at = text.find(form, end)
        else:
            at = text.find(form, at + 1)


def majority(values: list):
    """The most frequent value (the first of equals)."""
    return max(values, key=values.count)
