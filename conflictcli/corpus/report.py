"""Questions across a corpus database: the most mentioned actors (merged by name and type), the most quoted
speakers, places with their counts, and actor pairs that appear in the same articles.

Every query runs over the articles a Filter chooses (a SQL condition on `articles`, a first date, a full-text
search), on a read-only connection, so a --where can narrow the report but never change the database.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from conflictcli.errors import SourceError

SECTIONS = ("actors", "speakers", "places", "pairs")
CHOSEN = "article_id IN (SELECT id FROM chosen)"
QUERIES = {
    "actors": f"""SELECT name, type, SUM(count) AS mentions, COUNT(DISTINCT article_id) AS articles
        FROM actors WHERE {CHOSEN} GROUP BY name, type
        ORDER BY mentions DESC, articles DESC, name LIMIT :limit""",
    "speakers": f"""SELECT speaker, COUNT(*) AS quotes, COUNT(DISTINCT article_id) AS articles
        FROM quotes WHERE speaker IS NOT NULL AND {CHOSEN} GROUP BY speaker
        ORDER BY quotes DESC, articles DESC, speaker LIMIT :limit""",
    "places": f"""SELECT COALESCE(canonical, name) AS place, kind, country, lat, lon, SUM(count) AS mentions,
            COUNT(DISTINCT article_id) AS articles
        FROM places WHERE {CHOSEN} GROUP BY COALESCE(CAST(geonameid AS TEXT), canonical, name), kind
        ORDER BY mentions DESC, articles DESC, place LIMIT :limit""",
    "pairs": f"""SELECT a.name AS actor, a.type AS type, b.name AS other, b.type AS other_type,
            COUNT(DISTINCT a.article_id) AS articles
        FROM actors a JOIN actors b ON b.article_id = a.article_id AND (a.name, a.type) < (b.name, b.type)
        WHERE a.{CHOSEN} GROUP BY a.name, a.type, b.name, b.type
        ORDER BY articles DESC, actor, other LIMIT :limit""",
}
SUMMARY = """SELECT COUNT(*) AS articles, MIN(date) AS first_date, MAX(date) AS last_date,
    (SELECT COUNT(*) FROM articles WHERE error IS NOT NULL) AS errors FROM articles WHERE id IN (SELECT id FROM chosen)"""


@dataclass(frozen=True)
class Filter:
    where: str | None = None  # a SQL condition on the articles table, e.g. "site = 'example.com'"
    since: str | None = None  # YYYY-MM-DD
    search: str | None = None  # an FTS5 query over article titles and text


def chosen(filter: Filter) -> tuple[str, dict]:
    """The CTE naming the articles a report covers (analysed without error, and matching the filter)."""
    conditions = ["error IS NULL"]
    params: dict = {}
    if filter.where:
        conditions.append(f"({filter.where})")
    if filter.since:
        conditions.append("date >= :since")
        params["since"] = filter.since
    if filter.search:
        conditions.append("id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :search)")
        params["search"] = filter.search
    return f"WITH chosen AS (SELECT id FROM articles WHERE {' AND '.join(conditions)}) ", params


def connect(path: str) -> sqlite3.Connection:
    if not Path(path).is_file():
        raise SourceError(f"{path}: no such database")
    try:
        conn = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        raise SourceError(f"{path}: not a readable SQLite database ({exc})") from None
    if not {"articles", "actors", "quotes", "places"} <= tables:
        conn.close()
        raise SourceError(f"{path}: not a conflictcli corpus (write one with conflictcli analyze --db)")
    conn.row_factory = sqlite3.Row
    return conn


def build(path: str, filter: Filter, sections: tuple[str, ...] = SECTIONS, limit: int = 20) -> dict:
    """{"summary": {...}, section: [row, ...] for each section}, rows as dicts."""
    conn = connect(path)
    cte, params = chosen(filter)
    try:
        out = {"summary": dict(conn.execute(cte + SUMMARY, params).fetchone())}
        for section in sections:
            out[section] = [dict(row) for row in conn.execute(cte + QUERIES[section], {**params, "limit": limit})]
    except sqlite3.Error as exc:
        raise SourceError(f"cannot run the report ({exc}); check --where and --search") from None
    finally:
        conn.close()
    return out
