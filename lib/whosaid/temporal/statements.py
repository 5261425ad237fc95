"""When a quote was said: the date of its statement, never a date written inside the quoted words.

A quote's cue ("said") is a statement event. Its date is, in order:
1. an explicit date next to the cue or the speaker and outside the quote's content spans ("said on Tuesday",
   "On Tuesday, Trump said", "Sanders said in 2011");
2. the story's day: the date the statement event inherited from the story, when that lies in the week up to
   publication (a later "he added" after "said on Tuesday");
3. the publication date.
A date inside the content ("We fixed it in 1999," he said) dates what the speaker talks about, not the statement,
and the date of another predicate of the cue's sentence is that predicate's. Pure: the article's timexes and events
as extracted (whosaid.model), offsets only, so it dates a stored quote as well as a fresh one.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import timedelta

from whosaid.dates import parse_day
from whosaid.model import Event, Quote, Span, Timex
from whosaid.temporal.events import event_value
from whosaid.temporal.timeml import value_interval

MAX_GAP = 12  # characters between a date and the cue or speaker it is attached to ("said on Tuesday")
APPOSITION = 5  # a date further than this after the speaker and before the cue describes the speaker
STORY_DAYS = 7  # how far before publication an inherited date can be the story's day


def _inside(start: int, end: int, spans: list[Span]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _gap(tx: Timex, anchors: list[Span], content: list[Span]) -> int | None:
    """Characters between a timex and the nearest anchor, None when quoted words stand between them."""
    best = None
    for s, e in anchors:
        lo, hi = (tx.end, s) if tx.end <= s else (e, tx.start) if tx.start >= e else (s, s)
        if hi < lo or _inside(lo, hi, content):
            continue
        best = hi - lo if best is None else min(best, hi - lo)
    return best


def _statement(quote: Quote, events: list[Event]) -> Event | None:
    """The tightest event around the cue: the statement the quote belongs to."""
    if not quote.cue_spans:
        return None
    at = quote.cue_spans[0][0]
    around = [e for e in events if e.start <= at < e.end]
    return min(around, key=lambda e: (e.kind != "statement", e.end - e.start)) if around else None


def _story_day(event: Event | None, dct: str | None) -> str | None:
    """The statement's inherited date when it falls in the week up to publication."""
    pub = parse_day(dct)
    iv = value_interval(event.date) if event is not None and event.how == "inherited" else None
    if pub is None or iv is None:
        return None
    return event.date if pub - timedelta(days=STORY_DAYS) <= iv[0] and iv[1] <= pub else None


def statement_date(quote: Quote, timexes: list[Timex], events: list[Event], dct: str | None) -> str | None:
    """The date a quote was said (a TimeML value): its cue's explicit date, else the story's day, else `dct`."""
    pub = parse_day(dct)
    fallback = pub.isoformat() if pub else None
    if not quote.cue_spans:
        return fallback
    anchors = list(quote.cue_spans) + [(s, s) for s, _ in quote.speaker_spans]  # a date before the speaker
    event = _statement(quote, events)
    near = []
    for tx in timexes:
        value = event_value(tx.value) if tx.type in ("DATE", "TIME") else None
        if value is None or _inside(tx.start, tx.end, quote.content_spans + quote.speaker_spans):
            continue  # the quoted words' date, or the speaker's ("Murphy, who was elected in 2012,")
        iv = value_interval(value)
        if pub is not None and iv is not None and iv[0] > pub:
            continue  # said after publication: a date the statement looks forward to ("next year")
        if event is not None and not (event.start <= tx.start and tx.end <= event.end):
            continue  # another sentence
        if any(e < tx.start and tx.end <= quote.cue_spans[0][0] and tx.start - e > APPOSITION
               for _, e in quote.speaker_spans):
            continue  # "Tester, himself up for reelection in 2018, said": the speaker's, not the statement's
        gap = _gap(tx, anchors, quote.content_spans)
        if gap is not None and gap <= MAX_GAP:
            near.append((value != (event.date if event else None), gap, value))
    if near:
        return min(near)[2]  # the event's own date first when it is one of them, then the closest
    return _story_day(event, dct) or fallback


class _Index:
    """An article's timexes and events sorted by start, so each quote looks only at those near its cue (handed
    over in the article's order, so ties are broken as before)."""

    def __init__(self, timexes: Sequence[Timex], events: Sequence[Event]):
        self.tx = sorted(enumerate(timexes), key=lambda it: it[1].start)  # (place in the article's list, timex)
        self.tx_starts = [t.start for _, t in self.tx]
        self.tx_len = max((t.end - t.start for t in timexes), default=0)
        self.ev = sorted(enumerate(events), key=lambda it: it[1].start)
        self.ev_starts = [e.start for _, e in self.ev]
        self.ev_len = max((e.end - e.start for e in events), default=0)

    def timexes(self, quote: Quote) -> list[Timex]:
        """The timexes that could lie within MAX_GAP of one of the quote's anchors (its cue, its speaker's start)."""
        anchors = list(quote.cue_spans) + [(s, s) for s, _ in quote.speaker_spans]
        if not anchors:
            return []
        lo, hi = min(s for s, _ in anchors) - MAX_GAP, max(e for _, e in anchors) + MAX_GAP
        first, last = bisect_left(self.tx_starts, lo - self.tx_len), bisect_right(self.tx_starts, hi)
        return [t for _, t in sorted(it for it in self.tx[first:last] if it[1].end >= lo)]

    def events(self, quote: Quote) -> list[Event]:
        """The events around the quote's cue."""
        if not quote.cue_spans:
            return []
        at = quote.cue_spans[0][0]
        first, last = bisect_left(self.ev_starts, at - self.ev_len), bisect_right(self.ev_starts, at)
        return [e for _, e in sorted(it for it in self.ev[first:last] if at < it[1].end)]  # in the article's order


def statement_dates(quotes: Sequence[Quote], timexes: Sequence[Timex], events: Sequence[Event],
                    dct: str | None) -> list[str | None]:
    """`statement_date` of every quote of an article, each looking only at the timexes and events near its cue
    (the same dates; linear in the quotes, where asking each quote about every timex grew with their square)."""
    index = _Index(timexes, events)
    return [statement_date(q, index.timexes(q), index.events(q), dct) for q in quotes]
