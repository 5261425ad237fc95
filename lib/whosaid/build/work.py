"""The unit of work of a build, run wherever a worker runs: read a batch of article files, extract them with the
spaCy pipeline (loaded once per process), and write their rows into the store as one uncommitted part.

spaCy is imported when a batch runs, not with this module, so a build's main process (which only plans and
commits) does not carry it."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from whosaid import __version__, store
from whosaid.ingest import IngestError, content_hash, from_bytes, give_date, give_meta
from whosaid.model import Article
from whosaid.sidecar import Meta

_LOCK = threading.Lock()  # a worker with several threads shares one pipeline; spaCy does not promise thread safety


@dataclass(frozen=True)
class Job:
    """One article to process: the file to read (absolute), the path to record, its doc id and given date."""

    file: str
    path: str
    doc: str
    date: str | None = None
    any_language: bool = False  # also articles that are not in English
    meta: Meta | None = None  # what the build's sidecar says of it (wins over the file)
    folder: str | None = None  # the outlet its folder names (when the page names none)


def stored_hash(data: bytes, meta: Meta | None = None) -> str:
    """The hash the store keeps for an article: its bytes, this whosaid's version and the sidecar's row, so a
    changed sidecar row processes the article again."""
    given = "".join(f"\x00{k}={v}" for k, v in sorted(meta.given().items())) if meta else ""
    return content_hash(data + __version__.encode() + given.encode())


@dataclass
class BatchResult:
    """What a batch did: its part (None when nothing was extracted) and a line for each article that failed."""

    part: store.Part | None
    articles: int
    chars: int = 0
    errors: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # docs whose file could not be read as an article
    notes: list[str] = field(default_factory=list)  # what reading an article noticed (its encoding, a title)
    failed: int = 0  # articles read but not extracted


def warm() -> None:
    """Load the pipeline now (a worker process's initializer), so the first batch does not wait for it."""
    from whosaid.nlp import load_nlp

    load_nlp()


def _read(job: Job, result: BatchResult) -> tuple[Article, str] | None:
    try:
        data = Path(job.file).read_bytes()
    except OSError as exc:
        result.errors.append(f"skipped {job.path}: cannot be read ({exc.strerror}).")
    else:
        try:
            article = from_bytes(data, Path(job.path).name, job.path, any_language=job.any_language)
        except IngestError as exc:
            result.errors.append(f"skipped {exc}")
        else:
            article.doc = job.doc
            result.notes.extend(f"{job.path}: {note}" for note in article.notes)
            article = give_meta(give_date(article, job.date), job.meta, folder=job.folder)
            return article, stored_hash(data, job.meta)
    result.unreadable.append(job.doc)
    return None


def run_batch(root: str, jobs: list[Job]) -> BatchResult:
    """Extract the articles of `jobs` and write them to the store at `root` as one part (not committed)."""
    from whosaid.extract import extract_articles
    from whosaid.nlp import load_nlp

    result = BatchResult(part=None, articles=len(jobs))
    read = [item for item in (_read(job, result) for job in jobs) if item]
    hashes = {article.doc: digest for article, digest in read}
    result.chars = sum(len(article.text) for article, _ in read)
    done = []
    with _LOCK:
        for article, extraction in extract_articles([a for a, _ in read], load_nlp()):
            if isinstance(extraction, Exception):
                result.failed += 1
                result.errors.append(f"{article.doc}: extraction failed ({extraction})")
            else:
                done.append((extraction, hashes[article.doc]))
    result.part = store.write_part(root, done)
    return result
