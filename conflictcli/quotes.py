"""Quotes: direct, partial and reported speech with speakers. (First cut: double-quoted spans only.)"""
from __future__ import annotations

import re

from .models import Actor, Quote

DOUBLE_QUOTED = re.compile(r"[“\"]([^”\"]{3,}?)[”\"]")


def find_quotes(doc, actors: list[Actor]) -> list[Quote]:
    return [Quote(text=m.group(1), kind="direct", start=m.start(1), end=m.end(1))
            for m in DOUBLE_QUOTED.finditer(doc.text)]
