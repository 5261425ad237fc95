"""Adding and removing articles in the dashboard: the result joins every page at once and is kept on disk."""
from __future__ import annotations

from pathlib import Path

import pytest
from _apptest import new_app
from _dashboard_data import build
from streamlit.testing.v1 import AppTest
from whosaid import store

from tests.conftest import ROOT
from whosaid.dashboard.routes import ADD_ARTICLES, OVERVIEW

ARTICLE = (b"Council approves new bridge\n\nMayor Jane Doe said on Monday that the bridge would reopen in May. "
           b'"We are nearly done," Doe told reporters.\n')


@pytest.fixture
def env(tmp_path, monkeypatch):
    root = build(tmp_path / "store")
    monkeypatch.setenv("WHOSAID_STORE", str(root))
    monkeypatch.setenv("WHOSAID_ARTICLES", str(tmp_path / "articles"))
    return root, tmp_path / "articles"


def add_page() -> AppTest:
    at = new_app(timeout=120).run()
    at.switch_page(ADD_ARTICLES.file)
    return at.run()


def test_uploads_join_every_page_and_are_saved(env):
    root, articles = env
    at = add_page()
    at.file_uploader(key="upload_files").set_value([("bridge.txt", ARTICLE, "text/plain"),
                                                   ("empty.txt", b"   ", "text/plain")])
    at.text_input(key="add_url").input("https://example.org/bridge")
    at.button(key="add_button").click().run()
    assert not at.exception
    assert any("Council approves new bridge" in s.value for s in at.success)
    assert any("empty" in e.value and "left as it was" in e.value for e in at.error)  # the bad one, clearly
    assert (articles / "bridge.txt").read_bytes() == ARTICLE and not (articles / "empty.txt").exists()
    at.switch_page(OVERVIEW.file).run()
    assert {m.label: m.value for m in at.metric}["Articles"] == "3"  # the cache followed the store version
    assert "bridge" in set(store.load_tables(root)["articles"]["doc"])


def test_pasted_text_with_title_and_date(env):
    root, articles = env
    at = add_page()
    at.text_area(key="paste_text").input(ARTICLE.decode())
    at.text_input(key="add_title").input("Bridge news")
    at.date_input(key="add_date").set_value("2024-03-04")
    at.button(key="add_button").click().run()
    row = store.load_tables(root)["articles"].set_index("doc").loc["bridge-news"]
    assert (row["title"], row["date"], row["date_source"]) == ("Bridge news", "2024-03-04", "given")
    assert (articles / "bridge-news.txt").exists()


def test_a_failed_upload_leaves_the_store_as_it_was(env):
    root, _ = env
    before = store.store_version(root)
    at = add_page()
    at.file_uploader(key="upload_files").set_value([("photo.txt", b"\x00\xff\x00binary" * 50, "text/plain")])
    at.button(key="add_button").click().run()
    assert not at.exception
    assert any("binary" in e.value for e in at.error)
    assert store.store_version(root) == before


def test_remove_an_article_needs_confirmation(env):
    root, articles = env
    articles.mkdir()
    (articles / "b-lawsuit.txt").write_text("saved copy")
    at = add_page()
    at.selectbox(key="remove_doc").select("b-lawsuit")
    at.button(key="remove_button").click().run()
    assert any("confirm" in w.value for w in at.warning)
    assert "b-lawsuit" in set(store.load_tables(root)["articles"]["doc"])
    at.selectbox(key="remove_doc").select("b-lawsuit")
    at.checkbox(key="remove_confirm").check()
    at.button(key="remove_button").click().run()
    assert any("Removed" in s.value for s in at.success)
    assert set(store.load_tables(root)["articles"]["doc"]) == {"a-sanctuary"}
