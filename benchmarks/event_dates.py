"""Event dates on TBAQ, cross-validated by document: the hand rules against the learned anchor model.

    python benchmarks/event_dates.py [--limit N] [--shared PATH] [--config FILE] [--polnear N]

The dev set (`whosaid.temporal.anchor_data`): every TBAQ-cleaned event that a TLINK puts inside a time expression
or the document creation time has that value as its gold date. whosaid's events are matched to gold events by
span (the shortest event overlapping each) and scored like `timeline_score.py`: date recall (gold events whose
event has one of their dates) and date precision (of the events matched to dated gold events, those dated right;
an undated one counts against). `off_dct_dated` counts events that the TLINKs put wholly before or after the
publication day and that got a date they cannot have. Five fixed folds (seeded, by document): the model is
trained on four and scored on the fifth, in turn (`whosaid.temporal.train_anchor`, which needs scikit-learn);
the rules need no training. Prints each fold, the overall figures, and last one JSON line.

Fewer, truer events (`polnear_undated`): on the first N PolNeAR dev articles (publication dates from metadata.tsv;
N = --limit when given), the events whosaid lists, the undated ones, and the undated predicates it leaves out as no
happening (`whosaid.temporal.events.non_event`), by reason; undated before that filter = kept + left out. Then the
hand-read sample benchmarks/data/non_events_sample.tsv (50 left out when the filter was written, each labelled
event or non-event): how many of them are still left out, and how many of those were real events.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "benchmarks" / "data" / "non_events_sample.tsv"


def read_sample(path: Path = SAMPLE) -> list[dict[str, str]]:
    """The hand-read left-out predicates (comment lines skipped)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def polnear_undated(corpus: Path, limit: int) -> dict:
    """Events, undated events and left-out non-events on the first `limit` PolNeAR dev articles, and the sample."""
    from whosaid.extract import extract_doc
    from whosaid.model import Article
    from whosaid.nlp import load_nlp, parse_all

    dates = {r["filename"]: r["publication_date"]
             for r in csv.DictReader((corpus / "metadata.tsv").open(encoding="utf-8"), delimiter="\t")}
    files = sorted((corpus / "dev" / "text").glob("*.txt"))[:limit]
    articles = [Article(doc=f.stem, text=f.read_text(encoding="utf-8"), date=dates.get(f.stem)) for f in files]
    events = undated = 0
    left_out: list[tuple[str, str, str]] = []  # (doc, sentence, reason)
    for article, doc in zip(articles, parse_all((a.text for a in articles), load_nlp())):
        x = extract_doc(article, doc, on_non_event=lambda e, why, d=article.doc: left_out.append(
            (d, " ".join(e.sentence.split()), why)))
        events += len(x.events)
        undated += sum(e.date is None for e in x.events)
    out_keys = {(d, s) for d, s, _ in left_out}
    read = [r for r in read_sample() if r["doc"] in {a.doc for a in articles}]
    still = [r for r in read if (r["doc"], r["sentence"]) in out_keys]
    return {"articles": len(articles), "events": events, "undated": undated,
            "undated_before_filter": undated + len(left_out), "left_out": len(left_out),
            "left_out_by_reason": dict(Counter(why for _, _, why in left_out).most_common()),
            "sample_read": len(read), "sample_still_left_out": len(still),
            "sample_real_events_left_out": sum(r["label"] == "event" for r in still)}


def main(argv: list[str] | None = None) -> int:
    """Print the per-fold and overall figures of the rules and the model."""
    from whosaid.temporal.anchor_data import read_corpus
    from whosaid.temporal.train_anchor import cross_validate, load_config, parse_docs

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N documents of each corpus")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (corpora)")
    ap.add_argument("--config", type=Path, help="training config (default: the package's anchor_train.toml)")
    ap.add_argument("--polnear", type=int, default=100, help="PolNeAR dev articles for the undated-event figures")
    args = ap.parse_args(argv)
    config = load_config(args.config)
    base = args.shared / "corpora" / config["data"]["corpus"]
    if not base.is_dir():
        print(f"TBAQ corpus not found under {args.shared}; nothing to measure")
        return 0
    docs = read_corpus(base, args.limit)
    print(f"{len(docs)} documents, {sum(bool(g.dates) for d in docs for g in d.events)} dated gold events, "
          f"{config['folds']['k']} folds (seed {config['folds']['seed']})", flush=True)
    cv = cross_validate(parse_docs(docs), config)
    polnear = args.shared / "corpora" / "polnear"
    undated = polnear_undated(polnear, args.limit or args.polnear) if (polnear / "dev").is_dir() else None
    if undated:
        print(f"PolNeAR dev ({undated['articles']} articles): {undated['events']} events, undated "
              f"{undated['undated_before_filter']} -> {undated['undated']} ({undated['left_out']} left out as no "
              f"happening: {undated['left_out_by_reason']}); hand-read sample: {undated['sample_still_left_out']} "
              f"of {undated['sample_read']} still left out, {undated['sample_real_events_left_out']} of them real events")
    print(json.dumps({"benchmark": "event_dates", "limit": args.limit, "documents": len(docs),
                      "rules": cv["overall"]["rules"], "model": cv["overall"]["model"],
                      "folds": [{"fold": f["fold"], "docs": f["docs"],
                                 "rules": [f["rules"]["date_recall"], f["rules"]["date_precision"]],
                                 "model": [f["model"]["date_recall"], f["model"]["date_precision"]]}
                                for f in cv["folds"]], "polnear_undated": undated}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
