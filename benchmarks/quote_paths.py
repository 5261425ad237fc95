"""Quote paths on PolNeAR train+dev: how many quotations several articles carry, hand-read precision and recall.

    python benchmarks/quote_paths.py [--store DIR] [--limit N]

Without --store it builds PolNeAR train+dev (publication dates from metadata.tsv) with `python -m whosaid build
--dates` into a temp folder; --limit N builds only the first N articles named in the sample. The hand-read sample,
benchmarks/data/quote_paths_sample.tsv, holds candidate pairs (two quotes of different articles sharing a run of
three words) labelled "same" quotation or "different"; a pair counts as joined when a quote of its first text and
one of its second share a path (quotes are found by doc id and text). Precision: the share of joined pairs
labelled same; recall: the share of same pairs joined; on the sample, on train and on dev, and recall also weighted
by each stratum's sampling rate (an estimate over all candidates).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "lib"))

from benchmarks.stories import (  # noqa: E402
    CORPUS, SHARED, build_polnear, grouped_pairs, outlets, read_sample, split_figures, split_lines)

SAMPLE = ROOT / "benchmarks" / "data" / "quote_paths_sample.tsv"


def joined_pairs(sample: pd.DataFrame, quotes: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """The sample's pairs found among the quotes, with `merged`: a quote of each text in one path."""
    return grouped_pairs(sample, quotes, members, item="quote_id", group="path_id", text="text", side="quote")


def figures(tables: dict[str, pd.DataFrame], sample: pd.DataFrame, *,
            quote_persons: pd.DataFrame | None = None, publisher: dict[str, str] | None = None) -> dict:
    """Every figure of the benchmark for the store's tables and the hand-read sample (`publisher`: doc -> outlet)."""
    from whosaid.corpus import build_paths, build_persons

    quotes, articles = tables["quotes"], tables["articles"]
    if quote_persons is None and tables.get("speakers") is not None:
        quote_persons = build_persons(tables["speakers"], quotes)[1]
    t0 = time.perf_counter()
    paths, members = build_paths(quotes, articles, quote_persons=quote_persons)
    seconds = time.perf_counter() - t0
    multi = paths[paths["n_articles"] >= 2]
    out = {"articles": len(articles), "quotes": len(quotes), "paths": len(paths),
           "paths_2plus": len(multi), "paths_3plus": int((paths["n_articles"] >= 3).sum()),
           "paths_2plus_outlets": int(sum(len({(publisher or {}).get(d, d) for d in docs}) >= 2
                                          for docs in multi["docs"])),
           "largest_path": int(paths["n_articles"].max()) if len(paths) else 0,
           "quotes_in_multi_paths": int(multi["n_quotes"].sum())}
    pairs = joined_pairs(sample, quotes, members)
    out.update(split_figures(pairs))
    out["seconds"] = round(seconds, 2)
    return out


def report(fig: dict) -> None:
    """The figures, readable."""
    print(f"articles {fig['articles']}, quotes {fig['quotes']}, paths {fig['paths']}")
    print(f"quotations carried by 2+ articles {fig['paths_2plus']} (by 2+ outlets {fig['paths_2plus_outlets']}), "
          f"by 3+ {fig['paths_3plus']}, largest {fig['largest_path']} articles; "
          f"{fig['quotes_in_multi_paths']} quotes in them")
    split_lines(fig, "stratum-weighted")
    print(f"paths built in {fig['seconds']} s")


def main(argv: list[str] | None = None) -> int:
    """Print the quote-path figures; the last line is one JSON object."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="a built store of PolNeAR train+dev (default: build one)")
    ap.add_argument("--limit", type=int, help="build only the first N articles named in the sample")
    args = ap.parse_args(argv)
    from whosaid import store
    from whosaid.store.corpus import load_corpus

    sample = read_sample(SAMPLE)
    if args.store is None and not CORPUS.is_dir():
        print(f"PolNeAR not found under {SHARED}: nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        root = args.store or build_polnear(Path(tmp), args.limit, sample)
        tables = store.load_tables(root)
        stored = load_corpus(root, store.store_version(root))
    fig = figures(tables, sample, quote_persons=stored.get("quote_persons"),
                  publisher=outlets() if (CORPUS / "metadata.tsv").is_file() else None)
    report(fig)
    print(json.dumps(fig))
    return 0


if __name__ == "__main__":
    sys.exit(main())
