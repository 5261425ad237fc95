"""Cost of the two hostile inputs that grew faster than their size: a long paragraph without a sentence end and an
article of many short quotes, at 1x, 4x and 16x a base size.

Usage: python benchmarks/hostile_cost.py [--sizes 1 4 16] [--paragraph-chars 25000] [--quotes 200]

Each measurement runs in a fresh process (so its peak memory is its own) and prints, per case and size: the time
and peak memory of spaCy parsing the text in one call (what whosaid did before), of whosaid's parse in bounded
pieces (`whosaid.nlp.parse`), and of the whole extraction (that parse included). `ratio` is the extraction's time
over the parse's and should stay flat as the size grows; peak memory should not grow with the longest paragraph.
Peak memory counts the loaded model (about 200 MB). The last line is one JSON object with every figure.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MODES = ("one_call", "parse", "extract")


def text_for(case: str, size: int) -> str:
    """The input of a case at a size (characters of paragraph, or number of quotes)."""
    from tests.hostile.make_hostile import long_paragraph, many_quotes

    return long_paragraph(size) if case == "long_paragraph" else many_quotes(size)


def measure(case: str, size: int, mode: str) -> dict:
    """Run in the child process: time and peak memory of one mode on one input."""
    from whosaid.extract import extract_doc
    from whosaid.model import Article
    from whosaid.nlp import load_nlp, parse

    text = text_for(case, size)
    nlp = load_nlp()
    parse("Warm up: the mayor said on Monday that the city would sue.", nlp)
    t0 = time.perf_counter()
    if mode == "one_call":
        out = len(nlp(text))
    elif mode == "parse":
        out = len(parse(text, nlp))
    else:
        doc = parse(text, nlp)
        out = len(extract_doc(Article(doc="x", text=text, date="2017-08-16"), doc).quotes)
    return {"s": round(time.perf_counter() - t0, 2), "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "chars": len(text), "n": out}


def run_child(case: str, size: int, mode: str) -> dict:
    """`measure` in a fresh Python process."""
    cmd = [sys.executable, __file__, "--child", case, str(size), mode]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Run every case at every size and print the table and the JSON line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--paragraph-chars", type=int, default=25_000, help="the long paragraph at 1x")
    ap.add_argument("--quotes", type=int, default=200, help="the number of quotes at 1x")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        case, size, mode = args.child
        print(json.dumps(measure(case, int(size), mode)))
        return 0
    base = {"long_paragraph": args.paragraph_chars, "many_quotes": args.quotes}
    result: dict[str, list[dict]] = {}
    print(f"{'case':15} {'size':>4} {'chars':>9}   {'one call s/MB':>15}   {'parse s/MB':>13}   {'extract s/MB':>13}"
          f"   {'ratio':>5}")
    for case, unit in base.items():
        result[case] = []
        for k in args.sizes:
            row = {"size": k, **{mode: run_child(case, unit * k, mode) for mode in MODES}}
            row["chars"] = row["parse"]["chars"]
            row["ratio"] = round(row["extract"]["s"] / row["parse"]["s"], 2) if row["parse"]["s"] else None
            result[case].append(row)
            cells = "   ".join(f"{row[m]['s']:>7.1f} {row[m]['peak_mb']:>5}" for m in MODES)
            print(f"{case:15} {k:>3}x {row['chars']:>9,}   {cells}   {row['ratio']}", flush=True)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
