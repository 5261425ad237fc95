"""The browser benchmark on the shipped store with tiny settings: it opens the pages in Chromium, changes a box,
and prints a table and one JSON line whose figures are sane (floors, never timings to beat)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


def test_the_browser_benchmark_prints_each_pages_figures(app_env):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    out = subprocess.run([sys.executable, "benchmarks/browser_times.py", "--store", app_env["WHOSAID_STORE"],
                          "--pages", "timeline,quotes", "--env", "WHOSAID_TABLE_ROWS=3",
                          "--env", "WHOSAID_OPTION_LIMIT=2"],
                         cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.strip().splitlines()
    assert lines[1].split()[:3] == ["page", "run", "settle"]
    assert {line.split()[0] for line in lines[2:-1]} == {"timeline", "quotes"}
    figures = json.loads(lines[-1])
    assert set(figures["pages"]) == {"timeline", "quotes"}
    timeline, quotes = figures["pages"]["timeline"], figures["pages"]["quotes"]
    for page in (timeline, quotes):
        for run in ("cold", "warm", "change"):  # both pages have a box a person changes
            assert page[f"{run}_s"] > 0 and page[f"{run}_ws_kb"] > 0 and page[f"{run}_nodes"] > 100
    assert timeline["warm_traces"] >= 1 and timeline["warm_points"] >= 1  # the timeline chart was drawn
    assert quotes["warm_traces"] == 0  # the quote page draws no chart
    assert figures["max_cold_s"] == max(timeline["cold_s"], quotes["cold_s"])
