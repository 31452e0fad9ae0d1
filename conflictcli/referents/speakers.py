"""Who a speaker mention refers to: actors, names, pronouns and role nominals ("the minister").

A `Referents` index is built once per document from the actors table and spaCy's entities. It knows each
referent's gender (titles, given names, pronouns that follow it), roles and nationality (words around its
names: "Iranian Foreign Minister Abbas Araghchi", "Hakan Fidan, Turkey's foreign minister") and where each
is mentioned, so that "he said" goes to the right person and "the Iranian foreign minister" to Araghchi.
The actor stage resolves its pronouns through the same index (pronouns.py).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from conflictcli.lexicon import speech
from conflictcli.models import Actor
from conflictcli.nlp.model import doc_text
from conflictcli.quotes.quotemarks import find_quoted
from conflictcli.referents.gender import gender_of_given_name
from conflictcli.referents.mentions import could_speak
from conflictcli.referents.names import nation_key, noun_phrase, np_head, proper_name

__all__ = ["Referent", "Referents", "Ref", "Speaker", "nation_key", "noun_phrase", "np_head", "proper_name"]

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
PREVIOUS_QUOTE_REACH = 1  # sentences back to the speaker a "he said" continues (farther, the last person named wins)


@dataclass(eq=False)
class Referent:
    name: str
    kind: str  # person | group
    gender: str | None = None  # m | f
    roles: set[str] = field(default_factory=set)
    nations: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)  # lower-case name words, for surnames written differently
    is_actor: bool = False  # named by the actors table: its name is canonical


@dataclass
class Ref:
    start: int
    end: int
    referent: Referent
    subject: bool  # the subject of its clause: a likely antecedent


@dataclass
class Speaker:
    name: str | None
    start: int | None
    end: int | None


class Referents:
    """Referents of one document and their mentions, in text order."""

    def __init__(self, doc, actors: list[Actor]):
        self.doc = doc
        self.text = doc_text(doc)
        self.sents = list(doc.sents)
        self.refs: list[Ref] = []
        self.quoted = [(q.start, q.end) for q in find_quoted(self.text)]  # a speaker's words name no antecedent
        self.by_name: dict[str, Referent] = {}
        self._add_actors(actors)
        self._add_entities()
        self._add_roles()
        self._add_subject_nominals()
        self.refs.sort(key=lambda r: r.start)
        self._learn_gender()

    # --- building -------------------------------------------------------------------------------------
    def _add_actors(self, actors: list[Actor]) -> None:
        for actor in actors:
            kind = "person" if actor.type == "person" else "group"
            referent = Referent(actor.name, kind, names=_name_words([actor.name, *actor.aliases]), is_actor=True)
            if actor.role:
                referent.roles |= {w.lower() for w in actor.role.split()}
            self.by_name[actor.name.lower()] = referent
            for m in actor.mentions:
                self._add_ref(m.start, m.end, referent)

    def _add_entities(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ not in {"PERSON", "ORG", "NORP", "GPE"} or self.referent_at(ent.start_char, ent.end_char):
                continue
            kind = "person" if ent.label_ == "PERSON" else "group"
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            referent = self._same_person(text) if kind == "person" else None
            if referent is None:
                referent = self.by_name.setdefault(text.lower(), Referent(text, kind, names=_name_words([text])))
            self._add_ref(ent.start_char, ent.end_char, referent)

    def _same_person(self, text: str) -> Referent | None:
        """A person already known under a longer or shorter form of this name ("Clinton", "Hillary Clinton").
        One known only by a description ("former mayor") has no name words and shares no name."""
        words = _name_words([text])
        for referent in self.by_name.values():
            if referent.kind == "person" and words and referent.names and (
                    words <= referent.names or referent.names <= words):
                referent.names |= words
                if not referent.is_actor and len(text) > len(referent.name):
                    referent.name = text  # the fullest form of a name found only by spaCy
                return referent
        return None

    def _add_ref(self, start: int, end: int, referent: Referent) -> None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        subject = span is not None and any(t.dep_ in SUBJECT_DEPS for t in span)
        self.refs.append(Ref(start, end, referent, subject))

    def _add_roles(self) -> None:
        """Roles, nationality and gender words written around each person's mentions."""
        for ref in self.refs:
            if ref.referent.kind != "person":
                continue
            span = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
            if span is None:
                continue
            words = [t for t in span if t.lower_ not in ref.referent.names] + self._title_before(span)
            words += self._apposition_after(span)
            for t in words:
                low = t.lower_
                if low in speech.ROLE_NOUNS or low in speech.ROLE_QUALIFIERS:
                    ref.referent.roles.add(low)
                if t.ent_type_ in {"NORP", "GPE"} or t.tag_ == "NNPS":
                    ref.referent.nations.add(nation_key(t.text))
                if low in speech.MALE_WORDS:
                    ref.referent.gender = ref.referent.gender or "m"
                if low in speech.FEMALE_WORDS:
                    ref.referent.gender = ref.referent.gender or "f"
            first = span[0].text if span[0].lower_ not in speech.MALE_WORDS | speech.FEMALE_WORDS else ""
            if ref.referent.gender is None and len(span) > 1 and first:  # a given name before a surname
                ref.referent.gender = gender_of_given_name(first)

    def _title_before(self, span) -> list:
        """Title words just before a name: "Iranian Foreign Minister", "Turkish counterpart", "Mr."."""
        out, i = [], span.start - 1
        while i >= 0 and span.start - i <= 6:
            t = self.doc[i]
            low = t.lower_
            if low in speech.ROLE_NOUNS or low in speech.ROLE_QUALIFIERS or low in speech.MALE_WORDS \
                    or low in speech.FEMALE_WORDS or t.ent_type_ in {"NORP", "GPE", "ORG"} or t.tag_ == "POS":
                out.append(t)
                i -= 1
            else:
                break
        return out

    def _apposition_after(self, span) -> list:
        """", Turkey's foreign minister," after a name."""
        doc, i = self.doc, span.end
        if i >= len(doc) or doc[i].text != ",":
            return []
        out = []
        for t in doc[i + 1:min(len(doc), i + 8)]:
            if t.text in {",", ".", ";"} or t.pos_ in {"VERB", "AUX"}:
                break
            out.append(t)
        return out if any(t.lower_ in speech.ROLE_NOUNS for t in out) else []

    def _add_subject_nominals(self) -> None:
        """Speakers named by a description ("a senior military official", "critics") become referents of their
        own, so that a later "he said" or "they say" can point back at them."""
        for token in self.doc:
            if token.dep_ not in SUBJECT_DEPS or self.referent_at(token.idx, token.idx + len(token.text)):
                continue
            if token.pos_ == "PROPN" and token.lower_ in speech.ROLE_NOUNS and not token.text.islower():
                start, end = _without_article(self.text, *noun_phrase(token))  # an office: "UN High Commissioner
                referent = Referent(self.text[start:end], "person")  # for Human Rights", no personal name
            elif token.pos_ == "PROPN" and not token.text.islower():
                start, end = proper_name(token)
                name = self.text[start:end]
                kind = "group" if token.ent_type_ in {"ORG", "GPE", "NORP"} else "person"
                referent = (self._same_person(name) if kind == "person" else None) or self.by_name.setdefault(
                    name.lower(), Referent(name, kind, names=_name_words([name])))
            elif token.pos_ in {"NOUN", "PROPN"} and token.lower_ in speech.ROLE_NOUNS:  # "ministry" tagged PROPN too
                start, end = noun_phrase(token)
                referent = self.resolve_nominal(token) or Referent(
                    self.text[start:end], "person", gender=_gender_of_words(self.text[start:end]))
            elif token.pos_ == "NOUN" and (token.tag_ == "NNS" or token.lower_ == "others") and could_speak(token) \
                    and not any(s <= token.idx < e for s, e in self.quoted):
                start, end = noun_phrase(token)  # "critics", "the two loggers": whom a "they" may stand for
                referent = Referent(self.text[start:end], "group")
            else:
                continue
            self.refs.append(Ref(start, end, referent, True))

    def _learn_gender(self) -> None:
        """A person alone in a sentence takes the gender of he/she in that sentence or the next one."""
        sents = self.sents
        for k, sent in enumerate(sents):
            people = {r.referent for r in self.refs if sent.start_char <= r.start < sent.end_char
                      and r.referent.kind == "person"}
            if len(people) != 1:
                continue
            person = next(iter(people))
            if person.gender is not None:
                continue
            window = list(sent) + (list(sents[k + 1]) if k + 1 < len(sents) else [])
            male = sum(t.lower_ in speech.MALE_PRONOUNS for t in window)
            female = sum(t.lower_ in speech.FEMALE_PRONOUNS for t in window)
            if male != female:
                person.gender = "m" if male > female else "f"

    # --- lookup ---------------------------------------------------------------------------------------
    def referent_at(self, start: int, end: int) -> Referent | None:
        for ref in self.refs:
            if ref.start <= start and end <= ref.end:
                return ref.referent
        return None

    def by_surname(self, token) -> Referent | None:
        """A person whose name contains this word, allowing for a misspelling (Aragchchi / Araghchi)."""
        word = token.lower_
        people = [r for r in self.by_name.values() if r.kind == "person"]
        exact = [r for r in people if word in r.names]
        if exact:
            return exact[0]
        if len(word) < 5:
            return None
        close = [(difflib.SequenceMatcher(None, word, n).ratio(), r) for r in people for n in r.names if len(n) >= 5]
        best = max(close, key=lambda x: x[0], default=(0, None))
        return best[1] if best[0] >= 0.8 else None

    def resolve_nominal(self, head) -> Referent | None:
        """The person a definite role description refers to: "the minister", "Iran's foreign minister"."""
        if head.lower_ not in speech.ROLE_NOUNS:
            return None
        lefts = list(head.lefts)
        definite = any(t.lower_ in {"the", "this", "that"} or t.dep_ == "poss" for t in lefts)
        if not definite:
            return None
        qualifiers = {t.lower_ for t in lefts if t.lower_ in speech.ROLE_QUALIFIERS}
        nations = {nation_key(t.text) for t in lefts if t.ent_type_ in {"NORP", "GPE"}}
        matches = [r for r in self.refs if r.referent.kind == "person" and head.lower_ in r.referent.roles
                   and qualifiers <= r.referent.roles
                   and not (nations and r.referent.nations and not nations & r.referent.nations)]
        before = [r for r in matches if r.end <= head.idx]
        chosen = before[-1] if before else (matches[0] if matches else None)
        return chosen.referent if chosen else None

    def resolve_pronoun(self, token, subjects_only: bool = False) -> Referent | None:
        """Antecedent of a personal pronoun: the subject earlier in its sentence, else (unless `subjects_only`)
        a person named earlier in it ("In Lee's case, she ..."), else for "...," he said" the last one who said
        something, then the subjects of the previous sentences, then the nearest compatible mention;
        gender and number must agree."""
        low = token.lower_
        if low in speech.MALE_PRONOUNS:
            fits = lambda r: r.kind == "person" and r.gender != "f"  # noqa: E731
        elif low in speech.FEMALE_PRONOUNS:
            fits = lambda r: r.kind == "person" and r.gender != "m"  # noqa: E731
        elif low in speech.PLURAL_PRONOUNS | speech.NEUTER_PRONOUNS:
            fits = lambda r: r.kind == "group"  # noqa: E731
        else:
            return None
        sents = self.sents
        k = next((i for i, s in enumerate(sents) if s.start <= token.i < s.end), 0)
        for back in range(0, 4):
            if k - back < 0:
                break
            sent = sents[k - back]
            limit = token.idx if back == 0 else sent.end_char
            here = [r for r in self.refs if sent.start_char <= r.start and r.end <= limit and fits(r.referent)]
            subjects = [r for r in here if r.subject]
            if subjects:
                return subjects[-1 if back == 0 else 0].referent
            if here and not subjects_only and (back > 0 or here[-1].referent.kind == "person"):
                return here[-1].referent  # "In Hajjaj's case, she decided": the person named before it
            previous = self._previous_speaker(token, k, fits) if back == 0 else None
            if previous is not None:
                return previous
        return None

    def _previous_speaker(self, token, k: int, fits) -> Referent | None:
        """For a pronoun that says something ("...," he said later): the last one who said something before
        it, outside quotation marks, within PREVIOUS_QUOTE_REACH sentences; a reader hears the same voice go on
        rather than the last person merely named."""
        if token.dep_ != "nsubj" or token.head.lower_ not in speech.SPEECH_VERBS:
            return None
        reach = self.sents[max(0, k - PREVIOUS_QUOTE_REACH)].start_char
        speakers = [r for r in self.refs if reach <= r.start and r.end <= token.idx and r.subject
                    and fits(r.referent) and not any(s <= r.start < e for s, e in self.quoted) and self._says(r)]
        return speakers[-1].referent if speakers else None

    def _says(self, ref: Ref) -> bool:
        span = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        return span is not None and any(t.dep_ in SUBJECT_DEPS and t.head.lower_ in speech.SPEECH_VERBS for t in span)


def _name_words(names: list[str]) -> set[str]:
    return {w.lower().strip(".,") for n in names for w in n.split() if w[:1].isupper() and len(w) > 1}


def _without_article(text: str, start: int, end: int) -> tuple[int, int]:
    for article in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(article, start) and end - start > len(article):
            return start + len(article), end
    return start, end


def _gender_of_words(text: str) -> str | None:
    words = set(text.lower().split())
    if words & speech.FEMALE_WORDS:
        return "f"
    if words & speech.MALE_WORDS:
        return "m"
    return None
