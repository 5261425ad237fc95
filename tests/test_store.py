"""The Parquet store: round trips, versions, removal, appends that leave earlier files alone, replacement,
compaction, garbage, readers of an older version, an older schema, and failed writes that leave it as it was."""
from __future__ import annotations

import json
import os

import pandas as pd
import pyarrow.parquet as pq
import pytest
from whosaid import store
from whosaid.model import Article, Event, Extraction, Quote, Speaker, Timex
from whosaid.store import dataset


def make_extraction(doc: str, date: str | None = "2017-08-16") -> Extraction:
    text = '"We will not cave," the mayor said on Wednesday. The rules came last month.'
    return Extraction(
        article=Article(doc=doc, text=text, title=f"Title {doc}", date=date, date_source="given"),
        quotes=[Quote(content_spans=[(0, 20)], speaker_spans=[(21, 30)], cue_spans=[(31, 35)], kind="direct",
                      speaker="Rahm Emanuel", speaker_id="s0", cue="say", text="We will not cave,")],
        speakers=[Speaker(id="s0", name="Rahm Emanuel", roles=["mayor"], aliases=["the mayor"])],
        timexes=[Timex(39, 48, "Wednesday", "DATE", "2017-08-16"), Timex(66, 76, "last month", "DATE", "2017-07")],
        events=[Event(0, 49, text[:49], "the mayor said", "2017-08-16", "explicit", ["Rahm Emanuel"], "statement"),
                Event(50, len(text), text[50:], "rules came", "2017-07", "explicit", [])],
    )


def test_empty_store_reads_as_empty_tables(tmp_path):
    tables = store.load_tables(tmp_path / "none")
    assert set(tables) == set(store.TABLES) and all(len(df) == 0 for df in tables.values())
    assert store.store_version(tmp_path / "none") == ""


def test_round_trip_keeps_rows_and_derives_intervals(tmp_path):
    store.upsert(tmp_path, [(make_extraction("a"), "h1")])
    t = store.load_tables(tmp_path)
    assert t["articles"].loc[0, "title"] == "Title a"
    q = t["quotes"].iloc[0]
    assert q["speaker"] == "Rahm Emanuel" and q["date"] == "2017-08-16" and list(map(list, q["content_spans"])) == [[0, 20]]
    ev = t["events"].set_index("date")
    assert ev.loc["2017-07", "date_start"] == "2017-07-01" and ev.loc["2017-07", "date_end"] == "2017-07-31"
    assert ev.loc["2017-07", "granularity"] == "month"
    assert list(t["speakers"].loc[0, "roles"]) == ["mayor"]


def test_upsert_replaces_an_article_and_changes_the_version(tmp_path):
    v1 = store.upsert(tmp_path, [(make_extraction("a"), "h1"), (make_extraction("b"), "h2")])
    v2 = store.upsert(tmp_path, [(make_extraction("a", date="2018-01-01"), "h3")])
    t = store.load_tables(tmp_path)
    assert v1 != v2 and sorted(t["articles"]["doc"]) == ["a", "b"]
    assert len(t["quotes"]) == 2
    assert store.known_hashes(tmp_path) == {"a": "h3", "b": "h2"}


def test_remove_drops_every_row_of_the_article(tmp_path):
    store.upsert(tmp_path, [(make_extraction("a"), "h1"), (make_extraction("b"), "h2")])
    store.remove(tmp_path, ["a"])
    t = store.load_tables(tmp_path)
    assert all(set(df["doc"]) <= {"b"} for df in t.values())
    assert store.known_hashes(tmp_path) == {"b": "h2"} and store.live_docs(tmp_path) == {"b"}


def test_a_failed_write_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    store.upsert(tmp_path, [(make_extraction("a"), "h1")])
    before = store.load_tables(tmp_path)
    version = store.store_version(tmp_path)

    def boom(self, *args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pq, "write_table", boom)
    with pytest.raises(OSError):
        store.upsert(tmp_path, [(make_extraction("b"), "h2")])
    monkeypatch.undo()
    assert store.store_version(tmp_path) == version
    pd.testing.assert_frame_equal(store.load_tables(tmp_path)["articles"], before["articles"])
    assert sorted(files(tmp_path)) == sorted(live_files(tmp_path))  # the failed part left no file behind


def test_a_store_from_another_schema_asks_for_a_rebuild(tmp_path):
    (tmp_path / "manifest.json").write_text('{"schema_version": 0}')
    with pytest.raises(store.StoreError, match="rebuild"):
        store.load_tables(tmp_path)


def test_a_corrupt_manifest_asks_for_a_rebuild(tmp_path):
    (tmp_path / "manifest.json").write_text("{not json")
    with pytest.raises(store.StoreError, match="rebuild"):
        store.store_version(tmp_path)


def files(root) -> list[str]:
    """Every Parquet file in the store folder, relative to it."""
    return [str(p.relative_to(root)) for p in root.rglob("*.parquet")]


def live_files(root) -> list[str]:
    """The files the current version names."""
    return [str(p.relative_to(root)) for name in store.TABLES for p in store.table_files(root, name)]


def stamp(root) -> dict[str, tuple[int, int]]:
    return {f: (os.stat(root / f).st_ino, os.stat(root / f).st_mtime_ns) for f in files(root)}


def test_appends_write_new_part_files_and_leave_earlier_ones_alone(tmp_path):
    store.upsert(tmp_path, [(make_extraction("a"), "h1")])
    first = stamp(tmp_path)
    store.upsert(tmp_path, [(make_extraction("b"), "h2")])
    store.upsert(tmp_path, [(make_extraction("c"), "h3")])
    after = stamp(tmp_path)
    assert {f: after[f] for f in first} == first  # not rewritten, not replaced
    assert len(store.table_files(tmp_path, "quotes")) == 3 and len(after) == 3 * len(store.TABLES)
    assert sorted(store.load_tables(tmp_path)["articles"]["doc"]) == ["a", "b", "c"]


def test_a_replaced_article_is_read_from_its_new_part_only(tmp_path):
    store.upsert(tmp_path, [(make_extraction(d), f"h-{d}") for d in "abc"])
    store.upsert(tmp_path, [(make_extraction("b", date="2018-01-01"), "h-b2")])
    t = store.load_tables(tmp_path)
    assert list(t["articles"]["doc"]) == ["a", "b", "c"] and len(t["quotes"]) == 3 and len(t["events"]) == 6
    assert t["articles"].set_index("doc").loc["b", "date"] == "2018-01-01"
    snap = store.snapshot(tmp_path)
    assert not snap.clean and len(snap.files("quotes")) == 2  # the old part keeps b's dead rows until compaction


def test_a_part_whose_articles_are_all_gone_is_retired_and_deleted_after_the_grace_period(tmp_path):
    store.upsert(tmp_path, [(make_extraction("a"), "h1")])
    old = live_files(tmp_path)
    store.upsert(tmp_path, [(make_extraction("a", date="2018-01-01"), "h2")])
    assert set(old).isdisjoint(live_files(tmp_path)) and all((tmp_path / f).exists() for f in old)
    assert store.collect_garbage(tmp_path) == 0  # within the grace period: a reader may still use them
    assert store.collect_garbage(tmp_path, grace=0) == len(old)
    assert sorted(files(tmp_path)) == sorted(live_files(tmp_path))


def test_compaction_keeps_the_rows_and_reduces_the_files(tmp_path):
    for pair in ("ab", "cd", "ef"):
        store.commit(tmp_path, [store.write_part(tmp_path, [(make_extraction(d), f"h-{d}") for d in pair])],
                     compact=False)
    store.commit(tmp_path, [store.write_part(tmp_path, [(make_extraction("c", date="2019-05-05"), "h-c2")])],
                 remove=["e"], compact=False)
    assert not store.snapshot(tmp_path).clean  # c's first rows and e's rows are dead
    before, version = store.load_tables(tmp_path), store.store_version(tmp_path)
    done = store.compact(tmp_path, grace=0)
    assert (done.parts_before, done.parts_after) == (4, 1) and done.version != version
    after = store.load_tables(tmp_path)
    for name in store.TABLES:
        pd.testing.assert_frame_equal(after[name], before[name])
    assert store.snapshot(tmp_path).clean and len(files(tmp_path)) == len(store.TABLES)  # garbage gone too


def test_commits_compact_on_their_own_once_small_parts_pile_up(tmp_path, monkeypatch):
    monkeypatch.setattr(dataset, "SMALL_PARTS", 3)
    for d in "ab":
        store.upsert(tmp_path, [(make_extraction(d), f"h-{d}")])
    assert len(store.table_files(tmp_path, "articles")) == 2
    store.upsert(tmp_path, [(make_extraction("c"), "h-c")])
    assert len(store.table_files(tmp_path, "articles")) == 1
    assert list(store.load_tables(tmp_path)["articles"]["doc"]) == ["a", "b", "c"]


def test_a_reader_of_the_previous_version_keeps_its_files_through_a_compaction(tmp_path):
    for d in "ab":
        store.commit(tmp_path, [store.write_part(tmp_path, [(make_extraction(d), f"h-{d}")])], compact=False)
    snap = store.snapshot(tmp_path)
    store.compact(tmp_path)  # default grace period
    assert store.store_version(tmp_path) != snap.version
    assert sorted(snap.read("articles")["doc"].to_pylist()) == ["a", "b"]


def test_a_query_engine_reading_the_part_files_gets_the_live_rows(tmp_path):
    store.upsert(tmp_path, [(make_extraction(d), f"h-{d}") for d in "abc"])
    store.upsert(tmp_path, [(make_extraction("a", date="2018-01-01"), "h-a2")])
    store.remove(tmp_path, ["c"])
    snap = store.snapshot(tmp_path)
    # what a DuckDB layer does: read_parquet(files, filename=true), keep rows whose (doc, part) is in placement
    rows = pd.concat([pd.read_parquet(f).assign(part=store.part_id(f)) for f in snap.files("quotes")])
    live = rows[[snap.placement.get(d) == p for d, p in zip(rows["doc"], rows["part"])]]
    assert sorted(live["quote_id"]) == sorted(store.load_tables(tmp_path)["quotes"]["quote_id"]) == ["a#q0", "b#q0"]
    assert store.live_docs(tmp_path) == {"a", "b"}


def test_a_part_written_but_never_committed_is_invisible_and_collected_later(tmp_path):
    store.upsert(tmp_path, [(make_extraction("a"), "h1")])
    version = store.store_version(tmp_path)
    store.write_part(tmp_path, [(make_extraction("b"), "h2")])  # as a build killed before its commit leaves it
    assert store.store_version(tmp_path) == version and list(store.load_tables(tmp_path)["articles"]["doc"]) == ["a"]
    assert store.collect_garbage(tmp_path) == 0  # it may be a running build's: kept for the grace period
    assert store.collect_garbage(tmp_path, grace=0) == len(store.TABLES)
    assert sorted(files(tmp_path)) == sorted(live_files(tmp_path))


def old_store(root, tables: store.Tables) -> None:
    """A store as whosaid wrote it with schema 1: one folder of five files and a manifest naming it."""
    (root / "g-abc").mkdir(parents=True)
    for name, df in tables.items():
        df.to_parquet(root / "g-abc" / f"{name}.parquet", index=False)
    (root / "manifest.json").write_text(json.dumps({
        "schema_version": 1, "version": "abc", "generation": "g-abc",
        "articles": dict(zip(tables["articles"]["doc"], tables["articles"]["content_hash"]))}))


def test_a_store_of_the_older_schema_says_how_to_convert_it_and_compact_converts_it(tmp_path):
    store.upsert(tmp_path / "new", [(make_extraction(d), f"h-{d}") for d in "ab"])
    tables = store.load_tables(tmp_path / "new")
    old_store(tmp_path / "old", tables)
    with pytest.raises(store.StoreError, match="whosaid compact"):
        store.load_tables(tmp_path / "old")
    assert store.known_hashes(tmp_path / "old") == {"a": "h-a", "b": "h-b"}  # a build skips what it holds
    store.compact(tmp_path / "old", grace=0)
    converted = store.load_tables(tmp_path / "old")
    for name in store.TABLES:
        pd.testing.assert_frame_equal(converted[name], tables[name])
    assert not (tmp_path / "old" / "g-abc").exists()


def test_a_write_to_an_older_store_converts_it_first(tmp_path):
    store.upsert(tmp_path / "new", [(make_extraction("a"), "h-a")])
    old_store(tmp_path / "old", store.load_tables(tmp_path / "new"))
    store.upsert(tmp_path / "old", [(make_extraction("b"), "h-b")])
    assert list(store.load_tables(tmp_path / "old")["articles"]["doc"]) == ["a", "b"]


def test_committing_a_part_this_machine_cannot_see_says_the_store_must_be_shared(tmp_path):
    elsewhere = store.write_part(tmp_path / "worker-disk", [(make_extraction("a"), "h1")])  # as a remote worker did
    with pytest.raises(store.StoreError, match="every worker share"):
        store.commit(tmp_path / "store", [elsewhere])
    assert store.store_version(tmp_path / "store") == ""


def test_the_version_is_read_once_per_manifest_and_again_after_every_commit(tmp_path):
    store.upsert(tmp_path, [(make_extraction("a"), "h1")])
    first = store.snapshot(tmp_path)
    assert store.snapshot(tmp_path) is first  # a stat, not a parse, while nothing changed
    store.upsert(tmp_path, [(make_extraction("b"), "h2")])
    again = store.snapshot(tmp_path)
    assert again.version != first.version and sorted(again.articles) == ["a", "b"]
