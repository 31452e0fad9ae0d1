"""Shape tests on the tokens of a would-be place name: a word with an apostrophe inside ("Sana'a"), a particle of
a name's language ("Deir ez-Zor", "Mocimboa da Praia"), a piece of a longer hyphenated word ("Mar-a-Lago", but not
"Kyiv-based"), a dateline ("BEIRUT, Lebanon —", "Goma (AP) —"). Words and punctuation only: no gazetteer.
"""
from __future__ import annotations

import re

from conflictcli.lexicon.normalize import ARABIC_ARTICLES, TOPONYM_PREFIXES
from conflictcli.nlp.model import doc_text
from conflictcli.places.evidence import PLACE_COMPOUNDS

NAME_PREFIXES = TOPONYM_PREFIXES | ARABIC_ARTICLES  # lowercase words that may open a place name
NAME_PARTICLES = {"de", "du", "des", "la", "le", "da", "do", "dos", "das", "di", "del", "della", "van", "von"}
NEWS_AGENCIES = {"Reuters", "Xinhua", "Anadolu", "Bernama", "Interfax", "Yonhap", "Kyodo", "Sputnik"}
INNER_APOSTROPHES = re.compile(r"['’ʿʾ‘]")


def dateline(tokens) -> bool:
    """ "BEIRUT, Lebanon —", "DAMASCUS (Reuters) -": a name in capitals opening one of the first lines (after
    the headline, a standfirst), then a comma, a bracket or a dash, is where the story was filed."""
    doc = tokens.doc
    after = doc[tokens.end].text if tokens.end < len(doc) else ""
    agency = after == "(" and tokens.end + 2 < len(doc) and doc[tokens.end + 2].text == ")" and (
        doc[tokens.end + 1].is_upper or doc[tokens.end + 1].text in NEWS_AGENCIES)  # "Goma (AP) —"
    if after not in (",", "(", "-", "—", "–") or not (tokens[0].is_upper or agency):
        return False
    before = doc_text(doc)[:tokens.start_char].rstrip(" \t")
    return (not before or before.endswith("\n")) and sum(1 for line in before.splitlines() if line.strip()) <= 2


def wordlike(token) -> bool:
    """A word, letters only once the apostrophes and ayns inside it are set aside ("Sana'a", "Ta'izz")."""
    return token.is_alpha or INNER_APOSTROPHES.sub("", token.text).isalpha() and token.text[:1].isalpha()


def particle(token) -> bool:
    """A lowercase word that may sit inside a place name: an article or preposition of the name's language
    ("Deir ez-Zor", "Tal al-Hawa"), or any word between hyphens ("Port-au-Prince", "Mazar-i-Sharif")."""
    doc = token.doc
    if token.lower_ in NAME_PREFIXES or token.lower_ in NAME_PARTICLES:
        return True
    return 0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "-" and doc[token.i + 1].text == "-"


def hyphen_joined(tokens) -> bool:
    """Whether the span is part of a longer hyphenated word ("Mar" and "Lago" in "Mar-a-Lago")."""
    doc = tokens.doc
    before = doc[tokens.start - 1] if tokens.start else None
    after = doc[tokens.end] if tokens.end < len(doc) else None
    joined_before = before is not None and before.text == "-" and not before.whitespace_ and before.i > 0 \
        and not doc[before.i - 1].whitespace_ and doc[before.i - 1].lower_ not in ARABIC_ARTICLES
    joined_after = after is not None and after.text == "-" and not tokens[-1].whitespace_ and not after.whitespace_ \
        and not (after.i + 1 < len(doc) and doc[after.i + 1].lower_ in PLACE_COMPOUNDS)  # "Kyiv-based"
    return joined_before or joined_after
