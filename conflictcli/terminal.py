"""Article text is untrusted: strip escape sequences and control characters before anything is printed."""
from __future__ import annotations

import re

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other two-byte ESC sequences, and C1 controls.
ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x9d[^\x07\x9c]*[\x07\x9c]?"
)
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
