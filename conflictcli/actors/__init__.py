"""Actors: the people, organisations, armed groups, states and groups of an article, each once.

Reads the NLP doc, the lexicon and the referents; writes models.Actor. Must not find quotes or places.
find.py runs the steps: spans.py (name boundaries), named.py and nominals.py (recognition, with context.py
for roles and affiliations), merge.py (one cluster per participant, pronouns through referents/),
evidence.py (only participants stay) and build.py (the Actor a reader sees); lexicon.py holds the word lists.
"""
from conflictcli.actors.find import find_actors

__all__ = ["find_actors"]
