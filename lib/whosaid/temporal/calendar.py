"""Calendar helpers for valuing temporal expressions: reading numbers, months, weekdays and years, and date arithmetic.

Pure functions of their arguments (no publication date, no tense). Calendar arithmetic comes from python-dateutil
(relativedelta, easter); numeric dates (“16.08.2017”) are read by dateparser, which knows the orders people write
them in. What is written here is what neither library offers: number and year words as news writes them (“a couple
of”, “nineteen ninety-six”), dates at a TimeML granularity (“2017-W33”, “2017-Q3”, “198X”) and back, TimeML
durations (“P2W”, “PT1H30M”) and the holidays that news names.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from whosaid.temporal.rules import MONTH_ABBR, MONTH_NAMES, NUMBER_WORDS, VAGUE_NUMBERS, WEEKDAYS

UNIT_CODES = {"second": ("PT", "S"), "minute": ("PT", "M"), "hour": ("PT", "H"), "day": ("P", "D"),
              "night": ("P", "D"), "week": ("P", "W"), "fortnight": ("P", "W"), "month": ("P", "M"),
              "quarter": ("P", "Q"), "year": ("P", "Y"), "decade": ("P", "Y"), "century": ("P", "Y"),
              "weekend": ("P", "WE")}
UNIT_FACTOR = {"fortnight": 2, "decade": 10, "century": 100}
GRAN_OF_UNIT = {"day": "day", "night": "day", "week": "week", "weekend": "weekend", "fortnight": "week",
                "month": "month", "quarter": "quarter", "year": "year", "decade": "decade", "century": "century"}
GRAN_ORDER = ["day", "week", "weekend", "month", "quarter", "half", "year", "decade", "century"]


def unit_name(u: str) -> str:
    """'centuries' -> 'century', 'Weeks' -> 'week'."""
    u = u.lower()
    if u == "centuries":
        return "century"
    return u.removesuffix("s")


def number(s: str | None) -> float | None:
    """The number a word or numeral says (1 when there is none); None when vague ("several")."""
    if s is None:
        return 1
    s = s.lower().strip()
    if s in VAGUE_NUMBERS:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", s):
        return float(s)
    if m := re.fullmatch(r"(\d+) 1/2", s):
        return int(m[1]) + 0.5
    if " or " in s:
        s = s.split(" or ")[0]
    if s.endswith("couple of"):
        return 2.0  # "a couple of years": two, as TimeML values it
    half = s.endswith(" and a half")
    s = s.removesuffix(" and a half")
    total = 0.0
    for part in re.split(r"[- ]", s):
        if part in ("a", "an") and total:
            continue
        if part not in NUMBER_WORDS:
            return None
        v = NUMBER_WORDS[part]
        total = total * v if v == 100 and total else total + v
    return total + (0.5 if half else 0)


def duration_value(n: float | None, unit: str) -> str:
    """TimeML duration: P2W, PT5H, P10Y, PXY ..."""
    prefix, code = UNIT_CODES[unit]
    factor = UNIT_FACTOR.get(unit, 1)
    if n is None:
        return f"{prefix}X{code}" if unit not in UNIT_FACTOR else "PXY"
    n = n * factor
    if n != int(n):
        if unit in ("hour", "minute") and n * 60 == int(n * 60):
            small = "M" if unit == "hour" else "S"
            return f"PT{int(n)}{code}{round((n - int(n)) * 60)}{small}"
        if unit in ("year",) and n * 12 == int(n * 12):
            return f"P{int(n)}Y{round((n - int(n)) * 12)}M"
        if unit in ("day",):
            return f"PT{int(n * 24)}H"
        return f"{prefix}{n:g}{code}"
    return f"{prefix}{int(n)}{code}"


def month_number(name: str) -> int:
    """1..12 for a month name or abbreviation."""
    n = name.lower().rstrip(".")
    return MONTH_NAMES.index(n) + 1 if n in MONTH_NAMES else MONTH_ABBR[n]


def weekday_number(name: str) -> int:
    """0 (Monday) .. 6 for a weekday name or abbreviation."""
    n = name.lower().rstrip(".").rstrip("s")
    return next(i for i, w in enumerate(WEEKDAYS) if w.startswith(n[:3]))


def year_number(y: str) -> int:
    """A year written in digits (2017, '17 as 17) or read out ("nineteen ninety-six", "two thousand and one")."""
    y = y.strip().lower()
    if y.isdigit():
        return (1900 + int(y) if int(y) > 30 else 2000 + int(y)) if len(y) == 2 else int(y)
    words = [w for w in re.split(r"[- ]+", y) if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(number(" ".join(words[2:])) or 0) if words[2:] else 2000
    century = NUMBER_WORDS.get(words[0], 0)
    rest = [w for w in words[1:] if w != "oh"]
    return century * 100 + int(number(" ".join(rest)) or 0)


@lru_cache(maxsize=4096)
def numeric_date(text: str) -> date | None:
    """A numeric date read by dateparser (which knows the day-first and month-first orders); cached."""
    import dateparser

    if len(re.findall(r"\d+", text)[0]) == 4:
        settings = {"DATE_ORDER": "YMD"}
    else:
        settings = {"DATE_ORDER": "MDY"}  # English news; dateparser turns it when the day cannot be a month
    d = dateparser.parse(text, languages=["en"], settings={**settings, "STRICT_PARSING": True})
    return d.date() if d else None


def is_date(y: int, m: int, d: int) -> bool:
    """True when year, month and day make a date of the calendar (no 31 June, no 29 February 2017)."""
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


def quarter_of(d: date) -> int:
    """1..4: the quarter of the year that a date falls in."""
    return (d.month - 1) // 3 + 1


def fmt(d: date, gran: str) -> str:
    """A date written at a granularity: day, week, month, quarter, half, year, decade, century."""
    if gran == "day":
        return d.isoformat()
    if gran == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if gran == "weekend":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}-WE"
    if gran == "month":
        return f"{d.year}-{d.month:02d}"
    if gran == "quarter":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{d.year}-H{1 if d.month <= 6 else 2}"
    if gran == "decade":
        return f"{d.year // 10}X"
    if gran == "century":
        return f"{d.year // 100:02d}"
    return str(d.year)


def parse_value(v: str) -> tuple[date, str] | None:
    """(first day, granularity) of a concrete TimeML date value."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v):
            return date(int(m[1]), int(m[2]), int(m[3])), "day"
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            return date(int(m[1]), 3 * int(m[2]) - 2, 1), "quarter"
        if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
            return date(int(m[1]), int(m[2]), 1), "month"
        if m := re.fullmatch(r"(\d{4})-W(\d\d)", v):
            return date.fromisocalendar(int(m[1]), int(m[2]), 1), "week"
        if m := re.fullmatch(r"(\d{4})", v):
            return date(int(m[1]), 1, 1), "year"
    except ValueError:
        return None
    return None


def shift(d: date, n: int, unit: str) -> date:
    """`d` moved by n units (negative: back)."""
    if unit in ("day", "night"):
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    if unit == "fortnight":
        return d + timedelta(weeks=2 * n)
    if unit == "month":
        return d + relativedelta(months=n)
    if unit == "quarter":
        return d + relativedelta(months=3 * n)
    if unit == "year":
        return d + relativedelta(years=n)
    if unit == "decade":
        return d + relativedelta(years=10 * n)
    if unit == "century":
        return d + relativedelta(years=100 * n)
    return d


def holiday_date(name: str, year: int) -> date | None:
    """The date of a named holiday in a year (US calendar for the movable ones)."""
    n = name.lower().replace("'", "")
    if "christmas eve" in n:
        return date(year, 12, 24)
    if "christmas" in n:
        return date(year, 12, 25)
    if "new years eve" in n:
        return date(year, 12, 31)
    if "new year" in n:
        return date(year, 1, 1)
    if "thanksgiving" in n:
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if "good friday" in n:
        return easter(year) - timedelta(days=2)
    if "easter monday" in n:
        return easter(year) + timedelta(days=1)
    if "easter" in n:
        return easter(year)
    if "halloween" in n:
        return date(year, 10, 31)
    if "independence" in n or "fourth of july" in n:
        return date(year, 7, 4)
    if "valentine" in n:
        return date(year, 2, 14)
    if "boxing" in n:
        return date(year, 12, 26)
    if "labor" in n or "labour" in n:
        first = date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if "memorial" in n:
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    if "veterans" in n:
        return date(year, 11, 11)
    if "election" in n:  # US general election: the Tuesday after the first Monday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    if "inauguration" in n:
        return date(year, 1, 20)
    return None
