"""Spans in quotation marks, found in plain text without any model.

Handles curly and straight double quotes, `` '' (NYT/PTB style), guillemets, single quotes (British style, told
apart from apostrophes and elisions) and quotations running over several paragraphs (the opening mark repeated
at each new paragraph). A mark left open never reaches past its paragraph, so an odd number of marks cannot
swallow the rest of an article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MARKS = re.compile(r"``|''|’’|[“”„\"«»‹›‘’'`]")
PARAGRAPHS = re.compile(r"[^\n]+")
OPEN_DOUBLE, CLOSE_DOUBLE = {"“", "„", "``", "«"}, {"”", "''", "’’", "»"}  # ’’: two closing singles
OPEN_SINGLE, CLOSE_SINGLE = {"‘", "`", "‹"}, {"›"}
OPENING_CONTEXT = set("([{—–-/")  # characters after which a straight mark opens a quotation
ELISIONS = ("em ", "til ", "cause ", "n ", "n’", "n'", "tis ")  # 'em, 'til, rock 'n' roll


@dataclass
class Mark:
    start: int
    end: int
    family: str  # double | single
    role: str  # open | close | either
    weak: bool = False  # a closing single mark that may be a plural possessive (the rebels’ demands)


@dataclass
class Quoted:
    """A stretch of text in quotation marks; `content_*` excludes the marks."""
    start: int
    end: int
    content_start: int
    content_end: int
    closed: bool = True  # False: open to the end of its paragraph (continued in the next, or a missing mark)


def classify(text: str, start: int, end: int) -> Mark | None:
    """What one quotation mark is, from its glyph and neighbours; None for apostrophes and elisions."""
    glyph = text[start:end]
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if glyph in OPEN_DOUBLE | CLOSE_DOUBLE:
        # '' also opens in some archives (''Text,'' he said), and a curly mark typed the wrong way round
        # shows by its neighbours: a mark after white space and before a word opens, whatever its shape
        role = _straight_role(before, after)
        if role == "either" or glyph in {"«", "»"}:
            role = "open" if glyph in OPEN_DOUBLE else "close"
        return Mark(start, end, "double", role)
    if glyph == '"':
        return Mark(start, end, "double", _straight_role(before, after))
    if glyph in OPEN_SINGLE:
        return None if after.isdigit() or after.isspace() else Mark(start, end, "single", "open")
    if glyph in CLOSE_SINGLE:
        return Mark(start, end, "single", "close")
    # ’ and ': apostrophe, elision, or a single quotation mark
    if before.isalnum() and after.isalnum():
        return None  # don’t, Iran’s
    opens = before.isspace() or before in OPENING_CONTEXT or before in "\"“"
    if opens:
        if not after.isalpha() or text[end:end + 6].lower().startswith(ELISIONS):
            return None
        return Mark(start, end, "single", "open")
    if not after.isalnum():
        weak = before in "sS" and (after == " " and text[end + 1:end + 2].islower())
        return Mark(start, end, "single", "close", weak=weak)
    return None


def _straight_role(before: str, after: str) -> str:
    if (before.isspace() or before in OPENING_CONTEXT) and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "close"
    return "either"


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted stretch of `text`, in order; double-quoted ones nested in single quotes (and the reverse)
    are left to the outer quotation."""
    paragraphs = [(m.start(), m.end()) for m in PARAGRAPHS.finditer(text)]
    out: list[Quoted] = []
    for i, (p_start, p_end) in enumerate(paragraphs):
        marks = [mark for m in MARKS.finditer(text, p_start, p_end) if (mark := classify(text, m.start(), m.end()))]
        doubles = _pair_doubles([m for m in marks if m.family == "double"], text, p_end)
        singles = _pair_singles([m for m in marks if m.family == "single"
                                 and not any(q.start < m.start < q.end for q in doubles)], text)
        spans = [q for q in doubles if not any(s.start < q.start and q.end <= s.end for s in singles)] + singles
        out.extend(sorted((q for q in spans if _worth_keeping(text, q, paragraphs[i + 1:i + 2])),
                          key=lambda q: q.start))
    return out


def _pair_doubles(marks: list[Mark], text: str, paragraph_end: int) -> list[Quoted]:
    """Pair double marks with a stack, so that a quotation inside a quotation in the same marks stays inside.
    Left open at the paragraph end: one mark is the start of a quotation running on (or missing its closing
    mark); more than one means a stray mark, and the pairs closed inside them stand on their own."""
    spans, stack, inner = [], [], []
    for mark in marks:
        if mark.role == "open" or (mark.role == "either" and not stack):
            stack.append(mark)
        elif stack:
            opening = stack.pop()
            if stack:
                inner.append(_span(text, opening, mark))
            else:
                spans.append(_span(text, opening, mark))
                inner.clear()
    if len(stack) == 1 and stack[0].role == "open":
        spans.append(_span(text, stack[0], None, paragraph_end))
    elif stack:
        spans += inner + ([_span(text, stack[-1], None, paragraph_end)] if stack[-1].role == "open" else [])
    return spans


def _pair_singles(marks: list[Mark], text: str) -> list[Quoted]:
    """Pair single marks; a closing mark that may be a possessive is used only when no better one follows
    before the next opening mark."""
    spans, i = [], 0
    while i < len(marks):
        if marks[i].role != "open":
            i += 1
            continue
        closers = []
        for j in range(i + 1, len(marks)):
            if marks[j].role == "open":
                break
            closers.append(j)
        strong = [j for j in closers if not marks[j].weak]
        chosen = strong[0] if strong else (closers[0] if closers else None)
        if chosen is None:
            i += 1
            continue
        spans.append(_span(text, marks[i], marks[chosen]))
        i = chosen + 1
    return spans


def _span(text: str, opening: Mark, closing: Mark | None, paragraph_end: int = 0) -> Quoted:
    if closing is not None:
        return Quoted(opening.start, closing.end, opening.end, closing.start)
    end = len(text[:paragraph_end].rstrip())
    return Quoted(opening.start, end, opening.end, end, closed=False)


def _worth_keeping(text: str, q: Quoted, next_paragraph: list[tuple[int, int]]) -> bool:
    content = text[q.content_start:q.content_end].strip()
    if len(content) < 2 or not any(c.isalpha() for c in content):
        return False
    if q.closed:
        return True
    # open to its paragraph end: a quotation continued in the next paragraph, or one whose closing mark is lost
    continued = bool(next_paragraph) and bool(MARKS.match(text, next_paragraph[0][0]))
    return continued or len(content.split()) >= 3
