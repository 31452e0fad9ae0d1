"""--jobs N: N worker processes, each loading the model once, results yielded in input order.

A bounded window of pending batches (not Pool.imap, whose feeder thread drains the whole input) keeps memory
flat and lets `| head -1` stop the run early.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from .models import Article

BATCH = 4
WINDOW_PER_JOB = 2
_model: str | None = None


def _start(model: str | None) -> None:
    global _model
    from . import nlp

    _model = model
    nlp.load(model)


def _analyze_batch(batch: list[Article]) -> list[Article]:
    from .pipeline import run_nlp

    return list(run_nlp(batch, _model))


def _batches(articles: Iterable[Article]) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, BATCH)):
        yield batch


def parallel_nlp(articles: Iterable[Article], model: str | None, jobs: int) -> Iterator[Article]:
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(jobs, initializer=_start, initargs=(model,)) as pool:
        pending: deque = deque()
        for batch in _batches(articles):
            pending.append(pool.apply_async(_analyze_batch, (batch,)))
            if len(pending) >= jobs * WINDOW_PER_JOB:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
