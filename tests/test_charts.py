"""Figures: the timeline draws events at their granularity; the bar chart counts quotes by kind."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from _dashboard_data import build
from whosaid.dashboard import charts, queries
from whosaid.dashboard.colors import GREY, color_map, color_of
from whosaid.dashboard.db import Corpus


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    corpus = Corpus(build(tmp_path_factory.mktemp("store")), "test")
    yield corpus
    corpus.close()


@pytest.fixture(scope="module")
def views(db):
    return queries.quotes(db), queries.events(db), color_map(queries.persons_by_weight(db))


def split_dated(ev: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    dated = ev["date_start"].notna()
    return ev[dated], ev[~dated]


def test_timeline_points_for_days_bars_for_spans_and_no_undated(views):
    _, ev, colors = views
    dated, undated = split_dated(ev)
    fig = charts.timeline(dated, colors)
    bars = [t for t in fig.data if t.type == "bar"][0]
    points = [t for t in fig.data if t.type == "scatter"][0]
    shown = {c[0] for t in fig.data for c in t.customdata}
    assert shown == set(dated["event_id"]) and not shown & set(undated["event_id"])
    lengths = {c[4]: ms / charts.DAY_MS for c, ms in zip(bars.customdata, bars.x)}
    assert lengths == {"month": 31, "year": 365}  # July 2017 and the year 2017, whole
    assert {c[4] for c in points.customdata} == {"day"}
    assert all("date:" in t.hovertemplate and "found:" in t.hovertemplate for t in fig.data)
    hover = " ".join(c[1] for c in points.customdata)
    assert "spoke in Miami" in hover


def test_timeline_colours_events_by_speaker(views):
    _, ev, colors = views
    dated, _ = split_dated(ev)
    fig = charts.timeline(dated, colors)
    points = [t for t in fig.data if t.type == "scatter"][0]
    by_event = dict(zip((c[0] for c in points.customdata), points.marker.color))
    cave = dated[dated["sentence"].str.contains("will not cave")].iloc[0]["event_id"]
    assert by_event[cave] == colors["Rahm Emanuel"]


def test_kind_bar_stacks_kinds_in_speaker_colours(db, views):
    _, _, colors = views
    fig = charts.kind_bar(queries.kind_counts(db), colors, selected="Rahm Emanuel", roles={"Rahm Emanuel": ["Mayor"]})
    data = [t for t in fig.data if t.showlegend is False]
    direct = next(t for t in data if t.name == "direct")
    assert dict(zip(direct.y, direct.x)) == {"Jeff Sessions": 2, "Rahm Emanuel": 1}
    assert list(direct.marker.color) == [colors["Jeff Sessions"], colors["Rahm Emanuel"]]
    assert list(direct.marker.opacity) == [0.35, 1.0]
    assert [c[0] for c in direct.customdata] == ["Jeff Sessions", "Rahm Emanuel"] and direct.customdata[1][1] == "Mayor"
    assert fig.layout.yaxis.categoryarray == ("Rahm Emanuel", "Jeff Sessions")  # most quoted on top


def test_colours_are_stable_and_distinct():
    names = ["Jeff Sessions", "Rahm Emanuel", "Tom Cochran", "Donald Trump"]
    a, b = color_map(names), color_map(names + ["Someone New"])
    assert all(a[n] == b[n] for n in names)
    assert len({a[n] for n in names}) == len(names)
    assert color_of(None, a) == GREY and color_of(float("nan"), a) == GREY


def test_empty_timeline_is_an_empty_figure():
    assert len(charts.timeline(pd.DataFrame(columns=queries.EVENT_COLUMNS), {}).data) == 0


def test_many_articles_share_one_lane(views):
    _, ev, colors = views
    dated, _ = split_dated(ev)
    many = pd.concat([dated.assign(title=f"Article {i}", event_id=dated["event_id"] + f"-{i}")
                      for i in range(charts.MAX_LANES + 1)], ignore_index=True)
    fig = charts.timeline(many, colors)
    assert fig.layout.yaxis.ticktext == (f"{charts.MAX_LANES + 1} articles",)
    assert sum(len(t.customdata) for t in fig.data) == len(many)
    assert len(charts.timeline(dated, colors).layout.yaxis.ticktext) == 2  # one lane per article


def test_a_few_old_events_do_not_squeeze_the_opening_view(views):
    _, ev, colors = views
    dated, _ = split_dated(ev)
    recent = pd.concat([dated[dated["granularity"] == "day"]] * 10, ignore_index=True)
    old = recent.head(1).assign(date="1955-02-24", date_start="1955-02-24", date_end="1955-02-24")
    lo, hi, hidden = charts.initial_range(pd.concat([old, recent], ignore_index=True))
    assert lo.year >= 2017 and hidden == 1
    fig = charts.timeline(pd.concat([old, recent], ignore_index=True), colors)
    assert fig.layout.xaxis.range[0] >= "2017" and fig.layout.xaxis.rangeslider.visible
    lo, _, hidden = charts.initial_range(dated)  # few events: everything in view
    assert lo.isoformat() < "2017-01-01" and hidden == 0


def test_many_events_are_counted_per_day_or_week(db):
    bins = queries.event_bins(db, queries.EventFilter(), "week")
    fig = charts.event_bins(bins, "week")
    bar = fig.data[0]
    assert list(bar.y) == list(bins["events"]) and sum(bar.y) == 5
    first, last = bar.customdata[0][1:]
    assert bar.customdata[0][0] == "bin" and (date.fromisoformat(last) - date.fromisoformat(first)).days == 6
    assert len(charts.event_bins(bins.head(0), "day").data) == 0


def test_story_charts_escape_actor_names_and_summaries():
    hostile = '<img src=x onerror=alert(1)>'
    bins = pd.DataFrame({"bin": pd.to_datetime(["2016-03-01", "2016-03-01"]), "lead": [hostile, "other actors"],
                         "stories": [3, 2]})
    fig = charts.story_bins(bins, "day", {})
    assert [t.name for t in fig.data][0] == "&lt;img src=x onerror=alert(1)&gt;"  # the legend entry
    assert "<img" not in fig.to_json()
    stories = pd.DataFrame([{"story_id": "s1", "date": "2016-03-01", "date_start": "2016-03-01",
                             "date_end": "2016-03-01", "granularity": "day", "summary": hostile, "sentence": hostile,
                             "actors": [hostile], "lead": hostile, "n_articles": 2, "n_events": 2}])
    marks = charts.story_marks(stories, {}, window=(date(2016, 2, 1), date(2016, 3, 31)))
    assert "<img" not in marks.to_json()
    assert marks.layout.xaxis.range == ("2016-02-01", "2016-04-01")  # the date range, not the marks' extent


def test_legend_colours_of_leading_actors_are_distinct():
    leads = [f"actor {i}" for i in range(12)] + ["other actors", "nobody named"]
    colours = charts._lead_colors(leads, {})
    assert len(set(colours.values())) == len(leads)
