"""Quotes: direct quotations, partial quotations and reported speech, each with its speaker.

Quoted stretches come from `quotemarks` (no model); the parse then finds the cue verb and its subject around
each one (`"...," X said`, `said X`, `X told Reuters: "..."`, `"..." - X`, `according to X`), or inherits the
speaker of the quotation just before it (a quotation continued over paragraphs). Reported speech is a cue verb
with a clausal complement ("X said (that) ...", "..., X said", "X told Y that ...", "according to X, ..."), a
stance verb with its object ("urged Congress to act", "backed Harper"), a passive report ("is expected to ...",
"was first reported by X"), a speech noun with a "that" clause ("X's claim that ...") or a headline led by a
source ("Pence: ..."); its source may sit higher up ("..., arguing that", "a statement calling ...").
Quoted words with no speech around them (scare quotes) are not quotes. Speakers go through `speakers` so that
they carry the actors' canonical names, and pronouns and role nominals point at the right person.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from conflictcli.lexicon import speech
from conflictcli.models import Actor, Quote
from conflictcli.quotes.quotemarks import Quoted, find_quoted
from conflictcli.referents.speakers import Referents, Speaker, noun_phrase, np_head, proper_name

TAIL_TOKENS = 25  # how far after a quotation its attribution may start ("...," the senior official said)
CONTINUING_PUNCT = tuple(",?!—–-…:")
SENTENCE_END = re.compile(r"[.!?][”\"’']?\s+(?=[“\"‘A-Z])")
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "jr", "sr",
                 "sept", "oct", "nov", "dec", "jan", "feb", "aug", "no", "vs", "u.s", "u.n", "prof", "rev", "inc"}
TRANSCRIPT_TURN = re.compile(r"^[\"“]?([A-Z][A-Z.'’ -]{1,30}[A-Z.]):[ \t]+(\S[^\n]*)$", re.MULTILINE)
HEADLINE_SOURCE = re.compile(r"([^\n:]{2,40}):[ \t]+(\S[^\n]*)")
DASHES = ("—", "–", "-", "―")
TITLE_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with", "from"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
NOT_SPEAKERS = {"DATE", "TIME", "CARDINAL", "MONEY", "ORDINAL", "QUANTITY"}  # "40 percent (of voters) said" speak
OBJECT_DEPS = {"dobj", "xcomp", "dative", "oprd"}  # complements of a stance verb that carry its content
CONTENT_PREPS = {"for", "on", "of", "about", "against", "as"}  # "called for ...", "accused X of ...", "warned against"


@dataclass
class Attribution:
    speaker: Speaker
    cue: str | None
    kind: str


def find_quotes(doc, actors: list[Actor]) -> list[Quote]:
    """All quotes of a parsed document, in text order."""
    referents = Referents(doc, actors)
    text = referents.text
    quoted = find_quoted(text)
    finder = _Attributor(doc, referents, quoted)
    quotes: list[Quote] = []
    previous: tuple[Quoted, Attribution] | None = None
    for q in quoted:
        attribution = finder.attribute(q, previous)
        if attribution is None:
            continue
        previous = (q, attribution)
        s = attribution.speaker
        raw = text[q.content_start:q.content_end]
        start = q.content_start + len(raw) - len(raw.lstrip())
        end = q.content_start + len(raw.rstrip())
        quotes.append(Quote(text=text[start:end], kind=attribution.kind, start=start, end=end, speaker=s.name,
                            speaker_start=s.start, speaker_end=s.end, cue=attribution.cue))
    turns = finder.transcript_turns()
    quotes += finder.reported_speech() + turns + ([] if turns else finder.headline_source())
    return sorted(quotes, key=lambda q: (q.start, q.end))


class _Attributor:
    def __init__(self, doc, referents: Referents, quoted: list[Quoted]):
        self.doc = doc
        self.text = referents.text
        self.referents = referents
        self.quoted = quoted
        self.token_starts = [t.idx for t in doc]
        self.quoted_chars = bytearray(len(self.text) + 1)  # 1 inside a quoted stretch, marks included
        for q in quoted:
            self.quoted_chars[q.start:q.end] = b"\x01" * (q.end - q.start)

    # --- direct and partial quotations ------------------------------------------------------------------
    def attribute(self, q: Quoted, previous: tuple[Quoted, Attribution] | None) -> Attribution | None:
        par_start, par_end = self._paragraph(q.start)
        following = next((o.start for o in self.quoted if o.start >= q.end), len(self.text))
        found = self._after(q, min(par_end, following)) or self._dash(q, min(par_end, following))
        if found:
            return found
        earlier = max([o.end for o in self.quoted if o.end <= q.start] + [par_start])
        start = max(earlier, self._sentence_start(q.start, par_start))
        found = self._before(q, start, par_end)
        if found and found.kind == "partial" and _looks_like_title(self.text[q.content_start:q.content_end]):
            return None  # appearing on "Face the Nation", the "Buffett Rule": a name, not a quotation
        found = found or self._from_lead_in_paragraph(q, par_start)
        if found:
            return found
        return self._continued(q, previous, par_start)

    def _after(self, q: Quoted, limit: int) -> Attribution | None:
        """'"...," X said' and '"...," said X': the cue within a few words after the closing mark."""
        content = self.text[q.content_start:q.content_end].rstrip()
        tail = self._tokens(q.end, limit)
        words = [t for t in tail if not t.is_punct]
        if not words:
            return None
        starts_lower = words[0].text[:1].islower() or words[0].lower_ in speech.SPEAKER_PRONOUNS
        if not (content.endswith(CONTINUING_PUNCT) or self.text[q.end:q.end + 1] == "," or starts_lower):
            return None
        window = []
        for t in tail:
            if t.text in {".", "!", "?", ";"} or len(window) >= TAIL_TOKENS:
                break
            window.append(t)
        cue = next((t for t in window if t.lower_ in speech.SPEECH_VERBS or self._according(t)), None)
        if cue is None:
            return None
        if self._according(cue):
            speaker = self._according_speaker(cue)
        else:
            speaker = self._subject(cue, window[0].i, window[-1].i + 1)
        if speaker is None:
            return None
        return Attribution(speaker, self._cue_text(cue), "direct")

    def _dash(self, q: Quoted, limit: int) -> Attribution | None:
        """'"..." — X': a name after a dash closing the paragraph."""
        tail = self.text[q.end:limit]
        stripped = tail.lstrip()
        if not stripped.startswith(DASHES):
            return None
        tokens = [t for t in self._tokens(q.end, limit) if not t.is_punct]
        heads = [t for t in tokens if t.pos_ in {"PROPN", "NOUN"}]
        if not heads or len(tokens) > 8:
            return None
        return Attribution(self._speaker(np_head(heads[0])), None, "direct")

    def _before(self, q: Quoted, start: int, par_end: int) -> Attribution | None:
        """'X said: "..."', 'X told Reuters "..."' (direct) and 'X said the rebels would "..." (partial).'"""
        context = [t for t in self._tokens(start, q.start) if not self._inside_quote(t.idx)]
        cues = [t for t in context if t.lower_ in speech.SPEECH_VERBS or self._according(t)]
        lead_in = self._lead_in_verb(context)
        if lead_in is not None and lead_in not in cues:
            cues.append(lead_in)
        if not cues:
            return None
        inside = self._tokens(q.content_start, q.content_end)
        governing = [c for c in cues if inside and any(c in t.ancestors for t in inside)]
        cue = governing[0] if governing else cues[-1]  # the outermost cue: "X said both sides agree that "..."
        if self._according(cue):
            speaker = self._according_speaker(cue)
        else:
            speaker = self._subject(cue, bisect_left(self.token_starts, start), bisect_left(self.token_starts, q.start))
        if speaker is None:
            return None
        between = self.text[cue.idx + len(cue.text):q.start].strip()
        rest = self.text[q.end:par_end]
        ends_sentence = not rest.strip() or rest.lstrip()[:1] in {".", "!", "?", ""} or rest[:1] in ".!?"
        direct = ends_sentence and (not between or between.endswith((":", ",")) or self._hearer_only(cue, q))
        return Attribution(speaker, self._cue_text(cue), "direct" if direct else "partial")

    @staticmethod
    def _lead_in_verb(context: list):
        """Any verb that introduces a quotation right after it: 'She continued: "...', 'chanted "...'."""
        words = [t for t in context if not t.is_punct and not t.is_space]
        if words and words[-1].lower_ == "it" and len(words) > 1:  # as X put it, "..."
            words = words[:-1]
        if words and words[-1].pos_ == "VERB":
            return words[-1]
        return None

    def _from_lead_in_paragraph(self, q: Quoted, par_start: int) -> Attribution | None:
        """'He said:' or 'The New York Times reports:' closing the paragraph before a quotation."""
        if self.text[par_start:q.start].strip():
            return None
        before = self.text[:par_start].rstrip()
        if not before.endswith(":"):
            return None
        prev_start, _ = self._paragraph(len(before) - 1)
        context = [t for t in self._tokens(prev_start, len(before)) if not self._inside_quote(t.idx)]
        cues = [t for t in context if t.lower_ in speech.SPEECH_VERBS]
        cue = cues[-1] if cues else self._lead_in_verb(context)
        if cue is None:
            return None
        speaker = self._subject(cue, context[0].i, context[-1].i + 1)
        return Attribution(speaker, cue.text, "direct") if speaker else None

    def _continued(self, q: Quoted, previous: tuple[Quoted, Attribution] | None, par_start: int) -> Attribution | None:
        """A quotation with no cue of its own continues the one before it when nothing but white space or
        the previous quotation's attribution separates them (the next paragraph of a long quotation)."""
        if previous is None:
            return None
        before, attribution = previous
        _, before_par_end = self._paragraph(before.start)
        same_paragraph = before.start >= par_start
        gap = self.text[before_par_end:par_start]
        next_paragraph = not same_paragraph and before_par_end <= par_start and gap.count("\n") <= 2 \
            and self._paragraph_ends_quoted(before_par_end)
        starts_paragraph = not self.text[par_start:q.start].strip()
        if not ((same_paragraph and self._only_attribution_between(before.end, q.start))
                or (next_paragraph and starts_paragraph)):
            return None
        return Attribution(attribution.speaker, attribution.cue, "direct")

    # --- reported speech ----------------------------------------------------------------------------------
    def reported_speech(self) -> list[Quote]:
        """'X said (that) ...', '..., X said', 'X told Y that ...', 'according to X, ...' outside quotation marks."""
        out = []
        for token in self.doc:
            if self._inside_quote(token.idx):
                continue
            if self._according(token):
                found = [self._according_content(token)]
            elif token.pos_ == "NOUN" and token.lower_ in speech.NOUN_CUES:
                found = [self._nominal(token)]
            else:
                found = self._complements(token)
            for start, end, speaker in filter(None, found):
                lead = self.text[max(0, start - 6):start].lower()
                if not re.search(r"\w", self._unquoted(start, end)) and not re.search(r"\bthat\W*$", lead):
                    continue  # the attribution of a direct quotation, not reported speech ("said that “...”" is)
                out.append(Quote(text=self.text[start:end], kind="indirect", start=start, end=end,
                                 speaker=speaker.name, speaker_start=speaker.start, speaker_end=speaker.end,
                                 cue=self._cue_text(token)))
        return out

    def transcript_turns(self) -> list[Quote]:
        """'PENCE: Well, look, ...' paragraphs of a transcript (two turns at least, so a dateline is not one)."""
        turns = list(TRANSCRIPT_TURN.finditer(self.text))
        if len(turns) < 2:
            return []
        out = []
        for m in turns:
            label = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            referent = self.referents.by_surname(label[-1]) if label is not None else None
            content = m.group(2).rstrip(" \"”")
            out.append(Quote(text=content, kind="indirect", start=m.start(2), end=m.start(2) + len(content),
                             speaker=referent.name if referent else m.group(1), speaker_start=m.start(1),
                             speaker_end=m.end(1), cue=None))
        return out

    def headline_source(self) -> list[Quote]:
        """'Pat Caddell: Democrat Voters Worried ...': a headline led by a named source and a colon (not a place,
        as in "Syria: Iraqi militias ...")."""
        m = HEADLINE_SOURCE.match(self.text)
        label = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand") if m else None
        if label is None or len(label) > 5:
            return []
        named = any(t.ent_type_ in {"PERSON", "ORG"} for t in label) and all(t.pos_ == "PROPN" for t in label)
        if not (named or (len(label) == 1 and label[0].lower_ in speech.AGENT_NOUNS)):
            return []
        content = m.group(2).rstrip(" .")
        if len(content.split()) < 3:
            return []
        speaker = self._speaker(label[-1])
        return [Quote(text=content, kind="indirect", start=m.start(2), end=m.start(2) + len(content),
                      speaker=speaker.name, speaker_start=speaker.start, speaker_end=speaker.end, cue=":")]

    def _complements(self, cue) -> list[tuple[int, int, Speaker]]:
        """The content of a cue verb: its clausal complements ("said (that) ...", "..., X said"), else the
        objects of a stance verb ("urged Congress to act", "called the test a violation"); a parenthetical
        cue covers its whole sentence ("Acts of protest, Mr. Obama said, are acts of patriotism")."""
        low = cue.lower_
        if cue.pos_ not in {"VERB", "AUX"} or low not in speech.CUE_VERBS:
            return []
        if low not in speech.SPEECH_VERBS and cue.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
            return []  # "entered Syria to support the government": a purpose, not a view
        if self._is_passive(cue):
            return self._passive(cue)
        source = self._source(cue)
        if source is None:
            return []
        speaker = self._speaker(source)
        parenthetical = self._parenthetical(cue, source, speaker)
        if parenthetical is not None:
            return [parenthetical]
        clauses = [c for c in cue.children if c.dep_ == "ccomp" or (c.dep_ == "advcl" and c.left_edge.lower_ == "that")]
        if clauses:
            found = [self._clipped(c.left_edge, c.right_edge, cue, speaker) for c in clauses]
            return [f for f in found if f is not None]
        objects = [c for c in cue.rights if c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in CONTENT_PREPS)]
        if not objects or (low in speech.SPEECH_VERBS and not self._content_object(objects)):
            return []  # the object of "attacked Machado" is its content, that of "told Reuters" only a hearer
        first = min(objects, key=lambda c: c.left_edge.i).left_edge
        last = max(objects, key=lambda c: c.right_edge.i).right_edge
        found = self._clipped(first, last, cue, speaker)
        return [found] if found else []

    def _nominal(self, noun) -> tuple[int, int, Speaker] | None:
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
        if owner is None or not _could_speak(owner):
            return None
        return self._clipped(clause.left_edge, clause.right_edge, noun, self._speaker(owner))

    def _source(self, cue):
        """The token naming who holds the reported view: the cue's subject in its paragraph, else that of the
        verb it hangs from ("..., arguing that", "by announcing that", "wants to ..."), or the noun a
        participle describes ("a statement announcing ...", "one saying that ...")."""
        paragraph = self._paragraph(cue.idx)
        verb = cue
        for _ in range(4):
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and _could_speak(c)
                        and self._paragraph(c.idx) == paragraph and not self._inside_quote(c.idx)]
            if subjects:
                subject = min(subjects, key=lambda s: abs(verb.i - s.i))
                if verb.i != cue.i and verb.pos_ == "AUX" and subject.lower_ in {"it", "this", "that"}:
                    return None  # "it would be a mistake to label ...": no one holds that view
                return subject
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            if verb.dep_ == "acl" and infinitive:
                return None  # "a mistake to label ...": the noun does not hold the view
            if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} and _could_speak(verb.head):
                noun = verb.head  # "a statement calling ...": the statement, or whoever issued it
                while noun.dep_ in {"pobj", "conj", "appos"} and noun.head.dep_ in {"prep", "dobj", "conj", "appos"}:
                    noun = noun.head.head if noun.head.dep_ == "prep" else noun.head
                if noun.dep_ != "dobj" or noun.head.pos_ not in {"VERB", "AUX"}:
                    return verb.head
                verb = noun.head
            elif verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
                verb = verb.head
            elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                verb = verb.head.head
            else:
                return None
        return None

    @staticmethod
    def _is_passive(cue) -> bool:
        return any(c.dep_ in {"nsubjpass", "auxpass"} for c in cue.children)

    def _passive(self, cue) -> list[tuple[int, int, Speaker]]:
        """'The issue was first reported by the Post', 'X is expected to win', 'it is believed that ...':
        the agent is the source (none when unnamed); the content is the clause, or the complement of "it"."""
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        by = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
        speaker = self._speaker(by[0]) if by and _could_speak(by[0]) else Speaker(None, None, None)
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
        found = self._clipped(subjects[0].left_edge, last, cue, speaker)
        return [found] if found else []

    def _clipped(self, first, last, cue, speaker: Speaker) -> tuple[int, int, Speaker] | None:
        """A content span kept within the cue's sentence and paragraph (a misparse may reach across a heading)."""
        sent = cue.sent
        par_start, par_end = self._paragraph(cue.idx)
        first = max(first, sent[0], key=lambda t: t.i)
        last = min(last, sent[-1], key=lambda t: t.i)
        while first.i < last.i and first.idx < par_start:
            first = self.doc[first.i + 1]
        while last.i > first.i and last.idx >= par_end:
            last = self.doc[last.i - 1]
        return self._trimmed(first, last, speaker)

    def _parenthetical(self, cue, source, speaker: Speaker) -> tuple[int, int, Speaker] | None:
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
        return self._clipped(sent[0], sent[-1], cue, speaker)

    @staticmethod
    def _content_object(objects: list) -> bool:
        """Objects that say something: more than a pronoun or the name of the one spoken to (told Reuters)."""
        words = [t for c in objects for t in c.subtree if not t.is_punct]
        return len(words) >= 2 and not all(t.pos_ in {"PROPN", "DET", "PRON"} for t in words)

    def _according_content(self, token) -> tuple[int, int, Speaker] | None:
        """The clause that "according to X" is attached to, without the attribution itself."""
        speaker = self._according_speaker(token)
        clause = token.head
        if speaker is None or clause is token:
            return None
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

    def _trimmed(self, first, last, speaker: Speaker) -> tuple[int, int, Speaker] | None:
        """A content span without leading "that" or punctuation, trailing punctuation, nor other paragraphs."""
        limit = last.idx + len(last.text)
        while first.i < last.i and (first.dep_ == "mark" or first.is_punct or first.is_space):
            first = self.doc[first.i + 1]
        while last.i > first.i and (last.is_punct or last.is_space):
            last = self.doc[last.i - 1]
        start, end = first.idx, last.idx + len(last.text)
        end = max([end] + [q.end for q in self.quoted if start <= q.start < end < q.end <= limit])  # keep ”
        if last.i < first.i or first.is_punct or "\n" in self.text[start:end]:
            return None
        return start, end, speaker

    # --- speakers -------------------------------------------------------------------------------------
    def _subject(self, cue, lo: int, hi: int) -> Speaker | None:
        """The speaker of a cue verb: its subject (or the subject of the verb it is coordinated with; for "who
        said", the noun the clause describes), else the nearest noun phrase within [lo, hi) tokens: after the
        cue for "said X", before it otherwise."""
        verb = cue
        for _ in range(3):
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and lo <= c.i < max(hi, cue.i + 1)
                        and _could_speak(c)]
            subjects = [s for s in subjects if not (s.dep_ == "nsubjpass")] or subjects
            if subjects:  # two subjects is a misparsed apposition: the one next to the verb names it
                return self._speaker(min(subjects, key=lambda s: abs(verb.i - s.i)))
            if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
                verb = verb.head
            else:
                break
        after = [t for t in self.doc[cue.i + 1:min(hi, cue.i + 5)] if t.pos_ in {"PROPN", "NOUN", "PRON"}
                 and _could_speak(t)]
        if after and all(t.is_punct or t.pos_ in {"DET", "ADJ", "PROPN", "NOUN", "PRON", "ADV"}
                         for t in self.doc[cue.i + 1:after[0].i]):
            return self._speaker(np_head(after[0]))
        before = [t for t in self.doc[lo:cue.i] if t.pos_ in {"PROPN", "NOUN", "PRON"} and _could_speak(t)
                  and not self._inside_quote(t.idx)]
        if before:
            return self._speaker(np_head(before[-1]))
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
        named = [head] + [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        referent = next(filter(None, (self.referents.referent_at(t.idx, t.idx + len(t.text)) for t in named)), None)
        if head.pos_ == "PROPN" and (referent is None or (referent.kind == "group" and not referent.is_actor)):
            referent = self.referents.by_surname(head) or referent  # spaCy may take a surname for an ORG
        if referent is None:
            referent = self.referents.resolve_nominal(head)
        if referent is not None:
            return Speaker(referent.name, start, end)
        if head.pos_ == "PROPN":  # a name the actors table lacks: the name itself, without its titles
            name = proper_name(head)
            return Speaker(self.text[name[0]:name[1]], start, end)
        return Speaker(self.text[start:end], start, end)

    def _according_speaker(self, token) -> Speaker | None:
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
            to = self.doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
        if not objects:
            return None
        head = objects[0]
        if head.lower_ in speech.SPEECH_NOUNS:  # "according to a statement by X"
            agents = [t for t in head.subtree if t.pos_ == "PROPN" and t.i != head.i]
            if agents:
                head = np_head(agents[0])
        return self._speaker(head)

    # --- helpers --------------------------------------------------------------------------------------
    def _according(self, token) -> bool:
        return token.lower_ == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to"

    def _cue_text(self, cue) -> str:
        return "according to" if self._according(cue) else cue.text

    def _tokens(self, start: int, end: int) -> list:
        return list(self.doc[bisect_left(self.token_starts, start):bisect_left(self.token_starts, end)])

    def _unquoted(self, start: int, end: int) -> str:
        """The text of [start, end) outside quotation marks."""
        return "".join(" " if self.quoted_chars[c] else self.text[c] for c in range(start, end))

    def _inside_quote(self, char: int) -> bool:
        return bool(self.quoted_chars[char])

    def _paragraph(self, char: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, char) + 1
        end = self.text.find("\n", char)
        return start, len(self.text) if end < 0 else end

    def _paragraph_ends_quoted(self, par_end: int) -> bool:
        """The paragraph ends inside or right after a quotation (its last sentence is the quotation's)."""
        par_start, _ = self._paragraph(max(0, par_end - 1))
        last = [q for q in self.quoted if par_start <= q.start < par_end]
        if not last:
            return False
        rest = self.text[last[-1].end:par_end]
        return not last[-1].closed or len(rest.split()) <= 8

    def _only_attribution_between(self, start: int, end: int) -> bool:
        """Between two quotations of one paragraph: nothing, or a sentence end, or an attribution."""
        between = self.text[start:end].strip()
        return len(between.split()) <= 10 and not between.endswith(tuple("—–-")) and (
            not between or between.endswith((".", ",", ":", "!", "?")))

    def _hearer_only(self, cue, q: Quoted) -> bool:
        """'told Reuters "...', 'said in a statement "...': only a hearer or setting between cue and quote."""
        between = [t for t in self.doc[cue.i + 1:] if t.idx < q.start]
        return len(between) <= 5 and not any(t.pos_ in {"VERB", "AUX", "SCONJ"} or t.lower_ == "that" for t in between)

    def _sentence_start(self, char: int, par_start: int) -> int:
        start = par_start
        for m in SENTENCE_END.finditer(self.text, par_start, char):
            word = re.findall(r"[\w.]+$", self.text[par_start:m.start()])
            if word and (word[0].lower() in ABBREVIATIONS or len(word[0]) == 1):
                continue
            start = m.end()
        return start


def _could_speak(token) -> bool:
    """Dates, times, numbers, datelines ("WASHINGTON") and particles name no speaker."""
    if token.ent_type_ in NOT_SPEAKERS or token.pos_ in {"PART", "PUNCT", "NUM", "SYM"} or not token.text[:1].isalpha():
        return False
    return not (token.is_upper and len(token.text) > 3 and token.ent_type_ == "GPE")


def _looks_like_title(content: str) -> bool:
    """A short capitalised phrase: the name of a show, book, song or policy."""
    words = re.findall(r"[^\W\d_][\w'’-]*", content)
    return 0 < len(words) <= 8 and content.strip()[-1:] not in {"?", "!"} and words[0][0].isupper() and all(
        w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
