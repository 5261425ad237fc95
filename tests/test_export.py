"""`whosaid export`: quotes, persons, events and stories as CSV, JSON lines and Parquet, for pandas or R."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pandas as pd
import pytest
from _dashboard_data import build

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    return build(tmp_path_factory.mktemp("export") / "store")


def export(store, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "whosaid", "export", *args, "--store", str(store)], cwd=ROOT,
                          capture_output=True, timeout=300, env={"WHOSAID_ALIASES": "", "PATH": ""})


def test_quotes_carry_their_article_speaker_and_corpus_person(small_store):
    proc = export(small_store, "quotes", "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(rows) == 6
    assert {"doc", "speaker", "person", "person_id", "person_type", "kind", "cue", "cue_class", "date", "text",
            "outlet"} <= set(rows[0])
    assert {r["cue_class"] for r in rows} <= {"speech", "writing", "stance", "no_comment"}
    sessions = [r for r in rows if r["person"] == "Jeff Sessions"]
    assert {r["speaker"] for r in sessions} >= {"Jeff Sessions"} and len({r["person_id"] for r in sessions}) == 1
    assert all(r["person_type"] == "person" for r in sessions)
    assert {r["doc"] for r in sessions} == {"a-sanctuary", "b-lawsuit"}  # one person across both articles


def test_the_three_formats_hold_the_same_rows(small_store, tmp_path):
    csv = export(small_store, "persons", "--format", "csv")
    parquet_file = tmp_path / "persons.parquet"
    pq = export(small_store, "persons", "--format", "parquet", "--out", str(parquet_file))
    jsonl = export(small_store, "persons", "--format", "jsonl")
    assert csv.returncode == pq.returncode == jsonl.returncode == 0
    a = pd.read_csv(io.BytesIO(csv.stdout))
    b = pd.read_parquet(parquet_file)
    c = pd.read_json(io.BytesIO(jsonl.stdout), lines=True)
    assert list(a["person_id"]) == list(b["person_id"]) == list(c["person_id"])
    assert "Jeff Sessions" in set(a["name"]) and "Rahm Emanuel" in set(a["name"])
    assert json.loads(a.loc[a["name"] == "Jeff Sessions", "variants"].iloc[0])  # lists are JSON text in CSV


def test_events_name_their_story_and_stories_list_their_articles(small_store):
    events = [json.loads(x) for x in export(small_store, "events", "--format", "jsonl").stdout.decode().splitlines()]
    stories = [json.loads(x) for x in export(small_store, "stories", "--format", "jsonl").stdout.decode().splitlines()]
    assert events and stories
    dated = [e for e in events if e["date_start"]]
    assert dated and all(e["story_id"] for e in dated)  # every dated event is in a story
    by_id = {s["story_id"]: s for s in stories}
    assert all(e["doc"] in by_id[e["story_id"]]["articles"] for e in dated)


def test_a_missing_store_is_one_clear_line(tmp_path):
    proc = export(tmp_path / "nowhere", "quotes")
    assert proc.returncode == 2
    assert proc.stderr.decode().count("\n") == 1 and "no store" in proc.stderr.decode()
