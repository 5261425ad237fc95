"""What the pages show, asked of DuckDB: quote and event filters, paging, counts per speaker, mentions and
distinctive words; and, for every filter kind, the same rows as the pandas reference (what the pages showed
when they loaded every table whole into pandas)."""
from __future__ import annotations

from datetime import date

import _pandas_reference as ref
import pytest
from _dashboard_data import ROLES_PERSON, build, build_roles
from whosaid import store
from whosaid.dashboard import queries
from whosaid.dashboard.db import Corpus
from whosaid.dashboard.queries import EventFilter, QuoteFilter


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return build(tmp_path_factory.mktemp("store"))


@pytest.fixture(scope="module")
def db(root):
    corpus = Corpus(root, "test")
    assert corpus.wait(60)  # the in-memory copy of the quotes is made
    yield corpus
    corpus.close()


@pytest.fixture(scope="module")
def cold(root):
    """The same store before the quotes are copied into memory: the view over the Parquet files answers."""
    corpus = Corpus(root, "test", warm=False)
    yield corpus
    corpus.close()


@pytest.fixture(scope="module")
def reference(root):
    return ref.load(root)


def test_filter_quotes_by_speaker_kind_text_and_date(db):
    q = queries.quotes(db)
    assert len(q) == 6 == queries.quote_count(db)
    sessions = queries.quotes(db, QuoteFilter.of(persons=["Jeff Sessions"]))
    assert len(sessions) == 4 and set(sessions["doc"]) == {"a-sanctuary", "b-lawsuit"}
    assert set(queries.quotes(db, QuoteFilter.of(kinds=["indirect"]))["kind"]) == {"indirect"}
    assert list(queries.quotes(db, QuoteFilter.of(text="LAWSUIT"))["text"]) == ['"The lawsuit is frivolous,"']
    in_2018 = queries.quotes(db, QuoteFilter.of(date_range=(date(2018, 1, 1), date(2018, 12, 31))))
    assert set(in_2018["doc"]) == {"b-lawsuit"}
    assert queries.quotes(db, QuoteFilter.of(persons=["Rahm Emanuel"], docs=["b-lawsuit"], kinds=["direct"])).empty
    assert queries.quote_count(db, QuoteFilter.of(text="no such words")) == 0


def test_text_search_takes_wildcards_literally(db):
    assert queries.quote_count(db, QuoteFilter.of(text="%")) == 0
    assert queries.quote_count(db, QuoteFilter.of(text="_")) == 0
    assert queries.quote_count(db, QuoteFilter.of(text="'; DROP TABLE quotes; --")) == 0
    assert queries.quote_count(db) == 6


PERSONS = [["Jeff Sessions"], ["Rahm Emanuel"], ["Jeff Sessions", "Rahm Emanuel"], ["(unattributed)"], ["Nobody"]]
DATES = [(date(2018, 1, 1), date(2018, 12, 31)), (date(2017, 8, 13), date(2017, 8, 19)), (date(2016, 1, 1), date(2016, 2, 1))]
TEXTS = ["LAWSUIT", "sessions", "city", "cave to", "emanuel", "", "zzz"]


def _quote_filters() -> list[dict]:
    kinds = [["direct"], ["indirect", "mixed"]]
    docs = [["a-sanctuary"], ["b-lawsuit", "a-sanctuary"]]
    out = [{"persons": p} for p in PERSONS] + [{"docs": d} for d in docs] + [{"kinds": k} for k in kinds]
    out += [{"date_range": r} for r in DATES] + [{"text": t} for t in TEXTS]
    out += [{"persons": ["Jeff Sessions"], "kinds": ["direct"], "date_range": DATES[0], "text": "the"},
            {"persons": ["Rahm Emanuel"], "docs": ["a-sanctuary"], "text": "pressure"}]
    return out


@pytest.mark.parametrize("which", ["memory", "parquet"])
@pytest.mark.parametrize("kw", _quote_filters(), ids=lambda kw: ",".join(f"{k}={v}" for k, v in kw.items()))
def test_quotes_match_the_pandas_reference(db, cold, reference, which, kw):
    corpus = db if which == "memory" else cold
    _, qv, _, _ = reference
    expected = ref.quote_table(ref.filter_quotes(qv, **kw))
    f = QuoteFilter.of(**kw)
    got = queries.quote_table(queries.quotes(corpus, f))
    assert got.astype(str).equals(expected.astype(str))  # the same rows, columns and order (the store's)
    assert queries.quote_count(corpus, f) == len(expected)
    assert queries.kind_counts(corpus, f).astype(str).equals(ref.kind_counts(ref.filter_quotes(qv, **kw)).astype(str))


def test_paging_walks_the_same_rows_in_order(db):
    everything = list(queries.quotes(db)["quote_id"])
    pages = [list(queries.quotes(db, QuoteFilter(), page, 4)["quote_id"]) for page in (1, 2, 3)]
    assert pages[0] == everything[:4] and pages[1] == everything[4:] and pages[2] == []
    sessions = QuoteFilter.of(persons=["Jeff Sessions"])
    two = [list(queries.quotes(db, sessions, page, 2)["quote_id"]) for page in (1, 2)]
    assert two[0] + two[1] == list(queries.quotes(db, sessions)["quote_id"])
    assert queries.articles_table(db, 2, 1)["doc"].tolist() == ["b-lawsuit"]


def test_speaker_quotes_by_date_undated_last(db, reference):
    _, qv, _, _ = reference
    mine = qv[qv["person"] == "Jeff Sessions"]
    expected = mine.sort_values(["date_start", "doc", "start"], na_position="last", kind="stable")["quote_id"]
    got = queries.quotes(db, QuoteFilter.of(persons=["Jeff Sessions"]), order="date")["quote_id"]
    assert list(got) == list(expected)


def test_kind_counts_most_quoted_first(db):
    counts = queries.kind_counts(db)
    assert counts["person"].iloc[0] == "Jeff Sessions"
    by = counts.set_index(["person", "kind"])["quotes"]
    assert by[("Jeff Sessions", "direct")] == 2 and by[("Jeff Sessions", "indirect")] == 2
    assert by[("Rahm Emanuel", "indirect")] == 1
    assert queries.persons_by_weight(db) == ["Jeff Sessions", "Rahm Emanuel"]
    top = queries.kind_counts(db, top=1)
    assert set(top["person"]) == {"Jeff Sessions"}
    assert set(queries.kind_counts(db, top=1, also=["Rahm Emanuel"])["person"]) == {"Jeff Sessions", "Rahm Emanuel"}
    table = queries.speaker_table(counts, {"Rahm Emanuel": ["Mayor"]}).set_index("person")
    assert table.loc["Jeff Sessions", "total"] == 4 and table.loc["Rahm Emanuel", "roles"] == "Mayor"


def test_events_filter_by_actor_and_split_undated(db):
    assert queries.event_counts(db) == (5, 1)
    undated = queries.events(db, dated=False)
    assert len(undated) == 1 and "Officials met" in undated.iloc[0]["sentence"]
    assert undated.iloc[0]["date_start"] is None
    emanuel = queries.events(db, EventFilter.of(actors=["Rahm Emanuel"]))
    assert len(emanuel) == 1 and "We will not cave" in emanuel.iloc[0]["sentence"]
    # the surname "Sessions" among actors is the merged person
    assert len(queries.events(db, EventFilter.of(actors=["Jeff Sessions"]))) == 3
    dated = queries.events(db, dated=True)
    month = dated[dated["granularity"] == "month"].iloc[0]
    assert (month["date_start"], month["date_end"]) == ("2017-07-01", "2017-07-31")
    ranged = queries.events(db, EventFilter.of(date_range=(date(2017, 7, 10), date(2017, 7, 12))))
    assert set(ranged["granularity"]) == {"month", "year"}  # spans overlap the range, day events do not
    assert list(dated["date"]) == ["2017", "2017-07", "2017-08-16", "2017-08-16", "2018-03-01"]  # by date


ACTORS = [["Jeff Sessions"], ["Rahm Emanuel"], ["Miami"], ["Jeff Sessions", "Rahm Emanuel"], ["Nobody"]]


def _event_filters() -> list[dict]:
    out = [{"actors": a} for a in ACTORS] + [{"docs": ["b-lawsuit"]}, {"docs": ["a-sanctuary", "b-lawsuit"]}]
    out += [{"date_range": r} for r in DATES] + [{"date_range": (date(2017, 7, 10), date(2017, 7, 12))}]
    out += [{"actors": ["Jeff Sessions"], "date_range": (date(2017, 8, 1), date(2018, 12, 31))},
            {"actors": ["Jeff Sessions"], "docs": ["b-lawsuit"]}]
    return out


@pytest.mark.parametrize("which", ["memory", "parquet"])
@pytest.mark.parametrize("kw", _event_filters(), ids=lambda kw: ",".join(f"{k}={v}" for k, v in kw.items()))
def test_events_match_the_pandas_reference(db, cold, reference, which, kw):
    corpus = db if which == "memory" else cold
    _, _, ev, _ = reference
    expected = ref.filter_events(ev, **kw)
    exp_dated, _ = ref.split_dated(expected)
    got = queries.events(corpus, EventFilter.of(**kw))
    key = ["event_id", "date", "date_start", "date_end", "granularity", "how", "summary", "sentence", "title", "doc"]
    assert sorted(map(tuple, got[key].astype(str).values)) == sorted(map(tuple, expected[key].astype(str).values))
    assert dict(zip(got["event_id"], got["persons"])) == dict(zip(expected["event_id"], expected["persons"]))
    everywhere = ref.filter_events(ev, kw.get("actors", ()), kw.get("docs", ()))
    assert queries.event_counts(corpus, EventFilter.of(**kw)) == (len(exp_dated), int(everywhere["date_start"].isna().sum()))
    assert list(queries.events(corpus, EventFilter.of(**kw), dated=True)["event_id"]) == list(
        exp_dated.sort_values("date_start", kind="stable")["event_id"])


def test_actors_are_everyone_who_speaks_or_acts_in_an_event(db, reference):
    _, _, ev, _ = reference
    assert sorted(queries.actors_in_events(db)) == sorted({p for ps in ev["persons"] for p in ps})
    assert queries.known(db, "actor", ["Miami", "Nobody"]) == {"Miami"}


def test_events_binned_by_day_and_week(db):
    days = queries.event_bins(db, EventFilter(), "day")
    assert days["events"].sum() == 5 and len(days) == 4  # two events on 2017-08-16
    weeks = queries.event_bins(db, EventFilter.of(docs=["a-sanctuary"]), "week")
    assert weeks["events"].sum() == 3 and all(d.weekday() == 0 for d in weeks["bin"])  # weeks start on Monday
    assert queries.event_extent(db, EventFilter()) == (date(2017, 1, 1), date(2018, 3, 1))


def test_quotes_around_a_date(db):
    near = queries.quotes_around(db, "2017-08-15", "2017-08-15", days=3)
    assert set(near["doc"]) == {"a-sanctuary"}
    assert queries.quotes_around(db, "2016-01-01", "2016-01-01").empty


def test_roles_mentions_and_distinctive_words(db, reference):
    t, qv, _, _ = reference
    roles = queries.roles_by_person(db, ["Jeff Sessions", "Rahm Emanuel"])
    assert roles["Jeff Sessions"] == ["Attorney General"] and roles["Rahm Emanuel"] == ["Mayor"]
    assert roles == {p: r for p, r in ref.roles_by_person(t["speakers"]).items() if p in roles}
    named = queries.mentions(db, "Rahm Emanuel")
    assert list(named["person"]) == ["Jeff Sessions"]
    assert queries.mentions(db, "Jeff Sessions").empty
    words = queries.distinctive_words(db, "Rahm Emanuel")
    assert {"cave", "court"} <= set(words["word"])
    assert not {"lawsuit", "frivolous"} & set(words["word"])
    assert words["z"].is_monotonic_decreasing
    expected = ref.distinctive_words(qv, "Rahm Emanuel")
    assert list(words["word"]) == list(expected["word"]) and (abs(words["z"] - expected["z"]) < 1e-9).all()


def test_overview_and_articles_table(db, reference):
    t, _, _, _ = reference
    facts = queries.overview(db)
    assert (facts["articles"], facts["quotes"], facts["speakers"]) == (2, 6, 2)
    assert (facts["published_from"], facts["published_to"]) == ("2017-08-16", "2018-03-01")
    assert facts == ref.overview(t)
    table = queries.articles_table(db).set_index("doc")
    assert table.loc["b-lawsuit", "date from"] == "text" and table.loc["b-lawsuit", "confidence"] == 0.6
    assert table.loc["a-sanctuary", "source"] == "https://example.org/a"
    assert queries.articles_table(db).astype(str).equals(ref.articles_table(t).astype(str))


def test_lookups_for_links(db, reference):
    assert queries.known(db, "quote", ["b-lawsuit#q1", "nope"]) == {"b-lawsuit#q1"}
    assert queries.known(db, "event", ["a-sanctuary#e2"]) == {"a-sanctuary#e2"}
    assert queries.known(db, "person", ["Jeff Sessions", "(unattributed)", "Sessions"]) == {"Jeff Sessions"}
    assert queries.doc_of(db, "quote", "b-lawsuit#q1") == "b-lawsuit"
    assert queries.first_quote_in(db, "a-sanctuary", 0, 10_000) == "a-sanctuary#q0"
    _, qv, ev, _ = reference
    assert queries.quote_span(db) == ref.full_span(qv["date_start"], qv["date_end"]) == (date(2017, 8, 16),
                                                                                          date(2018, 3, 1))
    assert queries.event_span(db) == ref.full_span(ev["date_start"], ev["date_end"])
    merges, n = queries.merges(db, "Jeff Sessions")
    assert n == 2 and set(merges["name"]) == {"Jeff Sessions", "Sessions"}


def test_surnames_in_quotes_match_people_only(tmp_path):
    from _dashboard_data import extractions
    from whosaid import store

    exs = extractions()
    for q in exs[0].quotes + exs[1].quotes:
        if q.speaker in ("Jeff Sessions", "Sessions"):
            q.text = "Emanuel and Chicago are wrong."
    exs[1].speakers.append(exs[1].speakers[0].__class__("s2", "City of Chicago", "GPE", [], []))
    store.upsert(tmp_path, [(ex, ex.article.doc) for ex in exs])
    corpus = Corpus(tmp_path, "v", warm=False)
    named = queries.mentions(corpus, "Jeff Sessions")
    assert list(named["person"]) == ["Rahm Emanuel"]  # "Chicago" is not the surname of the city
    corpus.close()


def test_an_empty_store_answers_with_nothing(tmp_path):
    corpus = Corpus(tmp_path / "none", "", warm=False)
    assert queries.overview(corpus)["articles"] == 0 and queries.quotes(corpus).empty
    assert queries.events(corpus).empty and queries.event_counts(corpus) == (0, 0)
    assert queries.quote_span(corpus) is None and queries.persons_by_weight(corpus) == []
    corpus.close()


def test_no_default_window_when_nothing_lies_far_off(db):
    # the two articles' events (2017 to March 2018) all touch the publication span widened by a month or more
    assert queries.event_window(db) is None


def test_stories_of_a_store_without_stored_ones_are_computed(db):
    # the hand-made store was written without the build's corpus step: its stories are made from its events
    assert queries.story_count(db) == 5  # every dated event of two articles that report nothing alike
    assert queries.story_count(db, queries.EventFilter(actors=("Rahm Emanuel",))) == 1
    one = queries.story(db, queries.stories(db, queries.EventFilter(docs=("b-lawsuit",)), order="date",
                                            fine=True)["story_id"].iloc[0])
    assert list(one["reports"]["doc"]) == ["b-lawsuit"] and one["n_articles"] == 1


def test_a_persons_roles_read_most_articles_first(tmp_path):
    build_roles(tmp_path)
    corpus = Corpus(tmp_path, store.store_version(tmp_path), warm=False)
    try:
        assert queries.roles_by_person(corpus, [ROLES_PERSON]) == {ROLES_PERSON: ["Senator", "Mayor", "Former mayor"]}
    finally:
        corpus.close()
