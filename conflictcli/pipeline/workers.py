"""--jobs N: N worker processes, each loading the model once, results yielded in input order.

A bounded window of pending batches (not Pool.imap, whose feeder thread drains the whole input) keeps memory
flat and lets `| head -1` stop the run early. ProcessPoolExecutor rather than multiprocessing.Pool because a
worker that dies (out of memory, a crash in native code) fails the run instead of hanging it forever.

Ctrl-C belongs to the parent: the fork server and the workers start with SIGINT ignored (a terminal sends it to
the whole process group, and a launcher still importing spaCy would print its own KeyboardInterrupt
traceback), and a run that ends early (Ctrl-C, `| head -1`, an error) terminates them rather than letting them
finish their batches.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from multiprocessing.connection import wait

from conflictcli.errors import SourceError
from conflictcli.models import Article

BATCH = 4  # articles per task: enough to amortise pickling, small enough to balance the workers
WINDOW_PER_JOB = 2  # tasks in flight per worker, so none idles while the parent waits for the oldest
PRELOAD = ["spacy", "conflictcli.pipeline.stages", "conflictcli.pipeline.workers"]
MAIN_REIMPORTED_EXIT = 3  # a worker's exit status when it found itself re-running the caller's script
MAIN_REIMPORTED = ("analyze_many(jobs=N) ran again inside a worker process, which imports the main script "
                   "(Python does this for every worker): put the script's code under "
                   "`if __name__ == \"__main__\":`")
_model: str | None = None
_load_error: Exception | None = None


def _start(model: str | None) -> None:
    """Load the model once per worker. Ctrl-C is the parent's to handle: workers ignore it and are shut down,
    so no traceback from them reaches the terminal. A load error is kept and raised with the first batch
    (an initializer that raises would only break the pool with an obscure message)."""
    global _model, _load_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    from conflictcli.nlp import model as nlp

    _model = model
    try:
        nlp.load(model)
    except Exception as exc:
        _load_error = exc


def _exit_with_parent() -> None:
    """A worker whose parent has gone (killed, or ended without stopping the pool) exits at once instead of
    waiting forever on a task queue its siblings keep open."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="conflictcli-parent-watch", daemon=True).start()


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
    _refuse_inside_a_worker_bootstrap()
    executor = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_start, initargs=(model,))
    pending: deque = deque()
    finished = False
    try:
        for batch in _batches(articles):
            pending.append(executor.submit(_analyze_batch, batch))
            if len(pending) >= jobs * WINDOW_PER_JOB:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
        finished = True
    except KeyboardInterrupt:
        _stop_server()
        raise
    except BrokenProcessPool:
        if MAIN_REIMPORTED_EXIT in _exit_codes(executor):
            raise SourceError(MAIN_REIMPORTED) from None
        raise SourceError("a worker process died (out of memory?); try fewer --jobs") from None
    finally:
        if not finished:
            _terminate(executor)
        executor.shutdown(wait=False, cancel_futures=True)


def _context():
    """forkserver: workers start from a clean process, not a fork of this one with its fetch threads running;
    the server imports spaCy once and each worker forks with it imported (then loads the model itself)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    if threading.current_thread() is threading.main_thread():
        # an ignored signal stays ignored across exec, and Python then installs no KeyboardInterrupt handler
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            forkserver.ensure_running()
        finally:
            signal.signal(signal.SIGINT, previous)
    return context


def _refuse_inside_a_worker_bootstrap() -> None:
    """A worker imports the caller's main script before it can work; a script that calls analyze_many at
    its top level would start a pool from inside that import (and Python would refuse with a message that
    does not say why). Say why in one line, and exit with a status the parent recognises (directly: the fork
    server would turn SystemExit into status 1)."""
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        sys.stderr.write(f"conflictcli: {MAIN_REIMPORTED}\n")
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        os._exit(MAIN_REIMPORTED_EXIT)


def _workers(executor: ProcessPoolExecutor) -> list:
    return list((getattr(executor, "_processes", None) or {}).values())  # no public accessor before 3.14


def _exit_codes(executor: ProcessPoolExecutor) -> set[int | None]:
    return {process.exitcode for process in _workers(executor)}


def _terminate(executor: ProcessPoolExecutor) -> None:
    """End the workers now: their batches are no longer wanted."""
    for process in _workers(executor):
        if process.exitcode is None:
            process.terminate()


def _stop_server() -> None:
    """On Ctrl-C, end the fork server too: one still importing spaCy would only notice it is alone once done."""
    forkserver = sys.modules.get("multiprocessing.forkserver")
    server = getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)
    if server is not None:
        try:
            os.kill(server, signal.SIGTERM)
        except OSError:
            pass
