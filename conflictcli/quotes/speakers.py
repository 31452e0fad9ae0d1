"""Choosing the speaker of a cue: the mention that says it, named as the referent layer knows it.

The subject of the communication verb, the agent of a passive, "according to X", the noun a participle
describes; never an abstract noun, an event, a date or a fragment of the quote (None when no one is named).
"""
from __future__ import annotations

import difflib

from conflictcli.lexicon import speech
from conflictcli.quotes.context import Context
from conflictcli.referents.mentions import could_speak, is_mention  # noqa: F401 (reported.py reads them here)
from conflictcli.referents.names import name_end
from conflictcli.referents.speakers import Speaker, noun_phrase, np_head, proper_name

RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


class SpeakerChooser(Context):
    def _subject(self, cue, lo: int, hi: int) -> Speaker | None:
        """The speaker of a cue verb: its subject (or the subject of the verb it is coordinated with; for "who
        said", the noun the clause describes), else the nearest noun phrase within [lo, hi) tokens: after the
        cue for "said X", before it otherwise."""
        verb = cue
        for _ in range(3):
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and lo <= c.i < max(hi, cue.i + 1)
                        and could_speak(c)]
            subjects = [s for s in subjects if not (s.dep_ == "nsubjpass")] or subjects
            if subjects:  # two subjects is a misparsed apposition: the one next to the verb names it
                return self._speaker(min(subjects, key=lambda s: abs(verb.i - s.i)))
            if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
                verb = verb.head
            elif verb.dep_ == "acl" and verb.head.dep_ == "dobj":
                verb = verb.head.head  # "the commission issued a statement warning "..."": the commission
            else:
                break
        after = [t for t in self.doc[cue.i + 1:min(hi, cue.i + 5)] if t.pos_ in {"PROPN", "NOUN", "PRON"}
                 and could_speak(t)]
        if after and all(t.is_punct or t.pos_ in {"DET", "ADJ", "PROPN", "NOUN", "PRON", "ADV"}
                         for t in self.doc[cue.i + 1:after[0].i]):
            return self._speaker(_head_short_of(after[0], cue))
        before = [t for t in self.doc[lo:cue.i] if t.pos_ in {"PROPN", "NOUN", "PRON"} and could_speak(t)
                  and not self._inside_quote(t.idx)]
        if before:
            return self._speaker(_head_short_of(before[-1], cue))
        return None

    def _speaker(self, head) -> Speaker:
        """Name a speaker mention: the actor or person it refers to, else the phrase as written."""
        if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
            named = self._speaker(head.head.head)  # "Smith, who said ...": Smith, mentioned by "who"
            return Speaker(named.name, head.idx, head.idx + len(head.text))
        if head.lower_ in speech.SPEAKER_PRONOUNS:
            referent = self.referents.resolve_pronoun(head)
            return Speaker(referent.name if referent else head.text, head.idx, head.idx + len(head.text))
        start, end = noun_phrase(head)
        named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"] + [head]  # the name first
        referent = next(filter(None, (self.referents.referent_at(t.idx, t.idx + len(t.text)) for t in named)), None)
        if head.pos_ == "PROPN" and (referent is None or (referent.kind == "group" and not referent.is_actor)):
            referent = self.referents.by_surname(head) or referent  # spaCy may take a surname for an ORG
            if not _carries(referent, head):
                referent = None
        if referent is None:
            referent = self.referents.resolve_nominal(head)
        named_by = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if referent is None and named_by is not None and head.pos_ == "NOUN":
            name = proper_name(named_by)  # "the Democratic candidate, Andy Beshear"
            return Speaker(self.text[name[0]:name[1]], start, end)
        phrase = self.text[start:end]
        canonical = referent is not None and referent.is_actor
        if head.text.islower() and not canonical and (referent is None or (
                phrase.lower().endswith(referent.name.lower()) and len(phrase) > len(referent.name))):
            return Speaker(phrase, start, end)  # "the French foreign ministry", not the bare "ministry"
        office_end = name_end(head) if head.pos_ == "PROPN" else end
        if referent is not None and office_end > head.idx + len(head.text) and (
                referent.kind != "person" or head.lower_ in speech.ROLE_NOUNS):  # an office: "Commissioner for ..."
            if referent.name.lower().endswith(self.text[head.idx:office_end].lower()):
                return Speaker(referent.name, start, max(end, office_end))  # the office's full name
            return Speaker(self.text[proper_name(head)[0]:office_end], start, max(end, office_end))
        if referent is not None:
            return Speaker(referent.name, start, end)
        if head.pos_ == "PROPN":  # a name the actors table lacks: the name itself, without its titles
            return Speaker(self.text[proper_name(head)[0]:office_end], start, max(end, office_end))
        return Speaker(self.text[start:end], start, end)

    def _according_speaker(self, token) -> Speaker | None:
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
            to = self.doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
        if not objects:
            return None
        head = objects[0]
        if head.lower_ in speech.SPEECH_NOUNS | speech.SPEAKING_DOCUMENTS:  # "according to an inquiry by X"
            agents = [t for t in head.subtree if t.pos_ == "PROPN" and t.i != head.i and t.dep_ != "compound"]
            if agents:
                head = np_head(agents[0])
        return self._speaker(head)


def _head_short_of(token, cue):
    """The head noun of `token`'s phrase, stopping short of the cue ("Ayman Safadi warning", misparsed as
    one noun phrase headed by the cue)."""
    head = np_head(token)
    return token if head.i == cue.i else head


def _carries(referent, head) -> bool:
    """The referent's name holds this word, allowing for a misspelling (Aragchchi / Araghchi). An actor named
    by its names carries its aliases too; one named by a description ("former mayor") only its own words."""
    if referent is None:
        return True
    if referent.is_actor and any(w[:1].isupper() for w in referent.name.split()):
        return True
    words = {w.lower().strip(".,") for w in referent.name.split()}
    return any(difflib.SequenceMatcher(None, head.lower_, w).ratio() >= 0.8 for w in words)
