"""Article text is untrusted: strip escape sequences and control characters before anything is printed.

Applied twice: once when an article is extracted (so stored text, JSON and offsets are clean) and again on
every string printed (titles, sources, error messages, which may come from elsewhere).
"""
from __future__ import annotations

import re

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC strings, other ESC sequences, and their
# C1 forms. An unterminated string ends at the line's end, so a stray ESC cannot swallow the whole article.
ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b\n]*(?:\x1b\\)?"
    r"|\x1b[ -/]*[0-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x9c\x1b\n]*[\x07\x9c]?"
)
# C0 except tab and newline, DEL, C1, and the bidi overrides and isolates that reorder what a terminal shows.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe_text(value: object, keep_newlines: bool = True) -> str:
    """`value` as a string with escape sequences and control/bidi-override characters removed."""
    if value is None:
        return ""
    text = ESCAPE_SEQUENCE.sub("", str(value))
    text = CONTROL.sub("", text)
    return text if keep_newlines else re.sub(r"\s*\n\s*", " ", text)


def safe_line(value: object) -> str:
    """One line for stderr: no escapes, no newlines."""
    return safe_text(value, keep_newlines=False).replace("\t", " ")
