"""The corpus database schema, created with sqlite-utils: one row per source in `articles`, the per-article
results in child tables that point at it, full-text search on article and quote text, WAL journaling.

Offsets (`start`, `end`) are character offsets into `articles.text`, as in the JSON output. List fields
(aliases, warnings) are JSON arrays, which Datasette and `sqlite-utils` show and query as such.
"""
from __future__ import annotations

TABLES: dict[str, dict] = {
    "articles": {
        "columns": {"id": int, "key": str, "url": str, "source": str, "title": str, "site": str, "author": str,
                    "date": str, "language": str, "word_count": int, "text": str, "body_start": int,
                    "warnings": str, "error": str, "analyzed_at": str},
        "not_null": {"key", "source", "analyzed_at"},
        "indexes": [["key"], ["url"], ["source"], ["date"], ["site"]],
        "unique": [["key"]],
    },
    "actors": {
        "columns": {"id": int, "article_id": int, "name": str, "type": str, "role": str, "affiliation": str,
                    "aliases": str, "count": int},
        "foreign_keys": [("article_id", "articles", "id")],
        "indexes": [["article_id"], ["name", "type"]],
    },
    "actor_mentions": {
        "columns": {"id": int, "actor_id": int, "article_id": int, "start": int, "end": int, "text": str},
        "foreign_keys": [("actor_id", "actors", "id"), ("article_id", "articles", "id")],
        "indexes": [["actor_id"], ["article_id"]],
    },
    "quotes": {
        "columns": {"id": int, "article_id": int, "speaker": str, "speaker_actor_id": int, "text": str,
                    "kind": str, "cue": str, "start": int, "end": int, "speaker_start": int, "speaker_end": int},
        "foreign_keys": [("article_id", "articles", "id"), ("speaker_actor_id", "actors", "id")],
        "indexes": [["article_id"], ["speaker"], ["speaker_actor_id"]],
    },
    "places": {
        "columns": {"id": int, "article_id": int, "name": str, "canonical": str, "kind": str, "country": str,
                    "lat": float, "lon": float, "geonameid": int, "aliases": str, "count": int},
        "foreign_keys": [("article_id", "articles", "id")],
        "indexes": [["article_id"], ["geonameid"], ["canonical"], ["country"]],
    },
    "place_mentions": {
        "columns": {"id": int, "place_id": int, "article_id": int, "start": int, "end": int, "text": str},
        "foreign_keys": [("place_id", "places", "id"), ("article_id", "articles", "id")],
        "indexes": [["place_id"], ["article_id"]],
    },
}
CHILD_TABLES = ("place_mentions", "actor_mentions", "quotes", "places", "actors")  # in deletion order
FULL_TEXT = {"articles": ["title", "text"], "quotes": ["text", "speaker"]}


def ensure(db) -> None:
    """Create whatever is missing (tables, indexes, full-text indexes); an existing database is left as it is."""
    db.enable_wal()
    db.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable at each checkpoint, safe against corruption
    db.execute("PRAGMA foreign_keys=ON")
    for name, spec in TABLES.items():
        if db[name].exists():
            continue
        db[name].create(spec["columns"], pk="id", not_null=spec.get("not_null", ()),
                        foreign_keys=spec.get("foreign_keys", ()))
        for columns in spec.get("unique", []):
            db[name].create_index(columns, unique=True, if_not_exists=True)
        for columns in spec["indexes"]:
            if columns not in spec.get("unique", []):
                db[name].create_index(columns, if_not_exists=True)
    for name, columns in FULL_TEXT.items():
        if not db[f"{name}_fts"].exists():
            db[name].enable_fts(columns, create_triggers=True, tokenize="porter")
