"""The corpus-level tables computed from a whole store: persons (one person across articles), stories (one
happening reported by several articles) and quote paths (one quotation carried by several articles). A build step of their own, run after the articles are stored."""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from whosaid.corpus.paths import build_paths
from whosaid.corpus.persons import build_persons
from whosaid.corpus.stories import build_stories

CORPUS_TABLES = ("persons", "quote_persons", "merges", "stories", "story_members", "paths", "quote_paths")


def corpus_tables(tables: Mapping[str, pd.DataFrame], *, aliases: dict[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """Persons, each quote's person, the merges made and why, stories and their events, quote paths and their
    quotes, from a store's tables."""
    articles = tables["articles"]
    texts = articles[["doc", "text"]] if "text" in articles else None
    persons, quote_persons, merges = build_persons(tables["speakers"], tables["quotes"], articles=texts,
                                                   aliases=aliases)
    stories, members = build_stories(tables["events"], articles, speakers=tables["speakers"])
    paths, quote_paths = build_paths(tables["quotes"], articles, quote_persons=quote_persons)
    return {"persons": persons, "quote_persons": quote_persons, "merges": merges, "stories": stories,
            "story_members": members, "paths": paths, "quote_paths": quote_paths}
