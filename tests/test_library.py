"""Adding and removing articles from the dashboard: the store and the saved files change together, or not at all."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from whosaid import library, store
from whosaid.ingest import IngestError

ARTICLE = ("Mayor Jane Doe said on Monday that the bridge would reopen in May.\n\n"
           '"We are nearly done," Doe told reporters.\n')


def test_add_saves_the_file_and_updates_the_store(tmp_path, nlp):
    root, arts = tmp_path / "store", tmp_path / "articles"
    added = library.add_bytes(ARTICLE.encode(), "bridge.txt", root, arts, title="Bridge to reopen",
                              date="2024-03-04", url="https://example.org/bridge", nlp=nlp)
    assert (arts / "bridge.txt").read_bytes() == ARTICLE.encode()
    assert not [p for p in arts.iterdir() if p.name.startswith(".")]  # no temp file left
    row = store.load_tables(root)["articles"].set_index("doc").loc[added.doc]
    assert (row["title"], row["date"], row["date_source"], row["url"]) == (
        "Bridge to reopen", "2024-03-04", "given", "https://example.org/bridge")
    assert added.quotes >= 1 and len(store.load_tables(root)["quotes"]) == added.quotes


def test_a_second_file_with_the_same_name_gets_its_own_id(tmp_path, nlp):
    root, arts = tmp_path / "store", tmp_path / "articles"
    a = library.add_bytes(ARTICLE.encode(), "news.txt", root, arts, nlp=nlp)
    b = library.add_bytes(ARTICLE.replace("May", "June").encode(), "news.txt", root, arts, nlp=nlp)
    again = library.add_bytes(ARTICLE.encode(), "news.txt", root, arts, nlp=nlp)
    assert (a.doc, b.doc, again.doc) == ("news", "news-2", "news")
    assert sorted(p.name for p in arts.iterdir()) == ["news-2.txt", "news.txt"]
    assert len(store.load_tables(root)["articles"]) == 2


def test_two_files_of_one_name_added_at_once_keep_both(tmp_path, nlp, monkeypatch):
    root, arts = tmp_path / "store", tmp_path / "articles"
    both_chose = threading.Barrier(2, timeout=60)
    extract = library.extract_article

    def slow_extract(article, nlp):  # each add has chosen its id before either is stored
        both_chose.wait()
        return extract(article, nlp)

    monkeypatch.setattr(library, "extract_article", slow_extract)
    texts = [ARTICLE, ARTICLE.replace("May", "June")]
    with ThreadPoolExecutor(2) as pool:
        added = list(pool.map(lambda t: library.add_bytes(t.encode(), "news.txt", root, arts, nlp=nlp), texts))
    assert sorted(a.doc for a in added) == ["news", "news-2"]
    assert sorted((arts / f"{a.doc}.txt").read_text() for a in added) == sorted(texts)
    assert sorted(p.name for p in arts.iterdir()) == ["news-2.txt", "news.txt"]  # no claim left behind
    assert len(store.load_tables(root)["articles"]) == 2


@pytest.mark.parametrize("data, name, kwargs", [
    (b"", "empty.txt", {}),
    (b"\x00\x01\x02binary" * 100, "image.txt", {}),
    (b"<html><body><div></div></body></html>", "broken.html", {}),
    (ARTICLE.encode(), "fine.txt", {"date": "16/08/2017"}),
])
def test_bad_input_leaves_store_and_folder_unchanged(tmp_path, nlp, data, name, kwargs):
    root, arts = tmp_path / "store", tmp_path / "articles"
    library.add_text(ARTICLE, root, arts, title="First", nlp=nlp)
    before, files = store.store_version(root), sorted(arts.iterdir())
    with pytest.raises(IngestError) as err:
        library.add_bytes(data, name, root, arts, nlp=nlp, **kwargs)
    assert name.split(".")[0] in str(err.value)  # the message names the file
    assert store.store_version(root) == before and sorted(arts.iterdir()) == files


def test_pasted_text_is_named_after_its_title(tmp_path, nlp):
    added = library.add_text(ARTICLE, tmp_path / "s", tmp_path / "a", title="Bridge: to reopen!", nlp=nlp)
    assert added.doc == "bridge-to-reopen" and (tmp_path / "a" / "bridge-to-reopen.txt").exists()


def test_remove_drops_the_article_and_its_saved_file(tmp_path, nlp):
    root, arts = tmp_path / "store", tmp_path / "articles"
    keep = library.add_text(ARTICLE, root, arts, title="Keep me", nlp=nlp)
    gone = library.add_text(ARTICLE.replace("bridge", "tunnel"), root, arts, title="Drop me", nlp=nlp)
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("not in the articles folder")
    assert library.remove_article(gone.doc, root, arts) == str((arts / "drop-me.txt").resolve())
    tables = store.load_tables(root)
    assert set(tables["articles"]["doc"]) == {keep.doc}
    assert set(tables["quotes"]["doc"]) <= {keep.doc}
    assert sorted(p.name for p in arts.iterdir()) == ["keep-me.txt"] and outside.exists()
    with pytest.raises(IngestError):
        library.remove_article("no-such-article", root, arts)
