"""Tables on an 80-column terminal: words never broken across lines, no line starting with a separator, long
alias lists cut with a count of the rest, and a row per actor of one or two lines rather than five."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflictcli.cli import app
from conflictcli.models import Actor, Article
from conflictcli.output.tables import shortened, write_tables

ARTICLE = Path(__file__).resolve().parents[2] / "samples" / "syria-iraqi-militias.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def article() -> dict:
    result = runner.invoke(app, ["analyze", str(ARTICLE), "-f", "json"])
    return json.loads(result.stdout)[0]


@pytest.fixture(scope="module")
def table80() -> list[str]:
    result = runner.invoke(app, ["actors", str(ARTICLE), "-f", "table", "--no-color"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def cells(lines: list[str]) -> list[list[str]]:
    """The cell texts of each body line of a boxed table."""
    return [[c.strip() for c in line.strip("│").split("│")] for line in lines if line.startswith("│")]


def test_fits_80_columns(table80):
    assert max(len(line) for line in table80) <= 80


def test_no_word_is_broken_across_lines(table80, article):
    words = {"Actor", "Type", "Role", "Country", "Count", "Aliases"}
    for actor in article["actors"]:
        for value in (actor["name"], actor["type"], actor["role"], actor["affiliation"], str(actor["count"]),
                      *actor["aliases"]):
            words.update((value or "").replace(",", " ").split())
    for row in cells(table80):
        for cell in row:
            for token in cell.replace(",", " ").split():
                assert token in words or re.fullmatch(r"\+\d+", token) or token.endswith("…"), token


def test_no_line_starts_with_a_separator(table80):
    for row in cells(table80):
        assert not any(cell.startswith((",", ";")) for cell in row), row


def test_aliases_are_cut_with_the_count_of_the_rest(table80, article):
    body = "\n".join(table80)
    hidden = re.findall(r"\+(\d+)", body)
    assert hidden, "the article has actors with long alias lists"
    many = next(a for a in article["actors"] if len(", ".join(a["aliases"])) > 40)
    assert len(many["aliases"]) > 2  # and JSON keeps every one


def test_a_row_per_actor_is_short(table80, article):
    rows = len(cells(table80))
    assert rows <= 2.2 * len(article["actors"]), f"{rows} lines for {len(article['actors'])} actors"


def test_shortened_keeps_one_item_at_least_and_counts_the_rest():
    assert shortened([], 16) == ""
    assert shortened(["Syrian"], 16) == "Syrian"
    assert shortened(["Syrian", "Syrian government", "Syrian people"], 16) == "Syrian +2"
    assert shortened(["a very long alias indeed", "b"], 16) == "a very long alias indeed +1"
    assert shortened(["Iranian", "Tehran", "Islamic Republic"], 16) == "Iranian +2"  # room for the count
    assert shortened(["Iranian", "Tehran", "Islamic Republic"], 18) == "Iranian, Tehran +1"
    assert shortened(["Iranian", "Tehran"], 15) == "Iranian, Tehran"


def test_a_long_word_is_cut_with_an_ellipsis_not_folded():
    actor = Actor(name="Supercalifragilisticexpialidocious-Organisation", type="organization",
                  aliases=["Another-Extraordinarily-Long-Hyphenated-Name"])
    out = io.StringIO()
    write_tables([Article(source="x", text="x", actors=[actor])], out, ("actors",), color=False)
    body = [line for line in out.getvalue().splitlines() if line.startswith("│")]
    assert len(body) == 1  # one line: the rest of the word is not folded onto more lines
    assert body[0].count("…") == 2
