"""The licence is in the tree, every data file the package ships is in NOTICE with its source and licence, and
the HTML sample says what it is."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA_FILES = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "conflictcli" / "data").iterdir()
                    if path.is_file())


def test_licence_file_matches_the_package_metadata():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"]["text"]
    assert declared == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_shipped_data_file_has_a_source_and_licence_in_notice(name):
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    assert f"\n{name}\n" in notice
    entry = notice.split(f"\n{name}\n", 1)[1].split("\n\n", 1)[0]
    assert "CC BY 4.0" in entry or "MIT" in entry


def test_the_html_sample_says_it_is_a_sample_page_and_credits_no_author():
    page = (ROOT / "samples" / "syria-iraqi-militias.html").read_text(encoding="utf-8")
    assert "A sample page built around the article" in page
    assert '<meta name="author"' not in page and '"author":' not in page and 'class="byline"' not in page
