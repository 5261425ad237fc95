"""A hand-read sample of extracted quotes from articles outside PolNeAR: the 30 Wikinews trial articles and the seed.

    python benchmarks/quotes_handread.py draw [--n 40] [--seed 14] [--out benchmarks/data/quotes_handread.tsv]
    python benchmarks/quotes_handread.py count [benchmarks/data/quotes_handread.tsv]

`draw` writes the Wikinews texts with `timeline_score.py make` (as benchmarks/timeline_wikinews.py does),
extracts them and the seed article with the whosaid pipeline (the `extract` command's), and draws N quotes at
random (seeded) into a TSV with empty label columns: `attribution` (yes: the sentence reports what someone
said or wrote, or what they think; stance: a stance or intention is attributed, no words ("Apple has plans
to ..."); no: nothing is attributed, an action or the writer's own aside) and `speaker_ok` (right / wrong, for
the others). A reader fills them in (and a note); `count` prints the totals of a labelled file.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tempfile
from pathlib import Path

from timex_tbaq import ROOT, SHARED, run  # same folder

SAMPLE = ROOT / "benchmarks" / "data" / "quotes_handread.tsv"
SEED_ARTICLE = ROOT / "data" / "articles" / "nbc-sessions-chicago-sanctuary.txt"
COLUMNS = ["doc", "kind", "cue_class", "cue", "speaker", "speaker_mention", "quote", "sentence", "attribution",
           "speaker_ok", "note"]


def _context(text: str, spans: list[list[int]]) -> str:
    """The line(s) the quote stands in, on one line."""
    s, e = min(a for a, _ in spans), max(b for _, b in spans)
    lo, hi = text.rfind("\n", 0, s) + 1, text.find("\n", e)
    return " ".join(text[lo:hi if hi >= 0 else len(text)].split())


def draw(n: int, seed: int, out: Path) -> None:
    """Extract the articles and write N random quotes with empty labels."""
    base = SHARED / "corpora" / "wikinews-timeline"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        run([sys.executable, str(SHARED / "tools" / "timeline_score.py"), "make",
             str(base / "Corpus-trial-data_task4_TimeML"), str(base / "TimeLines_trial_data_task4_v1.2"), str(work)])
        from whosaid.extract import extract_articles
        from whosaid.ingest import read_file

        articles = [read_file(p) for p in [*sorted((work / "text").glob("*.txt")), SEED_ARTICLE]]
        rows = []
        for article, ex in extract_articles(articles):
            text = article.text
            for q in ex.quotes:
                rows.append({"doc": article.doc, "kind": q.kind, "cue_class": q.cue_class, "cue": q.cue,
                             "speaker": q.speaker or "", "speaker_mention": " ".join(text[s:e] for s, e in q.speaker_spans),
                             "quote": " ".join(q.text.split()), "sentence": _context(text, q.content_spans),
                             "attribution": "", "speaker_ok": "", "note": ""})
    sample = random.Random(seed).sample(rows, min(n, len(rows)))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, COLUMNS, delimiter="\t")
        w.writeheader()
        w.writerows(sample)
    print(f"{len(sample)} of {len(rows)} quotes drawn into {out}")


def count(path: Path) -> dict:
    """Totals of a labelled sample."""
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    said = [r for r in rows if r["attribution"] == "yes"]
    stance = [r for r in rows if r["attribution"] == "stance"]
    res = {"quotes": len(rows), "said": len(said), "stance": len(stance),
           "said_right_speaker": sum(1 for r in said if r["speaker_ok"] == "right"),
           "stance_right_speaker": sum(1 for r in stance if r["speaker_ok"] == "right"),
           "not_attributions": sum(1 for r in rows if r["attribution"] == "no")}
    print(f"{res['said'] + res['stance']} of {res['quotes']} are attributions ({res['said']} of words said or written, "
          f"{res['stance']} of a stance), {res['said_right_speaker'] + res['stance_right_speaker']} with the right "
          f"speaker; {res['not_attributions']} are not attributions")
    return res


def main(argv: list[str] | None = None) -> int:
    """Draw a sample or count a labelled one."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--n", type=int, default=40)
    d.add_argument("--seed", type=int, default=14)
    d.add_argument("--out", type=Path, default=SAMPLE)
    c = sub.add_parser("count")
    c.add_argument("path", type=Path, nargs="?", default=SAMPLE)
    args = ap.parse_args(argv)
    if args.cmd == "draw":
        draw(args.n, args.seed, args.out)
    else:
        print(json.dumps(count(args.path)))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
