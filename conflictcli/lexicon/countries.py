"""The one country table (data/countries.tsv): names, other names, capitals and seats of government, GeoNames
points and demonyms of every country and territory GeoNames lists. One loader for the places gazetteer and the
actors' demonym lookups (demonyms.py), so that both agree on which state a word names. Data only: no spaCy.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

COUNTRY_FILE = Path(__file__).resolve().parents[1] / "data" / "countries.tsv"


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166 alpha-2
    name: str  # the short English name news uses ("Britain", "Iran")
    other_names: tuple[str, ...]
    seats: tuple[str, ...]  # capital first, then other seats of government named for the state ("Kremlin")
    lat: float | None
    lon: float | None
    adjectives: tuple[str, ...]  # "Syrian"
    nouns: tuple[str, ...]  # people: "Syrians", "Briton"


def _split(field: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in field.split("|") if x.strip())


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every row of the table, in file order."""
    out = []
    for line in COUNTRY_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, lat, lon, others, adjectives, nouns, name, seats = (line.split("\t") + [""] * 8)[:8]
        out.append(Country(code, name.strip(), _split(others), _split(seats), float(lat) if lat else None,
                           float(lon) if lon else None, _split(adjectives), _split(nouns)))
    return tuple(out)


@lru_cache(maxsize=1)
def by_code() -> dict[str, Country]:
    return {c.code: c for c in countries()}
