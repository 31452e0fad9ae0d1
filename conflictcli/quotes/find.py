"""Quotes: what each source said, one entry per statement, each with its speaker, cue and confidence.

Kinds: `direct` (wholly in quotation marks), `partial` (quoted words inside the reporter's sentence; inside
reported speech it points at its `indirect` clause), `indirect` (a communication act - said, told, warned,
accused ... of, according to, a statement that - whose content is a clause or proposition) and `belief`
(views, wishes and stances - believes, hopes, wants, supports, welcomes - and communication whose content is
only a thing, "denied the charge"; kept for machine output, left out of the tables). Quoted stretches come
from `quotemarks` (no model), their attribution from `direct`, reported speech from `reported`, speakers
from `speakers` (through the referent layer); `tidy` drops duplicates and scores confidence. Headings inside
the body (a short line that does not end like a sentence) form no quotes.
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

