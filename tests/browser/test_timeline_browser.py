"""The corpus timeline in a real browser: clicking a story's mark chooses it and lists the articles that reported
it, each a link to the article page."""
from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest

from tests._corpus_timeline import build_corpus
from tests.browser.conftest import running_dashboard, shot, wait_ready

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def corpus_server(tmp_path_factory) -> Iterator[str]:
    """A dashboard on the three-article corpus, drawing stories one by one (13 marks: its 14 events are more)."""
    base = tmp_path_factory.mktemp("timeline-browser")
    root = build_corpus(base)
    env = {"WHOSAID_STORE": str(root), "WHOSAID_ARTICLES": str(base / "saved"),
           "WHOSAID_TIMELINE_MARKS": "13"}
    with running_dashboard(env) as url:
        yield url


def click_highest_mark(pg) -> None:
    """Click the story mark drawn highest (the one most articles reported), as a person would."""
    marks = pg.locator("[data-testid='stPlotlyChart'] g.points path.point")
    marks.first.wait_for(state="attached")
    marks.first.scroll_into_view_if_needed()
    pg.wait_for_timeout(1000)  # plotly binds its click handlers after drawing
    box = min((b for b in (marks.nth(i).bounding_box() for i in range(marks.count())) if b), key=lambda b: b["y"])
    pg.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    pg.wait_for_timeout(300)
    pg.mouse.down()  # plotly takes a press and a release on its drag layer as a click
    pg.wait_for_timeout(80)
    pg.mouse.up()


def test_clicking_a_story_lists_the_articles_that_reported_it(page, corpus_server):
    page.goto(f"{corpus_server}/timeline")
    wait_ready(page)
    assert page.get_by_text("stories they report").count() >= 1
    click_highest_mark(page)
    page.wait_for_function("() => location.search.includes('story=')", timeout=30_000)
    wait_ready(page)
    assert parse_qs(urlparse(page.url).query)["story"][0].startswith("s")
    box = page.locator("[data-testid='stPageLink']").filter(has_text="Cruz")
    box.first.wait_for()
    assert page.locator("[data-testid='stMarkdown']").filter(has_text="reported by 3 articles").count() == 1
    links = page.locator("[data-testid='stPageLink'] a")
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    docs = {parse_qs(urlparse(h).query).get("doc", [""])[0] for h in hrefs if urlparse(h).path.endswith("article")}
    assert docs == {"cruz-nyt", "cruz-politico", "cruz-wapo"}
    shot(page, "timeline-story-click")
    page.locator("[data-testid='stPageLink'] a").filter(has_text="Cruz Takes Oklahoma").first.click()
    page.wait_for_function("() => location.pathname.endsWith('/article')", timeout=30_000)
    wait_ready(page)
    assert parse_qs(urlparse(page.url).query)["doc"] == ["cruz-nyt"]
