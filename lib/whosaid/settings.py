"""Named settings, resolved one way everywhere: the command-line flag, then the environment, then a default
relative to a base folder (the current folder for the command line, the dashboard's folder for the app).

Nothing resolves to a place inside the installed package, so a plain `pip install .` never writes into
site-packages.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    """A folder or file whosaid reads or writes, with its environment variable and default."""

    name: str
    env: str
    default: str
    help: str


STORE = Setting("store", "WHOSAID_STORE", "data/processed",
                "the store folder: Parquet tables and their manifest, written by `whosaid build`")
ARTICLES = Setting("articles", "WHOSAID_ARTICLES", "data/articles",
                   "where articles added in the dashboard are saved")
ALIASES = Setting("aliases", "WHOSAID_ALIASES", "data/aliases.tsv",
                  "the aliases file (alias, tab, canonical name) that overrides how names are merged")
SETTINGS = (STORE, ARTICLES, ALIASES)


def resolve(setting: Setting, flag: str | os.PathLike | None = None, *, base: str | os.PathLike | None = None) -> Path:
    """The setting's path: `flag` if given, else its environment variable, else its default under `base` (or cwd)."""
    if flag:
        return Path(flag)
    if os.environ.get(setting.env):
        return Path(os.environ[setting.env])
    return Path(base if base is not None else Path.cwd()) / setting.default


# Tuning of builds and of the store (defaults of `whosaid build` and `whosaid compact`).
BATCH_SIZE = 32  # articles per batch of a build: one worker task, one nlp.pipe run, one part of the store
COMMIT_SECONDS = 10.0  # a build commits the batches it finished at least this often
GRACE_SECONDS = 600.0  # files a newer store version stopped naming are kept this long for readers of older ones


@dataclass(frozen=True)
class Number:
    """A number the dashboard uses (a page size, a limit), with its environment variable and default."""

    name: str
    env: str
    default: int
    help: str

    def value(self) -> int:
        """The environment's value when it is a positive whole number, else the default."""
        raw = os.environ.get(self.env, "").strip()
        return int(raw) if raw.isdigit() and int(raw) > 0 else self.default


PAGE_SIZE = Number("page_size", "WHOSAID_PAGE_SIZE", 100,
                   "rows per page of the quote table and of the overview's article list (the page number is the "
                   "URL parameter `page`)")
CHART_SPEAKERS = Number("chart_speakers", "WHOSAID_CHART_SPEAKERS", 25,
                        "speakers drawn in the who-said-what chart; everyone is in the Speaker box")
SPEAKER_QUOTES = Number("speaker_quotes", "WHOSAID_SPEAKER_QUOTES", 60,
                        "quotes listed for one speaker on the Speaker and Who-said-what pages; the quote table has "
                        "them all")
TABLE_ROWS = Number("table_rows", "WHOSAID_TABLE_ROWS", 100,
                    "rows shown in the timeline's event tables and event box, the quotes near an event, the "
                    "speakers' roles table and the merges table")
TIMELINE_MARKS = Number("timeline_marks", "WHOSAID_TIMELINE_MARKS", 400,
                        "dated events the timeline draws one by one; past this many a corpus's timeline draws its "
                        "stories one by one, and past this many stories counts them per day or week (one article's "
                        "timeline counts its events)")
OPTION_LIMIT = Number("option_limit", "WHOSAID_OPTION_LIMIT", 500,
                      "names or articles listed in a filter box (the most quoted first); any other can be typed or "
                      "come in a link")
TEXT_QUOTES = Number("text_quotes", "WHOSAID_TEXT_QUOTES", 20000,
                     "a speaker's quotes read for the people they mention and the words that set them apart")
OUTLET_PERSONS = Number("outlet_persons", "WHOSAID_OUTLET_PERSONS", 15,
                        "persons drawn in the who-said-what heat map of whom each outlet quotes (shown when the "
                        "store holds two outlets or more)")
ROLES_SHOWN = Number("roles_shown", "WHOSAID_ROLES_SHOWN", 6,
                     "roles written beside a speaker's name, those the most articles give first; the speaker page "
                     "lists them all with their articles")
MEMORY_MB = Number("memory_mb", "WHOSAID_MEMORY_MB", 512,
                   "memory in megabytes DuckDB may use for the dashboard (its copies of the quotes and events "
                   "included); past it, DuckDB spills to a temporary folder")
READ_ONLY_ENV = "WHOSAID_READ_ONLY"  # 1/true/yes: the dashboard only reads (no Add articles, no removal)


def read_only() -> bool:
    """Whether the dashboard is shared read-only ($WHOSAID_READ_ONLY is 1, true or yes): it offers no way to
    add or remove articles, and the library refuses to."""
    return os.environ.get(READ_ONLY_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


NUMBERS = (PAGE_SIZE, CHART_SPEAKERS, SPEAKER_QUOTES, TABLE_ROWS, TIMELINE_MARKS, OPTION_LIMIT, TEXT_QUOTES,
           OUTLET_PERSONS, ROLES_SHOWN, MEMORY_MB)
