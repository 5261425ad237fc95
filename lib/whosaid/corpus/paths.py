"""Quote paths: the same quotation carried by several articles, grouped, with the article that carried it first.

A republished article, a live blog's next version or another outlet quoting the same words gives one quotation
several copies, often trimmed ("“How many times do we have to see this in our country?”" inside the longer
version) or lightly edited (punctuation, "his 2005 vote" / "his vote in 2005"). Copies are grouped in three steps:

1. Candidates. Each quote's text is lower-cased and reduced to its words (quotation marks, punctuation and
   apostrophes dropped). Two quotes of different articles are compared when they share a run of three words
   that at most `max_posting` quotes share (a rarer run; stock phrases such as "a request for comment" are left
   out of the candidate index, not out of the grouping). Quotes of fewer than `min_words` words are never
   grouped: "to ban all Muslims" or "the former secretary of state" are not identifiable as one quotation.
2. Same quotation (rapidfuzz, on the word texts). When both are direct or mixed quotes, the shorter one aligned
   inside the longer (`fuzz.partial_ratio`) must reach `partial` (90): a trimmed copy scores 100. When either is
   indirect (a reporter's paraphrase), the whole texts must agree (`fuzz.ratio` at least `whole`, 90): a
   paraphrase that merely contains a short description ("a ban on Muslims entering the United States") is another
   quotation. A short paraphrase (under `short_words`, 10 words) is a copy only in articles published within
   `near_days` (7) of each other: a reporter's stock description ("building a wall along the U.S.-Mexico border")
   recurs in coverage months apart, a republished article's copy does not. Two copies attributed to two different
   named speakers (neither unresolved) must be near-identical as a whole (`fuzz.ratio` at least `conflict`, 95):
   one article's speaker is then wrong, not the words.
3. Grouping. Connected copies form a path (union-find); the path's articles are ordered by publication date,
   the first is where the quotation was first carried.

Thresholds were set by reading PolNeAR train pairs; benchmarks/quote_paths.py measures precision and recall on a
hand-read sample (benchmarks/data/quote_paths_sample.tsv).
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from datetime import date
from itertools import combinations

import pandas as pd
from rapidfuzz import fuzz

PATH_COLUMNS = ["path_id", "text", "person_id", "first_quote_id", "first_doc", "first_date", "docs", "quote_ids",
                "n_quotes", "n_articles"]
QUOTE_PATH_COLUMNS = ["quote_id", "doc", "path_id", "rank"]
MIN_WORDS = 6  # a shorter quote is never grouped
PARTIAL = 90  # fuzz.partial_ratio of two direct or mixed copies (the shorter aligned in the longer)
WHOLE = 90  # fuzz.ratio of two copies when one is indirect
CONFLICT = 95  # fuzz.ratio of two copies attributed to two different named speakers
MAX_POSTING = 100  # a run of three words shared by more quotes is a stock phrase, not a candidate key
SHORT_WORDS = 10  # a paraphrase shorter than this is a copy only in articles published close together
NEAR_DAYS = 7
SHINGLE = 3
WORD = re.compile(r"[a-z0-9]+")
UNNAMED = ("unresolved-", "unattributed")  # person id prefixes of speakers no rule named


def normalised(text: object) -> str:
    """A quote's words, lower case, single-spaced, apostrophes joined ("ISIS’s" -> "isiss")."""
    return " ".join(WORD.findall(str(text or "").lower().replace("’", "").replace("'", "")))


def candidate_pairs(texts: list[str], docs: list[str], *, min_words: int = MIN_WORDS,
                    max_posting: int = MAX_POSTING) -> set[tuple[int, int]]:
    """Pairs of positions (i < j) of two articles whose texts share a run of three words that at most
    `max_posting` texts share; texts of fewer than `min_words` words take no part."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        w = text.split()
        if len(w) < min_words:
            continue
        for run in {tuple(w[k:k + SHINGLE]) for k in range(len(w) - SHINGLE + 1)}:
            index[run].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if 1 < len(members) <= max_posting:
            pairs.update((i, j) for i, j in combinations(members, 2) if docs[i] != docs[j])
    return pairs


def same_quotation(a: str, b: str, *, indirect: bool, conflict: bool, partial: float = PARTIAL,
                   whole: float = WHOLE, conflicting: float = CONFLICT) -> bool:
    """Whether two normalised quote texts are copies of one quotation: trimmed or lightly edited direct
    quotes, near-identical paraphrases (`indirect`), near-identical copies under two named speakers
    (`conflict`)."""
    if conflict:
        return fuzz.ratio(a, b) >= conflicting
    if indirect:
        return fuzz.ratio(a, b) >= whole
    return fuzz.partial_ratio(a, b) >= partial


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two ISO publication dates (None when either is unknown)."""
    try:
        return abs((date.fromisoformat(str(a)[:10]) - date.fromisoformat(str(b)[:10])).days)
    except ValueError:
        return None


def path_id(quote_ids: list[str]) -> str:
    """A path's id: stable for the same copies, and as long as its earliest-sorting quote stays in it."""
    return "p" + hashlib.sha1(min(quote_ids).encode("utf-8")).hexdigest()[:10]


def _groups(n: int, pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Connected groups of positions 0..n-1 joined by `pairs`."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        parent[root(i)] = root(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[root(i)].append(i)
    return list(groups.values())


def build_paths(quotes: pd.DataFrame, articles: pd.DataFrame, *, quote_persons: pd.DataFrame | None = None,
                min_words: int = MIN_WORDS, partial: float = PARTIAL, whole: float = WHOLE,
                conflict: float = CONFLICT, max_posting: int = MAX_POSTING, short_words: int = SHORT_WORDS,
                near_days: int = NEAR_DAYS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(paths, quote_paths): every quote of the store in exactly one path (most alone), and quote_id -> path id
    with its rank in the path (0: the copy of the first article).

    `quotes` and `articles` have the store's columns; `quote_persons` (quote_id, person_id: corpus.build_persons)
    tells two named speakers apart. The options are the module's thresholds.
    """
    if quotes.empty:
        return pd.DataFrame(columns=PATH_COLUMNS), pd.DataFrame(columns=QUOTE_PATH_COLUMNS)
    q = quotes.sort_values("quote_id", kind="stable").reset_index(drop=True)
    texts = [normalised(t) for t in q["text"]]
    docs, kinds = q["doc"].tolist(), q["kind"].tolist()
    person = dict(zip(quote_persons["quote_id"], quote_persons["person_id"])) if quote_persons is not None else {}
    who = [person.get(i) for i in q["quote_id"]]
    named = [isinstance(p, str) and not p.startswith(UNNAMED) for p in who]
    pub = {d: v for d, v in zip(articles["doc"], articles["date"]) if isinstance(v, str) and v}
    joined = []
    for i, j in sorted(candidate_pairs(texts, docs, min_words=min_words, max_posting=max_posting)):
        indirect = "indirect" in (kinds[i], kinds[j])
        if indirect and min(texts[i].count(" "), texts[j].count(" ")) + 1 < short_words:
            apart = days_apart(pub.get(docs[i]), pub.get(docs[j]))
            if apart is None or apart > near_days:
                continue
        if same_quotation(texts[i], texts[j], indirect=indirect,
                          conflict=named[i] and named[j] and who[i] != who[j],
                          partial=partial, whole=whole, conflicting=conflict):
            joined.append((i, j))
    starts = q["start"].tolist() if "start" in q else [0] * len(q)
    ids = q["quote_id"].tolist()
    paths, members = [], []
    for group in _groups(len(q), joined):
        group.sort(key=lambda i: (pub.get(docs[i]) or "9999", docs[i], starts[i], ids[i]))
        pid = path_id([ids[i] for i in group])
        first = group[0]
        path_docs = list(dict.fromkeys(docs[i] for i in group))
        paths.append({"path_id": pid, "text": q["text"].iat[first], "person_id": who[first],
                      "first_quote_id": ids[first], "first_doc": docs[first], "first_date": pub.get(docs[first]),
                      "docs": path_docs, "quote_ids": [ids[i] for i in group], "n_quotes": len(group),
                      "n_articles": len(path_docs)})
        members.extend({"quote_id": ids[i], "doc": docs[i], "path_id": pid, "rank": r} for r, i in enumerate(group))
    out = pd.DataFrame(paths, columns=PATH_COLUMNS)
    out = out.sort_values(["n_articles", "first_date", "path_id"], ascending=[False, True, True],
                          kind="stable").reset_index(drop=True)
    return out, pd.DataFrame(members, columns=QUOTE_PATH_COLUMNS).sort_values("quote_id").reset_index(drop=True)
