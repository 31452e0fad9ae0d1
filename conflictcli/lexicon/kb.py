"""The conflict-actor knowledge base (data/actors.json): armed groups, state forces, international and
humanitarian organisations, monitors and news agencies, with their aliases, type and country.

spaCy's small model does not know most of these names, or gives them the wrong label (Hayat Tahrir al-Sham
as a person); the entity ruler built from this file tags them before NER, and the actor stage takes their
canonical name, type and country from here.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from conflictcli.lexicon.normalize import actor_key as normalize  # the one comparison form of actor names


@dataclass(frozen=True)
class Entry:
    key: str  # stable id, also the entity ruler's pattern id
    name: str
    type: str  # organization | armed_group
    country: str | None
    aliases: tuple[str, ...]


@lru_cache(maxsize=8192)
@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    raw = json.loads(resources.files("conflictcli").joinpath("data/actors.json").read_text(encoding="utf-8"))
    return tuple(Entry(key=normalize(e["name"]), name=e["name"], type=e["type"], country=e.get("country"),
                       aliases=tuple(e.get("aliases") or ())) for e in raw)


def _is_short_acronym(form: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", form)
    return form.upper() == form and len(letters) <= 4


@lru_cache(maxsize=1)
def _by_form() -> dict[str, Entry]:
    """Normalised form -> entry; short acronyms ("IS", "AP") only under their exact spelling, prefixed "=". """
    out: dict[str, Entry] = {}
    for entry in entries():
        for form in (entry.name, *entry.aliases):
            out.setdefault("=" + form if _is_short_acronym(form) else normalize(form), entry)
    return out


def by_key(key: str) -> Entry | None:
    """The entry of an entity-ruler pattern id."""
    return _by_key().get(key)


@lru_cache(maxsize=1)
def _by_key() -> dict[str, Entry]:
    return {entry.key: entry for entry in entries()}


@lru_cache(maxsize=8192)
def lookup(text: str) -> Entry | None:
    """The entry a surface form names ("the HTS", "Daesh"), else None. Short acronyms must match their case."""
    stripped = re.sub(r"^(the|The)\s+", "", " ".join(text.split()))
    stripped = re.sub(r"['’]s?$", "", stripped)
    return _by_form().get("=" + stripped) or _by_form().get(normalize(stripped))


def ruler_patterns() -> list[dict]:
    """Phrase patterns (exact spelling) for every name and alias, labelled ORG with the entry key as id."""
    return [{"label": "ORG", "pattern": form, "id": entry.key}
            for entry in entries() for form in dict.fromkeys((entry.name, *entry.aliases))]
