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

from conflictcli.errors import SourceError
from conflictcli.models import Article
from conflictcli.nlp.language import detect_language
from conflictcli.pipeline.stages import run_nlp
from conflictcli.sources.document import Document
from conflictcli.sources.extract import extract
from conflictcli.sources.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from conflictcli.sources.resolve import is_url, read_source

FETCH_AHEAD = 8  # sources read ahead of the model, per worker
METADATA = ("url", "title", "site", "author", "date", "credits")  # what an Article takes from its Document


@dataclass(frozen=True)
class Options:
    model: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES


def prepare(source: str, options: Options, stdin_data: bytes | None = None) -> Article:
    """Read and extract one source into an Article without NLP results (or with `error` set)."""
    article = Article(source=source)
    try:
        doc = extract(read_source(source, timeout=options.timeout, max_bytes=options.max_bytes,
                                  stdin_data=stdin_data))
    except SourceError as exc:
        article.error = str(exc)
        return article
    except Exception as exc:  # a parser's failure (or a bug) on one source must not lose the batch
        article.error = " ".join(f"cannot extract: {type(exc).__name__}: {exc}".split())[:300]
        return article
    fill_article(article, doc)
    return article


def prepare_text(text: str, source: str = "<text>") -> Article:
    article = Article(source=source)
    try:
        fill_article(article, extract_text(text))
    except SourceError as exc:
        article.error = str(exc)
    return article


def extract_text(text: str) -> Document:
    return extract(Document(source="<text>", data=text.encode("utf-8")))


def fill_article(article: Article, doc: Document) -> None:
    """The Article takes the Document's metadata and warnings, and analyzes its title and body together."""
    for name in METADATA:
        setattr(article, name, getattr(doc, name))
    article.warnings.extend(doc.warnings)
    if doc.title:  # headlines name actors and places too: analyze them with the body
        article.text = f"{doc.title}\n\n{doc.text}"
        article.body_start = len(doc.title) + 2
    else:
        article.text = doc.text
    article.language = detect_language(doc.text)
    if article.language not in (None, "en"):
        article.warnings.append(f"language looks like {article.language!r}, not English: results will be poor")


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
        from conflictcli.pipeline.workers import parallel_nlp

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
