"""The dashboard in Streamlit's AppTest: every page renders, filters change what is shown, links carry state."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from _apptest import app_on, new_app, open_page
from _dashboard_data import ROLES_PERSON, build, build_roles
from whosaid.dashboard.routes import ADD_ARTICLES, ARTICLE, OVERVIEW, QUOTES, ROUTES, SPEAKER, TIMELINE, WHO_SAID_WHAT

from tests.conftest import ROOT
from streamlit.testing.v1 import AppTest



@pytest.fixture(scope="session")
def small_store(tmp_path_factory) -> Path:
    """The hand-made two-article store."""
    return build(tmp_path_factory.mktemp("small") / "store")


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Path:
    """The seed article built with the CLI, as a user would."""
    out = tmp_path_factory.mktemp("seed") / "store"
    subprocess.run([sys.executable, "-m", "whosaid", "build", str(ROOT / "data" / "articles"), "--out", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    return out


@pytest.fixture
def app(small_store, monkeypatch, tmp_path):
    return app_on(small_store, monkeypatch, tmp_path)


def table_of(at: AppTest, key: str):
    """A selectable table by its key."""
    return next(d for d in at.dataframe if d.key == key).value


def table_with(at: AppTest, *columns: str):
    """The first table showing all these columns (read-only tables carry no key)."""
    return next(d.value for d in at.dataframe if set(columns) <= set(d.value.columns))


def html_text(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.url_path or "overview")
def test_every_page_renders_on_the_seed(seed_store, monkeypatch, tmp_path, route):
    monkeypatch.setenv("WHOSAID_STORE", str(seed_store))
    monkeypatch.setenv("WHOSAID_ARTICLES", str(tmp_path))
    at = open_page(new_app(), route.file)
    assert not at.exception and not at.error
    assert at.title[0].value == ("whosaid" if route is OVERVIEW else route.title)  # the page asked for opened


def test_overview_counts_and_date_provenance(app):
    at = app.run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Articles"], metrics["Quotes"], metrics["Speakers"]) == ("2", "6", "2")
    table = table_of(at, "articles_table").set_index("doc")
    assert table.loc["b-lawsuit", "date from"] == "text" and table.loc["a-sanctuary", "date from"] == "given"


def test_quote_table_shrinks_to_the_chosen_speaker(app):
    at = open_page(app, QUOTES.file)
    assert len(table_of(at, "quote_table")) == 6
    at.multiselect(key="speaker").select("Rahm Emanuel").run()
    shown = table_of(at, "quote_table")
    assert set(shown["person"]) == {"Rahm Emanuel"} and len(shown) == 2


def test_url_parameters_set_the_filters(app):
    at = open_page(app, QUOTES.file, speaker="Jeff Sessions", kind="direct", q="lawsuit")
    assert at.multiselect(key="speaker").value == ["Jeff Sessions"]
    assert at.text_input(key="q").value == "lawsuit"
    assert list(table_of(at, "quote_table")["text"]) == ['"The lawsuit is frivolous,"']


def test_date_range_in_the_url_filters_quotes(app):
    at = open_page(app, QUOTES.file, dates=["2018-01-01", "2018-03-01"])
    assert at.date_input(key="dates").value == (date(2018, 1, 1), date(2018, 3, 1))
    assert set(table_of(at, "quote_table")["doc"]) == {"b-lawsuit"}
    at = open_page(new_app(), QUOTES.file, dates=["2018-01-01", "2030-12-31"])  # beyond the data
    assert len(table_of(at, "quote_table")) == 6 and "dates=2030-12-31" in " ".join(t.value for t in at.toast)


def test_malformed_parameters_give_a_notice_not_an_exception(app):
    at = open_page(app, QUOTES.file, speaker="Nobody", foo="1", dates="2017-99-99")
    assert not at.exception
    notices = " ".join(t.value for t in at.toast)
    assert "speaker=Nobody" in notices and "foo" in notices and "dates=2017-99-99" in notices
    assert len(table_of(at, "quote_table")) == 6  # the bad filters were ignored
    assert "foo" not in at.query_params


def test_no_match_says_how_to_widen(app):
    at = open_page(app, QUOTES.file, q="no such words anywhere")
    assert any("Widen them" in i.value for i in at.info)


def test_choosing_a_row_opens_the_article_at_that_quote(app):
    at = open_page(app, QUOTES.file, speaker="Rahm Emanuel", kind="direct")
    at.session_state["quote_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    assert at.title[0].value == "Article"
    assert at.query_params["doc"] == "a-sanctuary" and at.query_params["quote"] == "a-sanctuary#q1"
    assert "outline:3px" in html_text(at)


def test_article_text_is_escaped_and_quotes_highlighted(app):
    at = open_page(app, ARTICLE.file, doc="a-sanctuary", quote="a-sanctuary#q1")
    html = html_text(at)
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    assert html.count('class="whosaid-quote"') >= 3
    assert "Jeff Sessions" in html and "Rahm Emanuel" in html  # the legend
    assert any("Rahm Emanuel" in m.value for m in at.markdown)  # the chosen quote's box


def test_a_link_naming_only_a_quote_opens_its_article(app):
    at = open_page(app, ARTICLE.file, quote="b-lawsuit#q1")
    assert at.selectbox(key="doc_pick").value == "b-lawsuit"
    assert "The lawsuit is frivolous" in html_text(at)


def test_timeline_filters_and_undated_events(app):
    at = open_page(app, TIMELINE.file)
    undated = next(d.value for d in at.dataframe if list(d.value.columns) == ["summary", "persons", "how", "title"])
    dated = table_with(at, "date", "granularity")
    assert list(dated["date"]) == ["2017", "2017-07", "2017-08-16", "2017-08-16", "2018-03-01"]  # by date
    assert len(undated) == 1 and "Officials met" in undated.iloc[0]["summary"]
    at = open_page(new_app(), TIMELINE.file, actor="Rahm Emanuel")
    assert at.multiselect(key="actor").value == ["Rahm Emanuel"]
    assert at.subheader[0].value == "Date unknown (0)"
    chart = next(c for c in at.get("plotly_chart"))
    assert "We will not cave" in chart.proto.spec and "spoke in Miami" not in chart.proto.spec


def test_choosing_an_event_shows_its_sentence_and_nearby_quotes(app):
    at = open_page(app, TIMELINE.file, event="a-sanctuary#e0")
    assert at.selectbox(key="event_pick").value == "a-sanctuary#e0"
    assert any("spoke in Miami" in t.value for t in at.text)
    near = table_with(at, "person", "kind", "text")
    assert set(near["person"]) == {"Jeff Sessions", "Rahm Emanuel"}


def test_who_said_what_chooses_a_speaker(app):
    at = open_page(app, WHO_SAID_WHAT.file, who="Rahm Emanuel")
    assert at.subheader[0].value == "Rahm Emanuel"
    assert any("Mayor" in c.value for c in at.caption)
    roles = table_with(at, "person", "roles").set_index("person")
    assert roles.loc["Jeff Sessions", "roles"] == "Attorney General"
    html = html_text(at)
    assert "We will not cave" in html and "lawsuit" not in html


def test_speaker_page_roles_mentions_words_and_merges(app):
    at = open_page(app, SPEAKER.file, name="Rahm Emanuel")
    assert any("Mayor" in m.value for m in at.markdown)
    assert list(table_with(at, "Person")["Person"]) == ["Jeff Sessions"]
    assert "cave" in set(table_with(at, "word", "z")["word"])
    merges = table_with(at, "how", "name")
    assert set(merges["name"]) == {"Rahm Emanuel", "Emanuel"}


def test_a_speakers_most_attested_roles_come_first_and_the_rest_are_counted(tmp_path, monkeypatch):
    monkeypatch.setenv("WHOSAID_ROLES_SHOWN", "2")
    at = open_page(app_on(build_roles(tmp_path / "store"), monkeypatch, tmp_path), SPEAKER.file, name=ROLES_PERSON)
    assert not at.exception
    assert "**Roles and titles in the texts:** Senator; Mayor and 1 more" in [m.value for m in at.markdown]
    assert list(table_with(at, "role", "title")["role"]) == ["Senator", "senator", "Senator", "Mayor", "Mayor",
                                                            "Former mayor"]


def test_every_page_has_a_link_to_its_view(app):
    at = open_page(app, QUOTES.file, speaker="Jeff Sessions")
    assert any("speaker=Jeff+Sessions" in c.value for c in at.code)


def test_empty_store_tells_the_build_command(monkeypatch, tmp_path):
    monkeypatch.setenv("WHOSAID_STORE", str(tmp_path / "nothing"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert any("whosaid build" in c.value for c in at.code)


def test_choosing_an_article_on_the_overview_opens_it(app):
    at = app.run()
    at.session_state["articles_table"] = {"selection": {"rows": [1], "columns": [], "cells": []}}
    at.run()
    assert at.title[0].value == "Article" and at.query_params["doc"] == "b-lawsuit"
    assert "The lawsuit is frivolous" in html_text(at)


def test_an_event_link_shows_the_event_in_its_article(app):
    at = open_page(app, ARTICLE.file, doc="a-sanctuary", event="a-sanctuary#e2")
    assert any("announced in July 2017" in t.value for t in at.text)
    assert any(m.value.startswith("**Event**") and "2017" in m.value for m in at.markdown)


def test_unknown_quote_or_event_in_a_link_gives_a_notice(app):
    at = open_page(app, ARTICLE.file, doc="a-sanctuary", quote="a-sanctuary#q99")
    assert not at.exception and "quote=a-sanctuary#q99" in " ".join(t.value for t in at.toast)
    assert at.selectbox(key="quote_pick").value is None
    at = open_page(new_app(), TIMELINE.file, event="nope")
    assert not at.exception and "event=nope" in " ".join(t.value for t in at.toast)


def test_an_unreadable_store_says_how_to_rebuild(monkeypatch, tmp_path):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "manifest.json").write_text("{not json")
    monkeypatch.setenv("WHOSAID_STORE", str(tmp_path / "broken"))
    at = new_app().run()
    assert not at.exception
    assert any("cannot be read" in e.value for e in at.error)
    assert any("whosaid build" in c.value for c in at.code)


def test_picking_another_article_drops_the_old_quote(app):
    at = open_page(app, ARTICLE.file, doc="a-sanctuary", quote="a-sanctuary#q1")
    at.selectbox(key="doc_pick").select("b-lawsuit").run()
    assert at.query_params.get("doc") == "b-lawsuit" and "quote" not in at.query_params
    assert "The lawsuit is frivolous" in html_text(at) and "outline:3px" not in html_text(at)


def test_shortcut_buttons_choose_an_article_and_a_speaker(app):
    at = open_page(app, ARTICLE.file)
    at.button(key="open_doc_1").click().run()
    assert at.query_params.get("doc") == "b-lawsuit" and "The lawsuit is frivolous" in html_text(at)
    at = open_page(new_app(), SPEAKER.file)
    at.button(key="choose_speaker_1").click().run()
    assert at.selectbox(key="name").value == "Rahm Emanuel"


@pytest.mark.parametrize("page, params", [
    (WHO_SAID_WHAT.file, {"who": ["Jeff Sessions", "Rahm Emanuel"], "article": ""}),
    (QUOTES.file, {"dates": "2017-08-16", "kind": ["direct", "shouted"], "speaker": ""}),
    (TIMELINE.file, {"dates": ["2018-03-01", "2017-07-01"], "event": ""}),
    (ARTICLE.file, {"doc": "", "quote": ["a", "b"]}),
    (SPEAKER.file, {"name": "<script>alert(1)</script>"}),
    (OVERVIEW.file, {"x" * 300: "y" * 3000}),
])
def test_odd_links_never_raise(app, page, params):
    at = open_page(app, page, **params)
    assert not at.exception and at.title


def test_the_aliases_file_changes_the_merge(app, monkeypatch, tmp_path):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("Sessions\tSessions\n", encoding="utf-8")
    monkeypatch.setenv("WHOSAID_ALIASES", str(aliases))
    at = open_page(app, QUOTES.file)
    assert {"Jeff Sessions", "Sessions"} <= set(at.multiselect(key="speaker").options)


def test_the_quote_table_pages_through_the_results(app, monkeypatch):
    monkeypatch.setenv("WHOSAID_PAGE_SIZE", "4")
    at = open_page(app, QUOTES.file)
    first = table_of(at, "quote_table")
    assert len(first) == 4 and any(c.value.startswith("6 of 6 quotes") for c in at.caption)
    at = open_page(new_app(), QUOTES.file, page="2")
    second = table_of(at, "quote_table")
    assert len(second) == 2 and not set(second["quote_id"]) & set(first["quote_id"])
    at.number_input(key="page_box").set_value(1).run()
    assert list(table_of(at, "quote_table")["quote_id"]) == list(first["quote_id"]) and "page" not in at.query_params
    at = open_page(new_app(), QUOTES.file, page="2", speaker="Rahm Emanuel")  # past the end: the first page
    assert len(table_of(at, "quote_table")) == 2 and not at.exception
    at = open_page(new_app(), QUOTES.file, page="two")
    assert "page=two" in " ".join(t.value for t in at.toast)


def test_boxes_list_the_most_quoted_and_links_reach_the_others(app, monkeypatch):
    monkeypatch.setenv("WHOSAID_OPTION_LIMIT", "1")
    at = open_page(app, QUOTES.file)
    assert at.multiselect(key="speaker").options[0] == "Jeff Sessions" and "Rahm Emanuel" not in \
        at.multiselect(key="speaker").options
    at = open_page(new_app(), QUOTES.file, speaker="Rahm Emanuel")
    assert at.multiselect(key="speaker").value == ["Rahm Emanuel"]
    assert set(table_of(at, "quote_table")["person"]) == {"Rahm Emanuel"}
    at = open_page(new_app(), SPEAKER.file, name="Rahm Emanuel")
    assert at.header[0].value == "Rahm Emanuel"


def test_many_events_are_counted_per_day_or_week(app, monkeypatch):
    # 5 dated events, 3 stories dated to a day: past 2 marks even the stories are counted
    monkeypatch.setenv("WHOSAID_TIMELINE_MARKS", "2")
    at = open_page(app, TIMELINE.file)
    assert not at.exception
    assert any("too many to draw one by one" in c.value for c in at.caption)
    spec = next(iter(at.get("plotly_chart"))).proto.spec
    assert '"bin"' in spec and "spoke in Miami" not in spec  # counts, not the events
    assert len(table_with(at, "date", "granularity")) == 5  # the table still lists them
    at = open_page(new_app(), TIMELINE.file, dates=["2017-08-14", "2017-08-20"])  # narrowed: drawn one by one
    assert "spoke in Miami" in next(iter(at.get("plotly_chart"))).proto.spec


def test_a_dashboard_shared_read_only_offers_no_way_to_change_the_store(small_store, monkeypatch, tmp_path):
    monkeypatch.setenv("WHOSAID_STORE", str(small_store))
    monkeypatch.setenv("WHOSAID_READ_ONLY", "1")
    at = new_app().run()
    assert not at.exception
    links = [p.proto.page for p in at.get("page_link")]
    assert links and not any("add_articles" in page for page in links)
    with pytest.raises(Exception):  # the page is not in the navigation at all
        at.switch_page(ADD_ARTICLES.file).run()
    from whosaid import library, store
    from whosaid.ingest import IngestError

    with pytest.raises(IngestError, match="read-only"):
        library.add_text("Mayor Jane Doe said on Monday the bridge would open.", small_store, tmp_path)
    with pytest.raises(IngestError, match="read-only"):
        library.remove_article("a-sanctuary", small_store, tmp_path)
    assert len(store.load_tables(small_store)["articles"]) == 2
