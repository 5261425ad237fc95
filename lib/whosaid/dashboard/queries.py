"""What the dashboard pages ask of the store, as SQL over `db.Corpus` (no Streamlit here).

Every function takes the corpus first and returns only what a page shows: one page of rows, the counts and
aggregates a chart needs, or the rows of one article. Filters are small frozen records (`QuoteFilter`,
`EventFilter`) compiled to parameterised WHERE clauses: user values only ever travel as `?` parameters.

Dates are ISO strings (YYYY-MM-DD), compared as strings; a date filter keeps what overlaps the range. Text
search is case-insensitive (DuckDB's `lower`, which is Python's `casefold` for all but a few letters such as
ß) and matches the quote's text or its speaker's name. Distinctive words are log-odds ratios with an
informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), hand-written because it is a dozen lines over
word counts and no installed library offers it; the counts come from SQL.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pandas as pd

from whosaid.corpus.nametypes import TYPES, UNRESOLVED
from whosaid.corpus.persons import UNATTRIBUTED
from whosaid.dashboard.db import Corpus
from whosaid.model import CUE_CLASSES, SAID
from whosaid.names import name_key
from whosaid.stop_words import stop_words

KINDS = ["direct", "indirect", "mixed"]
CUE_CLASS_LIST = list(CUE_CLASSES)
SAID_CLASSES = list(SAID)  # who-said-what's default: words said or written, not stances or refusals to comment
PERSON_TYPES = [t for t in TYPES if t != UNRESOLVED]  # unresolved speakers are counted apart, never chosen as a type
# Column lists, each defined once: what the tables show is what the downloads hold.
QUOTE_COLUMNS = ["quote_id", "person", "kind", "text", "date", "title", "doc", "cue", "speaker", "outlet",
                 "cue_class"]
EVENT_TABLE_COLUMNS = ["event_id", "date", "date_start", "date_end", "granularity", "how", "summary", "sentence",
                       "persons", "title", "doc"]
EVENT_COLUMNS = ["event_id", "date", "date_start", "date_end", "granularity", "how", "summary", "sentence",
                 "actors", "persons", "title", "doc", "kind", "start", "end"]
KIND_ORDER = "CASE kind WHEN 'direct' THEN 0 WHEN 'indirect' THEN 1 WHEN 'mixed' THEN 2 ELSE 3 END"


# -- filters ---------------------------------------------------------------------------------------------

def _tuple(values: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(v for v in dict.fromkeys(values or ()) if isinstance(v, str))


@dataclass(frozen=True)
class QuoteFilter:
    """Quotes by any of the persons, in any of the articles, of any of the kinds, overlapping the date range,
    containing the text, from any of the outlets, of any of the cue classes (CUE_CLASSES), by a person of any of
    the types (PERSON_TYPES; unattributed quotes have none); an empty filter keeps everything."""

    persons: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    date_range: tuple[date, date] | None = None
    text: str = ""
    outlets: tuple[str, ...] = ()
    cue_classes: tuple[str, ...] = ()
    types: tuple[str, ...] = ()

    @classmethod
    def of(cls, persons: Iterable[str] | None = (), docs: Iterable[str] | None = (),
           kinds: Iterable[str] | None = (), date_range: tuple[date, date] | None = None,
           text: str | None = "", *, outlets: Iterable[str] | None = (), cue_classes: Iterable[str] | None = (),
           types: Iterable[str] | None = ()) -> QuoteFilter:
        """A filter from widget values (lists or None)."""
        return cls(_tuple(persons), _tuple(docs), _tuple(kinds), tuple(date_range) if date_range else None,
                   (text or "").strip(), _tuple(outlets), _tuple(cue_classes), _tuple(types))

    def of_person(self, person: str) -> QuoteFilter:
        """This filter narrowed to one person's quotes (whatever the types it asks for)."""
        return replace(self, persons=(person,), types=())


@dataclass(frozen=True)
class EventFilter:
    """Events involving any of the actors (as speaker or named actor), in any of the articles, overlapping the
    date range (undated events are left out once a date range is set)."""

    actors: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    date_range: tuple[date, date] | None = None

    @classmethod
    def of(cls, actors: Iterable[str] | None = (), docs: Iterable[str] | None = (),
           date_range: tuple[date, date] | None = None) -> EventFilter:
        """A filter from widget values (lists or None)."""
        return cls(_tuple(actors), _tuple(docs), tuple(date_range) if date_range else None)


def _in(column: str, values: Sequence[str]) -> tuple[str, list]:
    return f"{column} IN (SELECT unnest(?::VARCHAR[]))", [list(values)]


def _like(needle: str) -> str:
    """An ILIKE pattern matching `needle` anywhere, its wildcards escaped."""
    return "%" + re.sub(r"([\\%_])", r"\\\1", needle) + "%"


def _quote_where(f: QuoteFilter, alias: str = "r") -> tuple[str, list]:
    """WHERE clause (never empty) and parameters for quote_rows under `alias`."""
    conds, params = ["true"], []
    for column, values in ((f"{alias}.person", f.persons), (f"{alias}.doc", f.docs), (f"{alias}.kind", f.kinds),
                           (f"{alias}.outlet", f.outlets), (f"{alias}.cue_class", f.cue_classes),
                           (f"{alias}.person_type", f.types)):
        if values:
            sql, p = _in(column, values)
            conds.append(sql)
            params += p
    if f.date_range:
        lo, hi = (d.isoformat() for d in f.date_range)
        conds.append(f"{alias}.date_start <= ? AND {alias}.date_end >= ?")
        params += [hi, lo]
    if f.text:  # the quote's words, or its speaker's name (matched among the few persons, not on every row)
        conds.append(f"""({alias}.text ILIKE ? ESCAPE '\\' OR {alias}.person IN (
            SELECT person FROM weights WHERE person ILIKE ? ESCAPE '\\' UNION ALL
            SELECT ? WHERE ? ILIKE ? ESCAPE '\\'))""")
        params += [_like(f.text), _like(f.text), UNATTRIBUTED, UNATTRIBUTED, _like(f.text)]
    return " AND ".join(conds), params


# -- the store at a glance -------------------------------------------------------------------------------

def overview(db: Corpus) -> dict[str, object]:
    """Counts and date spans for the overview page."""
    pub_from, pub_to = db.rows("SELECT min(date), max(date) FROM articles")[0]
    ev_from, ev_to = db.rows("SELECT min(date_start), max(date_end) FROM event_rows")[0]
    return {
        "articles": db.counts["articles"], "quotes": db.counts["quotes"], "events": db.counts["events"],
        "speakers": db.value("SELECT count(*) FROM weights WHERE person <> ?", [UNATTRIBUTED]),
        "published_from": pub_from, "published_to": pub_to,
        "events_from": ev_from, "events_to": ev_to if ev_from else None,
    }


def articles_table(db: Corpus, page: int = 1, size: int | None = None) -> pd.DataFrame:
    """One row per article (by id): title, publication date and where it came from, counts, source, outlet;
    one page of them when `size` is given."""
    sql = """
        SELECT coalesce(t.title, a.doc) AS title, a.date AS published, coalesce(a.date_source, 'none') AS "date from",
               coalesce(a.date_confidence, 0.0) AS confidence, coalesce(a.n_quotes, 0) AS quotes,
               coalesce(a.n_events, 0) AS events, coalesce(a.url, a.path) AS source, o.outlet, a.doc
        FROM articles a LEFT JOIN titles t ON t.doc = a.doc LEFT JOIN outlets o ON o.doc = a.doc ORDER BY a.doc"""
    params: list = []
    if size:
        sql += " LIMIT ? OFFSET ?"
        params = [size, (max(page, 1) - 1) * size]
    out = db.df(sql, params)
    out["quotes"] = out["quotes"].astype(int)
    out["events"] = out["events"].astype(int)
    return out


def docs(db: Corpus, limit: int | None = None) -> list[str]:
    """Article ids in order (at most `limit`)."""
    return db.column("SELECT doc FROM articles ORDER BY doc" + (" LIMIT ?" if limit else ""),
                     [limit] if limit else [])


def titles(db: Corpus, doc_ids: Sequence[str]) -> dict[str, str]:
    """The title shown for each article (its id when it has none)."""
    sql, params = _in("doc", doc_ids)
    return dict(db.rows(f"SELECT doc, title FROM titles WHERE {sql}", params))


def known(db: Corpus, what: str, values: Sequence[str]) -> set[str]:
    """Which of `values` exist: what is 'doc', 'quote', 'event', 'story', 'path' (a quotation), 'person' (quoted,
    attributed) or 'actor'."""
    if not values:
        return set()
    sql = {"doc": "SELECT doc FROM articles WHERE {}", "quote": "SELECT quote_id FROM quote_rows WHERE {}",
           "path": "SELECT path_id FROM quote_rows WHERE {}",
           "event": "SELECT event_id FROM event_rows WHERE {}", "story": "SELECT story_id FROM stories WHERE {}",
           "person": "SELECT person FROM weights WHERE person <> ? AND {}"}.get(what)
    if what == "actor":
        return set(values) & set(actors_in_events(db, values))
    if sql is None:
        raise ValueError(f"unknown kind of value {what!r}")
    if what == "story":
        db.ensure("stories")
    column = {"doc": "doc", "quote": "quote_id", "event": "event_id", "person": "person", "story": "story_id",
              "path": "path_id"}[what]
    cond, params = _in(column, values)
    return set(db.column(sql.format(cond), ([UNATTRIBUTED] if what == "person" else []) + params))


def persons_by_weight(db: Corpus, limit: int | None = None) -> list[str]:
    """Persons, most quoted first (ties by name), at most `limit`."""
    return db.column("SELECT person FROM weights WHERE person <> ? ORDER BY quotes DESC, person"
                     + (" LIMIT ?" if limit else ""), [UNATTRIBUTED] + ([limit] if limit else []))


def person_weights(db: Corpus, persons: Sequence[str]) -> dict[str, int]:
    """Quotes per person for the given persons."""
    sql, params = _in("person", persons)
    return dict(db.rows(f"SELECT person, quotes FROM weights WHERE {sql}", params))


def n_persons(db: Corpus) -> int:
    """How many persons are quoted."""
    return db.value("SELECT count(*) FROM weights WHERE person <> ?", [UNATTRIBUTED])


def unattributed_count(db: Corpus, f: QuoteFilter = QuoteFilter()) -> int:
    """Quotes without an identified speaker among those the filter keeps, whatever types it asks for (an
    unresolved speaker has no type to choose)."""
    where, params = _quote_where(replace(f, types=()))
    return db.value(f"SELECT count(*) FROM quote_rows r WHERE {where} AND r.person = ?", params + [UNATTRIBUTED])


def quote_span(db: Corpus) -> tuple[date, date] | None:
    """(earliest start, latest end) of the quotes' dates, or None when no quote is dated."""
    lo, hi = db.rows("SELECT min(date_start), max(date_end) FROM date_iv")[0]
    return (date.fromisoformat(lo), date.fromisoformat(hi)) if lo and hi else None


def event_span(db: Corpus) -> tuple[date, date] | None:
    """(earliest start, latest end) of the events' dates, or None when no event is dated."""
    lo, hi = db.rows("SELECT min(date_start), max(date_end) FROM event_rows")[0]
    return (date.fromisoformat(lo), date.fromisoformat(hi)) if lo and hi else None


# -- quotes ----------------------------------------------------------------------------------------------

QUOTE_SELECT = ("r.quote_id, r.person, r.kind, r.text, r.date, coalesce(t.title, r.doc) AS title, r.doc, r.cue, "
                "r.speaker, r.outlet, r.cue_class, r.start, r.\"end\", r.date_start, r.date_end")


def quote_count(db: Corpus, f: QuoteFilter = QuoteFilter()) -> int:
    """How many quotes the filter keeps."""
    where, params = _quote_where(f)
    return db.value(f"SELECT count(*) FROM quote_rows r WHERE {where}", params)


def _page(db: Corpus, table: str, key: str, where: str, params: list, size: int, offset: int) -> tuple[str, list]:
    """A condition picking one page of `table` by its ordinal `key`: the page's keys are found first on the
    narrow columns, so only its rows' wide columns (text) are read."""
    keys = db.column(f"SELECT {key} FROM {table} WHERE {where} ORDER BY {key} LIMIT ? OFFSET ?",
                     params + [size, offset])
    return f"{key} IN (SELECT unnest(?::BIGINT[]))", [keys]


def quote_page(db: Corpus, f: QuoteFilter, page: int, size: int) -> tuple[pd.DataFrame, int]:
    """(one page of the quotes the filter keeps, in article order; how many it keeps), in one pass over them."""
    where, params = _quote_where(f)
    rows = db.rows(f"""SELECT r.i, count(*) OVER () FROM quote_rows r WHERE {where} ORDER BY r.i LIMIT ? OFFSET ?""",
                   params + [size, (max(page, 1) - 1) * size])
    if not rows:
        return quotes(db, f, page, size), quote_count(db, f)
    return db.df(f"SELECT {QUOTE_SELECT} FROM quote_rows r LEFT JOIN titles t ON t.doc = r.doc "
                 "WHERE r.i IN (SELECT unnest(?::BIGINT[])) ORDER BY r.i", [[i for i, _ in rows]]), rows[0][1]


def quotes(db: Corpus, f: QuoteFilter = QuoteFilter(), page: int = 1, size: int | None = None,
           order: str = "article") -> pd.DataFrame:
    """The quotes the filter keeps (QUOTE_COLUMNS first), in article order (or by `order='date'`: earliest
    first, undated last); one page of `size` rows when `size` is given, else all of them."""
    where, params = _quote_where(f)
    by = {"article": "r.i", "date": "r.date_start NULLS LAST, r.i"}[order]
    if size and order == "article":
        where, params = _page(db, "quote_rows r", "r.i", where, params, size, (max(page, 1) - 1) * size)
    sql = f"SELECT {QUOTE_SELECT} FROM quote_rows r LEFT JOIN titles t ON t.doc = r.doc WHERE {where} ORDER BY {by}"
    if size and order != "article":
        sql += " LIMIT ? OFFSET ?"
        params += [size, (max(page, 1) - 1) * size]
    return db.df(sql, params)


def quote_table(q: pd.DataFrame) -> pd.DataFrame:
    """The columns the quote table shows, in order."""
    return q.reindex(columns=QUOTE_COLUMNS).reset_index(drop=True)


# -- quotations: one quotation carried by several articles (corpus.paths) ---------------------------------

QUOTATION_COLUMNS = ["path_id", "quote_id", "person", "kind", "text", "date", "title", "doc", "n_articles",
                     "first_date", "carried"]


def carried(n_articles: int, first_date: str | None) -> str:
    """How widely a quotation was carried, in words ("carried by 3 articles, first on 2016-09-20")."""
    if n_articles <= 1:
        return "carried by one article"
    return f"carried by {n_articles} articles" + (f", first on {first_date}" if first_date else "")


def quotation_page(db: Corpus, f: QuoteFilter, page: int, size: int) -> tuple[pd.DataFrame, int]:
    """(one page of the quotations the filter's quotes are copies of, one row each: the kept copy carried first,
    the most widely carried quotations first (QUOTATION_COLUMNS); how many quotations the filter keeps)."""
    where, params = _quote_where(f)
    rows = db.rows(f"""
        WITH kept AS (SELECT r.i, r.path_id, r.path_rank FROM quote_rows r WHERE {where}),
             one AS (SELECT path_id, arg_min(i, path_rank) AS i, min(i) AS o FROM kept GROUP BY path_id)
        SELECT one.i, count(*) OVER () FROM one LEFT JOIN paths p ON p.path_id = one.path_id
        ORDER BY coalesce(p.n_articles, 1) DESC, one.o LIMIT ? OFFSET ?""",
                   params + [size, (max(page, 1) - 1) * size])
    if not rows:
        n = db.value(f"SELECT count(DISTINCT r.path_id) FROM quote_rows r WHERE {where}", params)
        return pd.DataFrame(columns=QUOTATION_COLUMNS), int(n or 0)
    keys = [i for i, _ in rows]
    out = db.df(f"""SELECT {QUOTE_SELECT}, r.i, r.path_id, coalesce(p.n_articles, 1) AS n_articles, p.first_date
                    FROM quote_rows r LEFT JOIN titles t ON t.doc = r.doc LEFT JOIN paths p ON p.path_id = r.path_id
                    WHERE r.i IN (SELECT unnest(?::BIGINT[]))""", [keys])
    out = out.set_index("i").loc[keys].reset_index(drop=True)
    out["n_articles"] = out["n_articles"].astype(int)
    out["carried"] = [carried(n, d) for n, d in zip(out["n_articles"], out["first_date"])]
    return out.reindex(columns=QUOTATION_COLUMNS), rows[0][1]


def paths_grouped(db: Corpus) -> bool:
    """Whether copies of a quotation are grouped (False for a large store built before quote paths)."""
    return db.paths_grouped


def path_of(db: Corpus, quote_id: str) -> str | None:
    """The quotation (path id) a quote is a copy of."""
    return db.value("SELECT path_id FROM quote_rows WHERE quote_id = ? LIMIT 1", [quote_id])


def quote_path(db: Corpus, path_id: str) -> pd.DataFrame:
    """Every copy of one quotation, in the order the articles carried it (columns quote_id, doc, title,
    published, person, kind, text)."""
    return db.df("""
        SELECT r.quote_id, r.doc, coalesce(t.title, r.doc) AS title, a.date AS published, r.person, r.kind, r.text
        FROM quote_rows r LEFT JOIN titles t ON t.doc = r.doc LEFT JOIN articles a ON a.doc = r.doc
        WHERE r.path_id = ? ORDER BY r.path_rank, r.i""", [path_id])


# -- a speaker over time ---------------------------------------------------------------------------------

def week_range(first: str, last: str, span: tuple[date, date] | None) -> list[str]:
    """A week's first and last day clipped to the span of the quotes' dates, as the quote table's `dates` link
    parameter takes them."""
    lo, hi = date.fromisoformat(first), date.fromisoformat(last)
    if span:
        lo, hi = max(lo, span[0]), min(hi, span[1])
    return [lo.isoformat(), max(lo, hi).isoformat()]


def weekly_quotes(db: Corpus, persons: Sequence[str]) -> pd.DataFrame:
    """Quotes per person and week (columns person, week: its Monday, quotes), counting the quotes dated to a day
    or a week by the week their date starts (a quote dated only to a month or a year is in no week)."""
    if not persons:
        return pd.DataFrame(columns=["person", "week", "quotes"])
    who, params = _in("r.person", persons)
    out = db.df(f"""
        SELECT r.person, CAST(date_trunc('week', CAST(r.date_start AS DATE)) AS DATE) AS week, count(*) AS quotes
        FROM quote_rows r WHERE {who} AND r.date_start IS NOT NULL
          AND date_diff('day', CAST(r.date_start AS DATE), CAST(r.date_end AS DATE)) < 7
        GROUP BY r.person, week ORDER BY week, r.person""", params)
    out["week"] = pd.to_datetime(out["week"])
    return out


def around(start: str, end: str, days: int) -> tuple[date, date]:
    """The interval [start, end] widened by `days` days each side."""
    return date.fromisoformat(start) - timedelta(days=days), date.fromisoformat(end) + timedelta(days=days)


def quotes_around(db: Corpus, start: str, end: str, days: int = 3, limit: int | None = None) -> pd.DataFrame:
    """Quotes dated within `days` days of the interval [start, end] (at most `limit`, in article order)."""
    return quotes(db, QuoteFilter(date_range=around(start, end, days)), size=limit)


def article_quotes(db: Corpus, doc: str) -> pd.DataFrame:
    """Every quote of one article with its spans, in the order of the text."""
    return db.df(f"""
        SELECT {QUOTE_SELECT}, q.content_spans, q.speaker_spans, q.cue_spans
        FROM quote_rows r LEFT JOIN titles t ON t.doc = r.doc
        JOIN quotes q ON q.quote_id = r.quote_id AND q.doc = r.doc
        WHERE r.doc = ? AND q.doc = ? ORDER BY r.start, r.i""", [doc, doc])


def doc_of(db: Corpus, what: str, ident: str) -> str | None:
    """The article of a quote (what='quote') or an event (what='event')."""
    table, column = {"quote": ("quote_rows", "quote_id"), "event": ("event_rows", "event_id")}[what]
    return db.value(f"SELECT doc FROM {table} WHERE {column} = ? LIMIT 1", [ident])


def article(db: Corpus, doc: str) -> dict | None:
    """One article's row, with its text."""
    out = db.df("SELECT a.*, coalesce(t.title, a.doc) AS shown_title FROM articles a "
                "LEFT JOIN titles t ON t.doc = a.doc WHERE a.doc = ? LIMIT 1", [doc])
    return out.iloc[0].to_dict() if len(out) else None


# -- outlets ---------------------------------------------------------------------------------------------

def outlet_counts(db: Corpus) -> pd.DataFrame:
    """The store's outlets with their articles and quotes (columns outlet, articles, quotes), most articles first
    (ties by name); articles without an outlet are left out."""
    return db.df("""SELECT o.outlet, count(DISTINCT o.doc) AS articles, coalesce(sum(a.n_quotes), 0) AS quotes
                    FROM outlets o JOIN articles a ON a.doc = o.doc GROUP BY o.outlet ORDER BY articles DESC, outlet""")


def outlet_persons(db: Corpus, f: QuoteFilter = QuoteFilter(), top: int = 15) -> pd.DataFrame:
    """Whom each outlet quotes, and how often: quotes per person and outlet (columns person, outlet, quotes) for
    the `top` persons the filter's quotes from outlets name most (ties by name), persons in that order; quotes of
    articles without an outlet and unattributed quotes are left out."""
    where, params = _quote_where(f)
    return db.df(f"""
        WITH c AS (SELECT r.person, r.outlet, count(*) AS quotes FROM quote_rows r
                   WHERE {where} AND r.outlet IS NOT NULL AND r.person <> ? GROUP BY r.person, r.outlet),
             ranked AS (SELECT person, row_number() OVER (ORDER BY sum(quotes) DESC, person) AS rank
                        FROM c GROUP BY person)
        SELECT c.person, c.outlet, c.quotes FROM c JOIN ranked USING (person) WHERE rank <= ?
        ORDER BY rank, c.outlet""", params + [UNATTRIBUTED, top])


# -- speakers --------------------------------------------------------------------------------------------

def kind_counts(db: Corpus, f: QuoteFilter = QuoteFilter(), top: int | None = None, also: Sequence[str] = (),
                include_unattributed: bool = False) -> pd.DataFrame:
    """Quotes per person and kind (columns person, kind, quotes), persons with most quotes first (ties by
    name), kinds in KINDS order; only the `top` persons (and those in `also`) when `top` is given."""
    where, params = _quote_where(f)
    keep = "" if include_unattributed else "AND r.person <> ?"
    params += [] if include_unattributed else [UNATTRIBUTED]
    limit = "" if top is None else "WHERE rank <= ? OR person IN (SELECT unnest(?::VARCHAR[]))"
    return db.df(f"""
        WITH c AS (SELECT r.person, r.kind, count(*) AS quotes FROM quote_rows r WHERE {where} {keep}
                   GROUP BY r.person, r.kind),
             ranked AS (SELECT person, row_number() OVER (ORDER BY sum(quotes) DESC, person) AS rank
                        FROM c GROUP BY person),
             chosen AS (SELECT person, rank FROM ranked {limit})
        SELECT c.person, c.kind, c.quotes FROM c JOIN chosen USING (person)
        ORDER BY chosen.rank, {KIND_ORDER}, c.kind""", params + ([] if top is None else [top, list(also)]))


def speaker_count(db: Corpus, f: QuoteFilter = QuoteFilter()) -> int:
    """How many persons the filter's quotes have."""
    where, params = _quote_where(f)
    return db.value(f"SELECT count(DISTINCT r.person) FROM quote_rows r WHERE {where} AND r.person <> ?",
                    params + [UNATTRIBUTED])


def speaker_table(counts: pd.DataFrame, roles: dict[str, list[str]]) -> pd.DataFrame:
    """Kind counts pivoted to one row per person (columns person, roles, total and one per kind), in the
    order of `counts`."""
    if counts.empty:
        return pd.DataFrame(columns=["person", "roles", "total", *KINDS])
    table = counts.pivot_table(index="person", columns="kind", values="quotes", fill_value=0, aggfunc="sum")
    table = table.reindex(columns=KINDS, fill_value=0).reindex(list(dict.fromkeys(counts["person"]))).reset_index()
    table.columns.name = None
    table["roles"] = table["person"].map(lambda p: "; ".join(roles.get(p, [])))
    table["total"] = table[KINDS].sum(axis=1)
    return table[["person", "roles", "total", *KINDS]]


def _list(value: object) -> list:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    return list(value)


def roles_by_person(db: Corpus, persons: Sequence[str]) -> dict[str, list[str]]:
    """The roles or titles the texts give each of the persons, without repeats: those given by the most articles
    first, then in order first seen."""
    if not persons:
        return {}
    sql, params = _in("p.person", persons)
    rows = db.rows(f"SELECT p.person, p.doc, p.roles FROM person_roles p WHERE {sql} ORDER BY p._f, p._row", params)
    return _by_articles((person, doc, r) for person, doc, roles in rows for r in _list(roles))


def _by_articles(given: Iterable[tuple[str, str, object]]) -> dict[str, list[str]]:
    """(person, doc, role) rows -> each person's roles (the first spelling of each, case aside), the most articles
    first, ties in the order first seen."""
    docs: dict[str, dict[str, set[str]]] = {}
    shown: dict[tuple[str, str], str] = {}
    for person, doc, role in given:
        if isinstance(role, str) and role.strip():
            key = role.strip().casefold()
            shown.setdefault((person, key), role.strip())
            docs.setdefault(person, {}).setdefault(key, set()).add(doc)
    return {person: [shown[(person, k)] for k in sorted(by, key=lambda k: -len(by[k]))]
            for person, by in docs.items()}


def name_variants(db: Corpus, person: str) -> pd.DataFrame:
    """The names the articles give a person's speakers (columns name, quotes, articles), most quoted first (ties by
    name): the variants the person's merges joined."""
    return db.df("""SELECT p.name, count(q.quote_id) AS quotes, count(DISTINCT p.doc) AS articles
                    FROM persons p LEFT JOIN quotes q ON q.doc = p.doc AND q.speaker_id = p.speaker_id
                    WHERE p.person = ? GROUP BY p.name ORDER BY quotes DESC, p.name""", [person])


def role_sources(db: Corpus, person: str) -> pd.DataFrame:
    """Each role the texts give a person with the article it comes from (columns role, title, doc), one row per
    role and article: the roles the most articles give first (as `roles_by_person` orders them), then in the order
    first seen."""
    return db.df("""WITH r AS (SELECT doc, trim(unnest(roles)) AS role, _f, _row FROM person_roles WHERE person = ?),
                    g AS (SELECT r.role, r.doc, min(r._f) AS f, min(r._row) AS row FROM r WHERE r.role <> ''
                          GROUP BY r.role, r.doc)
                    SELECT g.role, coalesce(t.title, g.doc) AS title, g.doc FROM g LEFT JOIN titles t ON t.doc = g.doc
                    ORDER BY count(*) OVER (PARTITION BY lower(g.role)) DESC,
                             min(g.f) OVER (PARTITION BY lower(g.role)), min(g.row) OVER (PARTITION BY lower(g.role)),
                             lower(g.role), g.f, g.row, g.role""",
                 [person])


def speaker_facts(db: Corpus, person: str) -> dict[str, int]:
    """A person's number of quotes, articles and direct quotes."""
    n, docs_, direct = db.rows("""SELECT count(*), count(DISTINCT doc), count(*) FILTER (WHERE kind = 'direct')
                                  FROM quote_rows WHERE person = ?""", [person])[0]
    return {"quotes": n, "articles": docs_, "direct": direct}


def merges(db: Corpus, person: str | None = None, limit: int | None = None) -> tuple[pd.DataFrame, int]:
    """How article speakers were merged into persons (columns person, name, kind, doc, how), for one person
    or everyone; (at most `limit` rows, how many there are)."""
    where, params = ("WHERE person = ?", [person]) if person else ("", [])
    n = db.value(f"SELECT count(*) FROM persons {where}", params)
    sql = f"SELECT person, name, kind, doc, how FROM persons {where} ORDER BY person, doc, name"
    return db.df(sql + (" LIMIT ?" if limit else ""), params + ([limit] if limit else [])), n


NAME_RE = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|van|von|al|bin))*(?<![.’'])")


def _person_texts(db: Corpus, person: str, limit: int | None) -> list[str]:
    sql = "SELECT text FROM quote_rows WHERE person = ? ORDER BY i"
    return [t or "" for t in db.column(sql + (" LIMIT ?" if limit else ""), [person] + ([limit] if limit else []))]


def mentions(db: Corpus, person: str, limit: int | None = None) -> pd.DataFrame:
    """Known speakers named in `person`'s quotes (at most `limit` quotes): capitalised names matched to
    known names, and to the surname of exactly one known PERSON, with how many quotes name them."""
    found_per_quote = [{name_key(m.group(0)) for m in NAME_RE.finditer(t)} for t in _person_texts(db, person, limit)]
    candidates = sorted(set().union(*found_per_quote)) if found_per_quote else []
    if not candidates:
        return pd.DataFrame(columns=["person", "quotes"])
    hits = dict(db.rows("SELECT norm, person FROM names WHERE norm IN (SELECT unnest(?::VARCHAR[]))", [candidates]))
    hits.update(db.rows("""
        WITH kinds AS (SELECT person, last(kind ORDER BY doc, name) AS kind FROM persons GROUP BY person),
             surnames AS (SELECT regexp_extract(n.norm, '[^ ]*$') AS last, n.person FROM names n
                          JOIN kinds k ON k.person = n.person WHERE k.kind = 'PERSON')
        SELECT last, min(person) FROM surnames WHERE last IN (SELECT unnest(?::VARCHAR[]))
          AND last NOT IN (SELECT norm FROM names WHERE norm IN (SELECT unnest(?::VARCHAR[])))
        GROUP BY last HAVING count(DISTINCT person) = 1""", [candidates, candidates]))
    counts: Counter[str] = Counter()
    for found in found_per_quote:
        counts.update({hits[n] for n in found if n in hits and hits[n] != person})
    return pd.DataFrame(counts.most_common(), columns=["person", "quotes"])


WORDS_SQL = r"regexp_extract_all(replace(lower(coalesce(text, '')), '’', ''''), '[a-z][a-z''’-]*[a-z]')"


def word_counts(db: Corpus) -> tuple[dict[str, int], int]:
    """(count of each word of three letters or more, outside the stop list, over every quote; total)."""
    rows = db.rows(f"""SELECT w, count(*) FROM (SELECT unnest({WORDS_SQL}) AS w FROM quote_rows)
                       WHERE length(w) > 2 GROUP BY w""")
    stop = stop_words()
    counts = {w: n for w, n in rows if w not in stop}
    return counts, sum(counts.values())


def distinctive_words(db: Corpus, person: str, n: int = 15, limit: int | None = None) -> pd.DataFrame:
    """Words that set `person`'s quotes (at most `limit` of them) apart from everyone else's: log-odds ratio
    with an informative Dirichlet prior, as z-scores (columns word, count, z), most distinctive first. The
    corpus's word counts are computed once per store version."""
    sql = f"SELECT w, count(*) FROM (SELECT unnest({WORDS_SQL}) AS w FROM (SELECT text FROM quote_rows " \
          f"WHERE person = ? ORDER BY i{' LIMIT ?' if limit else ''})) WHERE length(w) > 2 GROUP BY w"
    stop = stop_words()
    mine = {w: c for w, c in db.rows(sql, [person] + ([limit] if limit else [])) if w not in stop}
    if not mine:
        return pd.DataFrame(columns=["word", "count", "z"])
    prior, a0 = db.memo("word_counts", lambda: word_counts(db))
    n1 = sum(mine.values())
    n2 = a0 - n1
    rows = []
    for w, c in mine.items():
        aw = prior.get(w, c)  # the pooled counts as prior
        rest = aw - c
        if min(n1 + a0 - c - aw, n2 + a0 - rest - aw) <= 0:
            continue  # the word is all that is said: nothing to set it against (one speaker, one word)
        d = (math.log((c + aw) / (n1 + a0 - c - aw)) - math.log((rest + aw) / (n2 + a0 - rest - aw)))
        var = 1 / (c + aw) + 1 / (rest + aw)
        rows.append((w, c, d / math.sqrt(var)))
    df = pd.DataFrame(rows, columns=["word", "count", "z"])
    return df.sort_values(["z", "count", "word"], ascending=[False, False, True]).head(n).reset_index(drop=True)


# -- events ----------------------------------------------------------------------------------------------

def _event_where(db: Corpus, f: EventFilter, alias: str = "e", dated: bool | None = None) -> tuple[str, list]:
    """WHERE clause (never empty) and parameters for the events view under `alias`."""
    conds, params = ["true"], []
    if f.docs:
        sql, p = _in(f"{alias}.doc", f.docs)
        conds.append(sql)
        params += p
    if f.actors:
        conds.append(f"{alias}.o IN (SELECT unnest(?::BIGINT[]))")
        params.append(db.recent(("actor_events", f.actors), lambda: _actor_events(db, f.actors)))
    if f.date_range:
        lo, hi = (d.isoformat() for d in f.date_range)
        conds.append(f"{alias}.date_start <= ? AND {alias}.date_end >= ?")
        params += [hi, lo]
    if dated is not None:
        conds.append(f"{alias}.date_start IS {'NOT ' if dated else ''}NULL")
    return " AND ".join(conds), params


def _actor_events(db: Corpus, actors: Sequence[str]) -> list[int]:
    """The events (by their number `o`) in which any of the actors speaks (a quote of theirs starts inside
    the event) or is named as an actor. Found in the few articles they appear in, not by a scan of all."""
    db.ensure("actor_docs")
    who, who_params = _in("person", actors)
    docs_ = db.column(f"SELECT doc FROM actor_docs WHERE {who} UNION SELECT doc FROM quote_rows WHERE {who}",
                      who_params * 2)
    names = db.column(f"SELECT actor FROM actor_map WHERE {who}", who_params)
    return db.column(f"""
        WITH e AS (SELECT o, doc, start, "end", actors FROM event_rows WHERE doc IN (SELECT unnest(?::VARCHAR[]))),
             r AS (SELECT doc, start FROM quote_rows WHERE {who} AND doc IN (SELECT unnest(?::VARCHAR[])))
        SELECT e.o FROM e JOIN r ON r.doc = e.doc AND r.start >= e.start AND r.start < e."end"
        UNION SELECT o FROM e WHERE list_has_any(actors, ?::VARCHAR[])""", [docs_] + who_params + [docs_, names])


def event_counts(db: Corpus, f: EventFilter = EventFilter()) -> tuple[int, int]:
    """(dated events the filter keeps, undated events its actors and articles keep)."""
    where, params = _event_where(db, EventFilter(f.actors, f.docs))
    rng, rng_params = "true", []
    if f.date_range:
        lo, hi = (d.isoformat() for d in f.date_range)
        rng, rng_params = "date_start <= ? AND date_end >= ?", [hi, lo]
    row = db.rows(f"""SELECT count(*) FILTER (WHERE date_start IS NOT NULL AND {rng}),
                             count(*) FILTER (WHERE date_start IS NULL) FROM event_rows e WHERE {where}""",
                  rng_params + params)[0]
    return int(row[0]), int(row[1])


EVENT_SELECT = ("e.event_id, e.date, e.date_start, e.date_end, e.granularity, e.how, e.summary, e.actors, "
                "coalesce(t.title, e.doc) AS title, e.doc, e.kind, e.start, e.\"end\", e._f, e._row")


def events(db: Corpus, f: EventFilter = EventFilter(), dated: bool | None = None, limit: int | None = None,
           offset: int = 0, sentences: bool = True) -> pd.DataFrame:
    """The events the filter keeps (EVENT_COLUMNS), dated ones by date, then undated ones in article order;
    only dated or undated ones with `dated`; at most `limit`. `persons` lists who speaks in each event or is
    named as its actor, speakers first. Without `sentences`, the sentence column is left empty (a table that
    does not show it need not read it)."""
    where, params = _event_where(db, f, dated=dated)
    if limit is not None:
        where, params = _page(db, "event_rows e", "e.o", where, params, limit, offset)
    ev = db.df(f"SELECT {EVENT_SELECT} FROM event_rows e LEFT JOIN titles t ON t.doc = e.doc WHERE {where} "
               "ORDER BY e.o", params)
    ev["persons"] = _event_persons(db, ev)
    ev["sentence"] = _sentences(db, ev) if sentences else None
    return ev.reindex(columns=EVENT_COLUMNS)


def _sentences(db: Corpus, ev: pd.DataFrame) -> list[str | None]:
    """The sentence of each event, read from the store's files by file and row."""
    found: dict[tuple[int, int], str] = {}
    for f, rows in ev.groupby("_f")["_row"]:
        found.update(((int(f), r), text) for r, text in db.rows(
            "SELECT _row, sentence FROM events WHERE _file = ? AND _row IN (SELECT unnest(?::BIGINT[]))",
            [str(db.files["events"][int(f)]), [int(r) for r in rows]]))
    return [found.get((int(f), int(r))) for f, r in zip(ev["_f"], ev["_row"])]


def _event_persons(db: Corpus, ev: pd.DataFrame) -> list[list[str]]:
    """For each event: the persons quoted inside it (by position), then its actors as persons, no repeats."""
    if ev.empty:
        return []
    db.ensure("actor_map")
    docs_ = list(dict.fromkeys(ev["doc"]))
    speaking: dict[str, list[tuple[int, str]]] = {}
    for doc, start, person in db.rows("""SELECT doc, start, person FROM quote_rows WHERE person <> ?
                                         AND doc IN (SELECT unnest(?::VARCHAR[])) ORDER BY i""",
                                      [UNATTRIBUTED, docs_]):
        speaking.setdefault(doc, []).append((start, person))
    actors = sorted({a for acts in ev["actors"] for a in _list(acts) if isinstance(a, str)})
    mapped = dict(db.rows("SELECT actor, person FROM actor_map WHERE actor IN (SELECT unnest(?::VARCHAR[]))",
                          [actors])) if actors else {}
    out = []
    for doc, start, end, acts in zip(ev["doc"], ev["start"], ev["end"], ev["actors"]):
        inside = [p for s, p in speaking.get(doc, ()) if start <= s < end]
        named = [mapped.get(a, a) for a in _list(acts) if isinstance(a, str)]
        out.append(list(dict.fromkeys(inside + named)))
    return out


def event_bins(db: Corpus, f: EventFilter, unit: str) -> pd.DataFrame:
    """Dated events the filter keeps counted per `unit` ('day' or 'week') of their first day (columns bin,
    events)."""
    if unit not in ("day", "week"):
        raise ValueError(f"bin by day or week, not {unit!r}")
    where, params = _event_where(db, f, dated=True)
    out = db.df(f"""SELECT CAST(date_trunc(?, CAST(e.date_start AS DATE)) AS DATE) AS bin, count(*) AS events
                    FROM event_rows e WHERE {where} GROUP BY bin ORDER BY bin""", [unit] + params)
    out["bin"] = pd.to_datetime(out["bin"])
    return out


def event_extent(db: Corpus, f: EventFilter) -> tuple[date, date] | None:
    """(first start, last end) of the dated events the filter keeps."""
    where, params = _event_where(db, f, dated=True)
    lo, hi = db.rows(f"SELECT min(e.date_start), max(e.date_end) FROM event_rows e WHERE {where}", params)[0]
    return (date.fromisoformat(lo), date.fromisoformat(hi)) if lo and hi else None


def event(db: Corpus, event_id: str) -> dict | None:
    """One event with its persons and article title."""
    ev = db.df(f"SELECT {EVENT_SELECT} FROM event_rows e LEFT JOIN titles t ON t.doc = e.doc WHERE e.event_id = ? "
               "LIMIT 1", [event_id])
    if ev.empty:
        return None
    ev["persons"] = _event_persons(db, ev)
    ev["sentence"] = _sentences(db, ev)
    return ev.iloc[0].to_dict()


def first_quote_in(db: Corpus, doc: str, start: int, end: int) -> str | None:
    """The first quote (in article order) that starts inside [start, end) of an article."""
    return db.value("SELECT quote_id FROM quote_rows WHERE doc = ? AND start >= ? AND start < ? ORDER BY i LIMIT 1",
                    [doc, start, end])


def actors_in_events(db: Corpus, among: Sequence[str] | None = None, limit: int | None = None) -> list[str]:
    """Persons who speak in an event or are named as its actor, the most quoted first (ties by name); only
    those `among` the given names when given; at most `limit`."""
    db.ensure("actor_docs")
    acting, speaking, params = "true", "true", []
    if among is not None:
        (acting, p), (speaking, _) = _in("person", among), _in("r.person", among)
        params = p
    sql = f"""WITH a AS (SELECT person FROM actor_docs WHERE {acting} UNION
                         SELECT r.person FROM quote_rows r WHERE r.person <> ? AND {speaking} AND EXISTS (
                           SELECT 1 FROM event_rows e WHERE e.doc = r.doc AND r.start >= e.start
                           AND r.start < e."end"))
              SELECT a.person FROM a LEFT JOIN weights w ON w.person = a.person
              ORDER BY coalesce(w.quotes, 0) DESC, a.person"""
    return db.column(sql + (" LIMIT ?" if limit else ""),
                     params + [UNATTRIBUTED] + params + ([limit] if limit else []))


def event_table(ev: pd.DataFrame) -> pd.DataFrame:
    """The columns the timeline tables show, in order, actors joined as text."""
    out = ev.reindex(columns=EVENT_TABLE_COLUMNS).reset_index(drop=True)
    out["persons"] = out["persons"].map(lambda ps: ", ".join(ps) if isinstance(ps, list) else "")
    return out


# -- the window the timeline opens on --------------------------------------------------------------------

WINDOW_SHARE = 0.95  # the central share of dated events the default window reaches for
WINDOW_MARGIN_DAYS = 31  # how far past the publication span it may reach (or a tenth of that span, if more)


@dataclass(frozen=True)
class EventWindow:
    """Where a corpus's timeline opens: the publication span widened towards the central WINDOW_SHARE of the
    dated events, never further than a margin past the publication span; the dated events overlapping it and
    those outside it; the span of every dated event."""

    lo: date
    hi: date
    inside: int
    outside: int
    span: tuple[date, date]
    published: tuple[date, date]

    @property
    def share(self) -> float:
        """The share of dated events that overlap the window."""
        return self.inside / max(1, self.inside + self.outside)


def event_window(db: Corpus) -> EventWindow | None:
    """The window a corpus's timeline opens on, or None when it would hide nothing (one article, no dated
    event, no event outside it) or would hold fewer than half the dated events (a corpus about another time)."""
    span = event_span(db)
    p0, p1, n_docs = db.rows(r"""SELECT min(date[:10]), max(date[:10]), count(*) FROM articles
                                 WHERE regexp_full_match(coalesce(date, ''), '\d{4}-\d\d-\d\d.*')""")[0]
    if span is None or n_docs < 2:
        return None
    tail = (1 - WINDOW_SHARE) / 2
    q_lo, q_hi = db.rows("SELECT quantile_disc(date_start, ?), quantile_disc(date_end, ?) FROM event_rows "
                         "WHERE date_start IS NOT NULL", [tail, 1 - tail])[0]
    pub = (date.fromisoformat(p0), date.fromisoformat(p1))
    margin = timedelta(days=max(WINDOW_MARGIN_DAYS, (pub[1] - pub[0]).days // 10))
    lo = max(min(pub[0], date.fromisoformat(q_lo)), pub[0] - margin, span[0])
    hi = min(max(pub[1], date.fromisoformat(q_hi)), pub[1] + margin, span[1])
    if lo > hi:
        return None
    inside, outside = db.rows("""SELECT count(*) FILTER (WHERE date_start <= ? AND date_end >= ?),
                                        count(*) FILTER (WHERE NOT (date_start <= ? AND date_end >= ?))
                                 FROM event_rows WHERE date_start IS NOT NULL""",
                              [hi.isoformat(), lo.isoformat()] * 2)[0]
    if outside == 0 or inside < outside:
        return None
    return EventWindow(lo, hi, int(inside), int(outside), span, pub)


# -- stories ---------------------------------------------------------------------------------------------

STORY_SELECT = ("s.story_id, s.date, s.date_start, s.date_end, s.granularity, s.summary, s.sentence, s.actors, "
                "s.lead, s.n_articles, s.n_events")
OTHER_ACTORS, NOBODY = "other actors", "nobody named"


FINE = ("day", "week")  # stories drawn on a timeline; coarser ones (a month, a year) are listed, not drawn


def _story_where(db: Corpus, f: EventFilter, alias: str = "s", fine: bool = False) -> tuple[str, list]:
    """WHERE clause (never empty) and parameters for the stories whose date overlaps the filter's range and
    that have an event its actors and articles keep (only those dated to a day or a week with `fine`)."""
    db.ensure("stories")
    conds, params = ["true"], []
    if fine:
        conds.append(f"{alias}.granularity IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(FINE))
    if f.date_range:
        lo, hi = (d.isoformat() for d in f.date_range)
        conds.append(f"{alias}.date_start <= ? AND {alias}.date_end >= ?")
        params += [hi, lo]
    if f.actors or f.docs:
        where, p = _event_where(db, EventFilter(f.actors, f.docs), dated=True)
        conds.append(f"""{alias}.story_id IN (SELECT m.story_id FROM event_rows e
                         JOIN story_members m ON m.event_id = e.event_id WHERE {where})""")
        params += p
    return " AND ".join(conds), params


def story_count(db: Corpus, f: EventFilter = EventFilter(), fine: bool = False) -> int:
    """How many stories the filter keeps (only those dated to a day or a week with `fine`)."""
    where, params = _story_where(db, f, fine=fine)
    return db.value(f"SELECT count(*) FROM stories s WHERE {where}", params)


def stories(db: Corpus, f: EventFilter = EventFilter(), limit: int | None = None, order: str = "date",
            fine: bool = False) -> pd.DataFrame:
    """The stories the filter keeps (STORY_SELECT's columns; only those dated to a day or a week with `fine`),
    by date (or, with order='reports', those reported by most articles first); at most `limit`."""
    where, params = _story_where(db, f, fine=fine)
    by = {"date": "s.date_start, s.story_id", "reports": "s.n_articles DESC, s.n_events DESC, s.date_start, "
                                                         "s.story_id"}[order]
    sql = f"SELECT {STORY_SELECT} FROM stories s WHERE {where} ORDER BY {by}"
    return db.df(sql + (" LIMIT ?" if limit else ""), params + ([limit] if limit else []))


def story_bins(db: Corpus, f: EventFilter, unit: str, top: int = 8) -> pd.DataFrame:
    """Stories dated to a day or a week that the filter keeps, counted per `unit` ('day' or 'week') of their
    first day and leading actor (columns bin, lead, stories): the `top` leading actors by stories, the others as
    OTHER_ACTORS, stories without a named actor as NOBODY. A story dated only to a month or a year has no day
    to be counted on and is left out (the page says how many)."""
    if unit not in ("day", "week"):
        raise ValueError(f"bin by day or week, not {unit!r}")
    where, params = _story_where(db, f, fine=True)
    out = db.df(f"""SELECT CAST(date_trunc(?, CAST(s.date_start AS DATE)) AS DATE) AS bin, s.lead,
                           count(*) AS stories FROM stories s WHERE {where} GROUP BY ALL""", [unit] + params)
    totals = out.dropna(subset=["lead"]).groupby("lead")["stories"].sum()
    leading = set(totals.sort_values(ascending=False, kind="stable").head(top).index)
    out["lead"] = [NOBODY if not isinstance(x, str) else (x if x in leading else OTHER_ACTORS) for x in out["lead"]]
    out = out.groupby(["bin", "lead"], as_index=False)["stories"].sum()
    out["bin"] = pd.to_datetime(out["bin"])
    rank = {x: i for i, x in enumerate(totals.sort_values(ascending=False, kind="stable").index)}
    out["order"] = out["lead"].map(lambda x: rank.get(x, len(rank) + (x == NOBODY)))
    return out.sort_values(["order", "bin"], kind="stable").drop(columns="order").reset_index(drop=True)


def story(db: Corpus, story_id: str) -> dict | None:
    """One story (STORY_SELECT's columns, its first report) with `reports`: every article that reported it, by
    publication date, each with its title, date and the first of its events in the story."""
    db.ensure("stories")
    found = db.df(f"SELECT {STORY_SELECT}, s.first_doc, s.first_date FROM stories s WHERE s.story_id = ? LIMIT 1",
                  [story_id])
    if found.empty:
        return None
    out = found.iloc[0].to_dict()
    out["reports"] = db.df("""
        SELECT e.doc, coalesce(t.title, e.doc) AS title, a.date AS published, min_by(e.event_id, e.o) AS event_id,
               min_by(e.summary, e.o) AS summary, count(*) AS events
        FROM story_members m JOIN event_rows e ON e.event_id = m.event_id
        LEFT JOIN titles t ON t.doc = e.doc LEFT JOIN articles a ON a.doc = e.doc
        WHERE m.story_id = ? GROUP BY ALL ORDER BY published NULLS LAST, e.doc""", [story_id])
    return out


def story_of(db: Corpus, event_id: str) -> tuple[str, int] | None:
    """(the story an event belongs to, how many articles reported it), or None for an undated event."""
    db.ensure("stories")
    rows = db.rows("""SELECT s.story_id, s.n_articles FROM story_members m JOIN stories s ON s.story_id = m.story_id
                      WHERE m.event_id = ? LIMIT 1""", [event_id])
    return (rows[0][0], int(rows[0][1])) if rows else None


def story_table(s: pd.DataFrame) -> pd.DataFrame:
    """The columns the stories table shows, in order, actors joined as text."""
    out = s.reindex(columns=["story_id", "date", "n_articles", "summary", "actors", "lead"]).reset_index(drop=True)
    out["actors"] = out["actors"].map(lambda xs: ", ".join(_list(xs)))
    return out.rename(columns={"n_articles": "articles"})
