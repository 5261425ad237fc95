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


def article(i: int, name: str, *, filler: int = 0) -> str:
    """An article: one speaker (no other article's), 1 to 4 quotes, and `filler` paragraphs without a quote."""
    last = name.split()[-1]
    extra = "".join(f'\n\n"Item {k} of the plan is ready," {last} said.\n' for k in range(i % 3))
    more = "".join(f"\n\nThe old bridge carried {k} hundred carts a week, and the mill beside it ground grain for "
                   "the valley." for k in range(filler))
    return (f"Bridge Vote {i}\n\n{name} said on Monday that the council would vote on the bridge in May.\n\n"
            f'"We are nearly done," {last} told reporters on March {i + 1}, 2024.\n{extra}{more}')


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict[str, list[Path]]:
    """Article files in four groups: stored first, built meanwhile (long enough that the build takes a while),
    added by one process, added by another."""
    base = tmp_path_factory.mktemp("sources")
    groups = {"stored": range(0, 3), "built": range(3, 12), "added1": range(12, 16), "added2": range(16, 20)}
    out: dict[str, list[Path]] = {}
    for group, idx in groups.items():
        (base / group).mkdir()
        out[group] = []
        for i in idx:
            path = base / group / f"art{i:02d}.txt"
            path.write_text(article(i, FIRST[i], filler=120 if group == "built" else 0), encoding="utf-8")
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
    building: subprocess.Popen | None = None
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
        for proc in [*adders, *([building] if building else [])]:
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


class Versions(threading.Thread):
    """Watches a store's manifest and records every version it sees, with its articles."""

    def __init__(self, root: Path):
        super().__init__(daemon=True)
        self.root, self.seen, self.done = root, {}, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            m = store.read_manifest(self.root)  # replaced whole by each commit: one version's content
            if m:
                self.seen.setdefault(m["version"], frozenset(m["articles"]))
            time.sleep(0.005)


@pytest.fixture
def changing(sources, tmp_path, monkeypatch) -> Iterator[tuple[Path, subprocess.Popen, Versions]]:
    """A store holding the first articles, a build adding the others to it one commit at a time (yielded once
    its first commit is in), and a watcher of its versions."""
    root = first_store(sources, tmp_path)
    monkeypatch.setenv("WHOSAID_STORE", str(root))
    monkeypatch.setenv("WHOSAID_ARTICLES", str(tmp_path / "articles"))
    monkeypatch.setenv("WHOSAID_ALIASES", str(tmp_path / "aliases.tsv"))
    from streamlit.testing.v1 import AppTest
    from whosaid.dashboard import load_data

    assert load_data().version and not AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run().exception
    watcher = Versions(root)  # the dashboard is warm: its imports and first page will not hide the build's commits
    watcher.start()
    building = whosaid_build(sources["stored"] + sources["built"], root)
    deadline = time.monotonic() + 300
    while len(watcher.seen) < 2:
        assert building.poll() is None and time.monotonic() < deadline, building.stderr.read()
        time.sleep(0.01)
    yield root, building, watcher
    if building.poll() is None:
        building.kill()
    watcher.done.set()


def read_data(building: subprocess.Popen, reads: list, errors: list) -> None:
    """The data layer, asked again and again until the build is over: each answer's version, articles, counts."""
    from whosaid.dashboard import load_data, queries

    try:
        while True:
            running = building.poll() is None
            data = load_data()
            assert data.error is None, data.error
            docs = frozenset(data.ask(queries.docs))
            per_doc = dict(data.db.rows("SELECT doc, count(*) FROM quotes GROUP BY doc"))
            reads.append((data.version, docs, {"counts": dict(data.counts), "quotes": per_doc,
                                               "overview": data.ask(queries.overview)}))
            if not running:
                return
    except Exception as exc:  # noqa: BLE001 - handed to the test, which fails with it
        errors.append(exc)


def test_the_dashboard_reading_a_store_a_build_changes_sees_one_whole_version_each_time(sources, changing):
    from streamlit.testing.v1 import AppTest
    from whosaid.dashboard import UNATTRIBUTED, load_data

    root, building, watcher = changing
    reads: list[tuple[str, frozenset, dict]] = []  # version, articles, what the data layer said
    errors: list[Exception] = []
    reader = threading.Thread(target=read_data, args=(building, reads, errors))
    reader.start()
    pages: list[tuple[int, int, int, frozenset]] = []  # the overview's metrics and the docs its table lists
    while True:
        running = building.poll() is None
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
        assert not at.exception, [e.value for e in at.exception]
        metrics = {m.label: int(m.value) for m in at.metric if m.label in ("Articles", "Quotes", "Speakers")}
        table = at.dataframe[0].value
        assert metrics["Quotes"] == table["quotes"].sum()  # the articles' counts and the quotes table agree
        pages.append((metrics["Articles"], metrics["Quotes"], metrics["Speakers"], frozenset(table["doc"])))
        if not running:
            break
    reader.join(300)
    finished(building)
    watcher.done.set()
    if errors:
        raise errors[0]
    final = load_data()  # what each article holds once the build is over (no two articles share a speaker)
    quotes = dict(final.db.rows("SELECT doc, count(*) FROM quotes GROUP BY doc"))
    persons: dict[str, set[str]] = {}
    for doc, person in final.db.rows("SELECT DISTINCT doc, person FROM quote_rows WHERE person <> ?",
                                     [UNATTRIBUTED]):
        persons.setdefault(doc, set()).add(person)
    assert len(quotes) == len(sources["stored"]) + len(sources["built"])

    def speakers(docs: frozenset) -> int:
        return len(set().union(*(persons.get(d, set()) for d in docs)))

    for version, docs, said in reads:
        assert said["counts"]["articles"] == len(docs)
        assert said["quotes"] == {d: quotes[d] for d in docs}  # every article of the version, whole, and no other
        assert said["counts"]["quotes"] == said["overview"]["quotes"] == sum(quotes[d] for d in docs)
        assert said["overview"]["speakers"] == speakers(docs)
        if version in watcher.seen:
            assert docs == watcher.seen[version]  # the version the data layer names is the one it shows
    for n_articles, n_quotes, n_speakers, docs in pages:
        assert (n_articles, n_quotes, n_speakers) == (len(docs), sum(quotes[d] for d in docs), speakers(docs))
        assert docs in watcher.seen.values()
    seen = {docs for _, docs, _ in reads}
    assert len(seen) >= 3, "the dashboard saw no version between the first and the last"


def test_two_processes_storing_one_versions_corpus_tables_both_succeed(tmp_path, monkeypatch):
    import pandas as pd
    from whosaid.store.corpus import load_corpus, write_corpus

    first = {"persons": pd.DataFrame({"person": ["Ann Lee"]})}
    rename = Path.rename

    def raced(self, target):  # the other process renames its folder into place just before this one
        monkeypatch.setattr(Path, "rename", rename)
        write_corpus(tmp_path, "v1", first)
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", raced)
    out = write_corpus(tmp_path, "v1", {"persons": pd.DataFrame({"person": ["Ann Lee"]})})
    assert out.is_dir() and load_corpus(tmp_path, "v1")["persons"]["person"].tolist() == ["Ann Lee"]
    assert [p.name for p in (tmp_path / "corpus").iterdir()] == ["v1"]  # no temporary folder left behind
