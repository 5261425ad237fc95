"""The dashboard's pages, defined once: their files, titles, icons and URL paths.

Page links, page switches, the navigation, the link box and the tests all take a page from here.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from whosaid.settings import read_only


@dataclass(frozen=True)
class Route:
    """One page of the dashboard: its script (relative to dashboard.py), title, icon and URL path."""

    url_path: str  # "" for the home page
    file: str
    title: str
    icon: str

    def page(self) -> StreamlitPage:
        """The Streamlit page object for st.navigation (built during a script run, as Streamlit requires)."""
        if not self.url_path:
            return st.Page(self.file, title=self.title, icon=self.icon, default=True)
        return st.Page(self.file, title=self.title, icon=self.icon, url_path=self.url_path)


OVERVIEW = Route("", "pages/overview.py", "Overview", ":material/dashboard:")
TIMELINE = Route("timeline", "pages/timeline.py", "Timeline", ":material/timeline:")
WHO_SAID_WHAT = Route("who_said_what", "pages/who_said_what.py", "Who said what", ":material/bar_chart:")
QUOTES = Route("quotes", "pages/quotes.py", "Quotes", ":material/format_quote:")
ARTICLE = Route("article", "pages/article.py", "Article", ":material/article:")
SPEAKER = Route("speaker", "pages/speaker.py", "Speaker", ":material/person:")
ADD_ARTICLES = Route("add_articles", "pages/add_articles.py", "Add articles", ":material/upload_file:")
ROUTES = (OVERVIEW, TIMELINE, WHO_SAID_WHAT, QUOTES, ARTICLE, SPEAKER, ADD_ARTICLES)
WRITES = (ADD_ARTICLES,)  # the pages that change the store: absent from a read-only dashboard


def routes() -> tuple[Route, ...]:
    """The pages this dashboard offers: all of them, or those that only read when it is shared read-only."""
    return tuple(r for r in ROUTES if r not in WRITES) if read_only() else ROUTES


def run() -> None:
    """Configure the app and run the page the URL names, through the one navigation (dashboard.py's body)."""
    st.set_page_config(page_title="whosaid", page_icon=":material/record_voice_over:", layout="wide")
    st.navigation([r.page() for r in routes()]).run()
