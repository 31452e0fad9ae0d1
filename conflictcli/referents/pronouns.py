"""Pronouns that refer to a participant: "he"/"she" to a person and "they" to a group, as the speaker index
(speakers.Referents, which the quote stage reads too) resolves them; "I"/"me" inside a quotation to its
speaker; "we"/"us" there to the speaker (whose body the caller knows: a spokesperson's "we" is the ministry
or state).

The resolver works on antecedent spans with opaque keys, so the actor stage can hand it its merged mentions
without this module knowing the actor stage; "them", "it" and a "we" outside quotation marks stay unresolved.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from conflictcli.lexicon import speech
from conflictcli.models import Actor
from conflictcli.nlp.model import doc_text
from conflictcli.quotes.quotemarks import find_quoted
from conflictcli.referents.speakers import Referents

PERSON_PRONOUNS = frozenset("he him she her".split())
GROUP_PRONOUNS = frozenset(("they",))  # the group, organisation or state that was a subject just before
FIRST_PERSON_SINGULAR = frozenset("i me myself".split())
FIRST_PERSON_PLURAL = frozenset("we us".split())
PRONOUN_REACH = 2  # sentences back to the person a "he" or "she" stands for
SUBJECT_OF_SPEECH = ("nsubj", "nsubjpass", "agent")
# "X said:" at a line end, then the words unquoted, up to the next such introduction
STATEMENT = re.compile(r"\b(?:said|says|added|stated|declared):[ \t]*\n")


@dataclass(frozen=True)
class Antecedent:
    """A mention a pronoun may point back to."""
    start: int
    end: int
    key: tuple
    person: bool


@dataclass(frozen=True)
class PronounLink:
    """A pronoun and the key of the antecedent it refers to; `plural` for a speaker's "we"/"us"."""
    start: int
    end: int
    text: str
    key: tuple
    plural: bool


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Quotations (quotes/quotemarks.py), and statements introduced by "X said:" at a line end."""
    spans = [(q.start, q.end) for q in find_quoted(text)]
    intros = [m.end() for m in STATEMENT.finditer(text)]
    spans += [(start, end - 1) for start, end in zip(intros, intros[1:] + [len(text) + 1])]
    return spans


def pronoun_links(doc, antecedents: list[Antecedent], actors: dict[tuple, Actor]) -> list[PronounLink]:
    """Every pronoun outside the antecedents whose referent is clear enough, in text order. "He" and "she" are
    resolved by the speaker index (speakers.Referents, the one the quote stage reads) over `actors`, the
    provisional actors under their antecedent keys."""
    resolver = _Resolver(doc, sorted(antecedents, key=lambda a: (a.start, a.end)), actors)
    if not resolver.spans:
        return []
    links = []
    for tok in doc:
        low = tok.lower_
        if tok.idx in resolver.owner or (low == "her" and tok.dep_ == "poss"):
            continue
        if low in PERSON_PRONOUNS or low in GROUP_PRONOUNS:
            key = resolver.last_person(tok)
        elif low in FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL:
            key = resolver.speaker_around(tok)
        else:
            continue
        if key is not None:
            links.append(PronounLink(tok.idx, tok.idx + len(tok), tok.text, key, low in FIRST_PERSON_PLURAL))
    return links


class _Resolver:
    def __init__(self, doc, spans: list[Antecedent], actors: dict[tuple, Actor]):
        self.doc = doc
        self.referents = Referents(doc, list(actors.values()))
        self.key_of = {}
        for key, actor in actors.items():
            self.key_of.setdefault(actor.name.lower(), key)
        self.spans = spans
        self.owner = {i: a.key for a in spans for i in range(a.start, a.end)}
        self.quotes = quotation_spans(doc_text(doc))
        self.sents = list(doc.sents)
        self.sent_of = {tok.i: n for n, sent in enumerate(self.sents) for tok in sent}
        self.speakers: dict[tuple, tuple | None] = {}

    def last_person(self, tok) -> tuple | None:
        """The actor a "he" or "she" stands for, through the speaker index; None for a referent that is no
        actor, or one more than PRONOUN_REACH sentences back."""
        referent = self.referents.resolve_pronoun(tok, subjects_only=tok.lower_ in GROUP_PRONOUNS)
        if referent is None or not referent.is_actor:
            return None
        key = self.key_of.get(referent.name.lower())
        if key is None or not any(a.key == key and a.start < tok.idx for a in self.spans):
            return None
        # the nearest mention the referent layer knows counts, an NER-only surname ("Warren") included
        before = [r for r in self.referents.refs if r.referent is referent and r.start < tok.idx]
        mention = self.doc.char_span(before[-1].start, before[-1].end, alignment_mode="expand") if before else None
        near = self.sent_of.get(mention.start, -99) if mention is not None else -99
        return key if self.sent_of[tok.i] - near <= PRONOUN_REACH else None

    def speaker_around(self, tok) -> tuple | None:
        quote = next(((s, e) for s, e in self.quotes if s < tok.idx < e), None)
        if quote is None:
            return None
        if quote not in self.speakers:
            self.speakers[quote] = self._speaker(quote)
        return self.speakers[quote]

    def _speaker(self, quote: tuple[int, int]) -> tuple | None:
        """Who says a quotation: the subject of a speech verb in the sentences around it, outside the quotes."""
        span = self.doc.char_span(quote[0], quote[1], alignment_mode="expand")
        if span is None:
            return None
        first, last = self.sent_of[span.start], self.sent_of[span.end - 1]
        verbs = [t for sent in self.sents[max(0, first - 1):last + 2] for t in sent
                 if (t.lower_ in speech.SPEECH_VERBS or t.lower_ == "according") and not quote[0] <= t.idx < quote[1]]
        verbs.sort(key=lambda t: min(abs(t.idx - quote[0]), abs(t.idx - quote[1])))
        for verb in verbs:
            for child in verb.children:
                if child.dep_ in SUBJECT_OF_SPEECH or verb.lower_ == "according":
                    if child.lower_ in PERSON_PRONOUNS:
                        return self.last_person(child)
                    # the subject's head first ("Foreign Office Minister Tobias Ellwood" is Ellwood), then its parts
                    for tok in sorted(child.subtree, key=lambda t: (t.i != child.i, t.i)):
                        if tok.idx in self.owner:
                            return self.owner[tok.idx]
        return None
