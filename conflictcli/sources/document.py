"""The one record an article fills in on its way through the sources stages.

resolve (and fetch, for a URL) fill what was read: the bytes and what the transport said of them. extract, with
clean and credits, fills what was found in them: the text and the page's metadata, plus warnings for the user.
The pipeline then hands the filled-in fields to `models.Article`, the record of the analysis.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Document:
    source: str  # as the user gave it: a URL, a path, "-"
    # what was read (resolve, fetch)
    data: bytes = b""
    url: str | None = None  # after redirects, or the page's canonical URL once extracted
    content_type: str | None = None
    charset: str | None = None
    # what was found in it (extract, clean, credits)
    text: str = ""  # the article body, boilerplate and credit lines removed
    title: str | None = None
    site: str | None = None
    author: str | None = None
    date: str | None = None
    credits: list[str] = field(default_factory=list)  # "Reporting by ...; editing by ..." lines, as written
    is_html: bool = False
    warnings: list[str] = field(default_factory=list)
