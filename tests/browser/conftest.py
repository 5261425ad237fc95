"""A real dashboard server on a free port, driven by Debian's Chromium through Playwright.

The browser is the system one (/usr/bin/chromium, installed by .ci/run); nothing is downloaded. Screenshots land
in test-artifacts/ for a person to look at.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.browser_times import CHROMIUM, CHROMIUM_ARGS, NotStarted, dashboard
from tests.conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def app_env(tmp_path_factory) -> dict[str, str]:
    """A private copy of the shipped store and articles folder, so tests that add articles change nothing else."""
    base = tmp_path_factory.mktemp("browser")
    shutil.copytree(ROOT / "data" / "processed", base / "store", ignore=shutil.ignore_patterns(".lock"))
    shutil.copytree(ROOT / "data" / "articles", base / "articles")
    return {"WHOSAID_STORE": str(base / "store"), "WHOSAID_ARTICLES": str(base / "articles")}


@contextlib.contextmanager
def running_dashboard(env: dict[str, str]) -> Iterator[str]:
    """Start `streamlit run dashboard.py` on a free port (benchmarks/browser_times.py's); yields its base URL."""
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / f"streamlit-server-{os.getpid()}-{time.monotonic_ns()}.log"
    try:
        with dashboard(env, log=log, wait=60) as url:
            yield url
    except NotStarted as e:
        pytest.fail(f"{e} (see {log})")


@pytest.fixture(scope="session")
def server(app_env) -> Iterator[str]:
    """Base URL of a dashboard server shared by the browser tests."""
    with running_dashboard(app_env) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (the Debian package)."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium is not installed at {CHROMIUM}: `apt-get install chromium` (.ci/run does this)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page (no shared cookies or storage)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    context.close()


def wait_ready(pg) -> None:
    """Wait until Streamlit has drawn the page and finished running its script."""
    pg.wait_for_selector("[data-testid='stMain'] h1", timeout=60_000)
    quiet = 0
    for _ in range(400):  # finished: the app says its script is not running, and the "running" widget stays away
        state = pg.locator("[data-testid='stApp']").first.get_attribute("data-test-script-state")
        running = state != "notRunning" or pg.locator("[data-testid='stStatusWidget']").count() > 0
        quiet = 0 if running else quiet + 1
        if quiet >= 4:
            return
        pg.wait_for_timeout(150)


def shot(pg, name: str) -> Path:
    """Save a full-page screenshot as a test artifact."""
    ARTIFACTS.mkdir(exist_ok=True)
    pg.wait_for_function(  # plotly draws after the page script has finished
        "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
        ".every(c => c.querySelector('svg.main-svg'))", timeout=30_000)
    path = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    return path
