"""The pandas reference for the dashboard's query layer: what the pages showed when they loaded every table
whole into pandas (whosaid 0.1.0's `whosaid.dashboard.queries`), kept so the tests can check that the SQL
over DuckDB returns the same rows on a small store. Not used by the dashboard.

Dates are ISO strings (YYYY-MM-DD), compared as strings. A date filter keeps what overlaps the range.
Distinctive words are log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008),
hand-written because it is a dozen lines over word counts and no installed library offers it.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS  # a word list; no model is loaded
from whosaid.corpus.persons import UNATTRIBUTED
from whosaid.names import name_key as normalise
from whosaid.temporal.timeml import value_interval

KINDS = ["direct", "indirect", "mixed"]
QUOTE_COLUMNS = ["quote_id", "person", "kind", "text", "date", "title", "doc", "cue", "speaker", "outlet",
                 "cue_class"]
EVENT_TABLE_COLUMNS = ["event_id", "date", "date_start", "date_end", "granularity", "how", "summary", "sentence",
                       "persons", "title", "doc"]
EVENT_COLUMNS = ["event_id", "date", "date_start", "date_end", "granularity", "how", "summary", "sentence",
                 "actors", "persons", "title", "doc", "kind", "start", "end"]


def interval(value: object) -> tuple[str | None, str | None]:
    """(first day, last day) as ISO strings of a TimeML date value; (None, None) when it names no fixed time."""
    iv = value_interval(value) if isinstance(value, str) else None
    return (iv[0].isoformat(), iv[1].isoformat()) if iv else (None, None)


def _titles(articles: pd.DataFrame) -> dict[str, str]:
    return {d: (t if isinstance(t, str) and t.strip() else d) for d, t in zip(articles["doc"], articles["title"])}


def _list(value: object) -> list:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    return list(value)


def _none(col: pd.Series) -> pd.Series:
    """The column as Python objects with None (not NaN) for missing values, so `x or default` works."""
    return pd.Series([v if isinstance(v, str) or not pd.isna(v) else None for v in col], index=col.index, dtype=object)


def quotes_view(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Quotes with their person, article title and date interval (date_start, date_end)."""
    q = tables["quotes"].copy()
    if "person" not in q:
        q["person"] = q["speaker"].fillna(UNATTRIBUTED)
    titles = _titles(tables["articles"])
    q["title"] = [titles.get(d, d) for d in q["doc"]]
    outlets = dict(zip(tables["articles"]["doc"], tables["articles"]["outlet"]))
    q["outlet"] = [o.strip() if isinstance(o, str) and o.strip() else None for o in map(outlets.get, q["doc"])]
    q["cue_class"] = [c if isinstance(c, str) else "speech" for c in q["cue_class"]]
    ivs = [interval(v) for v in q["date"]]
    q["date_start"] = [a for a, _ in ivs]
    q["date_end"] = [b for _, b in ivs]
    for col in ("date", "date_start", "date_end", "text", "cue"):
        q[col] = _none(q[col])
    return q.reset_index(drop=True)


def events_view(tables: dict[str, pd.DataFrame], names: dict[str, str] | None = None) -> pd.DataFrame:
    """Events with article title, actors mapped to persons, and `persons`: who speaks or acts in each event."""
    ev = tables["events"].copy()
    names = names or {}
    titles = _titles(tables["articles"])
    ev["title"] = [titles.get(d, d) for d in ev["doc"]]
    q = tables["quotes"]
    qperson = q["person"] if "person" in q else q["speaker"].fillna(UNATTRIBUTED)
    anchors: dict[str, list[tuple[int, str]]] = {}
    for d, s, p in zip(q["doc"], q["start"], qperson):
        if p != UNATTRIBUTED:
            anchors.setdefault(d, []).append((int(s), p))
    actors, persons = [], []
    for r in ev.itertuples(index=False):
        acts = [names.get(normalise(a), a) for a in _list(r.actors)]
        speaking = [p for s, p in anchors.get(r.doc, ()) if r.start <= s < r.end]
        actors.append(list(dict.fromkeys(acts)))
        persons.append(list(dict.fromkeys(speaking + acts)))
    ev["actors"] = actors
    ev["persons"] = persons
    for col in ("date", "date_start", "date_end", "granularity", "how", "sentence", "summary"):
        ev[col] = _none(ev[col])
    return ev.reset_index(drop=True)


def overview(tables: dict[str, pd.DataFrame]) -> dict[str, object]:
    """Counts and date spans for the overview page."""
    a, q, ev = tables["articles"], tables["quotes"], tables["events"]
    persons = q["person"] if "person" in q else q["speaker"]
    pub = a["date"].dropna()
    dated = ev["date_start"].dropna()
    return {
        "articles": len(a), "quotes": len(q), "events": len(ev),
        "speakers": int(persons[persons.notna() & (persons != UNATTRIBUTED)].nunique()),
        "published_from": pub.min() if len(pub) else None, "published_to": pub.max() if len(pub) else None,
        "events_from": dated.min() if len(dated) else None,
        "events_to": ev["date_end"].dropna().max() if len(dated) else None,
    }


def articles_table(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per article: title, publication date and where it came from, counts."""
    a = tables["articles"]
    return pd.DataFrame({
        "title": [t if isinstance(t, str) and t else d for d, t in zip(a["doc"], a["title"])],
        "published": _none(a["date"]),
        "date from": a["date_source"].fillna("none"),
        "confidence": pd.to_numeric(a["date_confidence"], errors="coerce").fillna(0.0),
        "quotes": pd.to_numeric(a["n_quotes"], errors="coerce").fillna(0).astype(int),
        "events": pd.to_numeric(a["n_events"], errors="coerce").fillna(0).astype(int),
        "source": a["url"].where(a["url"].notna(), a["path"]),
        "outlet": [o.strip() if isinstance(o, str) and o.strip() else None for o in a["outlet"]],
        "doc": a["doc"],
    }).reset_index(drop=True)


def full_span(starts: Iterable, ends: Iterable) -> tuple[date, date] | None:
    """(earliest start, latest end) as dates, or None when nothing is dated."""
    s = [x for x in starts if isinstance(x, str)]
    e = [x for x in ends if isinstance(x, str)]
    if not s or not e:
        return None
    return date.fromisoformat(min(s)), date.fromisoformat(max(e))


def _overlaps(df: pd.DataFrame, date_range: tuple[date, date]) -> pd.Series:
    lo, hi = (d.isoformat() for d in date_range)
    return df["date_start"].notna() & (df["date_start"].fillna("") <= hi) & (df["date_end"].fillna("") >= lo)


def filter_quotes(q: pd.DataFrame, persons: Sequence[str] = (), docs: Sequence[str] = (), kinds: Sequence[str] = (),
                  date_range: tuple[date, date] | None = None, text: str = "") -> pd.DataFrame:
    """Quotes by any of the persons, in any of the articles, of any of the kinds, overlapping the date range,
    containing the text (case-insensitive); an empty filter keeps everything."""
    keep = pd.Series(True, index=q.index)
    if persons:
        keep &= q["person"].isin(list(persons))
    if docs:
        keep &= q["doc"].isin(list(docs))
    if kinds:
        keep &= q["kind"].isin(list(kinds))
    if date_range:
        keep &= _overlaps(q, date_range)
    if text and text.strip():
        needle = text.strip().casefold()
        keep &= (q["text"].fillna("").str.casefold().str.contains(needle, regex=False)
                 | q["person"].fillna("").str.casefold().str.contains(needle, regex=False))
    return q[keep]


def filter_events(ev: pd.DataFrame, actors: Sequence[str] = (), docs: Sequence[str] = (),
                  date_range: tuple[date, date] | None = None) -> pd.DataFrame:
    """Events involving any of the actors (as speaker or named actor), in any of the articles, overlapping the
    date range (undated events are kept unless a date range is set)."""
    keep = pd.Series(True, index=ev.index)
    if actors:
        wanted = set(actors)
        keep &= ev["persons"].map(lambda ps: bool(wanted.intersection(ps)))
    if docs:
        keep &= ev["doc"].isin(list(docs))
    if date_range:
        keep &= _overlaps(ev, date_range)
    return ev[keep]


def split_dated(ev: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(events with a calendar date, events whose date is unknown)."""
    dated = ev["date_start"].notna()
    return ev[dated], ev[~dated]


def quotes_around(q: pd.DataFrame, start: str, end: str, days: int = 3) -> pd.DataFrame:
    """Quotes dated within `days` days of the interval [start, end]."""
    lo = (date.fromisoformat(start) - timedelta(days=days)).isoformat()
    hi = (date.fromisoformat(end) + timedelta(days=days)).isoformat()
    return q[q["date_start"].notna() & (q["date_start"].fillna("") <= hi) & (q["date_end"].fillna("") >= lo)]


def kind_counts(q: pd.DataFrame, include_unattributed: bool = False) -> pd.DataFrame:
    """Quotes per person and kind (columns person, kind, quotes), persons with most quotes first."""
    if not include_unattributed:
        q = q[q["person"] != UNATTRIBUTED]
    if q.empty:
        return pd.DataFrame(columns=["person", "kind", "quotes"])
    counts = q.groupby(["person", "kind"]).size().rename("quotes").reset_index()
    order = counts.groupby("person")["quotes"].sum().sort_values(ascending=False, kind="stable")
    counts["rank"] = counts["person"].map({p: i for i, p in enumerate(order.index)})
    counts["k"] = counts["kind"].map({k: i for i, k in enumerate(KINDS)}).fillna(len(KINDS))
    return counts.sort_values(["rank", "k"]).drop(columns=["rank", "k"]).reset_index(drop=True)


def persons_by_weight(q: pd.DataFrame) -> list[str]:
    """Persons, most quoted first (ties by name)."""
    p = q[q["person"] != UNATTRIBUTED]["person"]
    counts = p.value_counts()
    return sorted(counts.index, key=lambda n: (-counts[n], n))


def roles_by_person(speakers: pd.DataFrame) -> dict[str, list[str]]:
    """The roles or titles the texts give each person, without repeats: those of the most articles first, then in
    order first seen."""
    count: dict[str, dict[str, set]] = {}
    first: dict[str, dict[str, str]] = {}
    for person, doc, roles in zip(speakers["person"], speakers["doc"], speakers["roles"]):
        for r in _list(roles):
            if isinstance(r, str) and r.strip():
                first.setdefault(person, {}).setdefault(r.strip().casefold(), r.strip())
                count.setdefault(person, {}).setdefault(r.strip().casefold(), set()).add(doc)
    return {p: sorted(first[p].values(), key=lambda r: -len(count[p][r.casefold()])) for p in first}


NAME_RE = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|van|von|al|bin))*(?<![.’'])")


def mentions(q: pd.DataFrame, person: str, names: dict[str, str], kinds: dict[str, str] | None = None) -> pd.DataFrame:
    """Known speakers named in `person`'s quotes (capitalised names matched to known speakers' names, and to
    the surnames of people when `kinds` (person -> PERSON/ORG/...) says who is a person), with how many
    quotes name them."""
    surname = {}
    for norm, p in names.items():
        if kinds is not None and kinds.get(p) != "PERSON":
            continue
        last = norm.rsplit(" ", 1)[-1]
        surname.setdefault(last, set()).add(p)
    counts: Counter[str] = Counter()
    for text in q.loc[q["person"] == person, "text"].fillna(""):
        found = set()
        for m in NAME_RE.finditer(text):
            norm = normalise(m.group(0))
            hit = names.get(norm)
            if not hit and len(surname.get(norm, ())) == 1:
                hit = next(iter(surname[norm]))
            if hit and hit != person:
                found.add(hit)
        counts.update(found)
    return pd.DataFrame(counts.most_common(), columns=["person", "quotes"])


WORD_RE = re.compile(r"[a-z][a-z'’-]*[a-z]")


def _words(texts: Iterable[str]) -> Counter[str]:
    c: Counter[str] = Counter()
    for t in texts:
        c.update(w for w in WORD_RE.findall(str(t).casefold().replace("’", "'")) if w not in STOP_WORDS and len(w) > 2)
    return c


def distinctive_words(q: pd.DataFrame, person: str, n: int = 15) -> pd.DataFrame:
    """Words that set `person`'s quotes apart from everyone else's: log-odds ratio with an informative
    Dirichlet prior, as z-scores (columns word, count, z), most distinctive first."""
    mine = _words(q.loc[q["person"] == person, "text"].fillna(""))
    rest = _words(q.loc[q["person"] != person, "text"].fillna(""))
    if not mine:
        return pd.DataFrame(columns=["word", "count", "z"])
    prior = mine + rest
    a0 = sum(prior.values())
    n1, n2 = sum(mine.values()), sum(rest.values())
    rows = []
    for w, c in mine.items():
        aw = prior[w]  # the pooled counts as prior
        d = (math.log((c + aw) / (n1 + a0 - c - aw)) - math.log((rest[w] + aw) / (n2 + a0 - rest[w] - aw)))
        var = 1 / (c + aw) + 1 / (rest[w] + aw)
        rows.append((w, c, d / math.sqrt(var)))
    df = pd.DataFrame(rows, columns=["word", "count", "z"])
    return df.sort_values(["z", "count", "word"], ascending=[False, False, True]).head(n).reset_index(drop=True)


def load(root, aliases: dict[str, str] | None = None) -> tuple[dict[str, pd.DataFrame], pd.DataFrame, pd.DataFrame,
                                                               dict[str, str]]:
    """(tables with persons, quotes view, events view, name index) of the store at `root`, all in pandas."""
    from whosaid import store
    from whosaid.corpus.persons import apply_aliases, name_index

    t = apply_aliases(store.load_tables(root), aliases)
    names = name_index(t["merges"])
    return t, quotes_view(t), events_view(t, names), names


def quote_table(q: pd.DataFrame) -> pd.DataFrame:
    """The columns the quote table shows, in order."""
    return q.reindex(columns=QUOTE_COLUMNS).reset_index(drop=True)
