"""Names: one display form (how a speaker's name reads) and one match key built on it."""
from __future__ import annotations

import pytest
from whosaid.names import display_name, name_key


@pytest.mark.parametrize(("raw", "shown"), [
    ("  Rahm\n Emanuel’s,", "Rahm Emanuel"),
    ("“Jeff Sessions”", "Jeff Sessions"),
    ("(the White House)", "the White House"),
    ("O’Neil", "O’Neil"),
])
def test_display_name_reads_as_written_without_edges_or_possessive(raw, shown):
    assert display_name(raw) == shown


@pytest.mark.parametrize(("a", "b"), [
    ("The White House’s", "white house"),
    ("ＪＥＦＦ  Sessions", "Jeff Sessions"),
    ("Washington D.C.’s", "Washington D.C."),  # the possessive leaves a full stop the display form drops
    ("“Justice Against Sponsors of Terrorism Act", "Justice Against Sponsors of Terrorism Act"),
])
def test_name_key_matches_the_same_name_written_two_ways(a, b):
    assert name_key(a) == name_key(b)


def test_name_key_is_built_on_the_display_form():
    for raw in ["  Rahm\n Emanuel’s,", "“Jeff Sessions”", "the City of Chicago.", "Sen. Ted Cruz (R-Texas)"]:
        assert name_key(raw) == name_key(display_name(raw))
    assert name_key("the City of Chicago.") == "city of chicago"
