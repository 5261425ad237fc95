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
