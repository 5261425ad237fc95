"""The TBAQ event-date set: gold dates for events, read from TimeML TLINKs, and fixed document folds.

TempEval-3's TBAQ-cleaned (TimeBank and AQUAINT) ties events to time expressions and to the document creation time
(DCT) by TLINKs. An event that a link puts inside a time (IS_INCLUDED, DURING, SIMULTANEOUS, IDENTITY, or the time
INCLUDES it) gets that time's value as a gold date, when the value names a calendar interval (a day, week, month,
quarter, year …; a clock time counts as its day; PRESENT_REF or P1W do not). An event may have several gold dates
(“on Jan. 8” and the DCT, the same day or nested); any of them is right. Used by the anchor model's training
(`whosaid.temporal.train_anchor`) and by `benchmarks/event_dates.py`; the corpus is only read, never shipped.
"""
from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from whosaid.temporal.timeml import value_interval

CORPORA = ("TimeBank", "AQUAINT")
# (relation, direction): "event" when the event is the link's source, "time" when the time is
DATING = {("IS_INCLUDED", "event"), ("DURING", "event"), ("SIMULTANEOUS", "event"), ("IDENTITY", "event"),
          ("INCLUDES", "time"), ("SIMULTANEOUS", "time"), ("IDENTITY", "time")}
# an event the DCT link puts wholly before or after the publication day is not on that day
OFF_DCT = {("BEFORE", "event"): "before", ("IBEFORE", "event"): "before", ("AFTER", "time"): "before",
           ("IAFTER", "time"): "before", ("AFTER", "event"): "after", ("IAFTER", "event"): "after",
           ("BEFORE", "time"): "after", ("IBEFORE", "time"): "after"}


@dataclass
class GoldEvent:
    """One annotated event: its characters in the text and the calendar values that date it (empty: none)."""

    eid: str
    start: int
    end: int
    text: str
    cls: str
    dates: set[str] = field(default_factory=set)
    off_dct: str | None = None  # "before" | "after" the publication day, by a TLINK to the DCT


@dataclass
class GoldDoc:
    """One TimeML document as plain text (as `timex_score.py make` writes it), with its DCT and events."""

    doc: str
    corpus: str
    dct: str
    text: str
    events: list[GoldEvent]
    timexes: dict[str, tuple[int, int, str]]  # tid -> (start, end, value)


def calendar_value(value: str | None) -> str | None:
    """The calendar part of a TimeML value (1998-01-08T10:00 -> 1998-01-08, 2003-XX-XX -> 2003), or None."""
    if not value:
        return None
    v = re.sub(r"(-XX)+$", "", value.split("T", 1)[0])
    return v if value_interval(v) else None


def read_tml(path: Path, corpus: str = "") -> GoldDoc:
    """A TimeML file's text (the TEXT element, tags stripped), its DCT, its events and their gold dates."""
    root = ET.fromstring(path.read_bytes())
    dct_el = root.find(".//DCT/TIMEX3")
    dct = (dct_el.get("value") or "")[:10] if dct_el is not None else ""
    text_el = root.find(".//TEXT")
    parts: list[str] = []
    spans: dict[tuple[str, str], tuple[int, int, dict]] = {}
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for ch in el:
            walk(ch)
            if ch.tail:
                parts.append(ch.tail)
                pos += len(ch.tail)
        if el is not text_el and el.tag in ("EVENT", "TIMEX3"):
            key = el.get("eid") if el.tag == "EVENT" else el.get("tid")
            spans[(el.tag, key or "")] = (start, pos, dict(el.attrib))

    if text_el is not None:
        walk(text_el)
    text = "".join(parts)
    timexes = {tid: (s, e, a.get("value", "")) for (tag, tid), (s, e, a) in spans.items() if tag == "TIMEX3"}
    values = {tid: v for tid, (_, _, v) in timexes.items()}
    if dct_el is not None:
        values[dct_el.get("tid") or "t0"] = dct
    instance = {m.get("eiid"): m.get("eventID") for m in root.iter("MAKEINSTANCE")}
    dates: dict[str, set[str]] = {}
    off: dict[str, str] = {}
    dct_tid = dct_el.get("tid") if dct_el is not None else None
    for link in root.iter("TLINK"):
        a = link.attrib
        if a.get("eventInstanceID") and a.get("relatedToTime"):
            eiid, tid, direction = a["eventInstanceID"], a["relatedToTime"], "event"
        elif a.get("timeID") and a.get("relatedToEventInstance"):
            eiid, tid, direction = a["relatedToEventInstance"], a["timeID"], "time"
        else:
            continue
        value = calendar_value(values.get(tid))
        if (a.get("relType"), direction) in DATING and value and instance.get(eiid):
            dates.setdefault(instance[eiid], set()).add(value)
        elif tid == dct_tid and (a.get("relType"), direction) in OFF_DCT and instance.get(eiid):
            off[instance[eiid]] = OFF_DCT[(a.get("relType"), direction)]
    events = [GoldEvent(eid, s, e, text[s:e], a.get("class", ""), dates.get(eid, set()),
                        None if dates.get(eid) else off.get(eid))
              for (tag, eid), (s, e, a) in spans.items() if tag == "EVENT"]
    events.sort(key=lambda g: g.start)
    return GoldDoc(path.stem, corpus, dct, text, events, timexes)


def read_corpus(base: Path, limit: int | None = None) -> list[GoldDoc]:
    """The documents of TBAQ-cleaned under `base` (TimeBank, then AQUAINT), the first `limit` of each."""
    docs: list[GoldDoc] = []
    for name in CORPORA:
        docs += [read_tml(p, name) for p in sorted((base / name).glob("*.tml"))[:limit]]
    return docs


def folds(names: list[str], k: int = 5, seed: int = 12) -> list[list[str]]:
    """`k` fixed folds of document names: sorted, shuffled with `seed`, dealt round-robin."""
    order = sorted(names)
    random.Random(seed).shuffle(order)
    return [sorted(order[i::k]) for i in range(k)]


def innermost(events: list[tuple[int, int]], gold: list[GoldEvent]) -> list[int | None]:
    """For each gold event, the predicted event (index into `events`, (start, end) spans) that matches it: of those
    whose span overlaps it, the shortest (a verb's own clause before the sentence around it); None when none does."""
    out: list[int | None] = []
    for g in gold:
        best = None
        for i, (s, e) in enumerate(events):
            if s < g.end and e > g.start and (best is None or e - s < events[best][1] - events[best][0]):
                best = i
        out.append(best)
    return out


def contradicts(value: str | None, off_dct: str | None, dct: str) -> bool:
    """True when a date cannot be an event's that the gold puts wholly before (after) the publication day: it
    starts on or after (ends on or before) that day."""
    iv = value_interval(value) if value else None
    if iv is None or off_dct is None or not dct:
        return False
    day = value_interval(dct)
    if day is None:
        return False
    return iv[0] >= day[0] if off_dct == "before" else iv[1] <= day[1]


def score(docs: list[tuple[GoldDoc, list[tuple[int, int, str | None]]]]) -> dict[str, float | int]:
    """Date recall and precision of predicted events (start, end, date) against the dated gold events, as
    `timeline_score.py` counts them but per event, not per sentence: a gold event is found when the event that
    matches it (`innermost`) carries one of its dates; of the events that match a dated gold event, precision is
    the share carrying one of their gold events' dates (an undated one counts against). `off_dct_dated`: of the gold
    events TLINKed wholly before or after the publication day and given no date, how many got a date they cannot
    have (`contradicts`), out of `off_dct` matched."""
    n = covered = hit = placed = right = off = off_bad = 0
    for gold, events in docs:
        match = innermost([(s, e) for s, e, _ in events], gold.events)
        dates_of: dict[int, set[str]] = {}
        for g, i in zip(gold.events, match):
            if g.dates:
                n += 1
                covered += i is not None
                hit += i is not None and events[i][2] in g.dates
                if i is not None:
                    dates_of.setdefault(i, set()).update(g.dates)
            elif g.off_dct and i is not None:
                off += 1
                off_bad += contradicts(events[i][2], g.off_dct, gold.dct)
        placed += len(dates_of)
        right += sum(events[i][2] in ds for i, ds in dates_of.items())
    return {"dated_gold_events": n, "coverage": round(covered / n, 4) if n else 0.0,
            "date_recall": round(hit / n, 4) if n else 0.0,
            "date_precision": round(right / placed, 4) if placed else 0.0, "matched_events": placed,
            "off_dct": off, "off_dct_dated": off_bad}
