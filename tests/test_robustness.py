"""Bad inputs through the command line: every one ends in its exit code and one stderr line naming the source
and the reason, never a traceback; in a batch the good sources still come out, one record per source, in order.

Most cases use the `text` command (no model); the batch test runs `analyze` once over everything.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflictcli.cli import app
from corpus import CAP, SENTENCE, Case, article, bad_inputs, network_cases, unreadable_path
from httpserver import refused_url

TIMEOUT = 2.0
SLACK = 2.0  # the bound: no source may take longer than the timeout plus this
runner = CliRunner()

with tempfile.TemporaryDirectory() as _scratch:  # only the names, for parametrize; files are made per test
    BAD_NAMES = [case.name for case in bad_inputs(Path(_scratch)) if case.name != "unreadable file"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Case]:
    return {case.name: case for case in bad_inputs(tmp_path_factory.mktemp("corpus"))}


def run(*args: str, input: bytes | None = None):
    return runner.invoke(app, [*args, "--max-bytes", str(CAP), "--timeout", str(TIMEOUT)], input=input)


def assert_outcome(case: Case, result, error: str | None = None) -> None:
    """The exit code, stdout and stderr `case` calls for (error: the reason expected instead of case.error)."""
    error = error if error is not None else case.error
    assert "Traceback" not in result.stderr + result.stdout
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.stderr.splitlines() if ": warning: " not in line]
    if case.either and result.exit_code == 1:
        assert len(lines) == 1 and lines[0].startswith(f"conflictcli: {case.source}: "), result.stderr
        return
    if error is None or case.either:
        assert result.exit_code == 0, result.stderr
        assert lines == []
        for snippet in case.contains:
            assert snippet in result.stdout
        for snippet in case.absent:
            assert snippet not in result.stdout
    else:
        assert result.exit_code == 1
        assert lines == [f"conflictcli: {case.source}: {error}"]
        assert result.stdout == ""


@pytest.mark.parametrize("name", BAD_NAMES)
def test_bad_input(corpus, name):
    case = corpus[name]
    assert_outcome(case, run("text", case.source))


def test_unreadable_file(tmp_path):
    path = unreadable_path(tmp_path)
    if path is None:
        pytest.skip("running as root and no file here that even root cannot read (chmod 000 does not stop root)")
    result = run("text", path)
    assert (result.exit_code, result.stderr) == (1, f"conflictcli: {path}: permission denied\n")


def test_network_faults_through_the_cli(http_server):
    for case in network_cases(http_server.base, refused_url(), TIMEOUT):
        start = time.monotonic()
        result = run("text", case.source)
        assert time.monotonic() - start < TIMEOUT + SLACK, case.name
        assert_outcome(case, result)


@pytest.mark.parametrize("data, reason", [(b"", "empty input"), (b" \n\n ", "empty input"),
                                          (b"\x89PNG\r\n\x1a\n\0\0", "binary content (PNG image), not an article")])
def test_bad_stdin(data, reason):
    result = run("text", "-", input=data)
    assert (result.exit_code, result.stderr, result.stdout) == (1, f"conflictcli: -: {reason}\n", "")


def test_stdin_over_the_cap():
    result = runner.invoke(app, ["text", "--max-bytes", "100"], input=b"a" * 101)
    assert (result.exit_code, result.stderr) == (1, "conflictcli: -: input exceeds the cap of 100 bytes\n")


@pytest.mark.parametrize("args, message", [
    (["text", "x.txt", "-i", "/no/such/list.txt"], "conflictcli: --input-list /no/such/list.txt: no such file"),
    (["analyze", "x.txt", "-f", "yaml"], "conflictcli: unknown format 'yaml' (choose from table, json, jsonl, csv, "
                                         "tsv, markdown)"),
    (["analyze", "x.txt", "--table", "people", "-f", "csv"], "conflictcli: --table must be articles, actors, quotes "
                                                             "or places"),
    (["analyze", "x.txt", "--table", "quotes", "-f", "json"], "conflictcli: --table applies to -f csv and tsv only, "
                                                              "not json"),
    (["analyze", "x.txt", "--timeout", "-1"], "conflictcli: --timeout must be more than 0 seconds, not -1"),
    (["text", "x.txt", "--timeout", "0"], "conflictcli: --timeout must be more than 0 seconds, not 0"),
])
def test_usage_errors_exit_2_with_one_line(args, message):
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stderr.splitlines()) == (2, [message])


def test_option_errors_exit_2_without_traceback():
    for args in (["text", "--timeout", "soon", "a.txt"], ["analyze", "--jobs", "0", "a.txt"], ["frobnicate"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_batch_keeps_every_record_in_order(corpus, http_server, tmp_path):
    """analyze -f jsonl over good and bad sources mixed: one record per source, in input order, the good ones
    analyzed, one stderr line per failure (in order too), exit 1."""
    good = tmp_path / "good.txt"
    good.write_text(article(SENTENCE + ' "We will hold the border," said Hadi al-Amiri, the militia leader.'))
    cases = [Case("good", str(good))]
    for case in [*corpus.values(), *network_cases(http_server.base, refused_url(), TIMEOUT)]:
        cases += [case, Case("good", str(good))]
    sources = [case.source for case in cases]
    start = time.monotonic()
    result = runner.invoke(app, ["analyze", *sources, "-f", "jsonl", "--max-bytes", str(CAP), "--timeout",
                                 str(TIMEOUT)])
    elapsed = time.monotonic() - start
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == sources
    expected_errors = []
    for case, record in zip(cases, records):
        expected = case.nlp_error or case.error
        if case.either:
            assert record["error"] is None or record["error"], case.name
        elif expected is None:
            assert record["error"] is None, (case.name, record["error"])
            assert all(snippet in record["text"] for snippet in case.contains), case.name
        else:
            assert record["error"] == expected, case.name
            assert record["actors"] == record["quotes"] == record["places"] == [], case.name
        if record["error"] is not None:
            expected_errors.append(f"conflictcli: {case.source}: {record['error']}")
    errors = [line for line in result.stderr.splitlines() if ": warning: " not in line]
    assert errors == expected_errors
    assert all(r["actors"] for r in records if r["source"] == str(good))
    assert elapsed < 60  # timeouts overlap: the batch is not the sum of its stalls


def test_odd_quote_counts_give_valid_quotes(corpus):
    result = runner.invoke(app, ["analyze", corpus["odd quotation marks"].source, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    [record] = json.loads(result.stdout)
    text = record["text"]
    assert record["quotes"]
    for quote in record["quotes"]:
        assert 0 <= quote["start"] < quote["end"] <= len(text)
        assert text[quote["start"]:quote["end"]] == quote["text"]
        if quote["speaker_start"] is not None:  # the mention naming the speaker (maybe "he", "the commander")
            assert 0 <= quote["speaker_start"] < quote["speaker_end"] <= len(text)
            assert text[quote["speaker_start"]:quote["speaker_end"]].strip()


def test_end_to_end_subprocess_mixed_batch(corpus, tmp_path):
    """The installed command, as a user runs it: a bad source among good ones, piped (so jsonl by default)."""
    good = tmp_path / "good.txt"
    good.write_text(article())
    sources = [str(good), corpus["PNG header"].source, "ftp://example.com/a", corpus["directory"].source, str(good)]
    done = subprocess.run([sys.executable, "-m", "conflictcli", "text", *sources], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"conflictcli: {sources[1]}: binary content (PNG image), not an article",
        "conflictcli: ftp://example.com/a: unsupported URL scheme 'ftp' (only http and https)",
        f"conflictcli: {sources[3]}: a directory with no readable files under it",
    ]
    assert done.stdout.count("Albu Kamal") == 2


def test_end_to_end_subprocess_input_list_from_stdin(http_server, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(article())
    listing = "\n".join([http_server.url("/ok"), "# a comment", "", http_server.url("/404"), str(good), http_server.url("/hang")])
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "conflictcli", "text", "-i", "-", "--timeout", "1.5"],
                          input=listing, capture_output=True, text=True, timeout=60)
    assert time.monotonic() - start < 1.5 + SLACK + 3  # interpreter start-up included
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"conflictcli: {http_server.url('/404')}: HTTP 404 Not Found",
                                        f"conflictcli: {http_server.url('/hang')}: timed out after 1.5 s"]
    assert done.stdout.count("Albu Kamal") == 2
