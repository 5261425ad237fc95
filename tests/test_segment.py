"""Parsing in bounded pieces: the pieces cover the text exactly, and the joined parse indexes the same text."""
from __future__ import annotations

from itertools import pairwise

from whosaid.nlp import parse, parse_all
from whosaid.segment import MAX_SENT_TOKENS, dateline_ends, pieces

ARTICLE = ("Council Votes to Expand Program\n\nThe city council voted on Tuesday to expand the program, officials said. "
           "“We will not cave,” Mayor Rahm Emanuel said.\n\nCritics questioned the timing; the budget was cut twice.\n")


def test_an_ordinary_article_is_one_piece():
    assert pieces(ARTICLE) == [(0, len(ARTICLE))]


def test_pieces_cover_the_text_in_order_within_the_limit():
    text = ARTICLE * 40
    cuts = pieces(text, 500)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(cuts))
    assert all(0 < e - s <= 500 for s, e in cuts)
    assert all(text[e - 1] == "\n" for _, e in cuts[:-1]), "cut after a paragraph when there is one"


def test_a_run_without_any_boundary_is_cut_at_a_space_or_anywhere():
    words = "word " * 300
    assert all(words[e - 1] == " " for _, e in pieces(words, 100)[:-1])
    blob = "x" * 1000
    assert [e - s for s, e in pieces(blob, 300)] == [300, 300, 300, 100]


def test_the_joined_parse_keeps_the_text_and_its_offsets(nlp):
    text = ARTICLE * 5
    whole, cut = parse(text, nlp), parse(text, nlp, piece_chars=300)
    assert cut.text == text == whole.text
    assert [t.idx for t in cut] == [t.idx for t in whole]
    assert "Tuesday" in {e.text for e in cut.ents}
    assert cut.has_annotation("DEP") and cut.has_annotation("SENT_START")


def test_parse_all_gives_one_doc_per_text_in_order(nlp):
    texts = ["", "One sentence here.", ARTICLE * 3, "Last."]
    docs = list(parse_all(texts, nlp, piece_chars=200, batch_chars=250))
    assert [d.text for d in docs] == texts


def test_no_sentence_runs_on_past_the_cap(nlp):
    text = ", ".join(f"the council voted and the mayor agreed number {i}" for i in range(120))
    doc = nlp(text)
    assert max(len(s) for s in doc.sents) <= MAX_SENT_TOKENS + 5
    assert doc.text == text


def test_a_dateline_stands_apart_from_the_sentence_after_it(nlp):
    text = ("WASHINGTON (AP) — Donald Trump and Paul Ryan pledged to unite the party.\n"
            "New York (AFP) – Clinton spoke.\nMANCHESTER, N.H. - Sanders spoke.\n"
            "But one naysayer remained - the senator.\nUS - China talks resumed.")
    assert [text[e:e + 6] for e in dateline_ends(text)] == ["Donald", "Clinto", "Sander"]
    doc = nlp(text)
    first = next(doc.sents)
    assert first.text == "WASHINGTON (AP) —"


def test_a_dateline_is_never_the_speaker(nlp):
    from whosaid.quotes.attribution import extract_quotes

    text = "CLEVELAND — Former Attorney General Michael Mukasey told reporters that the case was closed."
    (q,) = extract_quotes(nlp(text))
    assert "Mukasey" in text[q.speaker_spans[0][0]:q.speaker_spans[0][1]]
