"""The dashboard's state: where its store, articles and aliases are, and cached loading of the store.

Tables are cached per store version and aliases-file signature, so adding or removing an article (which
changes the store version) refreshes every page at once; the spaCy model is loaded once per process.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st
from spacy.language import Language
from streamlit.runtime.scriptrunner import get_script_run_ctx

from whosaid.corpus.persons import apply_aliases, name_index, read_aliases
from whosaid.dashboard import queries
from whosaid.dashboard.colors import color_map
from whosaid.nlp import load_nlp
from whosaid.settings import ALIASES, ARTICLES, STORE, resolve
from whosaid.store import StoreError, empty_tables, load_tables, store_version


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


def aliases_path() -> Path:
    """The aliases file: $WHOSAID_ALIASES, else data/aliases.tsv beside dashboard.py."""
    return resolve(ALIASES, base=app_dir())


@dataclass
class Data:
    """Everything the pages read: the store's tables with persons merged, plus derived views."""

    version: str
    root: str
    tables: dict[str, pd.DataFrame]
    quotes: pd.DataFrame  # queries.quotes_view
    events: pd.DataFrame  # queries.events_view
    merges: pd.DataFrame
    names: dict[str, str]  # normalised surface name -> person
    colors: dict[str, str]
    persons: list[str]  # most quoted first
    error: str | None = None

    @property
    def empty(self) -> bool:
        """Whether the store holds no article."""
        return self.tables["articles"].empty


def _signature(path: Path) -> str:
    try:
        st_ = path.stat()
        return f"{st_.st_mtime_ns}:{st_.st_size}"
    except OSError:
        return ""


@st.cache_data(show_spinner="Loading the store …", max_entries=4)
def _load(root: str, version: str, aliases_file: str, aliases_sig: str) -> Data:
    tables = apply_aliases(load_tables(root), read_aliases(aliases_file))
    names = name_index(tables["merges"])
    quotes = queries.quotes_view(tables)
    persons = queries.persons_by_weight(quotes)
    return Data(version=version, root=root, tables=tables, quotes=quotes,
                events=queries.events_view(tables, names), merges=tables["merges"], names=names,
                colors=color_map(persons), persons=persons)


def load_data() -> Data:
    """The current store's data (cached until the store or the aliases file changes)."""
    root = store_root()
    try:
        version = store_version(root)
        return _load(str(root), version, str(aliases_path()), _signature(aliases_path()))
    except StoreError as exc:
        empty = apply_aliases(empty_tables())
        return Data(version="", root=str(root), tables=empty, quotes=queries.quotes_view(empty),
                    events=queries.events_view(empty), merges=empty["merges"], names={}, colors={}, persons=[],
                    error=str(exc))


@st.cache_resource(show_spinner="Loading the English language model …")
def nlp() -> Language:
    """The spaCy pipeline, loaded once per server process."""
    return load_nlp()
