"""TempEval-3 timex figures on TBAQ-cleaned (TimeBank, AQUAINT, both), computed by the shared scorer.

    python benchmarks/timex_tbaq.py [--limit N] [--shared PATH] [--missed N]

For each corpus: `timex_score.py make` writes texts, dates and gold into a temp folder, `python -m whosaid extract
--dates` tags the texts, `timex_score.py score` prints strict/relaxed P/R/F1, type and value accuracy and F1.
Then, on the five fixed folds by document of the event-date benchmark (`anchor_data.folds`, seed 12), each TIMEX3
type's relaxed recall (the scorer run on that type's gold against every prediction) and precision (every gold
against the predictions of that type), per fold and overall, and the commonest gold forms no prediction overlaps
(digits written 9, lower case), so that a rule added for one fold's misses can be seen to help on the others.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = ("TimeBank", "AQUAINT")
TYPES = ("DATE", "TIME", "DURATION", "SET")
FOLDS, SEED = 5, 12  # the event-date benchmark's folds (whosaid.temporal.anchor_data.folds)


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


def read_jsonl(path: Path) -> dict[str, dict]:
    """The lines of a gold or prediction file by document."""
    return {str(o["doc"]): o for o in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if o}


def scored(gold: dict[str, dict], pred: dict[str, dict], docs: list[str], work: Path, scorer: Path) -> dict:
    """The shared scorer's figures for `docs` of a gold and a prediction set (written to `work`)."""
    work.mkdir(parents=True, exist_ok=True)
    (work / "gold.jsonl").write_text("".join(json.dumps(gold[d]) + "\n" for d in docs if d in gold), encoding="utf-8")
    (work / "pred.jsonl").write_text("".join(json.dumps(pred.get(d, {"doc": d, "timexes": []})) + "\n" for d in docs),
                                     encoding="utf-8")
    out = subprocess.run([sys.executable, str(scorer), "score", str(work), str(work / "pred.jsonl")], cwd=ROOT,
                         stdout=subprocess.PIPE, text=True, check=True).stdout
    return json.loads(out)


def only(lines: dict[str, dict], typ: str) -> dict[str, dict]:
    """The same lines keeping only the expressions of one TIMEX3 type."""
    return {d: {**o, "timexes": [t for t in o.get("timexes", []) if str(t.get("type", "")).upper() == typ]}
            for d, o in lines.items()}


def by_type(gold: dict[str, dict], pred: dict[str, dict], work: Path, scorer: Path) -> dict:
    """Relaxed recall and precision per TIMEX3 type on each fold by document and overall, as the scorer counts."""
    from whosaid.temporal.anchor_data import folds

    parts = folds(sorted(gold), FOLDS, SEED)
    out: dict[str, dict] = {}
    for typ in TYPES:
        rows = []
        for k, docs in enumerate([*parts, sorted(gold)]):
            rec = scored(only(gold, typ), pred, docs, work / f"{typ}-{k}-r", scorer)
            prec = scored(gold, only(pred, typ), docs, work / f"{typ}-{k}-p", scorer)
            rows.append({"gold": rec["gold"], "pred": prec["pred"], "recall": rec["relaxed_prf"][1],
                         "precision": prec["relaxed_prf"][0]})
        out[typ] = {"folds": rows[:-1], **rows[-1]}
    out["value_f1_folds"] = [scored(gold, pred, docs, work / f"all-{k}", scorer)["value_f1"]
                             for k, docs in enumerate(parts)]
    return out


def missed(gold: dict[str, dict], pred: dict[str, dict], top: int) -> dict[str, list[tuple[str, int]]]:
    """Per type, the commonest gold expressions that no prediction overlaps (digits as 9, lower case)."""
    counts: dict[str, Counter] = {t: Counter() for t in TYPES}
    for d, o in gold.items():
        spans = [(p["start"], p["end"]) for p in pred.get(d, {}).get("timexes", [])]
        for g in o["timexes"]:
            if g["type"] in counts and not any(min(g["end"], e) > max(g["start"], s) for s, e in spans):
                counts[g["type"]][re.sub(r"\d", "9", g["text"].lower())] += 1
    return {t: c.most_common(top) for t, c in counts.items()}


def main(argv: list[str] | None = None) -> int:
    """Print the figures per corpus and for both together."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N documents of each corpus")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (corpora, tools)")
    ap.add_argument("--missed", type=int, default=12, help="how many missed forms to list per type")
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
        gold, pred = read_jsonl(both / "gold.jsonl"), read_jsonl(both / "pred.jsonl")
        types = by_type(gold, pred, Path(tmp) / "types", scorer)
        forms = missed(gold, pred, args.missed)
    print(f"by type, relaxed, {FOLDS} folds by document (seed {SEED}): recall / precision per fold | overall")
    for typ in TYPES:
        t = types[typ]
        print(f"  {typ:8} " + "  ".join(f"{f['recall']:.3f}/{f['precision']:.3f}" for f in t["folds"])
              + f"  | {t['recall']:.3f}/{t['precision']:.3f} (gold {t['gold']}, pred {t['pred']})")
        print("    missed: " + ", ".join(f"{form!r} {n}" for form, n in forms[typ]))
    print("  value F1 per fold: " + " ".join(f"{v:.3f}" for v in types["value_f1_folds"]))
    summary["by_type"] = {typ: types[typ] for typ in TYPES}
    summary["value_f1_folds"] = types["value_f1_folds"]
    summary["missed"] = forms
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
