"""An offline gazetteer: GeoNames places looked up by normalised name (lexicon/normalize.place_key), from a SQLite
index built once into the user cache (places/index_build.py says from what) and afterwards only opened: a lookup
is one indexed query, cached. Must not parse text: recognition is find.py's job.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from conflictcli.lexicon.normalize import place_key, variant_key
from conflictcli.places.index_build import (VARIANT_MIN_LETTERS, build, remove_stale_temporaries, trie_path,
                                            variant_trie_path)

INDEX_VERSION = 16  # bump when the schema or what is indexed changes: old caches are then rebuilt
normalize = place_key  # the key a name is looked up by
AREA_KINDS = frozenset({"region", "sea", "lake", "river"})  # named areas and waters: no population to rank them by
FACILITY_KINDS = frozenset({"airport", "base", "camp", "crossing", "dam"})  # sites: a point, no population
NOT_PLACE_KINDS = frozenset({"organisation"})  # names the gazetteer knows only to say they are no place (the EU)
FEATURE_KINDS = AREA_KINDS | FACILITY_KINDS | NOT_PLACE_KINDS
WIDE_KINDS = AREA_KINDS | {"country"}  # what a name means almost wherever it is written: no town outranks it


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to. `exact` says the name matched the entry's main name (not
    only one of its alternate names)."""
    id: int
    geonameid: int | None
    name: str
    kind: str  # country | province | city | town, or (places_regions.tsv, airports) one of FEATURE_KINDS
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
def _index_file() -> Path:
    """The index, built first if missing (into the temporary directory when the cache is read-only)."""
    with _lock:
        path = index_path()
        remove_stale_temporaries(path.parent)
        if not _complete(path):
            try:
                build(path)
            except OSError:
                import tempfile

                path = Path(tempfile.gettempdir()) / f"conflictcli-{os.getuid()}" / path.name
                if not _complete(path):
                    build(path)
        return path


def _complete(path: Path) -> bool:
    return path.exists() and trie_path(path).exists() and variant_trie_path(path).exists()


@lru_cache(maxsize=1)
def _connection() -> sqlite3.Connection:
    return sqlite3.connect(f"file:{_index_file()}?mode=ro", uri=True, check_same_thread=False)


@lru_cache(maxsize=1)
def name_trie():
    """Every name key of the index in a memory-mapped MARISA trie: `key in name_trie()` and
    `name_trie().prefixes(text)` answer without a query."""
    return _trie(trie_path(_index_file()))


@lru_cache(maxsize=1)
def variant_trie():
    """Every variant key (normalize.variant_key) of the index, memory-mapped like name_trie()."""
    return _trie(variant_trie_path(_index_file()))


def _trie(path: Path):
    import marisa_trie

    trie = marisa_trie.Trie()
    trie.mmap(str(path))
    return trie


def names_at(words: list[str]) -> list[int]:
    """How many of `words` (normalised, in text order) each gazetteer name starting at the first one covers,
    longest first: one trie scan instead of one query per width, and one of the variant keys (the spellings
    lookup() finds by its fallback)."""
    text = " ".join(words)
    variants = variant_key(text)  # word by word: the widths stay aligned
    found = {key.count(" ") + 1 for key in name_trie().prefixes(text) if _whole_words(key, text)}
    found |= {key.count(" ") + 1 for key in variant_trie().prefixes(variants)
              if _whole_words(key, variants) and _long_enough(key)}
    return sorted(found, reverse=True)


def _whole_words(key: str, text: str) -> bool:
    return len(key) == len(text) or text[len(key)] == " "


def _long_enough(key: str) -> bool:
    return len(key.replace(" ", "")) >= VARIANT_MIN_LETTERS


_COLUMNS = "p.id, p.geonameid, p.name, p.kind, p.country, p.admin1, p.lat, p.lon, p.population, p.capital"


@lru_cache(maxsize=4096)
def lookup(name: str) -> tuple[Candidate, ...]:
    """Every place `name` may denote (any spelling place_key equates), most populous first; when place_key finds
    nothing, the places whose variant key (a looser transliteration: Khan Younis, Kamishli) is the name's, none
    of them `exact`."""
    key = normalize(name)
    if key and key in name_trie():
        rows = _connection().execute(
            f"SELECT {_COLUMNS}, n.exact FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?", (key,)
        ).fetchall()
    elif key and _long_enough(variant := variant_key(key)) and variant in variant_trie():
        rows = _connection().execute(
            f"SELECT {_COLUMNS}, 0 FROM variants v JOIN places p ON p.id = v.place WHERE v.key = ?", (variant,)
        ).fetchall()
    else:
        return ()
    found = [Candidate(*row[:9], bool(row[9]), bool(row[10])) for row in rows]
    return tuple(sorted(found, key=lambda c: -c.population))


@lru_cache(maxsize=4096)
def demonym(word: str) -> Candidate | None:
    """The country or region an adjective names ("Syrian" -> Syria), or None."""
    row = _connection().execute(
        f"SELECT {_COLUMNS} FROM demonyms d JOIN places p ON p.id = d.place WHERE d.key = ?", (normalize(word),)
    ).fetchone()
    return Candidate(*row[:9], bool(row[9]), True) if row else None
