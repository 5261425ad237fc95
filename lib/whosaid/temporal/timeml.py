"""TimeML date values as calendar intervals (what the timeline draws)."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def value_interval(value: str | None) -> tuple[date, date, str] | None:
    """(first day, last day, granularity) of a TimeML date value; None when it names no fixed time."""
    if not value:
        return None
    v = value.split("T", 1)[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "day"
        if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "month"
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", v):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + timedelta(days=6), "week"
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            end_month = 3 * q
            return date(y, end_month - 2, 1), date(y, end_month, calendar.monthrange(y, end_month)[1]), "quarter"
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m[1]), int(m[2])
            return (date(y, 1, 1), date(y, 6, 30), "half") if h == 1 else (date(y, 7, 1), date(y, 12, 31), "half")
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y = int(m[1])
            a, b = SEASONS[m[2]]
            end = date(y + (b - 1) // 12, (b - 1) % 12 + 1, 1)
            end = end.replace(day=calendar.monthrange(end.year, end.month)[1])
            return date(y, a, 1), end, "season"
        if m := re.fullmatch(r"(\d{4})", v):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31), "year"
        if m := re.fullmatch(r"(\d{3})X", v):
            y = int(m[1]) * 10
            return date(y, 1, 1), date(y + 9, 12, 31), "decade"
        if m := re.fullmatch(r"(\d\d)XX", v):
            y = int(m[1]) * 100
            return date(max(y, 1), 1, 1), date(y + 99, 12, 31), "century"
    except ValueError:
        return None
    return None
