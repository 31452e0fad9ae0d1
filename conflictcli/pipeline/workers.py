"""--jobs N: N worker processes, each loading the model once, results yielded in input order.

A bounded window of pending batches (not Pool.imap, whose feeder thread drains the whole input) keeps memory
flat and lets `| head -1` stop the run early. ProcessPoolExecutor rather than multiprocessing.Pool because a
worker that dies (out of memory, a crash in native code) fails the run instead of hanging it forever.
"""
from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from conflictcli.errors import SourceError
from conflictcli.models import Article

BATCH = 4  # articles per task: enough to amortise pickling, small enough to balance the workers
WINDOW_PER_JOB = 2  # tasks in flight per worker, so none idles while the parent waits for the oldest
PRELOAD = ["spacy", "conflictcli.pipeline.stages", "conflictcli.pipeline.workers"]
_model: str | None = None
_load_error: Exception | None = None


def _start(model: str | None) -> None:
    """Load the model once per worker. Ctrl-C is the parent's to handle: workers ignore it and are shut down,
    so no traceback from them reaches the terminal. A load error is kept and raised with the first batch
    (an initializer that raises would only break the pool with an obscure message)."""
    global _model, _load_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from conflictcli.nlp import model as nlp

    _model = model
    try:
        nlp.load(model)
    except Exception as exc:
        _load_error = exc


def _analyze_batch(batch: list[Article]) -> list[Article]:
    from conflictcli.pipeline.stages import run_nlp

    if _load_error is not None:
        raise _load_error
    return list(run_nlp(batch, _model))


def _batches(articles: Iterable[Article]) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, BATCH)):
        yield batch


def parallel_nlp(articles: Iterable[Article], model: str | None, jobs: int) -> Iterator[Article]:
    # forkserver: workers start from a clean process, not a fork of this one with its fetch threads running;
    # the server imports spaCy once and each worker forks with it imported (then loads the model itself)
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
    else:
        context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(model,))
    pending: deque = deque()
    try:
        for batch in _batches(articles):
            pending.append(executor.submit(_analyze_batch, batch))
            if len(pending) >= jobs * WINDOW_PER_JOB:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BrokenProcessPool:
        raise SourceError("a worker process died (out of memory?); try fewer --jobs") from None
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
