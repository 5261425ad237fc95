"""Stories: the events of several articles that report the same happening, merged into one.

Every dated event belongs to exactly one story (most to a story of its own), so a timeline can draw stories alone;
undated events belong to none. Events are merged in three explainable steps:

1. Blocking. An event is a candidate in one block per (day, actor) it has: every day of its date when that is a
   day or a week, plus the day before for a date that was inherited or taken from the publication date (the
   news may be a day older than the article); its actors keyed by their normalised last word ("Donald J. Trump"
   and "Trump" share the block "trump"). Within a block, only events of two articles that share one of their
   rarest words are compared (prefix filtering: a pair that shares none cannot reach the threshold). Events
   dated coarser than a week, events without an actor and asides (a question, a second-person sentence) are
   never candidates.
2. Similarity. The cosine of the words of the two sentences (lower case, a plural "s" dropped), each weighted
   by its inverse document frequency over all the events given: shared rare words ("Oklahoma", "abroad",
   "transcripts") count, words every article uses ("said", "campaign", "Trump") hardly do. Two events whose
   summaries name different doers ("Sanders won Oklahoma", "Cruz won Oklahoma") are two happenings, unless one
   doer is among the other event's actors (a tally "Cruz has 370, Kasich 129 and Rubio 163" told twice, its
   summaries headed by different names). Two events whose summaries name the same doer get a bonus
   (SAME_DOER_BONUS) when they also share what was done: the part of their cosine carried by words other than
   actor names, stop words, weekdays and months reaches ACT_FLOOR ("Paul Ryan says he's not ready to support
   Trump" / "Ryan said he was 'not ready' to support Trump's campaign"), not when only the names and the day
   are shared ("McConnell is pushing a bill" / "McConnell said the veto will be overridden").
3. Clustering. Average link within each set of events joined by pairs at the threshold: the two groups whose
   pairs of events from different articles have the highest mean similarity (0 for a pair never compared)
   merge while that mean reaches the threshold. A chain of look-alikes (A like B, B like C, A unlike C) does
   not glue A to C, and an article's own repetitions neither join nor dilute a story.

The threshold (0.45), the bonus (0.15) and its floor (0.12) were chosen on hand-read PolNeAR train pairs for a
precision of 0.9 (benchmarks/stories.py).
Hand-written: rapidfuzz's token-set ratio gives 100 to a short sentence whose words all recur in a longer one
("“Hillary Clinton is a joke,” he said.") and MinHash estimates unweighted Jaccard, both blind to which words are
rare; an IDF-weighted cosine is a few lines over Python sets (the README compares them).
"""
from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from functools import lru_cache
from itertools import combinations

import numpy as np
import pandas as pd

from whosaid.corpus.persons import name_index, person_map
from whosaid.names import name_key
from whosaid.stop_words import stop_words
from whosaid.temporal.rules import MONTH_NAMES, WEEKDAYS

STORY_COLUMNS = ["story_id", "date", "date_start", "date_end", "granularity", "kind", "summary", "sentence",
                 "actors", "event_ids", "docs", "first_doc", "first_date", "n_events", "n_articles"]
MEMBER_COLUMNS = ["event_id", "story_id"]
THRESHOLD = 0.45  # mean IDF cosine at which two groups of events are one story (tuned on PolNeAR train)
SAME_DOER_BONUS = 0.15  # added to the cosine of two events whose summaries name the same doer and share the act
ACT_FLOOR = 0.12  # the part of that cosine the bonus needs from words that tell the act (tuned with it)
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
    """A name's match key (whosaid.names), cached: the same names recur across a corpus."""
    return name_key(name)


def actor_names(actors) -> list[str]:
    """An event's actors as a list of names (the store gives arrays; a missing value is no actor)."""
    return [a for a in actors if isinstance(a, str)] if isinstance(actors, (list, tuple, np.ndarray)) else []


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
    named = [(lead.rfind(n) + len(n), len(n), a) for a in actor_names(actors)
             if (n := _normalised(a)) and n in lead]
    return actor_key(max(named)[2]) if named else None  # the name that ends last heads the subject


def name_words(actors) -> set[str]:
    """The words of an event's actor names ("Debbie Wasserman Schultz" -> debbie, wasserman, schultz)."""
    return set().union(*(words(a) for a in actor_names(actors)))


@lru_cache(maxsize=1)
def unlike_acts() -> frozenset[str]:
    """Words that tell nothing of what was done: spaCy's English stop words, weekday and month names (blocking has
    already matched the day), as `words` writes them (spaCy's list read without importing spaCy)."""
    return frozenset(w for v in (*stop_words(), *WEEKDAYS, *MONTH_NAMES) for w in words(v))


def two_doers(subjects: tuple[str | None, str | None], keys: tuple[set[str], set[str]]) -> bool:
    """True when two events' summaries name different doers and neither doer is among the other event's actors."""
    a, b = subjects
    return bool(a and b and a != b and a not in keys[1] and b not in keys[0])


def idf_weights(texts: list[set[str]]) -> dict[str, float]:
    """Inverse document frequency of each word over the given word sets."""
    df = Counter(w for t in texts for w in t)
    n = len(texts)
    return {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}


def cosine(a: set[str], b: set[str], weights: dict[str, float], norms: tuple[float, float]) -> float:
    """Cosine of two word sets, given each word's squared IDF weight and each set's norm."""
    shared = a & b
    return sum(map(weights.__getitem__, shared)) / (norms[0] * norms[1]) if shared else 0.0


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


def prefix(text: set[str], weights: dict[str, float], norm: float, threshold: float) -> list[str]:
    """The rarest words of a sentence that any sentence at `threshold` cosine or more must share one of: the rest
    of its weight alone stays under the threshold (prefix filtering, as in similarity joins)."""
    ranked = sorted(text, key=lambda w: (-weights[w], w))
    rest, out = norm * norm, []
    for w in ranked:
        if rest < (threshold * norm) ** 2:
            break
        out.append(w)
        rest -= weights[w]
    return out


def candidate_pairs(events: pd.DataFrame, prefixes: list[list[str]], *,
                    slack_days: int = 1) -> tuple[set[tuple[int, int]], int]:
    """Pairs of row positions (i < j) of two articles that share a block (a day and an actor) and a word of their
    prefixes; the size of the largest (day, actor) block."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    cols = [events[c].tolist() for c in ("sentence", "summary", "actors", "date_start", "date_end", "granularity", "how")]
    for i, (sentence, summary, actors, start, end, granularity, how) in enumerate(zip(*cols)):
        if is_aside(sentence, summary):
            continue
        keys = {k for a in actor_names(actors) if (k := actor_key(a))}
        for day in block_days(start, end, granularity, how, slack_days=slack_days):
            for k in keys:
                blocks[(day, k)].append(i)
    docs = events["doc"].tolist()
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        by_word: dict[str, list[int]] = defaultdict(list)
        for i in members:
            for w in prefixes[i]:
                by_word[w].append(i)
        for group in by_word.values():
            pairs.update((i, j) for i, j in combinations(sorted(group), 2) if docs[i] != docs[j])
    return pairs, max((len(m) for m in blocks.values()), default=0)


def average_link(nodes: list[int], sims: dict[tuple[int, int], float], docs: list[str],
                 threshold: float) -> list[list[int]]:
    """Groups of `nodes` by average-link clustering: merge the closest pair of groups while the mean similarity of
    their pairs of events from different articles (absent pairs count 0) is at least `threshold`. Two events of
    one article are never compared: a group of them joins a story only through other articles' reports."""
    members = {n: [n] for n in nodes}
    per_doc = {n: Counter([docs[n]]) for n in nodes}
    link: dict[int, dict[int, float]] = defaultdict(dict)  # group -> other group -> summed similarity
    for (i, j), s in sims.items():
        link[i][j] = link[j][i] = s

    def mean(a: int, b: int) -> float:
        n = len(members[a]) * len(members[b]) - sum(k * per_doc[b].get(d, 0) for d, k in per_doc[a].items())
        return link[a].get(b, 0.0) / n if n else 0.0
    heap = [(-s, min(i, j), max(i, j)) for (i, j), s in sims.items() if s >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members or abs(mean(a, b) + neg) > 1e-12:
            continue  # a group merged away, or changed since this entry was pushed
        members[a] += members.pop(b)
        per_doc[a] += per_doc.pop(b)
        for c, s in link.pop(b).items():
            del link[c][b]
            if c != a:
                link[a][c] = link[c][a] = link[a].get(c, 0.0) + s
        for c in link[a]:
            if (m := mean(a, c)) >= threshold:
                heapq.heappush(heap, (-m, min(a, c), max(a, c)))
    return [sorted(g) for g in members.values()]


def cluster_events(events: pd.DataFrame, *, threshold: float = THRESHOLD, slack_days: int = 1,
                   same_doer_bonus: float = SAME_DOER_BONUS) -> tuple[list[list[int]], dict]:
    """Groups of row positions of `events` that report one happening, and figures on how they were found.

    `same_doer_bonus` is added to the cosine of two events whose summaries name the same doer when words that
    tell the act (not names, stop words, weekdays or months) carry ACT_FLOOR of it (0 turns the bonus off)."""
    texts = [words(s) for s in events["sentence"]]
    weights = {w: v * v for w, v in idf_weights(texts).items()}
    norms = [math.sqrt(sum(weights[w] for w in t)) or 1.0 for t in texts]
    prefixes = [prefix(t, weights, n, threshold - same_doer_bonus) for t, n in zip(texts, norms)]
    pairs, largest = candidate_pairs(events, prefixes, slack_days=slack_days)
    actors = events["actors"].tolist()
    subjects = [subject_key(s, a) for s, a in zip(events["summary"].tolist(), actors)]
    keys = [{k for a in actor_names(x) if (k := actor_key(a))} for x in actors]
    names, unlike = [name_words(x) for x in actors], unlike_acts()
    sims = {}
    for i, j in sorted(pairs):
        if two_doers((subjects[i], subjects[j]), (keys[i], keys[j])):
            continue  # two named doers: two happenings
        s = cosine(texts[i], texts[j], weights, (norms[i], norms[j]))
        if same_doer_bonus and subjects[i] and subjects[i] == subjects[j]:
            named = names[i] | names[j] | unlike
            if cosine(texts[i] - named, texts[j] - named, weights, (norms[i], norms[j])) >= ACT_FLOOR:
                s += same_doer_bonus  # one doer, and the same act besides the names
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
    docs, groups = events["doc"].tolist(), []
    for r, nodes in components.items():
        groups.extend(average_link(nodes, by_comp[r], docs, threshold) if len(nodes) > 1 else [nodes])
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
        for a in actor_names(r["actors"]):
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
                  threshold: float = THRESHOLD, slack_days: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
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
    groups, found = cluster_events(dated, threshold=threshold, slack_days=slack_days)
    records = dated.to_dict("records")
    rows = [story_row([records[i] for i in g], records[_medoid(g, found["similarities"])], pub, persons)
            for g in groups]
    stories = pd.DataFrame(rows, columns=STORY_COLUMNS)
    stories = stories.sort_values(["date_start", "story_id"], kind="stable").reset_index(drop=True)
    members = pd.DataFrame([(e, r["story_id"]) for r in rows for e in r["event_ids"]], columns=MEMBER_COLUMNS)
    return stories, members.sort_values("event_id", kind="stable").reset_index(drop=True)
