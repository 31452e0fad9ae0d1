"""Hostile text: article text must never style, move, retitle or ring the terminal, nor run as a formula.

Rich markup ([bold red], [/], [link=...]) is printed literally; ANSI CSI, OSC (titles, hyperlinks), BEL, C1
controls and bidi overrides never reach stdout or stderr, whatever the format; CSV/TSV cells that begin with
= + - @ are neutralised with a leading apostrophe, as OWASP advises against CSV injection.
"""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from conflictcli.cli import app
from conflictcli.models import Actor, Article, Mention, Quote
from conflictcli.output.writers import cell, write
from conflictcli.output.terminal import safe_line, safe_text
from corpus import hostile_cases

runner = CliRunner()
OUR_STYLING = re.compile(r"\x1b\[[0-9;]*m")  # rich's own colours, allowed when colour is on
DANGEROUS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # ESC, BEL, C1, bidi


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return {case.name: case for case in hostile_cases(tmp_path_factory.mktemp("hostile"))}


def assert_inert(output: str, colour: bool = False) -> None:
    """No escape sequence or control character of the article's in `output` (tab and newline are fine)."""
    rest = OUR_STYLING.sub("", output) if colour else output
    found = DANGEROUS.findall(rest)
    assert not found, f"dangerous characters reached the output: {found!r}"


@pytest.mark.parametrize("name", ["hostile plain text", "hostile HTML", "control characters as HTML entities"])
def test_text_command_prints_hostile_text_inert(hostile, name):
    case = hostile[name]
    result = runner.invoke(app, ["text", "--title", case.source])
    assert result.exit_code == 0, result.stderr
    assert_inert(result.stdout)
    for snippet in case.contains:
        assert snippet in result.stdout


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "tsv", "markdown"])
def test_every_format_keeps_hostile_text_inert(hostile, fmt):
    result = runner.invoke(app, ["analyze", hostile["hostile plain text"].source, "-f", fmt],
                           env={"FORCE_COLOR": "1", "COLUMNS": "400", "NO_COLOR": None})
    assert result.exit_code == 0, result.stderr
    assert_inert(result.stdout, colour=fmt == "table")
    assert_inert(result.stderr)


def test_table_prints_rich_markup_literally(hostile):
    """With colour forced on, markup in a title and body is shown as written, never applied as a style or link."""
    result = runner.invoke(app, ["analyze", hostile["hostile plain text"].source, "-f", "table"],
                           env={"FORCE_COLOR": "1", "COLUMNS": "400", "NO_COLOR": None})
    assert result.exit_code == 0, result.stderr
    plain = OUR_STYLING.sub("", result.stdout)
    assert "[bold red]Breaking[/] news" in plain
    assert "\x1b]8;" not in result.stdout  # no hyperlink made from [link=...]
    assert OUR_STYLING.search(result.stdout)  # colour really was on, so the check above means something


def test_csv_neutralises_formula_cells_end_to_end(hostile):
    """Every cell that an article put a formula prefix in starts with an apostrophe instead."""
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        result = runner.invoke(app, ["quotes", hostile["hostile plain text"].source, "-f", fmt])
        assert result.exit_code == 0, result.stderr
        rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter=delimiter))
        assert rows, "the hostile article's quotes were expected in the table"
        cells = [value for row in rows for value in row.values() if value]
        assert not [c for c in cells if c[0] in "=+-@\t\r"], cells
        assert any(c.startswith("'=1+2") for c in cells)


@pytest.mark.parametrize("value, expected", [
    ("=1+2", "'=1+2"), ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("=HYPERLINK(\"https://evil.example\")", "'=HYPERLINK(\"https://evil.example\")"),
    ("plain", "plain"), ("a=b", "a=b"), (-2.5, "-2.5"), (3, "3"), (None, ""), ("-", "-"), ("+", "+"),
    ("\x1b[31m=red", "'=red"), (["=a", "b"], "'=a; b"),
])
def test_cell_neutralises_formulas_and_strips_escapes(value, expected):
    assert cell(value) == expected


def test_csv_of_a_crafted_article_has_no_live_formula():
    text = '"=cmd|calc!A1," said @admin.'
    article = Article(source="-", text=text, actors=[
        Actor(name="@admin", type="person", aliases=["=evil"], mentions=[Mention(20, 26, "@admin")])],
        quotes=[Quote(text="=cmd|calc!A1,", kind="direct", start=1, end=14, speaker="@admin", speaker_start=20,
                      speaker_end=26, cue="said")])
    for table in ("actors", "quotes"):
        out = io.StringIO()
        write([article], "csv", (table,), out=out)
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        cells = [v for row in rows for k, v in row.items() if v and k not in ("start", "end", "count",
                                                                             "speaker_start", "speaker_end")]
        assert cells and all(c[0] not in "=+-@" or c == "-" for c in cells), cells  # "-": the stdin source


def test_json_never_carries_raw_control_characters(hostile):
    result = runner.invoke(app, ["analyze", hostile["hostile HTML"].source, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert_inert(result.stdout)
    [record] = json.loads(result.stdout)
    assert "[link=https://evil.example]click here[/link]" in record["text"]  # kept as text, harmlessly


def test_hostile_source_names_and_server_reasons_are_inert_on_stderr(tmp_path, http_server):
    name = str(tmp_path / "\x1b]0;pwned\x07\x1b[2Jarticle\x9b31m.txt")
    url = http_server.url("/hostile-reason")
    result = runner.invoke(app, ["analyze", name, url, "-f", "jsonl", "--timeout", "2"])
    assert result.exit_code == 1
    assert_inert(result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0] == f"conflictcli: {tmp_path}/article.txt: no such file"
    assert lines[1] == f"conflictcli: {url}: HTTP 404 Not Found"
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["error"] for r in records] == ["no such file", "HTTP 404 Not Found"]


@pytest.mark.parametrize("raw, shown", [
    ("a\x1b[31mred\x1b[0m b", "ared b"),
    ("x\x1b]0;window title\x07y", "xy"),
    ("x\x1b]8;;https://e.example\x1b\\link\x1b]8;;\x1b\\ y", "xlink y"),
    ("bell\x07\x07!", "bell!"),
    ("c1\x9b2J csi", "c1 csi"),
    ("osc\x9d0;t\x9c end", "osc end"),
    ("\x1bP1;2|sixel\x1b\\after", "after"),
    ("\x1b]unterminated\nnext line", "\nnext line"),
    ("\u202egnirts\u202c and \u2067iso\u2069", "gnirts and iso"),
    ("keep\ttab\nand newline", "keep\ttab\nand newline"),
    ("[bold red]markup[/] stays text", "[bold red]markup[/] stays text"),
])
def test_safe_text(raw, shown):
    assert safe_text(raw) == shown


def test_safe_line_is_one_line():
    assert safe_line("two\nlines\r\n\tand \x1b[2Jmore") == "two lines and more"
