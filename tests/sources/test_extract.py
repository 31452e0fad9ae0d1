"""Extraction end to end on the founding article, as plain text and as a real-looking HTML page (real trafilatura)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conflictcli.sources.clean import clean_text
from conflictcli.sources.extract import extract, pick_body
from conflictcli.sources.document import Document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TITLE = "Syria: Iraqi militias provide Assad support"
# The founding article's text checks (its gold file): every paragraph kept, the page chrome gone.
MUST_INCLUDE = [
    "Iranian-backed militias from Iraq have entered Syria to assist the government’s counteroffensive against rebels "
    "who have taken control of Aleppo, the largest city.",
    "Syrian and Russian airstrikes on rebel positions continued mostly in the two provinces.",
    "Western governments have issued a call for de-escalation in the Syrian conflict.",
]
MUST_EXCLUDE = ["Leave a Reply", "Your email address will not be published", "Latest from Blog"]
# Chrome the HTML sample adds around the same article.
HTML_CHROME = ["Required fields are marked", "Save my name, email", "Post Comment", "Read more:", "Share this article",
               "Related posts", "cookies", "Sign up for our daily newsletter", "All rights reserved", "Most read",
               "What the Aleppo offensive means", "Privacy policy", "Skip to content", "Sample Briefing", "not its original publication"]


def sample_paragraphs() -> list[str]:
    """Every paragraph of the plain-text article after its title (the text repeats the title at the top)."""
    lines = (SAMPLES / "syria-iraqi-militias.txt").read_text(encoding="utf-8").split("\n")
    body = [" ".join(line.split()) for line in lines if line.strip() and line.strip() != TITLE]
    return [line for line in body if line not in MUST_EXCLUDE and not line.startswith(MUST_EXCLUDE[1])]


def read(name: str):
    path = SAMPLES / name
    return extract(Document(source=str(path), data=path.read_bytes()))


@pytest.mark.parametrize("name", ["syria-iraqi-militias.txt", "syria-iraqi-militias.html"])
def test_founding_article_keeps_every_paragraph_and_drops_the_chrome(name):
    result = read(name)
    assert result.title == TITLE
    for paragraph in MUST_INCLUDE + sample_paragraphs():
        assert paragraph in result.text
    for chrome in MUST_EXCLUDE + (HTML_CHROME if name.endswith(".html") else []):
        assert chrome.casefold() not in result.text.casefold()
    assert TITLE not in result.text


def test_html_sample_metadata():
    result = read("syria-iraqi-militias.html")
    assert result.is_html
    assert result.site == "Conflictcli Sample Page" and result.author is None  # no author is invented
    assert result.date == "2024-12-02"
    assert result.url == "https://sample-page.example/2024/12/02/syria-iraqi-militias-provide-assad-support/"


def test_cleaner_removes_what_trafilatura_default_mode_leaks():
    import trafilatura

    html = (SAMPLES / "syria-iraqi-militias.html").read_text(encoding="utf-8")
    leaked = trafilatura.extract(html, include_comments=False)
    assert "Leave a Reply" in leaked and "Latest from Blog" in leaked  # the sample exercises the cleaner
    cleaned = clean_text(leaked, TITLE)
    for chrome in MUST_EXCLUDE + ["Required fields are marked", "What the Aleppo offensive means"]:
        assert chrome not in cleaned
    assert cleaned.endswith(MUST_INCLUDE[-1])


DARFUR_PARAGRAPHS = [
    "A convoy of 40 trucks carrying food and medicine crossed from Chad into North Darfur on Thursday",
    "“Every day that passes without access costs lives,” a WFP spokesperson told reporters in Geneva.",
    "Aid agencies have warned that parts of Darfur are on the brink of famine",
    "Talks resume",
    "The army did not send a delegation, but a government official in Port Sudan said",
    "The Rapid Support Forces said in a statement that their negotiators were in Geneva",
    "Previous rounds of talks in the Saudi city of Jeddah produced pledges to protect civilians",
    "Diplomats said the immediate aim in Geneva was to keep border crossings open",
]
DARFUR_CREDITS = ["Reporting by Amina Farouk in Nairobi; additional reporting by Luca Bernard in Geneva; "
                  "editing by Sarah Kim"]
DARFUR_CHROME = ["READ MORE", "UN agencies warn of famine", "DON'T MISS", "Khartoum, one year on", "Advertisement",
                 "All rights reserved", "may not be published", "Africa Briefing", "cookies", "Copy link",
                 "More from The Meridian Post", "Gaza ceasefire talks stall", "Topics:", "min read", "Photo:"]


def test_a_second_page_layout_keeps_the_article_and_drops_inline_teasers_and_notices():
    result = read("darfur-aid-convoys.html")
    assert result.title == "Aid convoys reach Darfur as Sudan talks resume in Geneva"
    assert (result.site, result.author, result.date) == ("The Meridian Post", "Amina Farouk", "2024-08-16")
    for paragraph in DARFUR_PARAGRAPHS:
        assert paragraph in result.text
    for chrome in DARFUR_CHROME + [result.title]:
        assert chrome not in result.text


def test_credit_line_is_set_apart_from_the_text():
    """The newsroom's names and places ("Reporting by ... in Nairobi") are not the story's."""
    result = read("darfur-aid-convoys.html")
    assert result.credits == DARFUR_CREDITS
    assert "Reporting by" not in result.text and "Sarah Kim" not in result.text


def test_precision_text_is_kept_unless_it_lost_most_of_the_article():
    assert pick_body("a" * 80, "a" * 100) == "a" * 80
    assert pick_body("a" * 10, "b" * 100) == "b" * 100
    assert pick_body("", "b" * 100) == "b" * 100


def test_plain_text_copied_from_a_browser():
    text = ("Ceasefire talks resume in Doha\n"
            "Ceasefire talks resume in Doha\n"
            "Share this article: Facebook Twitter WhatsApp\n\n"
            "Negotiators returned to Doha on Tuesday for a new round of talks, officials said.\n\n"
            "We use cookies to improve your experience. By continuing you accept our cookie policy.\n\n"
            "READ MORE: Aid convoys reach the north\n\n"
            "Mediators said both delegations had agreed to meet again next week.\n\n"
            "Subscribe to our newsletter for daily updates.\n\n"
            "Related posts\nTalks stall over prisoner exchange\nAid convoys reach the north\n")
    result = extract(Document(source="-", data=text.encode("utf-8")))
    assert result.title == "Ceasefire talks resume in Doha"
    assert result.text == ("Negotiators returned to Doha on Tuesday for a new round of talks, officials said.\n\n"
                           "Mediators said both delegations had agreed to meet again next week.")


@pytest.mark.parametrize("name", ["syria-iraqi-militias.txt", "syria-iraqi-militias.html"])
def test_text_command_prints_the_body_and_the_title_once_with_title(name):
    cli = [sys.executable, "-m", "conflictcli", "text"]
    body = subprocess.run(cli + [str(SAMPLES / name)], capture_output=True, text=True, check=True).stdout
    assert TITLE not in body and MUST_INCLUDE[0] in body
    titled = subprocess.run(cli + ["--title", str(SAMPLES / name)], capture_output=True, text=True, check=True).stdout
    assert titled.startswith(TITLE) and titled.count(TITLE) == 1
