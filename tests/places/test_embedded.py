"""Places named inside organisations' names say where the story is: a state, a province or a sizeable city is a
place there; a small town only right before the organisation's head noun; a common word or a surname never."""
from __future__ import annotations

from conflictcli.nlp import model as nlp
from conflictcli.places.find import find_places


def places_of(text: str):
    return find_places(nlp.load()(text))


def test_a_state_inside_an_agency_name_is_a_place_and_the_agency_keeps_its_words():
    text = "The Ohio Department of Health said on Monday that the outbreak was over."
    ohio = next((p for p in places_of(text) if p.name == "Ohio"), None)
    assert ohio is not None and ohio.country == "US"
    assert [(m.start, m.end) for m in ohio.mentions] == [(text.index("Ohio"), text.index("Ohio") + 4)]


def test_a_city_inside_a_chamber_or_a_university_name():
    text = "Members of the Kano Chamber of Commerce met staff of the University of Ibadan on Tuesday."
    found = {p.name: p.country for p in places_of(text)}
    assert found.get("Kano") == "NG" and found.get("Ibadan") == "NG"


def test_common_words_and_surnames_inside_names_are_not_towns():
    text = "The Energy Department and Johnson & Johnson said the Orange Drugs plant would close."
    assert not {"Energy", "Johnson", "Orange"} & {p.name for p in places_of(text)}


def test_an_adjective_of_a_continent_is_a_place_that_of_a_people_is_not():
    found = {p.name for p in places_of("European markets fell after Kurdish fighters said the talks had failed.")}
    assert "Europe" in found and "Kurdistan" not in found


def test_an_organisation_the_model_tags_as_a_person_does_not_make_its_city_a_surname():
    text = ("Officials said Ibadan Chamber of Commerce and Industry would host the delegation. "
            "The talks in Ibadan ended.")
    assert "Ibadan" in {p.name for p in places_of(text)}


def test_a_countrys_abbreviation_inside_a_sum_or_an_agency_name():
    text = ("Let us hope, she said. The plan costs 59 billion US dollars, "
            "a probe by the U.S. Federal Trade Commission found.")
    usa = next((p for p in places_of(text) if p.country == "US"), None)
    assert usa is not None and len(usa.mentions) == 2


def test_a_buildings_name_holds_no_town_named_like_its_common_words():
    assert names_in("Protesters gathered outside Grenfell Tower and the Liberty Tower on Sunday.") == set()


def names_in(text: str) -> set[str]:
    return {p.name for p in places_of(text)}


def test_a_town_before_an_office_or_inside_an_events_name():
    assert "Kherson" in names_in("Kherson Governor Oleksandr Prokudin said two people died.")
    assert "Muscat" in names_in("The 10th Muscat International Film Festival came to a close.")
    assert "Europe" in names_in("The loan was signed under the Investment Plan for Europe on Monday.")


def test_a_small_towns_name_after_a_generic_word_is_part_of_a_longer_name():
    places = {p.name: p for p in places_of("Aides in the cramped West Wing of the White House in Washington were "
                                          "worried. The fire spread along West Ingleside Avenue in Chicago.")}
    assert "Wing" not in places and "Ingleside" not in places and places["Washington"].country == "US"
    assert "Mosul" in names_in("Iraqi forces advanced in West Mosul on Sunday.")


def test_a_town_right_after_the_head_noun_says_where_the_organisation_is():
    assert "Oxford" in names_in("She studied at Harris Manchester College Oxford before the war.")


def test_a_surname_or_a_tiny_division_inside_a_schools_name_and_a_restaurants_name_are_no_places():
    assert names_in("Survivors of the shooting at Ridgeway Douglas High School spoke on Monday.") == set()
    assert names_in("She has cooked at Le Bernardin in New York for years.") == {"New York"}
