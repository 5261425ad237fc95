"""Reading articles: plain text, HTML, Markdown, and inputs that are not articles."""
from __future__ import annotations

import pytest
from whosaid.ingest import IngestError, doc_id, from_bytes, guess_title, iter_sources, read_file

HTML = b"""<!DOCTYPE html><html><head><title>Mayor hits back | Example News</title>
<meta property="article:published_time" content="2017-08-16T14:00:00Z">
<link rel="canonical" href="https://news.example.org/mayor-hits-back"></head>
<body><nav>Home | World | Politics</nav><article><h1>Mayor hits back at Sessions</h1>
<p>&ldquo;We will not cave,&rdquo; Mayor Rahm Emanuel said on Wednesday, rejecting the threat from Washington.</p>
<p>The city filed a lawsuit against the Justice Department earlier this month, arguing the rules were unlawful.</p>
<p>Officials said the case could take months, and that the city would keep its policies in place meanwhile.</p>
</article><footer>Copyright Example News</footer></body></html>"""


def test_plain_text_keeps_the_file_text_and_finds_the_headline(seed_path):
    article = read_file(seed_path)
    assert article.text == seed_path.read_text(encoding="utf-8")
    assert article.title == "Attorney General Sessions Slams Chicago Over 'Sanctuary City' Policies"
    assert article.fmt == "text" and article.doc == "nbc-sessions-chicago-sanctuary"


def test_html_gives_main_text_title_date_and_url_without_navigation():
    article = from_bytes(HTML, "mayor.html")
    assert "We will not cave" in article.text
    assert "Home | World" not in article.text and "Copyright" not in article.text
    assert article.title.startswith("Mayor hits back")
    assert article.date == "2017-08-16" and article.date_source == "metadata"
    assert article.url == "https://news.example.org/mayor-hits-back"


def test_html_is_recognised_by_content_when_the_suffix_says_nothing():
    assert from_bytes(HTML, "download").fmt == "html"


def test_broken_html_still_yields_text():
    broken = (b"<html><body><p>The council voted on Tuesday to expand the program, officials said in a statement."
              b"<script>alert(1)</script><div><p>The vote was 7 to 2<iframe src=x></iframe><p>and the mayor, who had opposed it "
              b"for months, said she would not veto it. <style>p{color:red}</style>Critics said the plan would cost "
              b"more than the city could afford, and that the council had ignored its own auditors and the public.<p>More</div></span>")
    article = from_bytes(broken, "broken.html")
    assert "council voted" in article.text and "would not veto" in article.text
    assert "alert" not in article.text and "color:red" not in article.text


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "PNG image"),
    (bytes(range(256)) * 4, "binary"),
    (b"short", "too little text"),
    (b"<html><body><nav>menu</nav></body></html>", "no article text"),
])
def test_inputs_that_are_not_articles_get_a_clear_error(data, message):
    with pytest.raises(IngestError, match=message):
        from_bytes(data, "input.txt" if not data.startswith(b"<html") else "input.html")


def test_huge_input_is_refused_not_truncated():
    with pytest.raises(IngestError, match="more than"):
        from_bytes(b"word " * 1_200_000, "huge.txt")


def test_latin1_text_is_decoded():
    article = from_bytes("Mayor José Núñez said the café would reopen in España, Zoë Müller agreed.".encode("cp1252"),
                         "latin.txt")
    assert "Núñez" in article.text and "España" in article.text


def test_windows_line_ends_are_normalised():
    article = from_bytes(b"Headline here\r\n\r\nThe mayor said on Monday that the city would sue.\r\n", "a.txt")
    assert "\r" not in article.text and article.title == "Headline here"


def test_guess_title_skips_boilerplate_sentences():
    assert guess_title("IE 11 is not supported. Use another browser.\n\nCity Sues Over Grants\n\nBody.") == "City Sues Over Grants"
    assert guess_title("Just one sentence of body text.") is None


def test_doc_id_is_url_safe_and_keeps_safe_stems_as_they_are():
    assert doc_id("My Article (final).txt") == "My-Article-final-"
    assert doc_id("folder/x.html") == "x"
    assert doc_id("nyt_2016-09-19_obama-sees-personal-insult-if-bl_.txt") == "nyt_2016-09-19_obama-sees-personal-insult-if-bl_"
    assert doc_id("a-.txt") == "a-"


def test_folders_are_walked_for_article_files(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("x")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("x")
    assert sorted(p.name for p in iter_sources([tmp_path])) == ["a.txt", "b.html"]
