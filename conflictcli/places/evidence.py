"""Place or person? The one place where a name that is both (Jordan, Chad, Georgia, Victoria, "Sudan" as a given
name, a town named like a surname) is decided, from the words around it.

The small NER model tags most towns of today's wars PERSON or nothing ("Kryvyi Rih", "Bentiu"), so its label is
no evidence either way. Evidence for a person: a title or role word before the name ("President", "Mr",
"spokesman"), a person's appositive after it ("X, 45,", "X, who"), a speech verb with the name as its subject
("X said", unless the name is a country or capital: "Kyiv said" is the government), the name as the surname of
a longer person name elsewhere in the text. Evidence for a place: a locative preposition ("in", "near",
"outskirts of"), a place noun ("the city of X", "X province"), the object or passive subject of a verb of attack
or movement ("struck X", "fled X", "X was shelled"), "X came under fire", coordination with another place.
Must not look up the gazetteer: callers pass the candidate readings in.
"""
from __future__ import annotations

from conflictcli.lexicon.census_names import is_common_person_name
from conflictcli.lexicon.speech import ROLE_NOUNS, SPEECH_VERBS

PERSON, PLACE = "person", "place"

TITLES = frozenset("""
    mr mrs ms miss dr prof sir dame lord lady gen col lt sgt capt cpl maj adm sen rep gov pres rev fr st
    sheikh sheik emir imam mullah rabbi father brother sister uncle aunt mother son daughter wife husband
    saint mister madam monsieur
""".split()) | ROLE_NOUNS - {"resident", "member", "head"}
LOCATIVE = frozenset("""
    in near at from to into onto outside inside around toward towards across through via between beyond within
    throughout along past off around nearby over
""".split())
PLACE_NOUNS = frozenset("""
    city town village district province governorate region state county area outskirts suburb suburbs centre
    center capital port border borders camp crossing streets street neighbourhood neighborhood north south east
    west outskirt residents inhabitants people outpost frontline front enclave municipality oblast prefecture
    stronghold hub
""".split())
ACTION_VERBS = frozenset("""
    strike strikes struck striking hit hits hitting shell shells shelled shelling bomb bombs bombed bombing
    attack attacks attacked attacking capture captures captured capturing seize seizes seized seizing take takes
    took taken taking enter enters entered entering flee flees fled fleeing reach reaches reached reaching besiege
    besieged besieging encircle encircled encircling liberate liberated liberating retake retook retaken retaking
    recapture recaptured recapturing evacuate evacuated evacuating leave leaves left leaving visit visits visited
    visiting surround surrounded surrounding storm stormed storming raid raided raiding target targets targeted
    targeting bombard bombarded bombarding pound pounded pounding control controls controlled hold holds held
    defend defended defending abandon abandoned occupy occupies occupied occupying overrun overran cross crossed
    crossing destroy destroyed damage damaged rock rocked blast blasted shake shook shaken besieges pounds
    rain rains rained raining
""".split())  # the model's lemmatizer is off in the pipeline, so the forms are listed
ATTACK_NOUNS = frozenset("""
    attack attacks assault assaults offensive offensives strike strikes airstrike airstrikes raid raids
    bombardment bombardments advance push march drive fire shelling bombing barrage barrages missiles rockets
    drones
""".split())  # "an airstrike on X": "on" is locative after these and after verbs of attack ("rained down on X")
PLACE_COMPOUNDS = frozenset("based born bound area headquartered".split())  # "a Kyiv-based group"
UNDER_NOUNS = ATTACK_NOUNS | frozenset("siege curfew blockade occupation bombardment shelling lockdown".split())
PLACE_OFFICES = frozenset("mayor governor council municipality airport hospitals hospital streets".split())
PERSON_PRONOUNS = frozenset("he she him her his hers himself herself".split())


def reading(tokens, capital_or_country: bool = False) -> str:
    """PERSON, PLACE or "" (no evidence) for a capitalised name `tokens` (a spaCy Span) that the gazetteer
    knows. `capital_or_country`: some reading is a country or capital, which may speak ("Kyiv said")."""
    if _person_evidence(tokens, capital_or_country):
        return PERSON
    if _place_evidence(tokens):
        return PLACE
    return ""


def _person_evidence(tokens, capital_or_country: bool) -> bool:
    doc = tokens.doc
    before = doc[tokens.start - 1] if tokens.start > 0 else None
    if before is not None and before.lower_.rstrip(".") in TITLES and before.lower_ not in PLACE_NOUNS:
        return True  # "President X", "Mr. X", "spokesman X"
    after = [doc[i] for i in range(tokens.end, min(len(doc), tokens.end + 3))]
    if len(after) >= 2 and after[0].text == "," and (after[1].like_num or after[1].lower_ in ("who", "whose")):
        return True  # "X, 45, said", "X, who"
    if len(after) >= 2 and after[0].lower_ in ("'s", "’s") and after[1].lower_ in TITLES - ROLE_NOUNS:
        return True  # "X's wife"
    root = tokens.root
    if len(tokens) == 1 and is_common_person_name(root.text) and any(_full_person_name(t) for t in _conjuncts(root)):
        return True  # "Bill and Hillary Clinton": a given name sharing a list with a person's full name
    if root.dep_ == "nsubj" and root.head.lower_ in SPEECH_VERBS and not capital_or_country:
        nxt = doc[root.head.i + 1] if root.head.i + 1 < len(doc) else None
        return nxt is None or nxt.lower_ in PERSON_PRONOUNS or nxt.lower_ in ("that", ",", "in", "on", ".", "the")
    return False


def _place_evidence(tokens) -> bool:
    doc = tokens.doc
    before = doc[tokens.start - 1] if tokens.start > 0 else None
    if before is not None:
        if before.lower_ in LOCATIVE:
            return True
        if before.lower_ == "of" and tokens.start > 1 and doc[tokens.start - 2].lower_ in PLACE_NOUNS | {","}:
            return True  # "the outskirts of X", "the city of X", "residents of X", "John Smith, of X,"
    if tokens.end < len(doc) and doc[tokens.end].lower_ in PLACE_NOUNS - {"people"}:
        return True  # "X province", "X city", "X residents"
    if tokens.end + 1 < len(doc) and doc[tokens.end].text == "-" and doc[tokens.end + 1].lower_ in PLACE_COMPOUNDS:
        return True  # "a Kyiv-based activist"
    if _place_apposition(tokens):
        return True
    after = [t for t in doc[tokens.end:tokens.end + 4] if t.pos_ != "ADJ"]
    if len(after) >= 2 and after[0].lower_ in ("'s", "’s") and after[1].lower_ in PLACE_NOUNS | PLACE_OFFICES:
        return True  # "X's mayor", "X's southern outskirts"
    root = tokens.root
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "hit Rafah and Khan Younis": the list's first member says where it stands
    if first is not root and (first.ent_type_ in ("GPE", "LOC", "FAC") or _governed_as_place(first)):
        return True
    if _governed_as_place(root) or _under_attack(root):
        return True
    return any(c.dep_ == "conj" and c.ent_type_ in ("GPE", "LOC") for c in root.children)


def _governed_as_place(token) -> bool:
    """The object of a verb of attack or movement, its passive subject, or the object of a locative
    preposition."""
    if token.dep_ in ("dobj", "nsubjpass", "pobj") and token.head.lower_ in ACTION_VERBS:
        return True
    if token.dep_ != "pobj":
        return False
    preposition = token.head
    return preposition.lower_ in LOCATIVE or preposition.lower_ == "on" and preposition.head.lower_ in (
        ATTACK_NOUNS | ACTION_VERBS)  # "an airstrike on X", "missiles rained down on X"


def _under_attack(token) -> bool:
    """ "X came under heavy shelling", "X remains under siege": what comes under fire, siege or curfew is a place
    (or a force, which the gazetteer does not list)."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return any(prep.dep_ == "prep" and prep.lower_ == "under" and any(
        obj.dep_ == "pobj" and obj.lower_ in UNDER_NOUNS for obj in prep.children) for prep in token.head.children)


def _place_apposition(tokens) -> bool:
    """ "X, a town of 20,000 people,", "X, the provincial capital,": a place noun describing the name, right
    after its comma (articles, numbers and adjectives between them)."""
    doc = tokens.doc
    i = tokens.end
    if i >= len(doc) or doc[i].text != ",":
        return False
    for token in doc[i + 1:i + 6]:
        if token.lower_ in PLACE_NOUNS - {"people", "residents", "north", "south", "east", "west"}:
            return token.pos_ == "NOUN"
        if token.pos_ not in ("DET", "ADJ", "NUM", "PROPN", "PUNCT") and token.tag_ != "VBN":
            return False
    return False


def _conjuncts(token) -> list:
    """The other members of the list `token` stands in ("Bill and Hillary Clinton")."""
    found = [c for c in token.children if c.dep_ == "conj"]
    return found + ([token.head] if token.dep_ == "conj" and token.head.i != token.i else [])


def _full_person_name(token) -> bool:
    """`token` ends a name the model tags PERSON that opens with a common given name ("Hillary Clinton")."""
    doc = token.doc
    if token.ent_type_ != "PERSON" or token.i == 0 or doc[token.i - 1].ent_type_ != "PERSON":
        return False
    start = token.i
    while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start].ent_iob_ != "B":
        start -= 1
    return is_common_person_name(doc[start].text)
