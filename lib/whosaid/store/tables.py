"""What the store holds: the five tables (articles, quotes, speakers, timexes, events), their Parquet schemas,
and the rows one article's extraction contributes to each. Where the rows live on disk is `store.dataset`'s part.
"""
from __future__ import annotations

from dataclasses import asdict

import pandas as pd
import pyarrow as pa

from whosaid.model import Extraction

SCHEMA_VERSION = 2  # 1: one folder of five files per version; 2: append-only part files (store.dataset)

_STR, _INT, _FLOAT = pa.string(), pa.int64(), pa.float64()
_STRS, _SPANS = pa.list_(pa.string()), pa.list_(pa.list_(pa.int64()))


def _schema(**columns: pa.DataType) -> pa.Schema:
    return pa.schema(list(columns.items()))


# Every part file of a table has this schema, so a query engine can read them together. A column added later
# (articles.outlet and author, quotes.cue_class) is absent from parts an older whosaid wrote and reads as null there.
SCHEMAS: dict[str, pa.Schema] = {
    "articles": _schema(doc=_STR, title=_STR, date=_STR, date_source=_STR, date_confidence=_FLOAT, url=_STR,
                        path=_STR, outlet=_STR, author=_STR, fmt=_STR, text=_STR, content_hash=_STR, n_quotes=_INT,
                        n_events=_INT),
    "speakers": _schema(doc=_STR, speaker_id=_STR, name=_STR, kind=_STR, roles=_STRS, aliases=_STRS),
    "quotes": _schema(doc=_STR, quote_id=_STR, speaker=_STR, speaker_id=_STR, kind=_STR, cue=_STR, cue_class=_STR,
                      text=_STR, date=_STR, start=_INT, end=_INT, content_spans=_SPANS, speaker_spans=_SPANS,
                      cue_spans=_SPANS),
    "timexes": _schema(doc=_STR, start=_INT, end=_INT, text=_STR, type=_STR, value=_STR),
    "events": _schema(doc=_STR, event_id=_STR, start=_INT, end=_INT, sentence=_STR, summary=_STR, date=_STR,
                      date_start=_STR, date_end=_STR, granularity=_STR, how=_STR, actors=_STRS, kind=_STR),
}
TABLES: dict[str, list[str]] = {name: schema.names for name, schema in SCHEMAS.items()}
Tables = dict[str, pd.DataFrame]


class StoreError(RuntimeError):
    """The store on disk cannot be read or written; the message says what to do."""


def empty_tables() -> Tables:
    """A store with no articles (typed columns, as a stored table reads)."""
    return {name: schema.empty_table().to_pandas() for name, schema in SCHEMAS.items()}


def _spans(spans) -> list[list[int]]:
    return [[int(s), int(e)] for s, e in spans]


def extraction_rows(ex: Extraction, content_hash: str) -> dict[str, list[dict]]:
    """The rows one article contributes to each table."""
    # Imported here: the temporal package loads spaCy, which processes that only read or commit (a build's
    # main process, readers of the store) have no use for.
    from whosaid.temporal.timeml import value_interval

    a = ex.article
    doc = a.doc
    events = []
    for i, e in enumerate(sorted(ex.events, key=lambda e: (e.start, e.end))):
        iv = value_interval(e.date)
        events.append({
            "doc": doc, "event_id": f"{doc}#e{i}", "start": e.start, "end": e.end, "sentence": e.sentence,
            "summary": e.summary, "date": e.date, "date_start": iv[0].isoformat() if iv else None,
            "date_end": iv[1].isoformat() if iv else None, "granularity": iv[2] if iv else None,
            "how": e.how, "actors": list(e.actors), "kind": e.kind})
    quotes = []
    for i, q in enumerate(sorted(ex.quotes, key=lambda q: min(q.content_spans))):
        quotes.append({
            "doc": doc, "quote_id": f"{doc}#q{i}", "speaker": q.speaker, "speaker_id": q.speaker_id,
            "kind": q.kind, "cue": q.cue, "cue_class": q.cue_class, "text": q.text, "date": q.date or a.date,
            "start": min(s for s, _ in q.content_spans), "end": max(e for _, e in q.content_spans),
            "content_spans": _spans(q.content_spans), "speaker_spans": _spans(q.speaker_spans),
            "cue_spans": _spans(q.cue_spans)})
    return {
        "articles": [{**{k: v for k, v in asdict(a).items() if k in TABLES["articles"]},
                      "content_hash": content_hash, "n_quotes": len(quotes), "n_events": len(events)}],
        "speakers": [{"doc": doc, "speaker_id": s.id, "name": s.name, "kind": s.kind, "roles": list(s.roles),
                      "aliases": list(s.aliases)} for s in ex.speakers],
        "quotes": quotes,
        "timexes": [{"doc": doc, **asdict(t)} for t in ex.timexes],
        "events": events,
    }
