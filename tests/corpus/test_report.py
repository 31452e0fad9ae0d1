"""`conflictcli report`: actors merged by name and type, speakers, places, co-occurring pairs; JSON when
piped, the other formats on request, --where/--since/--search to narrow it, a read-only connection."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from articles import write_articles

CLI = [sys.executable, "-m", "conflictcli"]
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def report(db, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(CLI + ["report", str(db), *args], capture_output=True, text=True, timeout=60)
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    path = folder / "corpus.db"
    sources = write_articles(folder / "news", 6) + [str(SAMPLES / "syria-iraqi-militias.html")]
    subprocess.run(CLI + ["analyze", *sources, "--db", str(path)], capture_output=True, timeout=180, check=True)
    return path


def test_json_when_piped_with_every_section(db):
    result = report(db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["articles"] == 7
    actors = {(a["name"], a["type"]): a for a in data["actors"]}
    assert actors[("Reuters", "organization")]["articles"] >= 6  # merged across the articles
    mentions = [a["mentions"] for a in data["actors"]]
    assert mentions == sorted(mentions, reverse=True)
    speakers = {s["speaker"]: s["quotes"] for s in data["speakers"]}
    assert speakers["Ali Haddad"] == 2 and speakers["Mona Khalil"] == 2
    assert any(p["place"] == "Ankara" and p["articles"] >= 6 for p in data["places"])
    assert any({pair["actor"], pair["other"]} == {"Reuters", "Turkey"} and pair["articles"] >= 6
               for pair in data["pairs"])


def test_where_since_and_search_narrow_the_report(db):
    only_html = json.loads(report(db, "--where", "source LIKE '%.html'").stdout)
    assert only_html["summary"]["articles"] == 1
    assert json.loads(report(db, "--since", "2999-01-01").stdout)["actors"] == []
    found = json.loads(report(db, "--search", "militias", "-s", "speakers").stdout)
    assert found["summary"]["articles"] == 1 and "actors" not in found


def test_csv_needs_one_section(db):
    result = report(db, "-f", "csv", "-s", "places", "-n", "3")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "place,kind,country,lat,lon,mentions,articles" and len(lines) == 4
    refused = report(db, "-f", "csv")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1


def test_where_cannot_change_the_database(db):
    result = report(db, "--where", "1); DELETE FROM articles; --")
    assert result.returncode == 1 and result.stderr.startswith("conflictcli: cannot run the report")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 7


def test_table_and_markdown(db):
    table = report(db, "-f", "table", "-n", "2")
    assert "Most mentioned actors" in table.stdout and "Actors in the same articles" in table.stdout
    markdown = report(db, "-f", "markdown", "-s", "speakers")
    assert markdown.stdout.startswith("## Most quoted speakers\n\n| speaker | quotes | articles |")


def test_not_a_corpus_is_one_line(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    for path in (other, tmp_path / "missing.db", Path(__file__)):
        result = report(path)
        assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
