"""Headings in an article's text: short lines standing alone that do not end like a sentence (subheadings,
menu items, "SEE MORE"). The stages that must not take a heading for prose (quotes, actors) ask here, so that
they agree on what a heading is. Decided from the layout of the text alone.
"""
from __future__ import annotations

HEADING_MAX_WORDS = 12  # a sentence this short still ends in a stop
SENTENCE_FINAL = tuple(".!?…:;”\"’'»)")
QUOTE_OPENERS = tuple("“\"‘'«„")  # '“Nobody expected this.” — Maria Lopez' is a quote, not a heading


def is_heading(line: str) -> bool:
    """A line of at most HEADING_MAX_WORDS words that does not end like a sentence nor open a quotation."""
    line = line.strip()
    return 0 < len(line.split()) <= HEADING_MAX_WORDS and not line.endswith(SENTENCE_FINAL) \
        and not line.startswith(QUOTE_OPENERS)
