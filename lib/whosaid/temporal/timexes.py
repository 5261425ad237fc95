"""Temporal expressions of a parsed article: found by temporal.rules, valued by temporal.values.

This module adds what needs the parse: the tense of the verb that governs an expression (it decides whether
“Friday” or “in April” lies before or after the publication date), part-of-speech checks that drop words
that only look like dates (“May” the modal verb, “March” the verb), and the discourse context that
anaphoric expressions (“a year earlier”, “the year-ago quarter”) are valued against.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from spacy.tokens import Doc, Span, Token

from whosaid.dates import is_day, parse_day
from whosaid.model import Timex
from whosaid.quotes.cues import cue_set
from whosaid.temporal.calendar import parse_value
from whosaid.temporal.rules import Match, find_matches
from whosaid.temporal.values import Anchor, value_of

FUTURE_AUX = {"will", "'ll", "shall", "wo", "going", "would", "might", "may", "should", "must"}
DEADLINE = re.compile(r"(?:until|till|through|by|before|as soon as|as early as|no later than|effective)\s+(?:on\s+)?$", re.I)
ANAPHORIC = re.compile(r"year-ago|year-earlier|a year|last year's|\bago\b|earlier|later|previous|same", re.I)
REPORTING = cue_set("report_core")  # the commonest reporting verbs (the "sets" column of resources/cues.tsv)
FUTURE_HINTS = {"expect", "plan", "schedule", "set", "due", "intend", "hope", "aim", "slate", "propose"}


def parse_dct(dct: str | None) -> date | None:
    """The publication date as a date; None when missing or unreadable."""
    return parse_day(dct)


def governing_verb(tok: Token) -> Token | None:
    """The verb (or auxiliary) that an expression's token hangs from, if any within a few steps."""
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head == t:
            return None
        t = t.head
    return None


def past_perfect_above(verb: Token) -> bool:
    """True when the verb hangs from a past perfect (“had been due to expire”): a plan already past."""
    t = verb
    for _ in range(3):
        if any(c.lower_ == "had" for c in t.children) or t.lower_ == "had":
            return True
        if t.head == t:
            break
        t = t.head
    return False


def tense_of(verb: Token | None) -> str | None:
    """past | present | future for a verb group; None when it cannot be told."""
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    if (words & FUTURE_AUX or verb.lower_ in FUTURE_AUX) and not words & {"have", "'ve"}:
        return "future"
    if verb.lower_ == "is" or verb.lower_ == "are":
        nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if nxt is not None and nxt.lower_ == "to":
            return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in FUTURE_HINTS:
        return "past" if past_perfect_above(verb) else "future"
    if verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head != verb:
        head = tense_of(verb.head)
        perfect = any(c.dep_ == "aux" and c.lower_ in ("have", "has", "'ve") for c in verb.head.children)
        if head == "present" or perfect:
            return "future"  # "have subpoenaed him to testify on Feb. 10"
        return None if head == "past" else head  # "agreed to buy it in February": after the agreeing, maybe ahead
    tags = {c.tag_ for c in auxes} | {verb.tag_}
    if words & {"have", "has", "'ve"} and any(t.tag_ == "VBN" for t in [verb, *auxes]):
        return "past"  # a present perfect ("has been searching since Oct. 23") looks back
    if "VBD" in tags or (verb.tag_ == "VBN" and ({"has", "have", "had", "was", "were"} & words or not auxes)):
        return "past"
    if verb.tag_ == "VBP" and not auxes and any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children):
        return "past"  # "Weakness hurt the index": a singular subject makes "hurt", "cut", "put" a past tense
    if tags & {"VBZ", "VBP"}:
        return "present"
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl", "xcomp") and verb.head != verb:
        return tense_of(verb.head)
    return None


def sentence_tense(sent: Span) -> str | None:
    """The tense of a sentence's main verb."""
    return tense_of(governing_verb(sent.root))


def not_a_date(m: Match, span: Span | None) -> bool:
    """True when the match is a word that only looks like a date (modal “May”, verb “March”)."""
    if span is None:
        return False
    first = span[0]
    if m.rule == "month" and len(span) == 1:
        if first.tag_ == "MD" or first.pos_ == "VERB" or first.lower_ == "may" and first.i + 1 < len(span.doc) \
                and span.doc[first.i + 1].pos_ in ("VERB", "AUX", "PRON", "ADV"):
            return True
        if first.pos_ == "PROPN" and first.ent_type_ in ("PERSON", "ORG") and first.ent_iob_ != "":
            return first.ent_type_ == "PERSON"
    if m.rule in ("thepart", "clockpart") and (span.root.dep_ in ("amod", "compound", "nmod")
                                               and span.root.head.pos_ in ("NOUN", "PROPN")
                                               and span.root.head.i >= span.end
                                               or span.end < len(span.doc) and span.doc[span.end].pos_ == "NOUN"):
        return True  # "early-morning tweets", "in the morning meetings": a kind of thing, not a time
    if m.rule == "year" and first.like_num and first.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL", "PERCENT") \
            and not m.groups.get("fiscal") and not m.groups.get("mod"):
        prev = span.doc[first.i - 1] if first.i > 0 else None
        if prev is None or prev.lower_ not in ("in", "since", "of", "by", "until", "from", "to", "through", "before",
                                               "after", "during", "early", "late", "mid", "and", "or", "between"):
            return True
    return False


def find_timexes(doc: Doc, dct: str | None) -> list[Timex]:
    """Temporal expressions in a parsed article, valued relative to the publication date `dct`."""
    text = doc.text
    anchor = Anchor(parse_dct(dct))
    out: list[Timex] = []
    bare: list[tuple[int, Span]] = []  # times of day written without their day, and their sentence
    for m in find_matches(text):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if not_a_date(m, span):
            continue
        verb = governing_verb(span.root) if span is not None else None
        anchor.tense = tense_of(verb)
        if anchor.tense == "present" and m.rule == "weekday" and (verb.lemma_ in REPORTING or span.root.head != verb
                                          and span.root.head.head != verb):
            anchor.tense = "past"  # a news report's present is mostly its headline style or a nominal
        if m.rule == "month" and span is not None and anchor.tense in ("present", None) \
                and span.root.dep_ in ("compound", "nmod", "amod") and span.root.head.pos_ == "NOUN":
            anchor.tense = "past"  # "under a June agreement": a thing already made
        if m.rule == "weekday" and verb is not None and verb.lemma_ in ("plan", "schedule", "slate") \
                and anchor.tense == "past" and not past_perfect_above(verb) and m.start > verb.idx \
                and any(c.dep_ == "dobj" for c in verb.children) \
                and not any(c.lower_ in ("previously", "originally", "already") for c in verb.children):
            anchor.tense = "future"  # "has scheduled a news conference Thursday": the plan is for the day ahead
        if text.startswith(("'s", "’s"), m.end):
            anchor.tense = "past"  # "Tuesday's declaration": a day already gone
        elif DEADLINE.search(text[max(0, m.start - 25):m.start]) and not (verb is not None and past_perfect_above(verb)):
            anchor.tense = "future"  # "until Tuesday", "as soon as Friday": a deadline ahead
        if anchor.tense is None and span is not None:
            anchor.tense = sentence_tense(span.sent)
        anchor.pos, anchor.after, anchor.before = m.start, text[m.end:m.end + 30], text[max(0, m.start - 10):m.start]
        anchor.clause = text[span.sent.start_char:m.start] if span is not None else ""
        tv = value_of(m, anchor)
        if tv is None:
            continue
        typ, value = tv
        if m.rule == "duration" and span is not None and re.fullmatch(r"(?i)an? (?:year|month|week|day|night|hour)", m.text) \
                and span.start > 0 and (span.doc[span.start - 1].tag_ in ("NNS", "CD") or span.doc[span.start - 1].like_num):
            typ = "SET"  # "$2 million a year", "four flights a week": a rate, not a span of time
        if typ == "DATE" and parse_value(value) and m.rule not in ("ago", "yearago", "period", "ytdagoq") \
                and not ANAPHORIC.search(m.text):
            anchor.recent.append(value)
            anchor.offsets.append(m.start)
        out.append(Timex(m.start, m.end, m.text, typ, value))
        if typ == "TIME" and m.rule in ("clock", "clock24", "clock4", "clockpart", "noon", "thepart") \
                and not {"rel", "wd", "mon"} & m.groups.keys() \
                and span is not None:
            bare.append((len(out) - 1, span.sent))
    starts = [t.start for t in out]
    bare_at = {i for i, _ in bare}
    for i, sent in bare:
        # "at about 10:35 a.m. (0735 GMT) Friday", "at 4 in the morning (4 a.m. EDT Thursday)": a time of day takes
        # the day its sentence names
        here = out[bisect_left(starts, sent.start_char):bisect_left(starts, sent.end_char)]
        days = [t.value[:10] for j, t in enumerate(here, bisect_left(starts, sent.start_char)) if j not in bare_at
                and (t.type == "DATE" and is_day(t.value) or t.type == "TIME" and is_day(t.value[:10]))]
        if len(set(days)) == 1:
            out[i].value = days[0] + out[i].value[out[i].value.index("T"):]
    return out
