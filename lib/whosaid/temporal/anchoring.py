"""Event anchoring as a learned ranker: each event's date is chosen among candidates by a small logistic model.

The candidates of an event are the calendar expressions of its sentence (“explicit”), the date of the story's last
dated main clause and the day the news happened (“inherited”), and the publication date (“publication”). Each
candidate is described by features the parse gives — the dependency path between the event's word and the
expression (length, labels, whether it crosses a clause), token distance and direction, the expression's grain and
where it lies from the publication date, the event's tense and aspect, whether it reports, is the sentence's main
predicate or a noun, its sentence and paragraph position — and by what the hand rules of `whosaid.temporal.events`
chose (the rules are features, not the decision). A logistic regression scores each candidate; the best one above
the model's threshold is the event's date, otherwise it stays undated.

The weights are plain JSON (`resources/anchor_model.json`: feature name → coefficient, and what the model was
trained on), scored here in pure Python: no pickle, no scikit-learn at run time. Trained on TBAQ's TLINKs by
`python -m whosaid.temporal.train_anchor`.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from spacy.tokens import Span, Token

from whosaid.temporal.timeml import value_interval

MODEL_FILE = files("whosaid") / "resources" / "anchor_model.json"
HOW = {"timex": "explicit", "previous": "inherited", "story": "inherited", "publication": "publication"}
CLAUSE = {"ccomp", "advcl", "relcl", "xcomp", "acl", "conj", "parataxis", "csubj", "pcomp"}


@dataclass
class Site:
    """One event to anchor: its word, sentence and what the parse and the rules say about it."""

    verb: Token
    sent: Span
    n: int  # sentence number in the article
    paragraph: int  # paragraph number in the article
    tense: str  # past | perfect | present | progressive | future | noun | other
    reporting: bool
    main: bool
    rule: tuple[str | None, str]  # the hand rules' (date, how)
    dct: str | None


@dataclass
class Candidate:
    """A date an event may take, where it comes from and its features."""

    kind: str  # timex | previous | story | publication
    value: str
    feats: dict[str, float] = field(default_factory=dict)

    @property
    def how(self) -> str:
        return HOW[self.kind]


def bucket(x: int, edges: tuple[int, ...]) -> str:
    """The first edge `x` is at most, as a label ("<=3"), or ">last"."""
    for e in edges:
        if x <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def ancestors(tok: Token) -> list[Token]:
    """The token and its heads up to the root."""
    out = [tok]
    while out[-1].head != out[-1] and len(out) < 40:
        out.append(out[-1].head)
    return out


def dep_path(a: Token, b: Token) -> tuple[list[str], list[str]] | None:
    """Dependency labels from `a` up to the lowest common head and from `b` up to it; None in another tree."""
    up_a, up_b = ancestors(a), ancestors(b)
    idx_b = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in idx_b:
            return [x.dep_ for x in up_a[:k]], [x.dep_ for x in up_b[:idx_b[t.i]]]
    return None


def grain(value: str) -> str:
    """The granularity of a calendar value (day, week, month, quarter, year …)."""
    iv = value_interval(value)
    return iv[2] if iv else "none"


def from_dct(value: str, dct: str | None) -> str:
    """Where a value lies from the publication day: same, before or after, and how far."""
    iv, day = value_interval(value), date.fromisoformat(dct) if dct else None
    if iv is None or day is None:
        return "nodct"
    first, last, _ = iv
    if first <= day <= last:
        return "covers" if first != last else "same"
    days = (first - day).days if first > day else (day - last).days
    side = "after" if first > day else "before"
    return f"{side}{bucket(days, (1, 7, 31, 366, 366 * 3))}"


def event_feats(site: Site) -> list[str]:
    """Features of the event alone (joined to each candidate kind, so they shift the choice between kinds)."""
    v = site.verb
    out = [f"tense={site.tense}", f"pos={v.pos_}", f"dep={v.dep_}", f"sent={bucket(site.n, (0, 1, 2, 5, 10, 20))}",
           f"para={bucket(site.paragraph, (0, 1, 3, 6))}", f"rule_how={site.rule[1]}"]
    if site.reporting:
        out.append("reporting")
        out.append(f"reporting&tense={site.tense}")
    if site.main:
        out.append("main")
    if any(c.dep_ == "neg" for c in v.children):
        out.append("negated")
    if any(c.tag_ == "MD" for c in v.children):
        out.append("modal")
    return out


def timex_feats(site: Site, span: Span, value: str, rank: int, count: int) -> dict[str, float]:
    """Features of an expression of the event's sentence as its anchor."""
    v, root = site.verb, span.root
    f = [f"grain={grain(value)}", f"dct={from_dct(value, site.dct)}", f"nearest={rank == 0}",
         f"count={bucket(count, (1, 2, 3))}", f"attach={root.dep_}", f"attach_head={root.head.pos_}"]
    if span.start <= v.i < span.end:
        f.append("inside")
    path = dep_path(v, root)
    if path is None:
        f.append("path=none")
    else:
        up, down = path
        f += [f"path_len={bucket(len(up) + len(down), (0, 1, 2, 3, 4, 6))}", f"up={bucket(len(up), (0, 1, 2))}",
              f"down_top={down[-1] if down else '-'}", f"up_first={up[0] if up else '-'}"]
        crossed = [d for d in up + down[:-1] if d in CLAUSE]
        f.append("same_clause" if not crossed else f"crosses={crossed[0]}")
        f.append(f"governs&tense={site.tense}" if not up else f"governed&tense={site.tense}")
    dist = span.start - v.i if span.start > v.i else v.i - span.end + 1
    f += [f"dist={bucket(dist, (1, 2, 4, 8, 15))}", f"side={'after' if span.start > v.i else 'before'}"]
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.dep_ == "prep":
        f.append(f"prep={prev.lower_}")
    if site.rule[0] == value and site.rule[1] == "explicit":
        f.append("rule_chose")
    return {x: 1.0 for x in f}


def context_feats(site: Site, kind: str, value: str, distance: int | None) -> dict[str, float]:
    """Features of an inherited date or the publication date as the event's anchor."""
    f = [f"grain={grain(value)}", f"dct={from_dct(value, site.dct)}"]
    if distance is not None:
        f.append(f"back={bucket(distance, (0, 1, 2, 3, 5, 10))}")
    if site.rule[0] == value:
        f.append(f"rule_chose={site.rule[1]}")
    elif site.rule[0] is not None:
        f.append(f"rule_other={site.rule[1]}")
    return {x: 1.0 for x in f}


def candidates(site: Site, timexes: list[tuple[Span, str]], previous: tuple[int, str] | None,
               story: str | None) -> list[Candidate]:
    """Every date the event may take, each with its features (the event's own features joined to its kind):
    the sentence's expressions, the date of the story's last dated main clause (`previous`, as (sentence number,
    date)), the story's day and the publication date."""
    out: list[Candidate] = []
    order = sorted(range(len(timexes)), key=lambda k: abs(timexes[k][0].root.i - site.verb.i))
    for rank, k in enumerate(order):
        span, value = timexes[k]
        out.append(Candidate("timex", value, timex_feats(site, span, value, rank, len(timexes))))
    if previous is not None:
        out.append(Candidate("previous", previous[1], context_feats(site, "previous", previous[1],
                                                                      site.n - previous[0])))
    if story:
        out.append(Candidate("story", story, context_feats(site, "story", story, None)))
    if site.dct:
        out.append(Candidate("publication", site.dct, context_feats(site, "publication", site.dct, None)))
    ev = event_feats(site)
    for c in out:
        c.feats = {f"{c.kind}|{k}": x for k, x in c.feats.items()}
        c.feats.update({f"{c.kind}|{e}": 1.0 for e in ev})
        c.feats[f"kind={c.kind}"] = 1.0
    return out


@dataclass(frozen=True)
class AnchorModel:
    """Logistic-regression weights over named features, the decision threshold, and what they were trained on."""

    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict

    def prob(self, feats: dict[str, float]) -> float:
        """The probability that a candidate with these features is the event's date."""
        z = self.bias + sum(self.weights.get(k, 0.0) * x for k, x in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def choose(self, cands: list[Candidate]) -> tuple[str | None, str]:
        """(date, how) of the best candidate when its probability reaches the threshold, else (None, "unknown");
        a date that an expression of the sentence also gives is explicit, whichever candidate won with it."""
        best = max(cands, key=lambda c: self.prob(c.feats), default=None)
        if best is None or self.prob(best.feats) < self.threshold:
            return None, "unknown"
        same = [c.kind for c in cands if c.value == best.value]
        return best.value, HOW[min(same, key=list(HOW).index)]

    def to_json(self) -> dict:
        return {"format": "whosaid-anchor-logreg/1", "bias": self.bias, "threshold": self.threshold,
                "meta": self.meta, "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_json(cls, data: dict) -> AnchorModel:
        if data.get("format") != "whosaid-anchor-logreg/1":
            raise ValueError(f"not a whosaid anchor model: format {data.get('format')!r}")
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                   float(data["threshold"]), dict(data.get("meta", {})))

    @classmethod
    def load(cls, path: str | Path) -> AnchorModel:
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def shipped_model() -> AnchorModel:
    """The model shipped in the package (`resources/anchor_model.json`), loaded once."""
    return AnchorModel.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
