"""Corpus persons from hand-made speakers: merges that must happen, merges that must not, types, roles, ids."""
from __future__ import annotations

import pandas as pd
from whosaid.corpus.persons import UNATTRIBUTED, apply_aliases, build_persons, name_index

SPEAKERS = [  # doc, speaker_id, name, kind, roles
    ("a", "s0", "Donald Trump", "PERSON", ["Republican nominee"]),
    ("a", "s1", "they", "OTHER", []),
    ("b", "s0", "Donald J. Trump", "PERSON", []),
    ("b", "s1", "Trump", "ORG", []),
    ("c", "s0", "Rip Donald Trump", "PERSON", []),
    ("c", "s1", "Hillary Rodham Clinton", "PERSON", ["Democratic nominee"]),
    ("d", "s0", "Hillary Clinton", "PERSON", []),
    ("d", "s1", "Hilary Clinton", "PERSON", []),
    ("d", "s2", "Rival Hillary Clinton", "PERSON", []),
    ("e", "s0", "Ivanka Trump", "PERSON", []),
    ("e", "s1", "Donald Trump", "PERSON", []),
    ("e", "s2", "Trump", "PERSON", []),
    ("f", "s0", "Bill Clinton", "PERSON", ["former president"]),
    ("f", "s1", "Hillary Clinton", "PERSON", []),
    ("f", "s2", "Clinton", "PERSON", []),
    ("g", "s0", "Republicans", "ORG", []),
    ("g", "s1", "the report", "OTHER", []),
    ("g", "s2", "Trump campaign", "ORG", []),
    ("g", "s3", "the official", "OTHER", []),
    ("g", "s4", "it", "OTHER", []),
    ("h", "s0", "Donald Trump Jr", "PERSON", []),
    ("i", "s0", "Trump", "PERSON", []),
    *[(doc, "s0", "Donald Trump", "PERSON", []) for doc in "jklm"],  # so the corpus's Trump is Donald
]
TEXTS = {"e": "Ivanka Trump spoke before her father Donald Trump. Trump said ...",
         "f": "Former President Bill Clinton campaigned for Hillary Clinton. Clinton said ..."}


def tables():
    sp = pd.DataFrame([{"doc": d, "speaker_id": s, "name": n, "kind": k, "roles": r, "aliases": []}
                       for d, s, n, k, r in SPEAKERS])
    q = pd.DataFrame([{"doc": d, "quote_id": f"{d}#q{i}", "speaker": n, "speaker_id": s, "kind": "direct",
                       "speaker_spans": [[10 * i, 10 * i + 5]]} for i, (d, s, n, _, _) in enumerate(SPEAKERS)]
                     + [{"doc": "a", "quote_id": "a#q99", "speaker": None, "speaker_id": None, "kind": "direct",
                         "speaker_spans": []}])
    arts = pd.DataFrame({"doc": list(TEXTS), "text": list(TEXTS.values())})
    return sp, q, arts


def persons_of(**kw):
    sp, q, arts = tables()
    persons, qp, merges = build_persons(sp, q, articles=arts, **kw)
    return persons, qp, merges.set_index(["doc", "speaker_id"])


def test_full_name_variants_prefixes_and_surnames_join_one_person():
    _, _, m = persons_of()
    trump = m.loc[("a", "s0"), "person_id"]
    for key in [("b", "s0"), ("b", "s1"), ("c", "s0"), ("i", "s0")]:
        assert m.loc[key, "person_id"] == trump, key
    assert m.loc[("b", "s0"), "how"] == "middle name"
    assert m.loc[("c", "s0"), "how"] == "words dropped" and "Rip" in m.loc[("c", "s0"), "why"]
    assert m.loc[("b", "s1"), "how"] == "surname"
    hillary = m.loc[("d", "s0"), "person_id"]
    assert {m.loc[k, "person_id"] for k in [("c", "s1"), ("d", "s1"), ("d", "s2")]} == {hillary}
    assert m.loc[("d", "s1"), "how"] == "near-miss spelling"  # same article names Hillary Clinton


def test_the_same_surname_in_one_article_stays_apart_and_follows_the_first_named():
    _, _, m = persons_of()
    assert m.loc[("e", "s0"), "person_id"] != m.loc[("e", "s1"), "person_id"]  # Ivanka and Donald Trump
    assert m.loc[("e", "s2"), "person_id"] == m.loc[("e", "s0"), "person_id"]  # named first: Ivanka
    assert m.loc[("f", "s0"), "person_id"] != m.loc[("f", "s1"), "person_id"]  # Bill and Hillary Clinton
    assert m.loc[("f", "s2"), "person"] == "Bill Clinton"
    assert "first" in m.loc[("f", "s2"), "why"]
    assert m.loc[("h", "s0"), "person_id"] != m.loc[("a", "s0"), "person_id"]  # Donald Trump Jr


def test_near_miss_without_evidence_stays_apart():
    sp, q, _ = tables()
    sp = sp[~((sp["doc"] == "d") & (sp["speaker_id"] != "s1"))]
    _, _, merges = build_persons(sp, q)
    assert "Hilary Clinton" in set(merges["person"])


def test_types_and_unresolved_never_a_person():
    persons, qp, m = persons_of()
    types = {m.loc[k, "name"]: m.loc[k, "type"] for k in m.index}
    assert types["Republicans"] == "group" and types["the report"] == "source"
    assert types["Trump campaign"] == "organisation"
    assert types["they"] == types["it"] == types["the official"] == "unresolved"
    assert set(persons.loc[persons["type"] == "unresolved", "name"]) >= {"they", "it", "the official", UNATTRIBUTED}
    assert qp.set_index("quote_id").loc["a#q99", "person_id"] == "unattributed"
    assert "it" not in name_index(m.reset_index())


def test_roles_come_with_their_article_and_only_the_own_mention():
    persons, _, _ = persons_of()
    row = persons.set_index("name").loc["Donald Trump"]
    assert row["roles"] == [{"role": "Republican nominee", "doc": "a"}]
    assert {"name": "Donald J. Trump", "n_quotes": 1} in row["variants"]
    assert row["type"] == "person" and row["n_articles"] >= 4


def test_aliases_override_and_keep_apart():
    _, _, m = persons_of(aliases={"hilary clinton": "Hilary Clinton", "bill clinton": "President Clinton"})
    assert m.loc[("d", "s1"), "person"] == "Hilary Clinton" and m.loc[("d", "s1"), "how"] == "same name"
    assert m.loc[("d", "s1"), "person_id"] != m.loc[("d", "s0"), "person_id"]  # mapped to itself: apart
    assert m.loc[("f", "s0"), "person"] == "President Clinton" and m.loc[("f", "s0"), "how"] == "aliases file"


def test_person_ids_are_stable_and_readable():
    a, _, _ = persons_of()
    sp, q, arts = tables()
    b, _, _ = build_persons(sp.iloc[::-1], q.iloc[::-1], articles=arts)
    assert dict(zip(a["name"], a["person_id"])) == dict(zip(b["name"], b["person_id"]))
    assert a.set_index("name").loc["Donald Trump", "person_id"] == "donald-trump"
    assert a["person_id"].is_unique


def test_apply_aliases_marks_unresolved_quotes_unattributed():
    sp, q, arts = tables()
    t = apply_aliases({"speakers": sp, "quotes": q, "articles": arts})
    got = t["quotes"].set_index("quote_id")
    assert got.loc["a#q1", "person"] == UNATTRIBUTED and got.loc["a#q1", "person_type"] == "unresolved"
    assert got.loc["a#q0", "person"] == "Donald Trump" and got.loc["a#q0", "person_id"] == "donald-trump"
    assert set(t) >= {"persons", "merges"}


def test_a_nickname_made_of_initials_joins_the_full_name():
    rows = [("a", "s0", "Jeb Bush", "PERSON"), ("b", "s0", "John Ellis Bush", "PERSON"),
            ("c", "s0", "George Walker Bush", "PERSON"), ("d", "s0", "Jeb Bush", "PERSON")]
    sp = pd.DataFrame([{"doc": d, "speaker_id": s, "name": n, "kind": k, "roles": [], "aliases": []}
                       for d, s, n, k in rows])
    q = pd.DataFrame([{"doc": d, "quote_id": f"{d}#q0", "speaker": n, "speaker_id": s, "kind": "direct",
                       "speaker_spans": [[0, 5]]} for d, s, n, _ in rows])
    _, _, m = build_persons(sp, q)
    m = m.set_index("doc")
    assert m.loc["b", "person"] == "Jeb Bush" and m.loc["b", "how"] == "initials"
    assert "John Ellis Bush" in m.loc["b", "why"]
    assert m.loc["c", "person"] == "George Walker Bush"  # initials G. W. B. name no one here


def test_a_surname_the_body_names_before_any_full_name_is_not_that_full_name():
    text = ("Obama Urges Voters\nPresident Obama spoke on Saturday. Later, the first lady, Michelle Obama, spoke.")
    rows = [("a", "s0", "Obama", "PERSON", 10), ("a", "s1", "Michelle Obama", "PERSON", 70),
            *[(d, "s0", "Barack Obama", "PERSON", 0) for d in "bcdef"]]
    sp = pd.DataFrame([{"doc": d, "speaker_id": s, "name": n, "kind": k, "roles": [], "aliases": []}
                       for d, s, n, k, _ in rows])
    q = pd.DataFrame([{"doc": d, "quote_id": f"{d}#{s}", "speaker": n, "speaker_id": s, "kind": "direct",
                       "speaker_spans": [[at + 19, at + 24]]} for d, s, n, _, at in rows])
    arts = pd.DataFrame({"doc": ["a"], "text": [text]})
    _, _, m = build_persons(sp, q, articles=arts)
    m = m.set_index(["doc", "speaker_id"])
    assert m.loc[("a", "s0"), "person"] == "Barack Obama"  # before: Michelle Obama, the article's only full name
    assert m.loc[("a", "s1"), "person"] == "Michelle Obama"
