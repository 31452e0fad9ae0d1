"""--dask: the per-article work (extraction and NLP) on a dask.distributed cluster, results in input order.

The client reads each source (files, stdin, URLs, WARC records) and ships the bytes, so workers need no
access to the client's files; each worker loads the model and gazetteer once (a worker plugin warms them at
start-up, and they stay cached in the worker process). A bounded window of batches is in flight, so memory
is flat whatever the corpus size. A worker that dies has its batches run again elsewhere by the scheduler; a
batch that still fails (dask's KilledWorker after repeated deaths, a lost scheduler) comes back as error
Articles, so no source is ever lost. Only the client writes outputs and the database.
"""
from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import islice

from conflictcli.errors import SourceError
from conflictcli.models import Article
from conflictcli.pipeline.analyze import Options
from conflictcli.sources.document import Document
from conflictcli.sources.resolve import read_source

BATCH = 4  # sources per task: amortises the round trip, small enough to balance the workers
WINDOW_PER_WORKER = 3  # batches in flight per worker
READERS = 8  # client threads reading sources ahead
_nlp_lock = threading.Lock()  # spaCy objects are not thread-safe: one analysis at a time per worker process


def analyze_batch(items: list[tuple[str, Document | None, str | None]], model: str | None) -> list[Article]:
    """Runs on a worker: extract and analyse each (source, raw bytes, read error)."""
    from conflictcli.pipeline.analyze import fill_article
    from conflictcli.pipeline.stages import run_nlp
    from conflictcli.sources.extract import extract

    articles = []
    for source, raw, error in items:
        article = Article(source=source, error=error)
        if raw is not None:
            try:
                fill_article(article, extract(raw))
            except SourceError as exc:
                article.error = str(exc)
            except Exception as exc:  # a parser's failure on one page must not lose the batch
                article.error = " ".join(f"cannot extract: {type(exc).__name__}: {exc}".split())[:300]
        articles.append(article)
    with _nlp_lock:
        return list(run_nlp(articles, model))


def warm_up(model: str | None) -> None:
    """Load the model and the gazetteer in this worker, by analysing one sentence."""
    from conflictcli.pipeline.stages import run_nlp

    with _nlp_lock:
        list(run_nlp([Article(source="warm-up", text="Officials in Damascus met envoys from Cairo.")], model))


def connect(address: str):
    """A Client for `address` (a scheduler such as tcp://host:8786) or for local:N (a LocalCluster of N
    single-threaded worker processes on 127.0.0.1)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise SourceError("--dask needs the dask extra: pip install 'conflictcli[dask]'") from None
    if address.startswith("local:"):
        count = address.split(":", 1)[1]
        if not count.isdigit() or int(count) < 1:
            raise SourceError(f"--dask {address}: expected local:N with N a number of workers, 1 or more")
        cluster = LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=logging.CRITICAL)
        return Client(cluster), cluster
    try:
        return Client(address, timeout=10), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise SourceError(f"--dask {address}: cannot reach the scheduler ({type(exc).__name__}: {exc})") from None


def _read(source: str, options: Options, stdin_data: bytes | None) -> tuple[str, Document | None, str | None]:
    try:
        return source, read_source(source, options.timeout, options.max_bytes, stdin_data), None
    except SourceError as exc:
        return source, None, str(exc)


def _read_ahead(sources: Iterable[str], options: Options, stdin_data: bytes | None) -> Iterator[tuple]:
    window: deque = deque()
    pool = ThreadPoolExecutor(READERS)
    try:
        for source in sources:
            window.append(pool.submit(_read, source, options, stdin_data))
            if len(window) >= 2 * READERS:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
    finally:  # a run that stops early must not wait for the reads still queued
        pool.shutdown(wait=False, cancel_futures=True)


def _failed(batch: list[tuple], exc: BaseException) -> list[Article]:
    reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
    return [Article(source=source, error=f"lost on the dask cluster ({reason})") for source, _, _ in batch]


def dask_analyze(sources: Iterable[str], options: Options, address: str,
                 stdin_data: bytes | None = None) -> Iterator[Article]:
    """Like analyze_many, on the cluster at `address`: one Article per source, in input order."""
    client, cluster = connect(address)
    try:
        yield from _stream(client, sources, options, stdin_data)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _stream(client, sources: Iterable[str], options: Options, stdin_data: bytes | None) -> Iterator[Article]:
    from distributed.diagnostics.plugin import WorkerPlugin

    class WarmUp(WorkerPlugin):
        def setup(self, worker) -> None:
            try:
                warm_up(options.model)
            except Exception:  # a model that cannot load fails each batch with the reason instead
                pass

    client.register_plugin(WarmUp(), name="conflictcli-warm-up")
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    pending: deque = deque()
    items = _read_ahead(sources, options, stdin_data)
    while batch := list(islice(items, BATCH)):
        pending.append((batch, client.submit(analyze_batch, batch, options.model, pure=False)))
        if len(pending) >= workers * WINDOW_PER_WORKER:
            yield from _result(*pending.popleft())
    while pending:
        yield from _result(*pending.popleft())


def _result(batch: list[tuple], future) -> list[Article]:
    try:
        return future.result()
    except SourceError:
        raise  # the model cannot load: every batch would fail the same way
    except Exception as exc:
        return _failed(batch, exc)
    finally:
        future.release()
