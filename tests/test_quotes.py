"""Quote extraction: each construction a journalist meets, on short sentences, and the seed article."""
from __future__ import annotations

import pytest
from whosaid.extract import extract_article
from whosaid.ingest import read_file
from whosaid.quotes.attribution import extract_quotes
from whosaid.quotes.cues import cue_set, lexicon, parse_cues
from whosaid.quotes.marks import find_quoted
from whosaid.temporal import events, timexes


def quotes_of(nlp, text):
    return extract_quotes(nlp(text))


def spans(text, pairs):
    return [text[s:e] for s, e in pairs]


def only(nlp, text):
    qs = quotes_of(nlp, text)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


def test_direct_quote_with_cue_after(nlp):
    text = "\u201cWe will not cave to this pressure,\u201d the mayor said on Tuesday."
    q = only(nlp, text)
    assert q.kind == "direct" and q.cue == "say"
    assert spans(text, q.speaker_spans) == ["the mayor"]
    assert "We will not cave to this pressure" in spans(text, q.content_spans)[0]


def test_direct_quote_with_cue_before_and_colon(nlp):
    text = "Lombardi said: \u201cI am not expecting anything from this meeting.\u201d"
    q = only(nlp, text)
    assert spans(text, q.speaker_spans) == ["Lombardi"]
    assert "not expecting anything" in q.text and q.kind == "direct"


def test_indirect_quote_keeps_the_complementizer(nlp):
    text = "Sessions said that the city had refused to cooperate with federal agents."
    q = only(nlp, text)
    assert q.kind == "indirect" and q.cue == "say"
    assert spans(text, q.content_spans) == ["that the city had refused to cooperate with federal agents"]
    assert spans(text, q.speaker_spans) == ["Sessions"]


def test_mixed_quote_inside_a_called_frame(nlp):
    text = "Sessions called the policy \u201ca trafficker's best friend\u201d in his speech."
    q = only(nlp, text)
    assert q.kind == "mixed"
    assert "the policy" in q.text and "best friend" in q.text


def test_quote_split_around_its_cue_is_one_quote(nlp):
    text = ("\u201cThe city will fight this in court,\u201d she said. "
            "\u201cWe have the law on our side and we will win.\u201d")
    q = only(nlp, text)
    assert len(q.content_spans) == 2
    assert "fight this in court" in text[slice(*q.content_spans[0])]
    assert "law on our side" in text[slice(*q.content_spans[1])]


def test_quote_running_over_two_paragraphs_is_one_quote(nlp):
    text = ("\u201cWe are prepared for this,\u201d the governor told reporters. \u201cOur budget is balanced and "
            "our reserves are full.\n\n\u201cNo court will find otherwise, and we will keep every promise.\u201d\n\n"
            "The legislature meets next week.")
    q = only(nlp, text)
    assert spans(text, q.speaker_spans) == ["the governor"]
    joined = " ".join(spans(text, q.content_spans))
    assert "reserves are full" in joined and "keep every promise" in joined
    assert "legislature" not in joined


def test_according_to_is_a_cue_without_a_speech_verb(nlp):
    text = "The new plan will cost the state about $2 billion, according to budget officials."
    q = only(nlp, text)
    assert q.cue == "according to"
    assert spans(text, q.speaker_spans) == ["budget officials"]
    assert "will cost the state" in q.text


def test_told_reporters_and_in_a_statement(nlp):
    text = "Trump told reporters that the wall would be built. The mayor said in a statement that the city would sue."
    qs = quotes_of(nlp, text)
    assert [q.cue for q in qs] == ["tell", "say"]
    assert spans(text, qs[0].speaker_spans) == ["Trump"] and spans(text, qs[1].speaker_spans) == ["The mayor"]
    assert "the wall would be built" in qs[0].text and "the city would sue" in qs[1].text


def test_headline_colon_attributes_the_headline(nlp):
    text = ("Sessions: Chicago Leaders Have Failed Their Residents\n\n"
            "The attorney general spoke in Miami on Wednesday about crime.")
    qs = quotes_of(nlp, text)
    head = [q for q in qs if q.cue == ":"]
    assert len(head) == 1
    assert spans(text, head[0].speaker_spans) == ["Sessions"]
    assert "Chicago Leaders Have Failed" in head[0].text


def test_photo_captions_are_not_headline_quotes(nlp):
    text = "Image: Sessions speaks during a news conference in Miami\n\nThe speech lasted an hour."
    assert quotes_of(nlp, text) == []


def test_scare_quotes_and_titles_are_not_quotes(nlp):
    for text in ("The so-called \u201csanctuary city\u201d label is contested by the council.",
                 "So-called 'sanctuary' policies are in place in several states.",
                 "The film \u201cThe Big Short\u201d opened in December to large crowds."):
        assert quotes_of(nlp, text) == [], text


def test_short_quote_that_is_said_is_a_quote(nlp):
    text = "When the senator walked in, a man in the crowd yelled \u201cGo home!\u201d"
    q = only(nlp, text)
    assert "Go home" in q.text and spans(text, q.speaker_spans) == ["a man in the crowd"]


@pytest.mark.parametrize("text", [
    "He said \u201cthis quotation never closes and the paragraph ends.\n\nThe next paragraph is plain.",
    "\u201cRespect for the rule of law has broken down,\" Sessions said. \"Straight and curly marks mix.\u201d",
    "\u201d A stray closing mark opens this text, and \u201c another opens without end",
    "'' '' \" \" \u201c \u201d \u2018 \u2019",
    "",
])
def test_unbalanced_or_mixed_marks_never_raise(nlp, text):
    quotes = quotes_of(nlp, text)
    for q in quotes:
        assert all(0 <= s < e <= len(text) for s, e in q.content_spans)


def test_quotation_marks_pair_across_styles():
    text = "\u201cOne,\u201d he said. \"Two,\" she said. ''Three,'' they said. Don't split the '90s."
    assert [text[q.start:q.end] for q in find_quoted(text)] == ["\u201cOne,\u201d", "\"Two,\"", "''Three,''"]


def test_multi_paragraph_quote_is_left_open_at_its_paragraph_end():
    text = "\u201cFirst part of the quote\n\n\u201cSecond part.\u201d"
    found = find_quoted(text)
    assert [(text[q.start:q.end], q.closed) for q in found] == [
        ("\u201cFirst part of the quote", False), ("\u201cSecond part.\u201d", True)]


def test_cue_sets_are_named_subsets_of_the_one_lexicon():
    report, core = cue_set("report"), cue_set("report_core")
    assert {"say", "tell"} <= core < report
    verbs = {lemma for (lemma, pos) in lexicon().entries if pos == "VERB"}
    assert report <= verbs  # a set never holds a word that is not a verb cue
    assert events.REPORTING == report and timexes.REPORTING == core  # the temporal rules read the table
    with pytest.raises(ValueError):
        cue_set("no-such-set")


def test_sets_column_is_optional_in_the_cue_table():
    lex = parse_cues("lemma\tpos\tframes\tclass\tsets\nsay\tVERB\tccomp\tspeech\treport,report_core\n"
                     "vow\tverb\txcomp\tstance\n")
    assert lex.entries[("say", "VERB")].sets == {"report", "report_core"}
    assert lex.entries[("vow", "VERB")].sets == frozenset()


def test_quote_signed_with_a_dash_and_a_name(nlp):
    text = ("\u201cMaybe we can build a wall around the whole campaign.\u201d \u2015 Steve Quinlan\n"
            "\u201cI am truly afraid of what comes next for us.\u201d \u2015 Edwin G. Monroy\n")
    qs = quotes_of(nlp, text)
    assert [spans(text, q.speaker_spans) for q in qs] == [["Steve Quinlan"], ["Edwin G. Monroy"]]
    assert all(q.kind == "direct" for q in qs)


def test_speaker_line_ending_in_a_colon(nlp):
    text = ("Rep. Trey Gowdy (R-S.C.):\n\n"
            "\u201cI have not heard anyone other than you ever cite that figure. Who told you that?\u201d")
    q = only(nlp, text)
    assert "Trey Gowdy" in spans(text, q.speaker_spans)[0] and q.cue == ":"


def test_inverted_says_after_a_quote(nlp):
    text = ("\"Few first ladies can match her devotion to the job,\" says Myra Gutin, a historian at "
            "Rider University.")
    q = only(nlp, text)
    assert spans(text, q.speaker_spans)[0].startswith("Myra Gutin") and q.cue == "say"


def test_quote_after_used_the_phrase(nlp):
    text = "Trump has used the phrase \u201cIslamic terrorism\u201d often in his campaign."
    q = only(nlp, text)
    assert spans(text, q.speaker_spans) == ["Trump"] and "Islamic terrorism" in q.text


@pytest.mark.parametrize("text", [
    "Attorney General Jeff Sessions slammed Chicago on Wednesday.",
    "The senator denied it.",
])
def test_a_stance_toward_a_bare_name_says_nothing(nlp, text):
    assert quotes_of(nlp, text) == []


def test_a_stance_with_something_said_is_kept(nlp):
    text = "The senator denied that she had met the lobbyist."
    q = only(nlp, text)
    assert "met the lobbyist" in q.text and q.kind == "indirect"


def test_cue_in_a_paragraph_of_its_own_is_not_borrowed(nlp):
    text = ("\u201cBad, bad things are going to happen,\u201d Trump warned in Everett recently. "
            "\u201cThis could be the great Trojan horse of all time.\u201d\n\n"
            "At a rally, Trump likened the refugees to a snake in a song.")
    qs = quotes_of(nlp, text)
    warn = next(q for q in qs if q.cue == "warn")
    assert len(warn.content_spans) == 2 and "Trojan horse" in text[slice(*warn.content_spans[1])]
    assert all("Trojan" not in q.text for q in qs if q.cue != "warn")


def test_parenthetical_cue_splits_the_content(nlp):
    text = "A comic tone, she said, would make the subject more accessible to readers."
    q = only(nlp, text)
    assert spans(text, q.speaker_spans) == ["she"]
    assert spans(text, q.content_spans) == ["A comic tone", "would make the subject more accessible to readers"]


# ---------------------------------------------------------------- the seed article

@pytest.fixture(scope="module")
def seed(nlp, seed_path):
    return extract_article(read_file(seed_path), nlp)


def test_seed_every_direct_quote_has_its_speaker(seed):
    text = seed.article.text
    expected = {
        "Respect for the rule of law has broken down": "Jeff Sessions",
        "Chicago\u2019s leaders have made this a political issue": "Jeff Sessions",  # "..., he said"
        "This is a serious problem for the people of Chicago": "Jeff Sessions",
        "If voters in Chicago are concerned": "Jeff Sessions",  # "..., he said"
        "not cave to the Trump administration": "Rahm Emanuel",
        "In a week in which the Trump administration": "Rahm Emanuel",
        "doesn\u2019t understand what it means to run a city": "Tom Cochran",
        "The U.S. Conference of Mayors stands with Chicago": "Tom Cochran",
        "If Chicago submits to the Department": "City of Chicago",
        "that kind of trust, once lost, is lost forever": "City of Chicago",
        "send in the feds": "Donald Trump",
        "between our values and our Police Department": "Rahm Emanuel",  # "that he refused to be ..."
    }
    for words, speaker in expected.items():
        owners = [q.speaker for q in seed.quotes if any(words in text[s:e] for s, e in q.content_spans)]
        assert owners == [speaker], (words, owners)


def test_seed_scare_quotes_are_not_quotes_of_their_own(seed):
    text = seed.article.text
    for q in seed.quotes:
        body = " ".join(text[s:e] for s, e in q.content_spans).strip("\u201c\u201d\"' .,")
        assert body.lower() not in {"sanctuary cities", "sanctuary city", "sanctuary", "blackmailed"}


def test_seed_five_speakers_under_one_name_each(seed):
    names = [s.name for s in seed.speakers]
    for name in ("Jeff Sessions", "Rahm Emanuel", "Tom Cochran", "City of Chicago", "Donald Trump"):
        assert names.count(name) == 1, names
    assert not any(n in names for n in ("Sessions", "Emanuel", "Cochran", "he", "the president", "the city"))
    sessions = next(s for s in seed.speakers if s.name == "Jeff Sessions")
    assert sessions.kind == "PERSON" and "Attorney General" in sessions.roles
    assert {"Sessions", "he"} <= set(sessions.aliases)
    assert next(s for s in seed.speakers if s.name == "City of Chicago").kind == "GPE"
    cochran = next(s for s in seed.speakers if s.name == "Tom Cochran")
    assert cochran.roles == ["U.S. Conference of Mayors Executive Director"]
    assert "President" in next(s for s in seed.speakers if s.name == "Donald Trump").roles


def test_text_without_a_parse_gives_no_quotes_rather_than_an_error():
    import spacy

    doc = spacy.blank("en")("\u201cWe are ready,\u201d the mayor said.")
    assert extract_quotes(doc) == []


@pytest.mark.parametrize("text", [
    "\x00\x01\x02 binary \xff\xfe garbage \u201c\u201c\u201c",
    "Der B\u00fcrgermeister sagte: \u201eWir sind bereit.\u201c Das ist gut.",
    "\u201cA\u201d " * 400,
])
def test_odd_input_never_raises(nlp, text):
    for q in quotes_of(nlp, text):
        assert all(0 <= s < e <= len(text) for s, e in q.content_spans + q.speaker_spans + q.cue_spans)


@pytest.mark.parametrize("text, cls", [
    ("The mayor said that the city would appeal the ruling.", "speech"),
    ("The senator wrote that the bill was a mistake.", "writing"),
    ("The report found that crime had fallen in every district.", "writing"),
    ("Most economists believe that the tariff will raise prices.", "stance"),
    ("A spokesman for the company declined to comment on the lawsuit.", "no_comment"),
])
def test_each_attribution_carries_its_class(nlp, text, cls):
    q = only(nlp, text)
    assert q.cue_class == cls, (q.cue, q.cue_class)


def test_classes_come_from_the_one_lexicon():
    from whosaid.quotes.cues import CLASSES, attribution_class

    classes = {cue.cls for cue in lexicon().entries.values()}
    assert classes == set(CLASSES) | {"action"}
    assert attribution_class("decline", ["to", "comment"], "spokesman", quoted=False) == "no_comment"
    assert attribution_class("find", ["that"], "study", quoted=False) == "writing"  # a document says it
    assert attribution_class("bark", [], "man", quoted=True) == "speech"  # a verb the lexicon does not list
    assert attribution_class("make", ["the", "case"], "senator", quoted=False) == "stance"


@pytest.mark.parametrize("text", [
    "The general ordered the troops to leave the city by Friday.",
    "Biden's drop in the polls offers Republicans a chance to regroup.",
    "Voters would have seen the ad on television every night.",
])
def test_action_verbs_report_no_words(nlp, text):
    assert quotes_of(nlp, text) == []


def test_extract_json_has_the_cue_class(nlp):
    from whosaid.model import Article, Extraction

    text = "\u201cWe will appeal,\u201d the mayor said."
    ex = Extraction(article=Article(doc="d", text=text), quotes=extract_quotes(nlp(text)))
    assert ex.to_json()["quotes"][0]["cue_class"] == "speech"


def test_passive_cue_with_an_agent_attributes_its_subject(nlp):
    text = "The plan was criticized by Democrats in the Senate."
    q = only(nlp, text)
    assert q.cue == "criticize"
    assert spans(text, q.content_spans) == ["The plan"]
    assert spans(text, q.speaker_spans) == ["Democrats in the Senate"]


def test_passive_cue_without_an_agent_is_no_attribution(nlp):
    assert quotes_of(nlp, "The report was released on Monday.") == []


def test_what_someone_is_referred_to_as_is_part_of_the_content(nlp):
    text = "Trump referred to Rubio as a bright, charismatic leader."
    q = only(nlp, text)
    assert q.cue == "refer"
    assert spans(text, q.content_spans) == ["Rubio as a bright, charismatic leader"]
    assert spans(text, q.speaker_spans) == ["Trump"]
