"""Temporal expressions: each rule on short sentences, with TimeML type and value at its granularity."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whosaid.temporal.timexes import find_timexes

DCT = "2017-08-16"  # a Wednesday


def tag(nlp, text: str, dct: str | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_timexes(nlp(text), dct)]


@pytest.mark.parametrize("text, expected", [
    ("Sessions slammed Chicago on Wednesday.", ("Wednesday", "DATE", "2017-08-16")),
    ("The judge ruled on Monday.", ("Monday", "DATE", "2017-08-14")),
    ("The council will vote on Friday.", ("Friday", "DATE", "2017-08-18")),
    ("It happened on Aug. 16, 2017 in Miami.", ("Aug. 16, 2017", "DATE", "2017-08-16")),
    ("He introduced new rules last month.", ("last month", "DATE", "2017-07")),
    ("The city has more murders this year.", ("this year", "DATE", "2017")),
    ("In April, a federal judge blocked the order.", ("April", "DATE", "2017-04")),
    ("The plan takes effect in April.", ("April", "DATE", "2018-04")),
    ("Crime fell in the late 1980's.", ("the late 1980's", "DATE", "198X")),
    ("Prices rose in the 1990s.", ("the 1990s", "DATE", "199X")),
    ("She left two weeks ago.", ("two weeks ago", "DATE", "2017-W31")),
    ("They have fought the rule since 2004.", ("2004", "DATE", "2004")),
    ("The market is open every Monday.", ("every Monday", "SET", "XXXX-WXX-1")),
    ("He met the mayor earlier this week.", ("earlier this week", "DATE", "2017-W33")),
    ("Sales rose in Q3.", ("Q3", "DATE", "2017-Q3")),
    ("The strike lasted two weeks.", ("two weeks", "DURATION", "P2W")),
    ("Prices are rising now.", ("now", "DATE", "PRESENT_REF")),
    ("He spoke yesterday.", ("yesterday", "DATE", "2017-08-15")),
    ("The report is published daily.", ("daily", "SET", "P1D")),
    ("Profit rose in the third quarter.", ("the third quarter", "DATE", "2017-Q3")),
    ("He arrived at 10:30 a.m. today.", ("10:30 a.m. today", "TIME", "2017-08-16T10:30")),
    ("The law was passed in March 2009.", ("March 2009", "DATE", "2009-03")),
    ("It opened last summer.", ("last summer", "DATE", "2016-SU")),
    ("The vote came on Christmas Day, 2015.", ("Christmas Day, 2015", "DATE", "2015-12-25")),
    ("The 20th century saw two wars.", ("The 20th century", "DATE", "19")),
    ("The company was founded a decade ago.", ("a decade ago", "DATE", "2007")),
    ("Prices will rise next year.", ("next year", "DATE", "2018")),
    ("He left in nineteen ninety-six.", ("nineteen ninety-six", "DATE", "1996")),
    ("It was over by the year two thousand.", ("the year two thousand", "DATE", "2000")),
    ("The music of the nineties is back.", ("the nineties", "DATE", "199X")),
    ("Profit fell for the full year.", ("the full year", "DATE", "2017")),
    ("The offer expires at midnight Friday.", ("midnight Friday", "TIME", "2017-08-18T24:00")),
    ("They postponed the vote until Tuesday.", ("Tuesday", "DATE", "2017-08-22")),
    ("He commented on Monday's vote.", ("Monday", "DATE", "2017-08-14")),
    ("The deal was signed on 16.08.2017.", ("16.08.2017", "DATE", "2017-08-16")),
    ("The deal was signed on 8/16/2017.", ("8/16/2017", "DATE", "2017-08-16")),
    ("He was jailed for 5 1/2 hours.", ("5 1/2 hours", "DURATION", "PT5H30M")),
    ("It will not change for a couple of years.", ("a couple of years", "DURATION", "P2Y")),
    ("He was named chairman, effective Feb. 1.", ("Feb. 1", "DATE", "2018-02-01")),
    ("The plant costs $2 million a year.", ("a year", "SET", "P1Y")),
    ("The stock hit a high for the year in June.", ("the year", "DATE", "2017")),
    ("Revenue rose for the year ended March 31.", ("the year", "DURATION", "P1Y")),
    ("Sales rose in the Christmas shopping season.", ("Christmas", "DATE", "2016-12")),
    ("The plant should close by year end.", ("year end", "DATE", "2017")),
    ("Revenue rose in the fiscal year ended Jan. 31.", ("the fiscal year", "DURATION", "P1Y")),
    ("The bank extended the loans through January.", ("January", "DATE", "2018-01")),
    ("He is still bound by a June agreement.", ("June", "DATE", "2017-06")),
    ("The vote will be held on Election Day.", ("Election Day", "DATE", "2017-11-07")),
    ("He was shot to death last Oct. 23 at his home.", ("Oct. 23", "DATE", "2016-10-23")),
    ("The blast occurred at about 10:35 a.m. (0735 GMT) Monday.", ("about 10:35 a.m.", "TIME", "2017-08-14T10:35")),
])
def test_rule(nlp, text, expected):
    assert expected in tag(nlp, text)


def test_a_present_perfect_looks_back(nlp):
    found = tag(nlp, "Police have been searching for him since the Oct. 23 shooting.", dct="1999-05-06")
    assert ("Oct. 23", "DATE", "1998-10-23") in found


def test_following_and_previous_count_from_the_story_not_the_publication_date(nlp):
    found = tag(nlp, "In March 1989 he took over. The following month he resigned.", dct="1989-10-27")
    assert ("The following month", "DATE", "1989-04") in found
    found = tag(nlp, "Stocks fell on Oct. 27, down 4.5% from the previous Friday.", dct="1989-10-30")
    assert ("the previous Friday", "DATE", "1989-10-20") in found


def test_a_year_named_quarter_is_the_quarter_the_report_speaks_of(nlp):
    found = tag(nlp, "Profit rose in the third quarter. It had a loss in the 1988 quarter.", dct="1989-10-30")
    assert ("the 1988 quarter", "DATE", "1988-Q3") in found


def test_month_without_a_publication_date_has_an_unknown_year(nlp):
    assert ("April", "DATE", "XXXX-04") in tag(nlp, "In April, a judge blocked the order.", dct=None)


def test_words_that_only_look_like_dates_are_left_alone(nlp):
    found = tag(nlp, "The senator may march with 2,000 people who paid $1990 each.")
    assert found == []


def test_ages_are_not_durations(nlp):
    assert tag(nlp, "The 6-year-old boy was found.") == []
    assert tag(nlp, "Mr. Smith, 52 years old, will succeed him.") == []


def test_names_that_look_like_dates_are_left_alone(nlp):
    assert tag(nlp, "They joined the March for Life. It was a second chance.") == []


def test_year_ago_follows_the_quarter_the_report_speaks_of(nlp):
    found = tag(nlp, "Profit rose in the third quarter. It was $5 million a year earlier.", dct="1989-10-26")
    assert ("a year earlier", "DATE", "1988-Q3") in found


def test_a_year_earlier_after_the_nine_months_is_the_year_before(nlp):
    text = ("Profit rose in the third quarter. For the nine months, net was $9 million, "
            "compared with $7 million a year earlier.")
    assert ("a year earlier", "DATE", "1988") in tag(nlp, text, dct="1989-10-26")


def test_an_evening_on_a_weekday_is_a_time_of_that_day(nlp):
    assert ("Thursday evening", "TIME", "2017-08-10TEV") in tag(nlp, "A woman was killed Thursday evening.")
    assert ("Monday afternoon", "TIME", "2017-08-14TAF") in tag(nlp, "The court ruled Monday afternoon.")


def test_a_quarter_still_ahead_in_the_past_tense_is_last_years(nlp):
    found = tag(nlp, "AT&T announced a drop in profits for the fourth quarter.", dct="1998-01-26")
    assert ("the fourth quarter", "DATE", "1997-Q4") in found
    assert ("the fourth quarter", "DATE", "1998-Q4") in tag(nlp, "Profit will rise in the fourth quarter.", dct="1998-01-26")


def test_a_day_planned_is_ahead(nlp):
    found = tag(nlp, "The attorney has scheduled a news conference Thursday.", dct="1999-05-05")
    assert ("Thursday", "DATE", "1999-05-06") in found
    found = tag(nlp, "On Friday, the government planned to pay the bills.", dct="1998-09-30")
    assert ("Friday", "DATE", "1998-09-25") in found


def test_a_singular_subject_makes_an_ambiguous_verb_past(nlp):
    found = tag(nlp, "Weakness in tech stocks hurt the Nasdaq 100 Index on Friday.", dct="1989-10-30")
    assert ("Friday", "DATE", "1989-10-27") in found


def test_last_with_the_month_just_ended_is_a_year_back(nlp):
    assert ("last February", "DATE", "1997-02") in tag(nlp, "Two helicopters crashed last February.", dct="1998-03-01")
    assert ("last June", "DATE", "1989-06") in tag(nlp, "The company was sold last June.", dct="1989-10-27")


def test_a_hyphenated_fiscal_quarter_is_one_expression(nlp):
    text = "Net was $4 million for the fiscal-first quarter ended Sept. 30, against a loss a year ago."
    found = tag(nlp, text, dct="1989-10-26")
    assert ("the fiscal-first quarter", "DATE", "1989-Q1") in found
    assert ("a year ago", "DATE", "1988-Q1") in found


def test_titles_of_shows_are_not_dates(nlp):
    assert tag(nlp, 'Baker said on ABC\'s "This Week" that he was calm.') == []
    assert tag(nlp, "Gonzalez said on CBS's ''60 Minutes.''") == []
    assert ("Today", "DATE", DCT) in tag(nlp, "Today, hundreds of people marched.")


def test_a_day_that_only_leap_years_have(nlp):
    assert ("Feb. 29", "DATE", "2016-02-29") in tag(nlp, "It happened last Feb. 29.")
    assert tag(nlp, "It happened on Feb. 29, 2017.") == []


def test_spans_match_the_text(nlp):
    text = "On Tuesday, the court said that the suit filed in 2004 was void."
    for t in find_timexes(nlp(text), DCT):
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("text, expected", [
    ("Near 1750 GMT, the rebels attacked the base.", ("1750 GMT", "TIME", "2016-07-28T17:50")),
    ("The meeting starts at 1430 local time.", ("1430 local time", "TIME", "2016-07-28T14:30")),
    ("Polls close at 0900 ET.", ("0900 ET", "TIME", "2016-07-28T09:00")),
    ("The curfew began at 2100 hours.", ("2100 hours", "TIME", "2016-07-28T21:00")),
    ("Troops landed at 0600 GMT on Tuesday.", ("0600 GMT on Tuesday", "TIME", "2016-07-26T06:00")),
    ("In 2016 the vote closed at 1900 EST.", ("1900 EST", "TIME", "2016-07-28T19:00")),
])
def test_a_clock_reading_is_a_time_of_day_not_a_year(nlp, text, expected):
    found = tag(nlp, text, dct="2016-07-28")
    assert expected in found
    assert not any(typ == "DATE" and value in ("1750", "1900") for _, typ, value in found)


def test_hours_of_work_are_still_a_span_and_a_plain_year_still_a_year(nlp):
    assert ("1500 hours", "DURATION", "PT1500H") in tag(nlp, "He spent 1500 hours on the case.", dct="2016-07-28")
    assert ("1750", "DATE", "1750") in tag(nlp, "In 1750 the town was founded.", dct="2016-07-28")


@given(number=st.integers(1000, 2359).map(str), zone=st.sampled_from(
    ["GMT", "UTC", "EST", "EDT", "ET", "PT", "CDT", "BST", "local time", "Zulu"]),
    before=st.sampled_from(["Near", "At about", "Shortly after", "By", "It was"]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_four_digit_number_before_a_time_zone_is_never_a_year(nlp, number, zone, before):
    found = tag(nlp, f"{before} {number} {zone} Monday, the troops moved.", dct="2016-07-28")
    assert not any(typ == "DATE" and value.startswith(number[:4]) for _, typ, value in found)


@pytest.mark.parametrize("text, expected", [
    ("The statue has stood for more than 200 years.", ("more than 200 years", "DURATION", "P200Y")),
    ("She said that after more than 200 years and 44 male presidents, it is time.",
     ("more than 200 years", "DURATION", "P200Y")),
    ("Five years from now, the plant will be gone.", ("Five years from now", "DATE", "2021")),
    ("He left the company three years ago.", ("three years ago", "DATE", "2013")),
    ("Ten years later, he returned.", ("Ten years later", "DATE", "XXXX")),
    ("In 1984 he left. Ten years later, he returned.", ("Ten years later", "DATE", "1994")),
])
def test_n_years_is_a_span_or_counts_from_where_the_text_says(nlp, text, expected):
    assert expected in tag(nlp, text, dct="2016-07-28")


@pytest.mark.parametrize("text, expected", [
    ("Dealers placed heavy buy orders in the morning.", ("the morning", "TIME", "1989-10-27TMO")),
    ("By mid afternoon, officials had left.", ("mid afternoon", "TIME", "1989-10-27TAF")),
    ("They met at 9 in the evening on Tuesday.", ("9 in the evening on Tuesday", "TIME", "1989-10-24T21:00")),
    ("On Wednesday the market fell. Dealers sold in the morning.", ("the morning", "TIME", "1989-10-25TMO")),
    ("He will leave at 4 in the morning (4 a.m. EDT Thursday).", ("4 in the morning", "TIME", "1989-11-02T04:00")),  # the Thursday ahead
])
def test_a_part_of_the_day_is_a_time_of_the_day_the_story_is_on(nlp, text, expected):
    assert expected in tag(nlp, text, dct="1989-10-27")


def test_a_part_of_the_day_naming_a_thing_is_not_a_time(nlp):
    assert tag(nlp, "He reads the morning news. Good morning, America.", dct="1989-10-27") == []
    assert tag(nlp, "Trump sent early-morning tweets. He spoke in the morning meetings.", dct="1989-10-27") == []
