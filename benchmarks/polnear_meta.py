"""The `whosaid build --meta` sidecar of the PolNeAR corpus, from its metadata.tsv: file, date, outlet, title, author.

Usage: python benchmarks/polnear_meta.py [--out FILE.csv] [--metadata PATH/metadata.tsv]

PolNeAR's metadata names each article's publisher by a short code (`wash-post`); the sidecar gives the outlet's
name as readers know it (The Washington Post). A row without a publication date, or with an author of "None",
leaves that value out. Then build the corpus with its publishers:

    python benchmarks/polnear_meta.py --out polnear-meta.csv
    whosaid build ../shared/corpora/polnear/train/text ../shared/corpora/polnear/dev/text \\
        --meta polnear-meta.csv --out ~/polnear-store

Writes the sidecar (atomically), prints the number of rows per outlet, and ends with one JSON line.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
METADATA = ROOT.parent / "shared" / "corpora" / "polnear" / "metadata.tsv"
OUTLETS = {  # PolNeAR's publisher codes -> the outlets' names
    "breitbart": "Breitbart News", "huff-post": "HuffPost", "nyt": "The New York Times", "politico": "Politico",
    "usa-today": "USA Today", "wash-post": "The Washington Post", "west-journal": "Western Journal",
    "parc": "The Wall Street Journal (PARC 3)",
}
COLUMNS = ["file", "date", "outlet", "title", "author"]


def sidecar_rows(metadata: Path) -> list[dict[str, str]]:
    """One sidecar row per article of PolNeAR's metadata.tsv."""
    rows = []
    with metadata.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            date = r.get("publication_date") or ""
            author = (r.get("author") or "").strip()
            rows.append({"file": r["filename"], "date": date if re.fullmatch(r"\d{4}-\d\d-\d\d", date) else "",
                         "outlet": OUTLETS.get(r.get("publisher") or "", r.get("publisher") or ""),
                         "title": (r.get("title") or "").strip(), "author": "" if author == "None" else author})
    return rows


def write_sidecar(rows: list[dict[str, str]], out: Path) -> Path:
    """Write the rows as a CSV sidecar (temporary file, then renamed into place)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    tmp.replace(out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--metadata", type=Path, default=METADATA, help="PolNeAR's metadata.tsv")
    ap.add_argument("--out", type=Path, default=Path("polnear-meta.csv"), help="the sidecar to write")
    args = ap.parse_args(argv)
    if not args.metadata.exists():
        print(f"no PolNeAR metadata at {args.metadata}: nothing to write")
        print(json.dumps({"rows": 0, "skipped": "no corpus"}))
        return 0
    rows = sidecar_rows(args.metadata)
    write_sidecar(rows, args.out)
    outlets = Counter(r["outlet"] for r in rows)
    for outlet, n in outlets.most_common():
        print(f"{n:5d}  {outlet}")
    print(f"{len(rows)} rows written to {args.out}")
    print(json.dumps({"rows": len(rows), "outlets": dict(outlets), "dated": sum(bool(r["date"]) for r in rows)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
