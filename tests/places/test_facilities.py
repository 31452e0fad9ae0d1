"""A facility the text places ("X Hospital in Dublin", "Madrid's X Stadium") is one place of kind "facility" at its
town; a later mention of the name is the same place; a facility the text does not place is no place."""
from __future__ import annotations

from conflictcli.nlp import model as nlp
from conflictcli.places.find import find_places


def places_of(text: str):
    return find_places(nlp.load()(text))


def test_a_hospital_in_a_city_is_a_facility_at_the_city_and_its_second_mention_too():
    text = ("The wounded were taken to the Mater Misericordiae Hospital in Dublin. "
            "Mater Misericordiae Hospital staff worked all night.")
    places = {p.name: p for p in places_of(text)}
    hospital, dublin = places.get("Mater Misericordiae Hospital"), places["Dublin"]
    assert hospital is not None and hospital.kind == "facility" and hospital.country == "IE"
    assert (hospital.lat, hospital.lon) == (dublin.lat, dublin.lon) and len(hospital.mentions) == 2


def test_a_stadium_after_its_citys_possessive():
    stadium = next((p for p in places_of("The match was played at Madrid's Wanda Metropolitano Stadium on Sunday.")
                    if p.kind == "facility"), None)
    assert stadium is not None and stadium.country == "ES"


def test_a_facility_the_text_does_not_place_is_left_out():
    assert places_of("Doctors at Karl Bremer Hospital confirmed the injury.") == []
