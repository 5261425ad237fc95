"""TempEval-3 timex figures on TBAQ-cleaned (TimeBank, AQUAINT, both), computed by the shared scorer.

    python benchmarks/timex_tbaq.py [--limit N] [--shared PATH]

For each corpus: `timex_score.py make` writes texts, dates and gold into a temp folder, `python -m whosaid extract
--dates` tags the texts, `timex_score.py score` prints strict/relaxed P/R/F1, type and value accuracy and F1.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = ("TimeBank", "AQUAINT")


def run(cmd: list[str], out: Path | None = None) -> str:
    """Run a command (printed first), optionally into a file; its stdout otherwise."""
    print("$ " + " ".join(cmd) + (f" > {out}" if out else ""), flush=True)
    if out:
        with open(out, "w", encoding="utf-8") as f:
            subprocess.run(cmd, cwd=ROOT, stdout=f, check=True)
        return ""
    return subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True).stdout.strip()


def evaluate(tml_dir: Path, work: Path, scorer: Path, limit: int | None) -> Path:
    """Make, extract and keep the predictions of one corpus in `work`; returns `work`."""
    if limit:
        sub = work / "tml"
        sub.mkdir(parents=True)
        for f in sorted(tml_dir.glob("*.tml"))[:limit]:
            shutil.copy(f, sub / f.name)
        tml_dir = sub
    print(run([sys.executable, str(scorer), "make", str(tml_dir), str(work)]))
    run([sys.executable, "-m", "whosaid", "extract", str(work / "text"), "--dates", str(work / "dct.tsv")],
        out=work / "pred.jsonl")
    return work


def main(argv: list[str] | None = None) -> int:
    """Print the figures per corpus and for both together."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N documents of each corpus")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (corpora, tools)")
    args = ap.parse_args(argv)
    base = args.shared / "corpora" / "tempeval3" / "TBAQ-cleaned"
    scorer = args.shared / "tools" / "timex_score.py"
    if not base.is_dir() or not scorer.is_file():
        print(f"TBAQ corpus or scorer not found under {args.shared}; nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        works = [evaluate(base / name, Path(tmp) / name, scorer, args.limit) for name in CORPORA]
        both = Path(tmp) / "TBAQ"
        both.mkdir()
        for part in ("gold.jsonl", "pred.jsonl"):
            (both / part).write_text("".join((w / part).read_text(encoding="utf-8") for w in works), encoding="utf-8")
        summary: dict[str, object] = {"benchmark": "timex_tbaq", "limit": args.limit}
        for name, work in [*zip(CORPORA, works), ("TimeBank+AQUAINT", both)]:
            figures = json.loads(run([sys.executable, str(scorer), "score", str(work), str(work / "pred.jsonl")]))
            print(f"{name}: {json.dumps(figures)}")
            print(f"  strict F1 {figures['strict_prf'][2]:.3f}  relaxed F1 {figures['relaxed_prf'][2]:.3f}  "
                  f"type F1 {figures['type_f1']:.3f}  value F1 {figures['value_f1']:.3f}", flush=True)
            summary[name] = {"strict_f1": figures["strict_prf"][2], "relaxed_f1": figures["relaxed_prf"][2],
                             "type_f1": figures["type_f1"], "value_f1": figures["value_f1"]}
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
