"""Quote sources: the mention a quote is credited to is the one PolNeAR marks, even where the parse misleads."""
from __future__ import annotations

from whosaid.quotes.attribution import extract_quotes
from whosaid.quotes.speakers import resolve_speakers


def sources(nlp, text):
    """(cue, source mention, speaker) of each quote in `text`."""
    doc = nlp(text)
    quotes, _ = resolve_speakers(doc, extract_quotes(doc))
    return [(" ".join(text[s:e] for s, e in q.cue_spans), " ".join(text[s:e] for s, e in q.speaker_spans),
             q.speaker) for q in quotes]


def test_the_subject_next_to_the_cue_not_a_name_inside_the_quotation(nlp):
    text = ("\u201cOur popularity is strong enough to put states in play in November that Republicans don't usually "
            "win anymore: Michigan, Pennsylvania, Virginia, Florida, Ohio,\u201d Mr. Trump said.")
    assert sources(nlp, text) == [("said", "Mr. Trump", "Trump")]


def test_a_name_after_the_quotation_not_the_quotation_s_own_words(nlp):
    text = ("\u201cWe were tremendously wrong to not have confronted him from the beginning,\u201d Ramos, 58, told "
            "AFP in an interview in Mexico City on Monday.")
    assert sources(nlp, text) == [("told", "Ramos", "Ramos")]


def test_a_verb_joined_to_a_reported_clause_is_the_reporter_s(nlp):
    text = ("Speaking earlier Tuesday in Florida, Trump insisted that he has \u201cexpanded the Republican party,"
            "\u201d claiming that he is responsible for higher voter turnout in the primary states.")
    assert [s[:2] for s in sources(nlp, text)] == [("insisted", "Trump"), ("claiming", "Trump")]
    text = "Clinton adds that she has released 30 years of tax returns and called on Sanders and Donald Trump to do the same."
    assert [s[:2] for s in sources(nlp, text)] == [("adds", "Clinton"), ("called", "Clinton")]


def test_the_object_of_force_or_lead_says_what_the_infinitive_says(nlp):
    text = "At the same time, it has forced his rival, Hillary Clinton, to distance herself from trade agreements."
    assert [s[:2] for s in sources(nlp, text)] == [("distance", "his rival")]
    text = ("The decisive victory led Republican National Committee Chairman Reince Priebus to declare that Trump "
            "was the presumptive nominee.")
    assert sources(nlp, text) == [("declare", "Republican National Committee Chairman Reince Priebus", "Reince Priebus")]


def test_the_user_of_a_thing_still_says_what_it_is_used_for(nlp):
    text = ("The National Rifle Association, which has endorsed Trump, used the comments to urge people to vote for "
            "him on Election Day.")
    assert [s[:2] for s in sources(nlp, text)] == [("urge", "The National Rifle Association")]


def test_one_speaker_says_several_things(nlp):
    text = ("Graham called both Trump and Democratic front-runner Hillary Clinton \u201ccrazy\u201d and said the "
            "Republican party is bound to lose to Clinton if an alternative to Trump is not found.")
    assert sources(nlp, text) == [("called", "Graham", "Graham"), ("said", "Graham", "Graham")]
    text = ("Fiorina was upfront about her distaste for Donald Trump, the current GOP front-runner, saying "
            "conservatives must unite.")
    assert [s[1] for s in sources(nlp, text)] == ["Fiorina", "Fiorina"]


def test_the_name_before_an_aside_not_the_aside_s_noun(nlp):
    text = ("Trump is keeping up his criticism of his closest Republican rivals in the hours before the first Super "
            "Tuesday polls\nTrump, in Kentucky, said Tuesday that March Rubio was \u201ca total lightweight\u201d while "
            "Ted Cruz is \u201ca basket case\u201d and \u201ca liar.\u201d")
    assert sources(nlp, text)[-1] == ("said", "Trump", "Trump")
