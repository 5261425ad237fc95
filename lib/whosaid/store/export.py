"""`whosaid export`: the store's quotes, persons, events and stories as flat tables for pandas or R."""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from whosaid.store.corpus import refresh_corpus

EXPORTS = ("quotes", "persons", "events", "stories")
FORMATS = ("csv", "jsonl", "parquet")
QUOTE_EXPORT = ["doc", "quote_id", "speaker", "person", "person_id", "person_type", "kind", "cue", "cue_class",
                "date", "text", "outlet", "title"]
PERSON_EXPORT = ["person_id", "name", "type", "n_quotes", "n_articles", "variants", "roles"]
EVENT_EXPORT = ["doc", "event_id", "date", "date_start", "date_end", "granularity", "how", "kind", "summary",
                "sentence", "actors", "story_id"]
STORY_EXPORT = ["story_id", "date", "date_start", "date_end", "granularity", "kind", "summary", "actors",
                "n_articles", "first_doc", "first_date", "articles"]


def _plain(value: object) -> object:
    """A Parquet value as plain Python (arrays to lists, structs to dicts) for JSON."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, float) and value != value:
        return None
    return value


def export_frame(tables: dict[str, pd.DataFrame], corpus: dict[str, pd.DataFrame], what: str) -> pd.DataFrame:
    """One export table from the store's tables and its corpus tables."""
    articles = tables["articles"].set_index("doc")
    if what == "quotes":
        q = tables["quotes"].merge(corpus["quote_persons"][["doc", "quote_id", "person_id"]], how="left",
                                   on=["doc", "quote_id"])
        persons = corpus["persons"].set_index("person_id")
        q["person"] = q["person_id"].map(persons["name"])
        q["person_type"] = q["person_id"].map(persons["type"])
        q["outlet"] = q["doc"].map(articles["outlet"])
        q["title"] = q["doc"].map(articles["title"])
        return q.reindex(columns=QUOTE_EXPORT)
    if what == "persons":
        return corpus["persons"].reindex(columns=PERSON_EXPORT)
    if what == "events":
        ev = tables["events"].merge(corpus["story_members"], how="left", on="event_id")
        return ev.reindex(columns=EVENT_EXPORT)
    if what == "stories":
        return corpus["stories"].rename(columns={"docs": "articles"}).reindex(columns=STORY_EXPORT)
    raise ValueError(f"nothing to export called {what!r}; choose one of {', '.join(EXPORTS)}")


def write_frame(df: pd.DataFrame, fmt: str, out: BinaryIO) -> None:
    """Write a table as CSV (lists and records as JSON text), JSON lines or Parquet."""
    if fmt == "parquet":
        buf = io.BytesIO()
        df.to_parquet(buf, index=False)
        out.write(buf.getvalue())
        return
    records = [{k: _plain(v) for k, v in row.items()} for row in df.to_dict(orient="records")]
    if fmt == "jsonl":
        for r in records:
            out.write((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8"))
        return
    if fmt == "csv":
        flat = pd.DataFrame([{k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                              for k, v in r.items()} for r in records], columns=df.columns)
        out.write(flat.to_csv(index=False).encode("utf-8"))
        return
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def export(root: str | Path, what: str, fmt: str, out: BinaryIO, *, aliases: dict[str, str] | None = None) -> int:
    """Write one export of the store at `root` to `out`; returns the number of rows."""
    from whosaid.store import load_tables

    corpus = refresh_corpus(root, aliases=aliases)
    df = export_frame(load_tables(root), corpus, what)
    write_frame(df, fmt, out)
    return len(df)
