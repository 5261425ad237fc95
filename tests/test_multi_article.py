"""The dashboard on a real multi-article corpus: the seed plus the 30 Wikinews articles about Apple."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from _apptest import app_on, open_page
from streamlit.testing.v1 import AppTest
from whosaid import store
from whosaid.dashboard.routes import QUOTES, ROUTES, TIMELINE

from tests.conftest import ROOT
from tests.corpus_wikinews import WIKINEWS, write_articles

pytestmark = pytest.mark.skipif(not WIKINEWS.exists(), reason="needs ../shared/corpora/wikinews-timeline")


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory) -> Path:
    """The seed and the Wikinews articles, built with `whosaid build --dates` as a user would."""
    base = tmp_path_factory.mktemp("wikinews")
    dates = write_articles(base / "articles")
    out = base / "store"
    proc = subprocess.run([sys.executable, "-m", "whosaid", "build", str(base / "articles"), str(ROOT / "data" / "articles"),
                           "--dates", str(dates), "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture
def app(corpus_store, monkeypatch, tmp_path) -> AppTest:
    return app_on(corpus_store, monkeypatch, tmp_path, timeout=90)


def test_every_article_keeps_its_own_publication_date(corpus_store):
    articles = store.load_tables(corpus_store)["articles"].set_index("doc")
    assert len(articles) == 31
    assert articles.loc["wikinews-1514", "date"] == "2005-05-07"
    assert articles.loc["wikinews-1514", "date_source"] == "given"
    assert articles.loc["nbc-sessions-chicago-sanctuary", "date"] == "2017-08-16"


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.url_path or "overview")
def test_every_page_renders_on_the_corpus(app, route):
    at = open_page(app, route.file)
    assert not at.exception and not at.error


def test_the_overview_counts_every_article(app):
    at = app.run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "31"


def test_a_person_quoted_in_several_articles_is_one_speaker(app):
    at = open_page(app, QUOTES.file, speaker="Steve Jobs")
    table = next(d for d in at.dataframe if d.key == "quote_table").value
    assert set(table["person"]) == {"Steve Jobs"}
    assert table["doc"].nunique() >= 3, "Jobs is quoted across the Apple articles"
    assert all("Jobs" != p for p in at.multiselect(key="speaker").options)


def test_the_timeline_spans_the_years_of_the_corpus(app):
    at = open_page(app, TIMELINE.file, article=["wikinews-1514", "wikinews-7343"])
    assert not at.exception
    spec = next(iter(at.get("plotly_chart"))).proto.spec
    assert "2005" in spec and "2007" in spec and "Sessions" not in spec
