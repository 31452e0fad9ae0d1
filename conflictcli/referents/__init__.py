"""Referents: who each mention in an article refers to (names, titles, roles, pronouns, metonyms).

The one place that resolves mentions to participants; actors and quote speakers read it rather than
resolving on their own.
"""
