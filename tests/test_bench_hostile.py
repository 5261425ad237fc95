"""The hostile-cost benchmark runs on its smallest inputs and prints every figure, its last line one JSON object."""
from __future__ import annotations

import json


def test_benchmark_prints_time_and_peak_memory_of_each_case(capsys):
    from benchmarks.hostile_cost import MODES, main

    assert main(["--sizes", "1", "--paragraph-chars", "3000", "--quotes", "20"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert "ratio" in lines[0]
    result = json.loads(lines[-1])
    assert set(result) == {"long_paragraph", "many_quotes"}
    for rows in result.values():
        (row,) = rows
        assert row["size"] == 1 and row["chars"] > 0 and row["ratio"] is not None
        for mode in MODES:
            assert row[mode]["s"] >= 0 and row[mode]["peak_mb"] > 0
    assert result["many_quotes"][0]["extract"]["n"] > 0, "the quotes are found"
