"""Output: articles written as JSON, JSON Lines, CSV/TSV, Markdown, GeoJSON or rich tables.

Every string from an article is untrusted here: terminal escapes and spreadsheet formulas are neutralised
(terminal). Must not change the analysis, only how it is shown.
"""
from conflictcli.output.writers import write

__all__ = ["write"]
