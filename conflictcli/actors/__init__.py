"""Actors: the people, organisations, armed groups, states and groups of an article, each once.

Reads the NLP doc, the lexicon and the referents; writes models.Actor. Must not find quotes or places.
"""
from conflictcli.actors.find import find_actors

__all__ = ["find_actors"]
