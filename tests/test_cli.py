"""The command line's JSON contract (`extract`) and the store it builds (`build`)."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "whosaid", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_extract_prints_the_json_contract_for_each_file(tmp_path, seed_path):
    html = tmp_path / "page.html"
    html.write_text("<html><head><title>Council</title></head><body><article><p>&ldquo;We are ready,&rdquo; "
                    "the mayor said on Tuesday, adding that the city had prepared for months.</p><p>The council "
                    "approved the plan by seven votes to two after a long debate, and officials said the first "
                    "shelters would open before the end of the year, with more to follow in the spring.</p>"
                    "<p>Critics said the cost had not been explained.</p></article></body></html>")
    proc = run("extract", str(seed_path), str(html), "--date", "2017-08-16")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["doc"] for o in lines] == ["nbc-sessions-chicago-sanctuary", "page"]
    seed, page = lines
    text = seed_path.read_text(encoding="utf-8")
    assert seed["date"] == "2017-08-16" and "text" not in seed
    assert seed["quotes"], "the seed has quotes"
    for q in seed["quotes"]:
        assert q["kind"] in {"direct", "indirect", "mixed"}
        for key in ("speaker_spans", "cue_spans", "content_spans"):
            assert all(0 <= s < e <= len(text) for s, e in q[key])
    for t in seed["timexes"]:
        assert text[t["start"]:t["end"]] == t["text"] and t["type"] in {"DATE", "TIME", "DURATION", "SET"}
    for e in seed["events"]:
        assert {"date", "start", "end", "summary", "actors"} <= set(e)
    # offsets of an HTML page point into the extracted text, which comes along
    assert "We are ready" in page["text"]
    assert any("ready" in page["text"][s:e] for q in page["quotes"] for s, e in q["content_spans"])


def test_extract_takes_each_articles_date_from_a_tsv(tmp_path):
    for name in ("one", "two"):
        (tmp_path / f"{name}.txt").write_text("The governor said on Monday that the budget would pass next week.\n")
    dates = tmp_path / "dates.tsv"
    dates.write_text("one\t2001-03-07\ntwo\t2010-11-20\n")
    proc = run("extract", str(tmp_path / "one.txt"), str(tmp_path / "two.txt"), "--dates", str(dates))
    got = {o["doc"]: o["date"] for o in map(json.loads, proc.stdout.splitlines())}
    assert got == {"one": "2001-03-07", "two": "2010-11-20"}


def test_extract_names_each_document_by_its_file_stem(tmp_path):
    odd = tmp_path / "Mayor's reply (draft)-.txt"
    odd.write_text("The mayor said on Monday that the city would appeal the ruling.\n")
    proc = run("extract", str(odd), "--date", "2017-08-16")
    assert json.loads(proc.stdout)["doc"] == "Mayor's reply (draft)-"


def test_a_bad_file_is_reported_and_the_others_still_come_out(tmp_path, seed_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    proc = run("extract", str(tmp_path / "empty.txt"), str(tmp_path / "blob.txt"), str(seed_path))
    assert proc.returncode == 1, "the exit status says that something was skipped"
    assert [json.loads(line)["doc"] for line in proc.stdout.splitlines()] == ["nbc-sessions-chicago-sanctuary"]
    assert "empty" in proc.stderr and "binary" in proc.stderr and "Traceback" not in proc.stderr


def test_a_bad_date_option_is_a_usage_error():
    proc = run("extract", "x.txt", "--date", "16/08/2017")
    assert proc.returncode == 2 and "2017-08-16" in proc.stderr and "Traceback" not in proc.stderr


def test_build_skips_unchanged_articles_and_picks_up_changed_ones(tmp_path, seed_path):
    src = tmp_path / "articles"
    src.mkdir()
    (src / "seed.txt").write_bytes(seed_path.read_bytes())
    out = tmp_path / "store"
    first = run("build", str(src), "--out", str(out))
    assert first.returncode == 0, first.stderr
    assert "1 to process" in first.stderr
    second = run("build", str(src), "--out", str(out))
    assert "1 unchanged, 0 to process" in second.stderr
    (src / "other.txt").write_text("City Hall Responds\n\nThe mayor said on Friday that the city would appeal.\n")
    third = run("build", str(src), "--out", str(out))
    assert "1 unchanged, 1 to process" in third.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert sorted(manifest["articles"]) == ["other", "seed"]
