"""A freshness check: the store shipped in data/processed is what the current pipeline makes of data/articles
(it compares the pipeline with its own earlier output, so it catches a stale store, not a wrong one)."""
from __future__ import annotations

import subprocess
import sys

from whosaid import store

from tests.conftest import ROOT


def test_shipped_store_is_fresh(tmp_path):
    committed = ROOT / "data" / "processed"
    proc = subprocess.run([sys.executable, "-m", "whosaid", "build", str(ROOT / "data" / "articles"), "--out", str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr
    fresh, shipped = store.load_tables(tmp_path), store.load_tables(committed)
    for name in store.TABLES:
        a = fresh[name].drop(columns=["path"], errors="ignore").astype(str).reset_index(drop=True)
        b = shipped[name].drop(columns=["path"], errors="ignore").astype(str).reset_index(drop=True)
        assert a.equals(b), (f"data/processed/{name} is stale: run "
                             "`python -m whosaid build data/articles --out data/processed --force --prune` and commit it")
