"""The Parquet store: round trips, versions, removal, and failed writes that leave it as it was."""
from __future__ import annotations

import pandas as pd
import pytest
from whosaid import store
from whosaid.model import Article, Event, Extraction, Quote, Speaker, Timex


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
    assert len(list(tmp_path.glob("g-*"))) == 1  # old generations are cleaned up


def test_a_failed_write_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    store.upsert(tmp_path, [(make_extraction("a"), "h1")])
    before = store.load_tables(tmp_path)
    version = store.store_version(tmp_path)

    def boom(self, *args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", boom)
    with pytest.raises(OSError):
        store.upsert(tmp_path, [(make_extraction("b"), "h2")])
    monkeypatch.undo()
    assert store.store_version(tmp_path) == version
    pd.testing.assert_frame_equal(store.load_tables(tmp_path)["articles"], before["articles"])
    assert not list(tmp_path.glob(".tmp-*"))


def test_a_store_from_another_schema_asks_for_a_rebuild(tmp_path):
    (tmp_path / "manifest.json").write_text('{"schema_version": 0}')
    with pytest.raises(store.StoreError, match="rebuild"):
        store.load_tables(tmp_path)


def test_a_corrupt_manifest_asks_for_a_rebuild(tmp_path):
    (tmp_path / "manifest.json").write_text("{not json")
    with pytest.raises(store.StoreError, match="rebuild"):
        store.store_version(tmp_path)
