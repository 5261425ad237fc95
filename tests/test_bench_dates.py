"""The date benchmarks run end to end on a few documents and their figures stay above their floors."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHARED

pytestmark = pytest.mark.corpus


def last_json(script: str, limit: int) -> dict:
    """The closing JSON line of a benchmark run on the first `limit` documents."""
    out = subprocess.run([sys.executable, script, "--limit", str(limit)], cwd=ROOT, capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not (SHARED / "corpora" / "tempeval3").is_dir(), reason="shared corpora not present")
def test_timex_figures_on_five_documents_per_corpus_stay_above_their_floors():
    both = last_json("benchmarks/timex_tbaq.py", 5)["TimeBank+AQUAINT"]
    # floors a little under what these ten documents scored when written (0.864 / 0.949 / 0.780)
    assert both["strict_f1"] >= 0.80
    assert both["relaxed_f1"] >= 0.90
    assert both["value_f1"] >= 0.72


@pytest.mark.skipif(not (SHARED / "corpora" / "wikinews-timeline").is_dir(), reason="shared corpora not present")
def test_timeline_figures_on_six_articles_stay_above_their_floors():
    figures = last_json("benchmarks/timeline_wikinews.py", 6)
    # floors a little under what these six articles scored when written (recall 0.529, precision 0.500)
    assert figures["dated_gold_events"] == 17
    assert figures["date_recall"] >= 0.45
    assert figures["date_precision"] >= 0.45


@pytest.mark.skipif(not (SHARED / "corpora" / "tempeval3").is_dir(), reason="shared corpora not present")
def test_event_date_figures_on_three_documents_per_corpus_stay_above_their_floors():
    pytest.importorskip("sklearn")
    figures = last_json("benchmarks/event_dates.py", 3)
    # floors a little under what these six documents scored when written (rules and model 0.640 / 0.778)
    assert figures["documents"] == 6 and figures["model"]["dated_gold_events"] == 25
    assert len(figures["folds"]) == 5
    assert figures["model"]["date_recall"] >= 0.55 and figures["model"]["date_precision"] >= 0.65
    assert figures["rules"]["date_recall"] >= 0.55
    undated = figures["polnear_undated"]
    if undated is not None:  # PolNeAR present: the first three dev articles
        assert undated["articles"] == 3 and undated["undated_before_filter"] == undated["undated"] + undated["left_out"]
        assert undated["left_out"] >= 1 and sum(undated["left_out_by_reason"].values()) == undated["left_out"]


@pytest.mark.skipif(not (SHARED / "corpora" / "tempeval3").is_dir(), reason="shared corpora not present")
def test_event_date_errors_by_kind_add_up_to_the_misses_and_the_wrong_dates():
    pytest.importorskip("sklearn")
    out = subprocess.run([sys.executable, "benchmarks/event_dates.py", "--limit", "3", "--examples", "1"], check=False,
                         cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    kinds = {"no_event", "undated", "dct_for_other", "other_for_dct", "grain", "other_date"}
    for side in ("rules", "model"):
        e, f = figures["errors"][side], figures[side]
        assert set(e["recall"]) == kinds and set(e["precision"]) == kinds
        assert sum(e["recall"].values()) == e["misses"] == round(f["dated_gold_events"] * (1 - f["date_recall"]))
        assert sum(e["precision"].values()) == e["wrong"] == round(f["matched_events"] * (1 - f["date_precision"]))
        assert e["precision"]["no_event"] == 0 and e["misses"] > 0
        # one example printed for each kind that occurs
        shown = {line.split(":")[0].split()[1] for line in out.stdout.splitlines() if line.startswith(f"  {side} ")}
        assert shown == {k for k, n in e["recall"].items() if n}
