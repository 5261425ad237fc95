"""The PolNeAR quote benchmark runs end to end on a few dev documents and its figures stay above their floors."""
from __future__ import annotations

import json

import pytest

from tests.conftest import SHARED

pytestmark = pytest.mark.corpus


@pytest.mark.skipif(not (SHARED / "corpora" / "polnear" / "dev").exists(), reason="shared PolNeAR corpus absent")
def test_quote_figures_on_six_dev_documents_stay_above_their_floors(capsys, tmp_path):
    from benchmarks.quotes_polnear import main

    out_file = tmp_path / "pred.jsonl"
    assert main(["--limit", "6", "--out", str(out_file)]) == 0
    out = capsys.readouterr().out
    figures = json.loads(out.strip().splitlines()[-1])
    assert "polnear_score.py" in out  # the scorer's command, to re-check by hand
    assert len(out_file.read_text(encoding="utf-8").splitlines()) == 6
    # floors a little under what these six documents score with the learned tagger (0.842 / 0.763 / 0.906 / 1.0)
    assert figures["model"] == "rules+tagger"  # the shipped model loads offline
    assert figures["crashes"] == 0
    assert figures["content_overlap_p"] >= 0.85
    assert figures["content_overlap_f1"] >= 0.80
    assert figures["end_to_end_f1"] >= 0.72
    assert figures["source_acc"] >= 0.85
    assert figures["direct_recall"] >= 0.95


@pytest.mark.skipif(not (SHARED / "corpora" / "polnear" / "train").exists(), reason="shared PolNeAR corpus absent")
def test_missed_attributions_are_counted_by_kind_on_three_train_documents(capsys, tmp_path):
    from benchmarks.quote_misses import main

    assert main(["--offset", "300", "--docs", "3", "--work", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    figures = json.loads(out.strip().splitlines()[-1])
    assert figures["docs"] == 3 and figures["gold"] > 0
    kinds = ("direct_quote_missed", "found_with_other_boundaries", "cue_not_in_lexicon",
             "listed_cue_construction_not_recognised")
    assert figures["matched"] + sum(figures.get(k, 0) for k in kinds) == figures["gold"]  # every gold sorted once
    assert figures["overlap_p"] >= 0.6 and figures["overlap_r"] >= 0.4
    assert "listed cues by construction" in out
    assert figures["source_ok"] + sum(figures["wrong_sources"].values()) == figures["with_source"]  # each wrong one sorted
    assert "wrong sources by kind" in out
