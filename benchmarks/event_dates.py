"""Event dates on TBAQ, cross-validated by document: the hand rules against the learned anchor model.

    python benchmarks/event_dates.py [--limit N] [--shared PATH] [--config FILE] [--polnear N] [--examples N]

The dev set (`whosaid.temporal.anchor_data`): every TBAQ-cleaned event that a TLINK puts inside a time expression
or the document creation time has that value as its gold date. whosaid's events are matched to gold events by
span (the shortest event overlapping each) and scored like `timeline_score.py`: date recall (gold events whose
event has one of their dates) and date precision (of the events matched to dated gold events, those dated right;
an undated one counts against). `off_dct_dated` counts events that the TLINKs put wholly before or after the
publication day and that got a date they cannot have. Five fixed folds (seeded, by document): the model is
trained on four and scored on the fifth, in turn (`whosaid.temporal.train_anchor`, which needs scikit-learn);
the rules need no training. Prints each fold, the overall figures, and last one JSON line.

The errors left, by kind (`errors`: for the rules and the model, over the out-of-fold predictions of all five
folds, the kinds the issue uses for held-out timelines). The publication date is the value of the document
creation time (the DCT's TIMEX3, its day: YYYY-MM-DD). An event's date "nests" in a gold date when either
calendar interval (`whosaid.temporal.timeml.value_interval`) lies inside the other, the two values differing.
Each dated gold event that is missed (the event it matches does not carry one of its gold dates) counts under
the first of these that holds:

1. `no_event`: no whosaid event overlaps it;
2. `undated`: the event that matches it has no date;
3. `grain`: a finer or coarser grain of a right date: the event's date nests in one of the gold dates
   (1998-03 for 1998-03-14, 1998-03-14 inside the gold week 1998-W11, the year for a gold quarter);
4. `dct_for_other`: given the publication date where the gold dates do not include it;
5. `other_for_dct`: given another date where the gold dates include the publication date;
6. `other_date`: given another wrong date (or a value that names no calendar interval).

(Printed in the issue's order, 1 2 4 5 3 6; grain is tested before the two publication-date kinds, so that the
publication day given for a gold month that holds it is a grain error, not a wrong date.) The recall-side kinds
(`errors.<side>.recall`) add up to the misses: dated gold events minus those found. The precision side
(`errors.<side>.precision`) classifies the same way each event that matches a dated gold event and carries none
of their dates, against the union of the gold dates of all the dated gold events it matches; they add up to the
matched events minus the right ones. `no_event` is recall only (a gold event without an event costs recall, not
precision; an event that matches no dated gold event is not counted in precision at all). `--examples N` prints
N examples of each kind (the gold event in its context, its gold dates, the DCT, the matching event's date),
spread over the documents.

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
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "benchmarks" / "data" / "non_events_sample.tsv"


def read_sample(path: Path = SAMPLE) -> list[dict[str, str]]:
    """The hand-read left-out predicates (comment lines skipped)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


KINDS = ("no_event", "undated", "dct_for_other", "other_for_dct", "grain", "other_date")  # the order


def nests(value: str, gold: str) -> bool:
    """True when two different calendar values lie one inside the other (a finer or coarser grain of one date)."""
    from whosaid.temporal.timeml import value_interval

    a, b = value_interval(value), value_interval(gold)
    if a is None or b is None or value == gold:
        return False
    return (b[0] <= a[0] and a[1] <= b[1]) or (a[0] <= b[0] and b[1] <= a[1])


def error_kind(date_: str | None, golds: set[str], dct: str) -> str:
    """The kind of a wrong date (None: undated) against a set of gold dates, with `dct` the publication day."""
    if date_ is None:
        return "undated"
    if any(nests(date_, g) for g in golds):
        return "grain"
    if date_ == dct:
        return "dct_for_other"
    if dct in golds:
        return "other_for_dct"
    return "other_date"


def context(text: str, start: int, end: int, width: int = 70) -> str:
    """The gold event marked in a window of its text, on one line."""
    left, right = text[max(0, start - width):start], text[end:end + width]
    return " ".join(f"…{left}[{text[start:end]}]{right}…".split())


def errors(docs: list[tuple[Any, list[tuple[int, int, str | None]]]]) -> dict[str, Any]:
    """The misses (recall side) and the wrong matched events (precision side) by kind, with examples of each."""
    from whosaid.temporal.anchor_data import innermost

    recall = dict.fromkeys(KINDS, 0)
    precision = dict.fromkeys(KINDS, 0)
    examples: dict[str, list[str]] = {k: [] for k in KINDS}
    misses = wrong = 0
    for gold, events in docs:
        match = innermost([(s, e) for s, e, _ in events], gold.events)
        dates_of: dict[int, set[str]] = {}
        for g, i in zip(gold.events, match):
            if not g.dates:
                continue
            if i is not None:
                dates_of.setdefault(i, set()).update(g.dates)
            if i is not None and events[i][2] in g.dates:
                continue
            kind = "no_event" if i is None else error_kind(events[i][2], g.dates, gold.dct)
            recall[kind] += 1
            misses += 1
            got = "no event" if i is None else (f"event dated {events[i][2]}" if events[i][2] else "event undated")
            examples[kind].append(f"{gold.doc}: {context(gold.text, g.start, g.end)} gold {sorted(g.dates)}, "
                                  f"DCT {gold.dct}; {got}")
        for i, ds in dates_of.items():
            if events[i][2] not in ds:
                precision[error_kind(events[i][2], ds, gold.dct)] += 1
                wrong += 1
    return {"recall": recall, "misses": misses, "precision": precision, "wrong": wrong, "examples": examples}


def spread(items: list[str], n: int) -> list[str]:
    """`n` items taken evenly through the list (all when it holds no more)."""
    if n <= 0 or len(items) <= n:
        return items[:max(n, 0)]
    return [items[k * len(items) // n] for k in range(n)]


def print_errors(name: str, e: dict[str, Any], n_examples: int) -> None:
    """The kinds of one side's errors, recall then precision, and `n_examples` of each kind."""
    print(f"errors left, {name} (out of fold): {e['misses']} misses = "
          + ", ".join(f"{k} {e['recall'][k]}" for k in KINDS)
          + f"; {e['wrong']} wrong matched events = " + ", ".join(f"{k} {e['precision'][k]}" for k in KINDS[1:]))
    for kind in KINDS:
        for line in spread(e["examples"][kind], n_examples):
            print(f"  {name} {kind}: {line}")


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
    ap.add_argument("--examples", type=int, default=0, help="print N examples of each kind of error left")
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
    errs = {name: errors(cv["predictions"][name]) for name in ("rules", "model")}
    for name in ("rules", "model"):
        print_errors(name, errs[name], args.examples)
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
                                for f in cv["folds"]], "polnear_undated": undated,
                      "errors": {name: {k: e[k] for k in ("misses", "recall", "wrong", "precision")}
                                 for name, e in errs.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
