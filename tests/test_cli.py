"""The commands as the README shows them: through Typer's CliRunner, and a few as real subprocesses."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflictcli import __version__
from conflictcli.cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ARTICLE = SAMPLES / "syria-iraqi-militias.txt"
DOCUMENT_FIELDS = {"source", "url", "title", "site", "author", "date", "language", "text",
                   "actors", "quotes", "places", "error"}

runner = CliRunner()


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture(scope="module")
def analyzed() -> dict:
    result = run("analyze", str(ARTICLE), "-f", "json")
    assert result.exit_code == 0, result.output
    documents = json.loads(result.stdout)
    assert isinstance(documents, list) and len(documents) == 1
    return documents[0]


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"conflictcli {__version__}"


@pytest.mark.parametrize("command", ["analyze", "actors", "quotes", "places", "text"])
def test_every_command_has_help_with_examples(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    assert "--input-list" in result.stdout


def test_analyze_json_has_the_documented_schema(analyzed):
    assert DOCUMENT_FIELDS <= set(analyzed)
    assert analyzed["error"] is None
    assert analyzed["title"] == "Syria: Iraqi militias provide Assad support"
    assert analyzed["language"] == "en"
    text = analyzed["text"]
    for actor in analyzed["actors"]:
        assert {"name", "type", "role", "affiliation", "aliases", "mentions", "count"} <= set(actor)
        for mention in actor["mentions"]:
            assert 0 <= mention["start"] < mention["end"] <= len(text)
    for quote in analyzed["quotes"]:
        assert {"text", "kind", "speaker", "speaker_start", "speaker_end", "cue", "start", "end"} <= set(quote)
        assert quote["kind"] in ("direct", "partial", "indirect", "belief")
    for place in analyzed["places"]:
        assert {"name", "canonical", "kind", "country", "lat", "lon", "geonameid", "mentions", "count"} <= set(place)


def test_analyze_text_drops_boilerplate_and_keeps_title_once(analyzed):
    text = " ".join(analyzed["text"].split())  # the article has non-breaking spaces
    assert "Leave a Reply" not in text
    assert "Your email address will not be published" not in text
    assert "Latest from Blog" not in text
    assert text.count("Syria: Iraqi militias provide Assad support") == 1  # the headline, not its repeats
    assert analyzed["text"][analyzed["body_start"]:].startswith("Iran-backed militias from Iraq entered")
    assert "Western governments have issued a call for de-escalation in the Syrian conflict." in text


def test_jsonl_is_one_document_per_line_in_input_order(tmp_path):
    other = tmp_path / "short.txt"
    other.write_text("Kyiv under fire\n\nRussian forces shelled Kharkiv on Tuesday, Ukrainian officials said.\n")
    result = run("analyze", str(other), str(ARTICLE), "-f", "jsonl")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(other), str(ARTICLE)]


def test_stdin_as_dash_and_as_default_when_piped():
    data = ARTICLE.read_bytes()
    for args in (["text", "-"], ["text"]):
        result = run(*args, input=data)
        assert result.exit_code == 0, result.output
        assert "Iranian-backed militias from Iraq have entered Syria" in result.stdout


def test_input_list_from_stdin(tmp_path):
    second = tmp_path / "b.txt"
    second.write_text("A headline here\n\nThe United Nations said aid convoys reached Gaza on Monday.\n")
    listing = f"{ARTICLE}\n\n# a comment line\n{second}\n"
    result = run("actors", "-i", "-", "-f", "jsonl", input=listing)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [str(ARTICLE), str(second)]
    assert all("actors" in r and "quotes" not in r for r in records)


def test_a_bad_source_is_reported_and_the_others_still_come_out(tmp_path):
    missing = tmp_path / "missing.txt"
    result = run("analyze", str(missing), str(ARTICLE), "-f", "jsonl")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0]["source"] == str(missing) and records[0]["error"] == "no such file"
    assert records[1]["source"] == str(ARTICLE) and records[1]["error"] is None
    assert result.stderr.strip().splitlines() == [f"conflictcli: {missing}: no such file"]


def test_usage_errors_exit_2():
    assert run("analyze", str(ARTICLE), "-f", "yaml").exit_code == 2
    assert run("analyze", str(ARTICLE), "--table", "nope", "-f", "csv").exit_code == 2
    assert run("analyze", "--jobs", "0", str(ARTICLE)).exit_code == 2


def test_csv_per_command_has_a_source_column():
    result = run("places", str(ARTICLE), "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(r["source"] == str(ARTICLE) for r in rows)
    assert {"name", "kind", "country", "lat", "lon"} <= set(rows[0])


def test_analyze_csv_is_one_row_per_article_or_one_per_item_with_table():
    summary = list(csv.DictReader(io.StringIO(run("analyze", str(ARTICLE), "-f", "csv").stdout)))
    assert len(summary) == 1 and int(summary[0]["actors"]) > 0 and int(summary[0]["quotes"]) > 0
    quotes = list(csv.DictReader(io.StringIO(run("analyze", str(ARTICLE), "-f", "tsv", "--table", "quotes").stdout),
                                 delimiter="\t"))
    assert len(quotes) == int(summary[0]["quotes"])


def test_table_and_markdown_outputs():
    table = run("analyze", str(ARTICLE), "-f", "table", "--no-color")
    assert table.exit_code == 0
    for heading in ("Actors", "Quotes", "Places", "Title"):
        assert heading in table.stdout
    assert "\x1b[" not in table.stdout
    markdown = run("quotes", str(ARTICLE), "-f", "markdown")
    assert "| speaker | kind | cue | text |" in markdown.stdout


def test_geojson_is_a_feature_collection():
    result = run("places", str(ARTICLE), "-f", "geojson")
    assert result.exit_code == 0, result.output
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["source"] == str(ARTICLE)


def test_text_title_option():
    result = run("text", str(ARTICLE), "--title")
    assert result.stdout.splitlines()[0] == "Syria: Iraqi militias provide Assad support"
    assert result.stdout.count("Syria: Iraqi militias provide Assad support") == 1


def test_library_api_matches_the_cli(analyzed):
    import conflictcli

    article = conflictcli.analyze(str(ARTICLE))
    assert article.to_dict()["text"] == analyzed["text"]
    assert article.body.startswith("Iran-backed militias") and not article.body.startswith("Syria:")
    assert [a.name for a in article.actors] == [a["name"] for a in analyzed["actors"]]
    from_text = conflictcli.analyze(ARTICLE.read_text())
    assert from_text.text == article.text


def test_as_a_subprocess_piped_output_defaults_to_jsonl():
    proc = subprocess.run([sys.executable, "-m", "conflictcli", "analyze", str(ARTICLE)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["title"].startswith("Syria:")
    assert "Traceback" not in proc.stderr


def test_no_source_on_a_terminal_is_a_usage_error():
    proc = subprocess.run([sys.executable, "-m", "conflictcli", "analyze"], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60)
    # /dev/null is not a terminal: it is read as an empty stdin, which is an error for that source
    assert proc.returncode == 1
    assert proc.stderr.strip() == "conflictcli: -: empty input"


# ---------------------------------------------------------------- everyday use (issue 14)

def test_every_record_has_the_same_keys_and_a_schema_version(tmp_path):
    """A failed source's record has every key (empty lists), so `jq '.actors[]'` works over a whole run."""
    missing = tmp_path / "missing.txt"
    result = run("analyze", str(missing), str(ARTICLE), "-f", "jsonl")
    failed, good = (json.loads(line) for line in result.stdout.splitlines())
    assert list(failed) == list(good)
    assert failed["actors"] == failed["quotes"] == failed["places"] == failed["warnings"] == []
    assert failed["schema_version"] == good["schema_version"] == 1
    for section in ("actors", "quotes", "places"):
        narrowed = [json.loads(line) for line in run(section, str(missing), str(ARTICLE), "-f", "jsonl").stdout.splitlines()]
        assert list(narrowed[0]) == list(narrowed[1])
        assert narrowed[0][section] == [] and section in narrowed[1]


def test_section_commands_keep_warnings(tmp_path):
    french = tmp_path / "fr.txt"
    french.write_text("Le gouvernement a annoncé lundi que les négociations avec la Turquie reprendraient "
                      "la semaine prochaine à Damas, selon le ministre des affaires étrangères.\n")
    for section in ("actors", "quotes", "places"):
        record = json.loads(run(section, str(french), "-f", "jsonl").stdout)
        assert record["warnings"] and "not English" in record["warnings"][0]


def test_stdin_source_is_not_escaped_as_a_formula():
    result = run("quotes", "-", "-f", "csv", input=ARTICLE.read_bytes())
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {r["source"] for r in rows} == {"-"}


@pytest.mark.parametrize("value", ["-1", "0"])
def test_a_timeout_that_is_not_positive_is_a_usage_error(value):
    result = run("analyze", str(ARTICLE), "--timeout", value)
    assert result.exit_code == 2
    assert "--timeout" in result.output


@pytest.mark.parametrize("fmt", ["json", "jsonl", "table", "markdown"])
def test_table_with_a_format_it_does_not_apply_to_says_so(fmt):
    result = run("analyze", str(ARTICLE), "--table", "quotes", "-f", fmt)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"conflictcli: --table applies to -f csv and tsv only, not {fmt}"


def test_format_and_table_are_choices_listed_in_help():
    help_text = " ".join(run("analyze", "--help").stdout.split())
    assert "[table|json|jsonl|csv|tsv|markdown]" in help_text
    assert "[articles|actors|quotes|places]" in help_text
    assert "geojson" in run("places", "--help").stdout
    assert run("analyze", str(ARTICLE), "-f", "geojson").exit_code == 2
    assert run("analyze", str(ARTICLE), "-f", "JSONL").exit_code == 0  # case does not matter


def test_format_values_are_offered_by_shell_completion():
    env = {"_CONFLICTCLI_COMPLETE": "complete_bash", "COMP_WORDS": "conflictcli analyze -f j", "COMP_CWORD": "3"}
    result = runner.invoke(app, [], env=env, prog_name="conflictcli")
    assert set(result.stdout.split()) >= {"json", "jsonl"}
    assert "csv" not in result.stdout.split()


def test_short_version_and_quiet(tmp_path):
    assert run("-V").stdout.strip() == f"conflictcli {__version__}"
    french = tmp_path / "fr.txt"
    french.write_text("Le gouvernement a annoncé lundi que les négociations avec la Turquie reprendraient "
                      "la semaine prochaine à Damas, selon le ministre des affaires étrangères.\n")
    missing = tmp_path / "missing.txt"
    loud = run("analyze", str(french), str(missing), "-f", "jsonl")
    quiet = run("analyze", str(french), str(missing), "-f", "jsonl", "-q")
    assert "warning" in loud.stderr
    assert quiet.stderr.strip() == f"conflictcli: {missing}: no such file"  # errors are still reported
    assert quiet.exit_code == loud.exit_code == 1


README = Path(__file__).resolve().parent.parent / "README.md"


def readme_blocks(language: str) -> list[str]:
    text = README.read_text(encoding="utf-8")
    return [block.split("\n", 1)[1] for block in text.split("```")[1::2] if block.startswith(language + "\n")]


def test_readme_setup_creates_and_activates_a_venv_before_using_python():
    """A fresh machine may have only `python3`; `python` exists once the venv is active."""
    setup = README.read_text(encoding="utf-8").split("## Set-up", 1)[1].split("```bash\n", 1)[1].split("```")[0]
    commands = [line.split("#")[0].strip() for line in setup.splitlines() if line.strip()]
    assert commands[0].startswith("python3 -m venv .venv") and ". .venv/bin/activate" in commands[0]
    assert all(not c.startswith("python ") for c in commands[:1])


def test_readme_analyze_many_with_jobs_shows_the_main_guard():
    example = next(block for block in readme_blocks("python") if "analyze_many(" in block)
    guard = example.index('if __name__ == "__main__":')
    call = example.index("conflictcli.analyze_many(")
    assert guard < call and example[:call].rsplit("\n", 1)[1].startswith("    ")


def test_bench_speed_reports_a_missing_corpus_in_one_line(tmp_path):
    result = subprocess.run([sys.executable, str(README.parent / "bench" / "speed.py"), "--corpus",
                             str(tmp_path / "no-such.jsonl")], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1 and "no such file" in result.stderr


BELIEF_STORY = ("Officials said the convoy was attacked near the border. The minister believes the talks will fail. "
                "\"We will not leave,\" the mayor said.\n")


def _quote_kinds(*options: str) -> list[str]:
    result = run("quotes", "-", "-f", "csv", *options, input=BELIEF_STORY)
    assert result.exit_code == 0, result.output
    return [row["kind"] for row in csv.DictReader(io.StringIO(result.stdout))]


def test_beliefs_are_left_out_of_tables_unless_asked_for():
    assert "belief" not in _quote_kinds()
    assert "belief" in _quote_kinds("--beliefs")


def test_json_keeps_beliefs_with_their_kind():
    result = run("quotes", "-", "-f", "json", input=BELIEF_STORY)
    assert "belief" in [q["kind"] for q in json.loads(result.stdout)[0]["quotes"]]


def test_min_confidence_filters_every_format():
    everything = json.loads(run("quotes", "-", "-f", "json", input=BELIEF_STORY).stdout)[0]["quotes"]
    floor = max(q["confidence"] for q in everything)
    kept = json.loads(run("quotes", "-", "-f", "json", "--min-confidence", str(floor), input=BELIEF_STORY).stdout)
    assert 0 < len(kept[0]["quotes"]) < len(everything)
    assert all(q["confidence"] >= floor for q in kept[0]["quotes"])
    assert len(_quote_kinds("--min-confidence", str(floor))) < len(_quote_kinds("--beliefs"))
