"""Dated events: one per statement or happening, with its actors, a short summary and how its date was found.

An event is a predicate that happened: the main verb of a sentence, plus any other verb (or event noun, “a
release on June 24”) of the sentence that carries a date of its own (“said on Tuesday that the suit filed in
2004 …” gives two events, not one per expression). Its date is, in order: an expression attached to it
(“explicit”); for a past-tense verb with none, the date of the story's last dated main clause a few
sentences back, or the day the news happened (“inherited”); for a past-tense reporting verb without either,
the publication date (“publication”); otherwise none (“unknown”) — an undated event is never put on the
publication date by default. The present tense speaks of the time of writing only for what the story
reports: a statement (“Apple Corps claims …”), news just in (“has released”, “is stepping down”; on the
story's day when it has one) or a state of one of the story's actors (“iPhone 4 has a new screen”); a
generic state (“IE 11 is not supported.”) stays undated, and a bare copula (“He's not the only one.”) is no
event. Hand-written: no maintained library dates events in news text; the tense and attachment rules read
spaCy's parse.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date, timedelta
from heapq import heappop, heappush

from spacy.tokens import Doc, Span, Token

from whosaid.dates import parse_day
from whosaid.model import Event, Quote, Speaker, Timex
from whosaid.quotes.cues import cue_set
from whosaid.temporal.anchoring import AnchorModel, Candidate, Site, candidates, shipped_model
from whosaid.temporal.timeml import value_interval

REPORTING = cue_set("report")  # verbs whose event is a statement (the "sets" column of resources/cues.tsv)
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
INHERIT_WINDOW = 3  # sentences back that a date may be inherited from
SUMMARY_WORDS = 14
FENCE_YEARS = 3  # a date further than this from the publication date needs a year written in its expression
# a year written out ("1991", "'98", "the 1970s", "nineteen ninety-one"; not "1750 GMT", a clock reading) or a
# count back from the publication date ("five years ago"): what lets an expression name a date far from publication
WRITTEN_YEAR = re.compile(r"(?:\b(?:1[0-9]|20)\d\d|['’]\d\d)(?:['’]?s)?\b(?!\s*(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|"
                          r"CET|hours?\b|hrs\b|h\b|local|Zulu|[ap]\.?m\b))|\b(?:nineteen|two thousand|ago|from now)\b",
                          re.IGNORECASE)


def event_value(value: str) -> str | None:
    """The calendar part of a timex value that can date an event (2017-08-16T10:00 -> 2017-08-16)."""
    v = value.split("T", 1)[0] if "T" in value[4:] else value
    return v if value_interval(v) else None


def near_years(a: str, b: str) -> bool:
    """True when two calendar values lie within FENCE_YEARS of each other."""
    ia, ib = value_interval(a), value_interval(b)
    return ia is not None and ib is not None and ia[0].year - FENCE_YEARS <= ib[1].year \
        and ib[0].year - FENCE_YEARS <= ia[1].year


def writes_year(tx: Timex, text: str) -> bool:
    """True when the expression itself writes a year (or counts back from publication: “five years ago”)."""
    window = text[tx.start:tx.end + 12]
    return any(m.end() <= tx.end - tx.start for m in WRITTEN_YEAR.finditer(window))


def fence(timexes: list[Timex], dct: str | None, text: str) -> list[Timex]:
    """The expressions that may date events: one valued more than FENCE_YEARS from the publication date needs a
    year written in it, or in an expression shortly before that it counts from (“in 1984 … One year later”);
    “more than 200 years later” → 2216 and “Near 1750 GMT” → 1750 date nothing."""
    day = parse_day(dct)
    if day is None:
        return timexes
    out: list[Timex] = []
    for tx in timexes:
        value = event_value(tx.value) or ""
        if value_interval(value) is None or near_years(value, day.isoformat()) or writes_year(tx, text) or any(
                tx.start - 400 <= t.start < tx.start and near_years(value, event_value(t.value) or "")
                and writes_year(t, text) for t in out):
            out.append(tx)
    return out


# What marks a predicate as no happening at all, when nothing dates it (issue 11: on PolNeAR about 40% of the undated
# events were such): modals of ability, wish and hypothesis ("he can coast", "we might wish"; not "will", a plan, nor
# "would not comment", a refusal),
# conditions ("if elected", "should Clinton attempt"), and tweet markup (handles, hashtags, links).
HYPOTHETICAL = {"can", "ca", "could", "might", "may", "would", "'d", "’d", "should", "must", "ought"}
CONDITION = {"if", "unless", "whether"}
MARKUP = re.compile(r"(?<![\w.])[@#][A-Za-z_]\w|https?://|\bwww\.|pic\.twitter\.com|\b\w+\.(?:com|org|ly)/\S")


def non_event(verb: Token, sent: Span) -> str | None:
    """Why an undated predicate is no event (question, you, command, hypothesis, fragment, markup); None if it is one.

    A question (“How does he do it?”), an aside to the reader (“you might be asking”, “Imagine the spectacle”), a
    modal or conditional (“he can coast”, “If that's not enough”), a fragment with no subject and no tense
    (“Doing that, too?”, “Joining Forces With China.”) and a tweet's markup (“@realDonaldTrump”, “pic.twitter.com/…”)
    say nothing that happened. A dated predicate is never asked; an undated statement tied to a quote is left out
    only as a question, an aside, a fragment or markup (“Or would you think she must be the worst woman?”)."""
    if MARKUP.search(sent.text):
        return "markup"
    if sent.text.rstrip(" \"'”’)]\n").endswith("?"):
        return "question"
    kids = list(verb.children)
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")), None)
    if subj is not None and subj.lower_ in ("you", "ya", "y'all"):
        return "second person"
    auxes = [c for c in kids if c.dep_ in ("aux", "auxpass")]
    if verb.pos_ == "VERB" and subj is None and verb.tag_ == "VB" and (verb.dep_ == "ROOT" or verb == sent.root) \
            and not any(a.lower_ in ("to",) or a.tag_ == "MD" for a in auxes):
        return "command"  # "Imagine the spectacle", "Give her a break", "Don't forget that …"
    condition = any(c.dep_ == "mark" and c.lower_ in CONDITION for c in kids)
    refusal = not condition and any(a.lower_ in ("would", "could") for a in auxes) and any(c.dep_ == "neg" for c in kids)
    if not refusal and (any(a.lower_ in HYPOTHETICAL or a.lower_ == "let" for a in auxes)
                        or verb.lower_ in ("let", "let's") or condition):
        return "hypothesis"  # but "aides would not comment", "could not stop the bullet": a refusal or failure
    if subj is None and not auxes and verb.tag_ in ("VBG", "VBN") and verb.dep_ == "ROOT":
        return "fragment"  # a headline or a clause cut off: "Doing that, too?", "Clinton-Supporting Super PACs"
    return None


def dates_a_noun(tok: Token) -> bool:
    """True for a date that modifies a participant (“violated the 1991 agreement”) rather than the clause's setting
    (“in a July 16 press conference”)."""
    return tok.dep_ in ("compound", "amod", "nmod", "nummod", "poss") and tok.head.pos_ in ("NOUN", "PROPN") \
        and tok.i < tok.head.i and tok.head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "dative", "appos")


PREPOSITIONAL = {"compare", "accord", "begin", "start", "follow", "include", "base", "regard", "concern",
                 "beginning", "starting", "following", "including", "effective", "end", "ending"}


def prepositional(verb: Token) -> bool:
    """True for a participle that works as a preposition (“compared with”, “beginning next year”)."""
    return verb.tag_ in ("VBG", "VBN") and verb.dep_ in ("prep", "advcl", "acl", "pcomp") \
        and (verb.lemma_ in PREPOSITIONAL or verb.lower_ in PREPOSITIONAL) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def nominal_of(tok: Token, verb: Token) -> Token | None:
    """The event noun a date belongs to when it hangs from a noun inside a prepositional phrase of the verb
    (“slated for release on June 24”, “since its launch in 2003”), else None."""
    prep = tok.head
    noun = prep.head
    if prep.dep_ == "prep" and noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.head == verb:
        return noun
    return None


def verb_of(tok: Token) -> Token | None:
    """The content verb a token (a timex head) hangs from."""
    t = tok
    for _ in range(6):
        if (t.pos_ == "VERB" and not prepositional(t)) or (t.pos_ == "AUX" and t.dep_ == "ROOT"):
            return t
        if t.head == t:
            return None
        t = t.head
    return None


def is_past(verb: Token) -> bool:
    """True for a verb group in a past tense (“said”, “has filed”, “was blocked”)."""
    if verb.tag_ == "VBD":
        return True
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN":
        if any(a.tag_ == "VBD" or a.lower_ in ("has", "have", "'s", "'ve", "having") for a in auxes):
            return True  # "was blocked", "had filed", "has filed"
        return not auxes  # a bare participle ("the suit filed in 2004"); "is scheduled", "will be" are not past
    if verb.tag_ == "VBG" and any(a.tag_ == "VBD" for a in auxes):
        return True
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.tag_ in ("VBG", "VBN") and verb.head != verb:
        return is_past(verb.head)
    return False


def phrase(tok: Token, limit: int) -> str:
    """The text of a token's subtree as written, shortened to `limit` words and to one line."""
    sub = list(tok.subtree)
    breaks = [i for i, t in enumerate(sub) if "\n" in t.text_with_ws]  # a headline or paragraph the parser joined
    lo = max((i + 1 for i in breaks if sub[i].i < tok.i), default=0)
    hi = min((i + 1 for i in breaks if sub[i].i >= tok.i), default=len(sub))
    toks = [t for t in sub[lo:hi] if not t.is_space]  # the head's own line only
    text = "".join(t.text_with_ws for t in toks[:limit]).strip()
    return text.strip(" \"“”‘’'") + (" …" if len(toks) > limit else "")


def summary_of(verb: Token, speaker: str | None) -> str:
    """Who did what: subject, verb group and object, shortened (an event noun: its phrase)."""
    if verb.pos_ == "NOUN":
        return phrase(verb, SUMMARY_WORDS)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    who = speaker or (phrase(subj, 6) if subj is not None else "")
    group = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt") and c.i < verb.i + 3]
    vg = " ".join(t.text for t in sorted(group + [verb], key=lambda t: t.i))
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "ccomp", "xcomp", "oprd", "dative")
                and c.tag_ not in ("WDT", "WP")), None)
    what = phrase(obj, SUMMARY_WORDS - 4) if obj is not None else ""
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        # "new rules he introduced" -> "he introduced new rules"; "the suit filed in 2004" -> "the suit filed"
        head = " ".join(t.text for t in verb.head.subtree if t.i <= verb.head.i and not t.is_space)
        if subj is None and not speaker:
            who = head
        elif obj is None:
            what = head
    if what and obj is not None and obj.dep_ == "ccomp" and speaker and what[:1].isupper():
        vg += ":"  # a direct quotation: "Sessions said: Respect for the rule of law …"
    text = " ".join(x for x in (who, vg, what) if x)
    return re.sub(r"\s+([,.;:!?'’])", r"\1", text).strip()


def in_quote(tok: Token, quotes: list[Quote]) -> bool:
    """True when the token stands inside quoted words (the speaker's, told by the statement event, not events)."""
    return any(s <= tok.idx < e for q in quotes if q.kind != "indirect" for s, e in q.content_spans)


def actors_of(sent: Span, quotes: list[Quote], speakers: list[Speaker], ents: list[Span] | None = None) -> list[str]:
    """Canonical speakers quoted in the sentence and the named people and organisations it mentions (`ents`:
    the sentence's entities when the caller has them; `sent.ents` costs a pass over the whole document)."""
    by_alias = {}
    for sp in speakers:
        for alias in [sp.name, *sp.aliases]:
            if alias and alias[:1].isupper():
                by_alias[alias.lower()] = sp.name
    names: list[str] = []
    for q in quotes:
        if q.speaker and any(sent.start_char <= s < sent.end_char for s, _ in q.cue_spans + q.speaker_spans):
            names.append(q.speaker)
    for ent in sent.ents if ents is None else ents:
        if ent.label_ in ACTOR_LABELS:
            text = re.sub(r"^(?:the|The)\s+|['’]s$", "", ent.text).strip()
            names.append(by_alias.get(text.lower(), text))
    seen, out = set(), []
    for n in names:
        if n and n.lower() not in seen:
            seen.add(n.lower())
            out.append(n)
    return out


def quote_at(verb: Token, quotes: list[Quote]) -> Quote | None:
    """The quote whose cue is this verb, if any."""
    for q in quotes:
        if any(s <= verb.idx < e for s, e in q.cue_spans):
            return q
    return None


class QuoteSweep:
    """The quotes that touch a stretch of text, asked for stretches in text order: a sweep over the quotes' spans,
    so that dating every sentence looks at the quotes around it, not at every quote of the article."""

    def __init__(self, quotes: list[Quote]):
        self.quotes = quotes
        self.spans = sorted((s, e, k) for k, q in enumerate(quotes)
                            for s, e in (*q.cue_spans, *q.speaker_spans, *q.content_spans))
        self.next = 0
        self.open: list[tuple[int, int]] = []  # (end, quote number) of the spans begun so far

    def touching(self, start: int, end: int) -> list[Quote]:
        """The quotes with a span overlapping [start, end), in their order; `start` and `end` never go back."""
        while self.next < len(self.spans) and self.spans[self.next][0] < end:
            _, e, k = self.spans[self.next]
            heappush(self.open, (e, k))
            self.next += 1
        while self.open and self.open[0][0] <= start:
            heappop(self.open)
        return [self.quotes[k] for k in sorted({k for _, k in self.open})]


def units(doc: Doc):
    """The parse's sentences, cut again at line breaks (headlines, captions and datelines stand alone)."""
    for sent in doc.sents:
        start = sent.start
        for t in sent:
            if t.is_space and "\n" in t.text:
                if t.i > start:
                    yield doc[start:t.i]
                start = t.i + 1
        if start < sent.end:
            yield doc[start:sent.end]


def is_present(verb: Token) -> bool:
    """True for a verb group in the simple present (“has”, “sells”, “is branded”), the time of writing."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ in ("will", "'ll", "going") for a in auxes):
        return False
    if any(a.tag_ in ("VBD",) for a in auxes) or verb.tag_ == "VBD":
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return any(a.tag_ in ("VBZ", "VBP") and a.lower_ not in ("has", "have", "'s", "'ve") for a in auxes)


def present_perfect(verb: Token) -> bool:
    """True for “has released”, “have said”: done before, and told as news at, the time of writing."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and any(a.lower_ in ("has", "have", "'s", "'ve") for a in auxes) \
        and not any(a.tag_ == "MD" for a in auxes)


def future(verb: Token) -> bool:
    """True for a verb group in the future (“will be reduced”, “is going to cut”)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.lower_ in ("will", "'ll", "’ll", "shall", "wo") for a in auxes) \
        or verb.head.lower_ == "going" and verb.dep_ == "xcomp"


def copula(verb: Token) -> bool:
    """True for “to be” joining a subject to what it is (“He's not the only one”, “It is 9 mm thick”)."""
    return (verb.lemma_ == "be" or verb.lower_ in ("'s", "’s", "'re", "’re", "'m", "’m")) \
        and any(c.dep_ in ("attr", "acomp") for c in verb.children)


def progressive(verb: Token) -> bool:
    """True for a present progressive (“is stepping down”): something under way as the article is written."""
    return verb.tag_ == "VBG" and any(a.dep_ == "aux" and a.tag_ in ("VBZ", "VBP") for a in verb.children) \
        and not any(a.tag_ == "MD" or a.lower_ == "going" for a in verb.children)


def simple_past(verb: Token) -> bool:
    """True for a simple past (“filed”, “was blocked”), not a present perfect (“has taken”)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("has", "have", "'s", "'ve") for a in auxes):
        return False
    return is_past(verb)


def main_verb(sent: Span) -> Token | None:
    """The sentence's main predicate."""
    root = sent.root
    if root.pos_ in ("VERB", "AUX"):
        return root
    for t in sent:
        if t.pos_ in ("VERB", "AUX") and (t.head.i < sent.start or t.head.i >= sent.end or t.head == t):
            return t
    return next((t for t in sent if t.pos_ == "VERB"), None)


def story_date(doc: Doc, timexes: list[Timex], dct: str | None) -> str | None:
    """The day the news happened: the first day named in the story (not its dateline) in the week up to publication."""
    pub = parse_day(dct)
    if pub is None:
        return None
    text = doc.text
    for tx in timexes:
        v = event_value(tx.value) if tx.type in ("DATE", "TIME") else None
        if not v or len(v) != 10:
            continue
        line_start = text.rfind("\n", 0, tx.start) + 1
        line_end = text.find("\n", tx.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if sum(c.isalpha() for c in line) - sum(c.isalpha() for c in tx.text) < 12:
            continue  # a dateline or a caption's date stamp, not a sentence of the story
        d = date.fromisoformat(v)
        if pub - timedelta(days=7) <= d <= pub:
            return v
    return None


def sentence_dates(doc: Doc, sent: Span, timexes: list[Timex]) -> tuple[dict, list]:
    """The predicates that the sentence's calendar expressions date: {token index: (predicate, value)}, and the
    further dates of a predicate dated twice by coordination (“in March and June”)."""
    dated: dict[int, tuple[Token, str]] = {}
    coordinated: list[tuple[Token, str]] = []
    for tx in timexes:
        if not (sent.start_char <= tx.start < sent.end_char) or tx.type not in ("DATE", "TIME"):
            continue
        value = event_value(tx.value)
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if value is None or span is None:
            continue
        after_prep = span.start > 0 and doc[span.start - 1].dep_ == "prep"
        if not after_prep and any(dates_a_noun(t) for t in span if not span.start <= t.head.i < span.end):
            continue  # "the 1991 agreement": the date is the thing's, not the clause's
        verb = verb_of(span.root)
        if verb is not None and (noun := nominal_of(span.root, verb)) is not None:
            dated.setdefault(noun.i, (noun, value))  # "slated for release on June 24": the release's date
            continue
        verb = verb or main_verb(sent)
        if verb is None:
            continue
        if verb.i not in dated:
            dated[verb.i] = (verb, value)
        elif span.root.dep_ == "conj" and dated[verb.i][1] != value:
            coordinated.append((verb, value))
    return dated, coordinated


def predicates(sent: Span, main: Token | None, dated: dict, coordinated: list) -> dict:
    """The sentence's events as {sort key: (predicate, explicit value or None)}: its main predicate, the
    reports around it (“…, he said, …”), and every other dated predicate that happened."""
    reports = [t for t in sent if main is not None and t.dep_ == "parataxis" and t.lemma_ in REPORTING
               and t.head == main and t.i not in dated]
    preds = {i: pv for i, pv in dated.items()
             if pv[0] == main or pv[0].pos_ == "NOUN" or simple_past(pv[0]) or present_perfect(pv[0])
             or pv[0].tag_ == "VB" and pv[0].dep_ in ("xcomp", "advcl") and is_past(pv[0].head)}
    if main is not None and main.i not in preds:
        preds[main.i] = (main, None)
    for t in reports:
        preds[t.i] = (t, None)
    if len(dated) == 1 and main is not None and main.i not in dated:
        # a single date on a verb right under the main one dates the main predicate, unless that one reports it
        (verb, value), = dated.values()
        if (main.lemma_ not in REPORTING or not is_past(main)) and (verb.head == main or verb == main):
            preds = {main.i: (main, value), **{t.i: (t, None) for t in reports}}
            coordinated = [(main, v) for _, v in coordinated]
    for k, (verb, value) in enumerate(coordinated):
        if verb.i in preds:
            preds[verb.i + (k + 1) / 100] = (verb, value)
    return preds


STATIVE = {"be", "have", "remain", "seem", "appear", "contain", "include", "consist", "exist", "cost", "weigh",
           "measure", "belong", "own", "know", "need", "want", "like", "mean", "look", "feature", "support",
           "require", "lack", "hold", "come", "sell", "work", "use", "offer", "run"}


def story_actors(doc: Doc) -> set[str]:
    """The story's actors and topics: named things and nouns the article mentions at least twice (lower case)."""
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"):
            for w in {ent.text.lower(), ent.root.text.lower()}:
                counts[w] = counts.get(w, 0) + 1
    for t in doc:
        if t.pos_ in ("NOUN", "PROPN"):
            counts[t.lemma_.lower()] = counts.get(t.lemma_.lower(), 0) + 1
    return {w for w, n in counts.items() if n >= 2}


def actor_subject(verb: Token, actors: set[str]) -> bool:
    """True when the verb's subject is one of the story's actors (a name or noun it keeps returning to, or a
    pronoun standing for one), not a generic thing (“IE 11 is not supported”)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        subj = verb.head  # "the store, which sells music": the store
    if subj is None and verb.dep_ == "conj":
        return actor_subject(verb.head, actors)
    if subj is None:
        return False
    if subj.tag_ == "PRP" or subj.lower_ in ("who", "which", "that"):
        return subj.lower_ not in ("i", "you", "we")  # he, she, it, they: a story actor named before
    if any(t.pos_ == "PROPN" and t.text.lower() in actors for t in subj.subtree):
        return True  # "Apple", "the software update, iPod Software 1.1": a name the story returns to
    return subj.pos_ == "NOUN" and subj.lemma_.lower() in actors and not any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "some", "any", "no", "every", "each") for c in subj.children)


def date_for(verb: Token, value: str | None, near: str | None, story: str | None,
             dct: str | None, actors: set[str] | None = None, cue: bool = False) -> tuple[str | None, str]:
    """(date, how) of a predicate: its own expression, else inherited, else the publication date, else none."""
    if value:
        return value, "explicit"
    if simple_past(verb):
        if near and (dct and near[:10] > dct or len(near) < 10 and story):
            near = None  # a later date, or a vaguer one while the story has its day
        if near or story:
            return near or story, "inherited"
        if (cue or verb.lemma_ in REPORTING) and dct:
            return dct, "publication"
    elif near and dct and near[:10] > dct and future(verb):
        return near, "inherited"  # "It goes on sale June 24. The old model's price will be cut": that day too
    elif story and present_perfect(verb) and verb.lemma_ not in STATIVE:
        return story, "inherited"  # "Apple has lost a visionary": the news of the story's day
    elif dct and (cue or verb.lemma_ in REPORTING) and (is_present(verb) or present_perfect(verb)):
        return dct, "publication"  # "Apple says", "has stated": a statement at the time of writing
    elif dct and (present_perfect(verb) or progressive(verb)) and verb.lemma_ not in STATIVE:
        return dct, "publication"  # "has released", "is stepping down": news at the time of writing
    elif dct and (is_present(verb) or present_perfect(verb)) and actor_subject(verb, actors or set()):
        return dct, "publication"  # "iPhone 4 has a new screen": a state of the story's subject as written
    return None, "unknown"


def tense_class(verb: Token) -> str:
    """The tense and aspect of a predicate in one word (a feature of the anchor model)."""
    if verb.pos_ in ("NOUN", "PROPN"):
        return "noun"
    if future(verb):
        return "future"
    if present_perfect(verb):
        return "perfect"
    if progressive(verb):
        return "progressive"
    if simple_past(verb):
        return "past"
    return "present" if is_present(verb) else "other"


def calendar_spans(doc: Doc, sent: Span, timexes: list[Timex]) -> list[tuple[Span, str]]:
    """The sentence's expressions that name a calendar interval, as (span, value): the explicit candidates."""
    out = []
    for tx in timexes:
        value = event_value(tx.value) if tx.type in ("DATE", "TIME") else None
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand") if value else None
        if span is not None and sent.start <= span.root.i < sent.end:
            out.append((span, value))
    return out


AnchorHook = Callable[[Site, list[Candidate], Event], None]
NonEventHook = Callable[[Event, str], None]


def extract_events(doc: Doc, timexes: list[Timex], quotes: list[Quote], speakers: list[Speaker],
                   dct: str | None, *, anchoring: AnchorModel | str = "model",
                   on_anchor: AnchorHook | None = None, on_non_event: NonEventHook | None = None) -> list[Event]:
    """Events of a parsed article, each dated at its granularity or left undated.

    `anchoring` chooses each date: "model" (the shipped anchor model, `whosaid.temporal.anchoring`, picks the date
    of every event the rules date at all: an event they leave undated stays so), "rules" (the hand-written cascade
    of `date_for` alone) or an `AnchorModel`. `on_anchor(site, candidates, event)` is called
    for every event with a date of its own choosing (the anchor model's training reads them). An undated predicate
    that is no happening (`non_event`: a question, an aside to the reader, a hypothesis, a fragment, tweet markup)
    is left out; `on_non_event(event, reason)` is called for each one left out."""
    day = parse_day(dct)
    dct = day.isoformat() if day else None  # an unreadable publication date is no date
    model = shipped_model() if anchoring == "model" else anchoring if isinstance(anchoring, AnchorModel) else None
    events: list[Event] = []
    last_dated: tuple[int, str] | None = None  # (sentence number, date) of the story's last dated main clause
    everything = sorted(timexes, key=lambda t: t.start)
    timexes = fence(everything, dct, doc.text)
    kept = {id(t) for t in timexes}
    # a date that the text gives but whosaid cannot place ("Ten years later" with no year before it, a far date the
    # fence dropped): its sentence takes no other date either, neither inherited nor the publication date
    unplaced = [t.start for t in everything if id(t) not in kept or t.type == "DATE" and t.value.startswith("XXXX")]
    story = story_date(doc, timexes, dct)
    actors = story_actors(doc)
    doc_ents = list(doc.ents)
    tx_starts = [t.start for t in timexes]
    ent_starts = [e.start for e in doc_ents]
    breaks = [m.start() for m in re.finditer(r"\n\s*\n", doc.text)]
    sweep = QuoteSweep(quotes)
    for n, sent in enumerate(units(doc)):
        if sum(1 for t in sent if t.is_alpha) < 3:
            continue
        here = timexes[bisect_left(tx_starts, sent.start_char):bisect_left(tx_starts, sent.end_char)]
        dated, coordinated = sentence_dates(doc, sent, here)
        main = main_verb(sent)
        if main is None and not dated:
            continue
        preds = predicates(sent, main, dated, coordinated)
        whole = doc[sent.start].sent  # the parser's sentence: every predicate of this one lies in it
        quotes_here = sweep.touching(whole.start_char, whole.end_char)
        lo = bisect_left(ent_starts, sent.start)
        sent_actors = actors_of(sent, quotes_here, speakers,
                                [e for e in doc_ents[lo:bisect_left(ent_starts, sent.end, lo)] if e.end <= sent.end])
        near = last_dated[1] if last_dated and n - last_dated[0] <= INHERIT_WINDOW else None
        main_dated = main is None or preds.get(main.i, (None, None))[1] is None
        stuck = bisect_left(unplaced, sent.start_char) < bisect_left(unplaced, sent.end_char)
        spans = calendar_spans(doc, sent, here) if model is not None or on_anchor else []
        previous = last_dated
        for key in sorted(preds):
            verb, value = preds[key]
            q = quote_at(verb, quotes_here)
            if q is None and in_quote(verb, quotes_here):
                continue  # the quote's statement event stands for what is said inside it
            if q is None and value is None and copula(verb):
                continue  # "This was his third leave": a state, not something that happened
            rule = date_for(verb, value, near, story, dct, actors, cue=q is not None) \
                if value is not None or not stuck else (None, "unknown")
            if rule[1] == "explicit" and (verb == main or main_dated):
                last_dated = (n, rule[0])  # the main clause's date sets the story's reference time
            date_, how = rule
            cands: list[Candidate] = []
            if (model is not None or on_anchor) and key == int(key):  # a coordinated second date stays the rules'
                site = Site(verb, sent, n, bisect_right(breaks, sent.start_char), tense_class(verb),
                            q is not None or verb.lemma_ in REPORTING, verb == main, rule, dct)
                cands = candidates(site, spans, previous, story)
                if model is not None and rule[0] is not None:  # the rules say whether, the model which date
                    date_, how = model.choose(cands)
            sub = list(verb.subtree) if verb != main else list(sent)
            event = Event(
                start=max(sub[0].idx, sent.start_char), end=min(sub[-1].idx + len(sub[-1]), sent.end_char),
                sentence=sent.text.strip(), summary=summary_of(verb, q.speaker if q else None),
                date=date_, how=how, actors=list(sent_actors),
                kind="statement" if q is not None or verb.lemma_ in REPORTING else "event",
            )
            reason = non_event(verb, sent) if date_ is None else None
            if q is not None and reason not in ("question", "second person", "markup", "fragment"):
                reason = None  # an undated statement tied to a quote is kept unless it asks, addresses or is markup
            if reason is not None:
                if on_non_event is not None:
                    on_non_event(event, reason)
                continue
            if on_anchor is not None and cands:
                on_anchor(site, cands, event)
            events.append(event)
    return events
