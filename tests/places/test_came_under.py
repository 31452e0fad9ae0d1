""""X came under heavy shelling" is what a town does: a name the model tags PERSON and the dictionary lists as a
word ("Bender") is the town there, in the country the headline names."""
from __future__ import annotations

from conflictcli.nlp import model as nlp
from conflictcli.places.find import find_places


def test_a_town_that_came_under_shelling():
    doc = nlp.load()("Moldova: tension rises\n\nBender came under heavy shelling on Tuesday, residents said.")
    bender = next((p for p in find_places(doc) if p.name == "Bender"), None)
    assert bender is not None and bender.country == "MD"
