"""Quote extraction and attribution on PolNeAR, scored by the shared scorer (shared/tools/polnear_score.py).

Usage: python benchmarks/quotes_polnear.py [--split dev|train] [--offset N] [--limit N] [--out PRED.jsonl]
                                           [--rules-only] [--cv] [--work DIR]

Parses the split's texts once with the bare spaCy pipeline (timed), runs the whole whosaid extraction on
those parses (quotes and speakers timed apart), writes the `python -m whosaid extract` JSON lines with the
publication dates of metadata.tsv, and scores them with the shared scorer, whose command line it prints so
anyone can re-check the figures. The corpus is read from the `shared` folder beside the checkout.

--offset N skips the split's first N documents (in name order) and --limit N keeps the next N: a slice of train
to check a change on documents it was not written on (benchmarks/quote_misses.py takes the same slices).
--rules-only measures the rules without the learned tagger (the figures before it). --cv adds the
cross-validated figures on PolNeAR train: 5 folds by document, each extracted with a tagger trained on the
other four (the cross-fitting of `python -m whosaid.quotes.train`, reused from --work when it is there, about
half an hour on two cores otherwise), pooled and scored by the same scorer, rules only and with the tagger.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "polnear"
SCORER = SHARED / "tools" / "polnear_score.py"
sys.path.insert(0, str(ROOT))

ANN_LINE = re.compile(r"^[TEAR#]\S*\t")


def read_dates(metadata: Path) -> dict[str, str]:
    """Publication date by document name from PolNeAR's metadata.tsv."""
    lines = metadata.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    name_col, date_col = header.index("filename"), header.index("publication_date")
    out = {}
    for line in lines[1:]:
        cols = line.split("\t")
        if len(cols) > max(name_col, date_col) and re.fullmatch(r"\d{4}-\d\d-\d\d", cols[date_col]):
            out[cols[name_col]] = cols[date_col]
    return out


def gold_dir(split_dir: Path, docs: list[str], work: Path) -> Path:
    """The split's gold folder, or a copy limited to `docs` with malformed .ann lines left out when needed."""
    anns = sorted((split_dir / "attributions").glob("*.ann"))
    wanted = set(docs)
    chosen = [a for a in anns if a.stem.rsplit("_", 1)[0] in wanted]
    broken = [a for a in chosen if any(ln and not ANN_LINE.match(ln)
                                       for ln in a.read_text(encoding="utf-8").splitlines())]
    if len(chosen) == len(anns) and not broken:
        return split_dir
    out = work / "gold"
    (out / "attributions").mkdir(parents=True, exist_ok=True)
    (out / "text").symlink_to(split_dir / "text")
    for a in chosen:
        lines = a.read_text(encoding="utf-8").splitlines()
        (out / "attributions" / a.name).write_text(
            "\n".join(ln for ln in lines if ANN_LINE.match(ln)) + "\n", encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "train"], default="dev")
    ap.add_argument("--offset", type=int, default=0, help="skip the first N documents (name order)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents (after --offset)")
    ap.add_argument("--out", type=Path, help="where to write the predictions (JSON lines)")
    ap.add_argument("--rules-only", action="store_true", help="without the learned tagger (the figures before it)")
    ap.add_argument("--cv", action="store_true", help="add 5-fold cross-validated figures on PolNeAR train")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "whosaid-quotemodel",
                    help="cache of parses and fold models for --cv (shared with python -m whosaid.quotes.train)")
    args = ap.parse_args(argv)
    split_dir = CORPUS / args.split
    if not split_dir.exists() or not SCORER.exists():
        print(f"PolNeAR or its scorer not found under {SHARED}: nothing to measure")
        return 0

    from whosaid.extract import extract_doc
    from whosaid.ingest import read_file
    from whosaid.model import Article
    from whosaid.nlp import bare_pipeline_name, load_nlp
    from whosaid.quotes import attribution
    from whosaid.quotes.attribution import extract_quotes
    from whosaid.quotes.learned import shipped_tagger
    from whosaid.quotes.speakers import resolve_speakers

    tagger = None if args.rules_only else shipped_tagger()
    if args.rules_only:
        attribution.shipped_tagger = lambda: None  # extract_doc's quotes, rules alone

    paths = sorted((split_dir / "text").glob("*.txt"))[args.offset:]
    if args.limit:
        paths = paths[:args.limit]
    dates = read_dates(CORPUS / "metadata.tsv")
    articles: list[Article] = []
    for p in paths:
        a = read_file(p)
        a.date, a.date_source, a.date_confidence = dates.get(p.stem), "given", 1.0
        if not a.date:
            a.date_source, a.date_confidence = "none", 0.0
        articles.append(a)
    nlp = load_nlp()
    nlp(articles[0].text if articles else "warm up")

    t0 = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    t_parse = time.perf_counter() - t0

    crashes, t_quotes = 0, 0.0
    for doc in docs:
        t1 = time.perf_counter()
        try:
            resolve_speakers(doc, extract_quotes(doc, tagger=tagger or False))
        except Exception:  # noqa: BLE001 (counted, reported below)
            crashes += 1
        t_quotes += time.perf_counter() - t1

    work = Path(tempfile.mkdtemp(prefix="whosaid-polnear-"))
    pred = args.out or work / "pred.jsonl"
    failed = []
    with pred.open("w", encoding="utf-8") as f:
        for path, article, doc in zip(paths, articles, docs):
            try:
                obj = extract_doc(article, doc).to_json()
            except Exception as exc:  # noqa: BLE001 (the CLI's contract for a failed article)
                failed.append(f"{article.doc}: {type(exc).__name__}: {exc}")
                obj = {"doc": article.doc, "error": str(exc), "quotes": [], "timexes": [], "events": []}
            obj["doc"] = path.stem  # the scorer keys documents by text file stem (doc ids drop a trailing "-")
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")

    gold = gold_dir(split_dir, [p.stem for p in paths], work)
    cmd = [sys.executable, str(SCORER), str(gold), str(pred), "--json"]
    res = score(gold, pred)

    n = len(docs)
    model = "rules only" if tagger is None else f"rules + learned tagger ({tagger.meta.get('trained_on', {}).get('corpus', '?')})"
    print(f"PolNeAR {args.split}: {n} documents, {res['gold']} gold attributions, {res['pred']} predicted; {model}")
    print_figures(res)
    print(f"{'crashes':26} {crashes + len(failed)} of {n}")
    for msg in failed:
        print(f"  {msg}")
    bare = n / t_parse if t_parse else 0.0
    full = n / (t_parse + t_quotes) if t_parse + t_quotes else 0.0
    print(f"{'docs/s':26} {full:.2f} with quotes+speakers, {bare:.2f} bare spaCy ({bare_pipeline_name()})")
    ratio = (t_parse + t_quotes) / t_parse if t_parse else 0.0
    print(f"{'extraction overhead':26} {100 * t_quotes / t_parse if t_parse else 0:.1f}% of parse time "
          f"({t_quotes:.2f} s vs {t_parse:.2f} s): {ratio:.2f}x the bare pipeline's time")
    print("re-check with the scorer:")
    print("  " + " ".join(cmd[:-1]))
    print(f"  (predictions as `python -m whosaid extract {split_dir / 'text'}/*.txt --dates DATES.tsv` prints them, "
          f"with each \"doc\" set to its file stem; written to {pred})")
    cv = cross_validated(args.work) if args.cv else {}
    print(json.dumps({"benchmark": "quotes_polnear", "split": args.split, "offset": args.offset, "docs": n, "gold": res["gold"],
                      "model": "rules" if tagger is None else "rules+tagger",
                      "pred": res["pred"], "content_exact_f1": res["content_exact_prf"][2],
                      "content_overlap_p": res["content_overlap_prf"][0],
                      "content_overlap_r": res["content_overlap_prf"][1],
                      "content_overlap_f1": res["content_overlap_prf"][2], "end_to_end_f1": res["end_to_end_prf"][2],
                      "source_acc": res["source_acc"], "cue_acc": res["cue_acc"],
                      "direct_recall": res["direct_recall"], "crashes": crashes + len(failed),
                      "docs_per_s": round(full, 3), "bare_docs_per_s": round(bare, 3),
                      "time_ratio": round(ratio, 3), **cv}))
    return 0


def print_figures(res: dict) -> None:
    """The scorer's figures, one a line."""
    for key, label in (("content_exact_prf", "content exact P/R/F1"), ("content_overlap_prf", "content overlap P/R/F1"),
                       ("end_to_end_prf", "end-to-end P/R/F1")):
        p, r, f1 = res[key]
        print(f"{label:26} {p:.3f} / {r:.3f} / {f1:.3f}")
    print(f"{'source accuracy':26} {res['source_acc']:.3f}")
    print(f"{'cue accuracy':26} {res['cue_acc']:.3f}")
    print(f"{'direct-quote recall':26} {res['direct_recall']:.3f} (of {res['direct_gold']})")


def score(gold: Path, pred: Path) -> dict:
    """The shared scorer's figures for a predictions file."""
    cmd = [sys.executable, str(SCORER), str(gold), str(pred), "--json"]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])


def cross_validated(work: Path) -> dict:
    """5-fold cross-validated figures on PolNeAR train, rules alone and rules with the fold's tagger."""
    from whosaid.quotes.attribution import extract_quotes
    from whosaid.quotes.learned import MODEL_DIR
    from whosaid.quotes.speakers import resolve_speakers
    from whosaid.quotes.train import corpus_files, digest, fold_taggers, load_corpus, read_config

    split_dir = CORPUS / "train"
    config = read_config(Path(str(MODEL_DIR / "config.toml")))
    data = load_corpus(split_dir, work)
    taggers = fold_taggers(data, config, work, digest(corpus_files(split_dir)))
    out = {}
    for label, use in (("rules", False), ("rules+tagger", True)):
        pred = Path(tempfile.mkdtemp(prefix="whosaid-polnear-cv-")) / "pred.jsonl"
        with pred.open("w", encoding="utf-8") as f:
            for test, tagger in taggers:
                for k in test:
                    doc = data[k][0]
                    quotes, _ = resolve_speakers(doc, extract_quotes(doc, tagger=tagger if use else False))
                    f.write(json.dumps({"doc": doc.user_data["name"], "quotes": [
                        {"content_spans": q.content_spans, "speaker_spans": q.speaker_spans,
                         "cue_spans": q.cue_spans, "kind": q.kind} for q in quotes]}) + "\n")
        res = score(gold_dir(split_dir, [d.user_data["name"] for d, _ in data], pred.parent), pred)
        print(f"PolNeAR train, {config['folds']}-fold cross-validated by document, {label}: "
              f"{res['gold']} gold, {res['pred']} predicted")
        print_figures(res)
        prefix = "cv_rules_" if not use else "cv_"
        out.update({f"{prefix}content_overlap_p": res["content_overlap_prf"][0],
                    f"{prefix}content_overlap_r": res["content_overlap_prf"][1],
                    f"{prefix}content_overlap_f1": res["content_overlap_prf"][2],
                    f"{prefix}end_to_end_f1": res["end_to_end_prf"][2], f"{prefix}source_acc": res["source_acc"],
                    f"{prefix}direct_recall": res["direct_recall"]})
    return out


if __name__ == "__main__":
    raise SystemExit(main())
