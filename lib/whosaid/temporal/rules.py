"""Finding temporal expressions in running text with compiled regular expressions.

Hand-written because no maintained Python library finds TimeML expressions in running text: dateparser and
dateutil parse a string already cut out, spaCy's DATE entities miss many (“now”, “the past”, “quarterly”) and
cut others wrongly (“the third quarter of 1989 ending Sept. 30”). Each rule is one compiled pattern with a name
that whosaid.temporal.values knows how to value; all rules run once over the text (linear time), and overlaps are
settled leftmost-longest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december"]
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
              "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "half": 0.5,
    "single": 1, "couple": 2, "dozen": 12,
}
VAGUE_NUMBERS = {"several", "few", "a few", "some", "many", "a number of",
                 "numerous", "the few", "more"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
            "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
            "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}

# Month and weekday names must be capitalised (or written in capitals) so that "may", "march", "sun" as common
# words are left alone.
_MONTH = (r"(?-i:(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\b"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)"
          r"(?:\.|\b))")
_WEEKDAY = (r"(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
            r"|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)\b"
            r"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri)\.)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# years as they are read out in transcripts: "nineteen ninety-six", "nineteen oh five"
_SPELLED_YEAR = rf"(?:(?:eighteen|nineteen) (?:{_TENS}(?:[- ]{_ONES})?|{_TEENS}|oh[- ]{_ONES}))"
_YEAR = rf"(?:(?:1[6-9]\d\d|20\d\d)(?![\d,.]\d)|{_SPELLED_YEAR}\b)"
_SMALL = (r"(?:\d+(?:\.\d+)?(?: 1/2)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
          r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
          r"|eighty|ninety|hundred|a half|half an?|single|a dozen|dozen)")
_NUM = (rf"(?:{_SMALL}(?:[- ]{_SMALL})?(?:(?: and a half)|(?: or {_SMALL}))?"
        r"|a couple of|couple of|a few|several|few|some|many|numerous|a number of|a|an)")
_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries|quarters?)"
_APPROX = r"(?:(?:about|around|approximately|roughly|nearly|almost|some|more than|less than|at least|at most|over|under|only|just|fully|barely|up to|a full|a mere|the better part of) )"
_PART = r"(?:morning|afternoon|evening|night)"
_ZONE = r"(?: (?-i:[ECMP][SD]T|GMT|UTC|BST|CET))?"
# what makes a four-digit number a clock reading ("Near 1750 GMT", "at 1430 local time", "0900 ET", "1337EDT"), never
# a year; "hours" only after a preposition of time ("at 2100 hours"; "1500 hours of work" is a span); in brackets
# after another time ("10:35 a.m. (0735 GMT)") it restates that time and is left out, as TimeML annotators do
CLOCK_WORD = (r"(?:(?-i:GMT|UTC|Zulu|[ECMPA][SD]T|[ECMP]T|BST|CES?T|MSK|JST|IST|AEST)|local time|military time)\b")
_CLOCK_PREP = "".join(f"|(?<=\\b{w} )" for w in ("at", "by", "near", "around", "about", "from", "until", "till",
                                                 "since", "after", "before", "approximately"))[1:]
_NOT_PART_OF = r"(?! (?:news|paper|papers|show|edition|session|line|call|star|post|shift|hours|of)\b)"  # "the morning news"
_HOLIDAY = (r"(?:Christmas(?: Day| Eve)?|Thanksgiving(?: Day)?|New Year'?s(?: Day| Eve)?|Easter(?: Sunday| Monday)?"
            r"|Halloween|Independence Day|Labou?r Day|Memorial Day|Veterans Day|Valentine'?s Day|Boxing Day"
            r"|Christmas Eve|Good Friday|Fourth of July|the Fourth of July|Election Day|Inauguration Day)")
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_MOD = r"(?:(?:early|late|mid|the early|the late|the mid|earlier|later|the end of|the beginning of|the start of|the middle of|the close of|the turn of)[- ])"

RULES: list[tuple[str, str]] = [
    # absolute dates
    ("iso", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d)?)?\b"),
    # numeric dates in any order and separator ("8/16/2017", "16.08.2017", "2017/08/16"): dateparser reads them
    ("numeric", r"(?<![\d/.\-])(?P<a>\d{1,4})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{4}|\d{2})(?![\d/.]\d|[/\-]\d)"),
    ("mdy", rf"(?:(?P<wd>{_WEEKDAY}),? )?(?P<mod>{_MOD})?(?P<mon>{_MONTH}) (?P<d>{_DAY})(?!:\d)(?: ?,? (?P<y>{_YEAR}))?"),
    ("dmy", rf"(?:(?P<wd>{_WEEKDAY}),? )?(?:the )?(?P<d>{_DAY}) (?:of )?(?P<mon>{_MONTH})(?:,? (?P<y>{_YEAR}))?"),
    ("my", rf"(?P<mod>{_MOD})?(?P<mon>{_MONTH}),?(?: of)? (?P<y>{_YEAR})"),
    ("myrel", rf"(?P<mod>{_MOD})?(?P<mon>{_MONTH}),?(?: of)? (?P<rel>this|last|next) year\b(?!'s)"),
    ("month", rf"(?P<mod>{_MOD})?(?:(?P<rel>last|this|next|this past|this coming|the past|the coming) )?(?P<mon>{_MONTH})(?!\.? \d)(?<!March(?= (?:for|of|on|against|to|through)\b))"),
    # times of day
    ("clock", rf"(?:(?:about|around|approximately) )?"
              rf"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))? ?(?P<ap>(?-i:a\.m\.?|p\.m\.?|am\b|pm\b|AM\b|PM\b))"
              rf"{_ZONE}(?:,? (?:(?P<rel>today|yesterday|tomorrow|tonight)|(?:on )?(?P<wd>{_WEEKDAY})|(?:on )?(?P<mon>{_MONTH}) (?P<d>{_DAY})))?"),
    ("clock24", rf"\b(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d){_ZONE}(?= (?:today|yesterday|tomorrow|tonight|local time|GMT|EST|EDT|on\b|hours\b))"),
    ("clock4", (rf"(?<!\()(?:(?=\d{{4}} ?{CLOCK_WORD})|(?:{_CLOCK_PREP})(?=\d{{4}} ?(?:hours|hrs)\b))"
                rf"(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d) ?(?:{CLOCK_WORD}|hours\b|hrs\b)"
                rf"(?:,? (?:(?P<rel>today|yesterday|tomorrow|tonight)|(?:on )?(?P<wd>{_WEEKDAY})|(?:on )?(?P<mon>{_MONTH}) (?P<d>{_DAY})))?")),
    ("noon", rf"(?P<which>noon|midnight|midday)(?:,? (?:(?P<rel>today|yesterday|tomorrow)|(?:on )?(?P<wd>{_WEEKDAY})))?"),
    # decades, centuries, years
    ("decade", rf"(?:the )?(?P<mod>{_MOD})?(?:the )?(?P<dec>(?:1[6-9]|20)?\d0|'\d0) ?'?s\b"),
    ("decadeword", rf"the (?P<mod>{_MOD})?(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"),
    ("yearword", rf"(?:the )?year (?P<y>two thousand(?:(?: and)? (?:{_ONES}|{_TEENS}))?)\b"),
    ("century", r"(?:the |this |last |next )?(?P<ord>(?:\d\d?(?:st|nd|rd|th))|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|this|last|next)[- ]century\b"),
    ("year", rf"(?:the )?(?P<mod>{_MOD})?(?:(?P<fiscal>fiscal|calendar|financial|model|school|the) (?:year )?)?(?<![$#\d.,])(?P<y>{_YEAR})(?!%| percent|\.\d|-\d|\d| \d| ?{CLOCK_WORD}| hours\b| hrs\b)(?: (?P<period>period|season|quarter|half))?"),
    # quarters and halves
    ("quarter", rf"(?:the )?(?:(?P<ypre>this year's|last year's|next year's|{_YEAR}'s|{_YEAR}) )?(?:(?P<rel2>year-earlier|year-ago|comparable year-ago|comparable|same|corresponding|latest|last|current|past|previous|preceding|prior|this|next|coming|recent|most recent|fiscal|June|September|December|March) )?"
                r"(?:(?P<rel3>year-earlier|year-ago|fiscal|calendar)(?: |-(?=first|second|third|fourth)))?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|latest|last)?(?:[- ](?:fiscal |calendar )?)?quarter(?!s)\b(?!-(?:to|century))"
                rf"(?:(?: of| in)? (?:(?:fiscal|calendar) )?(?P<y>{_YEAR}|this year|last year|next year|the year))?"),
    ("qnum", rf"\b(?-i:Q(?P<q>[1-4]))(?:,? (?P<y>{_YEAR}))?\b"),
    ("half", rf"(?:the )?(?P<which>first|second|last|latest|final|back|front)[- ]half\b(?:(?: of)? (?:(?:fiscal|calendar) )?(?P<y>{_YEAR}|this year|last year|next year|the year))?"),
    ("period", r"(?:the )?(?P<rel>year-earlier|year-ago|comparable year-ago|latest|same|comparable|corresponding|recent|most recent) period(?: (?:a year (?:ago|earlier)|last year))?\b"),
    ("ytdagoq", r"(?:the )?quarter a year (?:ago|earlier)"),
    # seasons and holidays
    ("season", rf"(?:(?P<det>the|this|last|next|this past|this coming|past|early|late|mid|the early|the late) )?(?P<s>{_SEASON})\b(?:(?: of)? (?P<y>{_YEAR}))?"),
    ("holiday", rf"(?:(?P<rel>last|this|next) )?(?P<h>{_HOLIDAY})(?:,? (?P<y>{_YEAR}))?"),
    # relative calendar units
    ("relday", rf"(?P<mod>(?:early|late|earlier|later|late on|early on) )?(?P<day>yesterday|today|tomorrow|tonight|overnight)(?:(?:'s)? (?P<part>{_PART}))?"),
    ("partday", rf"(?P<mod>(?:early|late|mid)[- ]?)?(?P<part>{_PART}),? (?:(?P<rel>yesterday|today|tomorrow)|(?:on )?(?P<wd>{_WEEKDAY}))"),
    ("clockpart", (rf"(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?(?: o'clock)? in the (?P<part>{_PART})\b{_NOT_PART_OF}"
                   rf"(?:,? (?:(?P<rel>today|yesterday|tomorrow)|(?:on )?(?P<wd>{_WEEKDAY})))?")),
    # a part of the day the story is on: "in the morning", "by mid afternoon" (never "the morning news")
    ("thepart", (rf"(?:(?:(?<=\bin )|(?<=\bduring )|(?<=\bthroughout )|(?<=\buntil )|(?<=\bthrough ))the (?P<part>{_PART})"
                 rf"|(?P<mod>mid|early|late)[- ](?P<part2>morning|afternoon|evening))\b" + _NOT_PART_OF)),
    ("thispart", rf"(?P<mod>(?:early|late|earlier|later) )?(?P<rel>this|last|tomorrow|yesterday) (?P<part>{_PART})\b"),
    ("weekday", rf"(?P<mod>(?:early|late|earlier|later|early on|late on) )?(?:(?P<rel>last|this|next|this past|this coming|the following|the previous|the next|past|coming) )?(?P<wd>{_WEEKDAY})(?: (?P<part>{_PART}))?"),
    ("relunit", rf"(?P<mod>{_MOD})?(?P<rel>this|last|next|past|coming|previous|current|following|the past|the last|the next|the coming|the current|the previous|the following|this past|this coming|the same|that|that same|the full|the|the current fiscal|the current calendar) (?:(?:fiscal|calendar) (?=year))?(?P<u>week(?:end)?|month|year|decade|fortnight)\b(?!-)(?! ago| earlier| later| before| after)"),
    ("inthe", rf"(?P<mod>earlier|later) in the (?P<u>week|month|year|day)\b"),
    ("earlierthis", rf"(?P<mod>earlier|later|early|late|the end of|the beginning of|the start of|the middle of) (?P<rel>this|last|next|that) (?P<u>week|month|year|decade)\b"),
    ("ago", rf"(?P<approx>{_APPROX})?(?P<n>{_NUM})[- ](?P<u>{_UNIT})(?: or so)? (?P<dir>ago|earlier|before|later|after|from now|hence|back)\b(?! than| the| that)"),
    ("ago1", rf"(?P<u>years|decades|months|weeks|days) (?P<dir>ago|earlier)\b"),
    ("yearago", r"(?P<rel>year-earlier|year-ago|year-before)\b"),
    ("yearend", r"(?:(?:around|about) )?(?:the )?(?P<rel>year(?:'s|’s)? end|year-end|end of the year)\b"),
    # durations
    ("duration", rf"(?:(?:each of )?(?:the|these|those|this|its|their|his|her|a) )?(?:(?P<rel>past|last|next|first|coming|previous|following|final|full|initial|remaining|latest|preceding|ensuing|same|other|additional|entire|whole|subsequent|year-earlier|year-ago) )?"
                 rf"(?P<approx>{_APPROX})?(?P<n>{_NUM})[- ](?:more |additional |full |straight |consecutive )?(?P<u>{_UNIT})(?P<adj>-long)?\b(?!-old)(?! old| ago| earlier| later| from now)(?![- ](?:quarter|half))"),
    ("bareunits", rf"(?:(?P<rel>recent|coming|past|the past|the coming|the next|the last|the recent|several|future) )?(?P<u>years|decades|months|weeks|quarters|days|hours|minutes|centuries)(?P<adj>-long)?\b(?!-old)(?! old)(?: (?:or|and) (?:years|decades|months|weeks|days|hours))?"),
    ("aunit", r"(?:(?<=billion )|(?<=million )|(?<=\d )|(?<=% )|(?<=percent )|(?<=cents )|(?<=dollars )|(?<=times ))(?P<per>a|an|per) (?P<u>year|month|week|day|quarter|hour|night)\b"),
    ("every", rf"(?P<q>every|each|once a|twice a|per) (?:other |single )?(?:(?P<n>{_SMALL}) )?(?P<u>second|minute|hour|day|week|month|year|quarter|weekend|decade|morning|evening|night|afternoon|summer|winter|spring|fall|autumn|{_WEEKDAY}|{_MONTH})s?\b"),
    ("adverbset", r"\b(?P<w>daily|weekly|monthly|yearly|nightly|hourly|biweekly|bimonthly|semiannually|biannually|every day)\b"),
    ("weekdays", rf"(?P<wd>(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))(?: (?P<part>{_PART})s?)?"),
    # references to the present, past and future
    ("ref", r"\b(?P<w>now|nowadays|currently|current|at present|the present|presently|these days|right now|just now|recently|lately|the past|in the past|formerly|once upon a time|the future|in the near future|the near future|a later date|later date|in the coming years)\b(?! (?:of|with|account|accounts|events|affairs|contract|contracts|tense|perfect|earnings|fect)\b)"),
]

COMPILED = [(name, re.compile(rf"(?<![\w-]){pat}(?![\w])" if name not in ("aunit",) else rf"{pat}(?![\w])", re.I))
            for name, pat in RULES]


@dataclass
class Match:
    """One rule's match: where, which rule, and its named groups."""

    start: int
    end: int
    rule: str
    groups: dict[str, str]
    text: str


def _scan(text: str) -> list[Match]:
    out = []
    for name, rx in COMPILED:
        for m in rx.finditer(text):
            if m.end() > m.start():
                out.append(Match(m.start(), m.end(), name,
                                 {k: v for k, v in m.groupdict().items() if v is not None}, m.group(0)))
    return out


# Time words that are written in lower case inside a sentence; capitalised after a word ("ABC's "This Week"",
# "CBS's "60 Minutes"", "VOA Today", "High Noon") they are part of a title. ("Day", "Year", "Night" are left out:
# "Christmas Day", "New Year", "Election Night" are dates.)
_TITLE_WORDS = re.compile(r"(?-i:Today|Tonight|Tomorrow|Yesterday|Now|Noon|Midnight|Weeks?|Months?|Minutes?|Hours?"
                          r"|Mornings?|Afternoons?|Evenings?)\b")


def in_a_title(m: Match, text: str) -> bool:
    """True when a time word of the match is capitalised after another word: a show's or film's title."""
    for w in _TITLE_WORDS.finditer(m.text):
        if w.start() > 0 or re.search(r"\w +$", text[max(0, m.start - 20):m.start]):
            return True
    return False


def find_matches(text: str) -> list[Match]:
    """Non-overlapping rule matches in `text`, leftmost-longest."""
    cands = _scan(text)
    order = {name: i for i, (name, _) in enumerate(RULES)}
    cands.sort(key=lambda m: (-(m.end - m.start), m.start, order[m.rule]))
    taken: list[Match] = []
    used = bytearray(len(text) + 1)
    for m in cands:
        if any(used[m.start:m.end]):
            continue
        used[m.start:m.end] = b"\x01" * (m.end - m.start)
        taken.append(m)
    taken.sort(key=lambda m: m.start)
    return [m for m in taken if not in_a_title(m, text)]
