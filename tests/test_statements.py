"""Quote dates: when the words were said (a date on the cue, else publication), never a date inside the quote."""
from __future__ import annotations

import pytest
from whosaid.model import Article, Event, Quote, Timex
from whosaid.temporal.statements import statement_date

DCT = "2016-05-12"  # a Thursday
CASES = [
    ('"We fixed the roads in 1999," Mayor John Smith said on Tuesday.', "2016-05-10"),
    ('"We fixed the roads in 1999," Smith said.', DCT),
    ("Smith said the roads were repaired in 1999 and again in 2005.", DCT),
    ("Smith said in 2011 that the roads were bad.", "2011"),
    ('On Tuesday, Smith said: "The budget for 2020 is set."', "2016-05-10"),
]


@pytest.mark.parametrize("text,want", CASES)
def test_a_quote_is_dated_when_it_was_said(nlp, text, want):
    from whosaid.extract import extract_article

    ex = extract_article(Article(doc="t", text=text, date=DCT), nlp)
    assert ex.quotes, text
    assert statement_date(ex.quotes[0], ex.timexes, ex.events, DCT) == want


def test_without_a_cue_or_a_readable_publication_date():
    q = Quote(content_spans=[(0, 10)])
    assert statement_date(q, [], [], DCT) == DCT
    assert statement_date(q, [], [], "sometime") is None


def test_a_date_in_the_quote_or_after_publication_never_dates_it():
    text = '"In 1999 we won," he said, "and next year we win again."'
    q = Quote(content_spans=[(0, 17), (27, 56)], speaker_spans=[(18, 20)], cue_spans=[(21, 25)])
    txs = [Timex(4, 8, "1999", "DATE", "1999"), Timex(32, 41, "next year", "DATE", "2017")]
    ev = Event(0, len(text), text, "he said", "1999", "explicit", [], "statement")
    assert statement_date(q, txs, [ev], DCT) == DCT


def test_the_story_day_inherited_by_the_statement():
    q = Quote(content_spans=[(10, 30)], speaker_spans=[(0, 2)], cue_spans=[(3, 8)])
    ev = Event(0, 30, "He added that …", "He added", "2016-05-10", "inherited", [], "statement")
    assert statement_date(q, [], [ev], DCT) == "2016-05-10"
    old = Event(0, 30, "He added that …", "He added", "2014-05-10", "inherited", [], "statement")
    assert statement_date(q, [], [old], DCT) == DCT


def test_dating_an_articles_quotes_together_gives_each_the_date_it_gets_alone(nlp):
    from whosaid.extract import extract_article
    from whosaid.temporal.statements import statement_dates

    text = " ".join(f'On May {d % 9 + 1}, Smith said: "Point {d} stands." Jones said in 201{d % 10} that it fell. '
                    f'"It held in 1999," Brown said on Tuesday.' for d in range(12))
    ex = extract_article(Article(doc="t", text=text, date=DCT), nlp)
    alone = [statement_date(q, ex.timexes, ex.events, DCT) for q in ex.quotes]
    assert len(ex.quotes) >= 30 and len(set(alone)) >= 5  # several dates, not the publication date everywhere
    assert statement_dates(ex.quotes, ex.timexes, ex.events, DCT) == alone
    assert [q.date for q in ex.quotes] == alone  # what extraction stores
