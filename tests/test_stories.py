"""Stories: one happening reported by several articles is one story; other happenings, days and chains stay apart."""
from __future__ import annotations

import pandas as pd
from whosaid.corpus import MEMBER_COLUMNS, STORY_COLUMNS, build_stories
from whosaid.corpus.stories import SAME_DOER_BONUS, cluster_events

FILLER = ["said the campaign was going well", "said the poll was wrong", "spoke at a rally in Iowa",
          "said voters were angry", "met donors in New York", "said the debate was rigged"]


def event(doc: str, i: int, sentence: str, summary: str, day: str | None, actors: list[str], *,
          how: str = "explicit", kind: str = "event") -> dict:
    """One row of the store's events table, dated to a day (or undated)."""
    return {"doc": doc, "event_id": f"{doc}#e{i}", "start": 0, "end": len(sentence), "sentence": sentence,
            "summary": summary, "date": day, "date_start": day, "date_end": day,
            "granularity": "day" if day else None, "how": how if day else "unknown", "actors": actors, "kind": kind}


def tables(rows: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Events (with unrelated filler events, so that word weights mean something) and their articles."""
    rows = rows + [event(f"filler{k}", 0, f"Trump {f} on Tuesday.", f"Trump {f}", f"2016-0{k + 1}-01", ["Trump"])
                   for k, f in enumerate(FILLER)]
    events = pd.DataFrame(rows)
    docs = sorted(set(events["doc"]))
    pub = {"politico_b": "2016-03-01", "nyt_a": "2016-03-02"}
    articles = pd.DataFrame({"doc": docs, "date": [pub.get(d, "2016-03-02") for d in docs]})
    return events, articles


CRUZ_NYT = event("nyt_a", 0, "Ted Cruz won the Oklahoma primary on Tuesday, beating Donald Trump.",
                 "Ted Cruz won the Oklahoma primary", "2016-03-01", ["Ted Cruz", "Oklahoma", "Donald Trump"])
CRUZ_POLITICO = event("politico_b", 3, "Sen. Ted Cruz captured the Oklahoma primary Tuesday, beating Trump there.",
                      "Sen. Ted Cruz captured the Oklahoma primary", "2016-03-01", ["Ted Cruz", "Oklahoma", "Trump"],
                      how="publication")


def story_of(members: pd.DataFrame) -> dict[str, str]:
    """event id -> story id."""
    return dict(zip(members["event_id"], members["story_id"]))


def test_two_outlets_reporting_one_happening_make_one_story():
    events, articles = tables([CRUZ_NYT, CRUZ_POLITICO])
    stories, members = build_stories(events, articles)
    of = story_of(members)
    assert of["nyt_a#e0"] == of["politico_b#e3"]
    story = stories.set_index("story_id").loc[of["nyt_a#e0"]]
    assert story["n_articles"] == 2 and story["n_events"] == 2
    assert story["first_doc"] == "politico_b" and story["first_date"] == "2016-03-01"  # the earlier report
    assert list(story["docs"]) == ["politico_b", "nyt_a"]
    assert story["date"] == "2016-03-01" and story["granularity"] == "day"
    assert "Ted Cruz" in list(story["actors"])
    assert "Oklahoma" in story["summary"]


def test_the_same_day_and_actor_but_another_happening_stays_apart():
    rally = event("usat_c", 1, "Donald Trump mocked Jeb Bush at a rally in Virginia on Tuesday.",
                  "Donald Trump mocked Jeb Bush", "2016-03-01", ["Donald Trump", "Jeb Bush", "Virginia"])
    rival = event("wapo_d", 2, "Sen. Bernie Sanders captured the Oklahoma primary Tuesday, beating Clinton there.",
                  "Sen. Bernie Sanders captured the Oklahoma primary", "2016-03-01", ["Bernie Sanders", "Oklahoma"])
    events, articles = tables([CRUZ_NYT, rally, rival])
    of = story_of(build_stories(events, articles)[1])
    assert len({of["nyt_a#e0"], of["usat_c#e1"], of["wapo_d#e2"]}) == 3  # another deed; another doer


def test_the_same_actor_on_another_day_stays_apart():
    later = event("wapo_d", 0, "Ted Cruz won the Idaho primary on Tuesday, beating Donald Trump.",
                  "Ted Cruz won the Idaho primary", "2016-03-08", ["Ted Cruz", "Idaho", "Donald Trump"])
    events, articles = tables([CRUZ_NYT, later])
    of = story_of(build_stories(events, articles)[1])
    assert of["nyt_a#e0"] != of["wapo_d#e0"]


def test_a_chain_of_look_alikes_does_not_glue_its_ends():
    a = event("nyt_a", 0, "Trump attacked the Federal Reserve and Janet Yellen over low interest rates.",
              "Trump attacked the Federal Reserve", "2016-09-12", ["Trump", "Federal Reserve", "Janet Yellen"])
    b = event("wapo_b", 0, "Trump attacked Janet Yellen over interest rates and praised coal miners in Ohio.",
              "Trump attacked Janet Yellen", "2016-09-12", ["Trump", "Janet Yellen", "Ohio"])
    c = event("usat_c", 0, "Trump praised coal miners in Ohio and promised them jobs.",
              "Trump praised coal miners", "2016-09-12", ["Trump", "Ohio"])
    events, articles = tables([a, b, c])
    _, found = cluster_events(events.sort_values("event_id").reset_index(drop=True))
    assert sorted(found["similarities"].values())[-2] >= 0.45  # A~B and B~C: single link would chain A to C
    of = story_of(build_stories(events, articles)[1])
    assert of["nyt_a#e0"] == of["wapo_b#e0"]
    assert of["usat_c#e0"] != of["nyt_a#e0"]


def test_ids_are_stable_for_the_same_input_in_any_order():
    events, articles = tables([CRUZ_NYT, CRUZ_POLITICO])
    first, first_members = build_stories(events, articles)
    again, again_members = build_stories(events.sample(frac=1, random_state=3), articles)
    pd.testing.assert_frame_equal(first, again)
    pd.testing.assert_frame_equal(first_members, again_members)


def test_every_dated_event_is_in_one_story_and_undated_ones_in_none():
    undated = event("nyt_a", 5, "Ted Cruz could win Oklahoma.", "Ted Cruz could win Oklahoma", None, ["Ted Cruz"])
    question = event("usat_c", 0, "Did Ted Cruz win the Oklahoma primary on Tuesday, beating Donald Trump?",
                     "Ted Cruz win the Oklahoma primary", "2016-03-01", ["Ted Cruz", "Oklahoma", "Donald Trump"])
    events, articles = tables([CRUZ_NYT, CRUZ_POLITICO, undated, question])
    stories, members = build_stories(events, articles)
    assert list(stories.columns) == STORY_COLUMNS and list(members.columns) == MEMBER_COLUMNS
    dated = set(events.loc[events["date_start"].notna(), "event_id"])
    assert set(members["event_id"]) == dated and members["event_id"].is_unique
    assert stories["n_events"].sum() == len(dated)
    of = story_of(members)
    assert of["usat_c#e0"] != of["nyt_a#e0"]  # a question is no report of the happening
    assert stories["story_id"].is_unique


def test_no_dated_events_give_empty_tables_with_their_columns():
    events, articles = tables([])
    stories, members = build_stories(events[events["date_start"].isna()], articles)
    assert stories.empty and list(stories.columns) == STORY_COLUMNS
    assert members.empty and list(members.columns) == MEMBER_COLUMNS


def together(rows: list[dict], a: str, b: str, **options) -> bool:
    """Whether events `a` and `b` (event ids) of `rows` end in one group of cluster_events with `options`."""
    events, _ = tables(rows)
    events = events.sort_values("event_id").reset_index(drop=True)
    groups, _ = cluster_events(events, **options)
    at = {e: k for k, g in enumerate(groups) for e in events.loc[g, "event_id"]}
    return at[a] == at[b]


TALLY_A = event("ap_a", 0, "Ted Cruz has 370 delegates, Kasich has 129 and Rubio left the race with 163.",
                "Kasich has Ted Cruz has 370 delegates", "2016-03-15", ["Ted Cruz", "Kasich", "Marco Rubio"])
TALLY_B = event("ap_b", 0, "Ted Cruz has 370 delegates, Marco Rubio has 163 and John Kasich has 63.",
                "Marco Rubio has Ted Cruz has 370 delegates", "2016-03-15", ["Ted Cruz", "Marco Rubio", "John Kasich"])


def test_summaries_headed_by_different_names_that_both_sentences_name_are_one_story():
    events, articles = tables([TALLY_A, TALLY_B])
    of = story_of(build_stories(events, articles)[1])
    assert of["ap_a#e0"] == of["ap_b#e0"]  # Kasich and Rubio are actors of both: one tally, not two doers


def test_different_doers_that_the_other_sentence_does_not_name_stay_apart():
    cruz = event("ap_a", 0, "Ted Cruz won the Idaho primary on Tuesday with 45 percent of the vote.",
                 "Ted Cruz won the Idaho primary", "2016-03-08", ["Ted Cruz", "Idaho"])
    kasich = event("ap_b", 0, "John Kasich won the Idaho primary on Tuesday with 45 percent of the vote.",
                   "John Kasich won the Idaho primary", "2016-03-08", ["John Kasich", "Idaho"])
    events, articles = tables([cruz, kasich])
    of = story_of(build_stories(events, articles)[1])
    assert of["ap_a#e0"] != of["ap_b#e0"]


RYAN_A = event("ap_a", 0, "Paul Ryan says he's not ready to support Trump.",
               "Paul Ryan says he's not ready to support Trump.", "2016-05-05", ["Paul Ryan", "Trump"],
               how="inherited")
RYAN_B = event("wapo_b", 0, "On Thursday, Ryan said he was “not ready” to support Trump’s campaign for president, "
               "and suggested that Trump unify the party.",
               "Paul Ryan said he was “not ready” to support Trump’s campaign", "2016-05-05", ["Paul Ryan", "Trump"])


def test_the_same_doer_doing_the_same_thing_in_other_words_is_one_story():
    assert not together([RYAN_A, RYAN_B], "ap_a#e0", "wapo_b#e0", same_doer_bonus=0.0)  # words alone: apart
    events, articles = tables([RYAN_A, RYAN_B])
    of = story_of(build_stories(events, articles)[1])
    assert of["ap_a#e0"] == of["wapo_b#e0"]


def test_the_same_doer_on_the_same_day_doing_another_thing_stays_apart():
    bill = event("ap_a", 0, "Senate Majority Leader Mitch McConnell, R-Ky., is attempting to push a bill through the "
                 "chamber on Tuesday.", "Senate Majority Leader Mitch McConnell is attempting to push a bill",
                 "2016-09-27", ["Senate Majority Leader Mitch McConnell", "R-Ky."])
    veto = event("wapo_b", 0, "“Our assumption is that the veto will be overridden,” Senate Majority Leader Mitch "
                 "McConnell, R-Ky., said on Tuesday.", "Senate Majority Leader Mitch McConnell said: Our assumption is "
                 "that the veto will be overridden", "2016-09-27", ["Senate Majority Leader Mitch McConnell", "R-Ky."])
    events, articles = tables([bill, veto])
    _, found = cluster_events(events.sort_values("event_id").reset_index(drop=True))
    assert 0.45 - SAME_DOER_BONUS <= max(found["similarities"].values()) < 0.45  # the bonus alone would merge them
    of = story_of(build_stories(events, articles)[1])
    assert of["ap_a#e0"] != of["wapo_b#e0"]  # but only the names, the day and stop words are shared: no bonus
