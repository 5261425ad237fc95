"""Command line: `whosaid extract FILE...` (JSON lines), `whosaid build SOURCES...` (the store) and
`whosaid compact [STORE]`."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from whosaid import __version__
from whosaid.dates import is_day
from whosaid.ingest import IngestError, content_hash, from_bytes, give_date, iter_sources, read_dates
from whosaid.model import Article
from whosaid.settings import BATCH_SIZE, COMMIT_SECONDS, GRACE_SECONDS, STORE, resolve


def iso_date(value: str) -> str:
    """argparse type: a YYYY-MM-DD date."""
    if not is_day(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2017-08-16")
    return value


def load_articles(sources: list[str], date: str | None, dates: dict[str, str]) -> tuple[list[tuple[Article, str]], list[str]]:
    """(article, content hash) for every readable source, and an error message for every other one."""
    items, errors, seen = [], [], set()
    for path in iter_sources(sources):
        try:
            data = path.read_bytes()
        except OSError as exc:
            errors.append(f"{path}: cannot be read ({exc.strerror}).")
            continue
        try:
            article = from_bytes(data, path.name, str(path))
        except IngestError as exc:
            errors.append(str(exc))
            continue
        digest = content_hash(data + __version__.encode())
        base, n = article.doc, 2
        while article.doc in seen:
            article.doc, n = f"{base}-{n}", n + 1
        seen.add(article.doc)
        items.append((give_date(article, dates.get(path.stem, date)), digest))
    return items, errors


def cmd_extract(args: argparse.Namespace) -> int:
    """Print one JSON object per input file."""
    from whosaid.extract import extract_articles

    dates = read_dates(args.dates) if args.dates else {}
    items, errors = load_articles(args.files, args.date, dates)
    for msg in errors:
        print(f"whosaid: {msg}", file=sys.stderr)
    failed = len(errors)
    for article, result in extract_articles([a for a, _ in items]):
        if isinstance(result, Exception):
            failed += 1
            print(f"whosaid: {article.doc}: extraction failed ({type(result).__name__}: {result})", file=sys.stderr)
            doc = Path(article.path).stem if article.path else article.doc
            print(json.dumps({"doc": doc, "error": str(result), "quotes": [], "timexes": [], "events": []}))
            continue
        out = result.to_json(with_text=article.fmt == "html")
        if article.path:  # the contract's "doc" is the file stem, even where the store needs a URL-safe id
            out["doc"] = Path(article.path).stem
        print(json.dumps(out, ensure_ascii=False), flush=True)
    return 1 if failed and not items else 0


def positive(value: str) -> int:
    """argparse type: a whole number of at least 1."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return int(value)


def cmd_build(args: argparse.Namespace) -> int:
    """Preprocess sources into the store, skipping unchanged articles."""
    from concurrent.futures import BrokenExecutor

    from whosaid.build import BuildError, build
    from whosaid.store import StoreError

    out = resolve(STORE, args.out)
    try:
        report = build(args.sources, out, workers=args.workers, cluster=args.cluster,
                       date=args.date, dates=read_dates(args.dates) if args.dates else {},
                       force=args.force, prune=args.prune, batch_size=args.batch_size, commit_every=args.commit_every)
    except (BuildError, StoreError) as exc:
        print(f"whosaid: {exc}", file=sys.stderr)
        return 2
    except BrokenExecutor as exc:
        print(f"whosaid: a worker process died ({exc}); what was done is stored: run the build again to resume.",
              file=sys.stderr)
        return 1
    print(f"store {out}: version {report.version}", file=sys.stderr)
    return 1 if report.failed or report.skipped else 0


def cmd_compact(args: argparse.Namespace) -> int:
    """Rewrite the store's small parts into fewer files and delete what no version names."""
    from whosaid.store import StoreError, compact

    out = resolve(STORE, args.store)
    try:
        done = compact(out, grace=args.grace)
    except StoreError as exc:
        print(f"whosaid: {exc}", file=sys.stderr)
        return 2
    print(f"store {out}: compacted {done.parts_before} parts into {done.parts_after}, deleted {done.deleted} old "
          f"files; version {done.version}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of `whosaid` and `python -m whosaid`."""
    parser = argparse.ArgumentParser(prog="whosaid", description="Who said what, and when, in news articles.")
    parser.add_argument("--version", action="version", version=f"whosaid {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="print quotes, timexes and events of each file as JSON lines")
    p.add_argument("files", nargs="+", help="article files (.txt, .html, .md) or folders")
    p.add_argument("--date", type=iso_date, help="publication date of the articles (YYYY-MM-DD)")
    p.add_argument("--dates", help="TSV file: file stem, tab, publication date (one line per article)")
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("build", help="preprocess articles into the dashboard's store")
    p.add_argument("sources", nargs="+", help="article files or folders")
    p.add_argument("--out", help=f"store folder (default: ${STORE.env}, else {STORE.default} in the current folder)")
    p.add_argument("--date", type=iso_date, help="publication date of the articles (YYYY-MM-DD)")
    p.add_argument("--dates", help="TSV file: file stem, tab, publication date (one line per article)")
    p.add_argument("--force", action="store_true", help="reprocess unchanged articles too")
    p.add_argument("--prune", action="store_true", help="drop stored articles that are not among the sources")
    p.add_argument("--workers", type=positive, help="worker processes (default: one per core); with --cluster local, "
                   "the LocalCluster's workers")
    p.add_argument("--cluster", metavar="ADDRESS", help="run on a Dask cluster: a scheduler address such as "
                   "tcp://host:8786, or 'local' for a LocalCluster here (needs `pip install 'whosaid[cluster]'`)")
    p.add_argument("--batch-size", type=positive, default=BATCH_SIZE, help=f"articles per batch (default {BATCH_SIZE})")
    p.add_argument("--commit-every", type=float, default=COMMIT_SECONDS, metavar="SECONDS",
                   help=f"commit finished batches to the store at least this often (default {COMMIT_SECONDS:g})")
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("compact", help="rewrite the store's small part files into fewer, and delete old files")
    p.add_argument("store", nargs="?", help=f"store folder (default: ${STORE.env}, else {STORE.default})")
    p.add_argument("--grace", type=float, default=GRACE_SECONDS, metavar="SECONDS",
                   help="keep files that a version stopped naming for this long, for readers of that version "
                        f"(default {GRACE_SECONDS:g}; 0 deletes them now)")
    p.set_defaults(func=cmd_compact)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except (OSError, IngestError) as exc:
        print(f"whosaid: {exc}", file=sys.stderr)
        return 2
