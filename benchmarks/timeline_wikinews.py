"""Dated-event figures on the SemEval-2015 Task 4 Wikinews trial timelines, computed by the shared scorer.

    python benchmarks/timeline_wikinews.py [--limit N] [--shared PATH]

`timeline_score.py make` writes the articles, their dates and the gold into a temp folder, `python -m whosaid
extract --dates` extracts the events, `timeline_score.py score` prints date recall and date precision.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from timex_tbaq import ROOT, SHARED, run  # noqa: F401  (same folder)


def main(argv: list[str] | None = None) -> int:
    """Print the timeline figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (corpora, tools)")
    args = ap.parse_args(argv)
    base = args.shared / "corpora" / "wikinews-timeline"
    tml_dir, gold_dir = base / "Corpus-trial-data_task4_TimeML", base / "TimeLines_trial_data_task4_v1.2"
    scorer = args.shared / "tools" / "timeline_score.py"
    if not tml_dir.is_dir() or not scorer.is_file():
        print(f"Wikinews timeline corpus or scorer not found under {args.shared}; nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.limit:
            sub = work / "tml"
            sub.mkdir()
            for f in sorted(tml_dir.glob("*.tml"))[:args.limit]:
                shutil.copy(f, sub / f.name)
            tml_dir = sub
        out = work / "out"
        print(run([sys.executable, str(scorer), "make", str(tml_dir), str(gold_dir), str(out)]))
        run([sys.executable, "-m", "whosaid", "extract", str(out / "text"), "--dates", str(out / "dct.tsv")],
            out=out / "pred.jsonl")
        figures = json.loads(run([sys.executable, str(scorer), "score", str(out), str(out / "pred.jsonl")]))
        print(f"Wikinews trial: {json.dumps(figures)}")
        print(f"  date recall {figures['date_recall']:.3f}  date precision {figures['date_precision']:.3f}")
    print(json.dumps({"benchmark": "timeline_wikinews", "limit": args.limit, **figures}))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
