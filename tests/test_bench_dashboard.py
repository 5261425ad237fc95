"""The dashboard benchmark on a tiny store: its synthetic corpus has the shape it claims, and its closing JSON
line carries every figure (sane values, never timings to beat)."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

from whosaid import store

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import synthetic


def test_the_synthetic_corpus_has_a_realistic_shape(tmp_path):
    synthetic.build(tmp_path, 600)
    counts = {name: len(df) for name, df in store.load_tables(tmp_path).items()}
    assert counts["quotes"] == 600 and counts["articles"] == 60
    assert 1.3 * 600 <= counts["events"] <= 1.7 * 600
    t = store.load_tables(tmp_path)
    per_person = Counter(t["quotes"]["speaker"].dropna())
    assert len(per_person) <= 60 + 10  # about N/10 speakers (a few named by surname alone)
    top, *rest = [n for _, n in per_person.most_common()]
    assert top >= 5 * sorted(rest)[len(rest) // 2]  # a long tail: the most quoted far above the median
    lengths = t["quotes"]["text"].str.len()
    assert 40 <= lengths.median() <= 300 and t["articles"]["text"].str.len().median() > 1500
    text = t["articles"].set_index("doc")["text"]
    for r in t["quotes"].head(50).itertuples():  # every quote is a span of its article
        s, e = r.content_spans[0]
        assert text[r.doc][s:e].rstrip(",") == r.text.rstrip(",")
    years = t["articles"]["date"].str[:4].astype(int)
    assert years.max() - years.min() >= 5


def test_the_benchmark_prints_its_figures_as_json(tmp_path):
    out = subprocess.run([sys.executable, "benchmarks/dashboard_scale.py", "--quotes", "300", "--repeat", "2",
                          "--store", str(tmp_path / "store")], cwd=ROOT, capture_output=True, text=True, timeout=900,
                         check=False)
    assert out.returncode == 0, out.stderr
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert {"p50_ms", "p95_ms", "cold_start_s", "page_rerun_max_s", "peak_mb"} <= set(figures)
    assert figures["quotes"] == 300
    assert 0 < figures["p50_ms"] <= figures["p95_ms"]
    assert figures["cold_start_s"] > 0 and figures["page_rerun_max_s"] > 0 and figures["peak_mb"] > 50
    assert {"quotes/text", "timeline/dates", "speaker/speaker", "who_said_what/article"} <= set(figures["query_ms"])
    assert set(figures["pages_s"]) == {"overview", "timeline", "who_said_what", "quotes", "article", "speaker"}
