"""The Add articles page on hostile files: each refused file says why in one line, and a French article goes in
when the box asks for any language, with a note saying how it was read."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from whosaid import store

from tests._dashboard_data import build

ROOT = Path(__file__).resolve().parents[2]
FILES = Path(__file__).parent / "files"


@pytest.fixture
def env(tmp_path, monkeypatch):
    root = build(tmp_path / "store")
    monkeypatch.setenv("WHOSAID_STORE", str(root))
    monkeypatch.setenv("WHOSAID_ARTICLES", str(tmp_path / "articles"))
    return root, tmp_path / "articles"


def upload(names: list[str], any_language: bool = False) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    at.switch_page("pages/add_articles.py").run()
    at.file_uploader(key="upload_files").set_value([(n, (FILES / n).read_bytes(), "text/plain") for n in names])
    if any_language:
        at.checkbox(key="add_any_language").check()
    at.button(key="add_button").click().run()
    assert not at.exception
    return at


def test_refused_files_say_why(env):
    root, _ = env
    before = store.store_version(root)
    at = upload(["french.txt", "paywall-stub.html", "image-named.txt"])
    errors = " ".join(e.value for e in at.error).replace("\\", "")  # shown as escaped Markdown
    assert "in French (fr)" in errors and "too short to be an article" in errors and "a PNG image" in errors
    assert store.store_version(root) == before


def test_a_french_article_goes_in_when_asked(env):
    root, _ = env
    at = upload(["french.txt", "windows-1252.txt"], any_language=True)
    assert len(at.success) == 2
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "French (fr)" in captions and "read as cp1252" in captions
    assert {"french", "windows-1252"} <= set(store.load_tables(root)["articles"]["doc"])
