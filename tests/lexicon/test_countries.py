"""The one country table: every state acts under its name, and places and actors read the same rows."""
from __future__ import annotations

from conflictcli.lexicon import countries, demonyms
from conflictcli.lexicon.normalize import name_form, place_key


def test_the_table_covers_un_members_and_contested_states():
    codes = set(countries.by_code())
    assert len(codes) >= 193
    assert {"PS", "EH", "XK", "TW", "HT", "PE", "SS"} <= codes


def test_every_country_name_resolves_for_the_actor_stage():
    for country in countries.countries():
        assert demonyms.country_of_name(country.name) == country.code, country.name
    assert demonyms.country_of_name("Haiti's") == "HT" and demonyms.country_of_name("Peru") == "PE"
    assert demonyms.country_of_seat("Port-au-Prince") == "HT"


def test_normalisers():
    assert place_key("Deir al-Balah") == place_key("Deir el-Balah") == place_key("Deir al Balah")
    assert place_key("Sana'a") == place_key("Sanaa") and place_key("Tell Abyad") == place_key("Tal Abyad")
    assert name_form("the Kremlin’s") == "Kremlin"
