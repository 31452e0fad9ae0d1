"""The one writer of a corpus database: articles are stored in batched transactions, each article whole with
its actors, quotes and places or not at all, so a run killed at any moment loses at most the last batch and
never leaves half an article behind.

Keys make re-runs idempotent: an article whose key is stored without an error is skipped; a stored error is
analysed again and replaced (a server that was down may be up now).
"""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from conflictcli.corpus import schema
from conflictcli.corpus.rows import NextIds, Rows, add_article
from conflictcli.errors import SourceError
from conflictcli.models import Article

BATCH_ARTICLES = 32  # per transaction: a kill loses at most this much work
BATCH_SECONDS = 5.0  # and at most this long of it, however slow the articles


class CorpusStore:
    def __init__(self, path: str) -> None:
        import sqlite_utils

        if Path(path).is_dir():
            raise SourceError(f"--db {path}: is a directory")
        try:
            self.db = sqlite_utils.Database(path)
            self.db.execute("PRAGMA busy_timeout=30000")
            schema.ensure(self.db)
        except (sqlite3.Error, OSError) as exc:
            raise SourceError(f"--db {path}: cannot open the database ({exc})") from None
        self.pending: list[tuple[str, Article]] = []
        self.last_flush = time.monotonic()
        self.stored = 0

    def has(self, key: str) -> bool:
        """True when `key` is stored and analysed without an error (and so need not be analysed again)."""
        row = self.db.execute("SELECT 1 FROM articles WHERE key = ? AND error IS NULL", [key]).fetchone()
        return row is not None

    def add(self, key: str, article: Article) -> None:
        self.pending.append((key, article))
        if len(self.pending) >= BATCH_ARTICLES or time.monotonic() - self.last_flush >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Write the pending articles in one transaction, replacing any stored rows with the same keys."""
        if not self.pending:
            return
        latest = dict(self.pending)  # a key given twice in one batch: the later analysis wins
        with self.db.atomic():
            self._delete(list(latest), [article.source for article in latest.values()])
            rows = Rows()
            ids = NextIds(*(self._next_id(table) for table in ("articles", "actors", "places")))
            for key, article in latest.items():
                add_article(rows, ids, key, article)
            for table, records in rows.tables.items():
                if records:
                    self.db[table].insert_all(records, batch_size=500)
        self.stored += len(latest)
        self.pending.clear()
        self.last_flush = time.monotonic()

    def _next_id(self, table: str) -> int:
        return (self.db.execute(f"SELECT max(id) FROM [{table}]").fetchone()[0] or 0) + 1

    def _delete(self, keys: list[str], sources: list[str]) -> None:
        """Rows stored under these keys, and failures of these sources (a file that could not be read was
        keyed by its path; readable now, its key is its content's hash)."""
        marks, source_marks = ",".join("?" * len(keys)), ",".join("?" * len(sources))
        ids = [row[0] for row in self.db.execute(
            f"SELECT id FROM articles WHERE key IN ({marks}) OR (error IS NOT NULL AND source IN ({source_marks}))",
            keys + sources)]
        if not ids:
            return
        id_marks = ",".join("?" * len(ids))
        for table in schema.CHILD_TABLES:
            self.db.execute(f"DELETE FROM [{table}] WHERE article_id IN ({id_marks})", ids)
        self.db.execute(f"DELETE FROM articles WHERE id IN ({id_marks})", ids)

    def close(self) -> None:
        """Write what is pending and close; an interrupted run keeps every batch written before."""
        try:
            self.flush()
        finally:
            self.db.close()
