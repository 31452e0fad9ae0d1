"""Roles and affiliations from the words around a mention: the title compound before a name ("Iranian Foreign
Minister"), an apposition after it (", Turkey's foreign minister"), "of/for <country>" phrases, and whether a
country word backs an actor ("Iran-backed") rather than owning it."""
from __future__ import annotations

from conflictcli.actors.lexicon import BACKING, OFFICIAL_HEADS, TITLE_ABBREVIATIONS
from conflictcli.actors.mentions import RawMention, entity_of, trim
from conflictcli.lexicon import demonyms, kb, speech
from conflictcli.referents.names import as_written

TITLES = speech.TITLE_NOUNS | frozenset(TITLE_ABBREVIATIONS)  # "Sen. Elizabeth Warren" has a title too


def _of_title_start(doc, i: int) -> int | None:
    """Index of the office in an "<office> of <Capitalised words>" title ending at token `i`, else None."""
    j = i
    while j >= 0 and i - j < 4 and doc[j].is_title and doc[j].lower_ not in speech.TITLE_NOUNS:
        j -= 1
    if j < i and j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in speech.TITLE_NOUNS:
        return j - 1
    return None


def role_from_context(span, cand: RawMention) -> None:
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
        if low in TITLES or low in speech.ROLE_QUALIFIERS or (tok.ent_type_ == "ORG" and (tok.is_title or tok.is_upper)
                                                             and demonyms.country_of_demonym(tok.text) is None):
            words.insert(0, tok)
            i -= 1
            continue
        break
    if any(w.lower_ in TITLES for w in words):
        cand.role = cand.role or as_written(words)
        cand.affiliation = cand.affiliation or _affiliation_before(doc, i)
        employer = next((w for w in words if w.ent_type_ == "ORG"), None)
        if employer is not None:  # "Hezbollah spokesman", "FCO Minister"
            entry = kb.by_key(employer.ent_id_) if employer.ent_id_ else None
            ent = entity_of(employer)
            cand.employer = ("kb", entry.key) if entry else ("org", kb.normalize(trim(ent).text if trim(ent) else ent.text))
            cand.affiliation = cand.affiliation or (entry.country if entry else country_inside(ent))
    for child in span.root.children:
        if child.dep_ == "appos" and child.lower_ in speech.TITLE_NOUNS and child.i > span.root.i:
            cand.role = cand.role or role_phrase(child)
            cand.affiliation = cand.affiliation or affiliation_of(child)
    if span.root.dep_ == "appos" and span.root.head.lower_ in speech.TITLE_NOUNS:
        cand.role = cand.role or role_phrase(span.root.head)
        cand.affiliation = cand.affiliation or affiliation_of(span.root.head)
    if cand.affiliation is None and cand.role:
        cand.affiliation = _kb_country_in(doc, span.start - 8, span.start)


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


def role_phrase(head) -> str:
    mods = [t for t in head.lefts if t.dep_ in ("amod", "compound") and
            (t.lower_ in speech.ROLE_QUALIFIERS or t.lower_ in speech.TITLE_NOUNS or (t.is_title and t.ent_type_ == "ORG"))]
    words = mods + [head]
    return as_written(sorted(words, key=lambda t: t.i))


def affiliation_of(head) -> str | None:
    """The country a noun phrase belongs to: a demonym or country modifier, or "of/for/from <country>"."""
    for t in head.lefts:
        if is_backer(t) or t.dep_ not in ("amod", "compound", "nmod", "npadvmod", "poss"):
            continue
        for tok in t.subtree:
            code = country_word(tok)
            if code and not is_backer(tok):
                return code
    for prep in head.rights:
        if prep.dep_ == "prep" and (prep.lower_ in ("of", "for", "from") or prep.lower_ == "in" and head.lower_
                                    in speech.TITLE_NOUNS | OFFICIAL_HEADS):  # "refugees in Bangladesh" are not its own
            for tok in prep.subtree:
                code = country_word(tok)
                if code:
                    return code
    return None


def country_word(tok) -> str | None:
    if tok.ent_id_:
        entry = kb.by_key(tok.ent_id_)
        return entry.country if entry else None
    return (demonyms.country_of_demonym(tok.text) or demonyms.country_of_name(tok.text)
            or demonyms.country_of_seat(tok.text))


def is_backer(tok) -> bool:
    """ "Iran" in "Iran-backed militias" supports the actor; it is not the actor's own country."""
    doc = tok.doc
    nxt = tok.i + 1
    if nxt < len(doc) and doc[nxt].text in ("-", "–") and nxt + 1 < len(doc):
        return doc[nxt + 1].lower_ in BACKING
    return tok.lower_ in BACKING or tok.head.lower_ in BACKING and tok.dep_ == "npadvmod"


def country_inside(span) -> str | None:
    for tok in span:
        code = demonyms.country_of_demonym(tok.text) or demonyms.country_of_name(tok.text)
        if code:
            return code
    return None


def best_role(roles: list[str]) -> str:
    """A formal title ("Foreign Minister") over a description ("leader"); then the most frequent."""
    return max(roles, key=lambda r: (r[:1].isupper() and r.lower() not in speech.TITLE_NOUNS | {"leader"},
                                     roles.count(r), len(r)))


