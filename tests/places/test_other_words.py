"""A small town is read only through its own name or a spelling of it: an acronym in mixed case ("MoD", "UConn")
is no alternate name of a town (Maud, Ucon), while a transliteration ("Deir al-Balah" for Dayr al Balah) and a
town whose own name is in mixed case ("McAllen") stay places."""
from __future__ import annotations

from conflictcli.nlp import model as nlp
from conflictcli.places.find import find_places


def names(text: str) -> set[str]:
    return {p.name for p in find_places(nlp.load()(text))}


def test_an_acronym_in_mixed_case_is_no_town():
    assert names("The Ministry of Defence (MoD) has named the soldier. The MoD confirmed his death.") == set()
    assert "UConn" not in names("The UConn women won again in Storrs.")


def test_a_transliteration_and_a_mixed_case_name_stay_places():
    assert {"Deir al-Balah", "McAllen"} <= names("Israeli strikes hit Deir al-Balah and McAllen")
