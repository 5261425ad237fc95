"""Stories: the events of several articles that report the same happening, merged into one.

Every dated event belongs to exactly one story (most to a story of one event), so a timeline can draw stories
alone. Events are merged in three explainable steps:

1. Blocking. An event is a candidate in one block per (day, actor) it has: every day of its date when that is a
   day or a week, plus the day before for a date that was inherited or taken from the publication date (the
   news may be a day older than the article); its actors keyed by their last word, normalised ("Donald J. Trump"
   and "Trump" share the block "trump"). Events dated coarser than a week, events without an actor, and asides
   (a question, a second-person sentence) stay stories of their own.
2. Similarity. Two candidates are compared by the cosine of the content of their sentences: the set of their
   words (lower case, a plural "s" dropped), each weighted by its inverse document frequency over all the
   events given, so shared rare words ("Oklahoma", "abroad", "transcripts") count and words every article uses
   ("said", "campaign", "Trump") hardly do. Two events of one sentence are different predicates: 0.
3. Clustering. Average link within each connected set of candidate pairs: the two groups with the highest mean
   similarity over all their pairs (0 for pairs that share no block) merge while that mean reaches the
   threshold. A chain of look-alikes (A like B, B like C, A unlike C) does not glue A to C.

Hand-written: rapidfuzz's ratios weigh every word alike (a story's actor and weekday dominate them) and MinHash
estimates unweighted Jaccard; an IDF-weighted cosine over a block is a few lines.
"""
from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from datetime import date, timedelta

import pandas as pd

from whosaid.corpus.persons import name_index, normalise, person_map

STORY_COLUMNS = ["story_id", "date", "date_start", "date_end", "granularity", "kind", "summary", "sentence",
                 "actors", "event_ids", "docs", "first_doc", "first_date", "n_events", "n_articles"]
MEMBER_COLUMNS = ["event_id", "story_id"]
THRESHOLD = 0.45  # mean IDF cosine at which two groups of events are one story (tuned on PolNeAR train)
MERGED_GRANULARITIES = ("day", "week")
SLACK_HOWS = ("inherited", "publication")  # dates that may be a day later than the happening
PRONOUNS = {"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "who", "this", "that"}
WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65536)
def actor_key(name: str) -> str | None:
    """The block key of an actor: its normalised last word ("Donald J. Trump" -> "trump"); None for a pronoun."""
    norm = _normalised(name)
    if not norm or norm in PRONOUNS:
        return None
    return norm.split()[-1].strip(".,'") or None


@lru_cache(maxsize=65536)
def _normalised(name: str) -> str:
    return normalise(name)


def words(text: str) -> set[str]:
    """The words of a sentence, lower case, a plural or third-person "s" dropped."""
    out = set()
    for w in WORD.findall(str(text).lower().replace("’", "'").replace("'s", "")):
        out.add(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return out


def is_aside(sentence: str, summary: str) -> bool:
    """True for a question or a second-person aside ("What do you make of it?", "you might be asking …")."""
    s, first = str(sentence).strip(), str(summary).strip().split(" ", 1)[0].lower()
    return s.endswith("?") or first in ("you", "your") or bool(re.match(r"(?i)(?:but |and |so )?you\b", s))


def subject_key(summary: str, actors: list[str] | None) -> str | None:
    """The key of the actor named at the head of an event's summary, before its verb ("Republican Sen. Ted Cruz
    won …" -> "cruz"; "She won …" -> None): who did it, when the summary says."""
    head = []
    for w in str(summary).split()[:6]:
        if not w[:1].isupper():
            break
        head.append(w)
    lead = _normalised(" ".join(head))
    named = [(lead.rfind(n) + len(n), len(n), a) for a in (actors if actors is not None else [])
             if (n := _normalised(a)) and n in lead]
    return actor_key(max(named)[2]) if named else None  # the name that ends last heads the subject


def idf_weights(texts: list[set[str]]) -> dict[str, float]:
    """Inverse document frequency of each word over the given word sets."""
    df = Counter(w for t in texts for w in t)
    n = len(texts)
    return {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}


def cosine(a: set[str], b: set[str], weights: dict[str, float], norms: tuple[float, float]) -> float:
    """Cosine of two word sets, given each word's squared IDF weight and each set's norm."""
    if len(a) > len(b):
        a, b = b, a
    shared = sum(weights[w] for w in a if w in b)
    return shared / (norms[0] * norms[1]) if shared else 0.0


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def block_days(start: str | None, end: str | None, granularity: str | None, how: str | None, *,
               slack_days: int = 1) -> list[str]:
    """The days an event can be blocked on: its day or week, plus `slack_days` before for a non-explicit date."""
    first, last = _day(start), _day(end)
    if granularity not in MERGED_GRANULARITIES or first is None or last is None or (last - first).days > 7:
        return []
    if how in SLACK_HOWS:
        first -= timedelta(days=slack_days)
    return [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]


def candidate_pairs(events: pd.DataFrame, *, slack_days: int = 1) -> tuple[dict[tuple[int, int], int], int]:
    """Candidate pairs of row positions (i < j, not of one sentence) with how many blocks they share; largest block."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    cols = [events[c].tolist() for c in ("sentence", "summary", "actors", "date_start", "date_end", "granularity", "how")]
    for i, (sentence, summary, actors, start, end, granularity, how) in enumerate(zip(*cols)):
        if is_aside(sentence, summary):
            continue
        keys = {k for a in (actors if actors is not None else []) if (k := actor_key(a))}
        for day in block_days(start, end, granularity, how, slack_days=slack_days):
            for k in keys:
                blocks[(day, k)].append(i)
    docs, sents = events["doc"].tolist(), events["sentence"].tolist()
    pairs: dict[tuple[int, int], int] = defaultdict(int)
    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if not (docs[i] == docs[j] and sents[i] == sents[j]):
                    pairs[(i, j) if i < j else (j, i)] += 1
    return pairs, max((len(m) for m in blocks.values()), default=0)


def average_link(nodes: list[int], sims: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Groups of `nodes` by average-link clustering: merge the closest pair of groups while its mean similarity
    over all cross pairs (absent pairs count 0) is at least `threshold`."""
    members = {n: [n] for n in nodes}
    link: dict[int, dict[int, float]] = defaultdict(dict)  # group -> other group -> summed similarity
    for (i, j), s in sims.items():
        link[i][j] = link[j][i] = s
    heap = [(-s, min(i, j), max(i, j)) for (i, j), s in sims.items() if s >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        mean = link[a].get(b, 0.0) / (len(members[a]) * len(members[b]))
        if abs(mean + neg) > 1e-12:
            continue  # stale entry: the groups changed since it was pushed
        members[a] += members.pop(b)
        for c, s in link.pop(b).items():
            del link[c][b]
            if c != a:
                link[a][c] = link[c][a] = link[a].get(c, 0.0) + s
        link[a].pop(a, None)
        for c, s in link[a].items():
            m = s / (len(members[a]) * len(members[c]))
            if m >= threshold:
                heapq.heappush(heap, (-m, min(a, c), max(a, c)))
    return [sorted(g) for g in members.values()]


def cluster_events(events: pd.DataFrame, *, threshold: float = THRESHOLD, link: float | None = None,
                   slack_days: int = 1) -> tuple[list[list[int]], dict]:
    """Groups of row positions of `events` that report one happening, and figures on how they were found."""
    texts = [words(s) for s in events["sentence"]]
    weights = {w: v * v for w, v in idf_weights(texts).items()}
    norms = [math.sqrt(sum(weights[w] for w in t)) or 1.0 for t in texts]
    pairs, largest = candidate_pairs(events, slack_days=slack_days)
    subjects = [subject_key(s, a) for s, a in zip(events["summary"].tolist(), events["actors"].tolist())]
    sims = {}
    for i, j in pairs:
        if subjects[i] and subjects[j] and subjects[i] != subjects[j]:
            continue  # two named doers: two happenings
        s = cosine(texts[i], texts[j], weights, (norms[i], norms[j]))
        if s > 0:
            sims[(i, j)] = s
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in (p for p, s in sims.items() if s >= threshold):
        parent[root(i)] = root(j)
    components: dict[int, list[int]] = defaultdict(list)
    for i in range(len(events)):
        components[root(i)].append(i)
    by_comp: dict[int, dict] = defaultdict(dict)
    for (i, j), s in sims.items():
        if root(i) == root(j):
            by_comp[root(i)][(i, j)] = s
    groups = []
    for r, nodes in components.items():
        groups.extend(average_link(nodes, by_comp[r], threshold if link is None else link)
                      if len(nodes) > 1 else [nodes])
    return groups, {"candidate_pairs": len(pairs), "largest_block": largest, "similarities": sims}


def story_id(event_ids: list[str]) -> str:
    """A story's id: stable for the same events, and as long as its earliest-sorting event stays in it."""
    return "s" + hashlib.sha1(min(event_ids).encode("utf-8")).hexdigest()[:10]


def _actors(rows: list[dict], persons: dict[str, str]) -> list[str]:
    """Actors named in at least half of the story's events, most frequent first, each in its fullest name."""
    count: Counter = Counter()
    names: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        keys = set()
        for a in (r["actors"] if r["actors"] is not None else []):
            if (k := actor_key(a)) is not None:
                keys.add(k)
                names[k][persons.get(_normalised(a), a)] += 1
        count.update(keys)
    need = max(1, math.ceil(len(rows) / 2))
    keep = sorted((k for k, n in count.items() if n >= need), key=lambda k: (-count[k], k))
    return [max(names[k], key=lambda n: (names[k][n], len(n), n)) for k in keep]


def _medoid(group: list[int], sims: dict[tuple[int, int], float]) -> int:
    """The member most similar to the others (the first on ties)."""
    def total(i: int) -> float:
        return sum(sims.get((min(i, j), max(i, j)), 0.0) for j in group if j != i)
    return max(group, key=lambda i: (total(i), -i)) if len(group) > 1 else group[0]


def story_row(rows: list[dict], medoid: dict, pub: dict[str, str], persons: dict[str, str]) -> dict:
    """One story from its events (event rows as dicts), its medoid event and the publication dates by doc."""
    dates = Counter(r["date"] for r in rows)
    top = max(dates, key=lambda d: (dates[d], -len(str(d)), str(d)))
    at = next(r for r in rows if r["date"] == top)
    docs = sorted({r["doc"] for r in rows}, key=lambda d: (str(pub.get(d) or "9999"), d))
    ids = sorted(r["event_id"] for r in rows)
    kinds = Counter(r["kind"] for r in rows)
    return {
        "story_id": story_id(ids), "date": top, "date_start": at["date_start"], "date_end": at["date_end"],
        "granularity": at["granularity"], "kind": "statement" if kinds["statement"] > kinds["event"] else "event",
        "summary": medoid["summary"], "sentence": medoid["sentence"], "actors": _actors(rows, persons),
        "event_ids": ids, "docs": docs, "first_doc": docs[0], "first_date": pub.get(docs[0]),
        "n_events": len(ids), "n_articles": len(docs)}


def build_stories(events: pd.DataFrame, articles: pd.DataFrame, *, speakers: pd.DataFrame | None = None,
                  threshold: float = THRESHOLD, link: float | None = None,
                  slack_days: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(stories, members): the dated events of the store merged into stories, and event_id -> story_id.

    `events`, `articles` and `speakers` have the store's columns; `speakers` gives actors their canonical
    person names. `threshold` is the mean IDF cosine two groups of events need to be one story; `slack_days`
    how much earlier than its inherited or publication date a happening may be.
    """
    dated = events[events["date_start"].notna()].sort_values("event_id", kind="stable").reset_index(drop=True)
    if dated.empty:
        return pd.DataFrame(columns=STORY_COLUMNS), pd.DataFrame(columns=MEMBER_COLUMNS)
    persons = name_index(person_map(speakers)[1]) if speakers is not None and len(speakers) else {}
    pub = {d: v for d, v in zip(articles["doc"], articles["date"]) if isinstance(v, str) and v}
    groups, found = cluster_events(dated, threshold=threshold, link=link, slack_days=slack_days)
    records = dated.to_dict("records")
    rows = [story_row([records[i] for i in g], records[_medoid(g, found["similarities"])], pub, persons)
            for g in groups]
    stories = pd.DataFrame(rows, columns=STORY_COLUMNS)
    stories = stories.sort_values(["date_start", "story_id"], kind="stable").reset_index(drop=True)
    members = pd.DataFrame([(e, r["story_id"]) for r in rows for e in r["event_ids"]], columns=MEMBER_COLUMNS)
    return stories, members.sort_values("event_id", kind="stable").reset_index(drop=True)
