"""Corpus-level tables (persons, stories) kept beside the articles' tables, one folder per store version.

`ROOT/corpus/<version>[-a<aliases hash>]/<table>.parquet` holds what was computed from the store at that version
(with that aliases file); a write builds
the folder under a temporary name and renames it into place, so a reader sees all of it or none. Only the two
newest folders are kept (a reader may still be on the previous one).
"""
from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path

import pandas as pd

KEEP = 2


def corpus_dir(root: str | Path, version: str) -> Path:
    """The folder of the corpus tables computed at a store version."""
    return Path(root) / "corpus" / version


def corpus_file(root: str | Path, version: str, table: str) -> Path | None:
    """The Parquet file of one corpus table at a store version, or None when it was not computed."""
    path = corpus_dir(root, version) / f"{table}.parquet"
    return path if path.is_file() else None


def write_corpus(root: str | Path, version: str, tables: dict[str, pd.DataFrame]) -> Path:
    """Store the corpus tables computed at `version` (atomically) and drop all but the newest folders."""
    base = Path(root) / "corpus"
    base.mkdir(parents=True, exist_ok=True)
    target = corpus_dir(root, version)
    if target.is_dir():
        return target
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=base))
    try:
        for name, df in tables.items():
            df.to_parquet(tmp / f"{name}.parquet", index=False)
        tmp.rename(target)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        if not target.is_dir():
            raise
        return target  # another process (a build, an Add articles) stored the same version's tables first
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    folders = sorted((p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in folders[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)
    return target


def load_corpus(root: str | Path, version: str) -> dict[str, pd.DataFrame]:
    """The corpus tables computed at `version` (an empty dict when they were not computed)."""
    folder = corpus_dir(root, version)
    if not folder.is_dir():
        return {}
    try:
        return {p.stem: pd.read_parquet(p) for p in sorted(folder.glob("*.parquet"))}
    except FileNotFoundError:  # a newer version's write dropped this folder meanwhile: computed again instead
        return {}



def corpus_key(version: str, aliases: dict[str, str] | None = None) -> str:
    """The folder name for a store version and the aliases the persons were merged with."""
    if not aliases:
        return version
    digest = hashlib.sha256(json.dumps(sorted(aliases.items())).encode()).hexdigest()[:8]
    return f"{version}-a{digest}"


def refresh_corpus(root: str | Path, *, aliases: dict[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """The corpus tables for the store's current version and these aliases: read when stored, else computed and
    stored (the build's last step; the dashboard only computes them for a store built by an older whosaid)."""
    from whosaid.corpus.tables import corpus_tables
    from whosaid.store import load_tables, store_version

    key = corpus_key(store_version(root), aliases)
    stored = load_corpus(root, key)
    if stored:
        return stored
    tables = corpus_tables(load_tables(root), aliases=aliases)
    write_corpus(root, key, tables)
    return tables
