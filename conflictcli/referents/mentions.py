"""Which tokens can refer to someone who says or does something: a name, a pronoun, a person or body ("the
minister", "critics", "loggers") or a document that speaks ("the report"); never a date, a number, a dateline,
an event or an abstract noun. Read by the speaker index (speakers.py) and the quote stage.
"""
from __future__ import annotations

from conflictcli.lexicon import speech

AGENTS = speech.ROLE_NOUNS | speech.AGENT_NOUNS | speech.SPEAKING_DOCUMENTS | speech.PEOPLE_NOUNS
# endings of abstract nouns and events: retaliation, decision, unrest-like "-ness", security, terrorism ...
ABSTRACT_ENDINGS = ("tion", "tions", "sion", "sions", "ness", "ity", "ities", "ism", "isms", "ance", "ances", "ence",
                    "ences", "ship", "ing", "ings", "ment", "ments", "cy", "age")
NOT_SPEAKERS = {"DATE", "TIME", "CARDINAL", "MONEY", "ORDINAL", "QUANTITY"}  # "40 percent (of voters) said" speak


def could_speak(token) -> bool:
    """A mention that can say something: a name, a pronoun, a person or body ("the minister", "critics",
    "loggers") or a document that speaks ("the report"); never a date, a number, a dateline ("WASHINGTON"),
    an event or an abstract noun ("the unrest", "the state budget", "the policy shift")."""
    if not is_mention(token):
        return False
    return token.pos_ != "NOUN" or token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or is_agent_noun(token)


def is_mention(token) -> bool:
    """Could name anything at all (a subject slot filled by a noun phrase): not a date, number or dateline."""
    if token.ent_type_ in NOT_SPEAKERS or token.pos_ in {"PART", "PUNCT", "NUM", "SYM"} or not token.text[:1].isalpha():
        return False
    return not (token.is_upper and len(token.text) > 3 and token.ent_type_ == "GPE")


def is_agent_noun(token) -> bool:
    """A common noun that can name a source: people, a body, a speaking document ("the report"), a share of
    people ("44 percent of voters"); not an event or an abstraction ("unrest", "the policy shift", "an
    investigation"), told by a short list of events and by the endings of abstract nouns."""
    low = token.lower_
    singular = low[:-1] if low.endswith("s") else low
    if {low, singular} & speech.EVENT_NOUNS:
        return False
    if {low, singular} & (AGENTS | speech.SHARE_NOUNS):
        return True
    return not low.endswith(ABSTRACT_ENDINGS)
