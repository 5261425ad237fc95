"""The dashboard's state: where its store, articles and aliases are, the store opened for querying, and the
caches.

The store is opened once per store version and aliases-file signature (`st.cache_resource`): a DuckDB
database over its Parquet files (`whosaid.dashboard.db.Corpus`). Answers to the pages' queries are cached per
version and arguments (`st.cache_data`), so adding or removing an article (which changes the store version)
refreshes every page at once; the spaCy model is loaded once per process.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from whosaid.corpus.persons import UNATTRIBUTED, read_aliases
from whosaid.dashboard import queries
from whosaid.dashboard.colors import PALETTE, color_map
from whosaid.dashboard.db import Corpus
from whosaid.settings import ALIASES, ARTICLES, MEMORY_MB, OPTION_LIMIT, STORE, resolve
from whosaid.store import Snapshot, StoreError, snapshot

if TYPE_CHECKING:
    from spacy.language import Language


def app_dir() -> Path:
    """The folder of the app's main script (dashboard.py): the base of every default path."""
    ctx = get_script_run_ctx()
    main = getattr(ctx, "main_script_path", None) if ctx is not None else None
    return Path(main).resolve().parent if main else Path.cwd()


def store_root() -> Path:
    """The store the dashboard reads: $WHOSAID_STORE, else data/processed beside dashboard.py."""
    return resolve(STORE, base=app_dir())


def articles_dir() -> Path:
    """Where uploaded articles are saved: $WHOSAID_ARTICLES, else data/articles beside dashboard.py."""
    return resolve(ARTICLES, base=app_dir())


def current_aliases() -> dict[str, str]:
    """The aliases file's merges as they are now (alias key -> canonical name)."""
    return read_aliases(aliases_path())


def aliases_path() -> Path:
    """The aliases file: $WHOSAID_ALIASES, else data/aliases.tsv beside dashboard.py."""
    return resolve(ALIASES, base=app_dir())


@st.cache_data(show_spinner=False, max_entries=1024)
def _ask(key: str, name: str, args: tuple, _db: Corpus) -> Any:
    """queries.<name>(db, *args), cached per store version (`key`) and arguments."""
    return getattr(queries, name)(_db, *args)


@dataclass
class Data:
    """The store opened for the pages: `ask` answers their queries (cached); a few facts every page uses."""

    version: str
    root: str
    db: Corpus | None = None
    key: str = ""  # store, version and aliases signature: what the caches are keyed on
    error: str | None = None
    persons: list[str] = field(default_factory=list)  # the most quoted first, at most OPTION_LIMIT
    colors: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """Whether the store holds no article."""
        return self.db is None or self.db.counts["articles"] == 0

    @property
    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return self.db.counts if self.db else {}

    def ask(self, query: Callable[..., Any], *args: Any) -> Any:
        """The answer of a `queries` function for this store version (cached per version and arguments)."""
        if getattr(queries, query.__name__, None) is not query:
            raise ValueError(f"{query.__name__} is not a query of whosaid.dashboard.queries")
        return _ask(self.key, query.__name__, args, self.db)

    @property
    def capped(self) -> bool:
        """Whether the speaker boxes list only the most quoted persons (more are quoted than OPTION_LIMIT)."""
        return len(self.persons) >= OPTION_LIMIT.value()

    def is_person(self, name: object) -> bool:
        """Whether `name` is a quoted, attributed person."""
        if not isinstance(name, str) or not name:
            return False
        return name in self.persons or (self.capped and bool(self.ask(queries.known, "person", (name,))))

    def has_unattributed(self) -> bool:
        """Whether some quote has no identified speaker."""
        return self.ask(queries.unattributed_count) > 0


def _signature(path: Path) -> str:
    try:
        st_ = path.stat()
        return f"{st_.st_mtime_ns}:{st_.st_size}"
    except OSError:
        return ""


@st.cache_resource(show_spinner="Opening the store …", max_entries=2)
def _open(root: str, version: str, aliases_file: str, aliases_sig: str, _snap: Snapshot) -> Corpus:
    return Corpus(root, version, read_aliases(aliases_file), memory_mb=MEMORY_MB.value(), snapshot=_snap)


def load_data() -> Data:
    """The current store, opened for querying (cached until the store or the aliases file changes)."""
    root = store_root()
    try:
        snap = snapshot(root)  # read once: the version and the files it names go together
        version = snap.version
        aliases, sig = str(aliases_path()), _signature(aliases_path())
        db = _open(str(root), version, aliases, sig, snap)
    except StoreError as exc:
        return Data(version="", root=str(root), error=str(exc))
    except duckdb.Error as exc:
        return Data(version="", root=str(root), error=f"a table is unreadable ({exc}); rebuild the store.")
    data = Data(version=version, root=str(root), db=db, key="|".join((str(root), version, aliases, sig)))
    data.persons = data.ask(queries.persons_by_weight, OPTION_LIMIT.value())
    data.colors = color_map(data.persons[:len(PALETTE)])  # past these, a name's colour is its hashed one
    return data


def speaker_options(data: Data) -> list[str]:
    """The persons a speaker filter lists, and "(unattributed)" last when some quote has no speaker."""
    return data.persons + ([UNATTRIBUTED] if data.has_unattributed() else [])


@st.cache_resource(show_spinner="Loading the English language model …")
def nlp() -> Language:
    """The spaCy pipeline, loaded once per server process (spaCy is imported only then: the pages that read
    the store never need it)."""
    from whosaid.nlp import load_nlp

    return load_nlp()
