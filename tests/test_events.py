"""Dated events: the seed's three dated happenings, and the rules on short sentences."""
from __future__ import annotations

import pytest
from whosaid.extract import extract_article
from whosaid.ingest import read_file
from whosaid.temporal.events import extract_events
from whosaid.temporal.timexes import find_timexes


@pytest.fixture(scope="module")
def seed(nlp, seed_path):
    article = read_file(seed_path)
    article.date = None  # the date must come from the text
    return extract_article(article, nlp)


def test_seed_publication_date_is_found_in_the_text(seed):
    assert seed.article.date == "2017-08-16" and seed.article.date_source == "text"


def test_seed_timexes(seed):
    values = {(t.text, t.value) for t in seed.timexes}
    assert {("Wednesday", "2017-08-16"), ("last month", "2017-07"), ("this year", "2017"),
            ("April", "2017-04")} <= values


def test_seed_events(seed):
    def find(word):
        return [e for e in seed.events if word in e.sentence]
    assert any(e.date == "2017-08-16" and e.how == "explicit" and "slammed" in e.summary
               for e in find("slammed Chicago on Wednesday"))
    assert any(e.date == "2017-07" and "introduced" in e.summary for e in find("introduced last month"))
    assert any(e.date == "2017-04" and "blocked" in e.summary and "California" in e.actors for e in find("in April"))


def test_seed_statements_are_dated(seed):
    statements = [e for e in seed.events if e.kind == "statement" and "Sessions said" in e.sentence]
    assert statements and all(e.date == "2017-08-16" for e in statements)


def events(nlp, text, dct="2017-08-16"):
    doc = nlp(text)
    return extract_events(doc, find_timexes(doc, dct), [], [], dct)


def test_two_dates_two_events_not_one_per_expression(nlp):
    evs = events(nlp, "The mayor said on Tuesday that the suit filed in 2004 was void.")
    assert sorted(e.date for e in evs) == ["2004", "2017-08-15"]
    assert all(e.how == "explicit" for e in evs)


def test_undated_event_is_kept_undated(nlp):
    evs = events(nlp, "The council will consider a new budget.")
    assert len(evs) == 1 and evs[0].date is None and evs[0].how == "unknown"


def test_past_reporting_verb_takes_the_publication_date(nlp):
    evs = events(nlp, "The governor said the plan was fair.")
    assert [(e.date, e.how, e.kind) for e in evs] == [("2017-08-16", "publication", "statement")]


def test_date_is_inherited_from_the_surrounding_text(nlp):
    evs = events(nlp, "The storm hit the coast on Monday.\nThousands of homes lost power.")
    assert [(e.date, e.how) for e in evs] == [("2017-08-14", "explicit"), ("2017-08-14", "inherited")]


def test_no_publication_date_leaves_events_undated(nlp):
    evs = events(nlp, "The governor said the plan was fair.", dct=None)
    assert evs[0].date is None


def test_unreadable_publication_date_is_no_date(nlp):
    evs = events(nlp, "The governor said the plan was fair.", dct="not a date")
    assert [(e.date, e.how) for e in evs] == [(None, "unknown")]


def test_quoted_words_are_not_events_of_their_own(nlp):
    from whosaid.model import Quote
    text = '"The plan failed last year," the governor said on Monday.'
    doc = nlp(text)
    quote = Quote(content_spans=[(0, 31)], cue_spans=[(text.index("said"), text.index("said") + 4)],
                  kind="direct", speaker="Governor")
    evs = extract_events(doc, find_timexes(doc, "2017-08-16"), [quote], [], "2017-08-16")
    assert [(e.kind, e.date) for e in evs] == [("statement", "2017-08-14")]


def test_a_date_on_an_event_noun_dates_the_noun(nlp):
    evs = events(nlp, "It is slated for a U.S. release on June 24, starting at US $199.", dct="2010-06-16")
    assert [(e.date, e.how) for e in evs if "release" in e.summary and "slated" not in e.summary] \
        == [("2010-06-24", "explicit")]
    assert len(evs) == 2 and all(e.date for e in evs)  # "is slated": the anchor model chooses that day too


def test_coordinated_dates_are_two_happenings(nlp):
    evs = events(nlp, "He made an appearance in March and June.", dct="2011-08-25")
    assert sorted(e.date for e in evs) == ["2011-03", "2011-06"]


def test_generic_present_states_are_not_put_on_the_publication_date(nlp):
    evs = events(nlp, "IE 11 is not supported. For an optimal experience visit our site on another browser.")
    assert evs and all(e.date is None and e.how == "unknown" for e in evs)


def test_a_present_tense_statement_is_dated_at_publication(nlp):
    evs = events(nlp, "Apple Corps claims that the store violates an old agreement.")
    assert [(e.date, e.how) for e in evs] == [("2017-08-16", "publication")]


def test_a_present_state_of_the_story_subject_is_dated_at_publication(nlp):
    evs = events(nlp, "Apple unveiled the iPhone 4 on Monday. The iPhone 4 has a new screen.")
    assert [(e.date, e.how) for e in evs] == [("2017-08-14", "explicit"), ("2017-08-16", "publication")]


def test_present_perfect_news_falls_on_the_story_day(nlp):
    evs = events(nlp, "Steve Jobs died on Tuesday at his home, his family said.\nApple has lost a visionary.")
    assert ("2017-08-15", "inherited") in [(e.date, e.how) for e in evs if "lost" in e.summary]


def test_a_copula_is_a_state_not_an_event(nlp):
    assert events(nlp, "He's not the only one.") == []
    assert events(nlp, "He’s not the only one.") == []


def test_a_dated_infinitive_under_a_past_verb_is_an_event(nlp):
    evs = events(nlp, "Apple added audio recording, prompting Apple Corps to file suit again in 1989.")
    assert "1989" in [e.date for e in evs]


def test_the_future_tense_continues_a_future_date(nlp):
    evs = events(nlp, "The phone will be available on Aug. 24.\nThe old model's price will be cut to $99.",
                 dct="2017-08-16")
    assert [(e.date, e.how) for e in evs] == [("2017-08-24", "explicit"), ("2017-08-24", "inherited")]


def test_the_future_tense_never_takes_a_past_date(nlp):
    evs = events(nlp, "The storm hit the coast on Monday.\nThe city will rebuild the pier.")
    assert [(e.date, e.how) for e in evs] == [("2017-08-14", "explicit"), (None, "unknown")]


@pytest.mark.parametrize("text, reason", [
    ("So you might be asking: How does he do it?", "question"),
    ("Doing that, too?", "question"),
    ("And you can sum it up in about 30 words.", "second person"),
    ("Wait.", None),  # under three words: never an event at all
    ("Imagine the spectacle if the I.R.S. sues a sitting president.", "command"),
    ("Give her a break, boys.", "command"),
    ("With those states in hand, he can coast to the nomination.", "hypothesis"),
    ("If elected, she would install a new tax rate.", "hypothesis"),
    ("Huge crowds came out for us in Ohio @realDonaldTrump pic.twitter.com/x1y2z3", "markup"),
    ("Join the rally #ImWithHer", "markup"),
    ("Read the full story at https://example.com/story now.", "markup"),
    ("Baiting the moderators.", "fragment"),
])
def test_a_non_event_is_not_listed_as_an_undated_event(nlp, text, reason):
    doc = nlp(text)
    left_out: list[tuple[str, str]] = []
    evs = extract_events(doc, find_timexes(doc, "2016-09-27"), [], [], "2016-09-27",
                         on_non_event=lambda e, why: left_out.append((e.summary, why)))
    assert not [e for e in evs if e.date is None]
    if reason is not None:
        assert reason in {why for _, why in left_out}


@pytest.mark.parametrize("text", [
    "The president spoke in a cottage on a Marine base.",  # a past happening with no date: kept, undated
    "Trump did not unveil plans to pay for the expansion.",
    "The council will consider a new budget.",  # a plan ahead: kept, undated
    "Mexico picked political targets skillfully.",
])
def test_a_real_undated_happening_is_kept(nlp, text):
    evs = events(nlp, text, dct=None)
    assert len(evs) == 1 and evs[0].date is None


def test_a_dated_modal_or_question_is_still_an_event(nlp):
    assert [e.date for e in events(nlp, "Who resigned from the board on Tuesday?")] == ["2017-08-15"]
    assert [e.how for e in events(nlp, "The board could meet on Friday.")] == ["explicit"]


def test_a_refusal_or_failure_in_the_past_is_still_a_happening(nlp):
    evs = events(nlp, "D'Amato's aides would not comment about the slaying.", dct=None)
    assert len(evs) == 1 and "would not comment" in evs[0].summary


def test_an_undated_statement_is_left_out_only_when_it_asks_or_addresses_the_reader(nlp):
    from whosaid.extract import extract_article
    from whosaid.model import Article

    text = ("If Donald Trump were a woman, would you still vote for her? Or would you think she must be the worst "
            "woman? “She is a liar,” the columnist wrote.")
    x = extract_article(Article(doc="q", text=text), nlp)  # no publication date: every statement is undated
    assert [e.summary for e in x.events] == ["columnist wrote: She is a liar"]


def test_a_headline_above_the_first_sentence_stays_out_of_its_summary(nlp):
    text = ("Cruz Wins Oklahoma Primary\n\nTed Cruz won the Oklahoma primary on March 1, 2016, beating Donald Trump "
            "there by six points.\n")
    (won,) = [e for e in events(nlp, text, "2016-03-02") if "won" in e.summary]
    assert won.summary == "Ted Cruz won the Oklahoma primary"
    assert won.date == "2016-03-01"
