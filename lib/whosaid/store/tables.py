"""The preprocessed store: Parquet tables (articles, quotes, speakers, timexes, events) plus a manifest.

Layout: ROOT/manifest.json names the current generation folder ROOT/g-<version>/ holding one Parquet
file per table. A write builds a complete new generation, then replaces manifest.json atomically, so a
reader sees the old store or the new one, never half of each, and a failed write leaves the old store.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from whosaid import __version__
from whosaid.model import Extraction
from whosaid.temporal.timeml import value_interval

SCHEMA_VERSION = 1
TABLES: dict[str, list[str]] = {
    "articles": ["doc", "title", "date", "date_source", "date_confidence", "url", "path", "fmt", "text",
                 "content_hash", "n_quotes", "n_events"],
    "speakers": ["doc", "speaker_id", "name", "kind", "roles", "aliases"],
    "quotes": ["doc", "quote_id", "speaker", "speaker_id", "kind", "cue", "text", "date", "start", "end",
               "content_spans", "speaker_spans", "cue_spans"],
    "timexes": ["doc", "start", "end", "text", "type", "value"],
    "events": ["doc", "event_id", "start", "end", "sentence", "summary", "date", "date_start", "date_end",
               "granularity", "how", "actors", "kind"],
}
Tables = dict[str, pd.DataFrame]


class StoreError(RuntimeError):
    """The store on disk cannot be read or written; the message says what to do."""


def empty_tables() -> Tables:
    """A store with no articles."""
    return {name: pd.DataFrame(columns=cols) for name, cols in TABLES.items()}


def read_manifest(root: str | Path) -> dict | None:
    """The store's manifest, or None when there is no store at `root`."""
    path = Path(root) / "manifest.json"
    if not path.exists():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise StoreError(f"{path} is unreadable ({exc}); rebuild with `python -m whosaid build data/articles`.") from None
    if manifest.get("schema_version") != SCHEMA_VERSION:
        raise StoreError(f"{path} has schema {manifest.get('schema_version')}, this whosaid reads "
                         f"{SCHEMA_VERSION}: rebuild with `python -m whosaid build data/articles`.")
    return manifest


def store_version(root: str | Path) -> str:
    """An id that changes whenever the store's content changes ('' for no store)."""
    manifest = read_manifest(root)
    return manifest["version"] if manifest else ""


def table_files(root: str | Path, table: str) -> list[Path]:
    """The Parquet files that hold `table` in the store's current version ([] when there is no store): what a
    reader such as the dashboard's DuckDB layer scans, without knowing the layout."""
    if table not in TABLES:
        raise ValueError(f"no table {table!r} in the store (tables: {', '.join(TABLES)})")
    manifest = read_manifest(root)
    return [Path(root) / manifest["generation"] / f"{table}.parquet"] if manifest else []


def load_tables(root: str | Path) -> Tables:
    """All tables of the store at `root` (empty tables when there is none)."""
    manifest = read_manifest(root)
    if not manifest:
        return empty_tables()
    gen = Path(root) / manifest["generation"]
    tables = {}
    for name, cols in TABLES.items():
        try:
            df = pd.read_parquet(gen / f"{name}.parquet")
        except (OSError, ValueError) as exc:
            raise StoreError(f"{gen / name}.parquet is unreadable ({exc}); rebuild the store.") from None
        tables[name] = df.reindex(columns=cols)
    return tables


def _spans(spans) -> list[list[int]]:
    return [[int(s), int(e)] for s, e in spans]


def extraction_rows(ex: Extraction, content_hash: str) -> dict[str, list[dict]]:
    """The rows one article contributes to each table."""
    a = ex.article
    doc = a.doc
    events = []
    for i, e in enumerate(sorted(ex.events, key=lambda e: (e.start, e.end))):
        iv = value_interval(e.date)
        events.append({
            "doc": doc, "event_id": f"{doc}#e{i}", "start": e.start, "end": e.end, "sentence": e.sentence,
            "summary": e.summary, "date": e.date, "date_start": iv[0].isoformat() if iv else None,
            "date_end": iv[1].isoformat() if iv else None, "granularity": iv[2] if iv else None,
            "how": e.how, "actors": list(e.actors), "kind": e.kind})
    quotes = []
    for i, q in enumerate(sorted(ex.quotes, key=lambda q: min(q.content_spans))):
        anchor = (q.cue_spans or q.content_spans)[0][0]
        ev = next((e for e in events if e["start"] <= anchor < e["end"] and e["date_start"]), None)
        quotes.append({
            "doc": doc, "quote_id": f"{doc}#q{i}", "speaker": q.speaker, "speaker_id": q.speaker_id,
            "kind": q.kind, "cue": q.cue, "text": q.text, "date": ev["date"] if ev else a.date,
            "start": min(s for s, _ in q.content_spans), "end": max(e for _, e in q.content_spans),
            "content_spans": _spans(q.content_spans), "speaker_spans": _spans(q.speaker_spans),
            "cue_spans": _spans(q.cue_spans)})
    return {
        "articles": [{**{k: v for k, v in asdict(a).items() if k in TABLES["articles"]},
                      "content_hash": content_hash, "n_quotes": len(quotes), "n_events": len(events)}],
        "speakers": [{"doc": doc, "speaker_id": s.id, "name": s.name, "kind": s.kind, "roles": list(s.roles),
                      "aliases": list(s.aliases)} for s in ex.speakers],
        "quotes": quotes,
        "timexes": [{"doc": doc, **asdict(t)} for t in ex.timexes],
        "events": events,
    }


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _version(tables: Tables) -> str:
    h = hashlib.sha256(f"{SCHEMA_VERSION}".encode())
    for name in TABLES:
        h.update(pd.util.hash_pandas_object(tables[name].astype(str), index=False).values.tobytes())
    return h.hexdigest()[:12]


def _write(root: Path, tables: Tables) -> str:
    """Write `tables` as a new generation and switch the manifest to it (atomically)."""
    tables = {name: tables[name].reindex(columns=TABLES[name]).reset_index(drop=True) for name in TABLES}
    version = _version(tables)
    generation = f"g-{version}"
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=root))
    try:
        for name, df in tables.items():
            df.to_parquet(tmp / f"{name}.parquet", index=False)
        final = root / generation
        if final.exists():
            shutil.rmtree(tmp)
        else:
            os.replace(tmp, final)
        manifest = {
            "schema_version": SCHEMA_VERSION, "version": version, "generation": generation,
            "whosaid": __version__, "articles": dict(zip(tables["articles"]["doc"], tables["articles"]["content_hash"])),
            "counts": {name: len(df) for name, df in tables.items()},
        }
        fd, tmp_manifest = tempfile.mkstemp(prefix=".manifest-", dir=root)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_manifest, root / "manifest.json")
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    for old in root.glob("g-*"):
        if old.name != generation:
            shutil.rmtree(old, ignore_errors=True)
    return version


def upsert(root: str | Path, items: Iterable[tuple[Extraction, str]]) -> str:
    """Add or replace articles (extraction, content hash) in the store; returns the new version."""
    root = Path(root)
    new = [extraction_rows(ex, h) for ex, h in items]
    docs = {rows["articles"][0]["doc"] for rows in new}
    with _locked(root):
        tables = load_tables(root)
        out = {}
        for name in TABLES:
            kept = tables[name][~tables[name]["doc"].isin(docs)]
            added = pd.DataFrame([r for rows in new for r in rows[name]], columns=TABLES[name])
            frames = [f for f in (kept, added) if len(f)]
            out[name] = (pd.concat(frames, ignore_index=True) if frames else empty_tables()[name])
        out["articles"] = out["articles"].sort_values("doc", kind="stable")
        return _write(root, out)


def remove(root: str | Path, docs: Iterable[str]) -> str:
    """Remove articles from the store; returns the new version."""
    root = Path(root)
    docs = set(docs)
    with _locked(root):
        tables = load_tables(root)
        return _write(root, {name: df[~df["doc"].isin(docs)] for name, df in tables.items()})


def known_hashes(root: str | Path) -> dict[str, str]:
    """Content hash of every article in the store, by doc id."""
    manifest = read_manifest(root)
    return dict(manifest.get("articles", {})) if manifest else {}
