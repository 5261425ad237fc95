"""Inferring an article's publication date from its text when neither the user nor HTML metadata gives it.

Clues, strongest first: a “Published/Updated/Posted …” line or a dateline opening a line (“WASHINGTON, Aug. 16,
2017 —”); a full date written in the text (a photo caption such as “in Miami on Aug. 16, 2017” usually
dates the event the article reports). A weekday named near the top (“on Wednesday”) that falls on the same
date confirms it; full dates that disagree lower the confidence. The full dates are found with the timex rules
(whosaid.temporal.rules), so this costs no parse.
"""
from __future__ import annotations

import re
from datetime import date

from whosaid.temporal.calendar import month_number, numeric_date, year_number
from whosaid.temporal.rules import WEEKDAYS, find_matches

HEAD_CHARS = 6000
STAMP = re.compile(r"(?:published|updated|posted|first published|last updated|date)\b[\s:]*(?:on\s+)?(?:\w+day,?\s+)?$", re.I)
DATELINE = re.compile(r"\s*(?:(?:[A-Z][A-Z.\- ]{1,30}|[A-Z][a-z]+(?: [A-Z][a-z]+)*)(?: \([^)]{1,20}\))?,\s*)?")
WEEKDAY_MENTION = re.compile(r"\b(?:on|late|early|last)?\s*(?-i:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b")


def full_dates(text: str) -> list[tuple[int, date]]:
    """(offset, date) of every date written with day, month and year in `text`."""
    out = []
    for m in find_matches(text):
        g = m.groups
        try:
            if m.rule in ("mdy", "dmy") and g.get("y"):
                d = date(year_number(g["y"]), month_number(g["mon"]), int(re.match(r"\d+", g["d"])[0]))
            elif m.rule == "iso":
                d = date(int(g["y"]), int(g["m"]), int(g["d"]))
            elif m.rule == "numeric" and (4 in (len(g["a"]), len(g["c"]))) and (n := numeric_date(m.text)):
                d = n
            else:
                continue
        except (ValueError, KeyError):
            continue
        out.append((m.start, d))
    return out


def infer_pubdate(text: str) -> tuple[str | None, float]:
    """(YYYY-MM-DD or None, confidence 0..1) for the publication date that the text itself suggests."""
    if not text:
        return None, 0.0
    head = text[:HEAD_CHARS]
    dates = full_dates(head)
    if not dates:
        return None, 0.0
    weekdays = {WEEKDAYS.index(m.group(1).lower()) for m in WEEKDAY_MENTION.finditer(head[:1500])}
    best, best_score = None, -1.0
    latest = max(d for _, d in dates)
    for pos, d in dates:
        line_start = head.rfind("\n", 0, pos) + 1
        before = head[line_start:pos]
        score = 0.5
        if STAMP.search(before):
            score = 0.9
        elif DATELINE.fullmatch(before):
            score = 0.8  # a dateline: the date opens the line, after at most a place name
        if d.weekday() in weekdays:
            score += 0.2
        if d == latest:
            score += 0.05  # a report is written after the events it dates
        score -= pos / (HEAD_CHARS * 10)  # earlier is likelier, a little
        if score > best_score:
            best, best_score = d, score
    others = {d for _, d in dates if d != best}
    if others:
        # other full dates: past events are normal in a report; a later one makes the choice doubtful
        best_score -= 0.3 if any(o > best for o in others) else 0.1
    return best.isoformat(), round(max(0.1, min(best_score, 0.95)), 2)
