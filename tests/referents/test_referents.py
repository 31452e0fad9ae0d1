"""The referent layer: given-name gender from the Census lists, name keys and spans, and pronouns linked to
their antecedents; the speaker index (Referents) used by the quote stage."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conflictcli.lexicon import speech
from conflictcli.models import Actor, Mention
from conflictcli.nlp import model as nlp
from conflictcli.referents.gender import gender_of_given_name, is_known_name
from conflictcli.referents.names import as_written, person_key, proper_name
from conflictcli.referents.pronouns import Antecedent, pronoun_links
from conflictcli.referents.speakers import Referents

PACKAGE = Path(__file__).resolve().parents[2] / "conflictcli"


@pytest.fixture(scope="module")
def model():
    return nlp.load()


def test_given_names_come_from_the_census_lists_not_a_hand_list():
    assert gender_of_given_name("Margaret") == "f" and gender_of_given_name("Gerald") == "m"
    assert gender_of_given_name("Leslie") is None  # near even on both lists: no guess
    assert gender_of_given_name("Xq") is None
    assert is_known_name("Brexit") is False and is_known_name("Johnson") is True
    source = (PACKAGE / "lexicon" / "speech.py").read_text(encoding="utf-8")
    assert "FEMALE_NAMES" not in source and "MALE_NAMES" not in source


def test_one_list_of_titles_and_role_words():
    assert speech.TITLE_NOUNS < speech.ROLE_NOUNS
    for path in (PACKAGE / "actors").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assigned = {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign) for t in node.targets
                    if isinstance(t, ast.Name)}
        assert not assigned & {"ROLE_HEADS", "ROLE_MODIFIERS", "SPEECH_VERBS", "QUOTED"}, path


def test_person_keys_fold_particles_case_and_possessives():
    assert person_key("Bashar al-Assad's") == ("bashar", "assad")
    assert person_key("ASSAD") == ("assad",)


def test_names_are_written_as_in_the_text(model):
    doc = model("Spokesperson Esmaeil Baqaei said al-Amiri left.")
    assert as_written(list(doc[4:7])) == "al-Amiri"
    start, end = proper_name(doc[2])
    assert doc.text[start:end] == "Esmaeil Baqaei"


def _ortiz(text: str) -> tuple[list[Antecedent], dict]:
    spans = [(m, m + len("Ortiz")) for m in range(len(text)) if text.startswith("Ortiz", m)]
    mentions = [Mention(s, e, text[s:e]) for s, e in spans]
    actor = Actor(name="Lena Ortiz", type="person", role=None, affiliation=None, aliases=["Ortiz"], mentions=mentions)
    return [Antecedent(s, e, ("person", "ortiz"), True) for s, e in spans], {("person", "ortiz"): actor}


def test_he_and_she_link_through_the_speaker_index_and_we_in_a_quote_to_its_speaker(model):
    text = 'Lena Ortiz arrived on Monday. She said nothing. "We will stay," Ortiz said.'
    antecedents, actors = _ortiz(text)
    links = {(link.text, link.key, link.plural) for link in pronoun_links(model(text), antecedents, actors)}
    assert ("She", ("person", "ortiz"), False) in links
    assert ("We", ("person", "ortiz"), True) in links


def test_a_pronoun_too_far_from_any_person_stays_unresolved(model):
    text = "Lena Ortiz arrived. The rain fell. The river rose. The road closed. The sky cleared. She left."
    antecedents, actors = _ortiz(text)
    assert [link.text for link in pronoun_links(model(text), antecedents, actors)] == []


def test_they_links_only_to_a_group_that_was_a_subject(model):
    text = "The Red Cross sent trucks to the city. They arrived on Monday. A doctor saw Lena Ortiz. They left."
    doc = model(text)
    start = text.index("Red Cross")
    red_cross = Actor(name="Red Cross", type="organization", role=None, affiliation=None, aliases=[],
                      mentions=[Mention(start, start + 9, "Red Cross")])
    antecedents, actors = _ortiz(text)
    antecedents.append(Antecedent(start, start + 9, ("org", "red cross"), False))
    actors[("org", "red cross")] = red_cross
    links = [(link.text, link.start) for link in pronoun_links(doc, antecedents, actors)]
    assert links == [("They", text.index("They"))]


def test_referents_resolve_a_role_nominal_to_the_titled_person(model):
    text = "Foreign Minister Abbas Araghchi met reporters. The minister said talks would go on."
    doc = model(text)
    start = text.index("Abbas")
    actors = [Actor(name="Abbas Araghchi", type="person", role="Foreign Minister", affiliation="IR", aliases=[],
                    mentions=[Mention(start, start + len("Abbas Araghchi"), "Abbas Araghchi")])]
    referents = Referents(doc, actors)
    minister = next(t for t in doc if t.text == "minister")
    assert referents.resolve_nominal(minister).name == "Abbas Araghchi"


def test_a_person_named_only_by_a_description_absorbs_no_name(model):
    """An actor known only as "the former governor" has no name words; "Okafor" is not a subset of nothing."""
    text = ("The former governor spoke in Lagos. Sen. Ruth Okafor of Ohio criticised him. "
            "Okafor, who avoids attacks, made an exception. She said the plan was wrong.")
    doc = model(text)
    start = text.index("former governor")
    described = Actor(name="former governor", type="person", role="governor", affiliation=None, aliases=[],
                      mentions=[Mention(start, start + len("former governor"), "former governor")])
    at = text.index("Ruth Okafor")
    okafor = Actor(name="Ruth Okafor", type="person", role="Sen.", affiliation=None, aliases=[],
                   mentions=[Mention(at, at + len("Ruth Okafor"), "Ruth Okafor")])
    referents = Referents(doc, [described, okafor])
    surname = text.index("Okafor,")
    assert referents.referent_at(surname, surname + len("Okafor")).name == "Ruth Okafor"
    she = next(t for t in doc if t.text == "She")
    assert referents.resolve_pronoun(she).name == "Ruth Okafor"


def test_a_pronoun_reaches_a_person_through_a_surname_only_ner_found(model):
    """The actor's own mention is three sentences back, but "Ortiz" (a surname NER tags) is in the sentence
    before: "She" is Ortiz."""
    text = ("Sen. Lena Ortiz of Ohio accused the mayor of lying. The campaign denied it on Monday. "
            "Aides said the vote was close. Ortiz, who has avoided attacks, made an exception. "
            "She compares him to a showman.")
    doc = model(text)
    start = text.index("Lena Ortiz")
    actor = Actor(name="Lena Ortiz", type="person", role=None, affiliation=None, aliases=[],
                  mentions=[Mention(start, start + 10, "Lena Ortiz")])
    links = pronoun_links(doc, [Antecedent(start, start + 10, ("person", "ortiz"), True)],
                          {("person", "ortiz"): actor})
    assert [(link.text, link.key) for link in links] == [("She", ("person", "ortiz"))]


def test_a_pronoun_after_a_possessive_name_in_its_sentence_is_that_person(model):
    text = ("Dr. Amina Farouk said the clinic was full. "
            "In Grace Mbeki's case, she decided to stay near the clinic.")
    doc = model(text)
    actors = []
    for name in ("Amina Farouk", "Grace Mbeki"):
        at = text.index(name)
        actors.append(Actor(name=name, type="person", role=None, affiliation=None, aliases=[],
                            mentions=[Mention(at, at + len(name), name)]))
    referents = Referents(doc, actors)
    she = next(t for t in doc if t.text == "she")
    assert referents.resolve_pronoun(she).name == "Grace Mbeki"


def test_an_office_named_without_a_person_is_one_referent_under_its_full_name(model):
    text = "The UN High Commissioner for Human Rights said the decision changed nothing. Mr. Guterres agreed."
    doc = model(text)
    referents = Referents(doc, [])
    at = text.index("Commissioner")
    office = referents.referent_at(at, at + len("Commissioner"))
    assert office.name == "UN High Commissioner for Human Rights" and not office.names


def test_they_can_stand_for_an_unnamed_group(model):
    text = "Local farmers opposed the new dam for years. They say the river will dry up."
    doc = model(text)
    they = next(t for t in doc if t.text == "They")
    assert Referents(doc, []).resolve_pronoun(they).name == "Local farmers"


def test_a_group_inside_a_quotation_is_no_antecedent(model):
    text = "\u201cOnce the banks moved, everyone followed,\u201d they added."
    doc = model(text)
    they = next(t for t in doc if t.text == "they")
    assert Referents(doc, []).resolve_pronoun(they) is None


def test_he_said_goes_on_with_the_one_who_spoke_not_the_one_merely_named(model):
    text = 'Mayor Tom Hale watched as Governor Paul Reyes said the deal was done. "The budget is settled," he said later.'
    doc = model(text)
    actors = []
    for name in ("Tom Hale", "Paul Reyes"):
        at = text.index(name)
        actors.append(Actor(name=name, type="person", role=None, affiliation=None, aliases=[],
                            mentions=[Mention(at, at + len(name), name)]))
    he = next(t for t in doc if t.text == "he")
    assert Referents(doc, actors).resolve_pronoun(he).name == "Paul Reyes"
