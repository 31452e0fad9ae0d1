"""The last pass over a document's quotes: one entry per statement, partials linked to their clause, and a
confidence that says how much to trust each one.

Works on `Quote` records only (no parse): it must not find quotes, only drop, link and score them.
"""
from __future__ import annotations

import re

from conflictcli.lexicon import speech
from conflictcli.models import Quote

REPORTED = {"indirect", "belief"}
NO_SPEAKER = 0.6  # a statement with no one named as its source is still reported, but worth less
UNRESOLVED_PRONOUN = 0.8  # "he said" with no antecedent found
CARRY_OVER_CHARS = 800  # how far back an unresolved "they claimed" may find the speaker before it
THIRD_PERSON = speech.MALE_PRONOUNS | speech.FEMALE_PRONOUNS | speech.PLURAL_PRONOUNS | speech.NEUTER_PRONOUNS


def tidy(quotes: list[Quote], beliefs: bool = True) -> list[Quote]:
    """Drop duplicates and (unless asked for) beliefs; link each
    partial quote to the indirect quote around it; scale confidence by how well the speaker is known."""
    quotes = sorted(quotes, key=lambda q: (q.start, q.end))
    quotes = _without_duplicates(quotes)
    if not beliefs:
        quotes = [q for q in quotes if q.kind != "belief"]
    _link_partials(quotes)
    _carry_over_pronouns(quotes)
    for q in quotes:
        if q.speaker is None:
            q.confidence *= NO_SPEAKER
        elif q.speaker.lower() in speech.SPEAKER_PRONOUNS:
            q.confidence *= UNRESOLVED_PRONOUN
        q.confidence = round(q.confidence, 2)
    return quotes


def shown(quotes: list[Quote], beliefs: bool = False, min_confidence: float = 0.0) -> list[Quote]:
    """The quotes a reader sees by default: no beliefs (unless asked for), none below `min_confidence`."""
    return [q for q in quotes if (beliefs or q.kind != "belief") and q.confidence >= min_confidence]


def _without_duplicates(quotes: list[Quote]) -> list[Quote]:
    """The same words never twice in one kind (a pull quote repeating the body, two cues for one clause):
    the first, most confident one stays."""
    best: dict[tuple[str, str], Quote] = {}
    for q in quotes:
        key = (q.kind, _words(q.text))
        if key not in best or q.confidence > best[key].confidence:
            best[key] = q
    keep = {id(q) for q in best.values()}
    return [q for q in quotes if id(q) in keep]


def _link_partials(quotes: list[Quote]) -> None:
    """A partial quote inside reported speech points at the indirect quote (the clause) that holds it."""
    clauses = [q for q in quotes if q.kind == "indirect"]
    for q in quotes:
        if q.kind != "partial":
            continue
        around = [c for c in clauses if c.start <= q.start and q.end <= c.end + 1]
        if around:
            clause = min(around, key=lambda c: c.end - c.start)
            q.clause_start, q.clause_end = clause.start, clause.end


def _carry_over_pronouns(quotes: list[Quote]) -> None:
    """A pronoun the referents could not resolve ("They claimed ...") goes to the speaker of the statement just
    before it, as a reader takes it; the pronoun stays the speaker mention."""
    last: Quote | None = None
    for q in quotes:
        if q.kind == "belief":
            continue
        unresolved = q.speaker is not None and q.speaker.lower() in THIRD_PERSON
        if unresolved and last is not None and (q.speaker_start or q.start) - last.end <= CARRY_OVER_CHARS:
            q.speaker, q.confidence = last.speaker, q.confidence * 0.9
        if q.speaker and q.speaker[0].isupper() and q.speaker.lower() not in THIRD_PERSON and q.kind != "partial":
            last = q  # a named speaker of a statement, not "borrowers" behind a scare quote


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))
