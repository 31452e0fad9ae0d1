"""Countries as actors: names, demonyms and seats of government -> ISO 3166 alpha-2.

News names a state by its name ("Iran"), its demonym ("Iranian", "Iranians"), its capital or seat of
power used for its government ("Tehran said", "the Kremlin"). One table resolves all of them, so that
actors, places and quotes agree on which state a word stands for. Lookups are case-sensitive on the
first letter (demonyms and names are proper nouns) and ignore a leading "the".
"""
from __future__ import annotations

from functools import lru_cache

from conflictcli.lexicon.countries import COUNTRY_FILE, countries
from conflictcli.lexicon.normalize import name_form

__all__ = ["COUNTRY_FILE", "country_of_name", "country_of_demonym", "country_of_seat", "country_name",
           "country_aliases", "group_of"]

# Peoples that are not one state: a demonym or plural names the group, not a country.
_GROUPS = """
Kurds|Kurdish;Kurd
Arabs|Arab;Arabic
Shia|Shiite;Shiites;Shia Muslims;Shi'ite;Shi'ites
Sunnis|Sunni;Sunni Muslims
Alawites|Alawite
Druze|Druze
Yazidis|Yazidi;Yezidi;Yezidis
Christians|Christian
Muslims|Muslim
Jews|Jewish
Turkmen|Turkmens;Iraqi Turkmen
Assyrians|Assyrian
Pashtuns|Pashtun
Hazaras|Hazara
Uyghurs|Uyghur;Uighurs;Uighur
Rohingya|Rohingyas
Tigrayans|Tigrayan
Amhara|Amharas
Tamils|Tamil
Baloch|Baluch;Balochs
Europeans|European
Bedouin|Bedouins
"""


@lru_cache(maxsize=1)
def _index() -> tuple[dict, dict, dict, dict]:
    """(name -> code, demonym -> code, seat -> code, code -> short name), from the one country table."""
    names, demonyms, seats, short = {}, {}, {}, {}
    for country in countries():
        short[country.code] = country.name
        for n in (country.name, *country.other_names):
            names.setdefault(n, country.code)
        for seat in country.seats:
            seats.setdefault(seat, country.code)
        for d in (*country.adjectives, *country.nouns):
            demonyms.setdefault(d, country.code)
    return names, demonyms, seats, short


@lru_cache(maxsize=1)
def _groups() -> dict[str, str]:
    out = {}
    for line in _GROUPS.strip().splitlines():
        name, forms = line.split("|")
        out[name] = name
        for f in forms.split(";"):
            out[f] = name
    return out


def country_of_name(text: str) -> str | None:
    """ISO code of a country named by `text` ("Iran", "the United States", "Britain's"), else None."""
    return _index()[0].get(name_form(text))


def country_of_demonym(text: str) -> str | None:
    """ISO code of a state's demonym ("Iranian", "Syrians"), else None."""
    return _index()[1].get(name_form(text))


def country_of_seat(text: str) -> str | None:
    """ISO code of a capital or seat of government ("Tehran", "the Kremlin"), else None."""
    return _index()[2].get(name_form(text))


def country_name(code: str) -> str | None:
    """The short English name of a country code ("IR" -> "Iran")."""
    return _index()[3].get(code)


def country_aliases(code: str) -> list[str]:
    """The other names of a country ("IR" -> ["Islamic Republic of Iran", ...])."""
    names = _index()[0]
    short = country_name(code)
    return [n for n, c in names.items() if c == code and n != short]


def group_of(text: str) -> str | None:
    """Canonical name of a people or faith group ("Kurdish" -> "Kurds"), else None."""
    return _groups().get(name_form(text))
