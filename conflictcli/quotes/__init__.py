"""Quotes: direct, partial and reported statements, each with its speaker, cue and confidence.

Quotation-mark spans (quotemarks) and speech constructions in the parse; speakers come from the referents.
Must not decide what is an actor. `shown` is the default view for readers (no beliefs, a confidence floor).
"""
from conflictcli.quotes.find import find_quotes
from conflictcli.quotes.tidy import shown

__all__ = ["find_quotes", "shown"]
