"""--db: one row per source, keyed so that re-runs skip what is stored and retry what failed; a SIGKILL at any
moment leaves whole articles only; foreign keys, indexes and full-text search as documented."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time

from articles import write_articles

CLI = [sys.executable, "-m", "conflictcli", "analyze"]
KILLED_RUN_ARTICLES = 160  # several batches: on a fast machine the run must still be going when the first lands


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(CLI + list(args), capture_output=True, text=True, timeout=180)


def count(db) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT COUNT(*), COUNT(DISTINCT key) FROM articles").fetchone()


def test_folder_into_db_then_rerun_skips_stored_and_retries_errors(tmp_path):
    folder = tmp_path / "news"
    write_articles(folder / "b", 3)
    write_articles(folder / "a", 2, start=3)
    (folder / ".hidden.txt").write_text("not a source")
    db = tmp_path / "corpus.db"
    missing = str(tmp_path / "missing.txt")
    first = run(str(folder), missing, "--db", str(db))
    assert first.returncode == 1 and "Traceback" not in first.stderr
    assert "6 articles written (1 with errors), 0 already stored" in first.stderr
    with sqlite3.connect(db) as conn:
        sources = [r[0] for r in conn.execute("SELECT source FROM articles ORDER BY id")]
    assert sources == [str(folder / "a" / f"article{i:04d}.txt") for i in (3, 4)] + \
        [str(folder / "b" / f"article{i:04d}.txt") for i in range(3)] + [missing]
    (tmp_path / "missing.txt").write_text("Found at last\n\nThe army said on Monday that the road to Aleppo was open.\n")
    second = run(str(folder), missing, "--db", str(db))
    assert second.returncode == 0, second.stderr
    assert "1 articles written (0 with errors), 5 already stored" in second.stderr
    assert count(db) == (6, 6)


def test_schema_has_foreign_keys_indexes_and_full_text_search(tmp_path):
    db = tmp_path / "corpus.db"
    run(*write_articles(tmp_path / "news", 4), "--db", str(db))
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        targets = {row[2] for row in conn.execute("PRAGMA foreign_key_list(actor_mentions)")}
        assert targets == {"actors", "articles"}
        indexes = {row[1] for row in conn.execute("PRAGMA index_list(actors)")}
        assert "idx_actors_name_type" in indexes
        hits = conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Ankara'").fetchall()
        assert len(hits) == 4
        quoted = conn.execute("SELECT q.speaker, a.name FROM quotes_fts f JOIN quotes q ON q.id = f.rowid "
                              "LEFT JOIN actors a ON a.id = q.speaker_actor_id WHERE quotes_fts MATCH 'ready'").fetchall()
        assert quoted and all(speaker == name for speaker, name in quoted)
        mentions = conn.execute("SELECT m.text, substr(a.text, m.start + 1, m.end - m.start) FROM place_mentions m "
                                "JOIN articles a ON a.id = m.article_id").fetchall()
        assert mentions and all(text == span for text, span in mentions)


def test_sigkill_mid_run_then_rerun_leaves_exactly_one_row_per_source(tmp_path):
    sources = write_articles(tmp_path / "news", KILLED_RUN_ARTICLES)
    db = tmp_path / "corpus.db"
    proc = subprocess.Popen(CLI + sources + ["--db", str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        stored = 0
        while stored == 0 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
            try:
                stored = count(db)[0] if db.exists() else 0
            except sqlite3.Error:
                pass
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert 0 < stored < KILLED_RUN_ARTICLES, "the first batch should land before the run ends"
    second = run(*sources, "--db", str(db))
    assert second.returncode == 0, second.stderr
    skipped = int(second.stderr.split(", ")[-1].split()[0])
    assert skipped >= stored
    assert count(db) == (KILLED_RUN_ARTICLES, KILLED_RUN_ARTICLES)
    with sqlite3.connect(db) as conn:
        orphans = conn.execute("SELECT COUNT(*) FROM articles a WHERE error IS NULL AND NOT EXISTS "
                               "(SELECT 1 FROM actors WHERE article_id = a.id)").fetchone()[0]
    assert orphans == 0  # no article was stored without its results


def test_db_that_cannot_be_opened_is_one_line(tmp_path):
    result = run(*write_articles(tmp_path / "news", 1), "--db", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip().startswith("conflictcli: --db") and "Traceback" not in result.stderr
