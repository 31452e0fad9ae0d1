"""Only statements are quotes: kinds, beliefs kept apart, headings, duplicates, linked partials, cue offsets,
confidence, and speakers that can speak (real spaCy model)."""
from __future__ import annotations

import pytest

from conflictcli.quotes.find import find_quotes
from conflictcli.quotes.tidy import shown


@pytest.fixture(scope="session")
def nlp():
    from conflictcli.nlp.model import load

    return load()


def kinds_of(quotes, kind):
    return [(q.text, q.speaker) for q in quotes if q.kind == kind]


@pytest.mark.parametrize("text", [
    "The ministry welcomed the exchange of prisoners on Sunday.",
    "The fugitive has been seeking refuge in the embassy since June.",
    "The farmers union backed Jane Harper in the primary.",
    "The governor hopes the talks will succeed.",
    "The party wants voters to turn out early.",
])
def test_beliefs_wishes_and_stances_are_not_indirect_quotes(nlp, text):
    quotes = find_quotes(nlp(text), [])
    assert kinds_of(quotes, "indirect") == []
    assert [q.kind for q in quotes] == ["belief"]
    assert find_quotes(nlp(text), [], beliefs=False) == []
    assert shown(quotes) == []
    assert shown(quotes, beliefs=True) == quotes


@pytest.mark.parametrize("text", [
    "The senator denied the accusation on Tuesday.",
    "The president answered a question about trade.",
    "The envoy told this newspaper on Thursday.",
])
def test_a_communication_verb_with_only_a_thing_as_content_is_no_indirect_quote(nlp, text):
    assert kinds_of(find_quotes(nlp(text), []), "indirect") == []


def test_indirect_content_is_a_clause(nlp):
    quotes = find_quotes(nlp("The senator denied that she had taken the money."), [])
    assert kinds_of(quotes, "indirect") == [("she had taken the money", "The senator")]


def test_a_heading_inside_the_body_forms_no_quote(nlp):
    text = ("The talks resumed in Geneva on Monday, officials said.\n\n"
            "Turkey restates backing for Baghdad\n\n"
            "READ ALSO\n\n"
            "The delegations met again on Tuesday.")
    quotes = find_quotes(nlp(text), [])
    assert [q.text for q in quotes] == ["The talks resumed in Geneva on Monday"]


def test_a_pull_quote_repeating_the_body_is_one_quote(nlp):
    text = ("“We will not leave our homes,” said Amal Haddad, a teacher.\n\n"
            "The army gave residents two days to leave.\n\n"
            "“We will not leave our homes,” said Amal Haddad, a teacher.")
    quotes = find_quotes(nlp(text), [])
    assert [(q.kind, q.text) for q in quotes] == [("direct", "We will not leave our homes,")]


def test_partial_quote_points_at_its_reported_clause(nlp):
    text = "Spokesman Esmaeil Baqaei said advisers would remain “in accordance with the wishes” of Damascus."
    quotes = find_quotes(nlp(text), [])
    partial = next(q for q in quotes if q.kind == "partial")
    clause = next(q for q in quotes if q.kind == "indirect")
    assert (partial.clause_start, partial.clause_end) == (clause.start, clause.end)
    assert clause.start <= partial.start and partial.end <= clause.end + 1


def test_every_quote_carries_its_cue_offsets_and_a_confidence(nlp):
    text = ("“We will hold the line,” General Tom Hardy said. According to the monitor, 200 fighters crossed "
            "the border. The minister told reporters that the offensive had stalled.")
    quotes = find_quotes(nlp(text), [])
    assert len(quotes) == 3
    for q in quotes:
        assert text[q.cue_start:q.cue_end] == q.cue
        assert 0 < q.confidence <= 1
    assert [q.cue.lower() for q in quotes] == ["said", "according to", "told"]


def test_a_report_inside_reported_speech_belongs_to_the_outer_speaker(nlp):
    text = "Pompeo said that Washington had concluded the settlements were not illegal."
    assert kinds_of(find_quotes(nlp(text), []), "indirect") == [
        ("Washington had concluded the settlements were not illegal", "Pompeo")]


def test_the_same_speaker_goes_on_after_and_said(nlp):
    text = "The Dutch foreign ministry said it viewed the move as a mistake and said it would raise the issue."
    quotes = kinds_of(find_quotes(nlp(text), []), "indirect")
    assert [t for t, _ in quotes] == ["it viewed the move as a mistake", "it would raise the issue"]
    assert all(s == "The Dutch foreign ministry" for _, s in quotes)


@pytest.mark.parametrize("text, speaker", [
    ("The Dutch foreign ministry said it regretted the decision.", "The Dutch foreign ministry"),
    ("The UN High Commissioner for Human Rights said the decision changed nothing.",
     "UN High Commissioner for Human Rights"),
    ("An inquiry by the Daily Ledger found that the contracts were never signed.", None),
])
def test_the_speaker_is_the_whole_noun_phrase(nlp, text, speaker):
    quote = find_quotes(nlp(text), [])[0]
    if speaker is not None:
        assert quote.speaker == speaker


@pytest.mark.parametrize("text", [
    "The policy shift signalled that the alliance was over.",
    "Border unrest suggests that the truce will not hold.",
])
def test_events_and_abstractions_are_never_speakers(nlp, text):
    quotes = [q for q in find_quotes(nlp(text), []) if q.kind == "indirect"]
    assert quotes and all(q.speaker is None for q in quotes)


# --- attribution of quotations ------------------------------------------------------------------------

def direct_of(quotes):
    return [(q.text, q.speaker) for q in quotes if q.kind in ("direct", "partial")]


def test_two_closing_single_marks_close_a_double_quotation(nlp):
    text = "“It was an attempt to mislead voters,’’ Jane Moy, head of a fact-checking charity, told the BBC."
    assert direct_of(find_quotes(nlp(text), [])) == [("It was an attempt to mislead voters,", "Jane Moy")]


def test_she_went_on(nlp):
    text = "“I am shocked,” Mary Hajj went on. “Nobody told us anything.”"
    quotes = direct_of(find_quotes(nlp(text), []))
    assert quotes[0] == ("I am shocked,", "Mary Hajj")


def test_a_noun_is_no_cue_and_a_far_verb_no_attribution(nlp):
    text = ("The senator's strategy of “massive resistance” to the court ruling in the case prompted a boycott. "
            "They dropped a call for “providing heavy weapons” to the army and replaced it with language calling "
            "for restraint.")
    assert direct_of(find_quotes(nlp(text), [])) == []


def test_a_partial_quote_goes_to_the_cue_beside_it(nlp):
    text = ("Two neighbours also sharply criticised the plan, with Foreign Minister Omar Haddad warning of "
            "“dangerous consequences”.")
    assert direct_of(find_quotes(nlp(text), [])) == [("dangerous consequences", "Omar Haddad")]


def test_a_statement_speaks_for_whoever_issued_it(nlp):
    text = "The Electoral Commission issued a statement warning: “Voters are entitled to honest campaigns.”"
    assert direct_of(find_quotes(nlp(text), [])) == [("Voters are entitled to honest campaigns.", "Electoral Commission")]


def test_an_unresolved_pronoun_takes_the_speaker_of_the_quotation_before(nlp):
    text = ("“We never planned it that way,” Ruth Okafor said.\n\n"
            "“And once the banks moved, everyone followed,” they added.")
    quotes = direct_of(find_quotes(nlp(text), []))
    assert quotes[1] == ("And once the banks moved, everyone followed,", "Ruth Okafor")


# --- extent of reported speech -----------------------------------------------------------------------

def test_an_adverbial_lead_in_is_not_parenthetical_content(nlp):
    text = "On Thursday, however, the governor spoke to a crowd of miners, promising that the mines would reopen."
    quotes = find_quotes(nlp(text), [])
    assert not any(q.text.startswith("On Thursday") for q in quotes)


def test_content_stops_where_another_statement_starts(nlp):
    text = "The mayor refuses to discuss the budget, aside from saying that taxes will not rise."
    quotes = {q.text: q.kind for q in find_quotes(nlp(text), [])}
    assert "to discuss the budget" in quotes
    assert quotes.get("taxes will not rise") == "indirect"


def test_according_to_a_statement_on_an_attribution_is_no_second_quote(nlp):
    text = "“We are staying,” he told settler leaders, according to a statement from his office."
    assert [q.kind for q in find_quotes(nlp(text), [])] == ["direct"]


def test_british_spellings_of_cue_verbs(nlp):
    text = "The Dutch foreign ministry signalled that the talks would resume in May."
    assert kinds_of(find_quotes(nlp(text), []), "indirect") == [
        ("the talks would resume in May", "The Dutch foreign ministry")]


def test_according_to_a_document_by_someone_is_theirs(nlp):
    text = "According to an investigation by the Daily Ledger, the clinic has closed."
    assert kinds_of(find_quotes(nlp(text), []), "indirect") == [("the clinic has closed", "Daily Ledger")]


def test_a_participle_after_reported_speech_keeps_the_outer_speaker(nlp):
    text = ("Pompeo said that after a legal review Washington had concluded the sales were lawful, "
            "saying he trusted the courts to decide.")
    quotes = kinds_of(find_quotes(nlp(text), []), "indirect")
    assert ("he trusted the courts to decide", "Pompeo") in quotes


def test_an_unresolved_they_goes_to_the_statement_before(nlp):
    text = ("The two loggers claimed that the hunter had walked ahead alone.\n\n"
            "They claimed they heard a second shot followed by silence.")
    quotes = kinds_of(find_quotes(nlp(text), []), "indirect")
    assert quotes[-1] == ("they heard a second shot followed by silence", "The two loggers")


def test_a_parenthetical_cue_between_two_clauses_gives_two_statements(nlp):
    text = "Half the aid was burial bags, he said, and much of the rest was bottled water."
    quotes = [q.text for q in find_quotes(nlp(text), []) if q.kind == "indirect"]
    assert quotes == ["Half the aid was burial bags", "much of the rest was bottled water"]


def test_an_infinitive_content_stops_at_a_new_finite_verb(nlp):
    text = "The candidate promised to protect the clinics and hammered his rival on his record."
    quotes = [q.text for q in find_quotes(nlp(text), []) if q.kind == "indirect"]
    assert quotes == ["to protect the clinics"]


def test_a_time_is_no_content(nlp):
    text = "The governor spoke on Monday. The senator campaigned for about five minutes."
    assert find_quotes(nlp(text), []) == []


def test_a_quotation_paragraph_after_reported_speech_is_the_same_speaker(nlp):
    text = ("“The consensus is broken,” said Avi Stern, a fellow at a policy forum.\n"
            "Saeb Karam said it was only the latest move to force the other side to give up.\n"
            "“They wanted us on our knees. We stand tall and we will stand tall.”")
    quotes = direct_of(find_quotes(nlp(text), []))
    assert quotes[-1] == ("They wanted us on our knees. We stand tall and we will stand tall.", "Saeb Karam")


def test_a_quotation_paragraph_after_an_attributed_one_continues_it(nlp):
    text = ("“He has been hit before,” said Hank Stein, who was an adviser to the mayor but is not on the campaign.\n\n"
            "“There is nothing new to any of this. It is not career destroying.”")
    quotes = direct_of(find_quotes(nlp(text), []))
    assert quotes[-1] == ("There is nothing new to any of this. It is not career destroying.", "Hank Stein")


def test_second_fragment_of_one_sentence_is_partial_too(nlp):
    text = "Begala said the mayor will need “to push past the attacks” while at the same time “not get bogged down.”"
    quotes = [(q.kind, q.speaker) for q in find_quotes(nlp(text), []) if q.kind == "partial"]
    assert quotes == [("partial", "Begala"), ("partial", "Begala")]


def test_an_inner_quotation_mark_before_the_closing_one(nlp):
    text = "“Congress said, ‘Oh that’s not fair, these people should get credit,’” Bloomberg said."
    assert direct_of(find_quotes(nlp(text), []))[0][1] == "Bloomberg"


def test_they_goes_to_a_plural_subject_before_it(nlp):
    text = ("Others who have tracked the mayor's career see rough waters ahead. "
            "Turnout in city elections is notoriously low, they say, and the mayor has not faced such attacks.")
    quotes = kinds_of(find_quotes(nlp(text), []), "indirect")
    assert quotes and all(s == "Others" for _, s in quotes)


def test_a_role_with_a_name_in_apposition_is_the_named_person(nlp):
    text = "In Kentucky, the Democratic candidate, Andy Beshear, promised to protect the health programme."
    assert kinds_of(find_quotes(nlp(text), []), "indirect") == [("to protect the health programme", "Andy Beshear")]


def test_a_coordinated_clause_reaching_back_over_its_head(nlp):
    text = ("Two loggers claimed that they had heard when the hunter, known as “Suresh”, was shot but cannot say "
            "how it happened.")
    texts = [t for t, _ in kinds_of(find_quotes(nlp(text), []), "indirect")]
    assert texts[0].startswith("they had heard when the hunter")


def test_a_name_is_never_given_to_an_actor_named_by_a_description(nlp):
    from conflictcli.models import Actor, Mention

    text = "The former mayor spoke first.\n\n“It is a scandal,” Trump declared."
    start = text.index("former mayor")
    actor = Actor(name="former mayor", type="person", mentions=[Mention(start, start + 12, "former mayor")])
    assert direct_of(find_quotes(nlp(text), [actor])) == [("It is a scandal,", "Trump")]


def test_a_position_with_a_that_clause_is_a_statement_running_to_the_closing_mark(nlp):
    text = ("A spokesperson for the Foreign Office reiterated the UK's position that the camps “are illegal under "
            "international law, present an obstacle to peace and threaten a settlement”.")
    quotes = kinds_of(find_quotes(nlp(text), []), "indirect")
    assert quotes[0][0].startswith("the UK's position that the camps")
    assert quotes[0][0].endswith("threaten a settlement”")


@pytest.mark.parametrize("text", [
    "Reporting by Amina Farouk in Nairobi; editing by Sarah Kim",
    "Associated Press writers Jill Lawless and Danica Kirka contributed to this report.",
    "Protesters gather outside the parliament on Sunday. (AP Photo/Jane Doe)",
    "SEE MORE\n\nMost read\n\nSign up for our newsletter",
])
def test_credit_lines_captions_and_menus_form_no_quotes(nlp, text):
    assert find_quotes(nlp(text), []) == []


def test_a_participle_that_names_is_no_statement(nlp):
    text = "The hunter, better known as “Suresh”, joined a group called the Forest Watch in May."
    assert find_quotes(nlp(text), []) == []
