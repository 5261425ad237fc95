"""A synthetic corpus of realistic shape for the dashboard benchmark, written through the store's own writer.

N quotes make N/10 articles spread over ten years, N/10 speakers quoted with a long tail (a few quoted in
thousands of articles, most once or twice), about 1.5 events per quote, and texts of real lengths: quotes of
8 to 45 words, event sentences of 12 to 35 words, articles of about 2,500 characters in which every quote and
every event is a span of the article's text (so the article page highlights them). Some articles name a speaker
by surname alone, so the cross-article merge has work to do. Deterministic for a given seed.
"""
from __future__ import annotations

import bisect
import hashlib
import itertools
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from whosaid import store
from whosaid.model import Article, Event, Extraction, Quote, Speaker, Timex


def _split(words: str) -> list[str]:
    return words.split()


WORDS = _split("""
the of and to in a is that for it as was with be by on not he this are or his from at which but have an they
you were her she there been one all we their has would when if will more no out so said what up its about into
them than can only other new some could time these two may first then do any like my now over such our man me
even most made after also did many before must through back years where much your way well down should because
each just those people how too little state good very make world still own see men work long get here between
both life being under never day same another know while last might us great old year off come since against go
came right used take three budget council mayor police city court vote policy health school market energy water
housing tax plan bill law election campaign union strike border trade price inflation jobs workers families
children hospital doctors nurses teachers students farmers drivers river bridge road rail airport port climate
flood storm drought fire heat emissions coal gas wind solar power grid funding deficit debt bank interest rate
report study data evidence survey poll voters members leaders officials minister government parliament senate
committee hearing inquiry investigation charges trial verdict appeal judge jury lawyer prosecutor witness
statement decision agreement deal talks negotiations proposal reform program project contract company board
chief executive director spokesman spokeswoman agency department ministry office authority commission
""")
FIRST = _split("""James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph
Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Margaret Mark Sandra Donald
Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Dorothy George
Melissa Timothy Deborah Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen
Gary Amy Nicholas Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela Justin Emma Scott Nicole Brandon
Helen Benjamin Samantha Samuel Katherine Gregory Christine Alexander Debra Frank Rachel Patrick Carolyn Raymond
Janet Jack Catherine Dennis Maria Jerry Heather Tyler Diane Aaron Ruth Jose Julie Adam Olivia Nathan Joyce Henry
Virginia Douglas Victoria Zachary Kelly Peter Lauren Kyle Christina Ethan Joan Walter Evelyn Noah Judith Jeremy
Megan Christian Andrea Keith Cheryl Roger Hannah Terry Jacqueline Gerald Martha Harold Gloria Sean Teresa Austin
Ann Carl Sara Arthur Madison Lawrence Frances Dylan Kathryn Jesse Janice Jordan Jean Bryan Abigail Billy Alice
Joe Julia Bruce Judy Gabriel Sophia Logan Grace Albert Denise Willie Amber Alan Doris Juan Marilyn Wayne Danielle
Elijah Beverly Randy Isabella Roy Theresa Vincent Diana Ralph Natalie Eugene Brittany Russell Charlotte Bobby
Marie Mason Kayla Philip Alexis Louis Lori""")
SYLLABLES = _split("""ab al an ar ber bon bran ca car chen dal dan del der do don el en er fen ford gan gar gro ham har hart
hol ing ka kin kov la lan ley lin lo man mar mer mo nes ney ni no ol on or pa per ra ran rein ri ro sa sen son
ston ta ter ton tor va ver vik wa well win""")
ORG_KINDS = ["Ministry of {}", "{} Council", "{} Union", "{} Group", "Department of {}", "{} Association"]
ROLES = ["Mayor", "Senator", "Minister", "spokesman", "chief executive", "Governor", "professor", "director",
         "union leader", "lawyer", "Representative", "police chief", "economist", "chair of the board"]
PLACES = ["Chicago", "Miami", "Lyon", "Osaka", "Lagos", "Denver", "Leeds", "Porto", "Quito", "Dhaka", "Perth"]
VERBS = ["announced", "approved", "rejected", "visited", "opened", "closed", "signed", "blocked", "proposed", "met"]
START = date(2015, 1, 1)
DAYS = 3652  # ten years


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()


def persons(n: int, rng: random.Random) -> list[tuple[str, str]]:
    """n distinct (name, kind): mostly people ("First Surname"), some organisations."""
    seen: set[str] = set()
    out = []
    while len(out) < n:
        if rng.random() < 0.12:
            name, kind = rng.choice(ORG_KINDS).format(rng.choice(WORDS[200:]).capitalize()), "ORG"
            if name in seen:
                name = f"{name} of {_surname(rng)}"
        else:
            name, kind = f"{rng.choice(FIRST)} {_surname(rng)}", "PERSON"
        if name not in seen:
            seen.add(name)
            out.append((name, kind))
    return out


def _words(rng: random.Random, lo: int, hi: int) -> str:
    return " ".join(rng.choices(WORDS, k=rng.randint(lo, hi)))


def _day(d: date) -> str:
    return d.isoformat()


class _Text:
    """An article's text built sentence by sentence, remembering spans."""

    def __init__(self, title: str) -> None:
        self.parts = [title, "\n\n"]
        self.pos = len(title) + 2

    def add(self, piece: str) -> tuple[int, int]:
        span = (self.pos, self.pos + len(piece))
        self.parts.append(piece)
        self.pos += len(piece)
        return span

    def text(self) -> str:
        return "".join(self.parts)


def _article(i: int, n_quotes: int, people: list[tuple[str, str]], cum: list[float],
             rng: random.Random) -> Extraction:
    doc = f"synthetic-{i:07d}"
    pub = START + timedelta(days=rng.randrange(DAYS))
    title = f"{_words(rng, 4, 9).capitalize()} in {rng.choice(PLACES)}"
    k = max(1, min(n_quotes, rng.randint(2, 6)))
    chosen: dict[int, None] = {}
    while len(chosen) < k:
        chosen[bisect.bisect(cum, rng.random() * cum[-1])] = None
    speakers = []
    for j, p in enumerate(chosen):
        name, kind = people[p]
        if kind == "PERSON" and rng.random() < 0.05:
            name = name.rsplit(" ", 1)[-1]  # a lone surname, for the cross-article merge
        roles = [rng.choice(ROLES)] if rng.random() < 0.5 else []
        speakers.append(Speaker(f"s{j}", name, kind, roles, [name.rsplit(" ", 1)[-1]]))
    text = _Text(title)
    quotes: list[Quote] = []
    events: list[Event] = []
    timexes: list[Timex] = []
    n_events = max(n_quotes, round(n_quotes * 1.5 + rng.uniform(-1, 1)))
    kinds = ["statement"] * n_quotes + ["event"] * (n_events - n_quotes)
    rng.shuffle(kinds)
    for kind in kinds:
        when, how = _event_date(pub, rng)
        if kind == "statement":
            sp = rng.choice(speakers) if rng.random() > 0.08 else None
            who = sp.name if sp else "A person familiar with the matter"
            words = _words(rng, 8, 45)
            qkind = rng.choices(["direct", "indirect", "mixed"], [55, 35, 10])[0]
            if qkind == "indirect":
                s0, sp_span = text.pos, text.add(who)
                cue = text.add(" said")
                text.add(" that ")
                content = text.add(words)
                text.add(". ")
            else:
                s0 = text.pos
                text.add("\u201c")
                content = text.add(words + ",")
                text.add("\u201d ")
                sp_span = text.add(who)
                cue = text.add(" said")
                text.add(". ")
            quotes.append(Quote([content], [sp_span], [cue], qkind, sp.name if sp else None, sp.id if sp else None,
                                cue="say", text=words + ("," if qkind != "indirect" else "")))
            actors = [sp.name] if sp else []
            events.append(Event(s0, text.pos - 1, text.text()[s0:text.pos - 1], f"{who} said", when, how, actors,
                                "statement"))
        else:
            actor = rng.choice(speakers).name
            place = rng.choice(PLACES)
            sentence = f"{actor} {rng.choice(VERBS)} the {_words(rng, 8, 28)} in {place}"
            if when and how == "explicit":
                phrase = f" on {when}" if len(when) == 10 else f" in {when}"
                s0 = text.pos
                text.add(sentence)
                timexes.append(Timex(*text.add(phrase), phrase.strip(), "DATE", when))
            else:
                s0 = text.pos
                text.add(sentence)
            text.add(". ")
            events.append(Event(s0, text.pos - 1, text.text()[s0:text.pos - 1], sentence[:60], when, how,
                                [actor, place] if rng.random() < 0.3 else [actor], "event"))
        if rng.random() < 0.2:
            text.add("\n\n")
    return Extraction(article=Article(doc=doc, text=text.text(), title=title, date=_day(pub), date_source="given",
                                      date_confidence=1.0, url=f"https://example.org/{doc}"),
                      quotes=quotes, speakers=speakers, timexes=timexes, events=events)


def _event_date(pub: date, rng: random.Random) -> tuple[str | None, str]:
    r = rng.random()
    if r < 0.45:
        return _day(pub), "publication"
    if r < 0.60:
        return _day(pub), "inherited"
    if r < 0.75:
        return _day(pub - timedelta(days=rng.randint(1, 40))), "explicit"
    if r < 0.83:
        return f"{pub.year}-{pub.month:02d}", "explicit"
    if r < 0.86:
        return f"{pub.year}", "explicit"
    return None, "unknown"


def extractions(n_quotes: int, seed: int = 7) -> Iterator[Extraction]:
    """The corpus of n_quotes quotes, one article at a time."""
    rng = random.Random(seed)
    n_articles = max(1, n_quotes // 10)
    people = persons(max(2, n_quotes // 10), rng)
    cum = list(itertools.accumulate(1.0 / (r + 3) ** 1.1 for r in range(len(people))))  # a long tail
    per = [n_quotes // n_articles] * n_articles
    for _ in range(n_quotes - sum(per)):
        per[rng.randrange(n_articles)] += 1
    for i in range(n_articles):  # spread the counts (1 to 19 around 10) while keeping the total
        j = rng.randrange(n_articles)
        shift = rng.randint(0, min(per[i] - 1, 9))
        per[i] -= shift
        per[j] += shift
    for i, n in enumerate(per):
        yield _article(i, n, people, cum, rng)


def build(root: str | Path, n_quotes: int, seed: int = 7) -> str:
    """Write the synthetic corpus into a store at `root` with the store's own writer; returns its version."""
    def items() -> Iterator[tuple[Extraction, str]]:
        for ex in extractions(n_quotes, seed):
            yield ex, hashlib.sha256(ex.article.text.encode()).hexdigest()[:16]

    return store.upsert(root, items())
