"""Places: toponyms in the text, geocoded offline. (First cut: spaCy GPE/LOC/FAC only, not geocoded.)"""
from __future__ import annotations

from .models import Mention, Place

PLACE_LABELS = ("GPE", "LOC", "FAC")


def find_places(doc) -> list[Place]:
    by_name: dict[str, Place] = {}
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            place = by_name.setdefault(ent.text, Place(name=ent.text, kind="region"))
            place.mentions.append(Mention(ent.start_char, ent.end_char, ent.text))
    return list(by_name.values())
