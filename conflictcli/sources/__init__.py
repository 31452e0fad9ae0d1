"""Sources: from a URL, a file, stdin or a string to the clean article text and its metadata, in one Document.

resolve (what a source is) → fetch (HTTP, on transport: urllib3 pools, proxies, retries, the deadline) →
decode (bytes to str) → extract (HTML to text, trafilatura) → clean (our plain-text boilerplate rules) →
credits (credit and byline lines set apart). Each stage fills in the same `document.Document`.
Nothing here knows about spaCy, actors, quotes or places.
"""
