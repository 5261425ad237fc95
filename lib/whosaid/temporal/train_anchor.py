"""Training the event-anchor model on TBAQ's TLINKs, cross-validated by document; one command, seeded.

    python -m whosaid.temporal.train_anchor [--config FILE] [--shared PATH] [--out FILE] [--limit N]

Reads TBAQ-cleaned from the shared corpora (`whosaid.temporal.anchor_data`: events dated by their TLINKs), runs
whosaid's pipeline on it with the hand rules, and records for every event its candidate anchors and their features
(`whosaid.temporal.anchoring`). A candidate is right when its date is one of the gold dates of the gold event the
event matches; a candidate date the TLINKs rule out (an event wholly before the publication day given that day) is
wrong. Prints the rules' and the model's date recall and precision on each of the fixed folds, held out in turn,
then fits one model on every document and writes its weights as JSON, with the config, the corpus digest and the
cross-validated figures in its `meta`. Needs scikit-learn (`pip install -e ".[train]"`); the model it writes is
read without it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tomllib
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from spacy.tokens import Doc

from whosaid.model import Event
from whosaid.temporal.anchor_data import GoldDoc, contradicts, folds, read_corpus, score
from whosaid.temporal.anchoring import AnchorModel, Candidate, Site

CONFIG_FILE = files("whosaid") / "resources" / "anchor_train.toml"
SHARED = Path("..") / "shared"
OUT = Path("lib") / "whosaid" / "resources" / "anchor_model.json"


@dataclass
class Parsed:
    """One TBAQ document run through whosaid: its events (dated by the rules) and the candidates of each."""

    gold: GoldDoc
    events: list[Event]
    cands: dict[int, list[Candidate]]  # event index -> candidates (events the rules date alone have none)
    heads: dict[int, int]  # event index -> character offset of its predicate word


def parse_docs(docs: list[GoldDoc], spacy_docs: Iterable[Doc] | None = None, batch_size: int = 8) -> list[Parsed]:
    """Run the pipeline (quotes, speakers, timexes, events by the rules) on each document, keeping the candidates;
    `spacy_docs`: their parses, when already made."""
    from whosaid.nlp import load_nlp
    from whosaid.quotes.attribution import extract_quotes
    from whosaid.quotes.speakers import resolve_speakers
    from whosaid.temporal.events import extract_events
    from whosaid.temporal.timexes import find_timexes

    out = []
    if spacy_docs is None:
        spacy_docs = load_nlp().pipe((d.text for d in docs), batch_size=batch_size)
    for gold, doc in zip(docs, spacy_docs):
        quotes, speakers = resolve_speakers(doc, extract_quotes(doc))
        seen: list[tuple[Event, list[Candidate], int]] = []

        def keep(site: Site, cands: list[Candidate], event: Event, seen: list = seen) -> None:
            seen.append((event, cands, site.verb.idx))

        events = extract_events(doc, find_timexes(doc, gold.dct), quotes, speakers, gold.dct, anchoring="rules",
                                on_anchor=keep)
        index = {id(e): i for i, e in enumerate(events)}
        out.append(Parsed(gold, events, {index[id(e)]: c for e, c, _ in seen}, {index[id(e)]: h for e, _, h in seen}))
    return out


def examples(parsed: list[Parsed], off_dct: bool = True) -> tuple[list[dict[str, float]], list[int]]:
    """Candidate features and labels, one group per event whose predicate word is a gold event's: a candidate is
    right when its date is one of that event's gold dates, wrong when not (or, for an event the TLINKs put wholly
    before or after the publication day, when its date cannot be the event's)."""
    xs: list[dict[str, float]] = []
    ys: list[int] = []
    for p in parsed:
        starts = [g.start for g in p.gold.events]
        for i, cands in p.cands.items():
            k = bisect_right(starts, p.heads[i]) - 1
            g = p.gold.events[k] if k >= 0 and p.heads[i] < p.gold.events[k].end else None
            if g is None:
                continue
            for c in cands:
                if g.dates:
                    xs.append(c.feats)
                    ys.append(int(c.value in g.dates))
                elif off_dct and contradicts(c.value, g.off_dct, p.gold.dct):
                    xs.append(c.feats)
                    ys.append(0)
    return xs, ys


def fit(parsed: list[Parsed], config: dict) -> AnchorModel:
    """A logistic regression over the candidates of `parsed` (scikit-learn, deterministic), as an AnchorModel."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    m = config["model"]
    xs, ys = examples(parsed, m.get("off_dct_negatives", True))
    if len(set(ys)) < 2:
        return AnchorModel({}, 0.0, float(m.get("threshold", 0.0)), {"examples": len(ys)})
    vec = DictVectorizer()
    clf = LogisticRegression(C=m.get("C", 1.0), solver="lbfgs", max_iter=5000,
                             random_state=config["folds"]["seed"])
    clf.fit(vec.fit_transform(xs), ys)
    weights = {name: round(float(w), 5) for name, w in zip(vec.feature_names_, clf.coef_[0]) if abs(w) >= 1e-5}
    return AnchorModel(weights, round(float(clf.intercept_[0]), 5), float(m.get("threshold", 0.0)),
                       {"examples": len(ys), "positives": int(sum(ys))})


def dated(p: Parsed, model: AnchorModel | None) -> list[tuple[int, int, str | None]]:
    """The document's events as (start, end, date): the rules' dates, or the model's where it chooses (as
    `extract_events` does: for every event with candidates that the rules date at all)."""
    out = []
    for i, e in enumerate(p.events):
        date_ = model.choose(p.cands[i])[0] if model is not None and i in p.cands and e.date else e.date
        out.append((e.start, e.end, date_))
    return out


def cross_validate(parsed: list[Parsed], config: dict, log=print) -> dict:
    """The rules' and the model's figures on each fold held out (the model fitted on the others), and overall;
    `predictions`: the out-of-fold (gold, dated events) pairs of each, for a closer look at the errors."""
    by_name = {p.gold.doc: p for p in parsed}
    parts = folds(list(by_name), config["folds"]["k"], config["folds"]["seed"])
    rules_all, model_all, per_fold = [], [], []
    for k, names in enumerate(parts):
        test = [by_name[n] for n in names]
        model = fit([p for p in parsed if p.gold.doc not in set(names)], config)
        rules = [(p.gold, dated(p, None)) for p in test]
        learned = [(p.gold, dated(p, model)) for p in test]
        rules_all += rules
        model_all += learned
        row = {"fold": k, "docs": len(names), "rules": score(rules), "model": score(learned)}
        per_fold.append(row)
        log(f"fold {k} ({len(names)} docs, {row['rules']['dated_gold_events']} dated events): "
            f"rules R {row['rules']['date_recall']:.3f} P {row['rules']['date_precision']:.3f} | "
            f"model R {row['model']['date_recall']:.3f} P {row['model']['date_precision']:.3f}")
    overall = {"rules": score(rules_all), "model": score(model_all)}
    log(f"overall: rules R {overall['rules']['date_recall']:.3f} P {overall['rules']['date_precision']:.3f} | "
        f"model R {overall['model']['date_recall']:.3f} P {overall['model']['date_precision']:.3f}")
    return {"folds": per_fold, "overall": overall, "predictions": {"rules": rules_all, "model": model_all}}


def load_config(path: str | Path | None = None) -> dict:
    """The training config (TOML): corpus, folds, model settings."""
    text = Path(path).read_text(encoding="utf-8") if path else CONFIG_FILE.read_text(encoding="utf-8")
    return tomllib.loads(text)


def corpus_digest(base: Path, docs: list[GoldDoc]) -> str:
    """A SHA-256 over the TimeML files read, in order: what the model was trained on."""
    h = hashlib.sha256()
    for d in docs:
        h.update((base / d.corpus / f"{d.doc}.tml").read_bytes())
    return h.hexdigest()


def main(argv: list[str] | None = None) -> int:
    """Cross-validate, fit on every document, write the model."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--config", type=Path, help="training config (default: the package's anchor_train.toml)")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (corpora)")
    ap.add_argument("--out", type=Path, default=OUT, help=f"where the model goes (default {OUT})")
    ap.add_argument("--limit", type=int, help="only the first N documents of each corpus (a quick check)")
    args = ap.parse_args(argv)
    config = load_config(args.config)
    base = args.shared / "corpora" / config["data"]["corpus"]
    if not base.is_dir():
        print(f"TBAQ corpus not found at {base}", file=sys.stderr)
        return 1
    docs = read_corpus(base, args.limit)
    parsed = parse_docs(docs)
    cv = cross_validate(parsed, config)
    model = fit(parsed, config)
    from sklearn import __version__ as sklearn_version

    from whosaid import __version__
    from whosaid.nlp import bare_pipeline_name

    meta = {"trained_on": {"corpus": config["data"]["corpus"], "documents": len(docs), "limit": args.limit,
                           "dated_gold_events": sum(bool(g.dates) for d in docs for g in d.events),
                           "sha256": corpus_digest(base, docs)},
            **model.meta, "config": config, "cross_validation": cv["overall"],
            "spacy_pipeline": bare_pipeline_name(), "scikit_learn": sklearn_version, "whosaid": __version__}
    model = AnchorModel(model.weights, model.bias, model.threshold, meta)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model.to_json(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(model.weights)} weights, trained on {len(docs)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
