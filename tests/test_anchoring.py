"""The event-anchor model: shipped as JSON in the package and loaded without pickle, anchors hand-written sentences
sensibly, trains from the repo on a few TBAQ documents; the sanity fence on far dates."""
from __future__ import annotations

import json

import pytest
from whosaid.model import Timex
from whosaid.temporal.anchoring import MODEL_FILE, AnchorModel, Candidate, shipped_model
from whosaid.temporal.events import extract_events, fence
from whosaid.temporal.timexes import find_timexes

from tests.conftest import SHARED

TBAQ = SHARED / "corpora" / "tempeval3" / "TBAQ-cleaned"


def dated(nlp, text, dct="2017-08-16", anchoring="model"):
    doc = nlp(text)
    return [(e.summary, e.date, e.how)
            for e in extract_events(doc, find_timexes(doc, dct), [], [], dct, anchoring=anchoring)]


def test_the_shipped_model_is_json_in_the_package_and_says_what_it_was_trained_on():
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    model = shipped_model()
    assert data["format"] == "whosaid-anchor-logreg/1" and len(model.weights) > 50
    trained = model.meta["trained_on"]
    assert trained["corpus"] == "tempeval3/TBAQ-cleaned" and trained["documents"] == 256 and trained["limit"] is None
    assert len(trained["sha256"]) == 64 and model.meta["config"]["folds"] == {"k": 5, "seed": 12}
    held_out = model.meta["cross_validation"]
    assert held_out["model"]["date_recall"] > held_out["rules"]["date_recall"]


def test_a_model_file_of_another_format_is_refused():
    with pytest.raises(ValueError):
        AnchorModel.from_json({"format": "pickle", "weights": {}, "bias": 0, "threshold": 0})


def test_the_best_candidate_wins_and_a_date_its_sentence_writes_is_explicit():
    model = AnchorModel({"kind=timex": 2.0, "kind=story": 3.0, "kind=publication": -1.0}, 0.0, 0.0, {})
    cands = [Candidate("timex", "2017-08-14", {"kind=timex": 1.0}), Candidate("story", "2017-08-14", {"kind=story": 1.0}),
             Candidate("publication", "2017-08-16", {"kind=publication": 1.0})]
    assert model.choose(cands) == ("2017-08-14", "explicit")
    assert AnchorModel({}, -5.0, 0.5, {}).choose(cands) == (None, "unknown")


def test_each_clause_takes_its_own_expression(nlp):
    evs = dated(nlp, "Prices rose 5% in March, the agency said on Friday.")
    assert ("Prices rose", "2017-03", "explicit") in evs
    assert any(s.startswith("the agency said") and d == "2017-08-11" for s, d, _ in evs)


def test_a_participle_takes_its_year_and_the_report_its_day(nlp):
    evs = dated(nlp, "Officials said Tuesday that the bridge, built in 1932, will close in March.")
    assert ("the bridge built", "1932", "explicit") in evs
    assert any(s.startswith("Officials said") and d == "2017-08-15" for s, d, _ in evs)


def test_an_undated_sentence_after_a_dated_one_inherits_its_day(nlp):
    evs = dated(nlp, "The storm hit the coast on Monday.\nThousands of homes lost power.")
    assert [(d, h) for _, d, h in evs] == [("2017-08-14", "explicit"), ("2017-08-14", "inherited")]


def test_what_the_rules_leave_undated_stays_undated(nlp):
    assert all(d is None for _, d, _ in dated(nlp, "IE 11 is not supported. The council will consider a budget."))


def test_a_clock_reading_is_not_a_year(nlp):
    evs = dated(nlp, "Near 1750 GMT, the rebels attacked the base.", dct="2016-07-28")
    assert evs and all(d != "1750" for _, d, _ in evs)


def test_the_fence_drops_a_far_value_unless_its_expression_writes_a_year():
    text = "The feast falls on Christmas Day. In 1750 the town was founded."
    xmas = Timex(19, 32, "Christmas Day", "DATE", "2216-12-25")  # a far value with no year written
    y1750 = Timex(37, 41, "1750", "DATE", "1750")
    assert fence([xmas, y1750], "2016-07-28", text) == [y1750]
    clock = "Near 1750 GMT the rebels came."  # "1750 GMT" as the year rule once valued it: no year written
    assert fence([Timex(5, 9, "1750", "DATE", "1750")], "2016-07-28", clock) == []
    assert fence([xmas], None, text) == [xmas]  # no publication date: nothing to measure from


def test_a_far_date_needs_a_year_written_in_its_expression(nlp):
    assert all(d != "2216" for _, d, _ in dated(nlp, "It happened more than 200 years later.", dct="2016-07-28"))
    assert ("the treaty was signed", "1991", "explicit") in dated(nlp, "In 1991, the treaty was signed.")
    assert ("The deal expired", "2012", "explicit") in dated(nlp, "The deal expired five years ago.")


@pytest.mark.corpus
@pytest.mark.skipif(not TBAQ.is_dir(), reason="shared corpora not present")
def test_training_runs_from_the_repo_on_a_few_documents(tmp_path):
    pytest.importorskip("sklearn")
    from whosaid.temporal import train_anchor

    out = tmp_path / "anchor_model.json"
    assert train_anchor.main(["--limit", "2", "--shared", str(SHARED), "--out", str(out)]) == 0
    model = AnchorModel.load(out)
    assert model.meta["trained_on"]["documents"] == 4 and model.meta["trained_on"]["limit"] == 2
    assert model.weights and model.meta["examples"] > 20


def test_no_event_or_quote_of_an_article_gets_a_far_date_it_cannot_justify(nlp):
    from whosaid.extract import extract_article
    from whosaid.model import Article
    from whosaid.temporal.timeml import value_interval

    text = ("Near 1750 GMT, the rebels attacked the base, officials said. Ten years later, the base was rebuilt. "
            "“After more than 200 years and 44 male presidents, it's time,” Clinton told the crowd at 2100 hours. "
            "Mayor Jane Smith said that in the next century the town will be gone.")
    x = extract_article(Article(doc="far", text=text, date="2016-07-28"), nlp)
    dates = [e.date for e in x.events] + [q.date for q in x.quotes]
    assert any(dates)
    # "Ten years later" counts from no date the story gives: its sentence takes neither the last date nor today's
    assert [e.date for e in x.events if "rebuilt" in e.summary] == [None]
    for d in filter(None, dates):
        span = value_interval(d)
        assert span is not None and 2013 <= span[0].year and span[1].year <= 2019, d
