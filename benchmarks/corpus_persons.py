"""Corpus persons on PolNeAR train+dev: does each real person land on one person, and is each quote dated when said?

Usage: python benchmarks/corpus_persons.py [--store DIR] [--limit N]

Without --store it builds PolNeAR train+dev (from the `shared` folder beside the checkout) with
`whosaid build … --meta` (the sidecar of benchmarks/polnear_meta.py: dates and outlets) into a temporary folder,
first N articles only with --limit; without the corpus it says so and stops. Figures, for the 30 most quoted real
people of PEOPLE below (their written forms as the store's speakers spell them, found by reading the corpus, not by
the code measured here):
- share: of the quotes whose speaker is one of a person's forms, the share that land on the person holding most of
  them (per person; the lowest and the pooled share are printed; target >= 0.98);
- persons per real person: how many corpus persons those quotes land on (mean; target 1.0);
- pronoun quotes as a person: quotes whose speaker is a bare pronoun and whose person is typed a person (target 0);
- dated outside: the share of dated quotes whose date's year is neither the article's nor the year before
  (target <= 0.005), with each quote dated by temporal.statements.statement_date over the store's timexes and
  events (the store's own `date` column is printed beside it);
- the time of the persons step.
The last line is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "polnear"
sys.path.append(str(ROOT / "lib"))  # after PYTHONPATH, so a checkout given there is the one measured

# The 30 most quoted real people of PolNeAR train+dev, with every speaker name the store gives them, read from the
# corpus (speaker names listed by quote count and checked against the article text). Left out on purpose: headline
# and clause fragments that hold a name ("Trump demands accountability") and speakers that a pronoun was wrongly
# resolved to in the article ("Frank Fiorina" for Carly Fiorina's "she said").
PEOPLE: dict[str, list[str]] = {
    "Donald Trump": ["Donald Trump", "Trump", "Donald J. Trump", "Rip Donald Trump", "Billionaire Donald Trump",
                     "Donand Trump", "Donald Trump Wins"],
    "Hillary Clinton": ["Hillary Clinton", "Hillary Rodham Clinton", "Hillary", "Hilary Clinton", "Clinton",
                        "Rival Hillary Clinton", "Democrats Hillary Clinton"],
    "Bernie Sanders": ["Bernie Sanders", "Sanders", "Young Sanders"],
    "Barack Obama": ["Obama", "Barack Obama", "Derelict Obama"],
    "Ted Cruz": ["Ted Cruz", "Cruz", "Fault Ted Cruz"],
    "Marco Rubio": ["Marco Rubio", "Rubio", "Senators Rubio"],
    "Ben Carson": ["Ben Carson", "Carson"],
    "Paul Ryan": ["Paul Ryan", "Paul D. Ryan"],
    "Jeb Bush": ["Jeb Bush", "John Ellis Bush"],
    "John Kasich": ["John Kasich", "Kasich", "John R. Kasich"],
    "Bill Clinton": ["Bill Clinton"],
    "Chris Christie": ["Chris Christie", "Christie"],
    "Paul Manafort": ["Paul Manafort", "Manafort"],
    "Joe Biden": ["Joe Biden", "Biden", "Joseph R. Biden Jr"],
    "David Axelrod": ["David Axelrod"],
    "Lindsey Graham": ["Lindsey Graham", "Lindsey O. Graham"],
    "Loretta Lynch": ["Loretta Lynch", "Loretta E. Lynch", "Lynch"],
    "Tad Devine": ["Tad Devine", "Devine"],
    "Mike Pence": ["Mike Pence", "Pence"],
    "Harry Reid": ["Harry Reid", "Harry M. Reid"],
    "James Comey": ["James Comey", "James B. Comey", "Comey", "James B. Comey Jr"],
    "Tom Clarke": ["Tom Clarke"],
    "Ed Rendell": ["Ed Rendell", "Rendell", "Edward G. Rendell"],
    "Glenn Beck": ["Glenn Beck"],
    "Ivanka Trump": ["Ivanka Trump"],
    "Bob (CIA base chief in Benghazi)": ["Bob"],
    "Carly Fiorina": ["Carly Fiorina", "Fiorina"],
    "Corey Lewandowski": ["Corey Lewandowski"],
    "Chris Murphy": ["Chris Murphy", "Murphy"],
    "Mitch McConnell": ["Mitch McConnell", "Senators Mitch McConnell"],
}
# (form, article name prefix) where the form is someone else's, or unclear, by reading the article.
NOT_THERE: list[tuple[str, str]] = [
    ("Trump", "wash-post_2016-08-09_ivanka-trump"),  # Ivanka Trump (counted for her below)
    ("Trump", "west-journal_2016-04-18_trump-s-son"),  # Eric or Donald: unclear
    ("Trump", "wash-post_2016-07-13_eric-trump-s-not-so-sure"),  # of three "Trump" quotes, two are Eric's
    ("Clinton", "politico_2016-04-20_dnc-chair"),  # "The Clinton campaign"
    ("Bob", "politico_2015-12-23_ben-carson"),  # another Bob
    ("Murphy", "politico_2016-08-23_top-senate"),  # Patrick Murphy
]
ALSO: list[tuple[str, str, str]] = [("Ivanka Trump", "Trump", "wash-post_2016-08-09_ivanka-trump")]
PRONOUNS = {"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "this", "that", "these",
            "those", "who", "which", "one", "someone"}
TARGETS = {"share_min": 0.98, "persons_per_real_person": 1.0, "pronoun_quotes_as_person": 0, "dated_outside": 0.005}


def build_store(out: Path, limit: int) -> Path | None:
    """PolNeAR train+dev built into `out` with `whosaid build --meta` (the sidecar polnear_meta.py writes from
    metadata.tsv: dates and outlets), None without the corpus."""
    if not CORPUS.exists():
        return None
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from polnear_meta import sidecar_rows, write_sidecar

    out.mkdir(parents=True, exist_ok=True)
    meta = write_sidecar(sidecar_rows(CORPUS / "metadata.tsv"), out / "polnear-meta.csv")
    paths = sorted((CORPUS / "train" / "text").glob("*.txt")) + sorted((CORPUS / "dev" / "text").glob("*.txt"))
    if limit:
        paths = paths[:limit]
    src = out / "articles"
    src.mkdir(exist_ok=True)
    for p in paths:  # links, not copies: the corpus stays where it is
        (src / p.name).unlink(missing_ok=True)
        (src / p.name).symlink_to(p)
    cmd = [sys.executable, "-m", "whosaid", "build", str(src), "--meta", str(meta), "--out", str(out / "store")]
    subprocess.run(cmd, check=False, env={**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT / "lib"))})
    return out / "store"


def assign(tables: dict) -> tuple[dict, dict, float]:
    """((doc, speaker_id) -> person id, person id -> type, seconds) by the code under test."""
    from whosaid.corpus import persons as P

    t0 = time.perf_counter()
    if hasattr(P, "build_persons"):
        persons, _, merges = P.build_persons(tables["speakers"], tables["quotes"], articles=tables["articles"])
        secs = time.perf_counter() - t0
        types = dict(zip(persons["person_id"], persons["type"]))
        return dict(zip(zip(merges["doc"], merges["speaker_id"]), merges["person_id"])), types, secs
    mapping, _ = P.person_map(tables["speakers"])  # before build_persons: every speaker is a person
    secs = time.perf_counter() - t0
    return mapping, {p: "person" for p in set(mapping.values())}, secs


def people_figures(quotes, pid: dict) -> dict:
    """Per real person: (quotes, share on the top person, number of persons)."""
    out = {}
    for person, forms in PEOPLE.items():
        got: dict[str, int] = {}
        for d, s, name in zip(quotes["doc"], quotes["speaker_id"], quotes["speaker"]):
            mine = name in forms and not any(name == f and d.startswith(pre) for f, pre in NOT_THERE)
            mine = mine or any(p == person and name == f and d.startswith(pre) for p, f, pre in ALSO)
            if mine:
                key = pid.get((d, s), "?")
                got[key] = got.get(key, 0) + 1
        n = sum(got.values())
        out[person] = {"quotes": n, "share": max(got.values()) / n if n else None, "persons": len(got)}
    return out


def dated_outside(tables: dict) -> tuple[float | None, float | None, int]:
    """(share outside by statement_date, share outside by the store's `date`, dated quotes by statement_date)."""
    from whosaid.model import Event, Quote, Timex

    try:
        from whosaid.temporal.statements import statement_date
    except ImportError:
        statement_date = None
    arts = tables["articles"].set_index("doc")["date"].to_dict()
    tx_by, ev_by = tables["timexes"].groupby("doc"), tables["events"].groupby("doc")
    tx_docs, ev_docs = set(tx_by.groups), set(ev_by.groups)

    def outside(value, doc) -> bool:
        pub = arts.get(doc)
        return bool(value) and bool(pub) and str(value)[:4] not in (pub[:4], str(int(pub[:4]) - 1))

    stored = [(v, d) for v, d in zip(tables["quotes"]["date"], tables["quotes"]["doc"]) if isinstance(v, str) and v]
    before = sum(outside(v, d) for v, d in stored) / len(stored) if stored else None
    if statement_date is None:
        return None, before, 0
    dated = out = 0
    for doc, qs in tables["quotes"].groupby("doc"):
        txs = [Timex(int(r.start), int(r.end), r.text, r.type, r.value)
               for r in (tx_by.get_group(doc).itertuples() if doc in tx_docs else [])]
        evs = [Event(int(r.start), int(r.end), r.sentence, r.summary, r.date, r.how, list(r.actors), r.kind)
               for r in (ev_by.get_group(doc).itertuples() if doc in ev_docs else [])]
        for r in qs.itertuples():
            q = Quote(content_spans=[tuple(map(int, s)) for s in r.content_spans],
                      speaker_spans=[tuple(map(int, s)) for s in r.speaker_spans],
                      cue_spans=[tuple(map(int, s)) for s in r.cue_spans], kind=r.kind)
            value = statement_date(q, txs, evs, arts.get(doc))
            if value:
                dated += 1
                out += outside(value, doc)
    return (out / dated if dated else None), before, dated


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="a store built with `whosaid build` (default: build PolNeAR here)")
    ap.add_argument("--limit", type=int, default=0, help="build only the first N articles")
    args = ap.parse_args(argv)
    root = args.store
    if root is None:
        root = build_store(Path(tempfile.mkdtemp(prefix="whosaid-persons-")), args.limit)
        if root is None:
            print(f"PolNeAR not found under {SHARED}: nothing to measure")
            return 0
    from whosaid import store

    tables = store.load_tables(root)
    q = tables["quotes"]
    pid, types, secs = assign(tables)
    figures = people_figures(q, pid)
    present = {p: f for p, f in figures.items() if f["quotes"]}
    print(f"store {root}: {len(tables['articles'])} articles, {len(q)} quotes, {len(set(pid.values()))} persons")
    print(f"{'real person':34} {'quotes':>6} {'share':>6} {'persons':>7}")
    for p, f in figures.items():
        if f["quotes"]:
            print(f"{p:34} {f['quotes']:6d} {f['share']:6.3f} {f['persons']:7d}")
    pron = sum(1 for d, s, n in zip(q["doc"], q["speaker_id"], q["speaker"])
               if isinstance(n, str) and n.strip().lower() in PRONOUNS and types.get(pid.get((d, s))) == "person")
    share_min = min((f["share"] for f in present.values()), default=None)
    pooled = (sum(f["share"] * f["quotes"] for f in present.values()) / sum(f["quotes"] for f in present.values())
              if present else None)
    per = sum(f["persons"] for f in present.values()) / len(present) if present else None
    outside, stored_outside, n_dated = dated_outside(tables)
    print(f"share on one person: lowest {share_min if share_min is None else round(share_min, 3)}, pooled "
          f"{pooled if pooled is None else round(pooled, 4)} (target >= {TARGETS['share_min']})")
    print(f"persons per real person: {per if per is None else round(per, 3)} (target 1.0)")
    print(f"pronoun quotes credited to a person: {pron} (target 0)")
    print(f"dated quotes outside their article's year or the year before: statement_date "
          f"{'n/a' if outside is None else f'{outside:.4f}'} of {n_dated}; store date "
          f"{'n/a' if stored_outside is None else f'{stored_outside:.4f}'} (target <= {TARGETS['dated_outside']})")
    print(f"persons step: {secs:.2f} s")
    print(json.dumps({"benchmark": "corpus_persons", "articles": len(tables["articles"]), "quotes": len(q),
                      "people": len(present), "share_min": share_min, "share_pooled": pooled,
                      "persons_per_real_person": per, "pronoun_quotes_as_person": pron,
                      "dated_outside": outside, "dated_outside_store": stored_outside, "dated_quotes": n_dated,
                      "persons_seconds": round(secs, 3),
                      "per_person": {p: f for p, f in figures.items() if f["quotes"]}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
