"""Word lists of the actor stage: unnamed-actor heads, name particles, toponym and feature words.

Titles and role words live in lexicon/speech.py (shared with the speaker index); these lists only decide what
counts as an actor and what type it has.
"""
from __future__ import annotations

import re

HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. sir dame lord gen gen. col col. lt lt. maj maj. capt capt. sgt sgt.".split())
NAME_PARTICLES = frozenset("al al- el bin ibn bint abu abd de da di du del van von der ul ur".split())
FEATURE_WORDS = frozenset("""
    barrage dam bridge river lake mountain mountains valley province governorate district city square airport
    airbase base camp crossing border street road highway canal desert island bay gulf sea
""".split())
# Nouns that describe only a person: a name in apposition to one is a person's ("a young girl, Islam,").
PERSON_DESCRIPTIONS = frozenset("""
    girl boy man woman child teenager baby student pupil father mother son daughter wife husband brother sister
    grandmother grandfather widow orphan nurse doctor surgeon farmer shepherd teacher activist journalist
    photographer blogger poet writer novelist resident refugee survivor victim volunteer
""".split())
BACKING = ("backed", "led", "allied", "supported", "aligned", "sponsored", "funded", "linked")

# Unnamed actors: head noun -> (class, type). A class merges synonyms ("rebels" and "insurgents").
NOMINAL_HEADS = {
    **dict.fromkeys(("militia", "militias", "militiamen", "paramilitaries", "paramilitary"), ("militias", "armed_group")),
    **dict.fromkeys(("rebels", "rebel", "insurgents", "insurgent", "guerrillas", "guerrilla"), ("rebels", "armed_group")),
    **dict.fromkeys(("fighters", "combatants"), ("fighters", "armed_group")),
    **dict.fromkeys(("jihadists", "jihadis", "militants", "extremists", "terrorists", "gunmen", "mercenaries",
                     "separatists"), ("militants", "armed_group")),
    **dict.fromkeys(("forces", "troops", "army", "military", "soldiers"), ("forces", "armed_group")),
    **dict.fromkeys(("government", "governments", "regime", "junta", "administration", "authorities", "people",
                     "population"), ("government", "organization")),
    **dict.fromkeys(("officials", "diplomats", "advisors", "advisers", "commanders", "leaders", "ministers"),
                    ("officials", "group")),
    **dict.fromkeys(("coalition", "alliance"), ("coalition", "organization")),
    **{word: (word, "group") for word in ("civilians", "refugees", "journalists", "victims", "residents",
                                          "protesters", "demonstrators", "activists", "villagers", "tribesmen")},
    "community": ("community", "group"),  # only "the international community"
    **dict.fromkeys(("ministry", "embassy"), ("body", "organization")),  # "the French foreign ministry"
    **dict.fromkeys(("group", "organisation", "organization", "movement"), ("anaphor", "armed_group")),
}
# "the group", "this terrorist organisation": the armed group named just before.
ANAPHOR_MODIFIERS = frozenset("""
    terrorist terror militant jihadist jihadi extremist armed barbaric insurgent rebel islamist radical
    violent brutal murderous criminal extremist sunni shia
""".split())
ANAPHOR_DETERMINERS = frozenset(("the", "this", "that"))
OFFICIAL_HEADS = frozenset(("officials", "diplomats", "advisors", "advisers", "commanders", "leaders", "ministers",
                            "government", "authorities", "administration"))  # "officials in Kabul" serve there
STATE_HEADS = frozenset(("government", "regime", "junta", "administration", "authorities", "people", "population"))
BARE_STATE_HEADS = frozenset(("government", "regime", "junta"))  # "the government" in a one-country story
ARMED_ORG_WORDS = frozenset("""
    army forces force brigade brigades battalion battalions militia front corps guard guards regiment
    division units unit mujahideen jihad mobilization mobilisation resistance liberation
""".split())
PRONOUN_POSSESSIVES = frozenset("his her their its our my your".split())
CITY_POPULATION = 15_000  # a name the gazetteer knows as a town this big is a place, not an actor
ANAPHOR_REACH = 600  # characters back to the group "the group" stands for
ACRONYM = re.compile(r"[A-Z][A-Za-z&\-]*[A-Z]")
ACRONYM_DEFINITION = re.compile(r"\s*\(\s*([A-Z][A-Za-z&\-]{1,9})\s*\)")  # "Hayat Tahrir al-Sham (HTS)"
WORD_CHAR = re.compile(r"[\w-]")
BACKER_PREFIX = re.compile(r"^\S+-(" + "|".join(BACKING) + r")\s+")  # "US-backed " in "US-backed Kurdish authorities"
NORP_LIKE = re.compile(r"(an|ans|ese|i|is|ish|ic|s)$")


# Abbreviated titles before a name ("Sen. Elizabeth Warren", "Gov. Matt Bevin"): the office they stand for.
TITLE_ABBREVIATIONS = {"sen.": "Senator", "rep.": "Representative", "gov.": "Governor", "pres.": "President",
                       "amb.": "Ambassador", "supt.": "Superintendent", "insp.": "Inspector"}
# Titles that name one office in two ways: "the Jewish state's premier" is its prime minister.
ROLE_SYNONYMS = {"premier": "minister", **{a: t.lower() for a, t in TITLE_ABBREVIATIONS.items()}, "spokesman": "spokesperson", "spokeswoman": "spokesperson",
                 "chairwoman": "chairman", "chair": "chairman", "advisor": "adviser"}
# Last words of organisations' names ("Westminster Magistrates' Court", "Youssef Al-Najjar Hospital").
ORG_HEADS = frozenset("""
    court hospital university college school council committee commission ministry department office agency
    authority party association union institute foundation bank company corporation group board tribunal
    assembly parliament senate congress police force army navy church museum center centre clinic
""".split())
# Nouns of places and sites: "the city of Rafah", "the Mughraqa area", "African Quarter", "Essequibo Coast".
PLACE_FEATURES = frozenset("""
    city town village province district region area quarter neighbourhood neighborhood suburb coast street road
    avenue square lane boulevard camp crossing governorate county capital
""".split())
# Street and square names in German-speaking cities ("Petersallee", "Nachtigalplatz", "Lüderitzstrasse").
STREET_SUFFIX = re.compile(r"(strasse|straße|allee|platz|gasse|damm|ufer)$")
