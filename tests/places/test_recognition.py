"""Gazetteer-driven recognition: names the small model tags PERSON/ORG or misses are places when the words around
them or the article's countries say so; a person stays a person. Towns chosen here are not the evaluation's."""
from __future__ import annotations

import pytest

from conflictcli.nlp import model as nlp
from conflictcli.places import evidence
from conflictcli.places.find import find_places


def places_of(text: str):
    return find_places(nlp.load()(text))


def names(text: str) -> set[str]:
    return {p.name for p in places_of(text)}


@pytest.mark.parametrize("text,town,country", [
    ("Ukraine: shelling continues\n\nDrones struck Kupiansk overnight, local officials said.", "Kupiansk", "UA"),
    ("Syria: fighting spreads\n\nThousands of civilians fled Manbij in the past week.", "Manbij", "SY"),
    ("Sudan: aid blocked\n\nAid convoys finally reached Nyala after weeks of delays.", "Nyala", "SD"),
    ("Myanmar: curfew\n\nLashio remains under curfew.", "Lashio", "MM"),
])
def test_a_town_of_the_articles_country_is_found_whatever_the_model_says(text, town, country):
    place = next((p for p in places_of(text) if p.name == town), None)
    assert place is not None, names(text)
    assert place.country == country


def test_place_words_find_a_town_of_a_country_the_article_does_not_name():
    assert "Mykolaiv" in names("Families who fled to Mykolaiv described the crossing.")


def test_a_title_or_a_full_name_keeps_a_person_a_person():
    assert "Jordan" not in names("Mr. Jordan said the plan would fail. He spoke in Amman.")
    assert "Warren" not in names("Senator Elizabeth Warren spoke in Iowa. Warren said she would win.")


def test_the_country_reading_of_a_name_that_is_also_a_given_name():
    assert "Chad" in names("Refugees crossed into Chad from Sudan on Monday.")
    assert "Chad" not in names("President Chad Smith met reporters on Monday. Chad said he was tired.")


def test_evidence_function_reads_both_ways():
    doc = nlp.load()("General Kobani met the press. Rebels shelled Kobani on Friday.")
    assert evidence.reading(doc[1:2]) == evidence.PERSON
    assert evidence.reading(doc[8:9]) == evidence.PLACE


def test_places_sorted_by_mentions_then_first_mention():
    places = places_of("Talks in Paris. Strikes hit Kharkiv. Kharkiv was hit again. Officials in Berlin agreed.")
    assert [p.name for p in places][:3] == ["Kharkiv", "Paris", "Berlin"]


def test_hyphenated_and_arabic_article_names_are_scanned_whole():
    found = names("Gunmen attacked Mazar-i-Sharif. Shelling hit Deir ez-Zor and as-Suwayda.")
    assert {"Mazar-i-Sharif", "Deir ez-Zor", "Suwayda"} <= found


def test_the_name_trie_finds_every_width_in_one_scan():
    from conflictcli.places import gazetteer

    assert gazetteer.names_at(["port", "au", "prince", "was", "hit"])[0] == 3
    assert gazetteer.names_at(["zzzz", "qqqq"]) == []
    assert gazetteer.normalize("Kyiv") in gazetteer.name_trie()


def test_a_dictionary_word_needs_place_words_but_a_name_does_not():
    from conflictcli.places.english import is_english_word

    assert is_english_word("Drones") and is_english_word("Congress") and is_english_word("Bentiu") is False
    assert "Kramatorsk" in names("Ukraine: shelling\n\nKramatorsk came under heavy shelling on Tuesday.")


def test_a_country_named_in_the_headline_counts_even_when_the_model_misreads_it():
    text = "Mali: civilians caught as fighting spreads\n\nKayes came under heavy shelling on Tuesday."
    found = {p.name: p.country for p in places_of(text)}
    assert found.get("Kayes") == "ML" and found.get("Mali") == "ML"


def test_the_issue_sentences():
    """The sentences the issue was filed with: every town is a place, in its country."""
    found = {p.name: p.country for p in places_of(
        "Russian drones struck Kyiv overnight. Israeli strikes hit Rafah and Khan Younis. "
        "Drones struck Odesa and Zaporizhzhia.")}
    assert {k: found.get(k) for k in ("Kyiv", "Rafah", "Khan Younis", "Odesa", "Zaporizhzhia")} == {
        "Kyiv": "UA", "Rafah": "PS", "Khan Younis": "PS", "Odesa": "UA", "Zaporizhzhia": "UA"}


def test_haiti_and_peru_are_places_and_states():
    from conflictcli.actors.find import find_actors

    doc = nlp.load()("Gangs in Haiti attacked Port-au-Prince. Haiti's government said Peru sent aid.")
    places = find_places(doc)
    assert {"Haiti", "Port-au-Prince", "Peru"} <= {p.name for p in places}
    states = {a.name for a in find_actors(doc, places) if a.type == "state"}
    assert {"Haiti", "Peru"} <= states


def test_x_city_and_bare_x_are_two_places():
    places = places_of("Protesters marched in Quebec City on Monday. Elsewhere in Quebec, roads were closed.")
    kinds = {p.name: p.kind for p in places}
    assert kinds.get("Quebec City") in ("city", "town") and kinds.get("Quebec") == "province", kinds


def test_a_given_name_in_a_list_with_a_full_name_is_a_person_not_a_town():
    assert "Bill" not in names("Paul Begala was a longtime advisor to Bill and Hillary Clinton.")
    assert {"Rafah", "Khan Younis"} <= names("Israeli strikes hit Rafah and Khan Younis overnight.")
