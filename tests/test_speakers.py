"""Speaker resolution: every way an article refers to a speaker ends under one canonical name."""
from __future__ import annotations

from whosaid.model import Article, Extraction
from whosaid.quotes.attribution import extract_quotes
from whosaid.quotes.speakers import resolve_speakers


def resolve(nlp, text):
    doc = nlp(text)
    quotes, speakers = resolve_speakers(doc, extract_quotes(doc))
    return quotes, {s.name: s for s in speakers}


def test_surname_and_title_join_the_full_name(nlp):
    text = ("Attorney General Jeff Sessions spoke in Miami on Monday. Sessions said the city must comply. "
            "The attorney general added that funding would be cut.")
    quotes, speakers = resolve(nlp, text)
    assert [q.speaker for q in quotes] == ["Jeff Sessions", "Jeff Sessions"]
    s = speakers["Jeff Sessions"]
    assert s.kind == "PERSON" and "Attorney General" in s.roles
    assert {"Sessions", "The attorney general"} <= set(s.aliases)


def test_first_name_the_model_misses_is_kept(nlp):
    text = "Chicago Mayor Rahm Emanuel said the city would sue. Emanuel added that the rules were illegal."
    quotes, speakers = resolve(nlp, text)
    assert set(speakers) == {"Rahm Emanuel"}
    assert "Chicago Mayor" in speakers["Rahm Emanuel"].roles


def test_pronoun_joins_the_person_just_named(nlp):
    text = ("Rahm Emanuel spoke to reporters on Tuesday.\n\n"
            "\u201cWe will not cave to this pressure,\u201d he said.")
    quotes, speakers = resolve(nlp, text)
    assert [q.speaker for q in quotes] == ["Rahm Emanuel"]
    assert "he" in speakers["Rahm Emanuel"].aliases


def test_the_president_is_the_president_named_earlier(nlp):
    text = ("President Donald Trump visited Ohio on Friday. The president said that the factories would "
            "come back.")
    quotes, speakers = resolve(nlp, text)
    assert [q.speaker for q in quotes] == ["Donald Trump"]


def test_the_city_is_the_city_of_x(nlp):
    text = ("The City of Chicago filed a lawsuit on Monday. The city said in the lawsuit that the rules "
            "violate the Constitution.")
    quotes, speakers = resolve(nlp, text)
    assert [q.speaker for q in quotes] == ["City of Chicago"]
    assert speakers["City of Chicago"].kind == "GPE"


def test_a_headline_verb_is_not_part_of_a_name(nlp):
    text = ("Sessions Slams Chicago Over Sanctuary Policies\n\n"
            "Attorney General Jeff Sessions said on Wednesday that Chicago had failed its residents.")
    quotes, speakers = resolve(nlp, text)
    assert "Jeff Sessions" in speakers
    assert not any("Slams" in name for name in speakers)


def test_organisation_speaker(nlp):
    text = "The Justice Department said in a statement that it would appeal the ruling."
    quotes, speakers = resolve(nlp, text)
    assert [q.speaker for q in quotes] == ["Justice Department"]
    assert speakers["Justice Department"].kind == "ORG"


def test_relative_pronoun_speaker_is_its_antecedent(nlp):
    text = "Charles Barkley, who said he usually votes for Democrats, spoke at the rally in Ohio."
    quotes, speakers = resolve(nlp, text)
    assert [q.speaker for q in quotes] == ["Charles Barkley"]


def test_extraction_with_speakers_serialises(nlp):
    text = "\u201cWe are ready,\u201d Governor Jane Smith said."
    doc = nlp(text)
    quotes, speakers = resolve_speakers(doc, extract_quotes(doc))
    out = Extraction(article=Article(doc="x", text=text), quotes=quotes, speakers=speakers).to_json()
    assert out["quotes"][0]["speaker"] == "Jane Smith"
    assert out["speakers"][0]["roles"] == ["Governor"]


def test_she_skips_the_man_named_last(nlp):
    text = ("Mrs. Clinton spoke first in Des Moines on Monday. Then Mr. Sanders took the stage.\n\n"
            "\u201cWe will win this state and the next one,\u201d she said.")
    quotes, speakers = resolve(nlp, text)
    assert [q.speaker for q in quotes] == ["Clinton"]


def test_honorifics_are_not_roles(nlp):
    text = "Mr. Podesta said on Friday that the campaign would release the letters."
    quotes, speakers = resolve(nlp, text)
    assert [q.speaker for q in quotes] == ["Podesta"]
    assert speakers["Podesta"].roles == []


def test_a_title_that_ends_alike_does_not_lend_its_holder_a_quote_or_a_role(nlp):
    text = ("Republican presidential nominee Donald Trump spoke in Ohio on Monday. "
            "The Republican nominee said the polls were rigged. "
            "The Democratic presidential nominee said every child deserves a good school.")
    quotes, speakers = resolve(nlp, text)
    assert quotes[0].speaker == "Donald Trump"
    assert all(q.speaker != "Donald Trump" for q in quotes[1:])
    assert not any("Democratic" in r for r in speakers["Donald Trump"].roles)


def test_a_surname_introduced_by_title_is_not_a_relative_named_later(nlp):
    text = ("Obama Urges Voters to Turn Out\n"
            "President Obama is rolling out a new message. \"It's about me,\" Mr. Obama said on Saturday.\n"
            "Mr. Obama and the first lady, Michelle Obama, will travel to Ohio.\n"
            "\"We must vote,\" Mr. Obama told the crowd.")
    quotes, speakers = resolve(nlp, text)
    assert [q.speaker for q in quotes] == ["Obama", "Obama"]  # before: both given to Michelle Obama
    assert "President" in speakers["Obama"].roles


def test_a_title_in_the_headline_does_not_keep_the_full_name_apart(nlp):
    text = ("GOP Rep McCaul Announces Bill\n"
            "Rep. Michael McCaul (R-TX) discussed legislation on Wednesday. \"We simply introduce a bill,\" McCaul said.")
    quotes, _ = resolve(nlp, text)
    assert [q.speaker for q in quotes] == ["Michael McCaul"]


def test_a_name_that_modifies_a_noun_does_not_name_the_person(nlp):
    text = ("Millennials don't get socialism; \nYoung Sanders supporters never had to live through the Cold War "
            "era.\n\nBernie Sanders' lock on young people has been a constant throughout the Democratic presidential "
            "primaries. Sanders calls himself a democratic socialist.")
    quotes, _ = resolve(nlp, text)
    assert [q.speaker for q in quotes] == ["Bernie Sanders"]  # before: "Young Sanders"


def test_an_imagined_title_is_not_a_role(nlp):
    text = ("Republican presidential candidate Donald Trump spoke in Ohio on Monday. "
            "Asked about a President Donald Trump, Jeb Bush said the billionaire can't win. "
            "Donald Trump said the polls were wrong.")
    quotes, speakers = resolve(nlp, text)
    assert "Donald Trump" in [q.speaker for q in quotes]
    assert speakers["Donald Trump"].roles == ["Republican presidential candidate"]
