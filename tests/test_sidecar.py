"""Where an article's outlet and other metadata come from: a sidecar (`--meta`), the page's metadata, the folder;
and in which order they win."""
from __future__ import annotations

import pytest
from whosaid.ingest import from_bytes, give_date, give_meta, walk_sources
from whosaid.sidecar import Meta, SidecarError, read_meta, stem_of

BODY = ("<p>&ldquo;We will not cave,&rdquo; Mayor Rahm Emanuel said on Wednesday, rejecting the threat from "
        "Washington.</p><p>The city filed a lawsuit against the Justice Department earlier this month, arguing the "
        "rules were unlawful.</p><p>Officials said the case could take months, and that the city would keep its "
        "policies in place meanwhile.</p>")


def page(head: str) -> bytes:
    return f"<!DOCTYPE html><html><head><title>Mayor hits back</title>{head}</head><body><article>" \
           f"<h1>Mayor hits back</h1>{BODY}</article></body></html>".encode()


def test_a_csv_sidecar_gives_each_file_its_values_in_any_column_order(tmp_path):
    meta = tmp_path / "meta.csv"
    meta.write_text('outlet,file,date,title,author\n"Tribune, The",a.txt,2016-05-01,"A title, with a comma",Jo Doe\n'
                    "Daily,sub/b.html,,,\n", encoding="utf-8")
    rows, problems = read_meta(meta)
    assert problems == []
    assert rows["a"] == Meta(title="A title, with a comma", date="2016-05-01", outlet="Tribune, The", author="Jo Doe")
    assert rows["b"] == Meta(outlet="Daily")  # empty cells say nothing


def test_a_tsv_sidecar_reads_polnear_style_column_names(tmp_path):
    meta = tmp_path / "metadata.tsv"
    meta.write_text("compartment\tfilename\tpublisher\tpublication_date\tauthor\n"
                    "train\tnyt_2016-10-01_x\tnyt\t2016-10-01\tNone Given\n", encoding="utf-8")
    rows, _ = read_meta(meta)
    assert rows["nyt_2016-10-01_x"].outlet == "nyt" and rows["nyt_2016-10-01_x"].date == "2016-10-01"


def test_rows_without_a_file_and_bad_dates_get_one_line_each(tmp_path):
    meta = tmp_path / "meta.csv"
    meta.write_text("stem,date,outlet\n,2016-01-01,Lost\nx,16/01/2016,Kept\nx,,Again\n", encoding="utf-8")
    rows, problems = read_meta(meta)
    assert rows == {"x": Meta(outlet="Again")}
    assert len(problems) == 3 and all("\n" not in p for p in problems)
    assert "line 2" in problems[0] and "names no file" in problems[0]
    assert "line 3" in problems[1] and "'16/01/2016' is not a date" in problems[1]
    assert "line 4" in problems[2] and "later row is used" in problems[2]


def test_a_sidecar_without_a_file_column_is_refused_with_the_reason(tmp_path):
    meta = tmp_path / "meta.csv"
    meta.write_text("name,outlet\na,Daily\n", encoding="utf-8")
    with pytest.raises(SidecarError, match="names no file column"):
        read_meta(meta)


def test_file_names_with_their_suffix_or_folder_mean_the_stem():
    assert stem_of("a/b/story.html") == "story" and stem_of("story.v2") == "story.v2" and stem_of("x") == "x"


def test_a_page_names_its_outlet_by_site_name_else_by_host():
    named = from_bytes(page('<meta property="og:site_name" content="Example News">'
                            '<link rel="canonical" href="https://www.example.org/x">'), "x.html")
    assert named.outlet == "Example News"
    hosted = from_bytes(page('<link rel="canonical" href="https://www.example.org/x">'), "x.html")
    assert hosted.outlet == "example.org"
    assert from_bytes(page(""), "x.html").outlet is None


def test_the_folder_names_the_outlet_of_a_folder_of_folders(tmp_path):
    for rel in ("guardian/2016/a.txt", "times/b.txt", "c.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("The mayor said the city would appeal.\n")
    found = {p.name: folder for p, folder in walk_sources([tmp_path, tmp_path / "times" / "b.txt"])}
    assert found == {"a.txt": "guardian", "b.txt": None, "c.txt": None}  # a file named directly: no folder
    assert [folder for p, folder in walk_sources([tmp_path / "times"])] == [None]


def test_sidecar_wins_over_the_page_which_wins_over_the_folder():
    article = from_bytes(page('<meta property="og:site_name" content="Example News">'), "x.html")
    assert give_meta(article, None, folder="guardian").outlet == "Example News"
    assert give_meta(article, Meta(outlet="The Sidecar"), folder="guardian").outlet == "The Sidecar"
    bare = from_bytes(page(""), "x.html")
    assert give_meta(bare, None, folder="guardian").outlet == "guardian"


def test_the_sidecars_date_wins_over_dates_and_its_title_over_the_files():
    article = give_date(from_bytes(page(""), "x.html"), "2001-01-01")
    article = give_meta(article, Meta(date="2016-02-03", title="Given title", url="https://e.org/x", author="A B"))
    assert (article.date, article.date_source) == ("2016-02-03", "given")
    assert (article.title, article.url, article.author) == ("Given title", "https://e.org/x", "A B")
    kept = give_meta(give_date(from_bytes(page(""), "y.html"), "2001-01-01"), Meta(outlet="O"))
    assert kept.date == "2001-01-01" and kept.title == "Mayor hits back"
