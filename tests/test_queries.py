"""What the pages show: quote and event filters, counts per speaker, mentions and distinctive words."""
from __future__ import annotations

from datetime import date

import pytest
from _dashboard_data import build
from whosaid import store
from whosaid.corpus.persons import apply_aliases, name_index
from whosaid.dashboard import queries


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    t = apply_aliases(store.load_tables(build(tmp_path_factory.mktemp("store"))))
    names = name_index(t["merges"])
    return t, queries.quotes_view(t), queries.events_view(t, names), names


def test_filter_quotes_by_speaker_kind_text_and_date(data):
    _, q, _, _ = data
    assert len(q) == 6
    sessions = queries.filter_quotes(q, persons=["Jeff Sessions"])
    assert len(sessions) == 4 and set(sessions["doc"]) == {"a-sanctuary", "b-lawsuit"}
    assert set(queries.filter_quotes(q, kinds=["indirect"])["kind"]) == {"indirect"}
    assert list(queries.filter_quotes(q, text="LAWSUIT")["text"]) == ['"The lawsuit is frivolous,"']
    in_2018 = queries.filter_quotes(q, date_range=(date(2018, 1, 1), date(2018, 12, 31)))
    assert set(in_2018["doc"]) == {"b-lawsuit"}
    assert queries.filter_quotes(q, persons=["Rahm Emanuel"], docs=["b-lawsuit"], kinds=["direct"]).empty


def test_kind_counts_most_quoted_first(data):
    _, q, _, _ = data
    counts = queries.kind_counts(q)
    assert counts["person"].iloc[0] == "Jeff Sessions"
    by = counts.set_index(["person", "kind"])["quotes"]
    assert by[("Jeff Sessions", "direct")] == 2 and by[("Jeff Sessions", "indirect")] == 2
    assert by[("Rahm Emanuel", "indirect")] == 1
    assert queries.persons_by_weight(q) == ["Jeff Sessions", "Rahm Emanuel"]


def test_events_filter_by_actor_and_split_undated(data):
    _, _, ev, _ = data
    dated, undated = queries.split_dated(ev)
    assert len(undated) == 1 and "Officials met" in undated.iloc[0]["sentence"]
    assert undated.iloc[0]["date_start"] is None
    emanuel = queries.filter_events(ev, actors=["Rahm Emanuel"])
    assert len(emanuel) == 1 and "We will not cave" in emanuel.iloc[0]["sentence"]
    # the surname "Sessions" among actors is the merged person
    assert len(queries.filter_events(ev, actors=["Jeff Sessions"])) == 3
    month = dated[dated["granularity"] == "month"].iloc[0]
    assert (month["date_start"], month["date_end"]) == ("2017-07-01", "2017-07-31")
    ranged = queries.filter_events(ev, date_range=(date(2017, 7, 10), date(2017, 7, 12)))
    assert set(ranged["granularity"]) == {"month", "year"}  # spans overlap the range, day events do not


def test_quotes_around_a_date(data):
    _, q, _, _ = data
    near = queries.quotes_around(q, "2017-08-15", "2017-08-15", days=3)
    assert set(near["doc"]) == {"a-sanctuary"}
    assert queries.quotes_around(q, "2016-01-01", "2016-01-01").empty


def test_roles_mentions_and_distinctive_words(data):
    t, q, _, names = data
    roles = queries.roles_by_person(t["speakers"])
    assert roles["Jeff Sessions"] == ["Attorney General"] and roles["Rahm Emanuel"] == ["Mayor"]
    named = queries.mentions(q, "Rahm Emanuel", names)
    assert list(named["person"]) == ["Jeff Sessions"]
    assert queries.mentions(q, "Jeff Sessions", names).empty
    words = queries.distinctive_words(q, "Rahm Emanuel")
    assert {"cave", "court"} <= set(words["word"])
    assert not {"lawsuit", "frivolous"} & set(words["word"])
    assert words["z"].is_monotonic_decreasing


def test_overview_and_articles_table(data):
    t, _, _, _ = data
    facts = queries.overview(t)
    assert (facts["articles"], facts["quotes"], facts["speakers"]) == (2, 6, 2)
    assert (facts["published_from"], facts["published_to"]) == ("2017-08-16", "2018-03-01")
    table = queries.articles_table(t).set_index("doc")
    assert table.loc["b-lawsuit", "date from"] == "text" and table.loc["b-lawsuit", "confidence"] == 0.6
    assert table.loc["a-sanctuary", "source"] == "https://example.org/a"


def test_surnames_in_quotes_match_people_only(data):
    t, q, _, names = data
    kinds = dict(zip(t["merges"]["person"], t["merges"]["kind"]))
    q = q.copy()
    q.loc[q["person"] == "Jeff Sessions", "text"] = "Emanuel and Chicago are wrong."
    names = {**names, "city of chicago": "City of Chicago"}
    kinds["City of Chicago"] = "GPE"
    named = queries.mentions(q, "Jeff Sessions", names, kinds)
    assert list(named["person"]) == ["Rahm Emanuel"]  # "Chicago" is not the surname of the city
