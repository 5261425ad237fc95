"""Normalising found temporal expressions to TimeML TIMEX3 type and value at their own granularity.

The valuing is written here because the rules in whosaid.temporal.rules already split each match into its parts
(month, day, year, unit, direction), while dateparser — the maintained parser of many phrasings — returns a full
datetime that loses the granularity (“2017-07” becomes 2017-07-16), knows no TimeML values (weeks, quarters,
seasons, decades, PRESENT_REF, durations, sets) and cannot see the tense of the sentence, which decides whether
“Friday” or “in April” lies before or after the publication date. `Anchor` holds the publication date, the tense
and the discourse so far (for “a year earlier”, “the year-ago quarter”). Each rule has one valuer, registered with
`@valuer("rule")` in VALUERS. The pure date arithmetic the valuers share (dateutil, dateparser, granularities,
holidays) is in whosaid.temporal.calendar.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

from whosaid.temporal.calendar import (
    GRAN_OF_UNIT,
    GRAN_ORDER,
    UNIT_CODES,
    UNIT_FACTOR,
    duration_value,
    fmt,
    holiday_date,
    is_date,
    month_number,
    number,
    numeric_date,
    parse_value,
    quarter_of,
    shift,
    unit_name,
    weekday_number,
    year_number,
)
from whosaid.temporal.rules import ORDINALS, Match

PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
             "quarterly": "P3M", "nightly": "P1D", "hourly": "PT1H", "biweekly": "P2W", "bimonthly": "P2M",
             "semiannually": "P6M", "biannually": "P6M", "every day": "P1D"}
REFS = {"PRESENT_REF": {"now", "nowadays", "currently", "current", "at present", "the present", "presently",
                        "these days", "at the moment", "the moment", "right now", "just now"},
        "PAST_REF": {"recently", "recent", "lately", "the past", "in the past", "formerly", "previously",
                     "once upon a time"},
        "FUTURE_REF": {"the future", "future", "soon", "shortly", "in the near future", "the near future",
                       "the long term", "the long run", "a later date", "later date", "in the coming years",
                       "one day", "sometime", "the short term"}}


@dataclass
class Anchor:
    """What relative expressions are valued against: publication date, tense, and the discourse so far."""

    dct: date | None
    tense: str | None = None  # past | present | future | None
    recent: list[str] = field(default_factory=list)  # concrete DATE values met before, in order
    offsets: list[int] = field(default_factory=list)  # where each of `recent` was met
    pos: int = 0  # where the expression being valued starts
    after: str = ""  # the words that follow it ("the year ended March 31")
    before: str = ""  # the words before it ("last Oct. 23")
    clause: str = ""  # its sentence up to it ("For the nine months, net rose from $9 million")


Groups = Mapping[str, str]  # a match's named groups, those that matched
Value = tuple[str, str]  # (TIMEX3 type, value), e.g. ("DATE", "2017-08-16")
Valuer = Callable[[Groups, str, Anchor], Value | None]  # (groups, matched text, anchor) -> value or None
ValuerT = TypeVar("ValuerT", bound=Valuer)

VALUERS: dict[str, Valuer] = {}  # rule name -> its valuer, filled by @valuer


def valuer(*rules: str) -> Callable[[ValuerT], ValuerT]:
    """Register the decorated function as the valuer of the named rules."""
    def register(fn: ValuerT) -> ValuerT:
        """Record `fn` under each rule name; a rule that already has a valuer is an error."""
        if taken := [rule for rule in rules if rule in VALUERS]:
            raise ValueError(f"rules {taken} already have a valuer")
        VALUERS.update(dict.fromkeys(rules, fn))
        return fn
    return register


SPAN_OF_YEAR = re.compile(r"\b(?:nine|six|9|6)[- ]months?\b|\bfirst half\b", re.IGNORECASE)


def year_frame(a: Anchor) -> bool:
    """True when the sentence compares a span of the year ("for the nine months ... a year earlier"), not a quarter."""
    return bool(SPAN_OF_YEAR.search(a.clause))


QUARTER_REACH = 1000  # characters: how far back a named quarter still sets the frame of "a year ago"
UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
           "quarter": "XXXX-QX", "half": "XXXX-HX", "year": "XXXX", "decade": "XXXX", "century": "XXXX"}


def pick_date(cands: list[date], dct: date, tense: str | None) -> date:
    """The candidate nearest the publication date, leaning to the past or future by tense."""
    def cost(d: date) -> float:
        """Days from the publication date, weighted against the tense."""
        delta = (d - dct).days
        if tense == "past" and delta > 0:
            return delta * 3
        if tense == "future" and delta < 0:
            return -delta * 4
        if tense == "present" and delta < 0:
            return -delta * 3
        return abs(delta) * (1.2 if delta > 0 and tense != "future" else 1)
    return min(cands, key=cost)


def year_for(month: int, day: int | None, a: Anchor) -> int:
    """The year of a month (and day) written without one: the nearest, leaning by tense."""
    dct = a.dct
    cands = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            d = date(y, month, day or 15)
        except ValueError:
            d = date(y, month, 28)
        if day is None and y == dct.year and month == dct.month:
            d = dct
        cands.append(d)
    return pick_date(cands, dct, a.tense).year


def weekday_date(wd: int, a: Anchor, rel: str | None) -> date:
    """The date of a weekday named relative to the publication date."""
    dct = a.dct
    diff = wd - dct.weekday()
    rel = (rel or "").lower()
    if rel in ("last", "the previous", "past", "this past"):
        return dct + timedelta(days=diff - 7 if diff >= 0 else diff)
    if rel in ("next", "the following", "the next", "coming", "this coming"):
        return dct + timedelta(days=diff + 7 if diff <= 0 else diff)
    if rel == "this":
        return dct + timedelta(days=diff)
    if diff == 0:
        return dct
    past = dct + timedelta(days=diff - 7 if diff > 0 else diff)
    future = dct + timedelta(days=diff + 7 if diff < 0 else diff)
    if a.tense in ("future", "present"):
        return future
    return past


def relative_year(text: str, a: Anchor) -> int | None:
    """The year that “this year”, “last year”, “next year”, “the year” name; None without a date."""
    t = text.lower()
    if a.dct is None:
        return None
    return a.dct.year + (-1 if "last" in t else 1 if "next" in t else 0)


def last_concrete(a: Anchor, grans: tuple[str, ...], within: int | None = None) -> tuple[date, str] | None:
    """The latest value in the discourse at one of the granularities (met `within` characters), as (date, gran)."""
    for i, v in reversed(list(enumerate(a.recent))[-6:]):
        if within is not None and i < len(a.offsets) and a.pos - a.offsets[i] > within:
            break
        parsed = parse_value(v)
        if parsed and parsed[1] in grans:
            return parsed
    return None


def year_of(y: str, a: Anchor) -> int | None:
    """The year a group names: digits, read-out words, or "this/last/next year"."""
    yy = y.lower().removesuffix("'s").strip()
    if "year" in yy and not yy.startswith("two thousand"):
        return relative_year(yy, a)
    return year_number(yy)


def value_of(m: Match, a: Anchor) -> Value | None:
    """(TIMEX3 type, value) of a rule match, or None when the match is not a temporal expression."""
    fn = VALUERS.get(m.rule)
    return fn(m.groups, m.text, a) if fn else None


@valuer("iso")
def v_iso(g: Groups, text: str, a: Anchor) -> Value | None:
    """An ISO 8601 date (“2017-08-16”), a TIME when it has a clock time; None for an impossible date."""
    try:
        d = date(int(g["y"]), int(g["m"]), int(g["d"]))
    except ValueError:
        return None
    if "hh" in g:
        return "TIME", f"{d.isoformat()}T{g['hh']}:{g['mm']}"
    return "DATE", d.isoformat()


@valuer("numeric")
def v_numeric(g: Groups, text: str, a: Anchor) -> Value | None:
    """A numeric date in any order (“8/16/2017”, “16.08.2017”) read by dateparser; None if unread or not 1600-2200."""
    d = numeric_date(text)
    if d is None or not 1600 <= d.year <= 2200:
        return None
    return "DATE", d.isoformat()


def _day(g: Groups) -> int:
    """The day of the month that the `d` group says (“16th” is 16)."""
    return int(re.match(r"\d+", g["d"])[0])


def _month_year(g: Groups, a: Anchor, day: int | None) -> str:
    """The year of a month (and day) as text: given, fixed by the weekday, after “last”/“next”, by tense, or XXXX."""
    mon = month_number(g["mon"])
    if g.get("y"):
        y = str(year_number(g["y"]))
    elif g.get("wd") and a.dct and day:
        # the weekday fixes the year: take the nearest year in which the date falls on it
        wd = weekday_number(g["wd"])
        ys = [y for y in (a.dct.year, a.dct.year - 1, a.dct.year + 1) if is_date(y, mon, day) and date(y, mon, day).weekday() == wd]
        y = str(ys[0] if ys else year_for(mon, day, a))
    elif a.dct and day and re.search(r"\b(?:last|next)\s+$", a.before, re.IGNORECASE):
        # "last Oct. 23", "next March 3": the one before (after) the publication date
        back = a.before.rstrip().lower().endswith("last")
        y = a.dct.year
        while not is_date(y, mon, day) or (date(y, mon, day) >= a.dct if back else date(y, mon, day) <= a.dct):
            y += -1 if back else 1  # ends within 8 years: Feb. 29 comes round in a leap year
        y = str(y)
    elif a.dct:
        y = str(year_for(mon, day, a))
    else:
        y = "XXXX"
    return y


@valuer("mdy", "dmy")
def v_mdy(g: Groups, text: str, a: Anchor) -> Value | None:
    """A month and day, with or without a year (“Aug. 16”, “16 August 2017”); None for a day the month or year lacks."""
    day = _day(g)
    mon = month_number(g["mon"])
    if day > 31 or not is_date(2000, mon, day):
        return None
    y = _month_year(g, a, day)
    if y.isdigit() and not is_date(int(y), mon, day):
        if g.get("y"):
            return None  # "Feb. 29, 2017" names no day
        y = str(next(yy for yy in range(int(y), int(y) - 8, -1) if is_date(yy, mon, day)))  # the last Feb. 29
    return "DATE", f"{y}-{mon:02d}-{day:02d}"


@valuer("myrel")
def v_myrel(g: Groups, text: str, a: Anchor) -> Value:
    """A month of a year named relatively (“March of last year”)."""
    if a.dct is None:
        return "DATE", f"XXXX-{month_number(g['mon']):02d}"
    return "DATE", f"{relative_year(g['rel'], a)}-{month_number(g['mon']):02d}"


@valuer("partday")
def v_partday(g: Groups, text: str, a: Anchor) -> Value:
    """A part of a named day (“morning, Friday”, “evening yesterday”) as a TIME."""
    d = _with_day(g, a)
    return "TIME", f"{d.isoformat() if d else 'XXXX-XX-XX'}T{PART_CODES[g['part'].lower()]}"


@valuer("clockpart")
def v_clockpart(g: Groups, text: str, a: Anchor) -> Value:
    """An hour with its part of the day (“4 in the morning”, “9 in the evening on Tuesday”) on the day it names."""
    h, part = int(g["h"]), g["part"].lower()
    if part in ("afternoon", "evening") or part == "night" and h >= 6:
        h = h % 12 + 12
    elif h == 12:
        h = 0  # "12 in the morning" is midnight
    d = _with_day(g, a)
    return "TIME", f"{d.isoformat() if d else 'XXXX-XX-XX'}T{h:02d}:{g.get('min') or '00'}"


@valuer("thepart")
def v_thepart(g: Groups, text: str, a: Anchor) -> Value:
    """A part of the day with no day named (“in the morning”, “by mid afternoon”): on the day the story last named,
    else the publication date, until its sentence names a day (timexes gives it that day)."""
    last = last_concrete(a, ("day",))
    d = last[0] if last else a.dct
    return "TIME", f"{d.isoformat() if d else 'XXXX-XX-XX'}T{PART_CODES[(g.get('part') or g['part2']).lower()]}"


@valuer("my")
def v_my(g: Groups, text: str, a: Anchor) -> Value:
    """A month with its year (“March 2009”)."""
    return "DATE", f"{year_number(g['y'])}-{month_number(g['mon']):02d}"


@valuer("month")
def v_month(g: Groups, text: str, a: Anchor) -> Value:
    """A month without a year (“in April”, “last February”): its year from the relative word or the tense."""
    mon = month_number(g["mon"])
    if a.dct is None:
        return "DATE", f"XXXX-{mon:02d}"
    rel = (g.get("rel") or "").lower()
    if rel in ("last", "the past", "this past"):
        # "last February" said in March is a year back: the month just ended would be "last month"
        y = a.dct.year if mon < a.dct.month - 1 else a.dct.year - 1
    elif rel in ("next", "the coming", "this coming"):
        y = a.dct.year if mon > a.dct.month else a.dct.year + 1
    elif rel == "this":
        y = a.dct.year
    else:
        y = year_for(mon, None, a)
    return "DATE", f"{y}-{mon:02d}"


def _with_day(g: Groups, a: Anchor) -> date | None:
    """The day a time of day is on: the one the match names, else the publication date; None if unknown."""
    if g.get("rel") and a.dct:
        return a.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(g["rel"].lower(), 0))
    if g.get("wd") and a.dct:
        return weekday_date(weekday_number(g["wd"]), a, None)
    if g.get("mon") and g.get("d"):
        mon, day = month_number(g["mon"]), _day(g)
        if not is_date(2000, mon, day):
            return None
        if a.dct:
            return date(year_for(mon, day, a), mon, day)
    return a.dct


@valuer("clock")
def v_clock(g: Groups, text: str, a: Anchor) -> Value | None:
    """A clock time with a.m. or p.m. (“10:30 a.m. today”) on the day it names; None past 23 hours."""
    h = int(g["h"])
    ap = g["ap"].lower()
    if ap.startswith("p") and h < 12:
        h += 12
    if ap.startswith("a") and h == 12:
        h = 0
    if h > 23:
        return None
    mins = g.get("min") or "00"
    d = _with_day(g, a)
    day = d.isoformat() if d else "XXXX-XX-XX"
    return "TIME", f"{day}T{h:02d}:{mins}"


@valuer("clock24")
def v_clock24(g: Groups, text: str, a: Anchor) -> Value:
    """A 24-hour clock time (“14:30 GMT”) on the publication date."""
    d = a.dct
    return "TIME", f"{d.isoformat() if d else 'XXXX-XX-XX'}T{int(g['h']):02d}:{g['min']}"


@valuer("clock4")
def v_clock4(g: Groups, text: str, a: Anchor) -> Value:
    """A four-digit clock reading (“Near 1750 GMT”, “at 1430 local time”) on the day it names: a time, never a year."""
    d = _with_day(g, a)
    return "TIME", f"{d.isoformat() if d else 'XXXX-XX-XX'}T{g['h']}:{g['min']}"


@valuer("noon")
def v_noon(g: Groups, text: str, a: Anchor) -> Value:
    """Noon, midday or midnight on the day it names."""
    d = _with_day(g, a)
    day = d.isoformat() if d else "XXXX-XX-XX"
    hh = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[g["which"].lower()]
    return "TIME", f"{day}T{hh}"


@valuer("decade")
def v_decade(g: Groups, text: str, a: Anchor) -> Value | None:
    """A decade in digits (“the 1990s”, “the '80s”); None for a three-digit one."""
    dec = g["dec"].lstrip("'")
    if len(dec) == 2:
        dec = ("19" if int(dec) > 20 or not a.dct or a.dct.year < 2000 else "20") + dec
    if len(dec) == 3:
        return None
    return "DATE", f"{dec[:3]}X"


DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}


@valuer("decadeword")
def v_decadeword(g: Groups, text: str, a: Anchor) -> Value:
    """A decade in words (“the eighties”), taken in the 1900s."""
    return "DATE", f"19{DECADE_WORDS[g['decw'].lower()]}X"


@valuer("yearword")
def v_yearword(g: Groups, text: str, a: Anchor) -> Value:
    """A year read out after “year” (“the year two thousand and one”)."""
    return "DATE", str(year_number(g["y"]))


@valuer("century")
def v_century(g: Groups, text: str, a: Anchor) -> Value:
    """A century by ordinal (“the 20th century” is 19) or relative to the publication date (“this century”)."""
    o = g["ord"].lower()
    if o in ("this", "last", "next"):
        if not a.dct:
            return "DATE", "XX"
        c = a.dct.year // 100 + {"this": 0, "last": -1, "next": 1}[o]
        return "DATE", f"{c:02d}"
    n = ORDINALS.get(o) or int(re.match(r"\d+", o)[0])
    return "DATE", f"{n - 1:02d}"


@valuer("year")
def v_year(g: Groups, text: str, a: Anchor) -> Value | None:
    """A year (“2004”, “fiscal 1988”, “the 1988 quarter”); None for an implausible bare number or “the 1988 half”."""
    y = year_number(g["y"])
    bare = not g.get("fiscal") and not g.get("mod") and not g.get("period") and not text.lower().startswith("the")
    if bare and a.dct and not (1600 <= y <= a.dct.year + 30):
        return None  # a bare four-digit number is a year only in a plausible range
    if g.get("period", "").lower() == "quarter":
        ref = _ref_quarter(a)  # "the 1988 quarter": the quarter the report speaks of, in that year
        return ("DATE", f"{y}-Q{quarter_of(ref)}") if ref else ("DATE", f"{y}-QX")
    if g.get("period", "").lower() == "half":
        return None
    if g.get("period", "").lower() == "period":
        q = last_concrete(a, ("quarter",))
        if q and not year_frame(a):  # "in the first nine months ... in the 1988 period" is the year's span
            return "DATE", f"{y}-Q{(q[0].month - 1) // 3 + 1}"
    return "DATE", str(y)


def _ref_quarter(a: Anchor) -> date | None:
    """The quarter a report speaks of: the last one named, else the last full quarter before publication."""
    q = last_concrete(a, ("quarter",))
    if q and a.dct and a.dct - timedelta(days=500) <= q[0] <= a.dct - timedelta(days=80):
        return q[0]
    if a.dct:
        start = date(a.dct.year, 3 * quarter_of(a.dct) - 2, 1)
        return shift(start, -1, "quarter")
    return None


@valuer("quarter")
def v_quarter(g: Groups, text: str, a: Anchor) -> Value:
    """A quarter by ordinal (“the third quarter”) or relative (“next quarter”, “the year-ago quarter”)."""
    t = text.lower()
    ordn = (g.get("ord") or "").lower()
    rel = " ".join(x.lower() for x in (g.get("rel2"), g.get("rel3")) if x)
    ago = "year-earlier" in rel or "year-ago" in rel or "a year" in t
    y = None
    if g.get("y") or g.get("ypre"):
        y = year_of(g.get("y") or g["ypre"], a)
    n = ORDINALS.get(ordn) if ordn in ORDINALS else None
    if n and n <= 4:
        if y is None:
            if a.dct is None:
                return "DATE", f"XXXX-Q{n}"
            y = a.dct.year
            if ago or (a.tense == "past" and n > quarter_of(a.dct)):
                y -= 1  # "profits fell in the fourth quarter", said in January: last year's
        return "DATE", f"{y}-Q{n}"
    # "the quarter", "the latest quarter", "the year-ago quarter", "next quarter"
    if a.dct is None:
        return "DATE", "XXXX-QX"
    cur = date(a.dct.year, 3 * quarter_of(a.dct) - 2, 1)
    if rel in ("next", "coming"):
        return "DATE", fmt(shift(cur, 1, "quarter"), "quarter")
    if rel in ("this", "current"):
        return "DATE", fmt(cur, "quarter")
    if rel in ("last", "previous", "preceding", "prior", "past") or ordn == "last":
        return "DATE", fmt(shift(cur, -1, "quarter"), "quarter")
    ref = _ref_quarter(a)
    if ago:
        ref = shift(ref, -1, "year")
    if y is not None and ref:
        ref = ref.replace(year=y)
    return "DATE", fmt(ref, "quarter")


@valuer("qnum")
def v_qnum(g: Groups, text: str, a: Anchor) -> Value:
    """A quarter written Q1..Q4, in the year given or the publication year."""
    y = year_number(g["y"]) if g.get("y") else (a.dct.year if a.dct else "XXXX")
    return "DATE", f"{y}-Q{g['q']}"


@valuer("half")
def v_half(g: Groups, text: str, a: Anchor) -> Value | None:
    """A half-year (“the first half of 2001”); None for “back half” and “front half”."""
    which = g["which"].lower()
    if which in ("back", "front"):
        return None
    n = 1 if which == "first" or which == "front" else 2
    if g.get("y"):
        y = year_of(g["y"], a)
    elif a.dct:
        y = a.dct.year
    else:
        return "DATE", f"XXXX-H{n}"
    return "DATE", f"{y}-H{n}"


@valuer("period")
def v_period(g: Groups, text: str, a: Anchor) -> Value:
    """“The latest period”, “the year-ago period”: the quarter the report speaks of (a year back for year-ago)."""
    rel = g["rel"].lower()
    ref = _ref_quarter(a)
    if ref is None:
        return "DATE", "XXXX-QX"
    if "year" in rel or "a year" in text.lower() or "last year" in text.lower():
        ref = shift(ref, -1, "year")
    return "DATE", fmt(ref, "quarter")


@valuer("ytdagoq")
def v_ytdagoq(g: Groups, text: str, a: Anchor) -> Value:
    """“The quarter a year ago”: the quarter the report speaks of, a year back."""
    ref = _ref_quarter(a)
    return ("DATE", fmt(shift(ref, -1, "year"), "quarter")) if ref else ("DATE", "XXXX-QX")


@valuer("season")
def v_season(g: Groups, text: str, a: Anchor) -> Value | None:
    """A season (“last summer”, “winter of 2001”); None for a bare “fall” or “spring”."""
    det = (g.get("det") or "").lower()
    s = g["s"].lower()
    if s in ("fall", "spring") and not det and not g.get("y"):
        return None  # "fall", "spring" alone are too often a verb or a noun
    code = SEASON_CODES[s]
    if g.get("y"):
        return "DATE", f"{year_number(g['y'])}-{code}"
    if a.dct is None:
        return "DATE", f"XXXX-{code}"
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    y = a.dct.year
    cur = a.dct.month
    if "last" in det or "past" in det:
        y = y if start + 2 < cur else y - 1
    elif "next" in det or "coming" in det:
        y = y if start > cur else y + 1
    return "DATE", f"{y}-{code}"


@valuer("holiday")
def v_holiday(g: Groups, text: str, a: Anchor) -> Value | None:
    """A holiday (“Christmas Day, 2015”, “last Easter”): its day, or its week or month when the words after say so."""
    if a.dct is None and not g.get("y"):
        return "DATE", "XXXX-XX-XX"
    if g.get("y"):
        y = year_number(g["y"])
    else:
        rel = (g.get("rel") or "").lower()
        y = a.dct.year
        d = holiday_date(g["h"], y)
        if d is None:
            return None
        if rel == "last" and d >= a.dct:
            y -= 1
        elif rel == "next" and d <= a.dct:
            y += 1
        elif not rel:
            y = pick_date([holiday_date(g["h"], yy) for yy in (y - 1, y, y + 1)], a.dct, a.tense).year
    d = holiday_date(g["h"], y)
    if d and re.match(r"\s+week\b", a.after, re.IGNORECASE):
        return "DATE", fmt(d, "week")  # "as Easter week began": the week of the holiday
    if d and re.match(r"(?:\s+and\s+New Year'?s?)?\s+(?:season|period|holidays|shopping|sales|rush|break|quarter)\b", a.after, re.IGNORECASE):
        return "DATE", fmt(d, "month")  # "the Christmas sales period" is the month around the day, not the day
    return ("DATE", d.isoformat()) if d else None


@valuer("relday")
def v_relday(g: Groups, text: str, a: Anchor) -> Value:
    """“Today”, “yesterday”, “tomorrow”, “tonight”, “overnight”; a TIME with a part of day."""
    day = g["day"].lower()
    if a.dct is None:
        return ("TIME" if g.get("part") or day == "tonight" else "DATE"), ("PRESENT_REF" if day == "today" else "XXXX-XX-XX")
    offset = {"yesterday": -1, "tomorrow": 1, "overnight": -1}.get(day, 0)
    d = (a.dct + timedelta(days=offset)).isoformat()
    if g.get("part"):
        return "TIME", f"{d}T{PART_CODES[g['part'].lower()]}"
    if day == "tonight":
        return "TIME", f"{d}TNI"
    if day == "overnight":
        return "TIME", f"{d}TNI"
    return "DATE", d


@valuer("thispart")
def v_thispart(g: Groups, text: str, a: Anchor) -> Value | None:
    """“This morning”, “last night”, “tomorrow evening” as a TIME; None for “last morning” and the like."""
    rel = g["rel"].lower()
    part = g["part"].lower()
    if a.dct is None:
        return "TIME", f"XXXX-XX-XXT{PART_CODES[part]}"
    offset = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
    if rel == "last" and part != "night":
        return None  # "last evening" is rare; "last morning" is not an expression
    return "TIME", f"{(a.dct + timedelta(days=offset)).isoformat()}T{PART_CODES[part]}"


@valuer("weekday")
def v_weekday(g: Groups, text: str, a: Anchor) -> Value:
    """A weekday (“on Friday”, “the previous Monday”): its date by tense, relative word or the day last named."""
    wd = weekday_number(g["wd"])
    rel = (g.get("rel") or "").lower()
    if rel in ("the previous", "the following") and (ref := last_concrete(a, ("day",))):
        # "the previous Friday": the one before the day the story last named
        step = -1 if rel == "the previous" else 1
        d = ref[0] + timedelta(days=step)
        while d.weekday() != wd:
            d += timedelta(days=step)
        return "DATE", d.isoformat()
    if a.dct is None:
        return "DATE", f"XXXX-WXX-{wd + 1}"
    d = weekday_date(wd, a, g.get("rel"))
    part = (g.get("part") or "").lower()
    if part in ("evening", "afternoon"):
        return "TIME", f"{d.isoformat()}T{PART_CODES[part]}"  # "Thursday evening": TimeML's part of day
    return "DATE", d.isoformat()  # "Friday night", "Friday morning" are valued as the day, as most annotated news does


def _unit_anchor(rel: str, u: str, a: Anchor) -> str:
    """The value of “last week”, “this month”, “next year”, “the weekend”."""
    gran = GRAN_OF_UNIT[u]
    if rel in ("that", "that same", "the same"):
        ref = last_concrete(a, (gran, "day", "month", "quarter") if gran != "year" else ("year", "quarter", "month", "day"))
        return fmt(ref[0], gran) if ref else UNKNOWN[gran]
    if rel in ("following", "the following", "previous", "the previous"):
        # anaphoric: the month after (or before) the one the story last named, not the publication date's
        ref = last_concrete(a, ("day", "week", "month", "quarter", "year") if gran != "year" else ("day", "month", "quarter", "year"))
        if ref and GRAN_ORDER.index(ref[1]) <= GRAN_ORDER.index(gran):
            return fmt(shift(ref[0], 1 if "following" in rel else -1, u), gran)
    if a.dct is None:
        return UNKNOWN[gran]
    n = 0
    if rel in ("last", "past", "previous", "the past", "the last", "the previous", "this past"):
        n = -1
    elif rel in ("next", "coming", "following", "the next", "the coming", "the following", "this coming"):
        n = 1
    if u == "weekend" and rel == "the":
        n = -1 if a.tense == "past" or (a.tense is None and a.dct.weekday() < 5) else 0
    return fmt(shift(a.dct, n, u), gran)


@valuer("relunit")
def v_relunit(g: Groups, text: str, a: Anchor) -> Value | None:
    """“Last week”, “the year”: a date of that unit or a duration (“the past week”); None for fortnights."""
    rel = g["rel"].lower()
    u = g["u"].lower()
    if u == "fortnight":
        return None
    if rel.startswith("the current") or rel == "the full":
        rel = "this"
    if rel == "the" and u == "year" and not g.get("mod"):
        if re.match(r"\s+end(?:ed|ing)\b", a.after) or a.dct is None:
            return "DURATION", "P1Y"  # "the year ended March 31": a fiscal year, a span of its own
        return "DATE", str(a.dct.year)  # "a high for the year": the current one
    if rel in ("the past", "the last", "the next", "the coming") and u in ("decade",):
        return "DURATION", "P10Y"
    if rel in ("the past", "the last") and u in ("week", "month"):
        return "DURATION", f"P1{u[0].upper()}"
    v = _unit_anchor(rel, u, a)
    return ("DATE", v) if v else None


@valuer("inthe")
def v_inthe(g: Groups, text: str, a: Anchor) -> Value:
    """“Earlier in the week”, “later in the day”: the current one."""
    u = g["u"].lower()
    if u == "day":
        return ("DATE", a.dct.isoformat()) if a.dct else ("DATE", "XXXX-XX-XX")
    return "DATE", _unit_anchor("this", u, a)


@valuer("earlierthis")
def v_earlierthis(g: Groups, text: str, a: Anchor) -> Value:
    """“Earlier this week”, “late last month”, “the end of that year”: the unit its relative word names."""
    rel = g["rel"].lower()
    u = g["u"].lower()
    return "DATE", _unit_anchor(rel, u, a)


@valuer("ago")
def v_ago(g: Groups, text: str, a: Anchor) -> Value | None:
    """“Two weeks ago”, “a year earlier”: that far from the reference date (the publication date only for “ago”,
    “from now”, “hence”, “earlier”, never for “later” with no date before it); a duration for “before”, “after”, hours."""
    u = unit_name(g["u"])
    if u not in GRAN_OF_UNIT or u in ("second", "minute", "hour"):
        if u in ("second", "minute", "hour"):
            return "DURATION", duration_value(number(g.get("n")), u)
        return None
    n = number(g.get("n"))
    direction = g["dir"].lower()
    back = direction in ("ago", "earlier", "before", "back")
    gran = GRAN_OF_UNIT[u]
    if n is None:
        return "DATE", "PAST_REF" if back else "FUTURE_REF"
    if direction in ("before", "after"):
        return "DURATION", duration_value(n, u)
    n_int = round(n * UNIT_FACTOR.get(u, 1))
    unit = "year" if u in ("decade", "century") else u
    if u in ("decade", "century"):
        gran = "year"
    ref = None
    if u == "year" and n_int == 1:
        q = last_concrete(a, ("quarter",), within=QUARTER_REACH) if not direction.startswith("from") else None
        if q and year_frame(a):
            return "DATE", str(q[0].year - 1)  # "for the nine months ... a year earlier": the year before
        if q:
            ref = q
    if ref is None and direction in ("earlier", "later"):
        ref = last_concrete(a, ("day", "month", "quarter", "year"))
        if ref and (u == "year" and ref[1] != "year"):
            pass
    if ref is None:
        if a.dct is None or direction == "later":
            return "DATE", UNKNOWN[gran]  # "ten years later" with no date before it counts from no known date
        ref = (a.dct, gran)
    d, g2 = ref
    gran = g2 if GRAN_ORDER.index(g2) < GRAN_ORDER.index(gran) and u == "year" else gran
    return "DATE", fmt(shift(d, -n_int if back else n_int, unit), gran)


@valuer("ago1")
def v_ago1(g: Groups, text: str, a: Anchor) -> Value:
    """“Years ago”, “days earlier” without a number: a past reference."""
    return "DATE", "PAST_REF" if g["dir"].lower() in ("ago", "earlier") else "FUTURE_REF"


@valuer("yearend")
def v_yearend(g: Groups, text: str, a: Anchor) -> Value:
    """“Year-end” as the last day of the publication year; “by year end” as the year."""
    y = str(a.dct.year) if a.dct else "XXXX"
    return "DATE", f"{y}-12-31" if "-" in g["rel"] else y  # "year-end" is the closing day; "by year end" the year


@valuer("yearago")
def v_yearago(g: Groups, text: str, a: Anchor) -> Value:
    """“Year-ago”, “year-earlier”: the last quarter named, a year back; else the year before publication."""
    q = last_concrete(a, ("quarter",))
    if q and not year_frame(a):
        return "DATE", fmt(shift(q[0], -1, "year"), "quarter")
    return ("DATE", str(a.dct.year - 1)) if a.dct else ("DATE", "XXXX")


@valuer("duration")
def v_duration(g: Groups, text: str, a: Anchor) -> Value | None:
    """A duration with a number (“two weeks”; “the next three quarters” is P9M); None for “a second”, fractions."""
    u = unit_name(g["u"])
    if u not in UNIT_CODES:
        return None
    n = number(g.get("n"))
    nw = (g.get("n") or "").lower()
    rel = (g.get("rel") or "").lower()
    if u == "second" and nw in ("a", "one") and not rel:
        return None  # "a second betrayal": the ordinal
    if u == "quarter":
        if re.search(r"[a-z]-quarters?\b", text.lower()) and not re.search(r"\d", text):
            return None  # "three-quarters" is a fraction
        if n is not None and n == int(n) and n > 1 or rel in ("past", "last", "next", "first", "previous"):
            # ISO 8601 has no quarter designator: "the next three quarters" is P9M
            return "DURATION", f"P{int(n * 3)}M" if n is not None else "PXQ"
        return None
    return "DURATION", duration_value(n, u)


@valuer("bareunits")
def v_bareunits(g: Groups, text: str, a: Anchor) -> Value | None:
    """Units without a number (“years”, “recent years”): a vague duration or reference; None when too often no time."""
    u = unit_name(g["u"])
    rel = (g.get("rel") or "").lower()
    if not rel and u in ("day", "hour", "minute"):
        return None  # "minutes apart", "the early hours": too often not an expression of their own
    if rel in ("recent", "the recent"):
        return ("DATE", "PAST_REF") if u == "year" else ("DURATION", duration_value(None, u))
    if rel == "future":
        return "DATE", "FUTURE_REF"
    if u == "quarter" and not rel:
        return None
    if not rel and not g.get("adj"):
        return "DURATION", duration_value(None, u)
    return "DURATION", duration_value(None, u)


@valuer("aunit")
def v_aunit(g: Groups, text: str, a: Anchor) -> Value:
    """“A year”, “per night” after an amount (“$3 billion a year”) as a SET."""
    u = g["u"].lower()
    u = "day" if u == "night" else u
    return "SET", duration_value(1, u)


@valuer("every")
def v_every(g: Groups, text: str, a: Anchor) -> Value | None:
    """“Every week”, “twice a year”, “every Tuesday”, “each summer” as a SET; None for a word of none of these."""
    u = g["u"]
    low = u.lower().rstrip("s") if u.lower() not in ("centuries",) else "century"
    n = number(g.get("n")) if g.get("n") else 1
    if g["q"].lower() == "twice a" or g["q"].lower() == "once a":
        n = 1
    if "other" in text.lower():
        n = 2
    if low in UNIT_CODES:
        return "SET", duration_value(n, low)
    if low in PART_CODES:
        return "SET", f"XXXX-XX-XXT{PART_CODES[low]}"
    if low in SEASON_CODES:
        return "SET", f"XXXX-{SEASON_CODES[low]}"
    try:
        return "SET", f"XXXX-WXX-{weekday_number(u) + 1}"
    except StopIteration:
        pass
    try:
        return "SET", f"XXXX-{month_number(u):02d}"
    except (KeyError, ValueError):
        return None


@valuer("adverbset")
def v_adverbset(g: Groups, text: str, a: Anchor) -> Value:
    """“Daily”, “weekly”, “every day” as a SET."""
    return "SET", SET_WORDS[g["w"].lower()]


@valuer("weekdays")
def v_weekdays(g: Groups, text: str, a: Anchor) -> Value:
    """“Mondays”, “Friday evenings” as a SET."""
    wd = weekday_number(g["wd"])
    part = g.get("part")
    return "SET", f"XXXX-WXX-{wd + 1}" + (f"T{PART_CODES[part.lower()]}" if part else "")


@valuer("ref")
def v_ref(g: Groups, text: str, a: Anchor) -> Value | None:
    """“Now”, “recently”, “the future” as PRESENT_REF, PAST_REF or FUTURE_REF; None for another word."""
    w = g["w"].lower()
    for value, words in REFS.items():
        if w in words:
            return "DATE", value
    return None
