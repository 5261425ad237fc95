"""The dashboard's data layer: DuckDB over the store's Parquet files, one database per store version.

The pages never load a table whole. `Corpus` holds an in-process DuckDB database whose views read the files
`whosaid.store.table_files` names (so the store's layout can change beneath it), plus a few small relations
derived once per store version and kept in DuckDB's memory:

- `persons` (doc, speaker_id, person, name, kind, how): which person each article's speaker is, from the
  corpus tables `whosaid build` stored (`whosaid.store.corpus`; computed here only for a store built by an older
  whosaid, or after the aliases file changed). Unresolved speakers (a bare "they") are in no person.
- `names` (norm, person): every normalised name and person name -> the person, for actors and mentions;
  `person_roles`: the roles the texts give each person.
- `date_iv` (value, date_start, date_end): the calendar days each distinct quote date value (TimeML) covers.
- `weights` (person, quotes): quotes per person; `titles` (doc, title): each article's title as shown.
- `actor_map` (actor, person), `actor_docs` (person, doc): the person each distinct event actor is, and the
  articles each person acts in (made on first use).
- `quote_rows`, `event_rows` (ROWS): the quotes and events as pages filter and list them, numbered in the
  order they are listed; copied into memory in the background (see `Corpus`).

Every query is parameterised (`?`); only constant identifiers and the store's own file paths are written
into SQL text. Each query runs on its own cursor, so sessions on several threads may share one `Corpus`.
"""
from __future__ import annotations

import atexit
import contextlib
import shutil
import tempfile
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from whosaid import store
from whosaid.corpus.nametypes import UNRESOLVED
from whosaid.corpus.persons import UNATTRIBUTED, build_persons
from whosaid.names import name_key
from whosaid.store.corpus import corpus_key, load_corpus
from whosaid.temporal.timeml import value_interval

# The columns the dashboard reads, with their SQL types (a cast is free on the right type, and gives an empty
# or all-null file the type the queries expect). Article text is read one article at a time.
COLUMNS: dict[str, dict[str, str]] = {
    "articles": {"doc": "VARCHAR", "title": "VARCHAR", "date": "VARCHAR", "date_source": "VARCHAR",
                 "date_confidence": "DOUBLE", "url": "VARCHAR", "path": "VARCHAR", "text": "VARCHAR",
                 "n_quotes": "BIGINT", "n_events": "BIGINT"},
    "quotes": {"doc": "VARCHAR", "quote_id": "VARCHAR", "speaker": "VARCHAR", "speaker_id": "VARCHAR",
               "kind": "VARCHAR", "cue": "VARCHAR", "text": "VARCHAR", "date": "VARCHAR", "start": "BIGINT",
               "end": "BIGINT", "content_spans": "BIGINT[][]", "speaker_spans": "BIGINT[][]",
               "cue_spans": "BIGINT[][]"},
    "speakers": {"doc": "VARCHAR", "speaker_id": "VARCHAR", "name": "VARCHAR", "kind": "VARCHAR",
                 "roles": "VARCHAR[]"},
    "events": {"doc": "VARCHAR", "event_id": "VARCHAR", "start": "BIGINT", "end": "BIGINT", "sentence": "VARCHAR",
               "summary": "VARCHAR", "date": "VARCHAR", "date_start": "VARCHAR", "date_end": "VARCHAR",
               "granularity": "VARCHAR", "how": "VARCHAR", "actors": "VARCHAR[]", "kind": "VARCHAR"},
}


NUMERIC = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT",
           "FLOAT", "DOUBLE", "DECIMAL", "BOOLEAN"}


def _literal(path: Path) -> str:
    """A file path as a SQL string literal (the store's own paths, never user input)."""
    return "'" + str(path).replace("'", "''") + "'"


def _view_sql(name: str, files: list[Path], *, live_only: bool = False) -> str:
    """A view of one store table with the typed columns of COLUMNS (empty when the table has no file); with
    `live_only`, only the rows the store's placement names live (a part can hold an article's replaced rows)."""
    cols = COLUMNS[name]
    select = ", ".join(f'CAST("{c}" AS {t}) AS "{c}"' for c, t in cols.items())
    if not files:
        nulls = ", ".join(f'CAST(NULL AS {t}) AS "{c}"' for c, t in cols.items())
        return (f"CREATE VIEW {name} AS SELECT {nulls}, CAST(NULL AS VARCHAR) AS _file, CAST(NULL AS INTEGER) AS _f, "
                "CAST(NULL AS BIGINT) AS _row WHERE false")
    listed = "[" + ", ".join(_literal(f) for f in files) + "]"
    # _f, _row: the file's place in the store's list, the row's in the file ("first seen" means as in the store)
    source = f"read_parquet({listed}, union_by_name = true, filename = '_file', file_row_number = true)"
    if live_only:
        source += (" s SEMI JOIN live_parts l ON l.doc = s.doc "
                   "AND l.part = regexp_extract(s._file, 'part-(.+)\\.parquet$', 1)")
    return (f"CREATE VIEW {name} AS SELECT {select}, _file, CAST(list_position({listed}, _file) - 1 AS INTEGER) AS _f, "
            f"file_row_number AS _row FROM {source}")


def _const(value: str) -> str:
    """A constant of this module as a SQL string literal (for view definitions, which take no parameters)."""
    return "'" + value.replace("'", "''") + "'"


# The quotes as the pages see them: person merged, calendar interval of the date; `i` numbers them in article
# order (QUOTE_ORDER).
QUOTE_BASE_SQL = f"""
    SELECT q.quote_id, q.doc, coalesce(p.person, {_const(UNATTRIBUTED)}) AS person, q.kind, q.date, iv.date_start,
           iv.date_end, q.start, q."end", q.cue, q.speaker, q.text
    FROM quotes q
    LEFT JOIN persons p ON p.doc = q.doc AND p.speaker_id = q.speaker_id
    LEFT JOIN date_iv iv ON iv.value = q.date"""
QUOTE_ORDER = "doc, start, quote_id"

# The events as the pages filter and list them, `o` numbering them in date order (EVENT_ORDER): everything but
# the sentence (the bulk of the table), which is read from the files for the few events drawn or opened.
EVENT_BASE_SQL = """
    SELECT event_id, doc, start, "end", date, date_start, date_end, granularity, how, summary, actors, kind, _f, _row
    FROM events"""
EVENT_ORDER = "date_start NULLS LAST, _f, _row"

# name: (base query, ordinal, its order, source table, columns of a few distinct words)
ROWS = {"quote_rows": (QUOTE_BASE_SQL, "i", QUOTE_ORDER, "quotes", ("kind",)),
        "event_rows": (EVENT_BASE_SQL, "o", EVENT_ORDER, "events", ("granularity", "how", "kind"))}


class Corpus:
    """One store version opened for querying: DuckDB views over its files and the derived relations.

    `quote_rows` and `event_rows` (ROWS) start as views over the Parquet files; a
    background thread copies them into DuckDB's memory (a few hundred bytes a quote or event) and then points
    the views at the copies, so the first page is not held up and later queries scan memory on every core
    instead of decompressing the files each time. Either way the rows are the same.
    """

    def __init__(self, root: str | Path, version: str, aliases: dict[str, str] | None = None, *,
                 memory_mb: int = 512, threads: int = 0, warm: bool = True,
                 snapshot: store.Snapshot | None = None) -> None:
        """Open `snapshot` (the store's current version when None): give the `version` it is, read beside it, so
        that a commit between reading the version and opening the files cannot pair one version with another's."""
        self.root, self.version = str(root), version
        self.aliases = dict(aliases or {})
        spill = tempfile.mkdtemp(prefix="whosaid-duckdb-")
        weakref.finalize(self, shutil.rmtree, spill, True)
        self._con = duckdb.connect(config={"memory_limit": f"{memory_mb}MB", "temp_directory": spill,
                                           **({"threads": threads} if threads else {})})
        self._lock = threading.RLock()
        self._made: set[str] = set()
        self._memo: dict[str, Any] = {}
        self._recent: OrderedDict[Hashable, Any] = OrderedDict()
        snap = snapshot if snapshot is not None else store.snapshot(root)
        self.files = {name: snap.files(name) for name in COLUMNS}
        if not snap.clean:  # replaced articles' old rows are still in their parts until a compaction
            self._table("live_parts", pd.DataFrame(list(snap.placement.items()), columns=["doc", "part"]),
                        {"doc": "VARCHAR", "part": "VARCHAR"})
        for name, files in self.files.items():
            self._con.execute(_view_sql(name, files, live_only=not snap.clean))
        self.counts = {name: self.value(f"SELECT count(*) FROM {name}") for name in COLUMNS}  # reads every file
        self._con.execute("""CREATE TABLE titles AS SELECT doc,
            CASE WHEN regexp_matches(coalesce(title, ''), '\\S') THEN title ELSE doc END AS title FROM articles""")
        self._persons()
        self._derived()
        for name, (sql, ordinal, order, _, _) in ROWS.items():
            self._con.execute(f"CREATE VIEW {name} AS SELECT row_number() OVER (ORDER BY {order}) AS {ordinal}, * "
                              f"FROM ({sql})")
        self._warm_con: duckdb.DuckDBPyConnection | None = None
        self.warming = threading.Thread(target=self._warm, name=f"whosaid-warm-{version}", daemon=True)
        _OPEN.add(self)
        if warm:
            self.warming.start()

    # -- running queries ---------------------------------------------------------------------------------

    def df(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """The rows of a query as a DataFrame: numbers as numbers, everything else (text, lists, dates) as
        Python objects with None for a missing value, as the pages expect."""
        cur = self._con.cursor().execute(sql, list(params))
        names = [d[0] for d in cur.description]
        numeric = [str(d[1]).split("(")[0] in NUMERIC for d in cur.description]
        columns = list(zip(*cur.fetchall())) or [()] * len(names)
        return pd.DataFrame({n: pd.Series(list(c), dtype=None if num else object)
                             for n, num, c in zip(names, numeric, columns)}, columns=names)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """The rows of a query as tuples."""
        return self._con.cursor().execute(sql, list(params)).fetchall()

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row (None when there is no row)."""
        row = self._con.cursor().execute(sql, list(params)).fetchone()
        return row[0] if row else None

    def column(self, sql: str, params: Sequence[Any] = ()) -> list:
        """The first column of every row."""
        return [r[0] for r in self.rows(sql, params)]

    # -- derived relations -------------------------------------------------------------------------------

    def _table(self, name: str, frame: pd.DataFrame, types: dict[str, str]) -> None:
        """A DuckDB table copied from a (small) DataFrame, with typed columns."""
        self._con.register(f"{name}_frame", frame.astype(object))
        cols = ", ".join(f'CAST("{c}" AS {t}) AS "{c}"' for c, t in types.items())
        self._con.execute(f"CREATE TABLE {name} AS SELECT {cols} FROM {name}_frame")
        self._con.unregister(f"{name}_frame")

    def _merges(self) -> pd.DataFrame:
        """Every article speaker's corpus person and why (build_persons' merges table), as the build stored it."""
        stored = load_corpus(self.root, corpus_key(self.version, self.aliases))
        if "merges" in stored:
            return stored["merges"]
        speakers = self.df("SELECT doc, speaker_id, name, kind, roles FROM speakers")
        quotes = self.df("SELECT doc, quote_id, speaker_id, speaker_spans FROM quotes")
        return build_persons(speakers, quotes, aliases=self.aliases)[2]

    def _persons(self) -> None:
        """`persons` (one row per article speaker: its person and how it was merged), `person_roles` and `names`
        (every normalised name and person name -> the person, the merges table's first person winning)."""
        merges = self._merges()
        people = merges[merges["type"] != UNRESOLVED]
        cols = ["doc", "speaker_id", "person", "name", "kind", "how"]
        self._table("persons", people[cols], dict.fromkeys(cols, "VARCHAR"))
        self._con.execute("""
            CREATE TABLE person_roles AS
            SELECT p.person, s.roles, s._f, s._row FROM speakers s
            JOIN persons p ON p.doc = s.doc AND p.speaker_id = s.speaker_id WHERE len(s.roles) > 0""")
        names: dict[str, str] = {}
        for name, person in zip(people["name"], people["person"]):
            names.setdefault(name_key(name), person)
            names.setdefault(name_key(person), person)
        self._table("names", pd.DataFrame(list(names.items()), columns=["norm", "person"]),
                    {"norm": "VARCHAR", "person": "VARCHAR"})

    def _derived(self) -> None:
        """`date_iv`: the days each quote date value covers; `weights`: quotes per person."""
        values = self.column("SELECT DISTINCT date FROM quotes WHERE date IS NOT NULL")
        ivs = [(v, *(d.isoformat() for d in iv[:2])) for v in values if (iv := value_interval(v))]
        self._table("date_iv", pd.DataFrame(ivs, columns=["value", "date_start", "date_end"]),
                    {"value": "VARCHAR", "date_start": "VARCHAR", "date_end": "VARCHAR"})
        self._con.execute("""
            CREATE TABLE weights AS
            SELECT p.person, count(*) AS quotes FROM quotes q
            JOIN persons p ON p.doc = q.doc AND p.speaker_id = q.speaker_id
            GROUP BY p.person""")

    def _warm(self) -> None:
        """Copy `quote_rows` and `event_rows` into memory, each time pointing the view at the copy."""
        try:
            con = self._warm_con = self._con.cursor()
            for name, (sql, ordinal, order, source, small) in ROWS.items():
                for column in small:  # a few distinct words: stored as small numbers, read back as the words
                    con.execute(f"""CREATE TYPE {name}_{column} AS ENUM (SELECT DISTINCT "{column}" FROM {source}
                                    WHERE "{column}" IS NOT NULL ORDER BY 1)""")
                casts = ", ".join(f'CAST("{c}" AS {name}_{c}) AS "{c}"' for c in small)
                # stored in order, so the ordinal is the row's place
                con.execute(f"CREATE TABLE {name}_mem AS SELECT * REPLACE ({casts}) FROM ({sql}) ORDER BY {order}")
                con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT rowid + 1 AS {ordinal}, * FROM {name}_mem")
                self._made.add(f"{name}_mem")
        except duckdb.Error:  # e.g. the connection was closed: the views over the files keep answering
            pass

    def ensure(self, relation: str) -> None:
        """Make a relation that only some pages need, once: `actor_map` (the person each event actor is) or
        `actor_docs` (the articles each person acts or speaks in)."""
        if relation in self._made:
            return
        with self._lock:
            if relation in self._made:
                return
            if relation == "actor_map":
                self._actor_map()
            elif relation == "actor_docs":
                self.ensure("actor_map")
                self._con.execute("""
                    CREATE TABLE actor_docs AS
                    SELECT DISTINCT m.person, a.doc FROM (SELECT doc, unnest(actors) AS actor FROM event_rows) a
                    JOIN actor_map m ON m.actor = a.actor""")
            else:
                raise ValueError(f"unknown relation {relation!r}")
            self._made.add(relation)

    def _actor_map(self) -> None:
        """The person each distinct event actor is: its normalised name's person, else the actor as written."""
        actors = self.column("SELECT DISTINCT a FROM (SELECT unnest(actors) AS a FROM event_rows) WHERE a IS NOT NULL")
        names = dict(self.rows("SELECT norm, person FROM names"))
        frame = pd.DataFrame({"actor": actors, "person": [names.get(name_key(a), a) for a in actors]})
        self._table("actor_map", frame, {"actor": "VARCHAR", "person": "VARCHAR"})

    def memo(self, key: str, make: Callable[[], Any]) -> Any:
        """`make()`, computed once for this store version (corpus-wide counts that several answers share)."""
        if key not in self._memo:
            with self._lock:
                if key not in self._memo:
                    self._memo[key] = make()
        return self._memo[key]

    def recent(self, key: Hashable, make: Callable[[], Any], keep: int = 64) -> Any:
        """`make()`, remembered for the `keep` keys asked most recently (an answer several queries of one
        page share, such as the events of the chosen actors)."""
        with self._lock:
            if key in self._recent:
                self._recent.move_to_end(key)
                return self._recent[key]
        value = make()
        with self._lock:
            self._recent[key] = value
            while len(self._recent) > keep:
                self._recent.popitem(last=False)
        return value

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the background copies of the quotes and events (benchmarks and tests); whether done."""
        if self.warming.is_alive():
            self.warming.join(timeout)
        return {"quote_rows_mem", "event_rows_mem"} <= self._made

    def close(self) -> None:
        """Release the database."""
        self.wait()
        self._con.close()

    def stop(self) -> None:
        """Interrupt the background copy and wait for it (at exit: a thread left inside DuckDB aborts the process)."""
        if self.warming.is_alive():
            with contextlib.suppress(Exception):
                self._warm_con.interrupt()
            self.warming.join(timeout=10)


_OPEN: weakref.WeakSet[Corpus] = weakref.WeakSet()


@atexit.register
def _stop_warming() -> None:
    """Stop every database's background copy before the interpreter tears its threads down."""
    for db in list(_OPEN):
        db.stop()
