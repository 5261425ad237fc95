"""The dashboard's parts for quote paths and a speaker over time: queries on the hand-made store, the wording
diff (escaped), the weekly chart's points."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from _dashboard_data import build
from whosaid.dashboard import charts, queries
from whosaid.dashboard.db import Corpus
from whosaid.dashboard.highlight import wording_diff_html
from whosaid.dashboard.queries import QuoteFilter


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from whosaid import store

    root = build(tmp_path_factory.mktemp("small") / "store")
    corpus = Corpus(root, store.store_version(root))  # no stored paths: computed when opened
    corpus.wait()
    yield corpus
    corpus.close()


def test_every_quote_is_a_quotation_of_its_own_when_no_article_repeats_another(db):
    rows, n = queries.quotation_page(db, QuoteFilter(), 1, 100)
    assert n == 6 == len(rows) and rows["path_id"].is_unique
    assert set(rows["carried"]) == {"carried by one article"}
    one = rows.iloc[0]
    assert queries.path_of(db, one["quote_id"]) == one["path_id"]
    path = queries.quote_path(db, one["path_id"])
    assert list(path["quote_id"]) == [one["quote_id"]] and path["published"].iloc[0] in ("2017-08-16", "2018-03-01")
    assert queries.known(db, "path", [one["path_id"], "p-none"]) == {one["path_id"]}


def test_quotations_follow_the_quote_filters(db):
    rows, n = queries.quotation_page(db, QuoteFilter.of(persons=["Rahm Emanuel"]), 1, 100)
    assert n == 2 and set(rows["person"]) == {"Rahm Emanuel"}
    assert queries.quotation_page(db, QuoteFilter.of(text="no such words"), 1, 100)[1] == 0


def test_carried_in_words():
    assert queries.carried(3, "2016-09-20") == "carried by 3 articles, first on 2016-09-20"
    assert queries.carried(2, None) == "carried by 2 articles"
    assert queries.carried(1, "2016-09-20") == "carried by one article"


def test_quotes_per_week_count_day_dated_quotes_by_their_week(db):
    weekly = queries.weekly_quotes(db, ("Jeff Sessions", "Rahm Emanuel"))
    got = {(p, w.date().isoformat()): n for p, w, n in weekly.itertuples(index=False)}
    assert got == {("Jeff Sessions", "2017-08-14"): 2, ("Rahm Emanuel", "2017-08-14"): 1,
                   ("Jeff Sessions", "2018-02-26"): 2, ("Rahm Emanuel", "2018-02-26"): 1}
    assert queries.weekly_quotes(db, ()).empty


def test_a_week_is_clipped_to_the_quotes_span():
    span = (date(2017, 8, 16), date(2018, 3, 1))
    assert queries.week_range("2017-08-14", "2017-08-20", span) == ["2017-08-16", "2017-08-20"]
    assert queries.week_range("2018-02-26", "2018-03-04", span) == ["2018-02-26", "2018-03-01"]
    assert queries.week_range("2018-02-26", "2018-03-04", None) == ["2018-02-26", "2018-03-04"]


def test_the_weekly_chart_draws_empty_weeks_at_zero_and_names_each_point():
    weekly = pd.DataFrame({"person": ["A", "A", "B"], "week": pd.to_datetime(["2016-01-04", "2016-01-18",
                                                                             "2016-01-11"]), "quotes": [3, 1, 2]})
    fig = charts.weekly_quotes(weekly, {})
    a, b = fig.data
    assert a.name == "A" and list(a.y) == [3, 0, 1] and list(b.y) == [0, 2, 0]
    assert list(a.customdata[1]) == ["A", "2016-01-11", "2016-01-17"]
    assert charts.weekly_quotes(weekly.iloc[:0], {}).data == ()


def test_the_wording_diff_marks_changes_and_trims_and_escapes_the_text():
    base = "“How many times do we have to see this in our country? In Tulsa, an unarmed man”"
    trimmed = wording_diff_html(base, '"How many times do we have to see this in our country?"')
    assert "[… 5 words not carried]" in trimmed and "<ins" not in trimmed and "<del" not in trimmed
    edited = wording_diff_html("and his 2005 vote to provide", "and his vote in 2005 to provide")
    assert "<ins" in edited and ">vote in</ins>" in edited and ">vote</del>" in edited
    hostile = wording_diff_html("he said <b>", 'he said <script>alert("x")</script>')
    assert "<script>" not in hostile and "&lt;script&gt;" in hostile and "&lt;b&gt;" in hostile


def test_a_large_store_built_before_quote_paths_shows_every_quote_as_its_own_quotation(tmp_path, monkeypatch):
    from whosaid import store
    from whosaid.dashboard import db as db_module

    root = build(tmp_path / "store")
    monkeypatch.setattr(db_module, "PATHS_AT_OPEN", 3)  # fewer than the store's six quotes
    corpus = Corpus(root, store.store_version(root), warm=False)
    try:
        assert queries.paths_grouped(corpus) is False
        rows, n = queries.quotation_page(corpus, QuoteFilter(), 1, 100)
        assert n == 6 and set(rows["carried"]) == {"carried by one article"}
        assert list(rows["path_id"]) == list(rows["quote_id"])
        assert queries.known(corpus, "path", [rows["path_id"].iloc[0]]) == {rows["path_id"].iloc[0]}
    finally:
        corpus.close()
