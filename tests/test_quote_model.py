"""The learned attribution tagger: it ships with the package and says what it was trained on, loads offline, stays
beside the rules, and trains from the repo (a tiny smoke run here; the real training is `python -m
whosaid.quotes.train`)."""
from __future__ import annotations

import json
from importlib.resources import as_file
from pathlib import Path

import pytest
from whosaid.model import Quote
from whosaid.quotes.attribution import extract_quotes, rule_hints
from whosaid.quotes.learned import (
    MODEL_DIR,
    QuoteTagger,
    cue_runs,
    shipped_tagger,
    spans_from_tags,
)
from whosaid.quotes.train import (
    GoldAttribution,
    folds,
    matched_quotes,
    parse_brat,
    train_filter,
    train_taggers,
    train_veto,
)

CONFIG = {"seed": 1, "folds": 2,
          "cue": {"c1": 0.0, "c2": 0.1, "max_iterations": 5},
          "span": {"c1": 0.0, "c2": 0.1, "max_iterations": 5},
          "filter": {"c1": 0.0, "c2": 1.0, "max_iterations": 5},
          "veto": {"c1": 0.0, "c2": 1.0, "max_iterations": 5},
          "decode": {"cue_min": 0.0, "keep_min": 0.0, "veto_min": 0.5}}


def test_shipped_model_says_what_it_was_trained_on_and_is_small():
    meta = json.loads(MODEL_DIR.joinpath("meta.json").read_text(encoding="utf-8"))
    assert "PolNeAR" in meta["trained_on"]["corpus"] and "train" in meta["trained_on"]["corpus"]
    assert meta["trained_on"]["documents"] == 840 and len(meta["trained_on"]["sha256"]) == 64
    assert "whosaid.quotes.train" in meta["retrain"] and meta["config"]["seed"] == 14
    size = sum(MODEL_DIR.joinpath(name).stat().st_size
               for name in ("cue.crfsuite", "span.crfsuite", "filter.crfsuite", "veto.crfsuite"))
    assert size < 8_000_000


def test_shipped_tagger_loads_and_only_adds_to_the_rules(nlp):
    tagger = shipped_tagger()
    assert tagger is not None and 0 < tagger.keep_min < 1
    text = ("The senator made the case that the tax plan would hurt families. She has long argued that "
            "wages must rise, and on Tuesday she took issue with the governor's budget.")
    doc = nlp(text)
    rules = extract_quotes(doc, tagger=False)
    both = extract_quotes(doc)
    spans = {tuple(map(tuple, q.content_spans)) for q in both}
    assert all(tuple(map(tuple, q.content_spans)) in spans for q in rules)  # the rules' quotes stay as they are
    for p in tagger.propose(doc, rule_hints(doc))[0]:
        assert p.content and p.source and p.keep_p >= tagger.keep_min


def test_the_model_sees_a_cue_the_lexicon_does_not_list(nlp):
    text = "Clinton has made clear that she would veto any such bill."
    doc = nlp(text)
    assert extract_quotes(doc, tagger=False) == []
    q = next(q for q in extract_quotes(doc))
    assert q.cue == "make" and q.cue_class == "stance" and q.text == "that she would veto any such bill"
    assert [text[s:e] for s, e in q.speaker_spans] == ["Clinton"]


def test_cue_runs_from_marginals_and_spans_from_tags():
    assert cue_runs([0.9, 0.0, 0.05, 0.2], [0.0, 0.8, 0.1, 0.1], 10, 0.15) == [[10, 11], [13]]
    tags = ["S", "S", "Q", "O", "C", "C", "O", "S"]
    source, content = spans_from_tags(tags, 100, 102)
    assert source == [100, 101] and content == {104, 105}


def test_brat_attributions_are_read_as_the_scorer_reads_them():
    ann = ("T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tit was ok\n"
           "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")
    assert parse_brat(ann) == [{"content": [(11, 20), (25, 30)], "source": [(0, 5)], "cue": [(6, 10)]}]


def test_folds_are_seeded_and_cover_every_document_once():
    fs = folds(10, 3, seed=7)
    assert fs == folds(10, 3, seed=7) and sorted(i for f in fs for i in f) == list(range(10))


def test_training_smoke_run_writes_models_that_load(nlp, tmp_path):
    pytest.importorskip("pycrfsuite")
    texts = ["Smith said that the plan would fail. The weather was fine.",
             "The mayor argued that taxes must fall, and Jones agreed."]
    data = []
    for text in texts:
        doc = nlp(text)
        said = next(t for t in doc if t.lemma_ in ("say", "argue"))
        subj = next(c for c in said.children if c.dep_ == "nsubj")
        comp = next(c for c in said.children if c.dep_ == "ccomp")
        data.append((doc, [GoldAttribution(cue=[said.i], source=[subj.i] if subj.i == said.i - 1 else [subj.i - 1, subj.i],
                                           content={t.i for t in comp.subtree})]))
    train_taggers(data, CONFIG, tmp_path)
    train_filter([({"b": 1.0, "cue_p": 0.9}, "T"), ({"b": 1.0, "cue_p": 0.1}, "F")], CONFIG, tmp_path)
    train_veto([({"b": 1.0, "pb": 0.9}, "T"), ({"b": 1.0, "pb": 0.1}, "F")], CONFIG, tmp_path)
    (tmp_path / "meta.json").write_text(json.dumps({"config": CONFIG}), encoding="utf-8")
    tagger = QuoteTagger(tmp_path)
    assert tagger.filter is not None and tagger.veto is not None and tagger.veto_min == 0.5
    doc = data[0][0]
    for p in tagger.propose(doc, rule_hints(doc))[0]:
        assert all(0 <= i < len(doc) for i in [*p.cue, *p.source, *p.content])


def test_the_veto_drops_only_rule_quotes_that_are_not_direct(nlp):
    text = ('"We will not back down," Smith said on Monday. The mayor argued that taxes must fall. '
            'Jones has said that the budget is a disgrace, and she supports the plan.')
    doc = nlp(text)
    rules = extract_quotes(doc, tagger=False)
    assert {q.kind for q in rules} >= {"direct", "indirect"}
    with as_file(MODEL_DIR) as folder:
        strict, lenient = QuoteTagger(Path(folder)), QuoteTagger(Path(folder))
    strict.veto_min, lenient.veto_min = 1.01, 0.0  # the veto drops every quote it may; no veto at all
    dropped = extract_quotes(doc, tagger=strict)
    assert [q.text for q in dropped if q.kind == "direct"] == [q.text for q in rules if q.kind == "direct"]
    assert not any(q.kind != "direct" and q.cue in {r.cue for r in rules} for q in dropped)
    kept = {q.text for q in extract_quotes(doc, tagger=lenient)}
    assert {q.text for q in rules} <= kept


def test_quotes_are_labelled_one_to_one_against_the_gold(nlp):
    text = "Smith said that the plan would fail badly."
    doc = nlp(text)
    start = text.index("the plan")
    gold = [GoldAttribution(cue=[1], source=[0], content={t.i for t in doc if t.idx >= start and not t.is_punct})]
    whole, part = Quote(content_spans=[(start, len(text) - 1)]), Quote(content_spans=[(start, start + 3)])
    assert matched_quotes(doc, [part, whole], gold) == {1}  # the closer of two quotes takes the one gold attribution
    assert matched_quotes(doc, [part], gold) == set()  # "the" alone covers too little of it


def test_the_training_command_makes_a_new_model_folder(tmp_path):
    pytest.importorskip("pycrfsuite")
    from whosaid.quotes.train import main

    corpus = tmp_path / "polnear" / "train"
    (corpus / "text").mkdir(parents=True)
    (corpus / "attributions").mkdir()
    names = ["Smith", "Jones", "Brown", "Lee", "Garcia", "Khan"]
    for k, name in enumerate(names):
        text = f"{name} said that the plan would fail. The weather was fine on day {k}."
        c0 = text.index("the plan")
        ann = (f"T1\tSource 0 {len(name)}\t{name}\nT2\tCue {len(name) + 1} {len(name) + 5}\tsaid\n"
               f"T3\tContent {c0} {text.index('.')}\t{text[c0:text.index('.')]}\n"
               f"E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n")
        (corpus / "text" / f"doc{k}.txt").write_text(text, encoding="utf-8")
        (corpus / "attributions" / f"doc{k}_a.ann").write_text(ann, encoding="utf-8")
    out = tmp_path / "models" / "new"  # a folder that does not exist yet, and no --config: the shipped one
    assert main(["--corpus", str(corpus), "--out", str(out), "--work", str(tmp_path / "work")]) == 0
    assert (out / "config.toml").read_text(encoding="utf-8") == MODEL_DIR.joinpath("config.toml").read_text(
        encoding="utf-8")
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["trained_on"]["documents"] == len(names)
    assert QuoteTagger(out).filter is not None
