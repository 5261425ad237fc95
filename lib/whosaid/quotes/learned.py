"""A learned attribution tagger beside the rules: CRFs (python-crfsuite) over spaCy's parse, trained on PolNeAR.

The cue lexicon sees the words it lists; the news says "made the case that", "has no doubt", "took issue with".
Two linear-chain CRFs, as BBC's Citron does, learn the rest from PolNeAR train (quotes/train.py):
- the cue tagger marks reporting cues in each sentence (B / I / O), any word, with the lexicon and the rules'
  own attributions (hints) as features;
- the span tagger, run once per cue over the cue's sentence, marks that cue's source (S) and content (C), with
  features that say where each token sits relative to the cue in the parse (which of the cue's dependents
  it hangs from, before or after it, how far).
A candidate outside the rules' attributions and quotation marks then goes through a filter, a maximum-entropy
classifier (crfsuite over one-item sequences) trained on out-of-fold candidates, that weighs the taggers'
confidence and the kind of cue, source and content. `QuoteTagger.propose` returns the candidates the filter keeps
and a source for each rule attribution without one; attribution.py adds them to the rules'. A second classifier,
the veto, trained the same way on the rules' own quotes (out of fold, each labelled right or wrong against the
gold), weighs a rule quote that is not a direct quote by its cue, kind, source, content and the cue tagger's
probability at its cue; attribution.py drops the rule quotes it finds least likely, which leaves room within the
same precision for more of the model's candidates. The model files are crfsuite's own (no pickle), read from the
package resources.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from whosaid.model import Quote
from whosaid.quotes.cues import cue_for, reports_no_words
from whosaid.quotes.marks import find_quoted

MODEL_DIR = files("whosaid") / "resources" / "quotemodel"
CUE_FILE, SPAN_FILE, FILTER_FILE, META_FILE = "cue.crfsuite", "span.crfsuite", "filter.crfsuite", "meta.json"
VETO_FILE = "veto.crfsuite"
FEATURES_VERSION = "1"  # bump when a feature changes: cached fold models (quotes/train.py) are then retrained
FUNCTION_POS = {"ADP", "DET", "PRON", "PART", "CCONJ", "SCONJ", "AUX", "PUNCT"}
OBJ_DEPS = {"ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "csubj", "agent", "prep", "attr", "oprd", "advcl",
            "dative", "acomp", "parataxis", "neg", "aux", "auxpass", "prt", "mark", "npadvmod", "relcl", "acl"}


@dataclass(frozen=True)
class Hint:
    """An attribution the rules found (token indices), given to the model as features."""

    cue: tuple[int, ...]
    content: frozenset[int]
    source: tuple[int, ...]
    lemma: str = ""


@dataclass
class Proposal:
    """One attribution the model proposes: token indices of its cue, source and content."""

    cue: list[int]
    source: list[int]
    content: set[int]
    lemma: str
    cue_p: float = 1.0  # the cue tagger's probability that the cue's first token opens a cue
    span_p: float = 1.0  # the span tagger's probability of its source and content
    keep_p: float = 1.0  # the filter's probability that the proposal is an attribution


# ---------------------------------------------------------------- features

def quote_flags(doc: Doc) -> list[int]:
    """Per token: 0 outside quotation marks, 1 inside, 2 on an opening or closing mark."""
    flags = [0] * len(doc)
    for q in find_quoted(doc.text):
        if q.single:
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            flags[t.i] = 2 if t.idx in (q.start, q.end - 1) or t.idx + len(t) == q.end else 1
    return flags


def _dist(d: int) -> str:
    a = abs(d)
    b = str(a) if a <= 3 else "4-6" if a <= 6 else "7-12" if a <= 12 else "13+"
    return ("-" if d < 0 else "+") + b


class DocFeatures:
    """Per-document feature tables, computed once and shared by the cue and span taggers.

    Token attributes are read into plain lists first: indexing a spaCy Doc token by token costs more than
    the features themselves.
    """

    def __init__(self, doc: Doc, hints: list[Hint] | tuple[Hint, ...] = ()) -> None:
        self.doc = doc
        toks = list(doc)
        self.quote = quote_flags(doc)
        self.lem = [t.lemma_.lower() for t in toks]
        self.pos = [t.pos_ for t in toks]
        self.dep = [t.dep_ for t in toks]
        self.head = [t.head.i for t in toks]
        self.lower = [t.lower_ for t in toks]
        self.punct = [t.is_punct for t in toks]
        self.lex = [cue_for(t) for t in toks]
        self.kids: list[list[int]] = [[] for _ in toks]
        for t in toks:
            if t.head.i != t.i:
                self.kids[t.head.i].append(t.i)
        self.base = [self._base(t) for t in toks]
        self.pb = [0.0] * len(doc)  # the cue tagger's P(B) per token, filled by QuoteTagger.candidates
        self.hints = list(hints)
        self.role = [""] * len(doc)  # the token's part in a rule attribution: q(cue) s(ource) c(ontent)
        self.hint_of = [-1] * len(doc)
        for k, h in enumerate(self.hints):
            for ids, role in ((h.content, "c"), (h.source, "s"), (h.cue, "q")):
                for i in ids:
                    self.role[i], self.hint_of[i] = role, k

    def _base(self, t: Token) -> list[str]:
        """Features of a token on its own (shared by both taggers)."""
        i = t.i
        pos, dep, hpos = self.pos[i], self.dep[i], self.pos[self.head[i]]
        f = [f"l={self.lem[i]}", f"p={pos}", f"t={t.tag_}", f"d={dep}", f"hp={hpos}", f"dh={dep}_{hpos}"]
        if pos in FUNCTION_POS or self.punct[i]:
            f.append(f"w={self.lower[i]}")
        if t.ent_type_:
            f.append(f"e={t.ent_type_}")
        if self.quote[i]:
            f.append(f"q={self.quote[i]}")
        if t.is_sent_start:
            f.append("first")
        if "\n" in t.whitespace_ or "\n" in t.text:
            f.append("nl")
        return f

    def _kid_features(self, i: int) -> set[str]:
        out = set()
        for c in self.kids[i]:
            dep = self.dep[c]
            if dep in ("prep", "prt"):
                dep = f"{dep}:{self.lower[c]}"
            elif dep in ("nsubj", "nsubjpass"):
                ent = self.doc[c].ent_type_
                out.add(f"{dep}:{ent or self.pos[c]}")
            out.add(dep)
        return out

    def cue_features(self, sent: Span) -> list[list[str]]:
        """Features for the cue tagger over one sentence."""
        lem, pos, lex, head, dep, role, quote = self.lem, self.pos, self.lex, self.head, self.dep, self.role, self.quote
        lo, hi = sent.start, sent.end
        out = []
        for i in range(lo, hi):
            f = ["b", *self.base[i], f"hl={lem[head[i]]}"]
            if role[i]:
                f += [f"h={role[i]}", f"hp={role[i]}|{pos[i]}"]
            kids = sorted(self._kid_features(i))  # sorted: the same feature order in every run
            f += [f"c={k}" for k in kids]
            if pos[i] in ("VERB", "NOUN", "AUX", "ADJ"):
                f += [f"lc={lem[i]}|{k}" for k in kids if k in OBJ_DEPS]
            e = lex[i]
            if e is not None:
                f += [f"x={e.cls}", f"xl={e.cls}|{dep[i]}"] + [f"xf={fr}" for fr in sorted(e.frames)]
            h = head[i]
            for _ in range(6):
                if head[h] == h:
                    break
                if lex[h] is not None:
                    f.append(f"anc={lex[h].cls}|{dep[i]}")
                    break
                h = head[h]
            for k in (-2, -1, 1, 2):
                j = i + k
                if lo <= j < hi:
                    f.append(f"{k}p={pos[j]}")
                    if k in (-1, 1):
                        f += [f"{k}l={lem[j]}", f"{k}q={quote[j]}"]
                else:
                    f.append(f"{k}edge")
            out.append(f)
        return out

    def under(self, i: int, h: int, cue: set[int]) -> str:
        """Where token i sits relative to the cue's head h in the parse: the cue's dependent it hangs from, and so on."""
        head, dep = self.head, self.dep
        if i in cue:
            return "cue"
        cur = i
        for _ in range(12):
            if head[cur] == h:
                return f"prep:{self.lower[cur]}" if dep[cur] == "prep" else dep[cur]
            if head[cur] == cur:
                break
            cur = head[cur]
        anc = h
        for _ in range(12):  # not below the cue: above it (its ancestor), or in a sibling clause of its head
            if head[anc] == anc:
                break
            if head[anc] == i:
                return f"anc:{dep[h]}"
            anc = head[anc]
        hh = head[h]
        if hh != h:
            cur = i
            for _ in range(12):
                if head[cur] == hh and cur != hh:
                    return f"sib:{dep[cur]}"
                if head[cur] == cur:
                    break
                cur = head[cur]
        return "out"

    def span_features(self, sent: Span, cue: list[int]) -> list[list[str]]:
        """Features for the span tagger over one sentence, relative to one cue (token indices)."""
        pos, dep, quote, role, lower, punct = self.pos, self.dep, self.quote, self.role, self.lower, self.punct
        cue_set = set(cue)
        h = _cue_head(self.doc, cue).i
        entry = self.lex[h]
        hl = self.lem[h]
        cls = entry.cls if entry is not None else "none"
        ctx = [f"cl={hl}", f"cx={cls}", f"cd={dep[h]}", f"ct={self.doc[h].tag_}"]
        mine = next((self.hint_of[i] for i in cue if role[i] == "q"), -1)
        ctx.append(f"hint={_hint_kind(self.hints[mine]) if mine >= 0 else 'none'}")
        lo, hi = sent.start, sent.end
        under = [self.under(i, h, cue_set) for i in range(lo, hi)]
        out = []
        for i in range(lo, hi):
            u = under[i - lo]
            rel = "cue" if i in cue_set else ("b" if i < h else "a")
            f = ["b", *self.base[i], *ctx,
                 f"u={u}", f"r={rel}", f"dist={_dist(i - h)}", f"ur={u}|{rel}", f"up={u}|{pos[i]}",
                 f"ud={u}|{dep[i]}", f"ux={u}|{cls}", f"ul={u}|{hl}", f"uq={u}|{quote[i]}"]
            if role[i]:
                hm = ("m" if self.hint_of[i] == mine else "o") + role[i]
                f += [f"hm={hm}", f"hmu={hm}|{u}"]
            for d in (-1, 1):
                j = i + d
                if lo <= j < hi:
                    f += [f"{d}u={under[j - lo]}", f"{d}p={pos[j]}",
                          f"{d}w={lower[j]}" if punct[j] else f"{d}q={quote[j]}"]
                else:
                    f.append(f"{d}edge")
            out.append(f)
        return out


def _hint_kind(h: Hint) -> str:
    return {":": "colon", "according to": "according"}.get(h.lemma, "rule")


def _cue_head(doc: Doc, cue: list[int]) -> Token:
    """The cue token that heads the others (its head lies outside the cue), a verb first."""
    ids = set(cue)
    heads = [doc[i] for i in cue if doc[i].head.i not in ids or doc[i].head.i == i]
    heads = heads or [doc[cue[0]]]
    return next((t for t in heads if t.pos_ in ("VERB", "AUX")), heads[0])


# ---------------------------------------------------------------- decoding

def cue_runs(pb: list[float], pi: list[float], offset: int, low: float) -> list[list[int]]:
    """Cue token runs from the cue tagger's marginals: a run opens where P(B) >= low, an I within 3 tokens joins it."""
    runs: list[list[int]] = []
    for k, (b, i) in enumerate(zip(pb, pi)):
        if b >= low and b >= i:
            runs.append([offset + k])
        elif i >= 0.5 and runs and runs[-1][-1] >= offset + k - 3:
            runs[-1].append(offset + k)
    return runs


def spans_from_tags(tags: list[str], offset: int, head_i: int) -> tuple[list[int], set[int]]:
    """(source, content) token indices from S/C/Q/O tags: the source run nearest the cue, all content."""
    content = {offset + k for k, t in enumerate(tags) if t == "C"}
    runs: list[list[int]] = []
    for k, t in enumerate(tags):
        if t == "S":
            if runs and runs[-1][-1] == offset + k - 1:
                runs[-1].append(offset + k)
            else:
                runs.append([offset + k])
    source = min(runs, key=lambda r: min(abs(i - head_i) for i in r)) if runs else []
    return source, content


def proposal_features(feats: DocFeatures, p: Proposal) -> dict[str, float]:
    """What the filter weighs: the taggers' confidence, the cue's word and class, the source's and content's kind."""
    doc = feats.doc
    h = _cue_head(doc, p.cue).i
    entry = feats.lex[h]
    f = {"b": 1.0, "cue_p": p.cue_p, "cue_p2": p.cue_p ** 2, "span_p": p.span_p,
         f"x={entry.cls if entry else 'none'}": 1.0, f"l={feats.lem[h]}": 1.0, f"p={feats.pos[h]}": 1.0,
         f"d={feats.dep[h]}": 1.0, f"t={doc[h].tag_}": 1.0, f"n={min(len(p.cue), 4)}": 1.0}
    if p.source:
        src = set(p.source)
        r = next((i for i in p.source if feats.head[i] not in src or feats.head[i] == i), p.source[0])
        f[f"s={doc[r].ent_type_ or feats.pos[r]}"] = 1.0
        if feats.pos[r] == "PRON":
            f[f"sw={feats.lower[r]}"] = 1.0
    else:
        f["s=none"] = 1.0
    content = sorted(p.content)
    f["clen"] = min(len(content), 40) / 40
    f["cverb"] = float(any(feats.pos[i] in ("VERB", "AUX") for i in content))
    first = content[0]
    f[f"c0={feats.lower[first] if feats.pos[first] in FUNCTION_POS else feats.pos[first]}"] = 1.0
    f["cquote"] = sum(1 for i in content if feats.quote[i]) / len(content)
    f[f"hint={'yes' if any(r for r in feats.role[doc[h].sent.start:doc[h].sent.end]) else 'no'}"] = 1.0
    return f


def _bucket(n: int) -> str:
    return "<20" if n < 20 else "<50" if n < 50 else "<120" if n < 120 else "long"


def quote_features(feats: DocFeatures, q: Quote) -> dict[str, float]:
    """What the veto weighs for a rule quote: its kind, cue and class, the cue tagger's P(B) at the cue, the
    source's kind, the content's length, first word and side of the cue."""
    doc = feats.doc
    cue = doc.char_span(*q.cue_spans[0], alignment_mode="expand") if q.cue_spans else None
    tok = cue.root if cue is not None else doc[0]
    entry = feats.lex[tok.i]
    n = sum(e - s for s, e in q.content_spans)
    pb = max((feats.pb[t.i] for t in cue), default=0.0) if cue is not None else 0.0
    f = {"b": 1.0, f"k={q.kind}": 1.0, f"cls={q.cue_class}": 1.0, f"l={q.cue}": 1.0, f"p={tok.pos_}": 1.0,
         f"d={tok.dep_}": 1.0, f"t={tok.tag_}": 1.0, f"x={entry.cls if entry else 'none'}": 1.0,
         f"n={min(len(q.content_spans), 3)}": 1.0, "clen": min(n, 400) / 400, f"cl={_bucket(n)}": 1.0,
         "pb": pb, "pb2": pb * pb, f"pbb={min(int(pb * 5), 4)}": 1.0}
    src = doc.char_span(*q.speaker_spans[0], alignment_mode="expand") if q.speaker_spans else None
    if src is not None:
        r = src.root
        f[f"s={r.ent_type_ or r.pos_}"] = 1.0
        if r.pos_ == "PRON":
            f[f"sw={r.lower_}"] = 1.0
    else:
        f["s=none" if not q.speaker_spans else "s=x"] = 1.0
    first = doc.char_span(*q.content_spans[0], alignment_mode="expand")
    if first is not None and len(first):
        t0 = first[0]
        f[f"c0={t0.lower_ if t0.pos_ in FUNCTION_POS else t0.pos_}"] = 1.0
        f["cverb"] = float(any(t.pos_ in ("VERB", "AUX") for t in first))
        f[f"cpos={'before' if first.start < tok.i else 'after'}"] = 1.0
    return f


class QuoteTagger:
    """The trained CRFs (cue, span) and the proposal filter, loaded from a model folder."""

    def __init__(self, folder: Path) -> None:
        import pycrfsuite  # imported here: the rules run without it

        self.cue = pycrfsuite.Tagger()
        self.cue.open(str(folder / CUE_FILE))
        self.span = pycrfsuite.Tagger()
        self.span.open(str(folder / SPAN_FILE))
        self.cue_labels = set(self.cue.labels())
        self.filter = None
        if (folder / FILTER_FILE).is_file():
            self.filter = pycrfsuite.Tagger()
            self.filter.open(str(folder / FILTER_FILE))
        self.veto = None
        if (folder / VETO_FILE).is_file():
            self.veto = pycrfsuite.Tagger()
            self.veto.open(str(folder / VETO_FILE))
        meta = folder / META_FILE
        self.meta = json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else {}
        decode = self.meta.get("config", {}).get("decode", {})
        self.cue_min = float(decode.get("cue_min", 0.1))
        self.keep_min = float(decode.get("keep_min", 0.5))
        self.veto_min = float(decode.get("veto_min", 0.0))

    def candidates(self, doc: Doc, hints: list[Hint] | tuple[Hint, ...] = ()) -> tuple[DocFeatures, list[Proposal]]:
        """Every attribution the taggers find outside the rules' (``hints``) and outside quotation marks.

        A cue on a token of a rule attribution, on an action verb ("order", "see") or inside quotation marks
        is skipped, and so is content that lies mostly inside quotation marks (the rules own direct quotes).
        """
        feats = DocFeatures(doc, hints)
        taken = {i for h in hints for i in (*h.cue, *h.content, *h.source)}
        out = []
        for sent in doc.sents:
            if len(sent) < 3:
                continue
            self.cue.set(feats.cue_features(sent))
            n = len(sent)
            pb = [self.cue.marginal("B", k) for k in range(n)] if "B" in self.cue_labels else [0.0] * n
            pi = [self.cue.marginal("I", k) for k in range(n)] if "I" in self.cue_labels else [0.0] * n
            feats.pb[sent.start:sent.end] = pb
            for run in cue_runs(pb, pi, sent.start, self.cue_min):
                if any(i in taken or feats.quote[i] or reports_no_words(doc[i]) for i in run):
                    continue
                head = _cue_head(doc, run)
                self.span.set(feats.span_features(sent, run))
                stags = self.span.tag()
                source, content = spans_from_tags(stags, sent.start, head.i)
                content -= set(source)
                if not content or len(content - taken) < 0.5 * len(content) \
                        or sum(1 for i in content if feats.quote[i]) > 0.5 * len(content):
                    continue
                out.append(Proposal(cue=run, source=source, content=content, lemma=head.lemma_.lower(),
                                    cue_p=pb[run[0] - sent.start], span_p=self.span.probability(stags)))
        return feats, out

    def source_for(self, feats: DocFeatures, cue: list[int]) -> list[int]:
        """The source the span tagger finds for a cue (the rules' cue when they found no subject)."""
        sent = feats.doc[cue[0]].sent
        self.span.set(feats.span_features(sent, cue))
        source, _ = spans_from_tags(self.span.tag(), sent.start, _cue_head(feats.doc, cue).i)
        return source

    def propose(self, doc: Doc, hints: list[Hint] | tuple[Hint, ...] = ()
                ) -> tuple[list[Proposal], list[list[int]], DocFeatures]:
        """The candidates the filter keeps (its probability at least ``keep_min``), surest first, a source for
        each hint that has none (empty when the tagger finds none either), and the document's features."""
        feats, cands = self.candidates(doc, hints)
        if self.filter is not None:
            known = "T" in self.filter.labels()
            for p in cands:
                self.filter.set([proposal_features(feats, p)])
                p.keep_p = self.filter.marginal("T", 0) if known else 0.0
        sources = [list(h.source) or (self.source_for(feats, list(h.cue)) if h.lemma.isalpha() else []) for h in hints]
        return sorted((p for p in cands if p.keep_p >= self.keep_min), key=lambda p: -p.keep_p), sources, feats

    def veto_features(self, feats: DocFeatures, q: Quote) -> dict[str, float]:
        """quote_features, and how far the span tagger, run on the quote's cue, agrees with the rules' content."""
        f = quote_features(feats, q)
        doc = feats.doc
        cue = sorted({t.i for s, e in q.cue_spans if (c := doc.char_span(s, e, alignment_mode="expand")) for t in c})
        if not cue:
            return f
        sent = doc[cue[0]].sent
        cue = [i for i in cue if sent.start <= i < sent.end]
        self.span.set(feats.span_features(sent, cue))
        tags = self.span.tag()
        _, content = spans_from_tags(tags, sent.start, _cue_head(doc, cue).i)
        mine = {t.i for s, e in q.content_spans if (c := doc.char_span(s, e, alignment_mode="expand"))
                for t in c if sent.start <= t.i < sent.end and not t.is_space}
        agree = 2 * len(content & mine) / (len(content) + len(mine)) if content or mine else 1.0
        f["agree"] = agree
        f[f"ag={'none' if not content else 'out' if not mine else min(int(agree * 4), 3)}"] = 1.0
        f["span_p"] = self.span.probability(tags)
        return f

    def keeps_rule_quote(self, feats: DocFeatures, q: Quote) -> bool:
        """Whether a quote of the rules stays: always a direct quote, else when the veto's probability that it is
        an attribution reaches ``veto_min`` (always without a veto)."""
        if self.veto is None or q.kind == "direct" or self.veto_min <= 0:
            return True
        self.veto.set([self.veto_features(feats, q)])
        return self.veto.marginal("T", 0) >= self.veto_min


@lru_cache(maxsize=1)
def shipped_tagger() -> QuoteTagger | None:
    """The model shipped in the package, or None when its files are absent."""
    if not MODEL_DIR.joinpath(CUE_FILE).is_file():
        return None
    with as_file(MODEL_DIR) as folder:
        return QuoteTagger(Path(folder))
