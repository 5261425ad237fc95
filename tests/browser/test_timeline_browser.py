"""The corpus timeline in a real browser: clicking a story's mark chooses it and lists the articles that reported
it, each a link to the article page; clicking a bar of counted stories narrows the window to its day."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests._corpus_timeline import build_corpus
from tests.browser.conftest import running_dashboard, shot, wait_ready

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("timeline-browser"))


def server_with(root: Path, marks: int) -> Iterator[str]:
    env = {"WHOSAID_STORE": str(root), "WHOSAID_ARTICLES": str(root.parent / "saved"),
           "WHOSAID_TIMELINE_MARKS": str(marks)}
    with running_dashboard(env) as url:
        yield url


@pytest.fixture
def corpus_server(corpus_store) -> Iterator[str]:
    """A dashboard on the three-article corpus, drawing stories one by one (13 marks: its 14 events are more)."""
    yield from server_with(corpus_store, 13)


@pytest.fixture
def counting_server(corpus_store) -> Iterator[str]:
    """The same corpus with 2 marks: its stories are counted per day."""
    yield from server_with(corpus_store, 2)


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


def test_clicking_a_bar_of_counted_stories_narrows_the_window_to_its_day(page, counting_server):
    page.goto(f"{counting_server}/timeline")
    wait_ready(page)
    assert page.get_by_text("stories are counted per day").count() >= 1
    bars = page.locator("[data-testid='stPlotlyChart'] g.point path")
    bars.first.wait_for(state="attached")
    bars.first.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    box = max((b for b in (bars.nth(i).bounding_box() for i in range(bars.count())) if b),
              key=lambda b: b["width"] * b["height"])
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(300)
    page.mouse.down()
    page.wait_for_timeout(80)
    page.mouse.up()
    page.wait_for_function("() => location.search.includes('dates=')", timeout=30_000)
    wait_ready(page)
    assert parse_qs(urlparse(page.url).query)["dates"] == ["2016-03-01", "2016-03-01"]  # Super Tuesday
    shot(page, "timeline-bin-click")
