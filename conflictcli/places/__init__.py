"""Places: every toponym of an article, geocoded offline from the GeoNames-derived gazetteer.

gazetteer (the index, built once into the user cache) → find (recognition and resolution in a doc).
Must not decide about actors; it only says where a span is a place.
"""
from conflictcli.places.find import find_places

__all__ = ["find_places"]
