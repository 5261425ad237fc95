"""The store under concurrent use, with real processes: two "Add articles" actions and a `whosaid build` writing
into one store at once lose nothing and double nothing; the dashboard reading a store that a build is changing
sees one whole version each time (the old or the new), never a mix, never a traceback."""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from whosaid import store

from tests.conftest import ROOT

FIRST = ["Alma Okafor", "Bruno Lindqvist", "Chiara Mbeki", "Dmitri Halvorsen", "Esther Quispe", "Farid Nakamura",
         "Greta Oyelaran", "Hugo Vasquez", "Ines Thorsby", "Jonas Abernathy", "Kira Balogun", "Luca Fitzwilliam",
         "Maren Castellano", "Nils Ardashir", "Olga Pemberton", "Pavel Iwobi", "Rosa Kettering", "Sven Adeyemi",
         "Tala Whitcombe", "Ugo Brannigan"]
ADDER = """
import sys, time
from pathlib import Path
from whosaid import library
from whosaid.nlp import load_nlp
root, articles, go, *files = sys.argv[1:]
nlp = load_nlp()
Path(go + '-' + Path(files[0]).stem + '.ready').touch()
while not Path(go).exists():
    time.sleep(0.01)
for f in files:
    print(library.add_bytes(Path(f).read_bytes(), Path(f).name, root, articles, nlp=nlp).doc, flush=True)
"""


def article(i: int, name: str) -> str:
    """A short article: one speaker (no other article's), 2 to 4 quotes."""
    last = name.split()[-1]
    extra = "".join(f'\n\n"Item {k} of the plan is ready," {last} said.\n' for k in range(i % 3))
    return (f"Bridge Vote {i}\n\n{name} said on Monday that the council would vote on the bridge in May.\n\n"
            f'"We are nearly done," {last} told reporters on March {i + 1}, 2024.\n{extra}')


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict[str, list[Path]]:
    """Article files in four groups: stored first, built meanwhile, added by one process, added by another."""
    base = tmp_path_factory.mktemp("sources")
    groups = {"stored": range(0, 3), "built": range(3, 10), "added1": range(10, 15), "added2": range(15, 20)}
    out: dict[str, list[Path]] = {}
    for group, idx in groups.items():
        (base / group).mkdir()
        out[group] = []
        for i in idx:
            path = base / group / f"art{i:02d}.txt"
            path.write_text(article(i, FIRST[i]), encoding="utf-8")
            out[group].append(path)
    return out


def whosaid_build(src: list[Path] | Path, out: Path, *extra: str) -> subprocess.Popen:
    srcs = [str(p) for p in (src if isinstance(src, list) else [src])]
    return subprocess.Popen([sys.executable, "-m", "whosaid", "build", *srcs, "--out", str(out), "--workers", "1",
                             "--batch-size", "1", "--commit-every", "0", *extra],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finished(proc: subprocess.Popen, timeout: float = 600) -> str:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err
    return out


def first_store(sources, tmp_path: Path) -> Path:
    root = tmp_path / "store"
    finished(whosaid_build(sources["stored"], root))
    assert len(store.known_hashes(root)) == len(sources["stored"])
    return root


def test_two_adds_and_a_build_at_once_lose_nothing_and_double_nothing(sources, tmp_path):
    root, articles, go = first_store(sources, tmp_path), tmp_path / "articles", tmp_path / "go"
    adders = [subprocess.Popen([sys.executable, "-c", ADDER, str(root), str(articles), str(go),
                                *map(str, sources[group])], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True) for group in ("added1", "added2")]
    try:
        for group in ("added1", "added2"):  # both have loaded the model and wait for the signal
            deadline = time.monotonic() + 300
            while not Path(f"{go}-{sources[group][0].stem}.ready").exists():
                assert time.monotonic() < deadline and all(a.poll() is None for a in adders), \
                    [a.stderr.read() for a in adders if a.poll() is not None]
                time.sleep(0.05)
        building = whosaid_build(sources["stored"] + sources["built"], root)
        deadline = time.monotonic() + 300
        while len(store.known_hashes(root)) <= len(sources["stored"]):  # the build's first commit is in
            assert building.poll() is None and time.monotonic() < deadline, building.stderr.read()
            time.sleep(0.02)
        go.touch()
        added = [finished(a).split() for a in adders]
        finished(building)
    finally:
        for proc in [*adders, *(p for p in [locals().get("building")] if p)]:
            if proc.poll() is None:
                proc.kill()
    assert added == [[p.stem for p in sources["added1"]], [p.stem for p in sources["added2"]]]
    expected = {p.stem for group in sources.values() for p in group}
    tables = store.load_tables(root)
    arts, quotes = tables["articles"], tables["quotes"]
    assert sorted(arts["doc"]) == sorted(expected)  # each article once
    assert set(store.known_hashes(root)) == expected
    assert quotes["quote_id"].is_unique and set(quotes["doc"]) == expected
    per_doc = quotes.groupby("doc").size()
    assert all(per_doc[d] == n for d, n in zip(arts["doc"], arts["n_quotes"]))  # every article's quotes, once
    assert all(n >= 1 for n in arts["n_quotes"])
    for group in ("added1", "added2"):  # the saved files are the uploaded ones
        for path in sources[group]:
            assert (articles / path.name).read_bytes() == path.read_bytes()
    named = {p for name in store.TABLES for p in store.table_files(root, name)}
    assert all(p.is_file() for p in named)
