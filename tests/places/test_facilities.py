"""A facility the text places ("X Prison in Dublin", "Madrid's X Stadium") is one place of kind "facility" at its
town; a later mention of the name is the same place; a facility the text does not place is no place, and an
institution that acts (a hospital, a university) stays an organisation."""
from __future__ import annotations

from conflictcli.nlp import model as nlp
from conflictcli.places.find import find_places


def places_of(text: str):
    return find_places(nlp.load()(text))


def test_a_prison_in_a_city_is_a_facility_at_the_city_and_its_second_mention_too():
    text = "Activists were taken to the Mountjoy Prison in Dublin. Mountjoy Prison staff worked all night."
    places = {p.name: p for p in places_of(text)}
    prison, dublin = places.get("Mountjoy Prison"), places["Dublin"]
    assert prison is not None and prison.kind == "facility" and prison.country == "IE"
    assert (prison.lat, prison.lon) == (dublin.lat, dublin.lon) and len(prison.mentions) == 2


def test_a_hospital_stays_an_organisation_that_may_act():
    names = {p.name for p in places_of("The wounded were taken to the Mater Misericordiae Hospital in Dublin.")}
    assert names == {"Dublin"}


def test_a_stadium_after_its_citys_possessive():
    stadium = next((p for p in places_of("The match was played at Madrid's Wanda Metropolitano Stadium on Sunday.")
                    if p.kind == "facility"), None)
    assert stadium is not None and stadium.country == "ES"


def test_a_facility_the_text_does_not_place_is_left_out():
    assert places_of("Guests at the Grand Palace Hotel confirmed the fire.") == []
