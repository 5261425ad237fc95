"""The quote-paths benchmark: its figures on hand-made quotes and sample, and end to end on two PolNeAR articles."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from benchmarks.quote_paths import figures, main
from tests.conftest import SHARED
from tests.test_quote_paths import FULL, OTHER, PUB, TRIMMED, quote

KEYS = {"articles", "quotes", "paths", "paths_2plus", "paths_3plus", "paths_2plus_outlets", "largest_path",
        "sample_pairs", "sample_precision", "sample_recall", "sample_recall_weighted", "train_precision",
        "train_recall", "dev_precision", "dev_recall", "seconds"}


def test_figures_on_hand_made_quotes_and_sample():
    quotes = pd.DataFrame([quote("west", 0, FULL), quote("huff", 0, TRIMMED), quote("wapo", 0, OTHER)])
    articles = pd.DataFrame({"doc": list(PUB), "date": list(PUB.values())})
    sample = pd.DataFrame([
        {"split": "train", "stratum": "merged", "weight": "1", "doc_a": "west", "quote_a": FULL, "doc_b": "huff",
         "quote_b": TRIMMED, "label": "same", "reason": "trimmed"},
        {"split": "dev", "stratum": "near-6+", "weight": "3", "doc_a": "west", "quote_a": FULL, "doc_b": "wapo",
         "quote_b": OTHER, "label": "different", "reason": "another sentence"},
        {"split": "train", "stratum": "near-6+", "weight": "3", "doc_a": "huff", "quote_a": TRIMMED,
         "doc_b": "wapo", "quote_b": OTHER, "label": "same", "reason": "(wrong on purpose: a miss)"}])
    fig = figures({"quotes": quotes, "articles": articles}, sample,
                  quote_persons=quotes[["quote_id", "person_id"]], publisher={"west": "wj", "huff": "hp"})
    assert KEYS <= set(fig)
    assert fig["paths"] == 2 and fig["paths_2plus"] == 1 and fig["paths_2plus_outlets"] == 1
    assert fig["sample_pairs"] == 3 and fig["sample_precision"] == 1.0 and fig["sample_recall"] == 0.5
    assert fig["sample_recall_weighted"] == 0.25  # the miss stands for three pairs
    assert fig["dev_precision"] is None  # nothing joined on dev


@pytest.mark.corpus
@pytest.mark.skipif(not (SHARED / "corpora" / "polnear").is_dir(), reason="shared PolNeAR corpus absent")
def test_figures_on_two_polnear_articles_stay_above_their_floors(capsys):
    assert main(["--limit", "2"]) == 0
    fig = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert KEYS <= set(fig)
    # floors a little under what these two live-blog versions scored when written (7 pairs, 1.0 / 1.0, 19 paths)
    assert fig["articles"] == 2 and fig["sample_pairs"] >= 6
    assert fig["sample_precision"] >= 0.9
    assert fig["sample_recall"] >= 0.8
    assert fig["paths_2plus"] >= 15
