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
- `weights` (person, quotes): quotes per person; `titles` (doc, title): each article's title as shown;
  `outlets` (doc, outlet): each article's outlet, for the articles that have one.
- `quote_paths` (quote_id, path_id, path_rank) and `paths` (path_id, n_articles, n_quotes, first_date, first_doc):
  the quotation each quote is a copy of and where it was carried first, from the corpus tables (computed here
  for a store built before them).
- `actor_map` (actor, person), `actor_docs` (person, doc): the person each distinct event actor is, and the
  articles each person acts in (made on first use).
- `stories` (story_id, date, date_start, date_end, granularity, summary, sentence, actors, lead, n_articles,
  n_events, first_doc, first_date), `story_members` (event_id, story_id): the stories `whosaid build` stored (computed here
  for a store without them), each with its leading actor, the most quoted person among its actors (made on first
  use).
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
import pyarrow as pa
import pyarrow.parquet as pq

from whosaid import store
from whosaid.corpus.nametypes import UNRESOLVED
from whosaid.corpus.paths import PATH_COLUMNS, QUOTE_PATH_COLUMNS, build_paths
from whosaid.corpus.persons import UNATTRIBUTED, build_persons
from whosaid.corpus.stories import actor_key, build_stories, subject_key
from whosaid.model import CUE_CLASSES
from whosaid.names import name_key
from whosaid.store.corpus import corpus_key, load_corpus
from whosaid.temporal.timeml import value_interval

# The columns the dashboard reads, with their SQL types (a cast is free on the right type, and gives an empty
# or all-null file the type the queries expect). Article text is read one article at a time.
COLUMNS: dict[str, dict[str, str]] = {
    "articles": {"doc": "VARCHAR", "title": "VARCHAR", "date": "VARCHAR", "date_source": "VARCHAR",
                 "date_confidence": "DOUBLE", "url": "VARCHAR", "path": "VARCHAR", "outlet": "VARCHAR",
                 "text": "VARCHAR", "n_quotes": "BIGINT", "n_events": "BIGINT"},
    "quotes": {"doc": "VARCHAR", "quote_id": "VARCHAR", "speaker": "VARCHAR", "speaker_id": "VARCHAR",
               "kind": "VARCHAR", "cue": "VARCHAR", "cue_class": "VARCHAR", "text": "VARCHAR", "date": "VARCHAR",
               "start": "BIGINT",
               "end": "BIGINT", "content_spans": "BIGINT[][]", "speaker_spans": "BIGINT[][]",
               "cue_spans": "BIGINT[][]"},
    "speakers": {"doc": "VARCHAR", "speaker_id": "VARCHAR", "name": "VARCHAR", "kind": "VARCHAR",
                 "roles": "VARCHAR[]"},
    "events": {"doc": "VARCHAR", "event_id": "VARCHAR", "start": "BIGINT", "end": "BIGINT", "sentence": "VARCHAR",
               "summary": "VARCHAR", "date": "VARCHAR", "date_start": "VARCHAR", "date_end": "VARCHAR",
               "granularity": "VARCHAR", "how": "VARCHAR", "actors": "VARCHAR[]", "kind": "VARCHAR"},
}


PATHS_AT_OPEN = 5_000  # quotes of a store built before quote paths that opening it may group (a second or two)

NUMERIC = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT",
           "FLOAT", "DOUBLE", "DECIMAL", "BOOLEAN"}


def _literal(path: Path) -> str:
    """A file path as a SQL string literal (the store's own paths, never user input)."""
    return "'" + str(path).replace("'", "''") + "'"


def _view_sql(name: str, files: list[Path], *, live_only: bool = False, present: set[str] | None = None) -> str:
    """A view of one store table with the typed columns of COLUMNS (empty when the table has no file); with
    `live_only`, only the rows the store's placement names live (a part can hold an article's replaced rows).
    A column in no file (`present` names those the files hold; a part written by an older whosaid lacks the
    columns added since) reads as NULL."""
    cols = COLUMNS[name]
    select = ", ".join(f'CAST({_col(c, present)} AS {t}) AS "{c}"' for c, t in cols.items())
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


def _col(column: str, present: set[str] | None) -> str:
    """A column reference, or NULL for a column none of the files holds."""
    return f'"{column}"' if present is None or column in present else "NULL"


def _file_columns(files: list[Path]) -> set[str]:
    """The columns any of these Parquet files holds (read from their footers; a file that cannot be read adds
    none, and DuckDB says what is wrong with it when the view reads it)."""
    found: set[str] = set()
    for f in files:
        with contextlib.suppress(OSError, pa.ArrowException):
            found.update(pq.read_schema(f).names)
    return found


def _const(value: str) -> str:
    """A constant of this module as a SQL string literal (for view definitions, which take no parameters)."""
    return "'" + value.replace("'", "''") + "'"


# The quotes as the pages see them: person merged, calendar interval of the date; `i` numbers them in article
# order (QUOTE_ORDER).
# A quote from a part written before cue classes were stored counts as speech (the class Quote defaults to).
QUOTE_BASE_SQL = f"""
    SELECT q.quote_id, q.doc, coalesce(p.person, {_const(UNATTRIBUTED)}) AS person, q.kind, q.date, iv.date_start,
           iv.date_end, q.start, q."end", q.cue, q.speaker, q.text, o.outlet,
           coalesce(q.cue_class, {_const(CUE_CLASSES[0])}) AS cue_class,
           coalesce(p.type, {_const(UNRESOLVED)}) AS person_type, coalesce(qp.path_id, q.quote_id) AS path_id,
           coalesce(qp.path_rank, 0) AS path_rank
    FROM quotes q
    LEFT JOIN persons p ON p.doc = q.doc AND p.speaker_id = q.speaker_id
    LEFT JOIN outlets o ON o.doc = q.doc
    LEFT JOIN date_iv iv ON iv.value = q.date
    LEFT JOIN quote_paths qp ON qp.quote_id = q.quote_id"""
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
        self.paths_grouped = True  # False: a store built before quote paths, too large to group when opened
        self._memo: dict[str, Any] = {}
        self._recent: OrderedDict[Hashable, Any] = OrderedDict()
        snap = snapshot if snapshot is not None else store.snapshot(root)
        self.files = {name: snap.files(name) for name in COLUMNS}
        if not snap.clean:  # replaced articles' old rows are still in their parts until a compaction
            self._table("live_parts", pd.DataFrame(list(snap.placement.items()), columns=["doc", "part"]),
                        {"doc": "VARCHAR", "part": "VARCHAR"})
        for name, files in self.files.items():
            self._con.execute(_view_sql(name, files, live_only=not snap.clean, present=_file_columns(files)))
        self.counts = {name: self.value(f"SELECT count(*) FROM {name}") for name in COLUMNS}  # reads every file
        self._con.execute("""CREATE TABLE titles AS SELECT doc,
            CASE WHEN regexp_matches(coalesce(title, ''), '\\S') THEN title ELSE doc END AS title FROM articles""")
        self._con.execute("""CREATE TABLE outlets AS SELECT doc, trim(outlet) AS outlet FROM articles
                             WHERE regexp_matches(coalesce(outlet, ''), '\\S')""")
        self._persons()
        self._derived()
        self._paths()
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

    def _stored(self) -> dict[str, pd.DataFrame]:
        """The corpus tables the build stored for this version and aliases file (read once)."""
        if "_stored" not in self._memo:
            self._memo["_stored"] = load_corpus(self.root, corpus_key(self.version, self.aliases))
        return self._memo["_stored"]

    def _merges(self) -> pd.DataFrame:
        """Every article speaker's corpus person and why (build_persons' merges table), as the build stored it."""
        stored = self._stored()
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
        cols = ["doc", "speaker_id", "person", "name", "kind", "how", "type"]
        self._table("persons", people[cols], dict.fromkeys(cols, "VARCHAR"))
        self._con.execute("""
            CREATE TABLE person_roles AS
            SELECT p.person, s.doc, s.roles, s._f, s._row FROM speakers s
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

    def _paths(self) -> None:
        """`quote_paths` and `paths`: the stored quote paths; for a store built before them, computed here when it
        holds at most PATHS_AT_OPEN quotes (each person told apart by name), else none (every quote a quotation of
        its own; `paths_grouped` is then False and the page says to build again)."""
        stored = self._stored()
        paths, members = stored.get("paths"), stored.get("quote_paths")
        if paths is None or members is None:
            paths, members = pd.DataFrame(columns=PATH_COLUMNS), pd.DataFrame(columns=QUOTE_PATH_COLUMNS)
            if self.counts["quotes"] <= PATHS_AT_OPEN:
                quotes = self.df("SELECT doc, quote_id, kind, text, start FROM quotes")
                who = self.df("SELECT q.quote_id, p.person AS person_id FROM quotes q JOIN persons p "
                              "ON p.doc = q.doc AND p.speaker_id = q.speaker_id")
                paths, members = build_paths(quotes, self.df("SELECT doc, date FROM articles"), quote_persons=who)
            else:
                self.paths_grouped = False
        self._table("quote_paths", members.rename(columns={"rank": "path_rank"})[["quote_id", "path_id", "path_rank"]],
                    {"quote_id": "VARCHAR", "path_id": "VARCHAR", "path_rank": "BIGINT"})
        cols = {"path_id": "VARCHAR", "n_articles": "BIGINT", "n_quotes": "BIGINT", "first_date": "VARCHAR",
                "first_doc": "VARCHAR"}
        self._table("paths", paths[list(cols)], cols)

    def _warm(self) -> None:
        """Copy `quote_rows` and `event_rows` into memory, each time pointing the view at the copy; then make the
        stories of a corpus."""
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
            return
        if self.counts["articles"] > 1:  # a corpus's timeline draws stories: have them ready
            with contextlib.suppress(Exception):  # should it fail, the page asking for them makes them, and says why
                self.ensure("stories")

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
            elif relation == "stories":
                self.ensure("actor_map")
                self._stories()
            elif relation == "actor_docs":
                self.ensure("actor_map")
                self._con.execute("""
                    CREATE TABLE actor_docs AS
                    SELECT DISTINCT m.person, a.doc FROM (SELECT doc, unnest(actors) AS actor FROM event_rows) a
                    JOIN actor_map m ON m.actor = a.actor""")
            else:
                raise ValueError(f"unknown relation {relation!r}")
            self._made.add(relation)

    def _story_tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(stories, story_members) as the build stored them (stories do not depend on the aliases file, so the
        folder without aliases serves too), else computed from the store's events."""
        for stored in (self._stored(), load_corpus(self.root, corpus_key(self.version))):
            if {"stories", "story_members"} <= set(stored):
                return stored["stories"], stored["story_members"]
        return build_stories(self.df("SELECT * EXCLUDE (_file, _f, _row) FROM events"),
                             self.df("SELECT doc, date FROM articles"),
                             speakers=self.df("SELECT doc, speaker_id, name, kind, roles FROM speakers"))

    def _stories(self) -> None:
        """`stories` (one row a story, with its leading actor, `_lead`) and `story_members` (event_id, story_id)."""
        stories, members = self._story_tables()
        cols = {"story_id": "VARCHAR", "date": "VARCHAR", "date_start": "VARCHAR", "date_end": "VARCHAR",
                "granularity": "VARCHAR", "summary": "VARCHAR", "sentence": "VARCHAR", "actors": "VARCHAR[]",
                "n_articles": "BIGINT",
                "n_events": "BIGINT", "first_doc": "VARCHAR", "first_date": "VARCHAR"}
        frame = stories.reindex(columns=list(cols)).copy()
        frame["actors"] = [[a for a in acts if isinstance(a, str)] if acts is not None and not
                           isinstance(acts, float) else [] for acts in frame["actors"]]
        self._table("story_base", frame, cols)
        self._table("story_members", members.reindex(columns=["event_id", "story_id"]),
                    {"event_id": "VARCHAR", "story_id": "VARCHAR"})
        names = dict(self.rows("SELECT norm, person FROM names"))
        person_of = {a: names.get(name_key(a), a) for a in {a for acts in frame["actors"] for a in acts}}
        weights = dict(self.rows("SELECT person, quotes FROM weights"))
        self._table("story_leads", pd.DataFrame({"story_id": frame["story_id"], "lead": [
            _lead(summary, actors, person_of, weights) for summary, actors in zip(frame["summary"], frame["actors"])]}),
            {"story_id": "VARCHAR", "lead": "VARCHAR"})
        self._con.execute("""
            CREATE TABLE stories AS SELECT s.*, l.lead FROM story_base s LEFT JOIN story_leads l USING (story_id)
            ORDER BY s.date_start NULLS LAST, s.story_id""")

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


def _lead(summary: object, actors: list[str], person_of: dict[str, str], weights: dict[str, int]) -> str | None:
    """A story's leading actor, as the person `person_of` makes of it: the actor its summary names as the doer
    ("Ted Cruz won …"), else the most quoted person among its actors, else its first actor."""
    persons = [person_of.get(a, a) for a in actors]
    doer = subject_key(str(summary or ""), actors)
    for actor, person in zip(actors, persons):
        if doer and actor_key(actor) == doer:
            return person
    quoted = [p for p in persons if p in weights]
    return max(quoted, key=lambda p: weights[p]) if quoted else (persons[0] if persons else None)


_OPEN: weakref.WeakSet[Corpus] = weakref.WeakSet()


@atexit.register
def _stop_warming() -> None:
    """Stop every database's background copy before the interpreter tears its threads down."""
    for db in list(_OPEN):
        db.stop()
