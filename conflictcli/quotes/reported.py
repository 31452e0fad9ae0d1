"""Reported speech: communication verbs and nouns with their content, outside quotation marks.

"X said (that) ...", "..., X said", "X told Y that ...", "according to X, ...", "urged Congress to act",
"accused X of ...", a passive report ("was first reported by X"), a speech noun with a "that" clause
("X's claim that ..."); the source may sit higher up ("..., arguing that", "a statement calling ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from conflictcli.lexicon import speech
from conflictcli.models import Quote
from conflictcli.quotes.speakers import RELATIVE_PRONOUNS, SpeakerChooser, could_speak, is_mention
from conflictcli.referents.speakers import Speaker

OBJECT_DEPS = {"dobj", "xcomp", "dative", "oprd"}  # complements of a cue verb that carry its content
CONTENT_PREPS = {"for", "on", "of", "about", "against", "as"}  # "called for ...", "accused X of ...", "warned against"
HEARER_VERBS = {"tell", "inform", "ask", "answer", "assure", "reassure", "instruct", "advise", "order", "urge",
                "warn", "brief"}  # their object alone is the one spoken to ("told this newspaper")
HEARER_FORMS = {f for b in HEARER_VERBS for f in speech._inflections(b)}
NOT_CONTENT = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


@dataclass
class Content:
    """What a cue says: a span, who says it, and whether it is a proposition (a clause, an infinitive or
    gerund, a small clause "called the vote a sham") or only a thing ("denied the accusation")."""
    start: int
    end: int
    speaker: Speaker
    proposition: bool = True
    confidence: float = 0.9
    clause: bool = True  # a clause of the parse (ccomp, parenthetical), not objects of the cue


class ReportedSpeech(SpeakerChooser):
    def reported_speech(self) -> list[Quote]:
        """Every cue outside quotation marks with its content: `indirect` when a communication act reports a
        proposition, `belief` for views, wishes and stances, and for acts whose content is only a thing."""
        out = []
        for token in self.doc:
            if self._inside_quote(token.idx) or self.in_heading(token.idx):
                continue
            if self._according(token):
                found, communication = [self._according_content(token)], True
            elif token.pos_ == "NOUN" and token.lower_ in speech.NOUN_CUES | speech.BELIEF_NOUNS:
                found, communication = [self._nominal(token)], token.lower_ in speech.NOUN_CUES
            elif self._embedded(token):
                continue
            else:
                found, communication = self._complements(token), token.lower_ in speech.SPEECH_VERBS
            for content in filter(None, found):
                start, end = content.start, content.end
                if not self._states_something(content):
                    continue
                lead = self.text[max(0, start - 6):start].lower()
                if not re.search(r"\w", self._unquoted(start, end)) and not re.search(r"\bthat\W*$", lead):
                    continue  # the attribution of a direct quotation, not reported speech ("said that “...”" is)
                kind = "indirect" if communication and content.proposition else "belief"
                cue_start, cue_end = self._cue_span(token)
                out.append(Quote(text=self.text[start:end], kind=kind, start=start, end=end,
                                 speaker=content.speaker.name, speaker_start=content.speaker.start,
                                 speaker_end=content.speaker.end, cue=self._cue_text(token), cue_start=cue_start,
                                 cue_end=cue_end, confidence=content.confidence))
        return out

    def _states_something(self, content: Content) -> bool:
        """Content worth a quote: more than one word ("said What", a misparsed "Deputy"), and a clause only
        when it has a verb (otherwise it is the thing, not the proposition, that was spoken of)."""
        span = self.doc.char_span(content.start, content.end, alignment_mode="expand")
        words = [t for t in span if t.is_alpha] if span is not None else []
        if len(words) < 2 and not (words and not content.clause and words[0].pos_ in {"NOUN", "PROPN", "PRON"}):
            return False  # one word is content only as the object of a stance ("backed Harper", "denied it")
        if not content.clause and all(t.ent_type_ in NOT_CONTENT or t.pos_ in {"ADP", "DET"} for t in words):
            return False  # "spoke on Monday", "for about five minutes": a time, not content
        if content.clause and not any(t.pos_ in {"VERB", "AUX"} for t in words):
            content.proposition = False
        return True

    def _embedded(self, cue) -> bool:
        """A cue inside the content of another ("he said Washington had concluded that ...", "they alleged
        that he had asked them to ..."): part of the outer statement, whose speaker vouches for it."""
        token, complement = cue, False
        if cue.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children):
            return False  # "it viewed ... and said it would ...": the same speaker's next statement
        while token.head.i != token.i and token.dep_ in {"ccomp", "xcomp", "conj"}:
            complement = complement or token.dep_ in {"ccomp", "xcomp"}
            token = token.head
            if token.sent.start != cue.sent.start or self._paragraph(token.idx) != self._paragraph(cue.idx):
                return False  # a parse that runs across sentences or paragraphs
            if complement and (token.lower_ in speech.CUE_VERBS or token.lower_ in speech.NOUN_CUES):
                return True
        return False

    def _complements(self, cue) -> list[Content]:
        """The content of a cue verb: its clausal complements ("said (that) ...", "..., X said"), else its
        objects ("urged Congress to act", "called the test a violation", "accused X of lying", "denied the
        charge"); a parenthetical cue covers its whole sentence ("Acts of protest, Mr. Obama said, are ...")."""
        low = cue.lower_
        if cue.pos_ not in {"VERB", "AUX"} or low not in speech.CUE_VERBS:
            return []
        if cue.dep_ in {"advcl", "acl", "amod"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
            return []  # "entered Syria to support the government", "the first to say": a purpose, not a view
        if cue.tag_ == "VBN" and cue.dep_ == "acl" and not any(c.dep_ == "agent" for c in cue.children):
            return []  # "a group called Lashkar", "better known as Suresh": a name, not a statement
        if self._is_passive(cue):
            return self._passive(cue)
        source = self._source(cue)
        if source is None:
            return []
        speaker = self._speaker(source) if could_speak(source) else Speaker(None, None, None)
        parenthetical = self._parenthetical(cue, source, speaker)
        if parenthetical is not None:
            return parenthetical
        clauses = [c for c in cue.children if c.dep_ == "ccomp" or (c.dep_ == "advcl" and c.left_edge.lower_ == "that")]
        if clauses:
            found = [self._clipped(c.left_edge, c.right_edge, cue, speaker) for c in clauses]
            return [f for f in found if f is not None]
        objects = [c for c in cue.rights if c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in CONTENT_PREPS)]
        if objects and objects[0].dep_ == "dobj":  # "compared him favorably to Obama": the object's complement too
            objects += [c for c in cue.rights if c.dep_ == "prep" and c.i > objects[0].i and c not in objects
                        and c.lower_ in {"to", "with", "into"}]
        proposition = any(_is_predicate(c) for c in objects)
        if not objects or (low in HEARER_FORMS and not proposition and (
                not self._content_object(objects) or all(c.dep_ in {"dobj", "dative"} for c in objects))):
            return []  # the object of "attacked Machado" is its content, that of "told Reuters" only a hearer
        first = min(objects, key=lambda c: c.left_edge.i).left_edge
        last = max(objects, key=lambda c: c.right_edge.i).right_edge
        found = self._clipped(first, last, cue, speaker)
        if found is not None:
            found.proposition, found.confidence, found.clause = proposition, 0.75 if proposition else 0.5, False
        return [found] if found else []

    def _nominal(self, noun) -> Content | None:
        """'Trump's claim that ...', 'warnings from his lawyer that ...', 'X made the argument that ...': the
        "that" clause of a speech noun, said by its owner, its "from/by" phrase or whoever made it."""
        clause = next((c for c in noun.rights if c.dep_ in {"acl", "ccomp", "relcl"} and c.pos_ in {"VERB", "AUX"}
                       and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"), None)
        if clause is None:
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            by = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in {"from", "by"}
                  for g in c.children if g.dep_ == "pobj"]
            owner = by[0] if by else None
        if owner is None and noun.dep_ == "dobj" and noun.head.lower_ in speech.MAKE_VERBS:
            owner = self._source(noun.head)
        if owner is None or not could_speak(owner):
            return None
        return self._clipped(clause.left_edge, clause.right_edge, noun, self._speaker(owner))

    def _source(self, cue):
        """The token naming who holds the reported view: the cue's subject in its paragraph, else that of the
        verb it hangs from ("..., arguing that", "by announcing that", "wants to ..."), or the noun a
        participle describes ("a statement announcing ...", "one saying that ...")."""
        paragraph = self._paragraph(cue.idx)
        verb = cue
        for _ in range(4):
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and is_mention(c)
                        and self._paragraph(c.idx) == paragraph and not self._inside_quote(c.idx)]
            if subjects:
                subject = min(subjects, key=lambda s: abs(verb.i - s.i))
                if verb.i != cue.i and verb.pos_ == "AUX" and subject.lower_ in {"it", "this", "that"}:
                    return None  # "it would be a mistake to label ...": no one holds that view
                return subject
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            if verb.dep_ == "acl" and infinitive:
                return None  # "a mistake to label ...": the noun does not hold the view
            if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} and could_speak(verb.head):
                noun = verb.head  # "a statement calling ...": the statement, or whoever issued it
                while noun.dep_ in {"pobj", "conj", "appos"} and noun.head.dep_ in {"prep", "dobj", "conj", "appos"}:
                    noun = noun.head.head if noun.head.dep_ == "prep" else noun.head
                if noun.dep_ != "dobj" or noun.head.pos_ not in {"VERB", "AUX"}:
                    return verb.head
                verb = noun.head
            elif (verb.dep_ == "conj" or verb.tag_ == "VBG" and verb.dep_ == "advcl") and verb.head.dep_ == "ccomp" \
                    and verb.head.head.lower_ in speech.SPEECH_VERBS:
                verb = verb.head.head  # "X said it viewed ... and said ...", "X said Y had ..., saying": X said both
            elif verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
                verb = verb.head
            elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                verb = verb.head.head  # "by announcing that", "aside from saying that"
                while verb.dep_ in {"advmod", "prep"} and verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
                    verb = verb.head
            else:
                return None
        return None

    @staticmethod
    def _is_passive(cue) -> bool:
        return any(c.dep_ in {"nsubjpass", "auxpass"} for c in cue.children)

    def _passive(self, cue) -> list[Content]:
        """'The issue was first reported by the Post', 'X is expected to win', 'it is believed that ...',
        'X was accused by critics of lying': the agent is the source (none when unnamed); the content is the
        clause, the gerund ("lying"), or the subject with its complement."""
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        by = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
        speaker = self._speaker(by[0]) if by and could_speak(by[0]) else Speaker(None, None, None)
        clauses = [c for c in cue.children if c.dep_ == "ccomp"]
        subjects = [c for c in cue.children if c.dep_ == "nsubjpass"]
        if clauses:
            found = [self._clipped(c.left_edge, c.right_edge, cue, speaker) for c in clauses]
            return [f for f in found if f is not None]
        complements = [c for c in cue.rights
                       if c.dep_ in {"xcomp", "oprd"} or (c.dep_ == "prep" and c.lower_ in {"of", "for"})]
        if not subjects or subjects[0].lower_ in RELATIVE_PRONOUNS or not (complements or by):
            return []
        last = max([c.right_edge for c in complements] + [cue], key=lambda t: t.i)
        gerunds = [g for c in complements if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"]
        first = gerunds[0].left_edge if gerunds else subjects[0].left_edge
        found = self._clipped(first, last, cue, speaker)
        if found is not None:
            found.proposition = bool(gerunds) or any(_is_predicate(c) for c in complements)
            found.confidence, found.clause = 0.6, False
        return [found] if found else []

    def _clipped(self, first, last, cue, speaker: Speaker) -> Content | None:
        """A content span kept within the cue's sentence and paragraph (a misparse may reach across a heading)."""
        sent = cue.sent
        par_start, par_end = self._paragraph(cue.idx)
        first = max(first, sent[0], key=lambda t: t.i)
        last = min(last, sent[-1], key=lambda t: t.i)
        while first.i < last.i and first.idx < par_start:
            first = self.doc[first.i + 1]
        while last.i > first.i and last.idx >= par_end:
            last = self.doc[last.i - 1]
        other = next((t for t in self.doc[first.i + 1:last.i + 1] if t.i != cue.i and t.dep_ in {"advcl", "conj", "pcomp"}
                      and (t.lower_ in speech.CUE_VERBS or any(c.dep_ == "ccomp" for c in t.children)
                           or t.dep_ == "conj" and t.tag_ in {"VBD", "VBZ"} and t.head.tag_ == "VB")
                      and t.left_edge.i > first.i and not (t.dep_ == "pcomp" and t.head.head.i == cue.i)), None)
        if other is not None:  # "..., while the Arab League condemned ...", "... and said ...", "aside from saying"
            last = self.doc[max(first.i, _clause_edge(other).i - 1)]
        return self._trimmed(first, last, speaker)

    def _parenthetical(self, cue, source, speaker: Speaker) -> list[Content] | None:
        """'Acts of protest, Mr. Obama said, are acts of patriotism': a speech cue set off by commas inside
        its content covers the whole sentence."""
        if not source.i < cue.i:
            return None
        doc = self.doc
        left, right = source.left_edge.i - 1, cue.i + 1
        if left > 0 and doc[left].lower_ == "as" and doc[left].head.i == cue.i:
            left -= 1  # "Hawaii, as one of his advisers pointed out, ..."
        attached = {"advmod", "npadvmod", "prep", "prt"}
        while right < len(doc) and doc[right].head.i == cue.i and doc[right].dep_ in attached:
            right = doc[right].right_edge.i + 1  # "Stumpf explained earlier in the hearing, ..."
        if left < 0 or right + 1 >= len(doc) or doc[left].text != "," or doc[right].text != ",":
            return None
        if self._inside_quote(doc[right + 1].idx) or doc[right + 1].is_quote:
            return None  # 'Then, he said, “...”': the attribution of a direct quotation
        sent = cue.sent
        lead = [t for t in doc[sent.start:left] if not t.is_punct]
        if all(_adverbial_of(t, cue) for t in lead):
            return None  # "On Thursday, however, Trump spoke to ..., promising ...": a lead-in, not content
        if doc[right + 1].dep_ == "cc" and right + 2 < sent.end:  # "A is low, they say, and B ...": A and B
            pieces = [self._clipped(sent[0], doc[left - 1], cue, speaker),
                      self._clipped(doc[right + 2], sent[-1], cue, speaker)]
            return [p for p in pieces if p is not None]
        found = self._clipped(sent[0], sent[-1], cue, speaker)
        return [found] if found else []

    @staticmethod
    def _content_object(objects: list) -> bool:
        """Objects that say something: more than a pronoun or the name of the one spoken to (told Reuters)."""
        words = [t for c in objects for t in c.subtree if not t.is_punct]
        return len(words) >= 2 and not all(t.pos_ in {"PROPN", "DET", "PRON"} for t in words)

    def _according_content(self, token) -> Content | None:
        """The clause that "according to X" is attached to, without the attribution itself."""
        speaker = self._according_speaker(token)
        clause = token.head
        if speaker is None or clause is token or clause.lower_ in speech.SPEECH_VERBS:
            return None  # '"...," he told them, according to a statement': the statement's cue speaks for it
        phrase = {t.i for t in token.subtree}
        subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
        # with no subject (a misparse may make the clause's subject its root), the whole clause is the content
        first = subjects[0].left_edge if subjects and subjects[0].i not in phrase else clause.left_edge
        if token.i < first.i or first.i in phrase:
            floor = max(phrase) + 1 if first.i in phrase else first.i
            first = min((t for t in clause.subtree if t.i >= floor and not t.is_punct),
                        key=lambda t: t.i, default=first)
        last = clause.right_edge if token.i < clause.i else self.doc[max(clause.i, token.i - 1)]
        return self._trimmed(first, last, speaker)

    def _trimmed(self, first, last, speaker: Speaker) -> Content | None:
        """A content span without leading "that" or punctuation, trailing punctuation, nor other paragraphs."""
        while first.i < last.i and (first.dep_ == "mark" or first.is_punct or first.is_space):
            first = self.doc[first.i + 1]
        while last.i > first.i and (last.is_punct or last.is_space or last.dep_ in {"cc", "mark"}):
            last = self.doc[last.i - 1]
        start, end = first.idx, last.idx + len(last.text)
        # a quotation opened inside the content runs to its closing mark ("position that settlements "are
        # illegal ..., and threaten ..."", however the parse cut the clause)
        end = max([end] + [q.end for q in self.quoted if start <= q.start < end < q.end and q.closed
                           and "\n" not in self.text[start:q.end]])
        if last.i < first.i or first.is_punct or "\n" in self.text[start:end]:
            return None
        return Content(start, end, speaker)



def _is_predicate(complement) -> bool:
    """A complement that states something: an infinitive or gerund ("to act", "of lying"), or a small
    clause ("the vote a sham", "the video as satire")."""
    if complement.dep_ in {"xcomp", "oprd"} and complement.pos_ in {"VERB", "AUX", "NOUN", "ADJ", "PROPN"}:
        return True
    if complement.dep_ == "prep":
        if complement.lower_ == "as":
            return True
        return any(c.dep_ == "pcomp" and c.pos_ in {"VERB", "AUX"} for c in complement.children)
    return any(c.dep_ in {"xcomp", "oprd", "ccomp"} or c.dep_ in {"acl", "relcl"} and c.left_edge.lower_ == "that"
               and c.left_edge.dep_ == "mark" for c in complement.children)  # "the position that ... are illegal"


def _adverbial_of(token, cue) -> bool:
    """The token hangs from the cue through an adverbial ("On Thursday, however, Trump spoke"), not through
    its subject or complement."""
    child = token
    while child.head.i != cue.i:
        if child.head.i == child.i:
            return False  # not under the cue at all: content of another clause
        child = child.head
    return child.dep_ in {"prep", "advmod", "npadvmod", "cc", "intj"}


def _clause_edge(clause):
    """Where a clause of its own starts: its left edge, but for a coordinated clause whose parse reaches back
    over its head ("when ... was shot but cannot say"), the conjunction before it."""
    if clause.dep_ == "pcomp":
        return clause.head.left_edge
    if clause.dep_ == "conj" and clause.left_edge.i < clause.head.i:
        conjunctions = [c for c in clause.head.children if c.dep_ == "cc" and c.i < clause.i]
        return conjunctions[-1] if conjunctions else clause
    return clause.left_edge
