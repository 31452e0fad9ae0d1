"""Actors: the people, organisations, armed groups, states and groups an article is about.

Recognition is spaCy's NER plus an entity ruler fed from the knowledge base (lexicon/kb.py), corrected by what
the place gazetteer and the country tables (lexicon/demonyms.py) know (named.py), plus unnamed actors: noun
phrases headed by "militias", "rebels", "forces", "government", "official" and the like (nominals.py).
Mentions of one real-world actor are then merged (merge.py; pronouns through the referent layer) and the
actors sorted by salience: mention count, then first position.
"""
from __future__ import annotations

from conflictcli.actors.build import actor_of
from conflictcli.actors.evidence import heading_lines, is_participant
from conflictcli.actors.merge import merge
from conflictcli.actors.named import entity_candidates, untagged_demonyms, untagged_people
from conflictcli.actors.nominals import nominal_candidates
from conflictcli.models import Actor, Place
from conflictcli.nlp.model import doc_text
from conflictcli.quotes.quotemarks import find_quoted


def find_actors(doc, places: list[Place]) -> list[Actor]:
    """The actors of a parsed article, merged and sorted by salience (count, then first position)."""
    if not doc_text(doc).strip():
        return []
    place_spans = [(m.start, m.end) for p in places for m in p.mentions]
    named = entity_candidates(doc, place_spans)
    taken = {i for c in named for i in range(c.start, c.end)}
    named += untagged_people(doc, taken)
    named += untagged_demonyms(doc, {i for c in named for i in range(c.start, c.end)})
    taken = {i for c in named for i in range(c.start, c.end)}
    parsed = doc.has_annotation("DEP")  # unnamed actors and pronouns need the parse
    nominal = nominal_candidates(doc, taken, place_spans) if parsed else []
    clusters = merge(doc, named, nominal, parsed)
    if parsed:
        text = doc_text(doc)
        quotations = [(q.start, q.end) for q in find_quoted(text)]
        headings = heading_lines(text)
        clusters = [c for c in clusters if is_participant(c, quotations, headings)]
    actors = [actor_of(c, doc_text(doc)) for c in clusters]
    return sorted(actors, key=lambda a: (-a.count, a.first))
