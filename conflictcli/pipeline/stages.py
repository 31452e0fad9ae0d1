"""The NLP stages over prepared articles: parse in batches, then places, actors and quotes from each doc.

Shared by the in-process pipeline (analyze) and the worker processes (workers); imports neither.

Each batch is parsed inside spaCy's memory zone: every word the model had not seen adds to its string store
and lexeme table, which otherwise grow for the life of the process (a stream of news is mostly new names).
The zone frees them when the batch is done, so nothing may keep a Doc, Span or Token past `annotate`: the
stages turn what they find into plain Python values (models.Article) inside the zone.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import nullcontext

from conflictcli.models import Article

BATCH_CHARS = 8_000  # text parsed per nlp.pipe batch: the parser's peak memory grows with the batch, not the run
BATCH_DOCS = 4  # and at most this many documents (4 costs ~9% less CPU than 1; 16 only adds memory)


def annotate(article: Article, doc) -> Article:
    """Run the actor, quote and place stages over a parsed doc of `article.text`."""
    from conflictcli.actors.find import find_actors
    from conflictcli.places.find import find_places
    from conflictcli.quotes.find import find_quotes

    article.places = find_places(doc)
    article.actors = find_actors(doc, article.places)
    article.quotes = find_quotes(doc, article.actors)
    return article


def run_nlp(articles: Iterable[Article], model: str | None = None) -> Iterator[Article]:
    """Parse articles with nlp.pipe, in order; articles with an error pass through untouched."""
    from conflictcli.nlp import model as nlp_module

    nlp = nlp_module.load(model)
    for batch in _batches(articles, nlp.max_length):
        texts = [_parseable_text(a, nlp.max_length) for a in batch]
        with _memory_zone(nlp):
            for doc, article in zip(nlp.pipe(texts, batch_size=len(batch)), batch):
                if article.error is None:
                    try:
                        annotate(article, doc)
                    except Exception as exc:  # a bug on one article must not lose the batch
                        article.error = f"analysis failed: {type(exc).__name__}: {exc}"
        yield from batch  # after the zone: the caller never runs while the batch's strings are still held


def _memory_zone(nlp):
    """spaCy's memory zone (3.8+), or nothing on an older spaCy."""
    return nlp.memory_zone() if hasattr(nlp, "memory_zone") else nullcontext()


def _batches(articles: Iterable[Article], limit: int) -> Iterator[list[Article]]:
    """Consecutive articles, up to BATCH_DOCS of them and BATCH_CHARS of text (a longer article goes alone)."""
    batch: list[Article] = []
    size = 0
    for article in articles:
        length = len(article.text) if article.error is None and len(article.text) <= limit else 0
        if batch and (len(batch) == BATCH_DOCS or size + length > BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(article)
        size += length
    if batch:
        yield batch


def _parseable_text(article: Article, limit: int) -> str:
    """The text to parse; "" for a failed article, or for one too long for the model (which then fails:
    spaCy would raise and lose the whole batch)."""
    if article.error is None and len(article.text) > limit:
        article.error = f"text too long to analyze ({len(article.text):,} characters; the model's limit is {limit:,})"
    return article.text if article.error is None else ""
