"""Parallel builds: the same store from one worker, two, or a Dask LocalCluster; a build killed mid-way leaves a
readable store and the next one completes it with nothing lost or doubled; bad files are reported and the rest goes
on; Dask is imported only for --cluster."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from whosaid import store
from whosaid.build import batches, build
from whosaid.build.work import Job

from tests.conftest import ROOT

NAMES = ["Jane Doe", "Rahm Emanuel", "Jeff Sessions", "Lori Lightfoot", "Mary Major", "Tom Brown", "Ann Lee",
         "Bob Stone", "Carla Diaz", "Dan Wu"]


def article(i: int, name: str) -> str:
    return (f"Council Vote {i}\n\n{name} said on Monday that the council would vote on the bridge in May.\n\n"
            f'"We are nearly done," {name.split()[-1]} told reporters on March {i + 1}, 2024.\n')


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("articles")
    for i, name in enumerate(NAMES):
        (src / f"a{i:02d}.txt").write_text(article(i, name), encoding="utf-8")
    return src


def whosaid(*args: str) -> subprocess.CompletedProcess:
    """`whosaid ARGS` in a fresh process; its stdout says whether Dask got imported."""
    code = ("import sys; from whosaid.cli import main; rc = main(sys.argv[1:]); "
            "print(sorted(m for m in ('dask', 'distributed') if m in sys.modules)); sys.exit(rc)")
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, timeout=600,
                          check=False)


def same(a: store.Tables, b: store.Tables) -> None:
    for name in store.TABLES:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> store.Tables:
    """The corpus built by one worker process, in small batches committed at once."""
    out = tmp_path_factory.mktemp("ref")
    proc = whosaid("build", str(corpus), "--out", str(out), "--workers", "1", "--batch-size", "3")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]", "a build without --cluster imported Dask"
    assert "10 to process" in proc.stderr and "chars/s" in proc.stderr  # the progress bar shows the rate
    tables = store.load_tables(out)
    assert len(tables["articles"]) == len(NAMES) and len(tables["quotes"]) >= len(NAMES)
    return tables


def test_two_workers_build_the_same_store_as_one(corpus, reference, tmp_path):
    proc = whosaid("build", str(corpus), "--out", str(tmp_path), "--workers", "2", "--batch-size", "2")
    assert proc.returncode == 0, proc.stderr
    same(store.load_tables(tmp_path), reference)


def test_a_dask_local_cluster_builds_the_same_store(corpus, reference, tmp_path, nlp):
    distributed = pytest.importorskip("distributed")
    from whosaid.build.cluster import DaskExecutor

    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cl, \
            distributed.Client(cl) as client:
        report = build([corpus], tmp_path, executor=DaskExecutor(client=client), batch_size=2, progress=False)
    assert (report.processed, report.failed, report.skipped) == (len(NAMES), 0, 0)
    same(store.load_tables(tmp_path), reference)


def wait_for(condition, proc: subprocess.Popen, timeout: float = 300) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, "the build ended before the moment to kill it"
        assert time.monotonic() < end, "timed out waiting for the moment to kill the build"
        time.sleep(0.05)


def committed(out: Path) -> int:
    return len(store.known_hashes(out))  # the manifest is replaced atomically: never read half-written


def parts_on_disk(out: Path) -> int:
    return len(list((out / "quotes").glob("part-*.parquet"))) if (out / "quotes").is_dir() else 0


@pytest.mark.parametrize("moment", ["first part written", "after two commits"])
def test_a_build_killed_mid_way_resumes_with_nothing_lost_or_doubled(corpus, reference, tmp_path, moment):
    out = tmp_path / "store"
    cmd = [sys.executable, "-m", "whosaid", "build", str(corpus), "--out", str(out), "--workers", "2",
           "--batch-size", "1", "--commit-every", "0"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if moment == "first part written":
            wait_for(lambda: parts_on_disk(out) >= 1, proc)
        else:
            wait_for(lambda: (out / "manifest.json").exists() and committed(out) >= 2, proc)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    kept = store.known_hashes(out)
    assert len(kept) < len(NAMES), "the build finished before it was killed"
    if kept:  # what was committed reads whole
        assert set(store.load_tables(out)["articles"]["doc"]) == set(kept)
    again = subprocess.run(cmd[:-4], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert again.returncode == 0, again.stderr
    assert f"{len(kept)} unchanged, {len(NAMES) - len(kept)} to process" in again.stderr
    tables = store.load_tables(out)
    same(tables, reference)
    assert tables["quotes"]["quote_id"].is_unique and tables["articles"]["doc"].is_unique
    store.compact(out, grace=0)  # the killed build's uncommitted parts are garbage, and collected
    named = {p for name in store.TABLES for p in store.table_files(out, name)}
    assert {p for name in store.TABLES for p in (out / name).glob("*.parquet")} == named


def test_a_bad_file_gets_one_line_and_the_rest_is_built(corpus, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text(article(1, "Jane Doe"))
    (src / "empty.txt").write_bytes(b"")
    (src / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    proc = whosaid("build", str(src), "--out", str(tmp_path / "s"), "--workers", "1")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("whosaid: skipped")]
    assert len(lines) == 2 and any("empty" in ln for ln in lines) and any("binary" in ln for ln in lines)
    assert list(store.load_tables(tmp_path / "s")["articles"]["doc"]) == ["good"]


def test_prune_drops_articles_gone_from_the_sources_and_compact_tidies_up(corpus, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(3):
        (src / f"n{i}.txt").write_text(article(i, NAMES[i]))
    out = tmp_path / "s"
    assert whosaid("build", str(src), "--out", str(out), "--workers", "1").returncode == 0
    (src / "n1.txt").unlink()
    proc = whosaid("build", str(src), "--out", str(out), "--prune")
    assert proc.returncode == 0 and "2 unchanged, 0 to process" in proc.stderr
    assert sorted(store.known_hashes(out)) == ["n0", "n2"]
    proc = whosaid("compact", str(out), "--grace", "0")
    assert proc.returncode == 0 and "compacted" in proc.stderr
    assert store.snapshot(out).clean and sum(len(list((out / name).glob("*.parquet"))) for name in store.TABLES) == len(store.TABLES)
    assert sorted(store.load_tables(out)["articles"]["doc"]) == ["n0", "n2"]


def test_batches_shrink_towards_the_end_and_cover_every_job_once():
    jobs = [Job(f"/f{i}", f"f{i}", f"f{i}") for i in range(300)]
    sizes = [len(b) for b in batches(jobs, 32, 2)]
    assert sum(sizes) == 300 and sizes[0] == 32 and sizes[-1] == 1 and sizes == sorted(sizes, reverse=True)
    assert [j for b in batches(jobs, 32, 2) for j in b] == jobs


def test_a_build_without_work_makes_an_empty_store_and_starts_no_worker(tmp_path):
    proc = whosaid("build", str(tmp_path / "nothing-here"), "--out", str(tmp_path / "s"))
    assert "cannot be read" in proc.stderr and proc.returncode == 1
    assert json.loads((tmp_path / "s" / "manifest.json").read_text())["articles"] == {}
