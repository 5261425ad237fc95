"""The build throughput benchmark runs end to end on a tiny corpus and reports every figure (never a timing bound)."""
from __future__ import annotations

import json

from benchmarks.build_throughput import main
from tests.conftest import SEED


def test_benchmark_prints_the_floor_and_each_build_and_ends_with_json(capsys, tmp_path):
    for i in range(2):
        (tmp_path / f"a{i}.txt").write_bytes(SEED.read_bytes())
    assert main(["--articles", "2", "--corpus", str(tmp_path), "--workers", "1,2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert any(ln.startswith("bare pipeline (floor)") for ln in lines)
    assert any(ln.startswith("build, 2 workers") for ln in lines)
    figures = json.loads(lines[-1])
    assert figures["articles"] == 2 and figures["chars"] > 0
    for key in ("floor_chars_s", "build_1w_chars_s", "build_2w_chars_s", "build_1w_peak_mb", "build_2w_peak_mb",
                "build_1w_cpu_s", "floor_cpu_s", "build_1w_cpu_of_floor", "speedup_2w_over_1w",
                "build_1w_per_worker_of_floor"):
        assert figures[key] > 0, key


def test_benchmark_without_its_corpus_says_so_and_skips(capsys, tmp_path):
    assert main(["--corpus", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out
