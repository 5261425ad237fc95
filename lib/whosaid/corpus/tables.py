"""The corpus-level tables computed from a whole store: persons (one person across articles) and stories (one
happening reported by several articles). A build step of their own, run after the articles are stored."""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from whosaid.corpus.persons import build_persons
from whosaid.corpus.stories import build_stories

CORPUS_TABLES = ("persons", "quote_persons", "merges", "stories", "story_members")


def corpus_tables(tables: Mapping[str, pd.DataFrame], *, aliases: dict[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """Persons, each quote's person, the merges made and why, stories and their events, from a store's tables."""
    articles = tables["articles"]
    texts = articles[["doc", "text"]] if "text" in articles else None
    persons, quote_persons, merges = build_persons(tables["speakers"], tables["quotes"], articles=texts,
                                                   aliases=aliases)
    stories, members = build_stories(tables["events"], articles, speakers=tables["speakers"])
    return {"persons": persons, "quote_persons": quote_persons, "merges": merges, "stories": stories,
            "story_members": members}
