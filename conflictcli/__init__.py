"""conflictcli: clean text, actors, quotes and geocoded places from news about wars, crises and politics.

    import conflictcli
    article = conflictcli.analyze("samples/syria-iraqi-militias.txt")
    article.actors[0].name, article.quotes[0].speaker, article.places[0].lat

Heavy libraries (spaCy, trafilatura) load on first use, not on import.
"""
__version__ = "0.1.0"
QUIET_ENV = "CONFLICTCLI_QUIET"  # set (by -q) to silence the one-time notices, such as the place index build


def analyze(source_or_text: str, **options):
    """Analyze a URL, a file path, "-" (stdin) or article text; returns a conflictcli.models.Article."""
    from conflictcli.pipeline.analyze import analyze as _analyze

    return _analyze(source_or_text, **options)


def analyze_many(sources, **options):
    """Stream one Article per source, in input order; see conflictcli.pipeline.analyze_many."""
    from conflictcli.pipeline.analyze import analyze_many as _analyze_many

    return _analyze_many(sources, **options)


__all__ = ["analyze", "analyze_many", "__version__"]
