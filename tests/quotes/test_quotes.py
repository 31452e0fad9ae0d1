"""Quote extraction and speaker attribution on the real spaCy model."""
from __future__ import annotations

from pathlib import Path

import pytest

from conflictcli.models import Actor, Mention
from conflictcli.quotes.quotemarks import find_quoted
from conflictcli.quotes.find import find_quotes

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "syria-iraqi-militias.txt"


@pytest.fixture(scope="session")
def nlp():
    from conflictcli.nlp.model import load

    return load()


def quotes_of(nlp, text: str, actors: list[Actor] | None = None):
    return find_quotes(nlp(text), actors or [])


def one(quotes, fragment: str, kinds=("direct", "partial")):
    found = [q for q in quotes if fragment in q.text and q.kind in kinds]
    assert len(found) == 1, [(q.text, q.kind) for q in quotes]
    return found[0]


def contents(text: str) -> list[str]:
    return [text[q.content_start:q.content_end] for q in find_quoted(text)]


# --- quotation marks -------------------------------------------------------------------------------------

def test_british_single_quotes_are_told_apart_from_apostrophes():
    text = "‘We won’t accept the rebels’ demands,’ the minister said. Iran’s envoy didn’t comment on ’90s deals."
    assert contents(text) == ["We won’t accept the rebels’ demands,"]


def test_straight_single_quotes_with_apostrophes_nearby():
    text = "'It's the people's choice,' she said, and the 'experts' agreed."
    assert contents(text) == ["It's the people's choice,", "experts"]


def test_nyt_style_marks_and_guillemets():
    text = "''This isn't reform,'' said the analyst. ``Quite,'' he added. «Jamais», a-t-il dit."
    assert contents(text) == ["This isn't reform,", "Quite,", "Jamais"]


def test_unbalanced_mark_stays_in_its_paragraph():
    text = "He said “we will fight on and on\n\nThe next paragraph says “nothing” else.\n\nLast one."
    found = contents(text)
    assert found == ["we will fight on and on", "nothing"]


def test_odd_number_of_marks_does_not_crash_or_swallow(nlp):
    text = ('The rebels said "we are ready." A stray " mark here.\n\n'
            '"We will not stop," the commander said. The end.')
    quotes = quotes_of(nlp, text)
    assert all("\n" not in q.text for q in quotes)
    assert one(quotes, "We will not stop").kind == "direct"


@pytest.mark.parametrize("text", ["", "\"", "“”„«»‘’'`", "\n\n“\n”\n", "said “", "” he said “ ‘"])
def test_degenerate_texts_do_not_crash(nlp, text):
    for quote in quotes_of(nlp, text):
        assert text[quote.start:quote.end] == quote.text


def test_quotation_inside_quotation_in_the_same_marks():
    text = "“He calls it “hell” and means it,” she said."
    assert contents(text) == ["He calls it “hell” and means it,"]


# --- attribution patterns ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, speaker, cue", [
    ("“We will hold the line,” General Tom Hardy said.", "Tom Hardy", "said"),
    ("“We will hold the line,” said General Tom Hardy.", "Tom Hardy", "said"),
    ("General Tom Hardy said: “We will hold the line.”", "Tom Hardy", "said"),
    ("General Tom Hardy told Reuters: “We will hold the line.”", "Tom Hardy", "told"),
    ("“We will hold the line,” a senior military official told the Reuters news agency.",
     "a senior military official", "told"),
])
def test_direct_quote_patterns(nlp, text, speaker, cue):
    quote = one(quotes_of(nlp, text), "hold the line")
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", speaker, cue)
    assert text[quote.speaker_start:quote.speaker_end].endswith(speaker.split()[-1])


def test_dash_attribution(nlp):
    text = "The crowd was quiet.\n\n“Nobody expected this outcome.” — Maria Lopez"
    quote = one(quotes_of(nlp, text), "Nobody expected")
    assert quote.speaker == "Maria Lopez"


def test_partial_quote_inside_reported_speech(nlp):
    text = "Spokesman Esmaeil Baqaei said advisers would remain “in accordance with the wishes” of Damascus."
    quotes = quotes_of(nlp, text)
    partial = one(quotes, "in accordance with the wishes")
    assert (partial.kind, partial.speaker) == ("partial", "Esmaeil Baqaei")
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert indirect and indirect[0].text.startswith("advisers would remain")


def test_scare_quotes_are_not_quotes(nlp):
    text = "The so-called “moderate” rebels held the town, and the “ceasefire” collapsed within a day."
    assert [q for q in quotes_of(nlp, text) if q.kind != "indirect"] == []


@pytest.mark.parametrize("text, content, speaker", [
    ("The ministry said that 25 people were killed in the strikes.", "25 people were killed in the strikes",
     "ministry"),
    ("Iran's foreign minister says the country stands by its ally.", "the country stands by its ally",
     "Iran's foreign minister"),
    ("According to the Syrian Observatory for Human Rights, 200 militiamen crossed the border overnight.",
     "200 militiamen crossed the border overnight", "Syrian Observatory for Human Rights"),
    ("According to the monitor, based in London, about 300 Iraqi fighters riding in trucks crossed into Syria.",
     "about 300 Iraqi fighters riding in trucks crossed into Syria", "monitor"),
    ("The fighters crossed the border overnight, the monitoring group said.",
     "The fighters crossed the border overnight", "the monitoring group"),
    ("Colonel Ali Hassan told reporters that the offensive had stalled.", "the offensive had stalled", "Ali Hassan"),
])
def test_reported_speech(nlp, text, content, speaker):
    quote = one(quotes_of(nlp, text), content, kinds=("indirect",))
    assert quote.text == content
    assert speaker in quote.speaker
    assert text[quote.start:quote.end] == content


def test_names_of_shows_in_quotation_marks_are_not_quotes(nlp):
    text = "Senator Jane Doe said on “Face the Nation” that the vote would be close."
    assert [q for q in quotes_of(nlp, text) if q.kind != "indirect"] == []
    assert one(quotes_of(nlp, text), "the vote would be close", kinds=("indirect",)).speaker == "Jane Doe"


def test_parenthetical_cue_inside_reported_speech(nlp):
    text = "The museum, Mr. Obama said, would make visitors face uncomfortable truths."
    quote = one(quotes_of(nlp, text), "would make visitors", kinds=("indirect",))
    assert "Obama" in quote.speaker


def test_said_that_before_a_quotation_is_reported_speech(nlp):
    text = "The commission says on its website that “there were issues regarding the audio in the hall.”"
    quotes = quotes_of(nlp, text)
    assert one(quotes, "there were issues").speaker == "The commission"
    assert one(quotes, "there were issues", kinds=("indirect",)).speaker == "The commission"


def test_transcript_turns(nlp):
    text = ("WALLACE: Will she be at the debate tomorrow night?\n\n"
            "PENCE: She will not be attending the debate.\n\nThe interview ended there.")
    turns = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert [(q.speaker, q.text) for q in turns] == [
        ("WALLACE", "Will she be at the debate tomorrow night?"), ("PENCE", "She will not be attending the debate.")]


# --- speakers --------------------------------------------------------------------------------------------

def test_pronoun_goes_to_the_person_of_matching_gender(nlp):
    text = ("Senator Mary Jones met Governor John Brown on Monday in the capital.\n\n"
            "“We agreed on nothing at all,” she said.")
    quote = one(quotes_of(nlp, text), "We agreed")
    assert quote.speaker == "Mary Jones"
    assert text[quote.speaker_start:quote.speaker_end] == "she"


def test_pronoun_goes_to_the_subject_of_the_previous_sentence(nlp):
    text = ("On Monday, spokesman Esmaeil Baqaei said advisers would stay in Syria.\n\n"
            "“We entered Syria many years ago at the official invitation of the government,” he said.")
    assert one(quotes_of(nlp, text), "We entered Syria").speaker == "Esmaeil Baqaei"


def test_role_nominal_goes_to_the_person_with_that_role(nlp):
    text = ("Iranian Foreign Minister Abbas Araghchi met Syrian leaders in Damascus on Sunday.\n\n"
            "The Iranian foreign minister later said that both countries agree on the need for talks.")
    quote = one(quotes_of(nlp, text), "both countries agree", kinds=("indirect",))
    assert quote.speaker == "Abbas Araghchi"


def test_speaker_carries_the_actor_canonical_name(nlp):
    text = "“I clearly announce our full support to the government,” Aragchchi said."
    start = text.index("Aragchchi")
    actor = Actor(name="Abbas Araghchi", type="person", aliases=["Araghchi"],
                  mentions=[Mention(start, start + len("Aragchchi"), "Aragchchi")])
    quote = one(quotes_of(nlp, text, [actor]), "I clearly announce")
    assert (quote.speaker, quote.speaker_start, quote.speaker_end) == ("Abbas Araghchi", start, start + 9)


def test_misspelt_surname_still_links_to_the_person(nlp):
    text = ("Iranian Foreign Minister Abbas Araghchi arrived in Damascus.\n\n"
            "“I clearly announce our full support to the government,” Aragchchi said.")
    assert one(quotes_of(nlp, text), "I clearly announce").speaker == "Abbas Araghchi"


def test_multi_paragraph_quote_keeps_its_speaker(nlp):
    text = ("“The first part of the statement runs to the end of this paragraph,” said Jane Doe. "
            "“And it goes on here.\n\n"
            "“It continues in a second paragraph without any attribution.\n\n"
            "“And ends in a third.”\n\n"
            "Officials declined to comment.")
    quotes = quotes_of(nlp, text)
    for fragment in ("The first part", "And it goes on", "It continues", "And ends in a third"):
        assert one(quotes, fragment).speaker == "Jane Doe", fragment


def test_quote_paragraph_after_a_lead_in(nlp):
    text = "Mr. Smith continued:\n\n“There is no plan and there never was one.”"
    assert one(quotes_of(nlp, text), "There is no plan").speaker == "Smith"


# --- the founding article --------------------------------------------------------------------------------

def test_founding_article_speakers():
    from conflictcli.pipeline.analyze import analyze

    article = analyze(str(SAMPLE))
    expected = {
        "These are fresh reinforcements": "senior military official",
        "We entered Syria many years ago": "Esmaeil Baqaei",
        "I clearly announce": "Abbas Araghchi",
        "foreign interference": "Hakan Fidan",
        "in accordance with the wishes": "Esmaeil Baqaei",
        "the country stands by Syrian leader Bashar Assad": "Abbas Araghchi",
    }
    for fragment, speaker in expected.items():
        found = [q for q in article.quotes
                 if fragment in q.text and (q.kind != "indirect" or q.text.startswith(fragment))]
        assert found, fragment
        assert speaker in found[0].speaker, (fragment, found[0].speaker)
    he = one(article.quotes, "We entered Syria")
    assert article.text[he.speaker_start:he.speaker_end] == "he"


# --- reported speech: wider constructions ------------------------------------------------------------

def indirect(quotes):
    return [(q.text, q.speaker) for q in quotes if q.kind == "indirect"]


@pytest.mark.parametrize("text, content, speaker", [
    ("The senator's claim that the budget was balanced drew sharp criticism.", "the budget was balanced",
     "senator"),
    ("The opposition issued a statement calling the vote a sham.", "the vote a sham", "opposition"),
    ("The council ended the session by announcing that the curfew would be lifted.",
     "the curfew would be lifted", "council"),
    ("Twelve percent of voters said they were still undecided.", "they were still undecided", "percent"),
    ("The ceasefire, as the envoy pointed out, has held for a week.",
     "The ceasefire, as the envoy pointed out, has held for a week", "envoy"),
    ("The mayor warned that a long winter of shortages lay ahead.", "a long winter of shortages lay ahead", "mayor"),
    ("Critics accused the government of hiding the figures.", "the government of hiding the figures", "Critics"),
])
def test_reported_speech_constructions(nlp, text, content, speaker):
    quote = one(quotes_of(nlp, text), content, kinds=("indirect",))
    assert quote.text == content
    assert speaker in quote.speaker
    assert text[quote.speaker_start:quote.speaker_end] and speaker in text[quote.speaker_start:quote.speaker_end]


@pytest.mark.parametrize("text, content, kind", [
    ("Turnout is expected to exceed 70 percent in the northern provinces.",
     "Turnout is expected to exceed 70 percent in the northern provinces", "belief"),
    ("It is widely believed that the talks will collapse.", "the talks will collapse", "belief"),
    ("It was announced that the border would reopen on Monday.", "the border would reopen on Monday", "indirect"),
])
def test_passive_report_without_a_source(nlp, text, content, kind):
    quote = one(quotes_of(nlp, text), content, kinds=(kind,))
    assert (quote.text, quote.speaker) == (content, None)
    assert quote.confidence < 0.9  # no source named: worth less


def test_passive_report_names_its_agent(nlp):
    text = "The smuggling route was first reported by the Daily Ledger."
    quote = one(quotes_of(nlp, text), "The smuggling route", kinds=("belief",))
    assert quote.speaker == "the Daily Ledger" or "Daily Ledger" in quote.speaker


def test_relative_pronoun_is_the_speaker_mention(nlp):
    text = "The plan was drafted by Colonel Tom Reed, who said the army would withdraw by May."
    quote = one(quotes_of(nlp, text), "the army would withdraw by May", kinds=("indirect",))
    assert quote.speaker == "Tom Reed"
    assert text[quote.speaker_start:quote.speaker_end] == "who"


def test_headline_led_by_a_source(nlp):
    text = "Maria Lopez: The Border Deal Is Dead\n\nThe talks ended on Friday without an agreement."
    quote = one(quotes_of(nlp, text), "The Border Deal Is Dead", kinds=("indirect",))
    assert (quote.speaker, quote.cue) == ("Maria Lopez", ":")


def test_headline_led_by_a_place_is_not_a_quote(nlp):
    text = "Syria: Iraqi militias cross the border\n\nThe fighters arrived overnight in pickups."
    assert indirect(quotes_of(nlp, text)) == []


def test_no_source_for_an_impersonal_view_inside_reported_speech(nlp):
    text = "The minister added that it would be a mistake to label the protests as foreign plots."
    assert indirect(quotes_of(nlp, text)) == [
        ("it would be a mistake to label the protests as foreign plots", "The minister")]


def test_subject_is_taken_from_the_cue_paragraph(nlp):
    text = "5:45 p.m.\n\nThe governor's doctor is calling the candidate extremely fit."
    quote = one(quotes_of(nlp, text), "the candidate extremely fit", kinds=("indirect",))
    assert "doctor" in quote.speaker


def test_an_office_speaks_under_its_full_name(nlp):
    from conflictcli.actors.find import find_actors
    from conflictcli.places.find import find_places

    doc = nlp("Prime Minister Anna Kowalski opened the summit in Warsaw on Monday. Kowalski said the talks would "
              "go on. The European Union High Representative for Foreign Affairs said the plan did not change "
              "existing law.")
    quote = one(find_quotes(doc, find_actors(doc, find_places(doc))), "the plan did not change", ("indirect",))
    assert quote.speaker == "European Union High Representative for Foreign Affairs"
