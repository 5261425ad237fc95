"""The dashboard in a real browser: every page opens, filters narrow the views, links bring a view back,
and an article added through the page shows up in the quote table."""
from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import running_dashboard, shot, wait_ready

pytestmark = pytest.mark.browser

PAGES = {"overview": "", "timeline": "timeline", "who_said_what": "who_said_what", "quotes": "quotes",
         "article": "article", "speaker": "speaker", "add_articles": "add_articles"}
COUNT = re.compile(r"(\d+) of (\d+) quotes")


def open_page(pg, server: str, path: str) -> None:
    pg.goto(f"{server}/{path}")
    wait_ready(pg)


def quote_count(pg) -> tuple[int, int]:
    """(shown, total) from the quote page's caption."""
    loc = pg.get_by_text(COUNT)
    loc.wait_for()
    m = COUNT.search(loc.inner_text())
    return int(m[1]), int(m[2])


def downloaded_rows(pg, label: str) -> list[dict]:
    """The rows of the CSV a download button gives (the file is made on click; a click that lands while the page
    reruns is clicked again, as a user would)."""
    for attempt in range(3):
        try:
            with pg.expect_download(timeout=45_000) as dl:
                pg.get_by_role("button", name=label).click()
            return list(csv.DictReader(io.StringIO(open(dl.value.path(), encoding="utf-8-sig").read())))
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            wait_ready(pg)
    raise AssertionError("unreachable")


def choose(pg, label: str, option_index: int = 0) -> str:
    """Pick an option of a select box or multiselect by its label; returns the option's text."""
    box = pg.get_by_role("combobox", name=label)
    box.click()
    option = pg.get_by_role("option").filter(has_not_text="Select all").nth(option_index)
    text = option.inner_text().strip()
    option.click()
    if pg.get_by_role("listbox").count():  # a multiselect stays open for more choices
        pg.keyboard.press("Escape")
    wait_ready(pg)
    return text


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_opens_on_the_seed_without_an_error(page, server, name):
    open_page(page, server, PAGES[name])
    assert page.locator("h1").first.is_visible()
    assert page.locator("[data-testid='stException']").count() == 0
    shot(page, f"page-{name}")


def test_choosing_a_speaker_narrows_the_table_and_the_link_brings_the_view_back(page, browser, server):
    open_page(page, server, "quotes")
    shown_all, total = quote_count(page)
    assert shown_all == total > 1
    speaker = choose(page, "Speaker")
    page.wait_for_function(f"() => !document.body.innerText.includes('{total} of {total} quotes')")
    shown, _ = quote_count(page)
    assert 0 < shown < total
    rows = downloaded_rows(page, "Download these quotes as CSV")
    assert len(rows) == shown and {r["person"] for r in rows} == {speaker}
    url = page.url
    assert parse_qs(urlparse(url).query)["speaker"] == [speaker]
    shot(page, "quotes-one-speaker")

    fresh = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    try:
        fresh.goto(url)
        wait_ready(fresh)
        assert quote_count(fresh) == (shown, total)
        assert fresh.get_by_role("combobox", name="Speaker").locator("xpath=..").get_by_text(speaker).count() >= 1
    finally:
        fresh.context.close()


def test_a_speaker_chosen_on_who_said_what_filters_the_quote_table(page, server):
    open_page(page, server, "who_said_what")
    speaker = choose(page, "Speaker")
    assert parse_qs(urlparse(page.url).query)["who"] == [speaker]
    shot(page, "who-said-what-speaker")
    page.get_by_role("link", name="Their quotes in the table").click()
    page.wait_for_url(re.compile(r"/quotes\?"))
    wait_ready(page)
    shown, total = quote_count(page)
    assert 0 < shown < total
    assert {r["person"] for r in downloaded_rows(page, "Download these quotes as CSV")} == {speaker}


def test_a_malformed_link_gives_a_notice_not_a_traceback(page, server):
    open_page(page, server, "quotes?speaker=Nobody%20At%20All&bogus=1&dates=2017-99-99")
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.get_by_text(re.compile("not used on this page|not a valid value")).count() >= 1
    shown, total = quote_count(page)
    assert shown == total


def test_an_article_added_through_the_page_shows_up_in_the_quote_table(page, server):
    open_page(page, server, "add_articles")
    text = ("Harbor Board Approves Dredging Plan\n\n"
            "The harbor board approved a dredging plan on Monday after months of debate.\n\n"
            "\u201cThis channel has waited thirty years for this work,\u201d said Marisol Quintero, the board's chair. "
            "\u201cShips will come back.\u201d\n\n"
            "Fishermen's union leader Dale Okafor said the plan ignored the fish nurseries in the bay.\n")
    page.get_by_label("…or paste an article's text").fill(text)
    for part, value in (("year", "2019"), ("month", "04"), ("day", "15")):
        page.get_by_role("spinbutton", name=f"{part}, Publication date (optional)").click()
        page.keyboard.type(value)
    page.get_by_role("button", name="Add to the dashboard").click()
    page.get_by_text(re.compile("Added “")).first.wait_for(timeout=120_000)
    shot(page, "add-article-done")

    open_page(page, server, "quotes?q=channel")
    shown, total = quote_count(page)
    assert shown >= 1
    rows = downloaded_rows(page, "Download these quotes as CSV")
    assert any("Quintero" in r["person"] and "thirty years" in r["text"] for r in rows)
    assert any(r["date"] == "2019-04-15" for r in rows)
    shot(page, "quotes-added-article")


def click_longest_bar(pg) -> None:
    """Click the middle of the chart's longest bar, as a person would."""
    bars = pg.locator("[data-testid='stPlotlyChart'] g.point path")
    bars.first.wait_for(state="attached")
    bars.first.scroll_into_view_if_needed()
    pg.wait_for_timeout(1000)  # plotly binds its click handlers after drawing
    box = max((b for b in (bars.nth(i).bounding_box() for i in range(bars.count())) if b),
              key=lambda b: b["width"] * b["height"])  # legend-only traces draw empty bars
    pg.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    pg.wait_for_timeout(300)
    pg.mouse.down()  # plotly takes a press and a release on its drag layer as a click
    pg.wait_for_timeout(80)
    pg.mouse.up()


def test_clicking_a_speaker_bar_chooses_that_speaker(page, server):
    open_page(page, server, "who_said_what")
    click_longest_bar(page)
    page.wait_for_function("() => location.search.includes('who=')", timeout=30_000)
    wait_ready(page)
    who = parse_qs(urlparse(page.url).query)["who"][0]
    assert page.locator("h3").filter(has_text=who).count() >= 1
    shot(page, "who-said-what-bar-click")


def test_a_shared_link_works_as_the_first_visit_of_a_fresh_server(page, app_env):
    # A fresh Streamlit server with a pages/ folder starts in its old pages-folder mode; a deep link must still
    # get dashboard.py's navigation and working widgets.
    with running_dashboard(app_env) as url:
        page.goto(f"{url}/who_said_what?article=nbc-sessions-chicago-sanctuary")
        wait_ready(page)
        assert page.locator("h1").first.inner_text() == "Who said what"
        nav = page.locator("[data-testid='stSidebarNav']").inner_text()
        assert "Add articles" in nav and "ui" not in nav.split()  # dashboard.py's navigation, not the folder's
        click_longest_bar(page)
        page.wait_for_function("() => location.search.includes('who=')", timeout=30_000)
        assert "article=nbc-sessions-chicago-sanctuary" in page.url
        shot(page, "fresh-server-deep-link")


def test_clicking_a_quote_row_opens_it_highlighted_in_its_article(page, server):
    open_page(page, server, "quotes?kind=direct")
    grid = page.locator("[data-testid='stDataFrame']")
    grid.wait_for()
    page.wait_for_timeout(1000)  # the grid is drawn on a canvas; give it a moment to take clicks
    box = grid.bounding_box()
    page.mouse.move(box["x"] + 15, box["y"] + 52)  # the first row's selection cell, under the header row
    page.wait_for_timeout(200)
    page.mouse.click(box["x"] + 15, box["y"] + 52)
    page.wait_for_function("() => location.pathname.endsWith('/article')", timeout=30_000)
    wait_ready(page)
    params = parse_qs(urlparse(page.url).query)
    assert params["quote"][0].startswith(params["doc"][0] + "#q")
    assert page.locator(".whosaid-quote").count() >= 1
    shot(page, "article-from-quote-row")



def test_clicking_a_week_of_a_speaker_lists_their_quotes_of_that_week(page, server):
    open_page(page, server, "speaker?name=Jeff+Sessions")
    points = page.locator("[data-testid='stPlotlyChart'] g.scatterlayer g.points path")
    points.first.wait_for(state="attached")
    points.first.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)  # plotly binds its click handlers after drawing
    box = max((b for b in (points.nth(i).bounding_box() for i in range(points.count())) if b),
              key=lambda b: -b["y"])  # the highest point: the week with the most quotes
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(300)
    page.mouse.down()
    page.wait_for_timeout(80)
    page.mouse.up()
    page.wait_for_function("() => location.pathname.endsWith('/quotes') && location.search.includes('dates=')",
                           timeout=30_000)
    wait_ready(page)
    query = parse_qs(urlparse(page.url).query)
    assert query["speaker"] == ["Jeff Sessions"] and len(query["dates"]) == 2
    shown, total = quote_count(page)
    assert 0 < shown < total
    shot(page, "speaker-week-click")


def test_one_row_per_quotation_is_kept_in_the_link(page, server):
    open_page(page, server, "quotes")
    page.get_by_text("One row per quotation").click()
    page.wait_for_function("() => location.search.includes('quotations=true')", timeout=30_000)
    wait_ready(page)
    assert page.get_by_text(re.compile(r"\d+ quotations in the \d+ quotes")).count() == 1
    shot(page, "quotes-one-row-per-quotation")
