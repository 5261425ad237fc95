"""Speakers across articles: one person per normalised name, surnames joined, the aliases file wins."""
from __future__ import annotations

import pandas as pd
from _dashboard_data import build
from whosaid import store
from whosaid.corpus.persons import UNATTRIBUTED, apply_aliases, read_aliases
from whosaid.names import name_key


def tables(tmp_path, aliases=None):
    return apply_aliases(store.load_tables(build(tmp_path / "store")), aliases)


def test_the_same_person_in_two_articles_is_one_speaker(tmp_path):
    t = tables(tmp_path)
    persons = set(t["quotes"]["person"])
    assert persons == {"Jeff Sessions", "Rahm Emanuel"}
    merges = t["merges"].set_index(["doc", "name"])
    assert merges.loc[("b-lawsuit", "Sessions"), "person"] == "Jeff Sessions"
    assert merges.loc[("b-lawsuit", "Sessions"), "how"] == "surname"
    assert merges.loc[("a-sanctuary", "Jeff Sessions"), "how"] == "same name"


def test_aliases_file_overrides_and_keeps_apart(tmp_path):
    path = tmp_path / "aliases.tsv"
    path.write_text("# comment\nSessions\tSessions\nRahm Emanuel\tMayor Emanuel\n\nbroken line\n", encoding="utf-8")
    aliases = read_aliases(path)
    assert aliases == {"sessions": "Sessions", "rahm emanuel": "Mayor Emanuel"}
    t = tables(tmp_path, aliases)
    q = t["quotes"]
    # "Sessions" kept apart; the surname "Emanuel" follows Rahm Emanuel to the name the file gives him
    assert set(q.loc[q["doc"] == "b-lawsuit", "person"]) == {"Sessions", "Mayor Emanuel"}
    assert set(q.loc[q["doc"] == "a-sanctuary", "person"]) == {"Jeff Sessions", "Mayor Emanuel"}
    assert "aliases file" in set(t["merges"]["how"])


def test_missing_aliases_file_and_unattributed_quotes(tmp_path):
    assert read_aliases(tmp_path / "nope.tsv") == {}
    t = store.load_tables(build(tmp_path / "store"))
    t["quotes"].loc[0, "speaker_id"] = None
    assert apply_aliases(t)["quotes"].loc[0, "person"] == UNATTRIBUTED


def test_name_key_folds_case_space_article_and_possessive():
    assert name_key("  The  White House’s ") == "white house"
    assert name_key("JEFF\nSessions") == "jeff sessions"


def test_empty_store_has_empty_merges():
    t = apply_aliases(store.empty_tables())
    assert t["merges"].empty and isinstance(t["merges"], pd.DataFrame)


def test_a_surname_tagged_as_organisation_joins_the_person_named_beside_it(tmp_path):
    t = store.load_tables(build(tmp_path / "store"))
    sp = t["speakers"]
    sp.loc[(sp["doc"] == "b-lawsuit") & (sp["name"] == "Emanuel"), "kind"] = "ORG"
    merged = apply_aliases(t)
    q = merged["quotes"]
    assert set(q.loc[q["doc"] == "b-lawsuit", "person"]) == {"Jeff Sessions", "Emanuel"}  # no full name in b
    sp.loc[len(sp)] = {"doc": "b-lawsuit", "speaker_id": "s9", "name": "Rahm Emanuel", "kind": "PERSON",
                       "roles": [], "aliases": []}
    merged = apply_aliases(t)
    assert "Emanuel" not in set(merged["quotes"]["person"])
