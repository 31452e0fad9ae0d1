"""Pipeline: runs the stages in order over one source or a stream of them, in one process or several.

analyze (sources → nlp → places, actors, quotes) and workers (--jobs N). The library API
(conflictcli.analyze, analyze_many) and the CLI sit on top; nothing below imports this package.
"""
from conflictcli.pipeline.analyze import Options, analyze, analyze_many

__all__ = ["Options", "analyze", "analyze_many"]
