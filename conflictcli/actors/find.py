"""Actors: the people, organisations, armed groups, states and groups an article is about.

Recognition is spaCy's NER plus an entity ruler fed from the knowledge base (kb.py), corrected by what the
place gazetteer and the country tables (demonyms.py) know, plus unnamed actors: noun phrases headed by
"militias", "rebels", "forces", "government", "official" and the like. Mentions of one real-world actor are
then merged (surnames, titles, possessives, "al-" variants, acronyms defined in the text, near-identical
spellings, demonyms of states, role descriptions whose holder the text names), and the actors sorted by
salience: mention count, then first position.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from conflictcli.lexicon import demonyms

from conflictcli.places import gazetteer

from conflictcli.lexicon import kb
from conflictcli.models import Actor, Mention, Place
from conflictcli.nlp.model import doc_text

# Words of a title or office ("Foreign Minister", "Defense Secretary"): heads and their modifiers.
ROLE_HEADS = frozenset("""
    president minister secretary spokesperson spokesman spokeswoman leader chief commander general
    ambassador envoy counterpart official king queen prince emir sheikh sultan chairman chairwoman head
    director mayor governor senator lawmaker adviser advisor deputy representative premier chancellor
    speaker ayatollah cleric imam coordinator negotiator diplomat officer colonel lieutenant captain
    major admiral brigadier sergeant marshal mufti patriarch pope monarch administrator rapporteur
    commissioner prosecutor judge founder emissary vice-president
""".split())
ROLE_MODIFIERS = frozenset("""
    foreign defense defence interior prime vice deputy senior top military security intelligence
    supreme acting former interim special chief general army navy air national state junior assistant
    executive regional local high first crown grand lieutenant major rear
""".split())
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. sir dame lord gen gen. col col. lt lt. maj maj. capt capt. sgt sgt.".split())
NAME_PARTICLES = frozenset("al al- el bin ibn bint abu abd de da di du del van von der ul ur".split())
# First words of Arabic, Kurdish and Hebrew place names that NER takes for people ("tal Rifaat").
TOPONYM_PREFIXES = frozenset("tal tall tell tel jabal jebel jisr wadi deir dayr ras ain ayn kafr kfar khan bir maarat qasr beit bayt".split())
FEATURE_WORDS = frozenset("""
    barrage dam bridge river lake mountain mountains valley province governorate district city square airport
    airbase base camp crossing border street road highway canal desert island bay gulf sea
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
PERSON_PRONOUNS = frozenset("he him she her".split())
SPEAKER_PRONOUNS = frozenset("i me myself we us".split())
CITY_POPULATION = 15_000  # a name the gazetteer knows as a town this big is a place, not an actor
ANAPHOR_REACH = 600  # characters back to the group "the group" stands for
PRONOUN_REACH = 2  # sentences back to the person a "he" or "she" stands for
SPEECH_VERBS = frozenset("""
    said say says saying told tells tell added adds stated states declared announced explained noted insisted
    warned stressed asked claimed urged argued wrote according affirmed confirmed replied responded
""".split())
# Quotations: curly, straight (runs of straight quotes count as one mark), and statements introduced by
# "X said:" at a line end, which run to the next such introduction.
QUOTED = re.compile(r"“[^”]{2,}”|\"+[^\"\n]{2,}\"+")
STATEMENT = re.compile(r"\b(?:said|says|added|stated|declared):[ \t]*\n")  # "X said:" then the words, unquoted
ACRONYM = re.compile(r"[A-Z][A-Za-z&\-]*[A-Z]")
ACRONYM_DEFINITION = re.compile(r"\s*\(\s*([A-Z][A-Za-z&\-]{1,9})\s*\)")  # "Hayat Tahrir al-Sham (HTS)"
WORD_CHAR = re.compile(r"[\w-]")
BACKER_PREFIX = re.compile(r"^\S+-(" + "|".join(BACKING) + r")\s+")  # "US-backed " in "US-backed Kurdish authorities"
NORP_LIKE = re.compile(r"(an|ans|ese|i|is|ish|ic|s)$")


@dataclass
class Candidate:
    """One mention of a would-be actor, before merging."""
    start: int
    end: int
    text: str
    key: tuple  # cluster key: ("state", code), ("kb", key), ("org", name), ("group", name), ...
    type: str
    name: str
    role: str | None = None
    affiliation: str | None = None
    pronoun: bool = False  # a resolved pronoun: a mention, never a name or alias
    employer: tuple | None = None  # cluster key of the organisation in a person's title
    holder: int | None = None  # a role description's apposition: where the name it describes starts


@dataclass
class Cluster:
    key: tuple
    mentions: list[Candidate] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(c.start for c in self.mentions)


def find_actors(doc, places: list[Place]) -> list[Actor]:
    """The actors of a parsed article, merged and sorted by salience (count, then first position)."""
    if not doc_text(doc).strip():
        return []
    place_spans = [(m.start, m.end) for p in places for m in p.mentions]
    named = _entity_candidates(doc, place_spans)
    taken = {i for c in named for i in range(c.start, c.end)}
    named += _untagged_people(doc, taken)
    named += _untagged_demonyms(doc, {i for c in named for i in range(c.start, c.end)})
    taken = {i for c in named for i in range(c.start, c.end)}
    parsed = doc.has_annotation("DEP")  # unnamed actors and pronouns need the parse
    nominal = _nominal_candidates(doc, taken, place_spans) if parsed else []
    clusters = _merge(doc, named, nominal, parsed)
    actors = [_actor(c, doc_text(doc)) for c in clusters]
    return sorted(actors, key=lambda a: (-a.count, a.first))


# --- recognition -------------------------------------------------------------------------------------

def _entity_candidates(doc, place_spans) -> list[Candidate]:
    out: list[Candidate] = []
    for ent in doc.ents:
        span = _trim(ent)
        if span is None:
            continue
        cand = _classify(ent, span, place_spans)
        if cand is not None:
            out.append(cand)
    return out


def _trim(span):
    """The span without a leading determiner, trailing possessive or surrounding white space."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_space or doc[start].lower_ in ("the", "a", "an")):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


def _classify(ent, span, place_spans) -> Candidate | None:
    text = " ".join(span.text.split())
    start, end = span.start_char, span.end_char
    entry = kb.by_key(ent.ent_id_) if ent.ent_id_ else None
    entry = entry or (kb.lookup(text) if ent.label_ in ("ORG", "PERSON", "NORP", "GPE", "FAC") else None)
    if entry is not None:
        return Candidate(start, end, text, ("kb", entry.key), entry.type, entry.name, affiliation=entry.country)
    code = demonyms.country_of_name(text) or (demonyms.country_of_demonym(text) if ent.label_ == "NORP" else None)
    if code is None and ent.label_ in ("GPE", "ORG", "FAC") and demonyms.country_of_seat(text):
        if ent.label_ != "GPE" or span.root.dep_ in ("nsubj", "nsubjpass", "poss"):
            code = demonyms.country_of_seat(text)  # "the Kremlin", "Tehran's support": the state acting
    if code is not None:
        return Candidate(start, end, text, ("state", code), "state", demonyms.country_name(code) or text,
                         affiliation=code)
    group = demonyms.group_of(text)
    if group is not None and ent.label_ in ("NORP", "PERSON", "ORG"):
        return Candidate(start, end, text, ("group", group), "group", group)
    if ent.label_ not in ("PERSON", "ORG", "NORP"):
        return None
    if any(min(e, end) - max(s, start) >= (end - start) / 2 for s, e in place_spans):
        return None  # the gazetteer knows it as a place (a country inside an organisation's name does not count)
    if ent.label_ == "NORP":
        if not NORP_LIKE.search(text) or _gazetteer_knows(text) or _modifies_noun(span):
            return None  # "Democratic lawmakers": an unknown adjective describes an actor, it is none
        return Candidate(start, end, text, ("group", text), "group", text)
    if ent.label_ == "PERSON":
        return _person(span, text)
    if len(span) <= 2 and _gazetteer_knows(text) or span[0].lower_ == "operation" or _names_feature(span) \
            or _in_title(span):
        return None  # a city, a military operation ("Operation Inherent Resolve"), a place ("the Torkham
        # crossing") or part of a title ("Secretary of State Antony Blinken"), not an actor
    return Candidate(start, end, text, ("org", kb.normalize(text)), _org_type(span), text,
                     affiliation=_country_inside(span))


def _modifies_noun(span) -> bool:
    root = span.root
    return root.pos_ == "ADJ" or (root.dep_ in ("amod", "compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN")
                                  and not span.start <= root.head.i < span.end)


def _next_word(doc, i: int):
    """The first token at or after `i` that is not white space, else None."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i] if i < len(doc) else None


def _names_feature(span) -> bool:
    """ "the Torkham crossing", "Mosul dam": the name of a place feature written before its kind."""
    after = _next_word(span.doc, span.end)
    return after is not None and after.is_lower and after.lower_ in FEATURE_WORDS and after.lower_ != "border"


def _in_title(span) -> bool:
    """ "Secretary of State Antony Blinken": the organisation in an "<office> of <X>" title before a name."""
    doc = span.doc
    after = _next_word(doc, span.end)
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in ROLE_HEADS \
        and after is not None and after.pos_ == "PROPN" and after.is_title


def _of_title_start(doc, i: int) -> int | None:
    """Index of the office in an "<office> of <Capitalised words>" title ending at token `i`, else None."""
    j = i
    while j >= 0 and i - j < 4 and doc[j].is_title and doc[j].lower_ not in ROLE_HEADS:
        j -= 1
    if j < i and j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in ROLE_HEADS:
        return j - 1
    return None


def _person(span, text) -> Candidate | None:
    tokens = [t for t in span if not t.is_space]
    if tokens[0].lower_ in TOPONYM_PREFIXES or (tokens[0].is_lower and tokens[0].lower_ not in NAME_PARTICLES) \
            or any(t.lower_ in FEATURE_WORDS for t in tokens) or any(c.isdigit() for c in text):
        return None  # "tal Rifaat", "Tharthar Barrage": a place; "COVID-19": no name has digits
    titles = []
    while tokens and (tokens[0].lower_ in ROLE_HEADS or tokens[0].lower_ in ROLE_MODIFIERS
                      or tokens[0].lower_ in HONORIFICS) and len(tokens) > 1:
        titles.append(tokens.pop(0))
    if len(tokens) == 1 and len(span) == 1 and _gazetteer_knows(text):
        return None
    name = _as_written(tokens)
    role = _as_written([t for t in titles if t.lower_ not in HONORIFICS]) or None
    cand = Candidate(span.start_char, span.end_char, text, ("person", _name_key(name)), "person", name,
                     role=role)
    _role_from_context(span, cand)
    return cand


def _as_written(tokens) -> str:
    """Tokens joined as the text has them ("al-Amiri", not "al - Amiri"), white space runs as one space."""
    if not tokens:
        return ""
    return " ".join(("".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text).split())


def _untagged_people(doc, taken: set[int]) -> list[Candidate]:
    """Capitalised names right after a title that NER missed ("spokesperson Esmaeil Baqaei")."""
    out = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.lower_ in ROLE_HEADS and not tok.is_sent_end:
            j = i + 1
            while j < len(doc) and doc[j].is_space:
                j += 1
            k = j
            while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].is_title and doc[k].idx not in taken \
                    and doc[k].lower_ not in ROLE_HEADS:
                k += 1
            if k > j and kb.lookup(doc[j:k].text) is None and demonyms.country_of_name(doc[j:k].text) is None:
                span = doc[j:k]
                cand = Candidate(span.start_char, span.end_char, span.text, ("person", _name_key(span.text)),
                                 "person", span.text)
                _role_from_context(span, cand)
                out.append(cand)
                i = k
                continue
        i += 1
    return out


def _untagged_demonyms(doc, taken: set[int]) -> list[Candidate]:
    """Capitalised demonyms NER left untagged ("Sunni", "Syrian" in a heading): the state or group they name."""
    out = []
    for tok in doc:
        if tok.idx in taken or not tok.is_title or tok.ent_type_:  # "Arab" in "United Arab Emirates" is no Arab
            continue
        code = demonyms.country_of_demonym(tok.text)
        group = None if code else demonyms.group_of(tok.text)
        if code and tok.text != demonyms.country_name(code):
            out.append(Candidate(tok.idx, tok.idx + len(tok), tok.text, ("state", code), "state",
                                 demonyms.country_name(code), affiliation=code))
        elif group:
            out.append(Candidate(tok.idx, tok.idx + len(tok), tok.text, ("group", group), "group", group))
    return out


def _role_from_context(span, cand: Candidate) -> None:
    """Role and affiliation from the title compound before a name, or an apposition after it."""
    doc = span.doc
    words: list = []
    i = span.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    office = _of_title_start(doc, i) if i >= 0 else None
    if office is not None:  # "Secretary of State", "Minister of Foreign Affairs"
        words = list(doc[office:i + 1])
        i = office - 1
    while i >= 0:
        tok = doc[i]
        if tok.is_space:
            i -= 1
            continue
        low = tok.lower_
        if low in ROLE_HEADS or low in ROLE_MODIFIERS or (tok.ent_type_ == "ORG" and (tok.is_title or tok.is_upper)
                                                           and demonyms.country_of_demonym(tok.text) is None):
            words.insert(0, tok)
            i -= 1
            continue
        break
    if any(w.lower_ in ROLE_HEADS for w in words):
        cand.role = cand.role or _as_written(words)
        cand.affiliation = cand.affiliation or _affiliation_before(doc, i)
        employer = next((w for w in words if w.ent_type_ == "ORG"), None)
        if employer is not None:  # "Hezbollah spokesman", "FCO Minister"
            entry = kb.by_key(employer.ent_id_) if employer.ent_id_ else None
            ent = _entity_of(employer)
            cand.employer = ("kb", entry.key) if entry else ("org", kb.normalize(_trim(ent).text if _trim(ent) else ent.text))
            cand.affiliation = cand.affiliation or (entry.country if entry else _country_inside(ent))
    for child in span.root.children:
        if child.dep_ == "appos" and child.lower_ in ROLE_HEADS and child.i > span.root.i:
            cand.role = cand.role or _role_phrase(child)
            cand.affiliation = cand.affiliation or _affiliation_of(child)
    if span.root.dep_ == "appos" and span.root.head.lower_ in ROLE_HEADS:
        cand.role = cand.role or _role_phrase(span.root.head)
        cand.affiliation = cand.affiliation or _affiliation_of(span.root.head)
    if cand.affiliation is None and cand.role:
        cand.affiliation = _kb_country_in(doc, span.start - 8, span.start)


def _entity_of(tok):
    """The entity span a token is part of, from the IOB tags (doc.ents builds every span on each access)."""
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _affiliation_before(doc, i: int) -> str | None:
    """The state or organisation country just before a title: "Iranian", "Iran's", "Hezbollah"."""
    while i >= 0 and (doc[i].is_space or doc[i].tag_ == "POS"):
        i -= 1
    if i < 0:
        return None
    tok = doc[i]
    entry = kb.by_key(tok.ent_id_) if tok.ent_id_ else None
    return (demonyms.country_of_demonym(tok.text) or demonyms.country_of_name(tok.text)
            or (entry.country if entry else None))


def _kb_country_in(doc, lo: int, hi: int) -> str | None:
    """The country of a known group just before a name, in the same clause ("Hezbollah's ... chief X")."""
    lo = max([lo] + [t.i + 1 for t in doc[max(0, lo):hi] if t.pos_ in ("VERB", "AUX") or t.is_sent_end])
    for tok in doc[lo:hi]:
        if tok.ent_id_ and kb.by_key(tok.ent_id_) and kb.by_key(tok.ent_id_).country:
            return kb.by_key(tok.ent_id_).country
    return None


def _role_phrase(head) -> str:
    mods = [t for t in head.lefts if t.dep_ in ("amod", "compound") and
            (t.lower_ in ROLE_MODIFIERS or t.lower_ in ROLE_HEADS or (t.is_title and t.ent_type_ == "ORG"))]
    words = mods + [head]
    return _as_written(sorted(words, key=lambda t: t.i))


def _affiliation_of(head) -> str | None:
    """The country a noun phrase belongs to: a demonym or country modifier, or "of/for/from <country>"."""
    for t in head.lefts:
        if _is_backer(t) or t.dep_ not in ("amod", "compound", "nmod", "npadvmod", "poss"):
            continue
        for tok in t.subtree:
            code = _country_word(tok)
            if code and not _is_backer(tok):
                return code
    for prep in head.rights:
        if prep.dep_ == "prep" and (prep.lower_ in ("of", "for", "from") or prep.lower_ == "in" and head.lower_
                                    in ROLE_HEADS | OFFICIAL_HEADS):  # "refugees in Bangladesh" are not its own
            for tok in prep.subtree:
                code = _country_word(tok)
                if code:
                    return code
    return None


def _country_word(tok) -> str | None:
    if tok.ent_id_:
        entry = kb.by_key(tok.ent_id_)
        return entry.country if entry else None
    return (demonyms.country_of_demonym(tok.text) or demonyms.country_of_name(tok.text)
            or demonyms.country_of_seat(tok.text))


def _is_backer(tok) -> bool:
    """ "Iran" in "Iran-backed militias" supports the actor; it is not the actor's own country."""
    doc = tok.doc
    nxt = tok.i + 1
    if nxt < len(doc) and doc[nxt].text in ("-", "–") and nxt + 1 < len(doc):
        return doc[nxt + 1].lower_ in BACKING
    return tok.lower_ in BACKING or tok.head.lower_ in BACKING and tok.dep_ == "npadvmod"


def _country_inside(span) -> str | None:
    for tok in span:
        code = demonyms.country_of_demonym(tok.text) or demonyms.country_of_name(tok.text)
        if code:
            return code
    return None


def _org_type(span) -> str:
    return "armed_group" if any(t.lower_ in ARMED_ORG_WORDS for t in span) else "organization"


def _nominal_candidates(doc, taken: set[int], place_spans) -> list[Candidate]:
    """Unnamed actors: "Iran-backed militias", "the rebels", "US-backed Kurdish authorities", "a senior official"."""
    out = []
    for tok in doc:
        low = tok.lower_
        if tok.pos_ not in ("NOUN", "PROPN") or tok.idx in taken or tok.dep_ == "compound":
            continue
        if low in ROLE_HEADS and tok.tag_ in ("NN", "NNP"):
            cand = _unnamed_person(tok)
        elif low in NOMINAL_HEADS:
            cand = _group_nominal(tok, *NOMINAL_HEADS[low])
        else:
            continue
        if cand is not None and not any(s <= cand.start and cand.end <= e for s, e in place_spans):
            out.append(cand)
    return out


def _phrase_start(head) -> int:
    """First token of a nominal: its left modifiers, without determiners, numbers or pronouns."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("amod", "compound", "nmod", "npadvmod", "poss", "advmod") and child.lower_ not in PRONOUN_POSSESSIVES:
            start = min(start, child.left_edge.i)
    doc = head.doc
    start = max([start] + [t.i + 1 for t in doc[start:head.i] if "\n" in t.text])
    while start < head.i and doc[start].tag_ == "VBG" and start > 0 and doc[start - 1].pos_ in ("VERB", "AUX"):
        start += 1  # "denied killing civilians": a gerund taking the noun as object, no modifier
    while start < head.i and (doc[start].dep_ in ("det", "nummod", "quantmod", "case", "punct", "predet")
                              or doc[start].is_space or doc[start].like_num or doc[start].lower_ in PRONOUN_POSSESSIVES):
        start += 1
    return start


def _next_is_name(head) -> bool:
    doc = head.doc
    j = head.i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    return j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title


def _unnamed_person(head) -> Candidate | None:
    """ "Iran's foreign minister", "a senior military official", "a spokesperson for the Russian government"."""
    if _next_is_name(head) or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children) \
            or any(p.lower_ == "of" and _next_is_name(p.right_edge) for p in head.rights):
        return None  # the title of a name ("Secretary of State Antony Blinken"): the name is the actor
    doc = head.doc
    start = _phrase_start(head)
    end = head.i + 1
    affiliation = _affiliation_of(head)
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of") and any(_country_word(t) for t in prep.subtree):
            end = prep.right_edge.i + 1
    span = doc[start:end]
    role = _role_phrase(head)
    holder = head.head.idx if head.dep_ == "appos" and head.head.pos_ == "PROPN" else None  # "X, the leader"
    return Candidate(span.start_char, span.end_char, span.text, ("role", role.lower(), affiliation), "person",
                     span.text, role=role, affiliation=affiliation, holder=holder)


def _group_nominal(head, klass: str, type_: str) -> Candidate | None:
    doc = head.doc
    start = _phrase_start(head)
    span = doc[start:head.i + 1]
    affiliation = _affiliation_of(head)
    modifiers = [t for t in doc[start:head.i] if not t.is_punct and not t.is_space]
    group = next((kb.by_key(t.ent_id_) for t in modifiers if t.ent_id_ and not _is_backer(t)), None)
    if group is not None and group.type == "armed_group" and type_ == "armed_group":
        # "Islamic State militants", "Hezbollah fighters": the group itself
        return Candidate(span.start_char, span.end_char, span.text, ("kb", group.key), group.type, group.name,
                         affiliation=group.country)
    if klass == "government":
        if head.lower_ in ("people", "population") and any(c.dep_ == "nummod" for c in head.children):
            return None  # "killed 12 people": a count of victims, not a people acting
        if head.lower_ in STATE_HEADS and affiliation and not any(demonyms.group_of(t.text) for t in modifiers):
            return Candidate(span.start_char, span.end_char, span.text, ("state", affiliation), "state",
                             demonyms.country_name(affiliation) or span.text, affiliation=affiliation)
        if not modifiers:
            if head.lower_ in BARE_STATE_HEADS:
                return Candidate(span.start_char, span.end_char, span.text, ("state", None), "state", span.text)
            return None
        type_ = "group" if head.lower_ in ("people", "population", "governments") else "organization"
        return Candidate(span.start_char, span.end_char, span.text, ("nominal", kb.normalize(span.text)), type_,
                         span.text, affiliation=affiliation)
    if klass == "community" and not any(t.lower_ == "international" for t in modifiers):
        return None
    if klass == "anaphor":
        determiners = [t.lower_ for t in head.lefts if t.dep_ == "det"]
        if not determiners or determiners[0] not in ANAPHOR_DETERMINERS or \
                any(t.lower_ not in ANAPHOR_MODIFIERS for t in modifiers) or head.is_title:
            return None
        span = doc[min(t.i for t in head.lefts if t.dep_ == "det"):head.i + 1]
    if klass == "officials" and not modifiers and affiliation is None:
        return None  # "officials" alone says too little to be an actor
    return Candidate(span.start_char, span.end_char, span.text, (klass, affiliation), type_, span.text,
                     affiliation=affiliation)


def _place_name(text: str) -> bool:
    return bool(demonyms.country_of_name(text) or demonyms.country_of_demonym(text) or demonyms.country_of_seat(text)
                or _gazetteer_knows(text))


def _gazetteer_knows(text: str) -> bool:
    """A fallback for places the place stage did not report: the name, as written, of a city or town of 15,000
    people or more, or of a capital (one cached lookup in the place index the place stage has opened)."""
    return any(c.exact and c.name == text and c.kind in ("city", "town")
               and (c.population >= CITY_POPULATION or c.capital) for c in gazetteer.lookup(text))


# --- merging -----------------------------------------------------------------------------------------

def _name_key(name: str) -> tuple[str, ...]:
    """Person-name comparison tokens: accents and case folded, "al-" and possessives dropped."""
    return tuple(w for w in kb.normalize(re.sub(r"['’]s$", "", name)).split() if w not in ("al", "el"))


def _merge(doc, named: list[Candidate], nominal: list[Candidate], parsed: bool) -> list[Cluster]:
    clusters: dict[tuple, Cluster] = {}

    def add(key, cand):
        clusters.setdefault(key, Cluster(key)).mentions.append(cand)

    people = [c for c in named if c.key[0] == "person"]
    for cand in named:
        if cand.key[0] != "person":
            add(cand.key, cand)
    _merge_people(people, clusters, add)
    _merge_acronyms(doc, clusters, add)
    _repeat_mentions(doc, clusters, add)
    _merge_roles(nominal, clusters, add)
    _merge_nominals([c for c in nominal if c.key[0] != "role"], clusters, add)
    _inherit_counterpart_roles(clusters)
    if parsed:
        _pronoun_mentions(doc, clusters, add)
    return [c for c in clusters.values() if c.mentions]


def _merge_people(people: list[Candidate], clusters, add) -> None:
    """Full names first; a shorter form joins the full name it ends or starts with, or nearly spells."""
    people.sort(key=lambda c: (-len(c.key[1]), c.start))
    full: list[tuple] = []
    for cand in people:
        key = cand.key[1]
        if not key:
            continue
        target = None
        if len(key) >= 2:
            matches = [f for f in full if f[-len(key):] == key or f[:len(key)] == key and len(key) < len(f)]
            target = matches[0] if len(matches) == 1 else None
            if key in full:
                target = key
            if target is None:
                full.append(key)
                target = key
        else:
            target = _closest_full_name(key[0], full, cand.start, clusters)
            if target is None:
                full.append(key)
                target = key
        add(("person", target), cand)
    # organisations NER mislabelled: a single unknown word that spells a person's surname ("Aragchchi")
    for key, cluster in list(clusters.items()):
        if key[0] == "org" and len(key[1].split()) == 1 and not ACRONYM.fullmatch(cluster.mentions[0].text):
            target = _closest_full_name(key[1], [f for f in full if len(f) >= 2], cluster.first, clusters, by_recency=False)
            if target is not None:
                for cand in cluster.mentions:
                    cand.type = "person"
                    add(("person", target), cand)
                del clusters[key]


def _closest_full_name(word: str, full: list[tuple], at: int, clusters, by_recency: bool = True) -> tuple | None:
    """The full name a single word stands for: the same surname (or first name), else a near spelling.
    Among several people sharing it, the one mentioned last before `at` (no evidence, no merge: None)."""
    for rule in ("surname", "first", "spelling"):
        if rule == "surname":
            hits = [f for f in full if len(f) >= 2 and f[-1] == word]
        elif rule == "first":
            hits = [f for f in full if len(f) >= 2 and f[0] == word]
        else:
            hits = [f for f in full if len(f) >= 2 and len(word) >= 5 and f[-1][0] == word[0]
                    and SequenceMatcher(None, f[-1], word).ratio() >= 0.8]
        if rule != "spelling" and not by_recency and hits:
            return hits[0] if len(hits) == 1 else None
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            before = [(max((m.start for m in clusters[("person", f)].mentions if m.start < at), default=-1), f)
                      for f in hits if ("person", f) in clusters]
            before = [b for b in before if b[0] >= 0]
            return max(before)[1] if before else None
    return None


def _merge_acronyms(doc, clusters, add) -> None:
    """ "Hayat Tahrir al-Sham (HTS)": the acronym names the actor before it, wherever it appears."""
    text = doc_text(doc)
    defined: dict[str, tuple] = {}
    for key, cluster in list(clusters.items()):
        for cand in cluster.mentions:
            m = ACRONYM_DEFINITION.match(text, cand.end, cand.end + 16)
            if m and ACRONYM.fullmatch(m.group(1)) and key[0] != "person":
                defined.setdefault(m.group(1), key)
        if key[0] in ("org", "kb", "nominal"):
            initials = "".join(w[0] for w in cluster.mentions[0].name.split()
                               if w[:1].isupper() and w.lower() not in ("of", "for", "the", "and"))
            if len(initials) >= 3:
                defined.setdefault(initials, key)
    for acronym, target in defined.items():
        for key in [k for k in clusters if k[0] == "org" and k != target and k in clusters]:
            if all(c.text == acronym for c in clusters[key].mentions) and target in clusters:
                for cand in clusters.pop(key).mentions:
                    cand.type = clusters[target].mentions[0].type
                    add(target, cand)
        if target not in clusters:
            continue
        covered = {(c.start, c.end) for cl in clusters.values() for c in cl.mentions}
        for start, end in _occurrences(text, acronym):
            if not any(s <= start < e for s, e in covered):
                proto = clusters[target].mentions[0]
                add(target, Candidate(start, end, acronym, target, proto.type, proto.name,
                                      affiliation=proto.affiliation))


def _repeat_mentions(doc, clusters, add) -> None:
    """NER tags a name in one sentence and misses it in the next: every other occurrence of a person's name or
    surname (when no other person shares it), or of an organisation's name, is a mention too."""
    forms: dict[str, tuple | None] = {}
    for key, cluster in clusters.items():
        if key[0] not in ("person", "org", "group"):
            continue
        names = {" ".join(c.text.split()) for c in cluster.mentions if c.key[0] == key[0]}
        if key[0] == "person":  # surname, and first name ("Karim" for Karim Wasifi) unless a place has it
            names |= {part for n in names if len(n.split()) >= 2 for part in (n.split()[0], n.split()[-1])}
        for form in names:
            if len(form) >= 4 and form[:1].isupper() and not _place_name(form):
                forms[form] = key if forms.get(form, key) == key else None  # shared by two actors: ambiguous
    text = doc_text(doc)
    covered = bytearray(len(text))  # 1 where a mention is
    for cl in clusters.values():
        for c in cl.mentions:
            covered[c.start:c.end] = b"\x01" * (c.end - c.start)
    for form, key in sorted(forms.items(), key=lambda item: -len(item[0])):  # "Abu Ghadiya" before "Ghadiya"
        if key is None:
            continue
        for start, end in _occurrences(text, form):
            if covered.find(1, start, end) != -1:
                continue
            proto = clusters[key].mentions[0]
            add(key, Candidate(start, end, form, key, proto.type, proto.name, affiliation=proto.affiliation))
            covered[start:end] = b"\x01" * (end - start)


def _occurrences(text: str, form: str):
    """(start, end) of each occurrence of `form` as a whole word (no letter, digit or hyphen either side),
    left to right, not overlapping: a regex per form cost more to compile than to run."""
    at = text.find(form)
    while at != -1:
        end = at + len(form)
        if (at == 0 or not WORD_CHAR.match(text, at - 1)) and (end == len(text) or not WORD_CHAR.match(text, end)):
            yield at, end
            at = text.find(form, end)
        else:
            at = text.find(form, at + 1)


def _merge_roles(nominal: list[Candidate], clusters, add) -> None:
    """ "Iran's foreign minister" -> the named person holding that office for that country, if the text names one."""
    for cand in nominal:
        if cand.key[0] != "role":
            continue
        holders = [k for k, cl in clusters.items() if k[0] == "person" and any(
            m.start <= cand.holder < m.end if cand.holder is not None else
            m.role and _same_role(m.role, cand.role) and m.affiliation == cand.affiliation for m in cl.mentions)]
        if len(holders) == 1:
            cand.type = "person"
            add(holders[0], cand)
        else:
            add(("role", kb.normalize(cand.text)), cand)


def _same_role(a: str, b: str) -> bool:
    """ "Foreign Minister" = "foreign minister" = "top foreign minister"."""
    drop = {"senior", "top", "former", "acting", "interim"}
    return [w for w in a.lower().split() if w not in drop] == [w for w in b.lower().split() if w not in drop]


def _merge_nominals(nominal: list[Candidate], clusters, add) -> None:
    """Same class, compatible country: one actor ("Iran-backed militias" = "Iraqi militiamen")."""
    states = sorted((k for k in clusters if k[0] == "state" and k[1]), key=lambda k: -len(clusters[k].mentions))
    for cand in nominal:
        klass, affiliation = cand.key[0], cand.key[1]
        if klass == "state" and affiliation is None:
            if states:  # "the government" of the story's main state
                cand.name = demonyms.country_name(states[0][1]) or cand.name
                cand.affiliation = states[0][1]
                add(states[0], cand)
            continue
        if klass == "anaphor":
            target = _antecedent(cand, clusters)
            if target is not None:
                cand.type = clusters[target].mentions[0].type
                add(target, cand)
            elif len(cand.text.split()) >= 2 and cand.text.lower().split()[-2] in ANAPHOR_MODIFIERS:
                add(("militants", None), cand)  # "this terrorist group" with no group named before
            continue
        if klass == "kb" and cand.key in clusters and any(cand.start <= m.start < cand.end for m in clusters[cand.key].mentions):
            continue  # "HTS fighters" around a mention of HTS: one mention, not two
        if klass in ("state", "nominal", "kb"):
            add(cand.key, cand)
            continue
        if affiliation is None:
            same = [k for k in clusters if k[0] == klass]
            if same:
                add(max(same, key=lambda k: len(clusters[k].mentions)), cand)
                continue
        else:
            orphan = (klass, None)
            if orphan in clusters and (klass, affiliation) not in clusters:
                clusters[(klass, affiliation)] = clusters.pop(orphan)
                clusters[(klass, affiliation)].key = (klass, affiliation)
        add((klass, affiliation), cand)


def _pronoun_mentions(doc, clusters, add) -> None:
    """Pronouns whose referent is clear enough: "he"/"she" -> the person named last before, at most
    PRONOUN_REACH sentences back; "I"/"me" in a quotation -> its speaker; "we"/"us" there -> the speaker's
    organisation or state (a spokesperson's "we"). Others ("they", "it", a "we" outside quotes) stay out."""
    spans = sorted(((c.start, c.end, key) for key, cl in clusters.items() for c in cl.mentions),
                   key=lambda span: span[:2])
    if not spans:
        return
    owner = {i: key for s, e, key in spans for i in range(s, e)}
    quotes = _quote_spans(doc_text(doc))
    sentences = list(doc.sents)
    sent_of = {tok.i: n for n, sent in enumerate(sentences) for tok in sent}
    speakers: dict[tuple, tuple | None] = {}
    for tok in doc:
        low = tok.lower_
        if low not in PERSON_PRONOUNS and low not in SPEAKER_PRONOUNS or tok.idx in owner:
            continue
        if low == "her" and tok.dep_ == "poss":
            continue
        quote = next(((s, e) for s, e in quotes if s < tok.idx < e), None)
        if low in PERSON_PRONOUNS:
            key = _last_person(doc, tok, spans, clusters, sent_of)
        elif quote is None:
            continue
        else:
            if quote not in speakers:
                speakers[quote] = _speaker(doc, quote, owner, spans, clusters, sent_of, sentences)
            key = speakers[quote]
            if key is not None and low in ("we", "us"):
                key = _speaker_body(key, clusters)
        if key is not None:
            proto = clusters[key].mentions[0]
            add(key, Candidate(tok.idx, tok.idx + len(tok), tok.text, key, proto.type, proto.name, pronoun=True))


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Quotations, and statements introduced by "X said:" at a line end (to the next such introduction)."""
    spans = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    intros = [m.end() for m in STATEMENT.finditer(text)]
    spans += [(start, end - 1) for start, end in zip(intros, intros[1:] + [len(text) + 1])]
    return spans


def _last_person(doc, tok, spans, clusters, sent_of) -> tuple | None:
    for start, _end, key in reversed(spans):
        if start >= tok.idx or key[0] != "person" and clusters[key].mentions[0].type != "person":
            continue
        mention = doc.char_span(start, _end, alignment_mode="expand")
        near = sent_of.get(mention.start, -99) if mention is not None else -99
        return key if sent_of[tok.i] - near <= PRONOUN_REACH else None
    return None


def _speaker(doc, quote, owner, spans, clusters, sent_of, sents) -> tuple | None:
    """Who says a quotation: the subject of a speech verb in the sentences around it, outside the quotes."""
    span = doc.char_span(quote[0], quote[1], alignment_mode="expand")
    if span is None:
        return None
    first, last = sent_of[span.start], sent_of[span.end - 1]
    verbs = [t for sent in sents[max(0, first - 1):last + 2] for t in sent
             if t.lower_ in SPEECH_VERBS and not quote[0] <= t.idx < quote[1]]
    verbs.sort(key=lambda t: min(abs(t.idx - quote[0]), abs(t.idx - quote[1])))
    for verb in verbs:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") or child.dep_ == "agent" or verb.lower_ == "according":
                if child.lower_ in PERSON_PRONOUNS:
                    return _last_person(doc, child, spans, clusters, sent_of)
                # the subject's head first ("Foreign Office Minister Tobias Ellwood" is Ellwood), then its parts
                for tok in sorted(child.subtree, key=lambda t: (t.i != child.i, t.i)):
                    if tok.idx in owner:
                        return owner[tok.idx]
    return None


def _speaker_body(key: tuple, clusters) -> tuple | None:
    """The "we" of a speaker: an organisation or state speaks for itself; a person for the armed group or
    non-state organisation in their title ("Hezbollah spokesman"), else for their state ("Iranian Foreign
    Ministry spokesperson", "FCO Minister"); no "we" for a person with neither."""
    if key[0] != "person" and clusters[key].mentions[0].type != "person":
        return key
    mentions = clusters[key].mentions
    for employer in (m.employer for m in mentions if m.employer in clusters):
        body = clusters[employer].mentions[0]
        if body.type == "armed_group" or body.affiliation is None:
            return employer
    affiliations = [m.affiliation for m in mentions if m.affiliation]
    state = ("state", _majority(affiliations)) if affiliations else None
    return state if state in clusters else None


def _antecedent(cand: Candidate, clusters) -> tuple | None:
    """The armed group mentioned last before `cand`, within ANAPHOR_REACH characters."""
    best = None
    for key, cluster in clusters.items():
        if cluster.mentions[0].type != "armed_group" or key[0] not in ("kb", "org", "militias", "rebels", "militants"):
            continue
        before = [m.start for m in cluster.mentions if m.start < cand.start]
        if before and cand.start - max(before) <= ANAPHOR_REACH and (best is None or max(before) > best[0]):
            best = (max(before), key)
    return best[1] if best else None


def _inherit_counterpart_roles(clusters) -> None:
    """ "His Turkish counterpart Hakan Fidan": the office of the person last mentioned before, who has one."""
    people = [c for k, c in clusters.items() if k[0] == "person"]
    for cluster in people:
        for m in cluster.mentions:
            if not (m.role and m.role.lower() == "counterpart"):
                continue
            before = [(o.start, c) for c in people if c is not cluster for o in c.mentions if o.start < m.start]
            for _, other in sorted(before, key=lambda b: b[0], reverse=True):
                roles = [o.role for o in other.mentions if o.role and o.role.lower() != "counterpart"]
                if roles:
                    m.role = _best_role(roles)
                    break


def _best_role(roles: list[str]) -> str:
    """A formal title ("Foreign Minister") over a description ("leader"); then the most frequent."""
    return max(roles, key=lambda r: (r[:1].isupper() and r.lower() not in ROLE_HEADS | {"leader"},
                                     roles.count(r), len(r)))


def _actor(cluster: Cluster, text: str) -> Actor:
    """The actor of a cluster; its mentions quote `text` exactly (candidates' texts have white space folded)."""
    mentions = sorted(cluster.mentions, key=lambda c: c.start)
    kind = cluster.key[0]
    if kind == "person":
        names = [m.name for m in mentions if len(_name_key(m.name)) == len(cluster.key[1]) and m.key[0] == "person"]
        name = max(names, key=names.count) if names else mentions[0].name
        type_ = "person"
    elif kind in ("state", "kb"):
        name = mentions[0].name
        type_ = mentions[0].type
    else:
        name = mentions[0].name
        type_ = _majority([m.type for m in mentions])
    roles = [m.role for m in mentions if m.role]
    affiliations = [m.affiliation for m in mentions if m.affiliation]
    aliases = []
    for m in mentions:
        if m.pronoun:
            continue
        form = " ".join(re.sub(r"['’]s?$", "", m.text).split())
        generic = kind in ("state", "kb", "person") and form.islower()  # "government" is no name for Syria
        if form and form != name and form not in aliases and not generic:
            aliases.append(form)
    if kind not in ("person", "state", "kb"):  # "US-backed Kurdish authorities" is also "Kurdish authorities"
        for m in mentions:
            core = " ".join(BACKER_PREFIX.sub("", m.text).split())
            if core != m.text and core != name and core not in aliases:
                aliases.append(core)
    if kind == "kb":
        entry = kb.by_key(cluster.key[1])
        aliases += [a for a in (entry.name, *entry.aliases) if a != name and a not in aliases]
    if kind == "state" and cluster.key[1]:
        aliases += [a for a in demonyms.country_aliases(cluster.key[1]) if a not in aliases and a != name]
    return Actor(name=name, type=type_, role=_best_role(roles) if roles else None,
                 affiliation=_majority(affiliations) if affiliations else None, aliases=aliases,
                 mentions=[Mention(m.start, m.end, text[m.start:m.end]) for m in mentions])


def _majority(values: list):
    return max(values, key=values.count)
