"""benchmarks/polnear_meta.py: PolNeAR's metadata.tsv to a `--meta` sidecar that whosaid reads back."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from whosaid.sidecar import Meta, read_meta

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "polnear_meta.py"
METADATA = ("compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\n"
            "train\twash-post_2016-08-09_ivanka\tNone\tx\twash-post\t2016-08-09\tJane Doe\tIvanka, again\n"
            "parc3-replication\twsj_0001\tNone\tx\tparc\tNone\tNone\tPierre Vinken\n"
            "dev\tnew-outlet_2016-01-01_a\tNone\tx\tnew-outlet\t2016-01-01\tNone\t\n")


def load():
    spec = importlib.util.spec_from_file_location("polnear_meta", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_sidecar_names_each_outlet_and_reads_back(tmp_path, capsys):
    (tmp_path / "metadata.tsv").write_text(METADATA, encoding="utf-8")
    out = tmp_path / "meta.csv"
    assert load().main(["--metadata", str(tmp_path / "metadata.tsv"), "--out", str(out)]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["rows"] == 3 and summary["dated"] == 2
    rows, problems = read_meta(out)
    assert problems == []
    assert rows["wash-post_2016-08-09_ivanka"] == Meta(title="Ivanka, again", date="2016-08-09",
                                                       outlet="The Washington Post", author="Jane Doe")
    assert rows["wsj_0001"].date is None and rows["wsj_0001"].author is None  # "None" is no value
    assert rows["new-outlet_2016-01-01_a"].outlet == "new-outlet"  # a code it does not know is kept as written


def test_without_the_corpus_it_says_so_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "meta.csv"
    assert load().main(["--metadata", str(tmp_path / "missing.tsv"), "--out", str(out)]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["rows"] == 0 and not out.exists()
