"""Publication date from the text: caption, dateline, none, conflicting dates — and how sure we are."""
from __future__ import annotations

from whosaid.temporal.pubdate import infer_pubdate


def test_caption_confirmed_by_weekday(seed_path):
    date, confidence = infer_pubdate(seed_path.read_text(encoding="utf-8"))
    assert date == "2017-08-16"
    assert confidence >= 0.7  # the caption's date falls on the "Wednesday" of the lead


def test_caption_alone_is_a_clue_not_a_guarantee():
    date, confidence = infer_pubdate("The mayor spoke in Miami on Aug. 16, 2017. He said little.")
    assert date == "2017-08-16"
    assert confidence < 0.7


def test_dateline():
    date, confidence = infer_pubdate("WASHINGTON, March 3, 2016 — The senator said the bill would pass.")
    assert (date, confidence >= 0.8) == ("2016-03-03", True)


def test_published_stamp_wins_over_dates_in_the_story():
    date, _ = infer_pubdate("Published: Jan. 5, 2020\nThe law dates from May 5, 1999.")
    assert date == "2020-01-05"


def test_no_date():
    assert infer_pubdate("Nothing here says when.") == (None, 0.0)
    assert infer_pubdate("") == (None, 0.0)


def test_conflicting_dates_lower_the_confidence():
    one, c1 = infer_pubdate("The law passed on Aug. 2, 2019.")
    two, c2 = infer_pubdate("The law passed on June 1, 2001. Then on Aug. 2, 2019 it was repealed.")
    assert one == two == "2019-08-02"
    assert c2 < c1


def test_numeric_stamp():
    assert infer_pubdate("Posted 16.08.2017\nThe mayor spoke.")[0] == "2017-08-16"
