"""The dashboard at scale: a synthetic store of N quotes, then the app's cold start, each filter change at the
query layer, each page's rerun in AppTest, and peak memory.

Usage: python benchmarks/dashboard_scale.py --quotes N [--store DIR] [--repeat R] [--seed S]

1. Builds the store (benchmarks/synthetic.py: N/10 articles over ten years, N/10 long-tailed speakers, ~1.5 N
   events, real text lengths) through `whosaid.store.upsert`, in a child process, into DIR (a temporary folder
   unless --store is given; a store of the same size and seed already there is reused).
2. Cold start: a fresh Python process opens the app in AppTest on its first page (the overview); the time from
   its first line to the page drawn.
3. Query layer: for every page, the queries it runs when a filter changes (speaker, date range, text search,
   combined, or what the page has instead: an article, a page number), R times each with other values, on the
   database the app opened; p50 and p95 per page and filter, and over all of them.
4. Pages: each page opened in AppTest, then rerun R times with a filter changed through its widgets; the
   first visit and the reruns are timed apart.
5. Peak memory: the maximum resident set of this process (the app and the query layer, which share one
   database); the cold-start process's is reported beside it.

Prints the figures; the last line is one JSON object with p50_ms, p95_ms, cold_start_s, page_rerun_max_s,
peak_mb (and the details).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
try:
    import whosaid  # noqa: F401  (installed, or on PYTHONPATH)
except ImportError:  # a checkout: use its lib/, here and in the child processes
    sys.path.insert(0, str(ROOT / "lib"))
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "lib"), os.environ.get("PYTHONPATH")]))

COLD_START = """
import time; t0 = time.perf_counter()
import resource, sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=600).run()
assert not at.exception, at.exception
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def rss_mb() -> int:
    """Peak resident set of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def quantile(values: list[float], q: float) -> float:
    """The q-quantile (nearest rank) of the values."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))] if s else 0.0


def ensure_store(path: Path, n: int, seed: int) -> float:
    """Build the synthetic store at `path` unless one of this size and seed is there; the build's seconds."""
    marker = path / "synthetic.json"
    want = {"quotes": n, "seed": seed}
    if marker.exists() and json.loads(marker.read_text()) == want and (path / "manifest.json").exists():
        print(f"store: reusing {path}")
        return 0.0
    t = time.perf_counter()
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import synthetic; "
            "print(synthetic.build(sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))")
    subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent), str(path), str(n), str(seed)],
                   check=True, env=os.environ)
    marker.write_text(json.dumps(want))
    took = time.perf_counter() - t
    print(f"store: built {n:,} quotes in {took:.1f} s at {path}")
    return took


def cold_start(env: dict[str, str]) -> tuple[float, int]:
    """(seconds from a fresh process's first line to the first page drawn, that process's peak MB)."""
    out = subprocess.run([sys.executable, "-c", COLD_START, str(ROOT / "dashboard.py")], capture_output=True,
                         text=True, env=env, cwd=ROOT, check=False)
    if out.returncode:
        raise RuntimeError(out.stderr)
    seconds, mb = out.stdout.strip().splitlines()[-1].split()
    return float(seconds), int(mb)


class Picks:
    """Filter values drawn from the store: speakers (head, middle and tail), date ranges, words, articles."""

    def __init__(self, db, rng: random.Random) -> None:
        from synthetic import WORDS
        from whosaid.dashboard import queries

        self.rng = rng
        everyone = queries.persons_by_weight(db)
        self.listed = everyone[:5000]
        self.persons = everyone
        self.docs = queries.docs(db)
        span = queries.quote_span(db)
        self.lo, self.hi = span if span else (date(2015, 1, 1), date(2024, 12, 31))
        self.words = WORDS

    def person(self, listed_only: bool = False) -> str:
        pool = self.listed if listed_only else self.persons
        r = self.rng.random()
        if r < 0.34:
            return self.rng.choice(pool[:20])
        if r < 0.67:
            return self.rng.choice(pool[20:500] or pool)
        return self.rng.choice(pool[500:] or pool)

    def dates(self) -> tuple[date, date]:
        days = max(1, (self.hi - self.lo).days)
        start = self.lo + timedelta(days=self.rng.randrange(days))
        return start, min(self.hi, start + timedelta(days=self.rng.randint(7, 180)))

    def text(self) -> str:
        r = self.rng.random()
        if r < 0.5:
            return self.rng.choice(self.words[60:])
        if r < 0.8:
            return " ".join(self.rng.sample(self.words[60:], 2))
        return self.person().rsplit(" ", 1)[-1]

    def doc(self, listed_only: bool = False) -> str:
        return self.rng.choice(self.docs[:5000] if listed_only else self.docs)


def query_layer(db, picks: Picks, repeat: int) -> dict[str, dict[str, list[float]]]:
    """Milliseconds of the queries a page runs when a filter changes (those whose arguments change: the app
    caches the others per store version), by page and filter kind; uncached here."""
    from whosaid.dashboard import queries as q
    from whosaid.settings import CHART_SPEAKERS, PAGE_SIZE, SPEAKER_QUOTES, TABLE_ROWS, TEXT_QUOTES, TIMELINE_MARKS

    size, rows, marks = PAGE_SIZE.value(), TABLE_ROWS.value(), TIMELINE_MARKS.value()
    QF, EF = q.QuoteFilter.of, q.EventFilter.of

    def quotes_page(f) -> None:
        q.quote_page(db, f, 1, size)

    def who_said_what(docs, who) -> None:
        f = QF(docs=docs)
        if docs:  # the article filter changed: everything the page counts (for no filter: cached per version)
            counts = q.kind_counts(db, f, CHART_SPEAKERS.value())
            table = q.kind_counts(db, f, rows)
            q.speaker_count(db, f)
            q.unattributed_count(db, f)
            q.roles_by_person(db, tuple(dict.fromkeys([*counts["person"], *table["person"]])))
        if who:  # the chosen speaker's bar, roles and quotes
            q.kind_counts(db, QF(persons=[who], docs=docs))
            q.roles_by_person(db, (who,))
            q.quote_count(db, QF(persons=[who], docs=docs))
            q.quotes(db, QF(persons=[who], docs=docs), 1, SPEAKER_QUOTES.value())

    def timeline_dates(f) -> None:  # the undated events do not depend on the dates: cached
        n_dated, _ = q.event_counts(db, f)
        q.events(db, f, True, max(marks, rows) if n_dated <= marks else rows, 0, n_dated <= marks)
        if n_dated > marks:
            lo, hi = q.event_extent(db, f)
            q.event_bins(db, f, "day" if (hi - lo).days <= 120 else "week")

    def timeline(f) -> None:
        timeline_dates(f)
        q.events(db, q.EventFilter(f.actors, f.docs), False, rows, 0, False)

    def speaker(person) -> None:
        q.speaker_facts(db, person)
        q.roles_by_person(db, (person,))
        q.quotes(db, QF(persons=[person]), 1, SPEAKER_QUOTES.value(), "date")
        q.mentions(db, person, TEXT_QUOTES.value())
        q.distinctive_words(db, person, 15, TEXT_QUOTES.value())
        q.merges(db, person, rows)

    def article(doc) -> None:
        q.article(db, doc)
        q.article_quotes(db, doc)

    cases: dict[str, dict[str, Callable[[], None]]] = {
        "quotes": {"speaker": lambda: quotes_page(QF(persons=[picks.person()])),
                   "dates": lambda: quotes_page(QF(date_range=picks.dates())),
                   "text": lambda: quotes_page(QF(text=picks.text())),
                   "combined": lambda: quotes_page(QF(persons=[picks.person()], date_range=picks.dates(),
                                                      text=picks.rng.choice(["the", "a", "e"])))},
        "timeline": {"speaker": lambda: timeline(EF(actors=[picks.person()])),
                     "dates": lambda: timeline_dates(EF(date_range=picks.dates())),
                     "combined": lambda: timeline(EF(actors=[picks.person()], date_range=picks.dates()))},
        "who_said_what": {"speaker": lambda: who_said_what((), picks.person()),
                          "article": lambda: who_said_what((picks.doc(),), None),
                          "combined": lambda: who_said_what((picks.doc(),), picks.person())},
        "speaker": {"speaker": lambda: speaker(picks.person())},
        "article": {"article": lambda: article(picks.doc())},
        "overview": {"page": lambda: q.articles_table(db, 1 + picks.rng.randrange(max(1, len(picks.docs) // size)),
                                                      size)},
    }
    timings: dict[str, dict[str, list[float]]] = {}
    for page, kinds in cases.items():
        for kind, run in kinds.items():
            run()  # once untimed: a relation made on first use (actor_map, word counts) is not a filter change
            out = timings.setdefault(page, {}).setdefault(kind, [])
            for _ in range(repeat):
                t = time.perf_counter()
                run()
                out.append((time.perf_counter() - t) * 1000)
    return timings


def pages(picks: Picks, repeat: int) -> dict[str, dict[str, float | list[float]]]:
    """Seconds of each page's first visit and of its reruns after a filter change, in AppTest."""
    from streamlit.testing.v1 import AppTest
    from whosaid.dashboard.routes import ARTICLE, OVERVIEW, QUOTES, SPEAKER, TIMELINE, WHO_SAID_WHAT

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
    at.run()

    def timed(action: Callable[[], object]) -> float:
        t = time.perf_counter()
        action()
        if at.exception:
            raise RuntimeError(f"the page raised: {at.exception}")
        return time.perf_counter() - t

    def page_change(route) -> float:
        at.switch_page(route.file)
        at.query_params.clear()
        return timed(at.run)

    rng = picks.rng
    def overview_page() -> object:
        boxes = [b for b in at.number_input if b.key == "page_box"]
        return boxes[0].set_value(rng.randint(1, int(boxes[0].max))).run() if boxes else at.run()

    changes: dict[str, list[Callable[[], object]]] = {
        OVERVIEW.url_path or "overview": [overview_page],
        QUOTES.url_path: [lambda: at.multiselect(key="speaker").set_value([picks.person(True)]).run(),
                          lambda: at.text_input(key="q").input(picks.text()).run(),
                          lambda: at.date_input(key="dates").set_value(picks.dates()).run(),
                          lambda: at.multiselect(key="speaker").set_value([]).run(),
                          lambda: at.text_input(key="q").input("").run()],
        TIMELINE.url_path: [lambda: at.multiselect(key="actor").set_value([picks.person(True)]).run(),
                            lambda: at.date_input(key="dates").set_value(picks.dates()).run(),
                            lambda: at.multiselect(key="actor").set_value([]).run()],
        WHO_SAID_WHAT.url_path: [lambda: at.selectbox(key="who").select(picks.person(True)).run(),
                                 lambda: at.multiselect(key="article").set_value([picks.doc(True)]).run(),
                                 lambda: at.multiselect(key="article").set_value([]).run()],
        SPEAKER.url_path: [lambda: at.selectbox(key="name").select(picks.person(True)).run()],
        ARTICLE.url_path: [lambda: at.selectbox(key="doc_pick").select(picks.doc(True)).run()],
    }
    routes = {r.url_path or "overview": r for r in (OVERVIEW, TIMELINE, WHO_SAID_WHAT, QUOTES, ARTICLE, SPEAKER)}
    out: dict[str, dict[str, float | list[float]]] = {}
    for name, route in routes.items():
        first = page_change(route)
        reruns = [timed(changes[name][i % len(changes[name])]) for i in range(repeat)]
        out[name] = {"first_visit_s": first, "reruns_s": reruns}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quotes", type=int, required=True, help="quotes in the synthetic store")
    ap.add_argument("--store", type=Path, help="where to build (or reuse) the store; default: a temporary folder")
    ap.add_argument("--repeat", type=int, default=20, help="filter changes timed per page and filter kind")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    tmp = None if args.store else tempfile.TemporaryDirectory(prefix="whosaid-scale-")
    store_dir = args.store or Path(tmp.name) / "store"
    build_s = ensure_store(store_dir, args.quotes, args.seed)
    os.environ.update({"WHOSAID_STORE": str(store_dir), "WHOSAID_ALIASES": str(store_dir / "no-aliases.tsv"),
                       "WHOSAID_ARTICLES": str(store_dir.parent / "articles")})

    cold_s, cold_mb = cold_start(dict(os.environ))
    print(f"cold start to the first page (fresh process, AppTest): {cold_s:.2f} s, its peak {cold_mb} MB")

    from streamlit.testing.v1 import AppTest
    from whosaid.dashboard import state
    from whosaid.dashboard.db import Corpus

    t = time.perf_counter()
    AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600).run()  # opens the store in this process
    data = state.load_data()  # the same cached database the app opened
    open_s = time.perf_counter() - t
    db: Corpus = data.db
    db.wait()
    warm_s = time.perf_counter() - t
    print(f"this process: first page {open_s:.2f} s; quotes copied into memory {warm_s:.2f} s after the start")

    picks = Picks(db, random.Random(args.seed))
    layer = query_layer(db, picks, args.repeat)
    all_ms = [ms for kinds in layer.values() for v in kinds.values() for ms in v]
    print(f"\nquery layer, ms per filter change ({args.repeat} changes each): p50 / p95 / max")
    for page, kinds in layer.items():
        for kind, v in kinds.items():
            print(f"  {page:14s} {kind:9s} {statistics.median(v):8.1f} {quantile(v, 0.95):8.1f} {max(v):8.1f}")
    p50, p95 = statistics.median(all_ms), quantile(all_ms, 0.95)
    print(f"  {'all':24s} {p50:8.1f} {p95:8.1f} {max(all_ms):8.1f}")

    page_times = pages(picks, max(3, args.repeat // 4))
    print("\npages in AppTest, s: first visit / rerun p50 / rerun max")
    for name, v in page_times.items():
        print(f"  {name:14s} {v['first_visit_s']:6.2f} {statistics.median(v['reruns_s']):6.2f} {max(v['reruns_s']):6.2f}")
    rerun_max = max(max(v["reruns_s"]) for v in page_times.values())
    first_max = max(v["first_visit_s"] for v in page_times.values())

    peak = rss_mb()
    print(f"\npeak memory: {peak} MB (this process: the app and the query layer); cold-start process {cold_mb} MB")
    load = os.getloadavg()[0]
    print(f"load average while measuring: {load:.1f} on {os.cpu_count()} cores")
    figures = {
        "quotes": args.quotes, "p50_ms": round(p50, 1), "p95_ms": round(p95, 1), "cold_start_s": round(cold_s, 2),
        "page_rerun_max_s": round(rerun_max, 2), "peak_mb": peak, "first_visit_max_s": round(first_max, 2),
        "warm_s": round(warm_s, 2), "cold_start_peak_mb": cold_mb, "build_s": round(build_s, 1), "load": round(load, 1),
        "query_ms": {f"{p}/{k}": [round(statistics.median(v), 1), round(quantile(v, 0.95), 1)]
                     for p, kinds in layer.items() for k, v in kinds.items()},
        "pages_s": {n: [round(v["first_visit_s"], 2), round(max(v["reruns_s"]), 2)] for n, v in page_times.items()},
    }
    print(json.dumps(figures))
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
