"""Hostile markup in a real browser, and a dashboard shared read-only.

A store holds an article built from a text file whose title, text and quotes carry `<script>`, `<img onerror>`,
`<svg onload>`, `javascript:` links, and a hand-made article whose speaker's role, title, URL and event actors carry
them too, with an aliases file that names its speaker's person with markup (names with markup are not taken for
persons; a user's aliases file is taken as written). Every
page of `whosaid.dashboard.routes`, its charts' hover labels included, must open no dialog, hold no injected
element, and show the markup as text. A second server, started with WHOSAID_READ_ONLY=1, must offer no way to
change the store."""
from __future__ import annotations

import contextlib
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Error as PlaywrightError
from whosaid import store
from whosaid.corpus.persons import read_aliases
from whosaid.dashboard.routes import ADD_ARTICLES, ROUTES
from whosaid.model import Article, Event, Extraction, Quote, Speaker
from whosaid.store.corpus import refresh_corpus

from tests.browser.conftest import ROOT, running_dashboard, shot, wait_ready

pytestmark = pytest.mark.browser

ARTICLE_TEXT = """Mayor <img src=x onerror=alert(2)> speaks <script>alert(1)</script>

The city council approved the harbor plan on Tuesday, March 3, 2020, officials said <svg onload=alert(3)> in a \
statement.

"We will not cave to <script>alert(1)</script> anyone, read <a href="javascript:alert(4)">the budget</a>," Mayor \
Jane Smith said on Wednesday, March 4, 2020.

"It is a <img src=x onerror=alert(2)> plan, see javascript:alert(5) for details," said council member Tom Brooks.

Smith said that the vote <svg onload=alert(3)> would come in April 2020.
"""
NAME = "Ann Lee"
PERSON = 'Ann <img src=x onerror=alert(6)> <b>Lee</b> <a href="javascript:alert(13)">x</a>'  # aliases file's name
ACTOR = "<svg onload=alert(12)> Board"
ROLE = '<a href="javascript:alert(7)">chair</a>'
TITLE = "<svg onload=alert(8)> Council news"
SAID = '"The plan <script>alert(9)</script> is fine,"'
NAMES_TEXT = f"Council news\n\n{SAID} said {NAME} on May 5, 2020.\n"

# Any of these in the page (or in a frame of it) is markup from the store that became an element.
INJECTED = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const a of el.attributes) {
      if (/^on/i.test(a.name) && /alert/.test(a.value)) bad.push(`${tag}[${a.name}]`);
      if (/(^|:)(href|src|action|formaction)$/i.test(a.name) && /^\\s*javascript:/i.test(a.value))
        bad.push(`${tag}[${a.name}=${a.value}]`);
    }
    if (tag === 'img' && el.getAttribute('src') === 'x') bad.push('img[src=x]');
    if (tag === 'script' && /alert\\(/.test(el.textContent)) bad.push('script alert');
  }
  return bad;
}"""


def names_extraction() -> Extraction:
    """The hand-made article: markup in the speaker's name and role, the title, the URL and an event's actors."""
    t = NAMES_TEXT
    c0, n0 = t.index(SAID), t.index(NAME)
    sentence = t[c0:t.index("2020.") + 5]
    return Extraction(
        article=Article(doc="hostile-names", text=t, title=TITLE, date="2020-05-05", date_source="given",
                        date_confidence=1.0, url="javascript:alert(10)"),
        speakers=[Speaker("s0", NAME, "PERSON", [ROLE], [NAME])],
        quotes=[Quote([(c0, c0 + len(SAID))], [(n0, n0 + len(NAME))], [(t.index("said"), t.index("said") + 4)],
                      "direct", NAME, "s0", "say", SAID, "2020-05-05")],
        events=[Event(c0, c0 + len(sentence), sentence, f"{NAME} said: <script>alert(11)</script>", "2020-05-05",
                      "explicit", [NAME, ACTOR], "statement")])


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> dict[str, str]:
    """A store with both hostile articles; the environment of a dashboard that reads it."""
    base = tmp_path_factory.mktemp("hostile-browser")
    (base / "src").mkdir()
    (base / "src" / "hostile-markup.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    env = {"WHOSAID_STORE": str(base / "store"), "WHOSAID_ARTICLES": str(base / "articles"),
           "WHOSAID_ALIASES": str(base / "aliases.tsv")}
    proc = subprocess.run([sys.executable, "-m", "whosaid", "build", str(base / "src"), "--out", env["WHOSAID_STORE"],
                           "--workers", "1"], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    store.upsert(env["WHOSAID_STORE"], [(names_extraction(), "hash-hostile-names")])
    Path(env["WHOSAID_ALIASES"]).write_text(f"{NAME}\t{PERSON}\n", encoding="utf-8")
    refresh_corpus(env["WHOSAID_STORE"], aliases=read_aliases(env["WHOSAID_ALIASES"]))
    assert set(store.live_docs(env["WHOSAID_STORE"])) == {"hostile-markup", "hostile-names"}
    return env


@pytest.fixture(scope="module")
def hostile_server(hostile_store) -> Iterator[str]:
    with running_dashboard(hostile_store) as url:
        yield url


def persons(env: dict[str, str]) -> list[str]:
    """The persons the dashboard lists for the store (as its speaker boxes and links name them)."""
    from whosaid.dashboard import queries
    from whosaid.dashboard.db import Corpus

    root = env["WHOSAID_STORE"]
    db = Corpus(root, store.store_version(root), read_aliases(env["WHOSAID_ALIASES"]), warm=False)
    try:
        return queries.persons_by_weight(db)
    finally:
        db.close()


def urls(env: dict[str, str]) -> list[str]:
    """Every page of the dashboard, opened plainly and on the hostile articles and persons."""
    who = [p for p in persons(env) if "<" in p or "Smith" in p]
    assert any("<img" in p for p in who), who  # the hand-made name reached the persons the pages list
    by_route = {
        "": [""], "timeline": ["", "?article=hostile-names"], "quotes": ["", "?q=alert"],
        "who_said_what": ["", *(f"?who={quote(p)}" for p in who)],
        "article": ["?doc=hostile-markup", "?doc=hostile-names"],
        "speaker": [f"?name={quote(p)}" for p in who], "add_articles": [""]}
    assert set(by_route) == {r.url_path for r in ROUTES}, "a page was added: open it here too"
    return [f"{path}{query}" for path, queries in by_route.items() for query in queries]


def injected(pg) -> list[str]:
    """Elements made of the store's markup, in the page and its frames."""
    return [f"{frame.url}: {bad}" for frame in pg.frames for bad in frame.evaluate(INJECTED)]


def hover_label(pg, point, layer) -> str:
    """The hover label shown over one point, the mouse brought to it afresh (up to three tries on a busy machine)."""
    for _ in range(3):
        with contextlib.suppress(PlaywrightError):  # centred, so the page's fixed header never covers it
            point.evaluate("el => el.scrollIntoView({block: 'center', inline: 'center'})", timeout=5_000)
        box = point.bounding_box()
        if not box or box["width"] * box["height"] == 0:
            return ""
        pg.mouse.move(1, 1)  # away first: plotly draws a label on a move, and a move onto the same spot is none
        pg.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=2)
        with contextlib.suppress(PlaywrightError):  # the label is drawn a moment later on a loaded machine
            layer.locator("text").first.wait_for(state="attached", timeout=3_000)
        if text := layer.text_content():
            return text
    return ""


def hover_every_point(pg) -> list[str]:
    """Hover over each bar and marker of the page's charts (up to 30 per chart); the hover labels' texts."""
    texts = []
    charts = pg.locator("[data-testid='stPlotlyChart']")
    for c in range(charts.count()):
        points = charts.nth(c).locator("g.point path, .scatterlayer path.point")
        layer = charts.nth(c).locator(".hoverlayer").first  # this chart's own hover labels
        texts += [hover_label(pg, points.nth(i), layer) for i in range(min(points.count(), 30))]
    return [t for t in texts if t]


def test_markup_in_the_store_is_shown_as_text_on_every_page(page, hostile_store, hostile_server):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    seen, drawn, hovers, charts = "", "", [], 0
    for path in urls(hostile_store):
        page.goto(f"{hostile_server}/{path}")
        wait_ready(page)
        assert page.locator("[data-testid='stException']").count() == 0, path
        n = page.locator("[data-testid='stPlotlyChart']").count()
        if n:
            page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
                                   ".every(c => c.querySelector('svg.main-svg'))", timeout=30_000)
            charts += n
            hovers += hover_every_point(page)
        assert injected(page) == [], path
        seen += page.locator("[data-testid='stMain']").inner_text() + "\n"
        drawn += "\n".join(page.locator("[data-testid='stPlotlyChart'] text").all_text_contents()) + "\n"
        if path.startswith("article?doc=hostile-markup"):
            shot(page, "hostile-article")
    assert dialogs == []
    assert charts >= 3 and hovers, "no chart was drawn or hovered"
    shown = seen + drawn + "\n".join(hovers)
    for text in ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<svg onload=alert(3)>",
                 '<a href="javascript:alert(4)">the budget</a>', "javascript:alert(5)", PERSON, TITLE, ACTOR,
                 "<script>alert(9)</script>"):
        assert text in shown, f"{text!r} is not shown as text"
    for text in (PERSON, TITLE[:20]):  # a chart's labels (the speakers' bars, the timeline's lanes) as written
        assert text in drawn, f"{text!r} is not shown as text in a chart"
    for text in (PERSON, "<script>alert(1)</script>", ROLE):  # hover labels: a speaker, an event's sentence, a role
        assert any(text in h for h in hovers), f"no hover label shows {text!r} as text"


@pytest.fixture(scope="module")
def read_only_server(hostile_store) -> Iterator[str]:
    with running_dashboard({**hostile_store, "WHOSAID_READ_ONLY": "1"}) as url:
        yield url


CHANGES = "[data-testid='stFileUploader'], [data-testid='stFileUploaderDropzone'], input[type=file]"


def change_widgets(pg) -> list[str]:
    """What on the page could change the store: file uploaders, and buttons or links to add or remove."""
    found = [f"uploader x{pg.locator(CHANGES).count()}"] if pg.locator(CHANGES).count() else []
    found += [t for t in pg.get_by_role("button").all_inner_texts() + pg.get_by_role("link").all_inner_texts()
              if re.search(r"\b(add|remove|upload|delete)\b", t, re.IGNORECASE)]
    return found


def test_a_read_only_dashboard_offers_no_way_to_change_the_store(page, hostile_store, hostile_server,
                                                                 read_only_server):
    page.goto(f"{hostile_server}/{ADD_ARTICLES.url_path}")  # the same page, writable: the checks can see
    wait_ready(page)
    assert change_widgets(page) and "Add articles" in page.locator("[data-testid='stSidebarNav']").inner_text()
    for path in urls(hostile_store):
        page.goto(f"{read_only_server}/{path}")
        wait_ready(page)
        assert page.locator("[data-testid='stException']").count() == 0, path
        assert "Add articles" not in page.locator("[data-testid='stSidebarNav']").inner_text(), path
        assert change_widgets(page) == [], path
    page.goto(f"{read_only_server}/{ADD_ARTICLES.url_path}")
    wait_ready(page)
    assert page.locator("h1").first.inner_text() != ADD_ARTICLES.title
    assert page.locator(CHANGES).count() == 0
    shot(page, "read-only-add-url")
