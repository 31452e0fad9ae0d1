"""Credit and byline lines ("Reporting by Amina Farouk in Nairobi; editing by Sarah Kim", "Associated Press
writers ... contributed to this report", "By Jane Doe, Reuters"): taken out of the article text into their own
field, because the names and places in them are the newsroom's, not the story's.

A line is a credit only as a whole, and only in a credit's shape: "<task> by <names>" at its start, or ending
in "contributed to this report", or a short byline of capitalised names. A sentence that merely contains
"by" ("By Tuesday the army had ...") is not one.
"""
from __future__ import annotations

import re

TASKS = (r"(additional |further )?(reporting|writing|editing|research|fact[- ]checking|translation|"
         r"graphics|production)")
DONE_BY = r"(compiled|written|edited|reported|translated|produced)"  # also open sentences: short lines only
CREDIT_LINE = re.compile(
    rf"^[(\[]?\s*{TASKS}( and {TASKS})? by\b.{{0,300}}$"  # (Reporting by ...; Editing by ...)
    r"|^.{3,300}\bcontributed( reporting)? to (this|the) (report|story|article)\s*[.)\]]*$",  # AP
    re.I)
DONE_BY_LINE = re.compile(rf"^[(\[]?\s*{DONE_BY} by \S[^.;:!?]*[.)\]]?$", re.I)
CREDIT_MAX_WORDS = 40
DONE_BY_MAX_WORDS = 8
BYLINE = re.compile(r"^(by|story by|words by)\s+(?P<names>[^\W\d_][\w.'’-]*(\s*(,|and|&|\s)\s*[^\W\d_][\w.'’-]*){0,7})"
                    r"\s*$", re.I)
BYLINE_MAX_WORDS = 9
MIN_LINES_AFTER_A_BYLINE = 1  # a byline opens an article: something must follow it


def is_credit(line: str) -> bool:
    line = line.strip()
    words = len(line.split())
    return ((words <= CREDIT_MAX_WORDS and bool(CREDIT_LINE.match(line)))
            or (words <= DONE_BY_MAX_WORDS and bool(DONE_BY_LINE.match(line))))


def byline_names(line: str) -> str | None:
    """"By Jane Doe and John Roe, Reuters" -> "Jane Doe and John Roe, Reuters"; None when not a byline."""
    line = line.strip()
    match = BYLINE.match(line)
    if not match or len(line.split()) > BYLINE_MAX_WORDS:
        return None
    names = match.group("names")
    words = [w for w in re.split(r"[\s,&]+", names) if w and w.lower() != "and"]
    return names if all(w[0].isupper() for w in words) else None


def split_credits(text: str) -> tuple[str, list[str], str | None]:
    """The text without its credit lines, the credit lines as written, and the byline's names (or None).

    Bylines count only among the first three non-empty lines, where articles put them."""
    kept, credits, author = [], [], None
    seen = 0
    for line in text.split("\n"):
        if line.strip():
            seen += 1
            names = byline_names(line) if seen <= 3 else None
            if names or is_credit(line):
                credits.append(line.strip())
                author = author or names
                continue
        kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip(), credits, author
