"""NLP: the spaCy model and its components, loaded once per process, and language detection.

Only the linguistic layer lives here (tokens, tags, parses, entity spans); deciding what is an actor, a
quote or a place belongs to the stages that read the doc.
"""
