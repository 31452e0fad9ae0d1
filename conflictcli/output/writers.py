"""Writers: stream Articles to stdout as rich tables, JSON, JSON Lines, CSV/TSV, Markdown or GeoJSON.

Every writer takes an iterator and writes each article as it arrives, so `| head -1` returns early.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO

from conflictcli.models import Article
from conflictcli.output.interrupts import whole_record
from conflictcli.output.terminal import safe_text

FORMATS = ("table", "json", "jsonl", "csv", "tsv", "markdown", "geojson")
PLACES_ONLY = ("geojson",)  # a map has points only: the places command alone offers it
TABLE_FORMATS = ("csv", "tsv")  # where --table (one row per item of a kind) applies
SECTIONS = ("actors", "quotes", "places")
COLUMNS = {
    "articles": ["source", "url", "title", "site", "author", "date", "language", "word_count",
                 "actors", "quotes", "places", "error"],
    "actors": ["source", "name", "type", "role", "affiliation", "count", "aliases", "error"],
    "quotes": ["source", "speaker", "kind", "cue", "text", "start", "end", "speaker_start", "speaker_end", "error"],
    "places": ["source", "name", "canonical", "kind", "country", "lat", "lon", "geonameid", "count", "error"],
}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
SECTION_FIELDS = ("schema_version", "source", "url", "title", "warnings", "error")  # kept by actors/quotes/places


def formats_for(sections: tuple[str, ...]) -> tuple[str, ...]:
    """The formats a command writing `sections` offers."""
    return FORMATS if sections == ("places",) else tuple(f for f in FORMATS if f not in PLACES_ONLY)


def document(article: Article, sections: tuple[str, ...]) -> dict:
    """The JSON record of one article; `sections` narrows it for the actors/quotes/places commands.

    A failed source has the same keys as any other (empty lists, null metadata), so `jq '.actors[]'` works
    over a whole run."""
    record = article.to_dict()
    if article.error is not None:
        record = {**Article(source=article.source, warnings=list(article.warnings)).to_dict(), **record}
    if sections == SECTIONS:
        return record
    keep = {*SECTION_FIELDS, *sections}
    return {k: v for k, v in record.items() if k in keep}


def write_json(articles: Iterable[Article], out: IO[str], sections: tuple[str, ...]) -> None:
    """Always an array, written element by element."""
    out.write("[")
    count = 0
    for article in articles:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(document(article, sections), ensure_ascii=False, indent=2))
        out.flush()
        count += 1
    out.write("\n]\n" if count else "]\n")


def write_jsonl(articles: Iterable[Article], out: IO[str], sections: tuple[str, ...]) -> None:
    for article in articles:
        line = json.dumps(document(article, sections), ensure_ascii=False) + "\n"
        with whole_record():
            out.write(line)
            out.flush()


def cell(value: object) -> str:
    """A CSV cell: no control characters, and formula prefixes neutralised (OWASP CSV injection). A lone sign
    ("-", the stdin source) is not a formula and stays as it is."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    text = safe_text(value, keep_newlines=True)
    if isinstance(value, str) and len(text) > 1 and text.startswith(FORMULA_PREFIXES):
        text = "'" + text
    return text


def rows(article: Article, table: str) -> Iterator[dict]:
    base = {"source": article.source}
    if article.error is not None:
        yield {**base, "error": article.error}
        return
    if table == "articles":
        record = article.to_dict()
        yield {**{k: record.get(k) for k in COLUMNS["articles"]}, "actors": len(article.actors),
               "quotes": len(article.quotes), "places": len(article.places), "error": None}
        return
    for item in getattr(article, table):
        yield {**base, **item.to_dict()}


def write_delimited(articles: Iterable[Article], out: IO[str], table: str, delimiter: str) -> None:
    writer = csv.DictWriter(out, COLUMNS[table], delimiter=delimiter, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for article in articles:
        cells = [{k: cell(v) for k, v in row.items()} for row in rows(article, table)]
        with whole_record():
            writer.writerows(cells)
            out.flush()


def markdown_cell(value: object) -> str:
    return cell(value).replace("|", "\\|").replace("\n", " ")


def write_markdown(articles: Iterable[Article], out: IO[str], sections: tuple[str, ...]) -> None:
    for article in articles:
        out.write(f"## {markdown_cell(article.title or article.source)}\n\n")
        if article.error is not None:
            out.write(f"Error: {markdown_cell(article.error)}\n\n")
            continue
        for section in sections:
            columns = [c for c in COLUMNS[section] if c not in ("source", "error")]
            out.write(f"### {section.capitalize()}\n\n| {' | '.join(columns)} |\n|{'---|' * len(columns)}\n")
            for row in rows(article, section):
                out.write("| " + " | ".join(markdown_cell(row.get(c)) for c in columns) + " |\n")
            out.write("\n")
        out.flush()


def write_geojson(articles: Iterable[Article], out: IO[str]) -> None:
    """One FeatureCollection of every geocoded place, each Feature's properties carrying the rest."""
    features = []
    for article in articles:
        for place in article.places:
            if place.lat is None or place.lon is None:
                continue
            props = {k: v for k, v in place.to_dict().items() if k not in ("lat", "lon")}
            props["source"] = article.source
            features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                             "properties": props})
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write(articles: Iterable[Article], fmt: str, sections: tuple[str, ...], table: str | None = None,
          out: IO[str] | None = None, color: bool = True) -> None:
    out = out or sys.stdout
    if fmt == "json":
        write_json(articles, out, sections)
    elif fmt == "jsonl":
        write_jsonl(articles, out, sections)
    elif fmt in ("csv", "tsv"):
        write_delimited(articles, out, table or (sections[0] if len(sections) == 1 else "articles"),
                        "," if fmt == "csv" else "\t")
    elif fmt == "markdown":
        write_markdown(articles, out, sections)
    elif fmt == "geojson":
        write_geojson(articles, out)
    else:
        from conflictcli.output.tables import write_tables

        write_tables(articles, out, sections, color=color)
