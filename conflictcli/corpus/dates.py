"""--since DATE, shared by analyze and report: an ISO date (YYYY-MM-DD), refused as a usage error otherwise.
Dates in the database and in feeds are ISO 8601 strings, so comparing their first ten characters orders them."""
from __future__ import annotations

from datetime import date

import typer


def parse_since(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None
