"""What the gazetteer knows beyond towns, each with a kind that says what it is: regions, waters, camps, bases,
crossings, dams, airports (airportsdata); and names it knows only to say they are no place (the EU)."""
from __future__ import annotations

import math

import pytest

from conflictcli.places import gazetteer


def reading(name: str, kind: str):
    return next((c for c in gazetteer.lookup(name) if c.kind == kind), None)


@pytest.mark.parametrize("name, kind", [
    ("Kerem Shalom", "crossing"), ("Allenby Bridge", "crossing"), ("Haditha Dam", "dam"), ("Tishrin Dam", "dam"),
    ("Zaatari", "camp"), ("Kutupalong", "camp"), ("Ain al-Asad", "base"), ("Camp Lemonnier", "base"),
    ("Strait of Hormuz", "sea"), ("Gulf of Aden", "sea"), ("Lake Chad", "lake"), ("Litani", "river"),
    ("Ogaden", "region"), ("Puntland", "region"), ("Gatwick", "airport"), ("Kabul Airport", "airport"),
    ("Bagram Air Base", "base"),
])
def test_features_beyond_towns_have_their_kind_and_a_point(name, kind):
    found = reading(name, kind)
    assert found is not None and found.exact, gazetteer.lookup(name)
    assert found.kind in gazetteer.FEATURE_KINDS and not math.isnan(found.lat) and -180 <= found.lon <= 180


def test_an_airport_lies_where_its_city_does():
    airport, city = reading("Goma Airport", "airport"), reading("Goma", "city")
    assert abs(airport.lat - city.lat) < 0.2 and abs(airport.lon - city.lon) < 0.2


def test_an_airport_named_after_a_person_is_not_found_by_the_persons_name_alone():
    assert reading("Ben Gurion", "airport") is None and reading("Ben Gurion Airport", "airport") is not None


def test_the_european_union_is_an_organisation():
    assert reading("EU", "organisation") is not None and reading("European Union", "organisation") is not None
    assert not any(c.kind in ("region", "country") for c in gazetteer.lookup("European Union"))


def test_an_airports_own_word_alone_only_when_it_names_nothing_else():
    assert reading("Gatwick", "airport") is not None  # named by nothing else
    assert reading("Boston", "airport") is None  # Manchester Boston Regional Airport: the city's name
    assert reading("County", "airport") is None  # "X County Airport": a generic word
