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

from conflictcli.models import Actor, Quote
from conflictcli.quotes.direct import Attribution, QuotationFinder
from conflictcli.quotes.quotemarks import Quoted, find_quoted
from conflictcli.quotes.reported import ReportedSpeech
from conflictcli.quotes.tidy import tidy
from conflictcli.referents.speakers import Referents


def find_quotes(doc, actors: list[Actor], beliefs: bool = True) -> list[Quote]:
    """All quotes of a parsed document, in text order. `beliefs=False` leaves out the `belief` kind (views,
    wishes and stances: "hopes", "supports", "denied the charge"); the tables hide them anyway."""
    referents = Referents(doc, actors)
    text = referents.text
    quoted = find_quoted(text)
    finder = _Attributor(doc, referents, quoted)
    quotes: list[Quote] = []
    unattributed: list[Quoted] = []
    previous: tuple[Quoted, Attribution] | None = None
    for q in quoted:
        attribution = None if finder.in_heading(q.start) else finder.attribute(q, previous)
        if attribution is None:
            unattributed.append(q)
            continue
        previous = (q, attribution)
        quotes.append(_quote(text, q, attribution))
    turns = finder.transcript_turns()
    reported = finder.reported_speech()
    quotes += reported + turns + ([] if turns else finder.headline_source())
    quotes += [_quote(text, q, a) for q in unattributed if (a := finder.after_reported_speech(q, reported))]
    return tidy(quotes, beliefs)


def _quote(text: str, q: Quoted, attribution: Attribution) -> Quote:
    s = attribution.speaker
    raw = text[q.content_start:q.content_end]
    start = q.content_start + len(raw) - len(raw.lstrip())
    end = q.content_start + len(raw.rstrip())
    cue_start, cue_end = attribution.cue_span or (None, None)
    return Quote(text=text[start:end], kind=attribution.kind, start=start, end=end, speaker=s.name,
                 speaker_start=s.start, speaker_end=s.end, cue=attribution.cue, cue_start=cue_start,
                 cue_end=cue_end, confidence=attribution.confidence)


class _Attributor(QuotationFinder, ReportedSpeech):
    """Both finders over one document."""

