"""Places: every toponym of an article, geocoded offline from the GeoNames-derived gazetteer.

index_build (the SQLite index and name trie, built once into the user cache) → gazetteer (lookups) →
recognise (candidate names: the model's entities and every name the trie finds, with evidence.py deciding place
or person from the words around) → resolve (which reading each name has) → find (what stays, grouped into
Places). Must not decide about actors; it only says where a span is a place.
"""
from conflictcli.places.find import find_places

__all__ = ["find_places"]
