"""Downloads of what is on screen: quotes as CSV/JSON, the timeline as CSV and TimelineJS JSON."""
from __future__ import annotations

import html
import json
import math

import numpy as np
import pandas as pd

from whosaid.dashboard.queries import EVENT_TABLE_COLUMNS, QUOTE_COLUMNS


def _clean(value: object) -> object:
    """JSON-safe value: NaN -> None, arrays -> lists."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def _records(df: pd.DataFrame, cols: list[str]) -> list[dict]:
    df = df.reindex(columns=cols)
    return [{c: _clean(v) for c, v in zip(cols, row)} for row in df.itertuples(index=False, name=None)]


def _flat(df: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    out = df.reindex(columns=cols).copy()
    for c in out.columns:
        out[c] = out[c].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple, np.ndarray)) else v)
    return out


def quotes_csv(q: pd.DataFrame) -> bytes:
    """The quotes as UTF-8 CSV (with BOM so spreadsheet programs read the encoding)."""
    return _flat(q, QUOTE_COLUMNS).to_csv(index=False).encode("utf-8-sig")


def quotes_json(q: pd.DataFrame) -> bytes:
    """The quotes as a JSON array of objects."""
    return json.dumps(_records(q, QUOTE_COLUMNS), ensure_ascii=False, indent=1).encode("utf-8")


def events_csv(ev: pd.DataFrame) -> bytes:
    """The timeline events as UTF-8 CSV."""
    return _flat(ev, EVENT_TABLE_COLUMNS).to_csv(index=False).encode("utf-8-sig")


def _tl_date(iso: str, granularity: str | None) -> dict[str, str]:
    """A TimelineJS date object at the event's granularity (a year event gives only its year)."""
    y, m, d = iso.split("-")
    if granularity in ("year", "decade", "century"):
        return {"year": y}
    if granularity in ("month",):
        return {"year": y, "month": str(int(m))}
    return {"year": y, "month": str(int(m)), "day": str(int(d))}


def timelinejs(ev: pd.DataFrame, title: str = "whosaid timeline") -> bytes:
    """Dated events as TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html); text escaped."""
    events = []
    for r in ev.itertuples(index=False):
        if not isinstance(r.date_start, str):
            continue
        item = {
            "start_date": _tl_date(r.date_start, r.granularity),
            "text": {"headline": html.escape(str(r.summary or r.sentence or ""))[:200],
                     "text": html.escape(str(r.sentence or "")) + f"<p><i>{html.escape(str(r.title))} — date "
                     f"{html.escape(str(r.date))} ({html.escape(str(r.how))})</i></p>"},
            "group": str(r.title), "unique_id": "".join(c if c.isalnum() else "-" for c in str(r.event_id)),
        }
        end = _tl_date(r.date_end, r.granularity) if isinstance(r.date_end, str) else item["start_date"]
        if end != item["start_date"]:
            item["end_date"] = end
        events.append(item)
    return json.dumps({"title": {"text": {"headline": html.escape(title)}}, "events": events},
                      ensure_ascii=False, indent=1).encode("utf-8")
