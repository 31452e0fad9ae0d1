"""The shapes news sentences give a town's name, each read as a place whatever label the small model gives the
name: datelines with an agency, "X-based", "X, a town of ...", "X's mayor", "came under shelling", "rained down
on X", "over X", names with Portuguese particles. Towns chosen here are not the evaluation's."""
from __future__ import annotations

import pytest

from conflictcli.nlp import model as nlp
from conflictcli.places.find import find_places


def place_named(text: str, town: str):
    return next((p for p in find_places(nlp.load()(text)) if p.name == town), None)


@pytest.mark.parametrize("country,sentence,town", [
    ("Ukraine", "Bakhmut (AP) — Officials reported new strikes overnight.", "Bakhmut"),
    ("Ukraine", "A Kramatorsk-based volunteer group said the checkpoints had been closed.", "Kramatorsk"),
    ("Ukraine", "Toretsk, a town of about 20,000 people, has changed hands twice.", "Toretsk"),
    ("Ukraine", "Sumy's mayor called for more air defence.", "Sumy"),
    ("Ukraine", "Vuhledar came under heavy shelling on Tuesday, residents said.", "Vuhledar"),
    ("Myanmar", "Missiles rained down on Myawaddy for a second night.", "Myawaddy"),
    ("Sudan", "Smoke rose over Kadugli after the explosion.", "Kadugli"),
    ("Mozambique", "Militants were pushed back towards Mocimboa da Praia on Sunday.", "Mocimboa da Praia"),
])
def test_a_town_in_a_news_sentence_shape_is_a_place(country, sentence, town):
    place = place_named(f"{country}: civilians caught as fighting spreads\n\n{sentence}", town)
    assert place is not None
    assert place.lat is not None


@pytest.mark.parametrize("country,sentence,town", [
    ("Yemen", "A car bomb exploded in central Ta'izz on Monday.", "Ta'izz"),
    ("Sudan", "Wad Madani's mayor called for more air defence.", "Wad Madani"),
])
def test_apostrophes_and_possessives_do_not_hide_a_town(country, sentence, town):
    assert place_named(f"{country}: civilians caught as fighting spreads\n\n{sentence}", town) is not None


@pytest.mark.parametrize("country,sentence,town", [
    ("Syria", "In Kobani, markets reopened for the first time in months.", "Kobani"),
    ("Ukraine", "Shelling near Artemivsk killed four people, the ministry said.", "Artemivsk"),
])
def test_a_towns_other_name_in_the_articles_country_is_the_town(country, sentence, town):
    """Kobani is GeoNames' Ayn al-Arab, Artemivsk its Bakhmut: exonyms and former names, not other words."""
    assert place_named(f"{country}: civilians caught as fighting spreads\n\n{sentence}", town) is not None


def test_a_countrys_standard_abbreviation_is_the_country():
    places = find_places(nlp.load()("The minister said T&T would send a delegation. Officials in BiH agreed."))
    assert {p.country for p in places} >= {"TT", "BA"}


def test_a_union_of_states_is_a_place_only_where_it_names_its_territory():
    """The EU is an actor ("the EU said"), not a place to map; "EU citizens" and "EU member states" are its
    territory, as "European citizens" would be."""
    text = "EU citizens and EU member states agreed. The EU said it would act. Britain will leave the EU."
    places = find_places(nlp.load()(text))
    union = [p for p in places if p.name == "EU"]
    assert len(union) == 1 and union[0].kind == "region"
    assert [text[m.start:].split()[1] for m in union[0].mentions] == ["citizens", "member"]


def test_a_name_written_in_capitals_is_shown_in_the_usual_case():
    places = find_places(nlp.load()("KHAN YOUNIS, Gaza (AP) — Strikes hit the city overnight."))
    assert "Khan Younis" in {p.name for p in places}
