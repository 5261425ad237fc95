"""The hostile corpus: every file gets an answer from `extract`, `build` and the Add articles backend, a one-line
reason for what is skipped or noted, and the rest still comes out with offsets that index the text it is given.

Small inputs are committed in `files/`; the large ones (a 20 MB article, a long paragraph without a sentence end,
thousands of quotes) are written by `make_hostile.py` at WHOSAID_HOSTILE_SCALE of their full size (default 0.05,
so the suite stays fast; 1 runs the sizes of issue 15).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from whosaid import library, store
from whosaid.ingest import IngestError

from tests.conftest import ROOT
from tests.hostile.make_hostile import write_all

FILES = Path(__file__).parent / "files"
SCALE = float(os.environ.get("WHOSAID_HOSTILE_SCALE", "0.05"))
SKIPPED = {  # file -> what its one-line reason says
    "empty.txt": "the file is empty", "whitespace-only.txt": "the file is empty",
    "image-named.txt": "a PNG image", "document-named.txt": "a PDF document", "archive-named.txt": "a zip archive",
    "french.txt": "in French (fr)", "paywall-stub.html": "too short to be an article",
    "huge-article.txt": "more than the 2,000,000",
}
NOTED = {  # kept, with a note saying what reading did
    "utf16-with-bom": "utf-16", "utf16-without-bom": "utf-16-le", "utf8-with-bom": "byte-order mark",
    "latin-1": "cp1252", "windows-1252": "cp1252", "cms-title": "'escenic'", "duplicate two": "same file as",
}
KEPT = {p.stem for p in FILES.iterdir()} - {Path(n).stem for n in SKIPPED} | {"long-paragraph", "many-quotes"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The committed files and the generated large ones in one folder."""
    folder = tmp_path_factory.mktemp("hostile")
    for p in FILES.iterdir():
        shutil.copy(p, folder / p.name)
    write_all(folder, SCALE)
    return folder


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "whosaid", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=3000, check=False)


def check_offsets(out: dict, text: str) -> None:
    """Every span of an `extract` line lies in `text`, timexes read as they say, and quotes do not overlap."""
    n = len(text)
    contents = []
    for q in out["quotes"]:
        for key in ("content_spans", "speaker_spans", "cue_spans"):
            assert all(0 <= s < e <= n for s, e in q[key]), (out["doc"], key, q)
        contents += [(s, e) for s, e in q["content_spans"]]
    contents.sort()
    assert all(a[1] <= b[0] for a, b in pairwise(contents)), out["doc"]
    for t in out["timexes"]:
        assert text[t["start"]:t["end"]] == t["text"]
    for e in out["events"]:
        assert 0 <= e["start"] <= e["end"] <= n


@pytest.fixture(scope="module")
def extracted(corpus) -> subprocess.CompletedProcess:
    return run("extract", str(corpus), "--date", "2017-08-16")


def test_extract_skips_with_one_line_reasons_and_goes_on(extracted):
    assert extracted.returncode == 1, "the exit status says something was skipped"
    assert "Traceback" not in extracted.stderr
    lines = extracted.stderr.splitlines()
    for name, reason in SKIPPED.items():
        said = [ln for ln in lines if ln.startswith((f"whosaid: skipped {name}", f"whosaid: skipped {Path(name).stem}:"))]
        assert len(said) == 1 and reason in said[0], (name, said)
    for stem, note in NOTED.items():
        assert any(ln.startswith("whosaid: note:") and f"{stem}." in ln and note in ln for ln in lines), stem


def test_extract_gives_every_readable_file_with_offsets_into_its_text(extracted, corpus):
    outs = {o["doc"]: o for o in map(json.loads, extracted.stdout.splitlines())}
    assert set(outs) == KEPT
    for stem, out in outs.items():
        path = next(p for p in corpus.iterdir() if p.stem == stem)
        text = out["text"] if "text" in out else path.read_text(encoding="utf-8")
        check_offsets(out, text)
    assert outs["cms-title"]["title"] == "Mayor Vows to Keep Shelters Open All Winter"
    assert outs["many-quotes"]["quotes"] and outs["quotation-marks"]["quotes"]
    assert "<script" not in outs["hostile-markup"]["text"] and "alert(3)" not in outs["hostile-markup"]["text"]
    assert all(o["lang"] in ("en", None) for o in outs.values())


def test_a_non_english_article_is_read_when_asked(corpus):
    proc = run("extract", str(corpus / "french.txt"), "--any-language")
    out = json.loads(proc.stdout)
    assert proc.returncode == 0 and out["lang"] == "fr" and "French" in out["notes"][0]


def test_an_odd_file_name_still_comes_out(tmp_path):
    odd = tmp_path / os.fsdecode(b"bad-\xff-name ../x.txt".replace(b"/", b"_"))
    odd.write_bytes((FILES / "duplicate one.txt").read_bytes())
    proc = run("extract", str(odd))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["doc"] == "bad-\ufffd-name .._x"


def test_build_stores_what_it_can_and_says_what_it_skipped(corpus, tmp_path):
    out = tmp_path / "store"
    proc = run("build", str(corpus), "--out", str(out))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "duplicate two.txt: the same file as" in proc.stderr
    docs = set(store.load_tables(out)["articles"]["doc"])
    assert len(docs) == len(KEPT) - 1 and "duplicate-one" in docs and "duplicate-two" not in docs


def test_add_articles_answers_every_file(corpus, tmp_path, nlp):
    root, arts = tmp_path / "store", tmp_path / "articles"
    added, refused = {}, {}
    for p in sorted(corpus.iterdir()):
        if p.stat().st_size > 300_000 and p.name not in SKIPPED:
            continue  # the long inputs are the command line's test; here only what the page is given
        try:
            added[p.name] = library.add_bytes(p.read_bytes(), p.name, root, arts, nlp=nlp)
        except IngestError as exc:
            refused[p.name] = str(exc)
            assert "\n" not in str(exc)
    for name, reason in SKIPPED.items():
        assert reason in refused[name]
    assert "already in the store as 'duplicate-one'" in refused["duplicate two.txt"]
    assert added["windows-1252.txt"].notes == ["read as cp1252 (told by its bytes)"]
    escaped = library.add_bytes((FILES / "latin-1.txt").read_bytes() + b"\nMore.", "../../escape.txt", root, arts,
                                nlp=nlp)
    assert Path(escaped.path).parent == arts and escaped.doc == "escape"
    assert all(p.resolve().parent == arts.resolve() for p in arts.iterdir())
    assert set(store.load_tables(root)["articles"]["doc"]) == {a.doc for a in added.values()} | {"escape"}
    french = library.add_bytes((FILES / "french.txt").read_bytes(), "french.txt", root, arts, nlp=nlp,
                               any_language=True)
    assert "French" in french.notes[0]
