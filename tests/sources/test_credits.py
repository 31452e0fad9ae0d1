"""Credit and byline lines go to `credits` (and the byline's names to `author`), out of the analysed text."""
from __future__ import annotations

import pytest

from conflictcli.pipeline.analyze import analyze, prepare_text
from conflictcli.sources.credits import byline_names, is_credit, split_credits

CREDITS = [
    "Reporting by Amina Farouk in Nairobi; editing by Sarah Kim",
    "(Reporting by John Davison in Baghdad; Writing by Tom Perry; Editing by Toby Chopra)",
    "Associated Press writers Jill Lawless in London and Danica Kirka in Paris contributed to this report.",
    "Additional reporting by Luca Bernard in Geneva.",
    "Compiled by Ines Moreau.",
]
NOT_CREDITS = [
    "By Tuesday, the army had withdrawn from the town.",
    "Reported by state media, the strike killed 20 people in the village on Monday.",
    "Reporters were told the convoy was delayed by fighting near El Fasher.",
    "Editing the constitution was the first demand of the protesters, he said.",
    "The report was written by investigators who visited the camps in March.",
]


@pytest.mark.parametrize("line", CREDITS)
def test_credit_lines_are_recognised(line):
    assert is_credit(line)


@pytest.mark.parametrize("line", NOT_CREDITS)
def test_sentences_are_not_credits(line):
    assert not is_credit(line) and byline_names(line) is None


def test_byline_at_the_top_gives_the_author():
    text, credits, author = split_credits("By Jane Doe and John Roe, Reuters\n\nThe army said on Monday it had "
                                          "retaken the town.\n\nBy Friday, aid had arrived.")
    assert author == "Jane Doe and John Roe, Reuters" and credits == ["By Jane Doe and John Roe, Reuters"]
    assert text == "The army said on Monday it had retaken the town.\n\nBy Friday, aid had arrived."


ARTICLE = ("Aid convoys reach Darfur\n\n"
           "A convoy of trucks crossed from Chad into North Darfur on Thursday, the United Nations said.\n\n"
           "Reporting by Amina Farouk in Nairobi; editing by Sarah Kim\n\n"
           "Associated Press writers Jill Lawless in London and Danica Kirka in Paris contributed to this report.\n")


def test_credit_lines_leave_the_text_for_the_credits_field():
    article = prepare_text(ARTICLE)
    assert article.credits == ARTICLE.strip().split("\n\n")[2:4]
    assert "Farouk" not in article.text and "Lawless" not in article.text
    assert article.to_dict()["credits"] == article.credits


def test_credit_names_and_places_are_not_analysed():
    article = analyze(ARTICLE)
    names = {name for actor in article.actors for name in [actor.name, *actor.aliases]}
    assert not names & {"Amina Farouk", "Sarah Kim", "Jill Lawless", "Danica Kirka", "Associated Press"}
    assert not {place.name for place in article.places} & {"Nairobi", "London", "Paris"}
    assert "Darfur" in {place.name for place in article.places} or "North Darfur" in {p.name for p in article.places}
