"""Test helper: open dashboard pages in Streamlit's AppTest."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]


def new_app(timeout: float = 60) -> AppTest:
    """A fresh session of the dashboard (a new browser tab)."""
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)


def open_page(at: AppTest, page: str, /, **params) -> AppTest:
    """Run the app once, then open `page` with the given URL parameters."""
    at.run()
    at.switch_page(page)
    at.query_params.clear()
    at.query_params.update(params)
    return at.run()


def app_on(store: Path, monkeypatch, tmp_path: Path, *, timeout: float = 60) -> AppTest:
    """A fresh session of the dashboard on `store`, with an empty articles folder and no aliases file of its own."""
    monkeypatch.setenv("WHOSAID_STORE", str(store))
    monkeypatch.setenv("WHOSAID_ARTICLES", str(tmp_path / "articles"))
    monkeypatch.setenv("WHOSAID_ALIASES", str(tmp_path / "no-aliases.tsv"))
    return new_app(timeout=timeout)
