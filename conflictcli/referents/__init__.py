"""Referents: who each mention in an article refers to (names, titles, roles, pronouns, metonyms).

The one place that resolves mentions to participants; actors and quote speakers read it rather than
resolving on their own. names.py cuts names and noun phrases and keys person names; gender.py gives the
gender of a given name (US Census lists); mentions.py tells which tokens can name someone who speaks or
acts (not a date, an event or an abstract noun); speakers.py is the index of referents (Referents) that
resolves pronouns and role nominals; pronouns.py links the actor stage's pronouns through that index. Must not
decide what is an actor (actors/) or what is a quotation (quotes/).
"""
