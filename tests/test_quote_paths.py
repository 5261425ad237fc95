"""Quote paths: copies of one quotation in several articles (trimmed, lightly edited) are one path; other quotes of
the same speaker, short phrases and paraphrases that merely share words stay apart."""
from __future__ import annotations

import pandas as pd
from whosaid.corpus import PATH_COLUMNS, QUOTE_PATH_COLUMNS, build_paths

FULL = ("“How many times do we have to see this in our country? In Tulsa, an unarmed man with his hands in the "
        "air? I mean, this is just unbearable, and it needs to be intolerable,”")
TRIMMED = "“How many times do we have to see this in our country?”"
EDITED = ("\"How many times do we have to see this in our country - in Tulsa, an unarmed man with his hands in the "
          "air? I mean this is just unbearable and it needs to be intolerable.\"")
OTHER = "“We have got to do everything possible to improve policing, to go right at implicit bias.”"
PUB = {"huff": "2016-09-20", "west": "2016-09-21", "wapo": "2016-09-22", "nyt": "2016-09-23"}


def quote(doc: str, i: int, text: str, person: str = "hillary-clinton", kind: str = "direct") -> dict:
    """One row of the store's quotes table and its person."""
    return {"doc": doc, "quote_id": f"{doc}#q{i}", "text": text, "kind": kind, "start": 10 * i, "person_id": person}


def paths(rows: list[dict]) -> tuple[pd.DataFrame, dict[str, str]]:
    """(paths, quote id -> path id) for these quotes, articles dated by PUB."""
    quotes = pd.DataFrame(rows)
    articles = pd.DataFrame({"doc": list(PUB), "date": list(PUB.values())})
    out, members = build_paths(quotes, articles, quote_persons=quotes[["quote_id", "person_id"]])
    assert list(out.columns) == PATH_COLUMNS and list(members.columns) == QUOTE_PATH_COLUMNS
    assert sorted(members["quote_id"]) == sorted(quotes["quote_id"])  # every quote in exactly one path
    return out, dict(zip(members["quote_id"], members["path_id"]))


def test_a_trimmed_and_an_edited_copy_join_the_full_quotation():
    out, of = paths([quote("west", 0, FULL), quote("huff", 3, TRIMMED), quote("wapo", 1, EDITED)])
    assert of["west#q0"] == of["huff#q3"] == of["wapo#q1"]
    path = out.set_index("path_id").loc[of["west#q0"]]
    assert path["n_articles"] == 3 and path["n_quotes"] == 3
    assert path["first_doc"] == "huff" and path["first_date"] == "2016-09-20"  # published first
    assert list(path["docs"]) == ["huff", "west", "wapo"]
    assert path["text"] == TRIMMED


def test_another_quote_of_the_same_speaker_stays_apart():
    _, of = paths([quote("west", 0, FULL), quote("huff", 0, OTHER), quote("wapo", 0, TRIMMED)])
    assert of["west#q0"] == of["wapo#q0"] and of["huff#q0"] != of["west#q0"]


def test_short_phrases_and_paraphrases_that_share_words_stay_apart():
    rows = [quote("huff", 0, "to ban all Muslims", "unresolved-xenophobe", "indirect"),
            quote("west", 0, "to ban all Muslims", "unresolved-xenophobe", "indirect"),
            quote("wapo", 0, "a ban on Muslims entering the United States", "donald-trump", "indirect"),
            quote("nyt", 0, "that 65 percent of Republicans supported his call for a temporary ban on Muslims "
                            "entering the United States", "donald-trump", "indirect")]
    out, of = paths(rows)
    assert len(set(of.values())) == 4 and (out["n_articles"] == 1).all()


def test_two_named_speakers_need_near_identical_words():
    _, of = paths([quote("huff", 0, TRIMMED), quote("west", 0, TRIMMED.replace("?", "?!"), "barack-obama")])
    assert of["huff#q0"] == of["west#q0"]  # the same words: one article named the wrong speaker
    _, of = paths([quote("huff", 0, TRIMMED), quote("nyt", 0, FULL, "barack-obama")])
    assert of["nyt#q0"] != of["huff#q0"]  # a short copy inside a longer quote given to someone else


def test_a_copy_within_one_article_alone_is_no_path():
    _, of = paths([quote("huff", 0, FULL), quote("huff", 1, FULL)])
    assert of["huff#q0"] != of["huff#q1"]


def test_path_ids_are_stable():
    rows = [quote("west", 0, FULL), quote("huff", 3, TRIMMED)]
    assert paths(rows)[1] == paths(list(reversed(rows)))[1]


def test_a_short_paraphrase_is_a_copy_only_in_articles_published_close_together():
    text = "building a wall along the U.S.-Mexico border"
    rows = [quote("huff", 0, text, "donald-trump", "indirect"), quote("west", 0, text, "donald-trump", "indirect")]
    assert len(set(paths(rows)[1].values())) == 1  # published a day apart: a republished copy
    quotes = pd.DataFrame(rows)
    months = pd.DataFrame({"doc": ["huff", "west"], "date": ["2016-01-07", "2016-07-18"]})
    _, members = build_paths(quotes, months, quote_persons=quotes[["quote_id", "person_id"]])
    assert members["path_id"].nunique() == 2  # a stock description months apart
