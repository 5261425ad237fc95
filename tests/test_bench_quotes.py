"""The PolNeAR quote benchmark runs end to end on a few documents and reports every figure."""
from __future__ import annotations

import pytest

from tests.conftest import SHARED

pytestmark = pytest.mark.corpus


@pytest.mark.skipif(not (SHARED / "corpora" / "polnear" / "dev").exists(), reason="shared PolNeAR corpus absent")
def test_benchmark_prints_scores_speed_and_the_scorer_command(capsys, tmp_path):
    from benchmarks.quotes_polnear import main

    out_file = tmp_path / "pred.jsonl"
    assert main(["--limit", "2", "--out", str(out_file)]) == 0
    out = capsys.readouterr().out
    for label in ("content exact P/R/F1", "content overlap P/R/F1", "end-to-end P/R/F1", "source accuracy",
                  "cue accuracy", "direct-quote recall", "crashes", "docs/s", "polnear_score.py"):
        assert label in out
    assert "crashes                    0 of 2" in out
    assert len(out_file.read_text(encoding="utf-8").splitlines()) == 2
