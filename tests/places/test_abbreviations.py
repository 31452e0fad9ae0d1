"""A US state abbreviated after a town ("Fresno, Calif.", "SPRINGFIELD, Ill.") is the state, and the town is read
inside it; a word cut short by a full stop is otherwise no place's name ("Ill." is no town Il)."""
from __future__ import annotations

from conflictcli.nlp import model as nlp
from conflictcli.places.find import find_places


def places_of(text: str):
    return {p.name: p for p in find_places(nlp.load()(text))}


def test_a_state_abbreviated_after_a_town_is_the_state_and_places_the_town():
    places = places_of("SPRINGFIELD, Ill. (AP) - Officials say the water is safe.")
    assert places["Ill."].canonical == "Illinois" and places["Ill."].kind == "province"
    assert places["Springfield"].lat is not None and abs(places["Springfield"].lon + 89.6) < 1


def test_an_abbreviation_no_state_begins_with_is_no_place():
    assert "Fla." not in places_of("He lives in Tampa, Fla., with his wife.")
    assert not places_of("The Rev. Ill. Smith spoke.").keys() - {"Smith"}


def test_capitals_with_full_stops_are_a_country_or_nothing():
    places = places_of("Smith & Jones, P.A. represents the victims, the U.S. Department of Justice said.")
    assert [p.canonical for p in places.values()] == ["United States"]
