"""Training the attribution tagger (quotes/learned.py) on PolNeAR: one command, a config file, reproducible.

    python -m whosaid.quotes.train [--config CONFIG.toml] [--corpus DIR] [--out DIR] [--work DIR]

The config (default: the one shipped beside the model, resources/quotemodel/config.toml) names the CRF
settings of the taggers and the filter, the decoding thresholds, the folds and their seed. The corpus folder
holds PolNeAR's `text/*.txt` and brat `attributions/*.ann` (the first annotator's file by name when there are
several, as the scorer reads them). Texts are parsed with the pipeline whosaid uses (cached as a DocBin in
--work). Cross-fitting: for each of the folds, taggers trained on the others propose candidates on it, which,
labelled against the gold, train the filter; the rules' quotes on each fold, extracted with that fold's taggers
and filter and labelled against the gold, train the veto; then both taggers are trained on the whole corpus. The
output folder gets `cue.crfsuite`, `span.crfsuite`, `filter.crfsuite`, `veto.crfsuite` (crfsuite's own format) and
`meta.json`, which
says what the model was trained on: the corpus, its document count and a SHA-256 of its texts and annotations,
the spaCy pipeline, the config and the time it took. Training is deterministic (seeded folds, L-BFGS, a fixed
feature order): the same corpus, pipeline and config give byte-identical models.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
import time
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin

from whosaid.model import Quote
from whosaid.quotes.learned import (
    CUE_FILE,
    FEATURES_VERSION,
    FILTER_FILE,
    META_FILE,
    MODEL_DIR,
    SPAN_FILE,
    VETO_FILE,
    DocFeatures,
    QuoteTagger,
    _cue_head,
    proposal_features,
)

DEFAULT_CORPUS = Path("../shared/corpora/polnear/train")


@dataclass
class GoldAttribution:
    """One annotated attribution as token indices."""

    cue: list[int]
    source: list[int]
    content: set[int]


# ---------------------------------------------------------------- corpus

def parse_brat(text: str) -> list[dict[str, list[tuple[int, int]]]]:
    """Attributions of a brat .ann file: character spans of content, source and cue (content required)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    rels = []
    for line in text.splitlines():
        if line.startswith("T") and "\t" in line:
            tid, meta = line.split("\t")[:2]
            _label, _, locs = meta.partition(" ")
            try:
                spans[tid] = [(int(a), int(b)) for a, b in (p.split() for p in locs.split(";"))]
            except ValueError:
                continue
        elif line.startswith("E") and "\t" in line:
            roles: dict[str, list[str]] = {}
            for arg in line.split("\t", 1)[1].split():
                role, _, tid = arg.partition(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(tid)
            rels.append(roles)
    out = []
    for r in rels:
        get = {role: [s for t in r.get(role, []) if t in spans for s in spans[t]] for role in ("Content", "Source", "Cue")}
        if get["Content"]:
            out.append({"content": get["Content"], "source": get["Source"], "cue": get["Cue"]})
    return out


def corpus_files(corpus: Path) -> list[tuple[Path, Path]]:
    """(text, first annotation file) per document, in name order."""
    anns: dict[str, Path] = {}
    for ann in sorted((corpus / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    return [(corpus / "text" / f"{name}.txt", ann) for name, ann in sorted(anns.items())
            if (corpus / "text" / f"{name}.txt").is_file()]


def _token_ids(doc: Doc, char_spans: Iterable[tuple[int, int]]) -> list[int]:
    ids: set[int] = set()
    for s, e in char_spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            ids |= {t.i for t in span if not t.is_space}
    return sorted(ids)


def gold_attributions(doc: Doc, ann_text: str) -> list[GoldAttribution]:
    """The document's annotated attributions that have a cue, as token indices."""
    out = []
    for a in parse_brat(ann_text):
        cue = _token_ids(doc, a["cue"])
        content = set(_token_ids(doc, a["content"])) - set(cue)
        if cue and content:
            out.append(GoldAttribution(cue=cue, source=[i for i in _token_ids(doc, a["source"]) if i not in cue],
                                       content=content))
    return out


def load_corpus(corpus: Path, cache: Path | None = None) -> list[tuple[Doc, list[GoldAttribution]]]:
    """Parsed documents with their gold attributions (the parses cached in `cache` when given)."""
    from whosaid.nlp import bare_pipeline_name, load_nlp

    files = corpus_files(corpus)
    nlp = load_nlp()
    key = hashlib.sha256((digest(files) + bare_pipeline_name()).encode()).hexdigest()[:12]
    cached = cache / f"{corpus.name}-{key}.spacy" if cache else None
    if cached is not None and cached.is_file():
        by_name = {d.user_data.get("name"): d for d in DocBin().from_disk(cached).get_docs(nlp.vocab)}
        docs = [by_name[t.stem] for t, _ in files]
    else:
        docs = list(nlp.pipe((t.read_text(encoding="utf-8") for t, _ in files), batch_size=16))
        for doc, (t, _) in zip(docs, files):
            doc.user_data["name"] = t.stem
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs, store_user_data=True).to_disk(cached)
    return [(doc, gold_attributions(doc, ann.read_text(encoding="utf-8"))) for doc, (_, ann) in zip(docs, files)]


def digest(files: list[tuple[Path, Path]]) -> str:
    """SHA-256 over the documents' names, texts and annotations: what the model was trained on."""
    h = hashlib.sha256()
    for text, ann in files:
        h.update(text.name.encode())
        h.update(text.read_bytes())
        h.update(ann.read_bytes())
    return h.hexdigest()


# ---------------------------------------------------------------- training sequences

def cue_sequences(doc: Doc, gold: list[GoldAttribution], feats: DocFeatures):
    """(features, B/I/O labels) for each sentence."""
    labels = ["O"] * len(doc)
    for g in gold:
        for k, i in enumerate(sorted(g.cue)):
            labels[i] = "B" if k == 0 else "I"
    for sent in doc.sents:
        yield feats.cue_features(sent), labels[sent.start:sent.end]


def span_sequences(doc: Doc, gold: list[GoldAttribution], feats: DocFeatures):
    """(features, S/C/Q/O labels) over the cue's sentence for each gold attribution."""
    for g in gold:
        sent = _cue_head(doc, g.cue).sent
        labels = []
        for i in range(sent.start, sent.end):
            labels.append("Q" if i in g.cue else "S" if i in g.source else "C" if i in g.content else "O")
        yield feats.span_features(sent, g.cue), labels


def _train(pairs, params: dict, path: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in pairs:
        trainer.append(xseq, yseq)
    trainer.set_params(params)
    trainer.train(str(path))


def train_taggers(data: list[tuple[Doc, list[GoldAttribution]]], config: dict, out: Path) -> dict:
    """Train the cue and span taggers on `data` into folder `out`; returns counts and timing."""
    from whosaid.quotes.attribution import rule_hints

    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    cue_pairs, span_pairs = [], []
    for doc, gold in data:
        feats = DocFeatures(doc, rule_hints(doc))
        cue_pairs.extend(cue_sequences(doc, gold, feats))
        span_pairs.extend(span_sequences(doc, gold, feats))
    t1 = time.perf_counter()
    _train(cue_pairs, dict(config["cue"]), out / CUE_FILE)
    t2 = time.perf_counter()
    _train(span_pairs, dict(config["span"]), out / SPAN_FILE)
    t3 = time.perf_counter()
    return {"features_s": round(t1 - t0, 1), "cue_s": round(t2 - t1, 1), "span_s": round(t3 - t2, 1),
            "cue_sequences": len(cue_pairs), "span_sequences": len(span_pairs)}


def _dice(a: set[int], b: set[int]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


def filter_rows(tagger: QuoteTagger, data: list[tuple[Doc, list[GoldAttribution]]]) -> list[tuple[dict, str]]:
    """(features, T|F) for every candidate the taggers make on `data`: T when its content matches a gold one."""
    from whosaid.quotes.attribution import rule_hints

    rows = []
    for doc, gold in data:
        feats, cands = tagger.candidates(doc, rule_hints(doc))
        for p in cands:
            ok = any(_dice(p.content, g.content) >= 0.5 for g in gold)
            rows.append((proposal_features(feats, p), "T" if ok else "F"))
    return rows


def train_filter(rows: list[tuple[dict, str]], config: dict, out: Path) -> None:
    """The proposal filter: a maximum-entropy classifier (crfsuite over one-item sequences)."""
    _train((([f], [label]) for f, label in rows), dict(config["filter"]), out / FILTER_FILE)


class _Recording(QuoteTagger):
    """A fold's tagger that keeps every rule quote and records what the veto would weigh for each."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.seen: list[tuple[dict[str, float], Quote]] = []

    def keeps_rule_quote(self, feats: DocFeatures, q: Quote) -> bool:
        """Keep it, and record its features (a direct quote's too: the veto never weighs those, but the matching
        to the gold needs every quote)."""
        self.seen.append(({} if q.kind == "direct" else self.veto_features(feats, q), q))
        return True


def matched_quotes(doc: Doc, quotes: list[Quote], gold: list[GoldAttribution]) -> set[int]:
    """Positions of the quotes a gold attribution matches, one to one, greedy by token overlap (Dice >= 0.5)."""
    contents = [set(_token_ids(doc, q.content_spans)) for q in quotes]
    pairs = sorted(((len(c & g.content), qi, gi) for qi, c in enumerate(contents) for gi, g in enumerate(gold)
                    if c & g.content), key=lambda x: (-x[0], x[1], x[2]))
    used_q: set[int] = set()
    used_g: set[int] = set()
    for _, qi, gi in pairs:
        if qi not in used_q and gi not in used_g and _dice(contents[qi], gold[gi].content) >= 0.5:
            used_q.add(qi)
            used_g.add(gi)
    return used_q


def veto_rows(tagger: _Recording, data: list[tuple[Doc, list[GoldAttribution]]]) -> list[tuple[dict, str]]:
    """(features, T|F) for every quote of the rules on `data`, extracted beside the tagger: T when it matches a gold one."""
    from whosaid.quotes.attribution import extract_quotes

    rows = []
    for doc, gold in data:
        tagger.seen = []
        extract_quotes(doc, tagger=tagger)
        hit = matched_quotes(doc, [q for _, q in tagger.seen], gold)
        rows += [(f, "T" if k in hit else "F") for k, (f, _) in enumerate(tagger.seen) if f]
    return rows


def train_veto(rows: list[tuple[dict, str]], config: dict, out: Path) -> None:
    """The veto of rule quotes: a maximum-entropy classifier like the filter."""
    _train((([f], [label]) for f, label in rows), dict(config["veto"]), out / VETO_FILE)


def folds(n: int, k: int, seed: int) -> list[list[int]]:
    """Document indices in k folds, shuffled with the seed."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [sorted(order[f::k]) for f in range(k)]


def inputs_digest(data: list[tuple[Doc, list[GoldAttribution]]]) -> str:
    """SHA-256 over what the taggers see besides the text: the feature version, the lexicon and the rules' hints."""
    from whosaid.quotes.attribution import rule_hints

    h = hashlib.sha256(FEATURES_VERSION.encode())
    h.update((Path(__file__).parent.parent / "resources" / "cues.tsv").read_bytes())
    for doc, _ in data:
        for hint in rule_hints(doc):
            h.update(repr((hint.cue, sorted(hint.content), hint.source, hint.lemma)).encode())
    return h.hexdigest()


def cross_fit(data: list[tuple[Doc, list[GoldAttribution]]], config: dict, work: Path,
              corpus_digest: str) -> list[tuple[Path, list[tuple[dict, str]]]]:
    """For each fold: taggers trained on the other folds (in `work`) and the filter rows of their candidates on it.

    Kept in `work` under a key of the corpus, the config and the features' inputs (inputs_digest), so a second run
    (the benchmark's --cv) reuses them.
    """
    key = hashlib.sha256(json.dumps([corpus_digest, inputs_digest(data), config["seed"], config["folds"],
                                     config["cue"], config["span"], config["decode"]["cue_min"]], sort_keys=True).encode())
    base = work / key.hexdigest()[:16]
    out = []
    for f, test in enumerate(folds(len(data), config["folds"], config["seed"])):
        fold = base / f"fold{f}"
        rows_file = fold / "filter_rows.jsonl"
        if not rows_file.is_file():
            held = set(test)
            train_taggers([d for k, d in enumerate(data) if k not in held], config, fold)
            (fold / META_FILE).write_text(json.dumps({"config": config}), encoding="utf-8")
            rows = filter_rows(QuoteTagger(fold), [data[k] for k in test])
            rows_file.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        rows = [tuple(json.loads(line)) for line in rows_file.read_text(encoding="utf-8").splitlines()]
        out.append((fold, rows))
    return out


def _decoding(tagger: QuoteTagger, config: dict) -> QuoteTagger:
    tagger.keep_min = float(config["decode"]["keep_min"])  # the config's, not the ones the fold was cached with
    tagger.veto_min = float(config["decode"].get("veto_min", 0.0))
    return tagger


def fold_veto_rows(data, config: dict, work: Path, corpus_digest: str) -> tuple[list[Path], list[list[tuple[dict, str]]]]:
    """(fold folders, veto rows per fold): each fold's rule quotes, extracted with the taggers and a filter trained
    without it."""
    fitted = cross_fit(data, config, work, corpus_digest)
    parts = folds(len(data), config["folds"], config["seed"])
    rows = []
    for f, test in enumerate(parts):
        fold = fitted[f][0]
        if not (fold / FILTER_FILE).is_file():
            train_filter([r for g, (_, fold_rows) in enumerate(fitted) if g != f for r in fold_rows], config, fold)
        (fold / VETO_FILE).unlink(missing_ok=True)
        rows.append(veto_rows(_decoding(_Recording(fold), config), [data[k] for k in test]))
    return [fold for fold, _ in fitted], rows


def fold_taggers(data, config: dict, work: Path, corpus_digest: str) -> list[tuple[list[int], QuoteTagger]]:
    """(held-out document indices, tagger) per fold: taggers from the other folds, a filter and a veto from their rows."""
    fitted, rows = fold_veto_rows(data, config, work, corpus_digest)
    out = []
    for f, test in enumerate(folds(len(data), config["folds"], config["seed"])):
        train_veto([r for g, fold_rows in enumerate(rows) if g != f for r in fold_rows], config, fitted[f])
        out.append((test, _decoding(QuoteTagger(fitted[f]), config)))
    return out


def read_config(path: Path) -> dict:
    """The training config (TOML)."""
    return tomllib.loads(path.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    """Train the shipped model (or one in --out) from a PolNeAR split."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--config", type=Path, default=None, help="training config (TOML)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="PolNeAR split folder (text/, attributions/)")
    ap.add_argument("--out", type=Path, default=None, help="model folder (default: the package's resources)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "whosaid-quotemodel",
                    help="folder for the parses and the cross-fitted fold models (reused by the benchmark's --cv)")
    args = ap.parse_args(argv)
    from whosaid.nlp import bare_pipeline_name

    out = args.out or Path(str(MODEL_DIR))
    shipped = Path(str(MODEL_DIR)) / "config.toml"
    config_path = args.config or (out / "config.toml" if (out / "config.toml").is_file() else shipped)
    config = read_config(config_path)
    out.mkdir(parents=True, exist_ok=True)
    if not (out / "config.toml").is_file():  # a new model folder says how it was trained
        (out / "config.toml").write_text(config_path.read_text(encoding="utf-8"), encoding="utf-8")
    files = corpus_files(args.corpus)
    corpus_digest = digest(files)
    t0 = time.perf_counter()
    data = load_corpus(args.corpus, args.work)
    fitted = cross_fit(data, config, args.work, corpus_digest)
    rows = [r for _, fold_rows in fitted for r in fold_rows]
    vetoed = [r for fold_rows in fold_veto_rows(data, config, args.work, corpus_digest)[1] for r in fold_rows]
    timing = train_taggers(data, config, out)
    train_filter(rows, config, out)
    train_veto(vetoed, config, out)
    meta = {
        "trained_on": {"corpus": f"PolNeAR v1.0.0, {args.corpus.name} split", "documents": len(files),
                       "attributions": sum(len(g) for _, g in data), "sha256": corpus_digest},
        "pipeline": bare_pipeline_name(),
        "config": config,
        "filter_rows": {"candidates": len(rows), "attributions": sum(1 for _, y in rows if y == "T")},
        "veto_rows": {"rule_quotes": len(vetoed), "attributions": sum(1 for _, y in vetoed if y == "T")},
        "timing": {**timing, "total_s": round(time.perf_counter() - t0, 1)},
        "retrain": "python -m whosaid.quotes.train --corpus ../shared/corpora/polnear/train",
    }
    (out / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"model": str(out), **meta["trained_on"], **meta["timing"]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
