"""Article text as HTML: quotes highlighted in their speaker's colour, and the article's own markup shown as text."""
from __future__ import annotations

import pandas as pd
from _dashboard_data import TEXT_A, build
from whosaid.dashboard import highlight, queries
from whosaid.dashboard.colors import color_map, tint
from whosaid.dashboard.db import Corpus


def article_quotes(tmp_path):
    db = Corpus(build(tmp_path / "s"), "test", warm=False)
    try:
        return queries.article_quotes(db, "a-sanctuary"), color_map(queries.persons_by_weight(db))
    finally:
        db.close()


def test_markup_in_the_article_is_shown_as_text(tmp_path):
    q, colors = article_quotes(tmp_path)
    out = highlight.article_html(TEXT_A, q, colors)
    assert "<script>" not in out and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in out


def test_each_quote_is_marked_in_its_speakers_colour(tmp_path):
    q, colors = article_quotes(tmp_path)
    out = highlight.article_html(TEXT_A, q, colors)
    assert out.count("<mark") == 3
    cave = q[q["person"] == "Rahm Emanuel"].iloc[0]
    mark = out[out.index(f'id="{highlight.anchor_id(cave.quote_id)}"'):]
    assert tint(colors["Rahm Emanuel"], 0.22) in mark[:400]
    assert mark[mark.index(">") + 1:].startswith("&quot;We will not cave")
    assert "outline" not in out  # nothing selected


def test_selected_quote_is_outlined_and_context_is_local(tmp_path):
    q, colors = article_quotes(tmp_path)
    qid = q[q["person"] == "Rahm Emanuel"].iloc[0]["quote_id"]
    out = highlight.article_html(TEXT_A, q, colors, selected=qid)
    assert out.count("outline:3px") == 1
    ctx = highlight.context_html(TEXT_A, q, colors, qid, chars=40)
    assert "We will not cave" in ctx and "July 2017" not in ctx and highlight.anchor_id(qid) not in ctx


def test_legend_escapes_names():
    out = highlight.legend_html(["<b>Bold</b> Person"], {})
    assert "&lt;b&gt;Bold&lt;/b&gt; Person" in out and "<b>" not in out


def test_spans_outside_the_text_are_ignored():
    q = pd.DataFrame([{"quote_id": "x#q0", "person": "A", "kind": "direct", "content_spans": [(5, 999)],
                       "speaker_spans": [], "cue_spans": []}])
    out = highlight.article_html("short text", q, {})
    assert "<mark" in out and "text</mark>" in out
