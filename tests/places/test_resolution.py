"""Resolution: how a name's readings are weighed against the article's other places (countries, provinces,
neighbours, lists), with the real model and the real gazetteer."""
from __future__ import annotations

from collections import Counter

import pytest

from conflictcli.nlp import model as nlp
from conflictcli.places import gazetteer
from conflictcli.places.context import Anchor, Context, km
from conflictcli.places.find import find_places


def place(text: str, name: str):
    places = find_places(nlp.load()(text))
    found = next((p for p in places if name in (p.name, p.canonical)), None)
    assert found is not None, [p.name for p in places]
    return found


def reading(name: str, country: str, kind: str):
    return next(c for c in gazetteer.lookup(name) if c.country == country and c.kind == kind)


# ------------------------------------------------------------------ context bonuses do not lift a hamlet far


def test_a_country_named_once_does_not_make_a_city_a_foreign_village():
    washington = place("A child was treated at the hospital in Liverpool, doctors said. Officials in Washington said "
                       "the family had asked for help.", "Washington")
    assert (washington.country, washington.kind) == ("US", "city")  # not the English town because Liverpool is


def test_the_province_of_the_other_places_does_not_make_a_province_a_village():
    wales = place("Knife crime rose in London, Leeds and Bristol last year, and police forces across England and "
                  "Wales asked for more officers.", "Wales")
    assert (wales.country, wales.kind) == ("GB", "province")  # not the village of Wales in England


def test_a_city_is_not_its_hamlet_namesake_in_the_oblast_the_article_is_about():
    nikopol = place("Drones struck Izium and Kupiansk overnight, and shelling hit Chuhuiv. Further south, Russian "
                    "artillery fired on Nikopol.", "Nikopol")
    assert km(nikopol.lat, nikopol.lon, 47.57, 34.39) < 30  # the city on the Dnipro, not the hamlet near Izium


def test_a_close_neighbour_still_decides_for_a_small_town():
    lebanon = place("Police in Mason and Lebanon, two towns north of Cincinnati, closed schools after the storm.",
                    "Lebanon")
    assert (lebanon.country, lebanon.kind) == ("US", "town")
    assert km(lebanon.lat, lebanon.lon, 39.44, -84.21) < 30


def test_a_nickname_of_a_metropolis_does_not_shut_out_the_towns_of_that_name():
    garden_city = place("Flood water closed roads in Garden City on Monday, Horry County officials said.",
                        "Garden City")
    assert (garden_city.country, garden_city.kind) == ("US", "town")  # not Singapore, "the Garden City"
    assert km(garden_city.lat, garden_city.lon, 33.59, -79.01) < 30  # the one in the county the article names


# ------------------------------------------------------------------ lists of provinces


@pytest.mark.parametrize("text,kind", [
    ("Tech workers are leaving states such as California or Washington because of housing costs.", "province"),
    ("The guard team has worked in Oregon, Idaho, Montana and Washington this year.", "province"),  # no noun
    ("The president flew from Washington to Florida, and then on to Texas and California.", "city"),  # a journey
    ("The president split his time between Florida and Washington last winter.", "city"),  # two, no noun
    ("After stops in Washington, New York and Boston, the prince flew to Texas.", "city"),  # a city in the list
], ids=["states such as", "longer list", "journey", "two states", "list with a city"])
def test_a_list_of_states_makes_washington_the_state_and_nothing_else_does(text, kind):
    washington = place(text, "Washington")
    assert (washington.country, washington.kind) == ("US", kind)


def test_a_name_the_article_located_keeps_that_place_when_written_bare():
    places = find_places(nlp.load()("A fire broke out in Paris, Texas, on Monday. Firefighters in Paris said nobody "
                                    "was hurt."))
    paris = [p for p in places if p.name == "Paris"]
    assert len(paris) == 1 and paris[0].country == "US" and len(paris[0].mentions) == 2  # not France the 2nd time


def test_a_country_before_a_comma_is_not_a_town_of_the_next_country():
    canada = place("And together with Canada, Mexico should sue in every court, the minister said.", "Canada")
    assert (canada.country, canada.kind) == ("CA", "country")  # not La Cañada, a town in Mexico


# ------------------------------------------------------------------ the measures


def test_nearness_falls_with_distance():
    izium = reading("Izium", "UA", "town")
    context = Context.of(Counter({Anchor.of(izium): 1}), 1)
    assert context.nearness(izium) == (1.0, True)
    share, beside = context.nearness(reading("Kupiansk", "UA", "town"))  # 60 km away
    assert 0.0 < share < 1.0 and not beside
    assert context.nearness(reading("Nikopol", "UA", "city")) == (0.0, False)  # 400 km away


def test_nearness_is_a_share_of_the_other_names():
    izium, far = Anchor.of(reading("Izium", "UA", "town")), Anchor.of(reading("Enerhodar", "UA", "town"))
    context = Context.of(Counter({izium: 1, far: 3}), 4)
    assert context.nearness(reading("Izium", "UA", "town")) == (0.25, True)


def test_a_province_centroid_or_a_city_is_no_neighbour():
    province = Anchor.of(reading("Wales", "GB", "province"))
    assert province.lat is None and province.country == "GB"
    assert Anchor.of(reading("Kharkiv", "UA", "city")).lat is None  # every village is near some big city
    context = Context.of(Counter({province: 2}), 4)
    assert context.nearness(reading("Cardiff", "GB", "city")) == (0.0, False)
    assert context.division_share(reading("Cardiff", "GB", "city")) == 0.5


def test_a_town_without_a_known_population_can_be_the_articles_own():
    """GeoNames writes 0 for a population it does not know; the Syrian Ras al-Ain must not lose to a Moroccan
    village of 4,000 in an article about Syria."""
    found = place("Syria: fighting spreads\n\nSmoke rose over Ras al-Ain after the explosion. Shelling hit Qamishli.",
                  "Ras al-Ain")
    assert found.country == "SY"


def test_another_transliteration_of_a_city_is_the_city_not_a_village_spelled_alike():
    """"Mykolaiv" is Mykolayiv (one name, two transliterations), not Mykolaivka, a village next to the article's
    other towns."""
    mykolaiv = place("Ukraine: strikes\n\nShelling hit Kramatorsk and Sloviansk. Drones struck Bakhmut. "
                     "Residents of Mykolaiv said the water supply had been cut.", "Mykolaiv")
    assert km(mykolaiv.lat, mykolaiv.lon, 46.97, 32.00) < 30
