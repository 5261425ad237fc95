"""Properties of extraction on arbitrary Unicode text (Hypothesis): it never raises, every span lies in the text,
quotes never overlap, and every date is a valid TimeML value. Reading arbitrary bytes raises only IngestError."""
from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whosaid.extract import extract_article
from whosaid.ingest import IngestError, from_bytes
from whosaid.model import Article
from whosaid.temporal.timeml import value_interval

# pieces of news prose that set off the rules, mixed with anything at all
FRAGMENTS = ["“", "”", '"', "'", "‘", "’", "«", "»", "„", "``", "''", " said ", " told reporters ", ", he said.",
             "Mayor Jane Smith", "Sessions", "according to", ":", "\n", "\n\n", " on Tuesday", " last month",
             " 31 February 2017", " the year 10000", " in 1990", " next week", " every Monday", " two years",
             "\u200b", "\u202e", "\x07", "\u2028", "ן", "عباس", "😀", ".", " ", "—", "Q:", " 16.08.2017"]
TEXT = st.lists(st.one_of(st.text(max_size=30), st.sampled_from(FRAGMENTS)), max_size=40).map("".join)
VALUE = re.compile(r"""(?x)
    PRESENT_REF | PAST_REF | FUTURE_REF
  | P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|H|DE|CE|ML|Q|L|WE))+(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?
  | PT(?:(?:\d+(?:\.\d+)?|X)[HMS])+
  | (?:\d{4}|\d{3}X|\d\dXX|XXXX)
    (?:-(?:\d\d|XX|W\d\d|WXX|Q[1-4X]|H[12X]|SP|SU|FA|WI)(?:-(?:\d\d|XX|WE|[1-7X]))?)?
    (?:T(?:\d\d(?::\d\d(?::\d\d)?)?|MO|AF|EV|NI|DT|XX))?
  | T(?:\d\d(?::\d\d)?|MO|AF|EV|NI|DT)""")
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                           HealthCheck.too_slow])


def valid_timeml(value: str) -> bool:
    """A TIMEX3 value in TimeML's forms, naming a day, month or week that exists when it names one."""
    if not VALUE.fullmatch(value):
        return False
    concrete = re.match(r"\d{4}-(?:\d\d(?:-\d\d)?|W\d\d)(?![-\dX])", value)
    return concrete is None or value_interval(concrete.group(0)) is not None


@pytest.mark.parametrize("value, ok", [("2017-08-16", True), ("2017-02-31", False), ("2017-W33", True),
                                       ("2017-W60", False), ("XXXX-WXX-1", True), ("P2W", True), ("10000", False),
                                       ("198X", True), ("PRESENT_REF", True), ("2017-13", False), ("", False)])
def test_the_timeml_check_itself(value, ok):
    assert valid_timeml(value) is ok


@PROPERTY
@given(text=TEXT, dated=st.booleans())
def test_extraction_of_any_text_keeps_its_promises(nlp, text, dated):
    ex = extract_article(Article(doc="x", text=text, date="2017-08-16" if dated else None), nlp)
    n = len(text)
    contents = []
    for q in ex.quotes:
        for spans in (q.content_spans, q.speaker_spans, q.cue_spans):
            assert all(0 <= s < e <= n for s, e in spans)
        contents += q.content_spans
    assert all(a[1] <= b[0] for a, b in pairwise(sorted(contents))), "quotes overlap"
    for t in ex.timexes:
        assert 0 <= t.start < t.end <= n and text[t.start:t.end] == t.text
        assert valid_timeml(t.value), t
    for e in ex.events:
        assert 0 <= e.start <= e.end <= n
        assert e.date is None or valid_timeml(e.date), e


@PROPERTY
@given(data=st.one_of(st.binary(max_size=600), TEXT.map(lambda t: t.encode("utf-8")),
                      TEXT.map(lambda t: t.encode("utf-16"))),
       name=st.sampled_from(["a.txt", "b.html", "c.md", "noext"]))
def test_reading_any_bytes_gives_an_article_or_an_ingest_error(data, name):
    try:
        article = from_bytes(data, name)
    except IngestError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert article.text.strip() and article.doc
