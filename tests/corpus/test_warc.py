"""WARC archives: HTML responses become articles (target URI as url, WARC-Date as the fallback date), other
records are skipped, and each damaged stretch is one error record while the rest of the file goes on."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from conflictcli.errors import SourceError
from conflictcli.sources import warc
from conflictcli.sources.resolve import read_source
from warcs import write_warc

CLI = [sys.executable, "-m", "conflictcli"]


@pytest.mark.parametrize("gzipped", [True, False])
def test_each_damage_is_one_error_and_the_rest_is_listed(tmp_path, gzipped):
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    kept = write_warc(path, 8, gzipped, damage={2: "truncate", 5: "garbage"})
    entries = list(warc.list_records(str(path)))
    assert [e.url for e in entries if e.error is None] == kept
    errors = [e for e in entries if e.error is not None]
    assert len(errors) == 2 and all(e.error.startswith("corrupt WARC record") for e in errors)
    assert all(e.error.isprintable() for e in errors)
    assert len({e.source for e in entries}) == len(entries)


@pytest.mark.parametrize("gzipped", [True, False])
def test_a_record_cut_short_at_the_end_of_the_file_is_reported(tmp_path, gzipped):
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    kept = write_warc(path, 4, gzipped, damage={3: "truncate"})
    entries = list(warc.list_records(str(path)))
    assert [e.url for e in entries if e.error is None] == kept
    assert entries[-1].error is not None


def test_a_reference_reads_its_record_alone(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, 5)
    for i, entry in enumerate(warc.list_records(str(path))):
        raw = read_source(entry.source)
        assert raw.url == f"https://news.example/story/{i}" and raw.charset == "utf-8"
        assert f"Story number {i} was filed".encode() in raw.data
    with pytest.raises(SourceError, match="corrupt WARC record|not an HTTP response"):
        read_source(f"{path}#offset=3")


def test_cli_stores_every_record_and_one_error_per_damage(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, 6, damage={1: "garbage"})
    db = tmp_path / "corpus.db"
    result = subprocess.run(CLI + ["analyze", str(path), "--db", str(db)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""  # the database is the output
    lines = result.stderr.splitlines()
    assert len([line for line in lines if "corrupt WARC record" in line]) == 1
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT url, date, error FROM articles ORDER BY id").fetchall()
    assert len(rows) == 6
    assert [r[0] for r in rows if r[2] is None] == [f"https://news.example/story/{i}" for i in (0, 2, 3, 4, 5)]
    assert rows[0][1] == "2024-05-01"  # the page states no date: the WARC-Date stands in


def test_cli_json_from_a_warc_keeps_file_order(tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path, 3, gzipped=False)
    result = subprocess.run(CLI + ["analyze", str(path), "-f", "jsonl"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["title"] for r in records] == [f"Report {i}: talks in Khartoum" for i in range(3)]
