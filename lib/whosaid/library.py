"""The user's article library: add uploaded or pasted articles (run the pipeline, keep the file, update the
store) and remove them again. A failure leaves the store and the articles folder as they were."""
from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from whosaid import __version__, store
from whosaid.dates import is_day
from whosaid.extract import extract_article
from whosaid.ingest import SUFFIXES, IngestError, content_hash, doc_id, from_bytes, give_date
from whosaid.settings import read_only
from whosaid.store.corpus import refresh_corpus


@dataclass
class Added:
    """What adding one article did."""

    doc: str
    title: str | None
    path: str
    quotes: int
    events: int
    date: str | None
    date_source: str
    notes: list[str] = field(default_factory=list)  # what reading the file noticed or changed, one line each


def _atomic_write(path: Path, data: bytes) -> None:
    """Write bytes to `path` via a temporary file in the same folder and os.replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".upload-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


CLAIM_STALE_S = 3600  # a claim left by an add that died (the process killed) is taken over after an hour


@contextlib.contextmanager
def _claimed_doc(doc: str, root: Path, articles_dir: Path, digest: str) -> Iterator[str]:
    """`doc`, or doc-2, doc-3 ... when another article already uses the id (the same content keeps its id), held
    for this add alone until it is stored: another file of the same name added meanwhile takes the next id."""
    known = store.known_hashes(root)
    articles_dir.mkdir(parents=True, exist_ok=True)
    n, cand = 2, doc
    while True:
        taken = (cand in known and known[cand] != digest) or (
            cand not in known and any((articles_dir / f"{cand}{s}").exists() for s in SUFFIXES))
        claim = articles_dir / f".{cand}.adding"  # a dot file: builds over the folder pass it by
        if not taken:
            with contextlib.suppress(FileNotFoundError):
                if time.time() - claim.stat().st_mtime > CLAIM_STALE_S:
                    claim.unlink()
            try:
                os.close(os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
                break
            except FileExistsError:
                pass
        cand, n = f"{doc}-{n}", n + 1
    try:
        yield cand
    finally:
        claim.unlink(missing_ok=True)


def add_bytes(data: bytes, name: str, root: str | Path, articles_dir: str | Path, *, title: str | None = None,
              date: str | None = None, url: str | None = None, nlp: Language | None = None,
              any_language: bool = False, aliases: dict[str, str] | None = None) -> Added:
    """Read, extract and store one article from a file's bytes; raises IngestError with a message for the user
    (also for a file whose bytes are already in the store under another name, and, unless `any_language`, for
    an article that is not in English)."""
    _writable()
    root, articles_dir = Path(root), Path(articles_dir)
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        suffix = ".txt"
    if date:
        date = date.strip()
        if not is_day(date):
            raise IngestError(f"{name}: {date!r} is not a date like 2017-08-16.")
    article = from_bytes(data, name, any_language=any_language)
    digest = content_hash(data + __version__.encode())
    with _claimed_doc(doc_id(name), root, articles_dir, digest) as doc:
        article.doc = doc
        twin = next((d for d, h in store.known_hashes(root).items() if h == digest and d != doc), None)
        if twin is not None:
            raise IngestError(f"{name}: the same file is already in the store as {twin!r}.")
        target = articles_dir / f"{article.doc}{suffix}"
        article.path = str(target)
        if title and title.strip():
            article.title = title.strip()
        if url and url.strip():
            article.url = url.strip()
        give_date(article, date)
        try:
            extraction = extract_article(article, nlp)
        except Exception as exc:  # the pipeline must not take the app down with it
            raise IngestError(f"{name}: extraction failed ({type(exc).__name__}: {exc}).") from None
        existed = target.exists()
        _atomic_write(target, data)
        try:
            store.upsert(root, [(extraction, digest)])
        except BaseException:
            if not existed:
                target.unlink(missing_ok=True)
            raise
    _refresh(root, aliases)
    a = extraction.article
    return Added(doc=a.doc, title=a.title, path=str(target), quotes=len(extraction.quotes),
                 events=len(extraction.events), date=a.date, date_source=a.date_source, notes=list(a.notes))


def slug(text: str, fallback: str) -> str:
    """A file name stem from a title: lower-case words joined by '-', at most 60 characters."""
    s = re.sub(r"[^\w]+", "-", text.casefold()).strip("-")[:60].strip("-")
    return s or fallback


def add_text(text: str, root: str | Path, articles_dir: str | Path, *, title: str | None = None,
             date: str | None = None, url: str | None = None, nlp: Language | None = None,
             any_language: bool = False, aliases: dict[str, str] | None = None) -> Added:
    """Store pasted text as an article (saved as a .txt file named after its title)."""
    data = (text or "").encode("utf-8")
    name = slug(title or "", "pasted-" + content_hash(data)[:8]) + ".txt"
    return add_bytes(data, name, root, articles_dir, title=title, date=date, url=url, nlp=nlp,
                     any_language=any_language, aliases=aliases)


def _writable() -> None:
    """Refuse to change the store of a dashboard shared read-only ($WHOSAID_READ_ONLY)."""
    if read_only():
        raise IngestError("This dashboard is shared read-only: articles cannot be added or removed here.")


def _refresh(root: Path, aliases: dict[str, str] | None) -> None:
    """The corpus tables (persons, stories) for the store's new version; should that step fail, the article stays
    stored and the dashboard computes them itself."""
    try:
        refresh_corpus(root, aliases=aliases)
    except Exception:  # noqa: BLE001 - the article is stored; the tables can be made again by the next build
        pass


def remove_article(doc: str, root: str | Path, articles_dir: str | Path, *,
                   aliases: dict[str, str] | None = None) -> str | None:
    """Remove an article from the store and delete its saved file when it lies in `articles_dir`;
    returns the deleted file's path, if any."""
    _writable()
    root, articles_dir = Path(root), Path(articles_dir).resolve()
    tables = store.load_tables(root)
    rows = tables["articles"][tables["articles"]["doc"] == doc]
    if rows.empty:
        raise IngestError(f"There is no article {doc!r} in the store.")
    store.remove(root, [doc])
    _refresh(root, aliases)
    path = rows.iloc[0]["path"]
    if isinstance(path, str) and path:
        p = Path(path)
        p = p if p.is_absolute() else Path.cwd() / p
        if not p.is_file():
            p = articles_dir / Path(path).name
        try:
            p = p.resolve()
            if p.is_relative_to(articles_dir) and p.is_file():
                p.unlink()
                return str(p)
        except OSError:
            return None
    return None
