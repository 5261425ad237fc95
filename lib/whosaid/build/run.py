"""A build: find the sources, skip those the store holds unchanged, hand batches of file paths to the workers,
and commit the parts they write every few seconds, so an interrupted build keeps what it did and resumes.

The parent reads each file once to hash it (no text is kept), workers read it again to extract it, and only
paths and small results travel between them: memory stays flat however large the corpus.
"""
from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, Self, TextIO

from whosaid import __version__, store
from whosaid.build.work import BatchResult, Job, run_batch, stored_hash
from whosaid.ingest import content_hash, doc_id, walk_sources
from whosaid.settings import BATCH_SIZE, COMMIT_SECONDS
from whosaid.sidecar import Meta


class BuildError(RuntimeError):
    """A build cannot start or go on; the message says why and what to do."""


class Executor(Protocol):
    """Where batches run: `LocalExecutor` (processes here) or `DaskExecutor` (a cluster)."""

    workers: int

    def __enter__(self) -> Self: ...
    def __exit__(self, *exc) -> None: ...
    def submit(self, fn: Callable, *args): ...
    def wait_any(self, futures) -> tuple[set, set]: ...


@dataclass
class Plan:
    """The sources of a build: the articles to process, and what the scan found."""

    jobs: list[Job] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)  # every readable source's doc id
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class Report:
    """What a build did."""

    found: int
    unchanged: int
    processed: int = 0
    failed: int = 0  # read but not extracted (their stored version, if any, stays)
    skipped: int = 0  # not readable as articles
    chars: int = 0
    seconds: float = 0.0
    version: str = ""


def scan(sources: Iterable[str | Path], known: dict[str, str], *, date: str | None = None,
         dates: dict[str, str] | None = None, meta: dict[str, Meta] | None = None,
         any_language: bool = False) -> Plan:
    """The build's plan: a job for every source whose stored hash (its bytes and its sidecar row, `meta` by file
    stem) differs from `known` (by doc id); a file with the same bytes as one before it is stored once."""
    plan, dates, meta, first = Plan(), dates or {}, meta or {}, {}
    for path, folder in walk_sources(sources):
        try:
            data = path.read_bytes()
        except OSError as exc:
            plan.errors.append(f"skipped {path}: cannot be read ({exc.strerror}).")
            continue
        digest = content_hash(data + __version__.encode())
        if digest in first:
            plan.errors.append(f"skipped {path}: the same file as {first[digest]}, which is stored once.")
            continue
        first[digest] = path
        base, doc, n = doc_id(path.name), doc_id(path.name), 2
        while doc in plan.docs:
            doc, n = f"{base}-{n}", n + 1
        plan.docs.add(doc)
        row = meta.get(path.stem)
        if known.get(doc) == (stored_hash(data, row) if row else digest):
            plan.unchanged += 1
        else:
            plan.jobs.append(Job(str(path.resolve()), str(path), doc, dates.get(path.stem, date), any_language,
                                 row, folder))
    return plan


def batches(jobs: list[Job], size: int, workers: int) -> Iterator[list[Job]]:
    """Runs of jobs of `size`, shrinking towards the end (to a quarter of the remaining work per worker, at least
    one) so the workers finish together."""
    i = 0
    while i < len(jobs):
        n = max(1, min(size, (len(jobs) - i) // (4 * workers)))
        yield jobs[i:i + n]
        i += n


def _unordered(executor: Executor, fn: Callable, tasks: Iterable[tuple], window: int) -> Iterator[tuple[tuple, object]]:
    """(args, future) for fn(root, *args) over `tasks`, as they finish, with at most `window` of them in flight."""
    tasks = iter(tasks)
    pending = {executor.submit(fn, *args): args for args in itertools.islice(tasks, window)}
    while pending:
        done, _ = executor.wait_any(pending)
        for fut in done:
            args = pending.pop(fut)
            for more in itertools.islice(tasks, 1):
                pending[executor.submit(fn, *more)] = more
            yield args, fut


class _Committer:
    """Collects the parts workers wrote and commits them to the store every `every` seconds."""

    def __init__(self, root: Path, every: float):
        self.root, self.every, self.parts, self.last = root, every, [], time.monotonic()

    def add(self, part: store.Part | None) -> None:
        if part:
            self.parts.append(part)
        if self.parts and time.monotonic() - self.last >= self.every:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            store.commit(self.root, self.parts)
            self.parts = []
        self.last = time.monotonic()


def _tally(report: Report, res: BatchResult, unreadable: set[str], err: TextIO, bar) -> None:
    for msg in res.errors:
        bar.write(f"whosaid: {msg}", file=err)  # above the progress bar, not through it
    for msg in res.notes:
        bar.write(f"whosaid: note: {msg}", file=err)
    unreadable.update(res.unreadable)
    report.skipped += len(res.unreadable)
    report.failed += res.failed
    report.processed += res.articles - len(res.unreadable) - res.failed
    report.chars += res.chars


def run(plan: Plan, root: str | Path, executor: Executor, *, batch_size: int = BATCH_SIZE,
        commit_every: float = COMMIT_SECONDS, progress: bool = True, err: TextIO = sys.stderr) -> tuple[Report, set[str]]:
    """Process the plan's jobs on `executor` into the store at `root`; returns the report and the docs whose files
    turned out unreadable."""
    from tqdm import tqdm

    root = Path(root).absolute()
    report, unreadable, started = Report(len(plan.docs), plan.unchanged), set(), time.monotonic()
    committer = _Committer(root, commit_every)
    bar = tqdm(total=len(plan.jobs), unit="article", disable=not (progress and plan.jobs), file=err, smoothing=0.1)
    try:
        with executor:
            tasks = ((str(root), batch) for batch in batches(plan.jobs, batch_size, executor.workers))
            for (_, batch), fut in _unordered(executor, run_batch, tasks, 2 * executor.workers):
                try:
                    res = fut.result()
                except BrokenExecutor:
                    raise
                except Exception as exc:  # noqa: BLE001 (a batch failed as a whole: say so, go on with the others)
                    res = BatchResult(None, len(batch), failed=len(batch), errors=[
                        f"a batch of {len(batch)} articles from {batch[0].path} failed ({type(exc).__name__}: {exc})"])
                _tally(report, res, unreadable, err, bar)
                committer.add(res.part)
                bar.set_postfix_str(f"{report.chars / max(time.monotonic() - started, 1e-9):,.0f} chars/s", refresh=False)
                bar.update(res.articles)
    finally:
        bar.close()
        committer.flush()  # what is done is kept, even when interrupted
    report.seconds = time.monotonic() - started
    return report, unreadable


def build(sources: Iterable[str | Path], root: str | Path, *, workers: int | None = None, cluster: str | None = None,
          executor: Executor | None = None, date: str | None = None, dates: dict[str, str] | None = None,
          meta: dict[str, Meta] | None = None, force: bool = False, prune: bool = False, any_language: bool = False,
          batch_size: int = BATCH_SIZE, commit_every: float = COMMIT_SECONDS, progress: bool = True,
          err: TextIO = sys.stderr) -> Report:
    """Preprocess `sources` into the store at `root`, skipping articles stored unchanged (all with `force`).

    Batches run on `executor`, or on a Dask cluster when `cluster` is given ('local' or a scheduler address), or
    else on `workers` processes here (all cores when None). With `prune`, stored articles that are not among the
    sources are removed. `dates` (by file stem) and `date` give publication dates; `meta` (by file stem, from a
    sidecar) gives title, date, outlet, URL and author, winning over both and over the file. Each file that cannot
    be read or extracted gets one line on `err`."""
    root = Path(root)
    plan = scan(sources, {} if force else store.known_hashes(root), date=date, dates=dates, meta=meta,
                any_language=any_language)
    for msg in plan.errors:
        print(f"whosaid: {msg}", file=err)
    print(f"{len(plan.docs)} articles, {plan.unchanged} unchanged, {len(plan.jobs)} to process", file=err)
    if executor is None and plan.jobs:
        executor = _executor(workers, cluster)
    report, unreadable = (run(plan, root, executor, batch_size=batch_size, commit_every=commit_every,
                              progress=progress, err=err) if plan.jobs else (Report(len(plan.docs), plan.unchanged), set()))
    report.skipped += len(plan.errors)
    gone = set(store.known_hashes(root)) - (plan.docs - unreadable) if prune else set()
    if gone or not _current(root):
        store.commit(root, remove=gone)  # also creates an empty store, or converts one of the older schema
    store.collect_garbage(root)
    report.version = store.store_version(root)
    return report


def _current(root: Path) -> bool:
    try:
        return store.read_manifest(root) is not None
    except store.StoreError:
        return False


def _executor(workers: int | None, cluster: str | None) -> Executor:
    if cluster:
        try:
            from whosaid.build.cluster import DaskExecutor
        except ImportError as exc:
            raise BuildError(f"--cluster needs Dask ({exc.name} is not installed): "
                                   "pip install 'whosaid[cluster]'.") from None
        return DaskExecutor(cluster, workers)
    from whosaid.build.local import LocalExecutor

    return LocalExecutor(workers)
