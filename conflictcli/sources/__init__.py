"""Sources: from a URL, a file, stdin or a string to the clean article text and its metadata.

resolve (what a source is) → fetch (HTTP) → decode (bytes to str) → extract (HTML to text, trafilatura) →
clean (our plain-text boilerplate rules). Nothing here knows about spaCy, actors, quotes or places.
"""
