"""The library API: sources in, Articles out. input -> extraction -> NLP -> places / actors / quotes.

`analyze()` handles one source or text; `analyze_many()` streams a batch in input order, every source giving
exactly one Article (an error is an Article whose `error` is set), fetching ahead while the model works.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from .errors import SourceError
from .extract import Extracted, extract
from .fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from .language import detect_language
from .models import Article
from .sources import is_url, read_source

FETCH_AHEAD = 8  # sources read ahead of the model, per worker
BATCH_CHARS = 8_000  # text parsed per nlp.pipe batch: the parser's peak memory grows with the batch, not the run
BATCH_DOCS = 4  # and at most this many documents (4 costs ~9% less CPU than 1; 16 only adds memory)


@dataclass(frozen=True)
class Options:
    model: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES


def prepare(source: str, options: Options, stdin_data: bytes | None = None) -> Article:
    """Read and extract one source into an Article without NLP results (or with `error` set)."""
    article = Article(source=source)
    try:
        raw = read_source(source, timeout=options.timeout, max_bytes=options.max_bytes, stdin_data=stdin_data)
        extracted = extract(raw)
    except SourceError as exc:
        article.error = str(exc)
        return article
    except Exception as exc:  # a parser's failure (or a bug) on one source must not lose the batch
        article.error = " ".join(f"cannot extract: {type(exc).__name__}: {exc}".split())[:300]
        return article
    _fill(article, extracted)
    return article


def prepare_text(text: str, source: str = "<text>") -> Article:
    article = Article(source=source)
    try:
        _fill(article, extract_text(text))
    except SourceError as exc:
        article.error = str(exc)
    return article


def extract_text(text: str) -> Extracted:
    from .sources import RawDocument

    return extract(RawDocument(source="<text>", data=text.encode("utf-8")))


def _fill(article: Article, extracted: Extracted) -> None:
    article.url = extracted.url
    article.title = extracted.title
    article.site = extracted.site
    article.author = extracted.author
    article.date = extracted.date
    if extracted.title:  # headlines name actors and places too: analyze them with the body
        article.text = f"{extracted.title}\n\n{extracted.text}"
        article.body_start = len(extracted.title) + 2
    else:
        article.text = extracted.text
    article.language = detect_language(extracted.text)
    if article.language not in (None, "en"):
        article.warnings.append(f"language looks like {article.language!r}, not English: results will be poor")


def annotate(article: Article, doc) -> Article:
    """Run the actor, quote and place stages over a parsed doc of `article.text`."""
    from .actors import find_actors
    from .places import find_places
    from .quotes import find_quotes

    article.places = find_places(doc)
    article.actors = find_actors(doc, article.places)
    article.quotes = find_quotes(doc, article.actors)
    return article


def run_nlp(articles: Iterable[Article], model: str | None = None) -> Iterator[Article]:
    """Parse articles with nlp.pipe, in order; articles with an error pass through untouched."""
    from . import nlp as nlp_module

    nlp = nlp_module.load(model)
    for batch in _batches(articles, nlp.max_length):
        texts = [_parseable_text(a, nlp.max_length) for a in batch]
        for doc, article in zip(nlp.pipe(texts, batch_size=len(batch)), batch):
            if article.error is None:
                try:
                    annotate(article, doc)
                except Exception as exc:  # a bug on one article must not lose the batch
                    article.error = f"analysis failed: {type(exc).__name__}: {exc}"
            yield article


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


def read_ahead(sources: Iterable[str], options: Options, workers: int, stdin_data: bytes | None = None) -> Iterator[Article]:
    """Prepare sources on a thread pool, yielding in input order with a bounded window (flat memory)."""
    window: deque = deque()
    pool = ThreadPoolExecutor(max_workers=max(1, workers))
    try:
        for source in sources:
            window.append(pool.submit(prepare, source, options, stdin_data))
            if len(window) >= FETCH_AHEAD * max(1, workers):
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
    finally:  # a consumer that stops early (`| head -1`) must not wait for the fetches still queued
        pool.shutdown(wait=False, cancel_futures=True)


def analyze_many(sources: Iterable[str], options: Options = Options(), jobs: int = 1,
                 stdin_data: bytes | None = None) -> Iterator[Article]:
    """Analyze many sources, streaming one Article per source in input order."""
    fetch_workers = max(4, 2 * jobs)
    prepared = read_ahead(sources, options, fetch_workers, stdin_data)
    if jobs > 1:
        from .workers import parallel_nlp

        yield from parallel_nlp(prepared, options.model, jobs)
    else:
        yield from run_nlp(prepared, options.model)


def analyze(source_or_text: str, model: str | None = None, timeout: float = DEFAULT_TIMEOUT,
            max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Analyze a URL, a file path, "-" (stdin) or, failing those, the string itself as article text.

    For example `analyze("samples/syria-iraqi-militias.txt").quotes` lists the article's 13 statements.
    """
    options = Options(model=model, timeout=timeout, max_bytes=max_bytes)
    if source_or_text == "-" or is_url(source_or_text) or _is_path(source_or_text):
        article = prepare(source_or_text, options)
    else:
        article = prepare_text(source_or_text)
    return next(run_nlp([article], model))


def _is_path(value: str) -> bool:
    return "\n" not in value and len(value) < 4096 and os.path.exists(value)
