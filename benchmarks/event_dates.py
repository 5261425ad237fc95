"""Event dates on TBAQ, cross-validated by document: the hand rules against the learned anchor model.

    python benchmarks/event_dates.py [--limit N] [--shared PATH] [--config FILE]

The dev set (`whosaid.temporal.anchor_data`): every TBAQ-cleaned event that a TLINK puts inside a time expression
or the document creation time has that value as its gold date. whosaid's events are matched to gold events by
span (the shortest event overlapping each) and scored like `timeline_score.py`: date recall (gold events whose
event has one of their dates) and date precision (of the events matched to dated gold events, those dated right;
an undated one counts against). `off_dct_dated` counts events that the TLINKs put wholly before or after the
publication day and that got a date they cannot have. Five fixed folds (seeded, by document): the model is
trained on four and scored on the fifth, in turn (`whosaid.temporal.train_anchor`, which needs scikit-learn);
the rules need no training. Prints each fold, the overall figures, and last one JSON line.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main(argv: list[str] | None = None) -> int:
    """Print the per-fold and overall figures of the rules and the model."""
    from whosaid.temporal.anchor_data import read_corpus
    from whosaid.temporal.train_anchor import cross_validate, load_config, parse_docs

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N documents of each corpus")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (corpora)")
    ap.add_argument("--config", type=Path, help="training config (default: the package's anchor_train.toml)")
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
    print(json.dumps({"benchmark": "event_dates", "limit": args.limit, "documents": len(docs),
                      "rules": cv["overall"]["rules"], "model": cv["overall"]["model"],
                      "folds": [{"fold": f["fold"], "docs": f["docs"],
                                 "rules": [f["rules"]["date_recall"], f["rules"]["date_precision"]],
                                 "model": [f["model"]["date_recall"], f["model"]["date_precision"]]}
                                for f in cv["folds"]]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
