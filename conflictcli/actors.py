"""Actors: people, organisations, armed groups, states and groups. (First cut: spaCy entities only.)"""
from __future__ import annotations

from .models import Actor, Mention, Place

ACTOR_LABELS = {"PERSON": "person", "ORG": "organization", "NORP": "group"}


def ruler_patterns() -> list[dict]:
    """Entity-ruler patterns from the knowledge base, added before spaCy's NER."""
    return []


def find_actors(doc, places: list[Place]) -> list[Actor]:
    by_name: dict[str, Actor] = {}
    for ent in doc.ents:
        if ent.label_ in ACTOR_LABELS:
            actor = by_name.setdefault(ent.text, Actor(name=ent.text, type=ACTOR_LABELS[ent.label_]))
            actor.mentions.append(Mention(ent.start_char, ent.end_char, ent.text))
    return sorted(by_name.values(), key=lambda a: (-a.count, a.first))
