"""The store on disk: an append-only Parquet dataset under a manifest.

Layout (ROOT is the store folder)::

    ROOT/manifest.json               the current version: live parts, each article's content hash and part
    ROOT/<table>/part-<id>.parquet   one file per table per part; a part holds the rows of a set of articles
    ROOT/.lock                       writers hold it (a file lock) while they commit

A file a manifest names is never changed. Writing is two steps. `write_part` writes a part's five files (a build's
worker processes, or Dask workers on other machines that share the folder, do this in parallel), and `commit` then,
under the lock, reads the manifest, adds the parts, points each of their articles at its new part and replaces
manifest.json atomically (temporary file, fsync, `os.replace`). Readers read the manifest once and then only the
files it names, so they see one version whole; a crash before the replace leaves the previous version readable and
some files no manifest names, which `collect_garbage` deletes later.

Replacing an article writes its rows into a new part; removing one drops it from the manifest. Rows left behind
in older parts are dead: a row is live only when the manifest places its article in the row's part, and readers
skip the others. Compaction (`compact`, and on commit when small parts pile up or a part is half dead) rewrites
small and dirty parts into fewer files of live rows. A file the manifest stops naming is listed as retired with
the time and deleted once a grace period has passed, so a reader still busy with the previous version keeps its
files (the retention period of Delta Lake's VACUUM, in miniature).
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from filelock import FileLock

from whosaid import __version__
from whosaid.model import Extraction
from whosaid.settings import GRACE_SECONDS
from whosaid.store.tables import SCHEMA_VERSION, SCHEMAS, TABLES, StoreError, Tables, extraction_rows

TARGET_BYTES = 32 << 20  # compaction writes parts of about this size (five files together)
SMALL_PARTS = 16  # a commit compacts once this many parts are under half the target size
REBUILD = "rebuild it with `whosaid build SOURCES --out STORE --force`"


@dataclass(frozen=True)
class Part:
    """Part files written and not yet committed: the articles they hold (doc → content hash) and their size."""

    id: str
    docs: dict[str, str]
    rows: dict[str, int]
    bytes: int


@dataclass(frozen=True)
class Compaction:
    """What `compact` did."""

    parts_before: int
    parts_after: int
    deleted: int  # files and folders deleted as garbage
    version: str


def part_path(root: str | Path, table: str, part: str) -> Path:
    """The file of `table` in part `part`."""
    return Path(root) / table / f"part-{part}.parquet"


def part_id(path: str | Path) -> str:
    """The part a part file belongs to (its name without 'part-' and '.parquet')."""
    return Path(path).name.removeprefix("part-").removesuffix(".parquet")


# ----------------------------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Snapshot:
    """One version of the store, as a reader or a query engine sees it.

    `files(table)` are the part files of the version. A row of part file F is live when `placement[row.doc]` is
    `part_id(F)`: a query engine reads `read_parquet(files)` and keeps the rows whose (doc, part) pair is in
    `placement`, or reads them as they are when `clean` (no part holds dead rows, as after `compact`). Files stay
    on disk for `GRACE_SECONDS` after a newer version stops naming them, so a snapshot can be queried for a while.
    Snapshots are cached and shared between callers: treat their dicts as read-only.
    """

    root: Path
    version: str = ""
    articles: dict[str, str] = field(default_factory=dict)  # doc → content hash of every live article
    placement: dict[str, str] = field(default_factory=dict)  # doc → the part holding its rows
    written: dict[str, int] = field(default_factory=dict)  # part → how many articles were written into it

    def files(self, table: str) -> list[Path]:
        """The part files of `table` in this version, oldest part first."""
        return [part_path(self.root, table, p) for p in sorted(self.written)]

    @cached_property
    def live(self) -> dict[str, frozenset[str]]:
        """The live articles of each part."""
        by_part: dict[str, set[str]] = defaultdict(set)
        for doc, part in self.placement.items():
            by_part[part].add(doc)
        return {part: frozenset(by_part.get(part, ())) for part in self.written}

    @property
    def clean(self) -> bool:
        """Whether every row of every part file is live."""
        return all(len(self.live[p]) == n for p, n in self.written.items())

    def read(self, table: str) -> pa.Table:
        """The live rows of `table`, ordered by doc (each article's rows in their stored order)."""
        pieces = [_read_live(self.root, table, p, self.live[p], n) for p, n in sorted(self.written.items())]
        if not pieces:
            return SCHEMAS[table].empty_table()
        return pa.concat_tables(pieces).sort_by("doc")


def _read_live(root: Path, table: str, part: str, live: frozenset[str], written: int) -> pa.Table:
    data = pq.read_table(part_path(root, table, part), schema=SCHEMAS[table])
    if len(live) < written:
        data = data.filter(pc.is_in(data["doc"], value_set=pa.array(sorted(live), pa.string())))
    return data


def _read(root: Path, *, old_ok: bool = False) -> dict | None:
    path = root / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, json.JSONDecodeError) as exc:
        raise StoreError(f"{path} is unreadable ({exc}); {REBUILD}.") from None
    schema = manifest.get("schema_version")
    if schema == 1 and old_ok:
        return manifest
    if schema == 1:
        raise StoreError(f"{root} is a store of an older whosaid (schema 1, this one reads {SCHEMA_VERSION}): "
                         f"run `whosaid compact {root}` to convert it in place, or {REBUILD}.")
    if schema != SCHEMA_VERSION:
        raise StoreError(f"{path} has schema {schema}, this whosaid reads {SCHEMA_VERSION}: {REBUILD}.")
    return manifest


def read_manifest(root: str | Path) -> dict | None:
    """The store's manifest, or None when there is no store at `root`."""
    return _read(Path(root))


_SNAPSHOTS: dict[Path, tuple[tuple[int, int, int], Snapshot]] = {}


def snapshot(root: str | Path) -> Snapshot:
    """The store's current version (an empty snapshot when there is no store).

    Cached until manifest.json changes (a commit replaces the file, so its inode changes): asking for the version
    on every page of the dashboard costs a `stat`, however many articles the store holds."""
    root = Path(root)
    try:
        st = (root / "manifest.json").stat()
    except FileNotFoundError:
        return Snapshot(root)
    key = (st.st_ino, st.st_mtime_ns, st.st_size)
    cached = _SNAPSHOTS.get(root)
    if cached and cached[0] == key:
        return cached[1]
    m = _read(root)
    if not m:
        return Snapshot(root)
    snap = Snapshot(root, m["version"], m["articles"], m["placement"],
                    {p: info["docs"] for p, info in m["parts"].items()})
    _SNAPSHOTS[root] = (key, snap)  # a file replaced after the stat is read again next time: its key differs
    return snap


def store_version(root: str | Path) -> str:
    """An id that changes whenever the store's content changes ('' for no store)."""
    return snapshot(root).version


def known_hashes(root: str | Path) -> dict[str, str]:
    """Content hash of every article in the store, by doc id (a store of the older schema answers too)."""
    manifest = _read(Path(root), old_ok=True)
    return dict(manifest.get("articles", {})) if manifest else {}


def live_docs(root: str | Path) -> set[str]:
    """The doc ids of every article in the store."""
    return set(snapshot(root).articles)


def table_files(root: str | Path, table: str) -> list[Path]:
    """The part files of `table` in the current version (see `Snapshot` for which of their rows are live)."""
    return snapshot(root).files(table)


def load_tables(root: str | Path) -> Tables:
    """All tables of the store at `root` as DataFrames (empty tables when there is none)."""
    for _ in range(3):
        snap = snapshot(root)
        try:
            return {name: snap.read(name).to_pandas() for name in TABLES}
        except FileNotFoundError as exc:
            if snapshot(root).version == snap.version:  # not a newer version that retired the file: damage
                raise StoreError(f"{exc.filename or exc} is missing from the store; {REBUILD}.") from None
        except (OSError, pa.ArrowException) as exc:
            raise StoreError(f"the store at {root} is unreadable ({exc}); {REBUILD}.") from None
    raise StoreError(f"the store at {root} kept changing while it was read; try again.")


# ----------------------------------------------------------------------------------------------- writing


def new_part_id() -> str:
    """A fresh part id: milliseconds since 1970 in hex (so ids sort by age), then random hex."""
    return f"{time.time_ns() // 1_000_000:011x}-{secrets.token_hex(4)}"


def _write_file(path: Path, data: pa.Table) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        pq.write_table(data, fh)
        fh.flush()
        os.fsync(fh.fileno())
    return path.stat().st_size


def _write_tables(root: Path, tables: dict[str, pa.Table], docs: dict[str, str]) -> Part:
    part = new_part_id()
    size = 0
    try:
        for name in TABLES:
            size += _write_file(part_path(root, name, part), tables[name])
    except BaseException:
        for name in TABLES:  # nothing names these files yet: a failed part leaves no trace
            part_path(root, name, part).unlink(missing_ok=True)
        raise
    return Part(part, docs, {name: tables[name].num_rows for name in TABLES}, size)


def write_part(root: str | Path, items: Iterable[tuple[Extraction, str]]) -> Part | None:
    """Write the rows of (extraction, content hash) pairs as a new part, uncommitted; None when there are none.

    Safe to run in many processes or machines at once; only `commit` makes the part visible."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    docs = {}
    for ex, digest in items:
        for name, new in extraction_rows(ex, digest).items():
            rows[name].extend(new)
        docs[ex.article.doc] = digest
    if not docs:
        return None
    return _write_tables(Path(root), {n: pa.Table.from_pylist(rows[n], schema=SCHEMAS[n]) for n in TABLES}, docs)


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    """Hold the store's write lock (ROOT/.lock): one reads, changes and replaces the manifest at a time, whichever
    process (a build, the dashboard's Add articles, `whosaid compact`) it is. filelock: flock on POSIX, msvcrt's
    locking on Windows."""
    root.mkdir(parents=True, exist_ok=True)
    with FileLock(root / ".lock"):
        yield


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _empty_manifest() -> dict:
    return {"schema_version": SCHEMA_VERSION, "version": "", "whosaid": __version__, "articles": {},
            "placement": {}, "parts": {}, "retired": []}


def _save(root: Path, m: dict) -> None:
    """Give the manifest its version and replace manifest.json with it atomically."""
    digest = hashlib.sha256(json.dumps([SCHEMA_VERSION, m["articles"], m["placement"], sorted(m["parts"])],
                                       sort_keys=True).encode())
    m["version"], m["whosaid"] = digest.hexdigest()[:12], __version__
    for name in TABLES:
        if (root / name).is_dir():
            _fsync_dir(root / name)  # the part files' names are on disk before a manifest names them
    fd, tmp = tempfile.mkstemp(prefix=".manifest-", dir=root)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(m, fh, indent=0, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, root / "manifest.json")
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(root)


def _add(m: dict, part: Part) -> None:
    m["parts"][part.id] = {"docs": len(part.docs), "rows": part.rows, "bytes": part.bytes}
    for doc, digest in part.docs.items():
        m["articles"][doc] = digest
        m["placement"][doc] = part.id


def _retire(m: dict, part: str, now: float) -> None:
    del m["parts"][part]
    m["retired"].extend([f"{name}/part-{part}.parquet", now] for name in TABLES)


def _retire_dead_parts(m: dict, now: float) -> None:
    live = Counter(m["placement"].values())
    for part in [p for p in m["parts"] if not live[p]]:
        _retire(m, part, now)


def _migrate(root: Path, old: dict) -> dict:
    """A schema-2 manifest holding a schema-1 store's tables as one part (its old folder retired)."""
    m, now = _empty_manifest(), time.time()
    docs = dict(old.get("articles", {}))
    if docs:
        gen = root / old["generation"]
        try:
            tables = {name: pa.Table.from_pandas(pd.read_parquet(gen / f"{name}.parquet").reindex(columns=TABLES[name]),
                                                 schema=SCHEMAS[name], preserve_index=False) for name in TABLES}
        except (OSError, ValueError, pa.ArrowException) as exc:
            raise StoreError(f"the old store at {root} cannot be converted ({exc}); {REBUILD}.") from None
        _add(m, _write_tables(root, tables, docs))
    if old.get("generation"):
        m["retired"].append([old["generation"], now])
    return m


def _read_for_write(root: Path) -> dict:
    m = _read(root, old_ok=True)
    if m is None:
        return _empty_manifest()
    return _migrate(root, m) if m["schema_version"] == 1 else m


def _check_written(root: Path, part: Part) -> None:
    for name in TABLES:
        path = part_path(root, name, part.id)
        if not path.is_file():
            raise StoreError(f"{path} is missing: a part was written where this machine cannot see it (with "
                             "--cluster, the store folder must be on storage that the client and every worker share).")


def _expire(m: dict, now: float, grace: float) -> list[str]:
    """Take the retired files whose grace period is over off the manifest's list; returns them."""
    due = [path for path, since in m["retired"] if now - since >= grace]
    m["retired"] = [[path, since] for path, since in m["retired"] if now - since < grace]
    return due


def _delete(root: Path, relpaths: Iterable[str]) -> int:
    n = 0
    for rel in relpaths:
        path = root / rel
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
            n += 1
        elif path.exists():
            path.unlink(missing_ok=True)
            n += 1
    return n


def commit(root: str | Path, parts: Sequence[Part | None] = (), *, remove: Iterable[str] = (),
           compact: bool = True, grace: float = GRACE_SECONDS) -> str:
    """Make written parts visible and drop articles, in one atomic step; returns the new version.

    A part's articles replace any stored ones of the same doc (a later part in `parts` wins). With `compact`,
    small and dirty parts are compacted when they pile up (`SMALL_PARTS`)."""
    root = Path(root)
    parts = [p for p in parts if p]
    with _locked(root):
        m = _read_for_write(root)
        for part in parts:
            _check_written(root, part)
            _add(m, part)
        for doc in remove:
            m["articles"].pop(doc, None)
            m["placement"].pop(doc, None)
        now = time.time()
        _retire_dead_parts(m, now)
        if compact and _due(m):
            _compact(root, m, _candidates(m), now)
        due = _expire(m, now, grace)
        _save(root, m)
    _delete(root, due)
    return m["version"]


def upsert(root: str | Path, items: Iterable[tuple[Extraction, str]]) -> str:
    """Add or replace articles (extraction, content hash) in the store; returns the new version."""
    return commit(root, [write_part(root, items)])


def remove(root: str | Path, docs: Iterable[str]) -> str:
    """Remove articles from the store; returns the new version."""
    return commit(root, remove=docs)


# ----------------------------------------------------------------------------------------------- compaction


def _candidates(m: dict) -> list[str]:
    """Parts worth rewriting: the small ones and those holding dead rows, oldest first."""
    live = Counter(m["placement"].values())
    return sorted(p for p, info in m["parts"].items()
                  if info["bytes"] < TARGET_BYTES // 2 or live[p] < info["docs"])


def _due(m: dict) -> bool:
    """Whether a commit should compact: many small parts, or a part that is at least half dead."""
    live = Counter(m["placement"].values())
    small = sum(info["bytes"] < TARGET_BYTES // 2 for info in m["parts"].values())
    return small >= SMALL_PARTS or any(2 * live[p] <= info["docs"] for p, info in m["parts"].items())


def _groups(m: dict, parts: list[str], live: Counter) -> list[list[str]]:
    """Consecutive runs of parts whose live rows add up to about `TARGET_BYTES`."""
    groups: list[list[str]] = [[]]
    size = 0
    for p in parts:
        info = m["parts"][p]
        live_bytes = info["bytes"] * live[p] // max(info["docs"], 1)
        if groups[-1] and size + live_bytes > TARGET_BYTES:
            groups.append([])
            size = 0
        groups[-1].append(p)
        size += live_bytes
    return [g for g in groups if g]


def _compact(root: Path, m: dict, parts: list[str], now: float) -> None:
    """Rewrite `parts` into fewer parts holding only their live rows (in `m`, not yet saved)."""
    snap = Snapshot(root, m["version"], m["articles"], m["placement"], {p: m["parts"][p]["docs"] for p in parts})
    live = Counter(m["placement"].values())
    for group in _groups(m, parts, live):
        if len(group) == 1 and live[group[0]] == m["parts"][group[0]]["docs"]:
            continue  # a lone clean part: nothing to gain
        tables = {name: pa.concat_tables([_read_live(root, name, p, snap.live[p], snap.written[p]) for p in group])
                  .sort_by("doc") for name in TABLES}
        docs = {doc: m["articles"][doc] for p in group for doc in snap.live[p]}
        new = _write_tables(root, tables, docs) if docs else None
        for p in group:
            _retire(m, p, now)
        if new:
            _add(m, new)


def _garbage(root: Path, m: dict, now: float, grace: float) -> list[str]:
    """Files and folders in the store that no manifest names, older than the grace period."""
    named = {f"{name}/part-{p}.parquet" for name in TABLES for p in m["parts"]} | {path for path, _ in m["retired"]}
    found = [f"{name}/{f.name}" for name in TABLES if (root / name).is_dir() for f in (root / name).iterdir()]
    found += [f.name for f in root.iterdir() if f.name.startswith((".manifest-", ".tmp-", "g-"))]
    old = []
    for rel in found:
        try:
            if rel not in named and now - (root / rel).stat().st_mtime >= grace:
                old.append(rel)
        except FileNotFoundError:
            continue
    return old


def collect_garbage(root: str | Path, *, grace: float = GRACE_SECONDS) -> int:
    """Delete what no manifest names (files retired longer than `grace` ago, parts a crashed or killed build
    wrote and never committed, once they are older than `grace`); returns how many were deleted."""
    root = Path(root)
    if not (root / "manifest.json").exists():
        return 0
    with _locked(root):
        m = _read_for_write(root)
        now = time.time()
        due = _expire(m, now, grace)
        if due:
            _save(root, m)
        garbage = _garbage(root, m, now, grace)
    return _delete(root, due + garbage)


def compact(root: str | Path, *, grace: float = GRACE_SECONDS) -> Compaction:
    """Rewrite small parts and parts with dead rows into fewer files, then collect garbage (converts a store of
    the older schema too)."""
    root = Path(root)
    if not (root / "manifest.json").exists():
        raise StoreError(f"there is no store at {root}.")
    with _locked(root):
        m = _read_for_write(root)
        before, now = len(m["parts"]), time.time()
        _retire_dead_parts(m, now)
        _compact(root, m, _candidates(m), now)
        _save(root, m)
    deleted = collect_garbage(root, grace=grace)
    return Compaction(before, len(m["parts"]), deleted, m["version"])
