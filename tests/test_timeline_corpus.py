"""The timeline of a corpus in Streamlit's AppTest, on three articles built from real extraction: it opens where
the coverage is (far-off dates counted and one click away), draws stories past a few marks, and a chosen story
lists every article that reported it with links."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from _apptest import app_on, new_app, open_page
from streamlit.testing.v1 import AppTest
from whosaid import store
from whosaid.dashboard.routes import OVERVIEW, TIMELINE
from whosaid.store.corpus import load_corpus

from tests._corpus_timeline import ARTICLES, build_corpus
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("timeline-corpus"))


@pytest.fixture
def app(corpus_store, monkeypatch, tmp_path) -> AppTest:
    return app_on(corpus_store, monkeypatch, tmp_path, timeout=90)


def dated_table(at: AppTest):
    return next(d.value for d in at.dataframe if {"date", "granularity", "how"} <= set(d.value.columns))


def spec(at: AppTest) -> str:
    return next(iter(at.get("plotly_chart"))).proto.spec


def shared_story(root: Path) -> dict:
    """The story the build found in all three articles."""
    stories = load_corpus(root, store.store_version(root))["stories"]
    return stories[stories["n_articles"] == 3].iloc[0].to_dict()


def test_the_default_window_leaves_far_off_dates_out_and_one_click_shows_them(app):
    at = open_page(app, TIMELINE.file)
    assert not at.exception
    lo, hi = at.date_input(key="dates").value
    assert date(2016, 1, 1) < lo <= date(2016, 3, 2) and date(2016, 3, 3) <= hi < date(2016, 6, 1)
    assert any("2 events outside this window" in c.value for c in at.caption)
    assert not any(d.startswith("178") for d in dated_table(at)["date"])  # 1787 and 1789 are not in the view
    assert "1789" not in spec(at) and "Ted Cruz won the Oklahoma primary" in spec(at)
    at.button(key="show_all_dates").click().run()
    assert at.query_params["dates"] == ["1787-01-01", hi.isoformat()]  # the wider window is in the link
    assert {"1787", "1789"} <= set(dated_table(at)["date"])
    at.button(key="default_dates").click().run()  # and back
    assert "1789" not in set(dated_table(at)["date"])


def test_a_link_with_the_whole_span_shows_every_date(app):
    at = open_page(app, TIMELINE.file, dates=["1787-01-01", "2016-03-08"])
    assert "1789" in set(dated_table(at)["date"])
    assert at.button(key="default_dates")  # the way back to the default window
    at = open_page(new_app(), TIMELINE.file, dates="2016-03-02")  # zoomed into a day (a bar clicked)
    assert set(dated_table(at)["date"]) == {"2016-03-02"}
    at.button(key="default_dates").click().run()
    assert "dates" not in at.query_params and "2016-03-01" in set(dated_table(at)["date"])


def test_the_overview_says_the_years_most_events_fall_in(app):
    at = app.run()
    assert at.title[0].value == "whosaid" and OVERVIEW.url_path == ""
    assert {m.label: m.value for m in at.metric}["Years covered"] == "2016"
    assert any("1787-01-01" in c.value and "outside that window" in c.value for c in at.caption)


def test_past_the_threshold_stories_are_counted_by_leading_actor(app, monkeypatch):
    monkeypatch.setenv("WHOSAID_TIMELINE_MARKS", "2")
    at = open_page(app, TIMELINE.file)
    assert not at.exception
    assert any("stories are counted per day" in c.value for c in at.caption)
    chart = spec(at)
    assert '"bin"' in chart and "Donald Trump" in chart and "leading actor" in chart
    assert "Ted Cruz won the Oklahoma primary" not in chart  # counts, not the stories


def test_between_the_thresholds_each_story_is_one_mark(app, monkeypatch, corpus_store):
    monkeypatch.setenv("WHOSAID_TIMELINE_MARKS", "13")  # 14 dated events in the window, 12 stories of a day
    at = open_page(app, TIMELINE.file)
    assert any("drawn as the" in c.value and "stories they report" in c.value for c in at.caption)
    chart = spec(at)
    assert shared_story(corpus_store)["story_id"] in chart  # the story a click chooses
    assert chart.count("Ted Cruz won the Oklahoma primary") == 1  # three reports, one mark


def test_a_chosen_story_lists_every_article_that_reported_it_with_links(app, corpus_store):
    story = shared_story(corpus_store)
    at = open_page(app, TIMELINE.file, story=story["story_id"])
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    assert "reported by **3** articles" in text and "first report: *Cruz Takes Oklahoma*" in text
    assert "Ted Cruz" in text and "Donald Trump" in text  # its actors
    links = [p.proto for p in at.get("page_link")]
    linked = {parse_qs(p.query_string)["doc"][0]: p for p in links if p.page == "article"}
    assert set(linked) == set(ARTICLES)
    for doc, link in linked.items():
        assert parse_qs(link.query_string)["event"][0] in story["event_ids"]
        assert ARTICLES[doc][0].replace("-", "\\-") in link.label  # the article's publication date
    at.button(key="close_story").click().run()
    assert "story" not in at.query_params


def test_an_unknown_story_in_a_link_gives_a_notice(app):
    at = open_page(app, TIMELINE.file, story="s-nothing")
    assert not at.exception
    assert any("story=s-nothing" in c.value for c in at.caption)


def test_a_chosen_event_leads_to_its_story(app, corpus_store):
    story = shared_story(corpus_store)
    event_id = next(e for e in story["event_ids"] if e.startswith("cruz-politico"))
    at = open_page(app, TIMELINE.file, event=event_id)
    at.button(key="event_story").click().run()
    assert at.query_params["story"] == story["story_id"]
    assert any("reported by **3** articles" in m.value for m in at.markdown)


def test_one_article_opens_on_everything_and_knows_no_story(monkeypatch, tmp_path):
    src, one = tmp_path / "src", tmp_path / "one"
    src.mkdir()
    (src / "cruz-nyt.txt").write_text(ARTICLES["cruz-nyt"][1], encoding="utf-8")
    subprocess.run([sys.executable, "-m", "whosaid", "build", str(src), "--date", "2016-03-02", "--out", str(one),
                    "--workers", "1"], cwd=ROOT, check=True, capture_output=True)
    monkeypatch.setenv("WHOSAID_STORE", str(one))
    monkeypatch.setenv("WHOSAID_ALIASES", str(tmp_path / "no-aliases.tsv"))
    at = open_page(new_app(timeout=90), TIMELINE.file, story="s47445e1b17")
    assert not at.exception
    assert {"1787", "1789"} <= set(dated_table(at)["date"])  # nothing is left out of one article's view
    assert not any("outside this window" in c.value for c in at.caption)
    assert any("story=s47445e1b17" in c.value for c in at.caption)  # a story link means nothing here
