"""Lexicon: the words and names every stage shares, and their normal forms.

The actors knowledge base, demonyms and countries, speech and role words. Data and lookups only: no spaCy
docs and no decisions about a particular article.
"""
