"""The date benchmarks run end to end on two documents and print the scorer's figures."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.corpus


@pytest.mark.skipif(not (SHARED / "corpora" / "tempeval3").is_dir(), reason="shared corpora not present")
def test_timex_benchmark_on_two_documents():
    out = subprocess.run([sys.executable, "benchmarks/timex_tbaq.py", "--limit", "2"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    for name in ("TimeBank:", "AQUAINT:", "TimeBank+AQUAINT:"):
        assert name in out.stdout
    assert "value F1" in out.stdout and "timex_score.py score" in out.stdout


@pytest.mark.skipif(not (SHARED / "corpora" / "wikinews-timeline").is_dir(), reason="shared corpora not present")
def test_timeline_benchmark_on_two_documents():
    out = subprocess.run([sys.executable, "benchmarks/timeline_wikinews.py", "--limit", "2"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "date recall" in out.stdout and "2 documents" in out.stdout
