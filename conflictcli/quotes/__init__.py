"""Quotes: direct, partial and reported statements, each with its speaker and cue.

Quotation-mark spans (quotemarks) and speech constructions in the parse; speakers come from the referents.
Must not decide what is an actor.
"""
from conflictcli.quotes.find import find_quotes

__all__ = ["find_quotes"]
