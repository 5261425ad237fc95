"""Stories on PolNeAR train+dev: how many, how many carried by 2+ and 5+ articles, hand-read precision and recall.

    python benchmarks/stories.py [--store DIR] [--limit N] [--threshold T] [--scale K]

Without --store it builds PolNeAR train+dev (publication dates from metadata.tsv) with `python -m whosaid build
--dates` into a temp folder; --limit N builds only the first N articles named in the sample. The hand-read sample,
benchmarks/data/stories_sample.tsv, holds candidate pairs (two events of different articles in one block) with a
label, "same" happening or "different"; a pair counts as merged when an event of its first sentence and one of its
second share a story (pairs are found by doc id and sentence text). Precision: the share of merged pairs labelled
same; recall: the share of same pairs merged; both on the sample, on train (where the threshold was tuned) and on
dev (kept out of tuning), and recall also weighted by each band's sampling rate (an estimate over all candidates).
The window is the corpus's publication span; the default window is where the timeline opens (the publication span
widened towards the central 95% of dated events, `whosaid.dashboard.queries.event_window`), with the share of dated
events inside it. The timeline page is then timed in Streamlit's AppTest on the store and on the seed store
(data/processed): its first run, and its reruns after a widget change (an actor chosen, then cleared; the slower is
reported). --scale K repeats the events K times as if K times as many articles had reported them (a denser corpus,
to time the build on 100k+ events).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "polnear"
SAMPLE = ROOT / "benchmarks" / "data" / "stories_sample.tsv"
SEED_STORE = ROOT / "data" / "processed"
sys.path.insert(0, str(ROOT / "lib"))


def read_sample(path: Path = SAMPLE) -> pd.DataFrame:
    """The hand-read pairs (comment lines at the top skipped)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return pd.DataFrame(list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t")))


def flat(text: str) -> str:
    """A sentence on one line with single spaces, as the sample writes it."""
    return " ".join(str(text).split())


def grouped_pairs(sample: pd.DataFrame, items: pd.DataFrame, members: pd.DataFrame, *, item: str, group: str,
                  text: str, side: str) -> pd.DataFrame:
    """The sample's pairs (`doc_a`, `{side}_a`, `doc_b`, `{side}_b`) found among the items (an id column `item`, a
    `doc` and a `text` column), with `merged`: an item of each side in one group of `members` (item -> group)."""
    group_of = dict(zip(members[item], members[group]))
    groups_of: dict[tuple[str, str], set] = {}
    for doc, words, key in zip(items["doc"], items[text], items[item]):
        groups_of.setdefault((doc, flat(words)), set()).add(group_of.get(key))
    rows = []
    for r in sample.to_dict("records"):
        a, b = groups_of.get((r["doc_a"], r[f"{side}_a"])), groups_of.get((r["doc_b"], r[f"{side}_b"]))
        if a is not None and b is not None:
            rows.append({**r, "merged": bool((a & b) - {None})})
    return pd.DataFrame(rows, columns=[*sample.columns, "merged"])


def merged_pairs(sample: pd.DataFrame, events: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """The sample's pairs found among the events, with `merged`: an event of each sentence in one story."""
    return grouped_pairs(sample, events, members, item="event_id", group="story_id", text="sentence",
                         side="sentence")


def split_figures(pairs: pd.DataFrame) -> dict:
    """Precision and recall of the whole sample and of its train and dev pairs (keys sample_*, train_*, dev_*)."""
    out = {f"sample_{k}": v for k, v in precision_recall(pairs).items()}
    for split in ("train", "dev"):
        out.update({f"{split}_{k}": v for k, v in precision_recall(pairs[pairs["split"] == split]).items()})
    return out


def split_lines(fig: dict, weighted: str) -> None:
    """Print the sample's, train's and dev's pairs with precision and recall (`weighted`: how recall is weighted)."""
    for split in ("sample", "train", "dev"):
        print(f"{split:>6}: {fig[f'{split}_pairs']} hand-read pairs ({fig[f'{split}_same']} same), "
              f"precision {fig[f'{split}_precision']}, recall {fig[f'{split}_recall']} "
              f"({weighted} {fig[f'{split}_recall_weighted']})")


def precision_recall(pairs: pd.DataFrame) -> dict:
    """Precision and recall of "same happening" over pairs with `label` and `merged` (recall also band-weighted)."""
    same = pairs["label"] == "same"
    merged = pairs["merged"].astype(bool)
    weight = pairs["weight"].astype(float)
    hit = int((same & merged).sum())

    def ratio(num: float, den: float) -> float | None:
        return round(num / den, 3) if den else None
    return {"pairs": len(pairs), "same": int(same.sum()), "merged": int(merged.sum()),
            "precision": ratio(hit, merged.sum()), "recall": ratio(hit, same.sum()),
            "recall_weighted": ratio(float(weight[same & merged].sum()), float(weight[same].sum()))}


def window_shares(events: pd.DataFrame, articles: pd.DataFrame, stories: pd.DataFrame) -> dict:
    """The publication span and the share of dated events and of stories whose date starts inside it."""
    pub = articles["date"].dropna().astype(str).str[:10]
    pub = pub[pub.str.fullmatch(r"\d{4}-\d\d-\d\d")]
    if pub.empty:
        return {"window": None, "dated_in_window": None, "stories_in_window": None}
    lo, hi = pub.min(), pub.max()

    def share(starts: pd.Series) -> float | None:
        s = starts.dropna().astype(str).str[:10]
        return round(float(((s >= lo) & (s <= hi)).mean()), 3) if len(s) else None
    return {"window": [lo, hi], "dated_in_window": share(events["date_start"]),
            "stories_in_window": share(stories["date_start"])}


def default_window(root: Path) -> dict:
    """The window the timeline opens on (the whole span when nothing lies far off) and the share of dated events
    that overlap it, read through the dashboard's own query."""
    from whosaid import store
    from whosaid.dashboard import queries
    from whosaid.dashboard.db import Corpus

    db = Corpus(root, store.store_version(root), warm=False)
    try:
        window, span = queries.event_window(db), queries.event_span(db)
    finally:
        db.close()
    if span is None:
        return {"default_window": None, "dated_in_default_window": None, "dated_outside_default_window": 0}
    if window is None:
        return {"default_window": [span[0].isoformat(), span[1].isoformat()], "dated_in_default_window": 1.0,
                "dated_outside_default_window": 0}
    return {"default_window": [window.lo.isoformat(), window.hi.isoformat()],
            "dated_in_default_window": round(window.share, 3), "dated_outside_default_window": window.outside}


def timeline_times(root: Path) -> dict:
    """Seconds of the timeline page in AppTest on the store at `root`: its first run and the slower of two reruns
    after a widget change (the most quoted actor chosen, then cleared)."""
    from streamlit.testing.v1 import AppTest

    from whosaid.dashboard.routes import TIMELINE

    old = os.environ.get("WHOSAID_STORE")
    os.environ["WHOSAID_STORE"] = str(root)
    try:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
        at.run()
        at.switch_page(TIMELINE.file)
        t0 = time.perf_counter()
        at.run()
        first = time.perf_counter() - t0
        reruns = []
        box = at.multiselect(key="actor")
        for change in ((lambda b: b.select(b.options[0])) if box.options else None, lambda b: b.set_value([])):
            if change is None:
                continue
            t0 = time.perf_counter()
            change(at.multiselect(key="actor")).run()
            reruns.append(time.perf_counter() - t0)
        if at.exception:
            raise RuntimeError(f"the timeline page failed: {at.exception[0].value}")
    finally:
        if old is None:
            os.environ.pop("WHOSAID_STORE", None)
        else:
            os.environ["WHOSAID_STORE"] = old
    return {"first_run_s": round(first, 2), "rerun_s": round(max(reruns), 2) if reruns else None}


def dashboard_figures(root: Path, seed: Path | None = SEED_STORE) -> dict:
    """The default window's figures and the timeline page's times on the store, and its times on the seed store."""
    out = default_window(root)
    out.update({f"timeline_{k}": v for k, v in timeline_times(root).items()})
    if seed is not None and (seed / "manifest.json").is_file():
        out.update({f"seed_timeline_{k}": v for k, v in timeline_times(seed).items()})
    return out


def outlets() -> dict[str, str]:
    """PolNeAR's publisher of each article, by doc id (metadata.tsv: filename, publisher)."""
    from whosaid.ingest import doc_id

    meta = pd.read_csv(CORPUS / "metadata.tsv", sep="\t", dtype=str)
    return {doc_id(f): p for f, p in zip(meta["filename"], meta["publisher"])}


def figures(tables: dict[str, pd.DataFrame], sample: pd.DataFrame, *, threshold: float | None = None,
            publisher: dict[str, str] | None = None) -> dict:
    """Every figure of the benchmark for the store's tables and the hand-read sample (`publisher`: doc -> outlet)."""
    from whosaid.corpus.stories import THRESHOLD, build_stories

    events, articles = tables["events"], tables["articles"]
    t0 = time.perf_counter()
    stories, members = build_stories(events, articles, speakers=tables.get("speakers"),
                                     threshold=THRESHOLD if threshold is None else threshold)
    seconds = time.perf_counter() - t0
    pairs = merged_pairs(sample, events, members)
    out = {"articles": len(articles), "events": len(events), "dated_events": int(events["date_start"].notna().sum()),
           "stories": len(stories), "stories_2plus": int((stories["n_articles"] >= 2).sum()),
           "stories_5plus": int((stories["n_articles"] >= 5).sum()),
           "stories_2plus_outlets": int(sum(len({(publisher or {}).get(d, d) for d in docs}) >= 2
                                            for docs in stories["docs"])),
           "largest_story": int(stories["n_articles"].max()) if len(stories) else 0,
           "events_in_multi_article_stories": int(stories.loc[stories["n_articles"] >= 2, "n_events"].sum()),
           "threshold": THRESHOLD if threshold is None else threshold}
    out.update(split_figures(pairs))
    out.update(window_shares(events, articles, stories))
    out["seconds"] = round(seconds, 2)
    return out


def scaled(tables: dict[str, pd.DataFrame], k: int) -> dict[str, pd.DataFrame]:
    """The tables with every article repeated k times under new doc ids (a corpus k times as dense)."""
    def rep(df: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
        parts = []
        for i in range(k):
            part = df.assign(doc=df["doc"] + (f"~{i}" if i else ""))
            for col in ids:
                part[col] = part[col].astype(str) + (f"~{i}" if i else "")
            parts.append(part)
        return pd.concat(parts, ignore_index=True)
    return {"events": rep(tables["events"], ["event_id"]), "articles": rep(tables["articles"], []),
            "speakers": rep(tables["speakers"], [])}


def build_polnear(work: Path, limit: int | None, sample: pd.DataFrame) -> Path:
    """Build PolNeAR train+dev (or the first `limit` articles of the sample) into a store under `work`."""
    from whosaid.ingest import doc_id

    paths = sorted(CORPUS.glob("*/text/*.txt"))
    if limit:
        wanted = list(dict.fromkeys(d for pair in zip(sample["doc_a"], sample["doc_b"]) for d in pair))[:limit]
        by_doc = {doc_id(p.name): p for p in paths}
        paths = [by_doc[d] for d in wanted if d in by_doc]
    meta = pd.read_csv(CORPUS / "metadata.tsv", sep="\t", dtype=str)
    dates = work / "dates.tsv"
    dates.write_text("".join(f"{f}\t{d}\n" for f, d in zip(meta["filename"], meta["publication_date"])),
                     encoding="utf-8")
    store = work / "store"
    cmd = [sys.executable, "-m", "whosaid", "build", *map(str, paths), "--out", str(store), "--dates", str(dates)]
    print(f"$ python -m whosaid build <{len(paths)} PolNeAR texts> --out {store} --dates {dates}")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "lib")}
    subprocess.run(cmd, check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    return store


def report(fig: dict) -> None:
    """The figures, readable."""
    print(f"articles {fig['articles']}, events {fig['events']}, dated {fig['dated_events']}")
    print(f"stories {fig['stories']}: carried by 2+ articles {fig['stories_2plus']} (by 2+ outlets "
          f"{fig['stories_2plus_outlets']}), by 5+ {fig['stories_5plus']}, largest {fig['largest_story']} articles "
          f"(threshold {fig['threshold']})")
    split_lines(fig, "band-weighted")
    print("  (the threshold and the same-doer bonus were chosen on train pairs; dev pairs were kept out of the fit)")
    print(f"window {fig['window']}: dated events inside {fig['dated_in_window']}, stories inside "
          f"{fig['stories_in_window']}")
    print(f"stories built in {fig['seconds']} s")
    if "default_window" in fig:
        print(f"default window {fig['default_window']}: dated events inside {fig['dated_in_default_window']} "
              f"({fig['dated_outside_default_window']} outside)")
        print(f"timeline page (AppTest): first run {fig['timeline_first_run_s']} s, rerun after a widget change "
              f"{fig['timeline_rerun_s']} s; on the seed store {fig.get('seed_timeline_first_run_s')} s and "
              f"{fig.get('seed_timeline_rerun_s')} s")


def main(argv: list[str] | None = None) -> int:
    """Print the stories figures; the last line is one JSON object."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="a built store of PolNeAR train+dev (default: build one)")
    ap.add_argument("--limit", type=int, help="build only the first N articles named in the sample")
    ap.add_argument("--threshold", type=float, help="the merge threshold (default: whosaid's)")
    ap.add_argument("--scale", type=int, default=0, help="also time the build on the events repeated K times")
    ap.add_argument("--no-dashboard", action="store_true", help="skip the default window and the page times")
    args = ap.parse_args(argv)
    from whosaid import store

    sample = read_sample()
    if args.store is None and not CORPUS.is_dir():
        print(f"PolNeAR not found under {SHARED}: nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        root = args.store or build_polnear(Path(tmp), args.limit, sample)
        tables = store.load_tables(root)
        fig = figures(tables, sample, threshold=args.threshold,
                      publisher=outlets() if (CORPUS / "metadata.tsv").is_file() else None)
        if not args.no_dashboard:
            fig.update(dashboard_figures(Path(root)))
    report(fig)
    if args.scale > 1:
        from whosaid.corpus.stories import build_stories

        big = scaled(tables, args.scale)
        t0 = time.perf_counter()
        stories, _ = build_stories(big["events"], big["articles"], speakers=big["speakers"],
                                   threshold=fig["threshold"])
        fig["scaled"] = {"k": args.scale, "events": len(big["events"]), "stories": len(stories),
                         "seconds": round(time.perf_counter() - t0, 2)}
        print(f"x{args.scale}: {fig['scaled']['events']} events, {len(stories)} stories in "
              f"{fig['scaled']['seconds']} s")
    print(json.dumps({"benchmark": "stories", "limit": args.limit, **fig}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
