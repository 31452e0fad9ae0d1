"""Shared view of one document for the quote finders: its text, tokens, quoted stretches and paragraphs.

Knows where things are (paragraphs, sentences, quotation marks, headings); must not decide what is a quote.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from conflictcli.quotes.quotemarks import Quoted
from conflictcli.referents.speakers import Referents
from conflictcli.sources.layout import is_heading

SENTENCE_BOUNDARY = re.compile(r"[.!?][”\"’']?\s+(?=[“\"‘A-Z])")
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "jr", "sr",
                 "sept", "oct", "nov", "dec", "jan", "feb", "aug", "no", "vs", "u.s", "u.n", "prof", "rev", "inc"}


class Context:
    """One parsed document with the lookups every quote finder needs."""

    def __init__(self, doc, referents: Referents, quoted: list[Quoted]):
        self.doc = doc
        self.text = referents.text
        self.referents = referents
        self.quoted = quoted
        self.token_starts = [t.idx for t in doc]
        self.quoted_chars = bytearray(len(self.text) + 1)  # 1 inside a quoted stretch, marks included
        for q in quoted:
            self.quoted_chars[q.start:q.end] = b"\x01" * (q.end - q.start)
        self._headings: dict[int, bool] = {}

    def in_heading(self, char: int) -> bool:
        """The paragraph holding `char` is a heading, not prose: a short line standing alone that does not
        end like a sentence ("Iran reiterates support for Syria", "SEE MORE"). Decided from the layout."""
        start, end = self._paragraph(char)
        if start not in self._headings:
            self._headings[start] = is_heading(self.text[start:end])
        return self._headings[start]

    def _according(self, token) -> bool:
        return token.lower_ == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to"

    def _cue_span(self, cue) -> tuple[int, int]:
        last = self.doc[cue.i + 1] if self._according(cue) else cue
        return cue.idx, last.idx + len(last.text)

    def _cue_text(self, cue) -> str:
        start, end = self._cue_span(cue)
        return self.text[start:end]

    def _tokens(self, start: int, end: int) -> list:
        return list(self.doc[bisect_left(self.token_starts, start):bisect_left(self.token_starts, end)])

    def _unquoted(self, start: int, end: int) -> str:
        """The text of [start, end) outside quotation marks."""
        return "".join(" " if self.quoted_chars[c] else self.text[c] for c in range(start, end))

    def _inside_quote(self, char: int) -> bool:
        return bool(self.quoted_chars[char])

    def _paragraph(self, char: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, char) + 1
        end = self.text.find("\n", char)
        return start, len(self.text) if end < 0 else end


    def _sentence_start(self, char: int, par_start: int) -> int:
        start = par_start
        for m in SENTENCE_BOUNDARY.finditer(self.text, par_start, char):
            word = re.findall(r"[\w.]+$", self.text[par_start:m.start()])
            if word and (word[0].lower() in ABBREVIATIONS or len(word[0]) == 1):
                continue
            start = m.end()
        return start

