"""Command line: `whosaid extract FILE...` (JSON lines), `whosaid build SOURCES...` (the store) and
`whosaid compact [STORE]`."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from whosaid import __version__
from whosaid.dates import is_day
from whosaid.ingest import IngestError, content_hash, from_bytes, give_date, give_meta, read_dates, walk_sources
from whosaid.model import Article
from whosaid.settings import ALIASES, BATCH_SIZE, COMMIT_SECONDS, GRACE_SECONDS, STORE, resolve
from whosaid.sidecar import Meta, SidecarError, read_meta
from whosaid.store.export import EXPORTS, FORMATS


def iso_date(value: str) -> str:
    """argparse type: a YYYY-MM-DD date."""
    if not is_day(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2017-08-16")
    return value


def load_articles(sources: list[str], date: str | None, dates: dict[str, str], any_language: bool = False,
                  skip_twins: bool = False, meta: dict[str, Meta] | None = None,
                  ) -> tuple[list[tuple[Article, str]], list[str]]:
    """(article, content hash) for every readable source, and an error message for every other one (with
    `skip_twins`, a file with the same bytes as one before it too); what reading noticed is printed on stderr.
    `meta` (sidecar rows by file stem) wins over `dates`, `date` and the file."""
    items, errors, seen, first, meta = [], [], set(), {}, meta or {}
    for path, folder in walk_sources(sources):
        try:
            data = path.read_bytes()
        except OSError as exc:
            errors.append(f"{path}: cannot be read ({exc.strerror}).")
            continue
        digest = content_hash(data + __version__.encode())
        if digest in first and skip_twins:
            errors.append(f"{path}: the same file as {first[digest]}, which is stored once.")
            continue
        if digest in first:
            print(f"whosaid: note: {path}: the same file as {first[digest]}", file=sys.stderr)
        first.setdefault(digest, path)
        try:
            article = from_bytes(data, path.name, str(path), any_language=any_language)
        except IngestError as exc:
            errors.append(str(exc))
            continue
        for note in article.notes:
            print(f"whosaid: note: {path}: {note}", file=sys.stderr)
        base, n = article.doc, 2
        while article.doc in seen:
            article.doc, n = f"{base}-{n}", n + 1
        seen.add(article.doc)
        article = give_meta(give_date(article, dates.get(path.stem, date)), meta.get(path.stem), folder=folder)
        items.append((article, digest))
    return items, errors


def cmd_extract(args: argparse.Namespace) -> int:
    """Print one JSON object per input file."""
    from whosaid.extract import extract_articles

    dates = read_dates(args.dates) if args.dates else {}
    items, errors = load_articles(args.files, args.date, dates, args.any_language, meta=sidecar(args.meta))
    for msg in errors:
        print(f"whosaid: skipped {msg}", file=sys.stderr)
    failed = len(errors)
    for article, result in extract_articles([a for a, _ in items]):
        if isinstance(result, Exception):
            failed += 1
            print(f"whosaid: {article.doc}: extraction failed ({type(result).__name__}: {result})", file=sys.stderr)
            doc = _stem(article.path) if article.path else article.doc
            print(json_line({"doc": doc, "error": str(result), "quotes": [], "timexes": [], "events": []}))
            continue
        out = result.to_json(with_text=not article.verbatim)  # offsets index the text printed with them
        if article.path:  # the contract's "doc" is the file stem, even where the store needs a URL-safe id
            out["doc"] = _stem(article.path)
        print(json_line(out), flush=True)
    return 1 if failed else 0


def sidecar(path: str | None) -> dict[str, Meta]:
    """The rows of a `--meta` file by file stem (none without one); each row or value left out gets one line on
    stderr. Raises SidecarError when the file cannot be used."""
    if not path:
        return {}
    rows, problems = read_meta(path)
    for problem in problems:
        print(f"whosaid: note: {problem}", file=sys.stderr)
    return rows


def json_line(obj: dict) -> str:
    """One JSON line, with the characters that readers take for line ends (U+0085, U+2028, U+2029) escaped."""
    return json.dumps(obj, ensure_ascii=False).translate({0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"})


def _stem(path: str) -> str:
    """A file's stem as printable text (a name that is not UTF-8 shows its odd bytes as �)."""
    return Path(path).stem.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def positive(value: str) -> int:
    """argparse type: a whole number of at least 1."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return int(value)


def cmd_build(args: argparse.Namespace) -> int:
    """Preprocess sources into the store, skipping unchanged articles."""
    from concurrent.futures import BrokenExecutor

    from whosaid.build import BuildError, build
    from whosaid.corpus.persons import read_aliases
    from whosaid.store import StoreError
    from whosaid.store.corpus import refresh_corpus

    out = resolve(STORE, args.out)
    try:
        report = build(args.sources, out, workers=args.workers, cluster=args.cluster,
                       date=args.date, dates=read_dates(args.dates) if args.dates else {},
                       meta=sidecar(args.meta), force=args.force, prune=args.prune, any_language=args.any_language,
                       batch_size=args.batch_size, commit_every=args.commit_every)
        corpus = refresh_corpus(out, aliases=read_aliases(resolve(ALIASES)))
    except (BuildError, StoreError, SidecarError) as exc:
        print(f"whosaid: {exc}", file=sys.stderr)
        return 2
    except BrokenExecutor as exc:
        print(f"whosaid: a worker process died ({exc}); what was done is stored: run the build again to resume.",
              file=sys.stderr)
        return 1
    n_people = int((corpus["persons"]["type"] == "person").sum()) if len(corpus.get("persons", ())) else 0
    n_shared = int((corpus["stories"]["n_articles"] > 1).sum()) if len(corpus.get("stories", ())) else 0
    n_carried = int((corpus["paths"]["n_articles"] > 1).sum()) if len(corpus.get("paths", ())) else 0
    print(f"store {out}: version {report.version}; {n_people} persons, {n_shared} stories told by several articles, "
          f"{n_carried} quotations carried by several articles", file=sys.stderr)
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


def cmd_export(args: argparse.Namespace) -> int:
    """Write the store's quotes, persons, events or stories as CSV, JSON lines or Parquet."""
    from whosaid import store
    from whosaid.corpus.persons import read_aliases
    from whosaid.store.export import export

    root = resolve(STORE, args.store)
    if not store.read_manifest(root):
        print(f"whosaid: there is no store at {root}; build one with `whosaid build SOURCES --out {root}`.",
              file=sys.stderr)
        return 2
    aliases = read_aliases(resolve(ALIASES, args.aliases))
    if args.out:
        out = Path(args.out)
        tmp = out.with_name(f".{out.name}.tmp")
        with tmp.open("wb") as fh:
            n = export(root, args.what, args.format, fh, aliases=aliases)
        tmp.replace(out)
    else:
        try:
            n = export(root, args.what, args.format, sys.stdout.buffer, aliases=aliases)
            sys.stdout.buffer.flush()
        except BrokenPipeError:  # the reader stopped early (`| head`): not an error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    print(f"{n} {args.what} exported", file=sys.stderr)
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
    p.add_argument("--meta", metavar="FILE", help="CSV or TSV file with a header row: file (or stem, doc, filename) "
                   "and any of title, date, outlet, url, author; its values win over the file's and --dates")
    p.add_argument("--any-language", action="store_true", help="also process articles that are not in English")
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("build", help="preprocess articles into the dashboard's store")
    p.add_argument("sources", nargs="+", help="article files or folders")
    p.add_argument("--out", help=f"store folder (default: ${STORE.env}, else {STORE.default} in the current folder)")
    p.add_argument("--date", type=iso_date, help="publication date of the articles (YYYY-MM-DD)")
    p.add_argument("--dates", help="TSV file: file stem, tab, publication date (one line per article)")
    p.add_argument("--meta", metavar="FILE", help="CSV or TSV file with a header row: file (or stem, doc, filename) "
                   "and any of title, date, outlet, url, author; its values win over the file's and --dates")
    p.add_argument("--force", action="store_true", help="reprocess unchanged articles too")
    p.add_argument("--prune", action="store_true", help="drop stored articles that are not among the sources")
    p.add_argument("--any-language", action="store_true", help="also process articles that are not in English")
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
    p = sub.add_parser("export", help="write the store's quotes, persons, events or stories for pandas or R")
    p.add_argument("what", choices=EXPORTS, help="which table")
    p.add_argument("--store", help=f"store folder (default: ${STORE.env}, else {STORE.default} in the current folder)")
    p.add_argument("--format", choices=FORMATS, default="csv", help="csv (lists as JSON text), jsonl or parquet")
    p.add_argument("--out", help="file to write (default: standard output)")
    p.add_argument("--aliases", help=f"aliases file (default: ${ALIASES.env}, else {ALIASES.default})")
    p.set_defaults(func=cmd_export)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except (OSError, IngestError, SidecarError) as exc:
        print(f"whosaid: {exc}", file=sys.stderr)
        return 2
