"""Direct and partial quotations: each quoted stretch with the cue and speaker around it.

'"...," X said', 'said X', 'X told Reuters: "..."', '"..." - X', 'according to X', a lead-in paragraph ending
in a colon, or the speaker of the quotation just before it (a quotation continued over paragraphs); also
transcript turns ("PENCE: ...") and a headline led by its source ("Pence: ..."). Quoted words with no speech
around them (scare quotes, titles) are not quotes.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from conflictcli.lexicon import speech
from conflictcli.models import Quote
from conflictcli.quotes.quotemarks import Quoted
from conflictcli.quotes.speakers import SpeakerChooser
from conflictcli.referents.speakers import Speaker, np_head

TAIL_TOKENS = 25  # how far after a quotation its attribution may start ("...," the senior official said)
CONTINUING_PUNCT = tuple(",?!—–-…:")
TRANSCRIPT_TURN = re.compile(r"^[\"“]?([A-Z][A-Z.'’ -]{1,30}[A-Z.]):[ \t]+(\S[^\n]*)$", re.MULTILINE)
HEADLINE_SOURCE = re.compile(r"([^\n:]{2,40}):[ \t]+(\S[^\n]*)")
DASHES = ("—", "–", "-", "―")
TITLE_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with", "from"}


@dataclass
class Attribution:
    speaker: Speaker
    cue: str | None
    kind: str
    cue_span: tuple[int, int] | None = None
    confidence: float = 0.95


class QuotationFinder(SpeakerChooser):
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
        content = content.rstrip("’'\"” ")  # '... get credit,’” Bloomberg said': the inner quotation's mark
        if not (content.endswith(CONTINUING_PUNCT) or self.text[q.end:q.end + 1] == "," or starts_lower):
            return None
        window = []
        for t in tail:
            if t.text in {".", "!", "?", ";"} or len(window) >= TAIL_TOKENS:
                break
            window.append(t)
        cue = next((t for t in window if _is_cue_verb(t) or self._according(t) or _goes_on(t)), None)
        if cue is None:
            return None
        if not (content.endswith(CONTINUING_PUNCT) or self.text[q.end:q.end + 1] == ",") and cue not in words[:4]:
            return None  # '"..." to Ukraine and replacing it with language calling for': not its attribution
        if self._according(cue):
            speaker = self._according_speaker(cue)
        else:
            speaker = self._subject(cue, window[0].i, window[-1].i + 1)
        if speaker is None:
            return None
        return Attribution(speaker, self._cue_text(cue), "direct", self._cue_span(cue))

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
        return Attribution(self._speaker(np_head(heads[0])), None, "direct", confidence=0.8)

    def _before(self, q: Quoted, start: int, par_end: int) -> Attribution | None:
        """'X said: "..."', 'X told Reuters "..."' (direct) and 'X said the rebels would "..." (partial).'"""
        context = [t for t in self._tokens(start, q.start) if not self._inside_quote(t.idx)]
        cues = [t for t in context if _is_cue_verb(t) or self._according(t)]
        lead_in = self._lead_in_verb(context)
        if lead_in is not None and lead_in not in cues:
            cues.append(lead_in)
        if not cues:
            return None
        inside = self._tokens(q.content_start, q.content_end)
        governing = [c for c in cues if inside and any(c in t.ancestors for t in inside)]
        # the outermost cue ("X said both sides agree that "...""), unless another one stands beside it ("...
        # criticised the shift, with Safadi warning of "..."": the nearest cue not inside another's complement)
        beside = [c for c in governing if c.dep_ not in {"ccomp", "xcomp", "conj"}]
        cue = (beside[-1] if beside else governing[0]) if governing else cues[-1]
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
        return Attribution(speaker, self._cue_text(cue), "direct" if direct else "partial", self._cue_span(cue),
                           0.9 if direct else 0.8)

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
        return Attribution(speaker, cue.text, "direct", self._cue_span(cue), 0.85) if speaker else None

    def _continued(self, q: Quoted, previous: tuple[Quoted, Attribution] | None, par_start: int) -> Attribution | None:
        """A quotation with no cue of its own continues the one before it when nothing but white space or
        the previous quotation's attribution separates them (the next paragraph of a long quotation)."""
        if previous is None:
            return None
        before, attribution = previous
        _, before_par_end = self._paragraph(before.start)
        same_paragraph = before.start >= par_start
        gap = self.text[before_par_end:par_start]
        next_paragraph = not same_paragraph and before_par_end <= par_start and not gap.strip() \
            and self._paragraph_ends_quoted(before_par_end)
        starts_paragraph = not self.text[par_start:q.start].strip()
        if same_paragraph and attribution.kind == "partial" and self._same_sentence(before.start, q.start):
            return Attribution(attribution.speaker, attribution.cue, "partial", attribution.cue_span, 0.75)
        if not ((same_paragraph and self._only_attribution_between(before.end, q.start))
                or (next_paragraph and starts_paragraph)):
            return None
        return Attribution(attribution.speaker, attribution.cue, "direct", attribution.cue_span, 0.8)

    def _same_sentence(self, a: int, b: int) -> bool:
        """'will need "to push past" while "not get bogged down"': two fragments of one sentence."""
        first = self.doc.char_span(a, a + 1, alignment_mode="expand")
        second = self.doc.char_span(b, b + 1, alignment_mode="expand")
        return first is not None and second is not None and first[0].sent.start == second[0].sent.start

    def after_reported_speech(self, q: Quoted, reported: list[Quote]) -> Attribution | None:
        """A paragraph that is one quotation with no cue, right after a paragraph reporting what X said,
        carries on X's words ("Erekat said it was ...\n\n"They wanted us on our knees ...")."""
        par_start, par_end = self._paragraph(q.start)
        if self.text[par_start:q.start].strip() or len(self.text[q.end:par_end].strip()) > 1 or par_start < 2:
            return None
        prev_start, prev_end = self._paragraph(max(0, len(self.text[:par_start].rstrip()) - 1))
        if self.text[prev_end:par_start].count("\n") > 2:
            return None
        said = [r for r in reported if prev_start <= r.start < prev_end and r.kind == "indirect" and r.speaker
                and r.speaker[0].isupper()]
        if not said:
            return None
        last = said[-1]
        speaker = Speaker(last.speaker, last.speaker_start, last.speaker_end)
        cue_span = (last.cue_start, last.cue_end) if last.cue_start is not None else None
        return Attribution(speaker, last.cue, "direct", cue_span, 0.7)

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
                             speaker_end=m.end(1), cue=":", cue_start=m.end(1), cue_end=m.end(1) + 1,
                             confidence=0.8))
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
                      speaker=speaker.name, speaker_start=speaker.start, speaker_end=speaker.end, cue=":",
                      cue_start=m.end(1), cue_end=m.end(1) + 1, confidence=0.6)]

    def _paragraph_ends_quoted(self, par_end: int) -> bool:
        """The paragraph ends inside or right after a quotation (its last sentence is the quotation's)."""
        par_start, _ = self._paragraph(max(0, par_end - 1))
        last = [q for q in self.quoted if par_start <= q.start < par_end]
        if not last:
            return False
        rest = self.text[last[-1].end:par_end]
        if not last[-1].closed or len(rest.split()) <= 8:
            return True
        # '"He has been hit before," said X, who was an adviser ...': a quotation led paragraph whose one
        # sentence after the quotation is its attribution
        opens = not self.text[par_start:last[-1].start].strip()
        return opens and not re.search(r"[.!?]\s+\S", rest.strip())

    def _only_attribution_between(self, start: int, end: int) -> bool:
        """Between two quotations of one paragraph: nothing, or a sentence end, or an attribution."""
        between = self.text[start:end].strip()
        return len(between.split()) <= 10 and not between.endswith(tuple("—–-")) and (
            not between or between.endswith((".", ",", ":", "!", "?")))

    def _hearer_only(self, cue, q: Quoted) -> bool:
        """'told Reuters "...', 'said in a statement "...': only a hearer or setting between cue and quote."""
        between = [t for t in self.doc[cue.i + 1:] if t.idx < q.start]
        return len(between) <= 5 and not any(t.pos_ in {"VERB", "AUX", "SCONJ"} or t.lower_ == "that" for t in between)


def _is_cue_verb(token) -> bool:
    """A communication verb used as a verb ("the ruling in Brown" is none; "Safadi warning", tagged as a noun
    but with no determiner, is one)."""
    if token.lower_ not in speech.SPEECH_VERBS or (token.tag_ == "VBN" and token.dep_ == "acl"):
        return False  # "a group called ...": a participle that names
    return token.pos_ in {"VERB", "AUX"} or (token.pos_ == "NOUN" and token.lower_.endswith("ing") and not any(
        c.dep_ in {"det", "poss"} for c in token.children))  # "with Safadi warning of", misparsed as a noun


def _goes_on(token) -> bool:
    """'she went on', 'he continued': a speaker carrying on a quotation."""
    return token.lower_ in {"went", "goes", "going", "continued", "continues"} and (
        token.lower_.startswith("continu") or any(c.dep_ == "prt" and c.lower_ == "on" for c in token.children))


def _looks_like_title(content: str) -> bool:
    """A short capitalised phrase: the name of a show, book, song or policy."""
    words = re.findall(r"[^\W\d_][\w'’-]*", content)
    return 0 < len(words) <= 8 and content.strip()[-1:] not in {"?", "!"} and words[0][0].isupper() and all(
        w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
