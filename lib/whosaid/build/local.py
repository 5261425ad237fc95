"""Worker processes on this machine (`concurrent.futures.ProcessPoolExecutor`), each loading the pipeline once.

Workers start with the 'forkserver' method: a small clean server process forks each worker, so no worker
inherits the parent's threads or open files (forking a process that runs threads, as 'fork' does, can deadlock);
'spawn' is used where there is no forkserver. Each worker imports spaCy and loads the pipeline in its initializer.
Workers ignore Ctrl-C: the parent commits what is done and stops them. A worker whose build process is gone
(killed) exits on its own rather than wait for work that will never come.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Self

from whosaid.build.work import warm

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def cores() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _watch(parent: int) -> None:
    while True:
        time.sleep(1.0)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # alive, someone else's: cannot happen for our parent, but do not exit on it
            pass


def _init(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="whosaid-parent-watch").start()
    warm()


class LocalExecutor:
    """`workers` processes on this machine (all cores when None)."""

    def __init__(self, workers: int | None = None):
        self.workers = workers or cores()
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Self:
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        ctx = multiprocessing.get_context(method)
        for name in THREAD_VARIABLES:  # one thread per worker: the workers are the parallelism
            os.environ.setdefault(name, "1")
        self._pool = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init,
                                         initargs=(os.getpid(),))
        return self

    def __exit__(self, *exc) -> None:
        if self._pool:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, fn: Callable, *args) -> Future:
        """Run fn(*args) in a worker."""
        assert self._pool, "use the executor in a with statement"
        return self._pool.submit(fn, *args)

    @staticmethod
    def wait_any(futures: Iterable[Future]) -> tuple[set[Future], set[Future]]:
        """(done, not done) once at least one of `futures` is done."""
        done, pending = wait(futures, return_when=FIRST_COMPLETED)
        return set(done), set(pending)
