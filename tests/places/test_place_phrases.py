""""X came under heavy shelling" is what a town does, and "Miss X, of Y," names where someone lives: a name
the model tags PERSON or the dictionary lists as a word ("Bender", "Hayes") is the town there."""
from __future__ import annotations

from conflictcli.nlp import model as nlp
from conflictcli.places.find import find_places


def test_a_town_that_came_under_shelling():
    doc = nlp.load()("Moldova: tension rises\n\nBender came under heavy shelling on Tuesday, residents said.")
    bender = next((p for p in find_places(doc) if p.name == "Bender"), None)
    assert bender is not None and bender.country == "MD"


def test_a_town_after_a_persons_name_and_of():
    doc = nlp.load()("Miss Abdi, of Hayes, was not believed to be a target, Scotland Yard said in London.")
    assert "Hayes" in {p.name for p in find_places(doc)}
