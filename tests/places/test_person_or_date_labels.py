"""Names the small model labels wrongly around places: a town tagged DATE is still a town ("Manbij"); a longer name
tagged PERSON that opens with a town and no given name ("Riverdale Luke Oil") does not make the town a surname,
while a person's full name with a person's words around it ("X Abdi, 20,") keeps its first word a person's."""
from __future__ import annotations

from conflictcli.nlp import model as nlp
from conflictcli.places.find import find_places


def names(text: str) -> set[str]:
    return {p.name for p in find_places(nlp.load()(text))}


def test_a_town_the_model_tags_as_a_date():
    text = "Syria: a soldier was killed\n\nHe served with US Special Forces in Manbij near the Turkish border."
    assert "Manbij" in names(text)


def test_a_business_tagged_person_does_not_make_its_town_a_surname():
    text = "Cashiers at Riverdale Luke Oil gas station were delighted. The ticket was sold in Riverdale on Friday."
    assert "Riverdale" in names(text)


def test_a_persons_full_name_keeps_its_first_word_a_persons():
    text = "Mohana Abdi, 20, was hurt in the blast. Doctors said the bullet hit Mohana in the back."
    assert "Mohana" not in names(text)


def test_an_adjective_of_a_country_the_model_tags_person_and_a_surname_that_is_one():
    assert "Azerbaijan" in names("The mines were laid by Azerbaijani soldiers during the war.")
    text = "Dawn French was there. French said she was tired. French troops left."
    france = next(p for p in find_places(nlp.load()(text)) if p.name == "France")
    assert [m.start for m in france.mentions] == [text.index("French troops")]
