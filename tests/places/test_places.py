"""Places: recognition, offline geocoding and disambiguation with the real model and the real gazetteer."""
from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from conflictcli.places import gazetteer

from conflictcli.nlp import model as nlp
from conflictcli.models import Article
from conflictcli.output.writers import write_geojson
from conflictcli.pipeline.analyze import Options, prepare
from conflictcli.places.find import find_places
from conflictcli.places.context import km

ARTICLE = Path(__file__).resolve().parents[2] / "samples" / "syria-iraqi-militias.txt"


def places_of(text: str):
    return find_places(nlp.load()(text))


@pytest.fixture(scope="module")
def founding():
    article = prepare(str(ARTICLE), Options())
    return article, find_places(nlp.load()(article.text))


# (name, country, kind, lat, lon) as a reader of the founding article and GeoNames give them
FOUNDING = [
    ("Syria", "SY", "country", None, None), ("Iraq", "IQ", "country", None, None),
    ("Iran", "IR", "country", None, None), ("Turkey", "TR", "country", None, None),
    ("Russia", "RU", "country", None, None), ("Britain", "GB", "country", None, None),
    ("Aleppo", "SY", "city", 36.20124, 37.16117), ("Idlib", "SY", "city", 35.93062, 36.63393),
    ("Hama", "SY", "province", 35.13179, 36.75783), ("Damascus", "SY", "city", 33.5102, 36.29128),
    ("Tehran", "IR", "city", 35.69439, 51.42151), ("tal Rifaat", "SY", "town", 36.47229, 37.09471),
]


@pytest.mark.parametrize("name,country,kind,lat,lon", FOUNDING)
def test_founding_article_place(founding, name, country, kind, lat, lon):
    _, places = founding
    place = next((p for p in places if p.name == name), None)
    assert place is not None, [p.name for p in places]
    assert (place.country, place.kind) == (country, kind)
    assert place.lat is not None and place.lon is not None
    if lat is not None:
        assert km(place.lat, place.lon, lat, lon) < 50


def test_founding_article_has_no_other_places(founding):
    names = {p.name for p in founding[1]}
    assert names - {n for n, *_ in FOUNDING} <= {"US"}  # "US-backed": the US, optional in the gold


def test_mentions_point_at_the_text(founding):
    article, places = founding
    for place in places:
        for mention in place.mentions:
            assert article.text[mention.start:mention.end] == mention.text
    syria = next(p for p in places if p.name == "Syria")
    assert "Syrian" in syria.aliases  # the adjective joins its country instead of making a place
    assert syria.count == len(syria.mentions) > 10


def test_geojson_of_places(founding):
    article, places = founding
    out = io.StringIO()
    write_geojson([Article(source="a", text=article.text, places=places)], out)
    features = json.loads(out.getvalue())["features"]
    assert len(features) == len(places)
    aleppo = next(f for f in features if f["properties"]["name"] == "Aleppo")
    assert aleppo["geometry"]["coordinates"] == [37.16117, 36.20124]  # GeoJSON order: lon, lat


@pytest.mark.parametrize("a,b", [
    ("Tall Rif‘at", "tal Rifaat"),  # tal/tall, doubled letters, curly apostrophe
    ("Tell Rifaat", "Tal Rifaat"),  # tell
    ("Rif'at", "Rif`at"),  # apostrophes ' and `
    ("Deir ez-Zor", "Deir Zor"),  # assimilated Arabic article
    ("al-Raqqah", "Raqqa"),  # al- and a final -ah
    ("El-Bab", "Bab"),  # el-
    ("Şanlıurfa", "Sanliurfa"),  # accents
    ("ALEPPO", "aleppo"),  # case
    ("Port-au-Prince", "Port au Prince"),  # hyphens
    ("U.S.", "US"),  # dots
    ("the Hague", "Hague"),
    ("St Catherine", "Saint Catherine"),  # Saint / St / St.
    ("Ste. Genevieve", "Sainte Genevieve"),
    ("Mt Kenya", "Mount Kenya"),
])
def test_normalisation_rules(a, b):
    assert gazetteer.normalize(a) == gazetteer.normalize(b)


def test_normalisation_keeps_names_apart():
    assert gazetteer.normalize("Homs") != gazetteer.normalize("Hama")
    assert gazetteer.normalize("Alep") != gazetteer.normalize("Aleppo")


def test_lookup_across_spellings():
    for spelling in ("Tell Rifaat", "Tall Rif'at", "tal Rifaat"):
        assert any(c.geonameid == 163476 for c in gazetteer.lookup(spelling)), spelling
    assert gazetteer.lookup("Halab")[0].country == "SY"  # an alternate name
    assert gazetteer.lookup("Britain")[0].country == "GB"  # a name added for countries
    assert gazetteer.demonym("Turkish").country == "TR"
    assert gazetteer.lookup("zzzz qqqq") == ()
    assert gazetteer.lookup("") == ()


def test_division_coordinates_come_from_their_cities():
    hama = next(c for c in gazetteer.lookup("Hama") if c.kind == "province")
    assert hama.country == "SY" and km(hama.lat, hama.lon, 35.13179, 36.75783) < 100


def test_ambiguous_name_decided_by_context():
    libya = places_of("Fighting broke out in Tripoli on Sunday. Libya's rival governments traded blame, "
                      "and the UN envoy to Libya called for calm.")
    lebanon = places_of("Fighting broke out in Tripoli on Sunday. Lebanon's army deployed in the northern "
                        "city, and officials in Beirut called for calm.")
    assert next(p for p in libya if p.name == "Tripoli").country == "LY"
    assert next(p for p in lebanon if p.name == "Tripoli").country == "LB"


def test_city_versus_its_province():
    places = places_of("Rebels entered Aleppo. Later they attacked villages across Idlib province.")
    assert next(p for p in places if p.name == "Aleppo").kind == "city"
    assert next(p for p in places if p.name == "Idlib").kind == "province"


def test_common_words_and_surnames_are_not_places():
    places = places_of("Many people marched in March. Reuters said John Barr met Barr's lawyers in Syria.")
    assert [p.name for p in places] == ["Syria"]


def test_empty_and_odd_input():
    assert places_of("") == []
    assert places_of("\u202e\x00 ..!! ))") == []


def test_index_is_a_built_sqlite_file():
    path = gazetteer.index_path()
    assert path.exists()
    with sqlite3.connect(path) as db:
        kinds = dict(db.execute("SELECT kind, count(*) FROM places GROUP BY kind").fetchall())
    assert kinds["country"] > 200 and kinds["province"] > 3000 and kinds["town"] > 100_000


def place_named(places, name):
    place = next((p for p in places if name in (p.name, p.canonical)), None)
    assert place is not None, [p.name for p in places]
    return place


def test_us_county_is_a_place_of_its_own():
    place = place_named(places_of("Flooding closed roads across Morris County on Tuesday, officials in New Jersey "
                                  "said."), "Morris County")
    assert (place.country, place.kind) == ("US", "province")
    assert km(place.lat, place.lon, 40.86, -74.54) < 50  # not Morris County, Kansas or Texas


def test_town_comma_state_keeps_the_readings_that_contain():
    places = places_of("Students in Athens, Georgia, marched on Saturday.")  # alone, each means abroad
    assert (place_named(places, "Georgia").country, place_named(places, "Georgia").kind) == ("US", "province")
    assert km(place_named(places, "Athens").lat, place_named(places, "Athens").lon, 33.96, -83.38) < 50


def test_a_list_of_places_is_not_read_as_town_and_state():
    places = places_of("Storms hit Aleppo, Idlib and Hama on Friday, the monitor said.")
    assert place_named(places, "Aleppo").kind == "city" and place_named(places, "Idlib").country == "SY"


def test_a_name_does_not_vote_for_its_own_reading():
    place = place_named(places_of("The governors of Alabama, Tennessee and Georgia met in Nashville to discuss "
                                  "the drought."), "Georgia")
    assert (place.country, place.kind) == ("US", "province")


def test_the_state_the_other_places_lie_in_decides_a_county():
    places = places_of("Schools in Owensboro will reopen on Monday. Daviess County, Muhlenberg County and "
                       "McLean County received state grants, the Kentucky governor said.")
    place = place_named(places, "McLean County")
    assert km(place.lat, place.lon, 37.53, -87.26) < 50  # Kentucky's, not the bigger one in Illinois


def test_the_province_bonus_does_not_outweigh_a_hundredfold_population():
    places = places_of("Shelling hit Kramatorsk, Sloviansk and Kostiantynivka overnight, and a drone struck "
                       "Nikopol, officials said.")
    place = place_named(places, "Nikopol")
    assert km(place.lat, place.lon, 47.57, 34.39) < 50  # the city of 100,000, not the hamlet near the others


def test_a_spelling_of_the_main_name_outranks_an_unrelated_alternate_name():
    place = place_named(places_of("Shelling hit Kramatorsk and Sloviansk overnight, officials said."), "Sloviansk")
    assert km(place.lat, place.lon, 48.85, 37.60) < 50  # Slovyansk, not a city listing the name among its alternates


def test_an_adjective_of_a_named_place_is_not_a_namesake_elsewhere():
    places = places_of("Aid trucks reached Gaza on Monday. Many Gazan families queued for bread in the market "
                       "of Rafah.")
    assert all(p.country == "PS" for p in places), [(p.name, p.country) for p in places]


def test_st_and_saint_are_one_name():
    places = places_of("Police in Kingston and St Catherine arrested three men, the Jamaica Constabulary said.")
    place = place_named(places, "St Catherine")
    assert (place.country, place.kind) == ("JM", "province")
