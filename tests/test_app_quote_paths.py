"""Quote paths and a speaker over time in the dashboard (AppTest), on a store built by `whosaid build` from three
PolNeAR articles that carry the same Clinton quotation ("He is becoming ISIS's best recruiter"), each its own way."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from _apptest import app_on, new_app, open_page
from streamlit.testing.v1 import AppTest
from whosaid.dashboard.routes import QUOTES, SPEAKER

from tests.conftest import ROOT, SHARED

POLNEAR = SHARED / "corpora" / "polnear" / "train" / "text"
DOCS = {"huff-post_2015-12-20_hillary-clinton-s-claim-that-don": "2015-12-20",
        "wash-post_2015-12-20_democratic-candidates-pivot-shar": "2015-12-20",
        "west-journal_2015-12-21_revealed-what-isis-propaganda-vi": "2015-12-21"}
pytestmark = pytest.mark.skipif(not POLNEAR.is_dir(), reason="needs ../shared/corpora/polnear")


@pytest.fixture(scope="module")
def isis_store(tmp_path_factory) -> Path:
    """The three articles, built with their publication dates as a user would."""
    base = tmp_path_factory.mktemp("quote-paths")
    dates = base / "dates.tsv"
    dates.write_text("".join(f"{d}\t{v}\n" for d, v in DOCS.items()), encoding="utf-8")
    out = base / "store"
    proc = subprocess.run([sys.executable, "-m", "whosaid", "build", *(str(POLNEAR / f"{d}.txt") for d in DOCS),
                           "--dates", str(dates), "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture
def app(isis_store, monkeypatch, tmp_path) -> AppTest:
    return app_on(isis_store, monkeypatch, tmp_path, timeout=90)


def table(at: AppTest, key: str):
    return next(d for d in at.dataframe if d.key == key).value


def recruiter(rows) -> int:
    """The position of the row of the ISIS-recruiter quotation."""
    return next(i for i, t in enumerate(rows["text"]) if "best recruiter" in t)


def test_one_row_per_quotation_shows_each_quotation_once_with_its_count(app):
    at = open_page(app, QUOTES.file, quotations="true")
    assert not at.exception and not at.error
    assert at.toggle(key="quotations").value is True
    rows = table(at, "quotation_table")
    assert rows["path_id"].is_unique
    first = rows.iloc[recruiter(rows)]
    assert first["carried"] == "carried by 3 articles, first on 2015-12-20"
    assert first["person"] == "Hillary Clinton"
    plain = open_page(new_app(), QUOTES.file)
    quotes = table(plain, "quote_table")
    copies = sum("best recruiter" in t for t in quotes["text"])  # one row per copy without the option
    assert copies >= 3 and sum("best recruiter" in t for t in rows["text"]) == copies - 2
    assert len(rows) < len(quotes)
    plain.toggle(key="quotations").set_value(True).run()  # the option chosen on the page
    assert len(table(plain, "quotation_table")) == len(rows)


def test_choosing_a_quotation_shows_its_path_with_the_wording_differences(app):
    at = open_page(app, QUOTES.file, quotations="true")
    rows = table(at, "quotation_table")
    at.session_state["quotation_table"] = {"selection": {"rows": [recruiter(rows)], "columns": [], "cells": []}}
    at.run()
    path = rows.iloc[recruiter(rows)]["path_id"]
    assert at.query_params["path"] in (path, [path])
    assert "A quotation carried by 3 articles, first on 2015\\-12\\-20" in " ".join(m.value for m in at.markdown)
    links = [link for link in at.get("page_link") if "article" in link.proto.page]
    assert [link.proto.label.split(" · ")[0] for link in links[:3]] == ["2015\\-12\\-20", "2015\\-12\\-20",
                                                                       "2015\\-12\\-21"]
    diffs = [h.proto.body for h in at.get("html") if "whosaid-diff" in h.proto.body]
    assert len(diffs) == 3
    assert "best recruiter" in diffs[0] and "<ins" not in diffs[0] and "<del" not in diffs[0]  # the first version
    assert any("not carried]" in d or "<ins" in d for d in diffs[1:])  # later ones trimmed or reworded
    at.button(key="close_path").click().run()
    assert "path" not in at.query_params


def test_a_link_to_a_path_opens_it_and_an_unknown_one_is_refused(app):
    at = open_page(app, QUOTES.file, quotations="true")
    path = table(at, "quotation_table").iloc[0]["path_id"]
    at = open_page(new_app(), QUOTES.file, path=path)
    assert not at.exception and "A quotation" in " ".join(m.value for m in at.markdown)
    at = open_page(new_app(), QUOTES.file, path="p-nothing")
    assert "path=p-nothing" in " ".join(t.value for t in at.toast)


def test_the_speaker_over_time_chart_links_a_week_to_the_quote_table(app):
    at = open_page(app, SPEAKER.file, name="Hillary Clinton", compare=["Donald Trump"])
    assert not at.exception and not at.error
    chart = next(c for c in at.get("plotly_chart") if "quotes per week" in c.proto.spec)
    assert "Hillary Clinton" in chart.proto.spec and "Donald Trump" in chart.proto.spec
    at.session_state["weekly_chart"] = {"selection": {"points": [
        {"customdata": ["Hillary Clinton", "2015-12-14", "2015-12-20"], "curve_number": 0, "point_number": 0,
         "point_index": 0}], "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert not at.exception
    assert at.query_params["speaker"] in ("Hillary Clinton", ["Hillary Clinton"])
    rows = table(at, "quote_table")
    assert len(rows) and set(rows["person"]) == {"Hillary Clinton"}
    assert all(d <= "2015-12-20" for d in rows["date"])
    assert any("best recruiter" in t for t in rows["text"])
