"""Output: articles written as JSON, JSON Lines, CSV/TSV, Markdown, GeoJSON or rich tables, and the run
reported on stderr (errors, warnings, a progress bar).

Every string from an article is untrusted here: terminal escapes and spreadsheet formulas are neutralised
(terminal). FORMATS is the one list of formats; the CLI offers what formats_for() gives each command. Must not
change the analysis, only how it is shown.
"""
from conflictcli.output.writers import FORMATS, formats_for, write

__all__ = ["FORMATS", "formats_for", "write"]
