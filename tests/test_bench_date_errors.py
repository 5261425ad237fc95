"""The event-date benchmark sorts each missed or wrong date under one kind, and the kinds add up."""
from __future__ import annotations

from whosaid.temporal.anchor_data import GoldDoc, GoldEvent, score

from benchmarks.event_dates import errors


def test_each_missed_event_date_is_counted_under_one_kind_and_the_kinds_add_up():
    # (gold dates, the date of the event over it: "none" = no event overlaps it, None = undated), DCT 1998-03-14
    cases = [({"1998-03-10"}, "none"),  # no_event
             ({"1998-03-10"}, None),  # undated
             ({"1998-03-10"}, "1998-03-14"),  # the publication day for another day
             ({"1998-03-14"}, "1998-02-01"),  # another day for the publication day
             ({"1998-W11"}, "1998-03-10"),  # the Tuesday inside the gold week
             ({"1998-03"}, "1998-03-14"),  # the publication day inside the gold month: a grain, not a wrong date
             ({"1998-03-10"}, "1997"),  # another wrong date
             ({"1998-03-10"}, "1998-03-10")]  # right
    text, gold, events = "", [], []
    for k, (dates, got) in enumerate(cases):
        start = len(text)
        text += f"word{k} "
        gold.append(GoldEvent(f"e{k}", start, start + 5, f"word{k}", "OCCURRENCE", dates))
        if got != "none":
            events.append((start, start + 5, got))
    # one event over two gold events: 1998-01 is a grain of the first, another date for the second's publication day
    start = len(text)
    text += "word8 word9"
    gold += [GoldEvent("e8", start, start + 5, "word8", "OCCURRENCE", {"1998-01-05"}),
             GoldEvent("e9", start + 6, start + 11, "word9", "OCCURRENCE", {"1998-03-14"})]
    events.append((start, start + 11, "1998-01"))
    doc = GoldDoc("d", "", "1998-03-14", text, gold, {})
    e = errors([(doc, events)])
    assert e["recall"] == {"no_event": 1, "undated": 1, "dct_for_other": 1, "other_for_dct": 2, "grain": 3,
                           "other_date": 1}
    figures = score([(doc, events)])
    assert e["misses"] == 9 == round(figures["dated_gold_events"] * (1 - figures["date_recall"]))
    # precision side: each wrong event once, against the union of its gold events' dates (the shared one: a grain)
    assert e["precision"] == {"no_event": 0, "undated": 1, "dct_for_other": 1, "other_for_dct": 1, "grain": 3,
                              "other_date": 1}
    assert e["wrong"] == 7 == round(figures["matched_events"] * (1 - figures["date_precision"]))
    assert "word0" in e["examples"]["no_event"][0] and "event dated 1997" in e["examples"]["other_date"][0]

