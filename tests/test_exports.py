"""Exports of what the filters keep: quotes as CSV and JSON, the timeline as CSV and TimelineJS JSON."""
from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from _dashboard_data import build
from whosaid.dashboard import exports, queries
from whosaid.dashboard.db import Corpus


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    corpus = Corpus(build(tmp_path_factory.mktemp("store")), "test")
    yield corpus
    corpus.close()


@pytest.fixture(scope="module")
def views(db):
    return queries.quotes(db), queries.events(db)


def test_quotes_csv_and_json_hold_the_rows_given(db):
    shown = queries.quote_table(queries.quotes(db, queries.QuoteFilter.of(persons=["Rahm Emanuel"], kinds=["direct"])))
    csv = pd.read_csv(io.BytesIO(exports.quotes_csv(shown)), encoding="utf-8-sig")
    assert list(csv["person"]) == ["Rahm Emanuel"] and "text" in csv.columns
    rows = json.loads(exports.quotes_json(shown))
    assert [r["text"] for r in rows] == ['"We will not cave to pressure from Jeff Sessions,"']
    assert rows[0]["date"] == "2017-08-16"


def test_events_csv_flattens_lists(views):
    _, ev = views
    csv = pd.read_csv(io.BytesIO(exports.events_csv(queries.event_table(ev))), encoding="utf-8-sig")
    assert len(csv) == len(ev)
    assert any("Jeff Sessions" in str(p) for p in csv["persons"])


def test_timelinejs_dates_at_their_granularity_and_escaped(views):
    _, ev = views
    data = json.loads(exports.timelinejs(ev))
    events = data["events"]
    assert len(events) == len(ev) - 1  # the undated event is left out
    by_text = {e["text"]["text"].split("<p>")[0]: e for e in events}
    month = by_text["The rules were announced in July 2017."]
    assert month["start_date"] == {"year": "2017", "month": "7"} and "end_date" not in month
    year = by_text["The city sued in 2017."]
    assert year["start_date"] == {"year": "2017"}
    day = by_text["Attorney General Jeff Sessions spoke in Miami on Wednesday."]
    assert day["start_date"] == {"year": "2017", "month": "8", "day": "16"}
    assert all("<script" not in e["text"]["text"] for e in events)


def test_a_download_holds_every_row_the_filter_keeps_not_one_page(db):
    f = queries.QuoteFilter.of(persons=["Jeff Sessions"])
    assert len(queries.quotes(db, f, 1, 2)) == 2  # a page of the table
    csv = pd.read_csv(io.BytesIO(exports.quotes_csv(queries.quotes(db, f))), encoding="utf-8-sig")
    assert len(csv) == queries.quote_count(db, f) == 4 and set(csv["person"]) == {"Jeff Sessions"}
