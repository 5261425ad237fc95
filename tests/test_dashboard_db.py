"""The dashboard's data layer: DuckDB reads exactly the files the store names, answers from several threads,
and an unreadable file is a clear error."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import duckdb
import pytest
from _dashboard_data import build
from whosaid import store
from whosaid.dashboard import queries
from whosaid.dashboard.db import Corpus


def test_table_files_name_the_current_version(tmp_path):
    assert store.table_files(tmp_path / "none", "quotes") == []
    root = build(tmp_path / "s")
    files = store.table_files(root, "quotes")
    assert files and all(f.is_file() and f.suffix == ".parquet" for f in files)


def test_the_corpus_reads_what_the_store_holds(tmp_path):
    root = build(tmp_path / "s")
    db = Corpus(root, store.store_version(root))
    tables = store.load_tables(root)
    assert db.counts == {k: len(v) for k, v in tables.items() if k != "timexes"}
    assert db.wait(60)
    assert db.value("SELECT count(*) FROM persons") == 4  # two speakers in each article
    db.close()


def test_several_sessions_query_at_once(tmp_path):
    db = Corpus(build(tmp_path / "s"), "v")
    f = queries.QuoteFilter.of(persons=["Jeff Sessions"])
    with ThreadPoolExecutor(4) as pool:
        counts = list(pool.map(lambda _: queries.quote_count(db, f), range(40)))
    assert counts == [4] * 40
    db.close()


def test_an_unreadable_table_fails_when_opened(tmp_path):
    root = build(tmp_path / "s")
    store.table_files(root, "events")[0].write_bytes(b"not parquet")
    with pytest.raises(duckdb.Error):
        Corpus(root, "v", warm=False)


def test_a_surname_tagged_as_organisation_joins_the_person_named_beside_it(tmp_path):
    # the rule that needs the articles of a name, on DuckDB as in the pandas merge (tests/test_aliases.py)
    from _dashboard_data import extractions

    exs = extractions()
    exs[1].speakers[1].kind = "ORG"  # "Emanuel" in b-lawsuit, where no full name is given
    exs[1].speakers.append(exs[1].speakers[0].__class__("s9", "Rahm Emanuel", "PERSON", [], []))
    store.upsert(tmp_path, [(ex, ex.article.doc) for ex in exs])
    db = Corpus(tmp_path, "v", warm=False)
    assert dict(db.rows("SELECT name, how FROM persons WHERE doc = 'b-lawsuit' AND name = 'Emanuel'")) == {
        "Emanuel": "surname"}
    assert "Emanuel" not in queries.persons_by_weight(db)
    db.close()


def test_a_replaced_article_shows_only_its_new_rows(tmp_path):
    from dataclasses import replace

    from _dashboard_data import extractions

    a, b = extractions()
    c = replace(b, article=replace(b.article, doc="c-copy"))
    root = tmp_path / "s"
    store.upsert(root, [(a, "1"), (b, "2"), (c, "3")])  # one part file holding three articles
    store.upsert(root, [(replace(a, quotes=a.quotes[:1]), "changed")])  # the first again, now with one quote
    assert not store.snapshot(root).clean  # its old rows still sit in the first part file
    db = Corpus(root, store.store_version(root), warm=False)
    assert db.counts["quotes"] == len(store.load_tables(root)["quotes"])
    assert db.value("SELECT count(*) FROM quotes WHERE doc = ?", [a.article.doc]) == 1
    db.close()


def test_a_store_written_before_a_column_was_added_still_reads(tmp_path):
    # parts an older whosaid wrote have no articles.outlet or quotes.cue_class: those read as empty, the rest as stored
    import pyarrow.parquet as pq

    root = build(tmp_path / "s")
    for table, column in (("articles", "outlet"), ("quotes", "cue_class")):
        for f in store.table_files(root, table):
            pq.write_table(pq.read_table(f).drop_columns([column]), f)
    tables = store.load_tables(root)
    assert tables["quotes"]["cue_class"].isna().all() and len(tables["quotes"]) == 6
    db = Corpus(root, "v", warm=False)
    assert db.value("SELECT count(*) FROM quotes WHERE cue_class IS NULL") == 6
    assert db.value("SELECT count(*) FROM articles WHERE outlet IS NULL") == 2
    assert queries.quote_count(db, queries.QuoteFilter.of(persons=["Jeff Sessions"])) == 4
    db.close()
