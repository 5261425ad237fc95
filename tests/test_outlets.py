"""Outlets, cue classes and speaker types, end to end: articles from two outlets built with a `--meta` sidecar (and
a folder of folders), then exported and opened in the dashboard."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from _apptest import new_app, open_page
from whosaid import store
from whosaid.dashboard.routes import OVERVIEW, QUOTES, SPEAKER, WHO_SAID_WHAT

from tests.conftest import ROOT

ARTICLES = {
    "tribune/budget.txt": (
        "City budget passes after long debate\n\n"
        '"This budget keeps every library open," Mayor Jane Porter said on Monday.\n'
        "Councillor Tom Reyes said the plan would raise fees for small businesses.\n"
        "Porter believes the city can balance its books by 2020.\n"
        '"We will review every line of it," Reyes told reporters.\n'
        '"They never listen to the small shops," Reyes said.\n'),
    "herald/transit.txt": (
        "Transit fares to rise in spring\n\n"
        '"Riders deserve better service for their money," Mayor Jane Porter said on Tuesday.\n'
        "The Metropolitan Transit Authority declined to comment on the plan.\n"
        "Union leader Maria Santos said drivers had not been consulted.\n"
        '"Nobody asked us," Santos said.\n'
        "Santos believes the fare rise will drive riders away.\n"
        "Officials said the new fares would start in April.\n"
        '"It is a disgrace," they said.\n'),
}
# budget's outlet comes from the sidecar (over its folder), transit's from its folder; a row naming no file and
# a bad date each get one line.
SIDECAR = ("file,date,outlet,title\n"
           "budget,2019-03-04,The Tribune,\n"
           "transit.txt,2019-03-05,,Fares rise\n"
           ",2019-03-06,Nowhere,\n"
           "missing,March 2019,,\n")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "whosaid", *args], cwd=ROOT, capture_output=True, timeout=600,
                          env={**os.environ, "WHOSAID_ALIASES": ""})


def write_articles(base: Path, which: tuple[str, ...]) -> Path:
    for rel in which:
        (base / rel).parent.mkdir(parents=True, exist_ok=True)
        (base / rel).write_text(ARTICLES[rel], encoding="utf-8")
    return base


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    base = tmp_path_factory.mktemp("outlets")
    write_articles(base / "articles", tuple(ARTICLES))
    (base / "meta.csv").write_text(SIDECAR, encoding="utf-8")
    proc = run("build", str(base / "articles"), "--meta", str(base / "meta.csv"), "--out", str(base / "store"),
               "--workers", "1")
    return base / "store", proc


@pytest.fixture(scope="module")
def one_outlet(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("one-outlet")
    write_articles(base / "articles", ("herald/transit.txt",))
    proc = run("build", str(base / "articles"), "--out", str(base / "store"), "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    return base / "store"


def test_the_sidecar_wins_over_the_folder_which_names_the_rest(built):
    root, proc = built
    assert proc.returncode == 0, proc.stderr
    articles = store.load_tables(root)["articles"].set_index("doc")
    assert articles.loc["budget", "outlet"] == "The Tribune" and articles.loc["budget", "date"] == "2019-03-04"
    assert articles.loc["transit", "outlet"] == "herald" and articles.loc["transit", "title"] == "Fares rise"
    notes = [line for line in proc.stderr.decode().splitlines() if "meta.csv" in line]
    assert len(notes) == 2
    assert "line 4: names no file" in notes[0] and "line 5: 'March 2019' is not a date" in notes[1]


def test_a_changed_sidecar_row_processes_its_article_again(built, tmp_path):
    root, _ = built
    meta = tmp_path / "meta.csv"
    meta.write_text("file,outlet\nbudget,The Tribune\n", encoding="utf-8")
    src = root.parent / "articles"
    proc = run("build", str(src), "--meta", str(meta), "--out", str(tmp_path / "store"), "--workers", "1")
    assert proc.returncode == 0
    meta.write_text("file,outlet\nbudget,Tribune Weekly\n", encoding="utf-8")
    proc = run("build", str(src), "--meta", str(meta), "--out", str(tmp_path / "store"), "--workers", "1")
    assert "2 articles, 1 unchanged, 1 to process" in proc.stderr.decode()
    articles = store.load_tables(tmp_path / "store")["articles"].set_index("doc")
    assert articles.loc["budget", "outlet"] == "Tribune Weekly"


def test_a_sidecar_without_a_file_column_stops_the_build_with_the_reason(tmp_path):
    (tmp_path / "meta.csv").write_text("name,outlet\nx,Y\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLES["tribune/budget.txt"], encoding="utf-8")
    proc = run("build", str(tmp_path / "a.txt"), "--meta", str(tmp_path / "meta.csv"), "--out", str(tmp_path / "s"))
    assert proc.returncode == 2 and "names no file column" in proc.stderr.decode()
    assert len(proc.stderr.decode().strip().splitlines()) == 1


def test_extract_takes_the_sidecar_too(tmp_path):
    write_articles(tmp_path, ("herald/transit.txt",))
    (tmp_path / "meta.csv").write_text("stem\toutlet\tdate\ntransit\tThe Herald\t2019-03-05\n", encoding="utf-8")
    proc = run("extract", str(tmp_path / "herald" / "transit.txt"), "--meta", str(tmp_path / "meta.csv"))
    out = json.loads(proc.stdout)
    assert (out["outlet"], out["date"]) == ("The Herald", "2019-03-05")
    assert {q["cue_class"] for q in out["quotes"]} >= {"speech", "stance", "no_comment"}


def test_every_exported_quote_carries_its_outlet(built):
    root, _ = built
    proc = run("export", "quotes", "--store", str(root), "--format", "csv")
    quotes = pd.read_csv(io.BytesIO(proc.stdout))
    assert len(quotes) >= 8 and quotes["outlet"].notna().all()
    assert set(quotes.groupby("doc")["outlet"].first().items()) == {("budget", "The Tribune"), ("transit", "herald")}


# -- the dashboard ------------------------------------------------------------------------------------------

@pytest.fixture
def app(built, monkeypatch, tmp_path):
    monkeypatch.setenv("WHOSAID_STORE", str(built[0]))
    monkeypatch.setenv("WHOSAID_ARTICLES", str(tmp_path / "articles"))
    monkeypatch.setenv("WHOSAID_ALIASES", str(tmp_path / "no-aliases.tsv"))
    return new_app(timeout=90)


def totals(at) -> dict[str, int]:
    """Quotes per speaker in the who-said-what table."""
    table = table_with(at, "person", "roles", "total")
    return dict(zip(table["person"], table["total"]))


def table_with(at, *columns: str) -> pd.DataFrame:
    """The first table showing all these columns (read-only tables carry no key)."""
    return next(d.value for d in at.dataframe if set(columns) <= set(d.value.columns))


def heatmaps(at) -> list:
    return [c for c in at.get("plotly_chart") if c.key == "outlet_chart"]


def test_who_said_what_counts_people_saying_and_writing_by_default(app):
    at = open_page(app, WHO_SAID_WHAT.file)
    assert not at.exception
    assert totals(at) == {"Tom Reyes": 3, "Jane Porter": 2, "Maria Santos": 2}  # no stance, no organisation
    assert any("1 quote without an identified speaker" in link.proto.label for link in at.get("page_link"))


def test_stance_quotes_are_one_filter_away(app):
    at = open_page(app, WHO_SAID_WHAT.file, **{"class": ["speech", "writing", "stance"]})
    assert totals(at) == {"Jane Porter": 3, "Maria Santos": 3, "Tom Reyes": 3}


def test_the_type_filter_shows_organisations_and_groups(app):
    at = open_page(app, WHO_SAID_WHAT.file, type=["organisation", "group"], **{"class": ["no_comment", "speech"]})
    assert totals(at) == {"Transit Authority": 1, "Officials": 1}
    assert "they" not in totals(at)  # an unresolved pronoun is never a bar, whatever the types


def test_the_outlet_filter_changes_the_counts(app):
    at = open_page(app, WHO_SAID_WHAT.file, outlet="herald")
    assert totals(at) == {"Maria Santos": 2, "Jane Porter": 1}
    assert at.multiselect(key="outlet").value == ["herald"]


def test_whom_each_outlet_quotes_shows_with_two_outlets(app):
    at = open_page(app, WHO_SAID_WHAT.file)
    [chart] = heatmaps(at)
    spec = json.loads(chart.proto.spec)["data"][0]
    assert sorted(spec["x"]) == ["The Tribune", "herald"] and "Tom Reyes" in spec["y"]


def test_no_outlet_facet_with_one_outlet(one_outlet, monkeypatch, tmp_path):
    monkeypatch.setenv("WHOSAID_STORE", str(one_outlet))
    monkeypatch.setenv("WHOSAID_ARTICLES", str(tmp_path / "articles"))
    at = open_page(new_app(timeout=90), WHO_SAID_WHAT.file)
    assert not at.exception and totals(at) and heatmaps(at) == []


def test_the_overview_lists_each_articles_outlet(app):
    at = open_page(app, OVERVIEW.file)
    table = next(d for d in at.dataframe if d.key == "articles_table").value
    assert dict(zip(table["doc"], table["outlet"])) == {"budget": "The Tribune", "transit": "herald"}


def test_the_quote_table_shows_and_filters_outlet_and_cue_class(app):
    at = open_page(app, QUOTES.file)
    table = next(d for d in at.dataframe if d.key == "quote_table").value
    assert {"outlet", "cue_class"} <= set(table.columns) and set(table["cue_class"]) >= {"speech", "stance"}
    at = open_page(new_app(timeout=90), QUOTES.file, outlet="The Tribune", **{"class": "stance"})
    table = next(d for d in at.dataframe if d.key == "quote_table").value
    assert list(table["text"]) == ["the city can balance its books by 2020"]


def test_the_speaker_page_shows_names_roles_with_their_articles_and_only_resolved_mentions(app):
    at = open_page(app, SPEAKER.file, name="Tom Reyes")
    assert not at.exception
    variants = table_with(at, "name", "quotes", "articles")
    assert dict(zip(variants["name"], variants["quotes"])) == {"Councillor Tom Reyes": 1, "Reyes": 2}
    assert "Their quotes name no other known speaker." in [c.value for c in at.caption]  # "They": no person
    at = open_page(new_app(timeout=90), SPEAKER.file, name="Jane Porter")
    roles = table_with(at, "role", "title")
    assert sorted(zip(roles["role"], roles["title"])) == [("Mayor", "City budget passes after long debate"),
                                                          ("Mayor", "Fares rise")]
