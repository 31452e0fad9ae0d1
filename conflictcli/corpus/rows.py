"""An analysed Article as database rows, ids allocated by the (single) writer so one batch is one insert per
table."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone

from conflictcli.models import Article


@dataclass
class NextIds:
    """The next free id of each table, read once per transaction (the writer holds the write lock)."""
    articles: int
    actors: int
    places: int


@dataclass
class Rows:
    tables: dict[str, list[dict]] = field(default_factory=lambda: {
        "articles": [], "actors": [], "actor_mentions": [], "quotes": [], "places": [], "place_mentions": []})


def add_article(rows: Rows, ids: NextIds, key: str, article: Article) -> None:
    article_id = ids.articles
    ids.articles += 1
    record = {"id": article_id, "key": key, "source": article.source, "error": article.error,
              "analyzed_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    if article.error is None:
        record.update(url=article.url, title=article.title, site=article.site, author=article.author,
                      date=article.date, language=article.language, word_count=article.word_count,
                      text=article.text, body_start=article.body_start, warnings=json.dumps(article.warnings))
    rows.tables["articles"].append(record)
    speakers = _add_actors(rows, ids, article_id, article)
    _add_places(rows, ids, article_id, article)
    for quote in article.quotes:
        rows.tables["quotes"].append({
            "article_id": article_id, "speaker": quote.speaker, "speaker_actor_id": speakers.get(quote.speaker),
            "text": quote.text, "kind": quote.kind, "cue": quote.cue, "start": quote.start, "end": quote.end,
            "speaker_start": quote.speaker_start, "speaker_end": quote.speaker_end})


def _add_actors(rows: Rows, ids: NextIds, article_id: int, article: Article) -> dict[str, int]:
    """Actor rows; returns each actor's names (name and aliases) → actor id, to link quotes to speakers."""
    by_name: dict[str, int] = {}
    for actor in article.actors:
        actor_id = ids.actors
        ids.actors += 1
        rows.tables["actors"].append({
            "id": actor_id, "article_id": article_id, "name": actor.name, "type": actor.type, "role": actor.role,
            "affiliation": actor.affiliation, "aliases": json.dumps(actor.aliases), "count": actor.count})
        rows.tables["actor_mentions"].extend(
            {"actor_id": actor_id, "article_id": article_id, "start": m.start, "end": m.end, "text": m.text}
            for m in actor.mentions)
        for name in (*actor.aliases, actor.name):
            by_name[name] = actor_id
    return by_name


def _add_places(rows: Rows, ids: NextIds, article_id: int, article: Article) -> None:
    for place in article.places:
        place_id = ids.places
        ids.places += 1
        rows.tables["places"].append({
            "id": place_id, "article_id": article_id, "name": place.name, "canonical": place.canonical,
            "kind": place.kind, "country": place.country, "lat": place.lat, "lon": place.lon,
            "geonameid": place.geonameid, "aliases": json.dumps(place.aliases), "count": place.count})
        rows.tables["place_mentions"].extend(
            {"place_id": place_id, "article_id": article_id, "start": m.start, "end": m.end, "text": m.text}
            for m in place.mentions)
