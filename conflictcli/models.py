"""Typed results passed between the stages and serialised by the outputs.

Offsets (`start`, `end`) are character offsets into `Article.text`, end-exclusive.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

SCHEMA_VERSION = 1  # of Article.to_dict(): raised when a field changes meaning or goes away, not when one is added


@dataclass
class Mention:
    start: int
    end: int
    text: str = ""


@dataclass
class Actor:
    name: str
    type: str  # person | organization | armed_group | state | group
    role: str | None = None
    affiliation: str | None = None  # ISO 3166 alpha-2
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def first(self) -> int:
        return min((m.start for m in self.mentions), default=0)

    def to_dict(self) -> dict:
        out = asdict(self)
        out["count"] = self.count
        return out


@dataclass
class Quote:
    text: str
    kind: str  # direct | partial | indirect | belief (a view or stance, not a statement: left out of tables)
    start: int
    end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None  # the cue word(s) in the text ("said", "according to", ":")
    cue_end: int | None = None
    confidence: float = 1.0  # 0-1: how sure the finder is of kind, extent and speaker together
    clause_start: int | None = None  # a partial quote inside reported speech: the indirect quote it belongs to
    clause_end: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Place:
    name: str
    kind: str  # country | province | city | town | region | facility (at the town the text places it in)
    canonical: str | None = None
    country: str | None = None  # ISO 3166 alpha-2
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.mentions)

    def to_dict(self) -> dict:
        out = asdict(self)
        out["count"] = self.count
        return out


@dataclass
class Article:
    source: str
    url: str | None = None
    title: str | None = None
    site: str | None = None
    author: str | None = None
    date: str | None = None
    language: str | None = None
    text: str = ""  # what was analyzed: the title, a blank line, then the body; every offset points into it
    body_start: int = 0  # where the body starts in `text` (0 when there is no title)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    credits: list[str] = field(default_factory=list)  # credit and byline lines, taken out of `text`

    @property
    def body(self) -> str:
        """The cleaned article body without the headline (what `conflictcli text` prints)."""
        return self.text[self.body_start:]

    @property
    def word_count(self) -> int:
        return len(self.body.split())

    def to_dict(self) -> dict:
        if self.error is not None:
            return {"schema_version": SCHEMA_VERSION, "source": self.source, "error": self.error}
        return {
            "schema_version": SCHEMA_VERSION,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "site": self.site,
            "author": self.author,
            "date": self.date,
            "credits": list(self.credits),
            "language": self.language,
            "word_count": self.word_count,
            "text": self.text,
            "body_start": self.body_start,
            "actors": [a.to_dict() for a in self.actors],
            "quotes": [q.to_dict() for q in self.quotes],
            "places": [p.to_dict() for p in self.places],
            "warnings": list(self.warnings),
            "error": None,
        }
