"""Missed attributions on PolNeAR train whose cue IS in the lexicon, grouped by construction.

Usage: python benchmarks/quote_misses.py [--offset N] [--docs N] [--rules-only] [--examples K] [--work DIR]

Extracts quotes from train documents offset..offset+docs (the parses `python -m whosaid.quotes.train` caches in
--work are reused when there, otherwise only those documents are parsed), matches them to the gold as the shared scorer does (one-to-one, greedy by
character overlap, Dice >= 0.5), and sorts each missed gold attribution into a kind: direct quote, cue not in
the lexicon, found with other boundaries (a prediction overlaps it), or a listed cue in a construction the rules
do not recognise. The last are grouped by construction: the cue's part of speech and tag, its dependency relation
to its head, how the content hangs from the cue (the content head's relation to the cue, or the cue's relation
to the content head), passive voice, whether the rules find a subject, and whether the frame is in the cue's
lexicon row. Wrong sources of matched attributions are sorted too: none found, a pronoun where the gold names the
person, another name, a description, and so on, and whether the predicted cue is the gold's (else a neighbouring or
nested attribution took the match). Prints counts by kind and by construction (with examples), then one JSON line.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "polnear"
QUOTES = set("\"“”‘’'«»")


def dice_overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> tuple[int, float]:
    """Character overlap of two span lists and its Dice coefficient."""
    o = sum(max(0, min(x[1], y[1]) - max(x[0], y[0])) for x in a for y in b)
    total = sum(e - s for s, e in a) + sum(e - s for s, e in b)
    return o, (2 * o / total if total else 0.0)


def is_direct(text: str, spans: list[tuple[int, int]]) -> bool:
    """The scorer's test: the content starts and ends with a quotation mark."""
    t = text[spans[0][0]:spans[-1][1]].strip().rstrip(".,;:")
    return len(t) > 2 and t[0] in QUOTES and t[-1] in QUOTES


def content_head(doc, ids: set[int]):
    """The content token whose head lies outside the content (the first such), or None."""
    for i in sorted(ids):
        t = doc[i]
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return None


def wrong_source_kind(doc, gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> str:
    """What a wrong predicted source is beside the gold's: none, a pronoun, a name or a description."""
    from whosaid.quotes.speakers import RELATIVE

    def tokens(spans):
        return [t for s, e in spans for t in (doc.char_span(s, e, alignment_mode="expand") or []) if not t.is_punct]

    g, p = tokens(gold), tokens([tuple(x) for x in pred])
    if not p:
        return "no source found"
    if len(g) == 1 and g[0].lower_ in RELATIVE:
        return "a relative who/which/that in the gold"
    g_pron = all(t.pos_ == "PRON" for t in g)
    p_pron = all(t.pos_ == "PRON" for t in p)
    g_name, p_name = any(t.pos_ == "PROPN" for t in g), any(t.pos_ == "PROPN" for t in p)
    if p_pron:
        return ("another mention's pronoun" if g_pron else "a pronoun where the gold names the person" if g_name
                else "a pronoun where the gold has a description")
    if p_name:
        return "a name where the gold has a pronoun" if g_pron else "another name" if g_name else \
            "a name where the gold has a description"
    return "a description or other noun"


def construction(doc, cue_tok, content: set[int]) -> str:
    """A label for how a listed cue token relates to its content in the parse."""
    from whosaid.quotes.attribution import _subject
    from whosaid.quotes.cues import cue_for

    entry = cue_for(cue_tok)
    head = content_head(doc, content)
    if head is None:
        rel = "no-content-head"
    elif head.head.i == cue_tok.i:
        rel = f"content<-{head.dep_}"
    elif cue_tok.head.i == head.i or cue_tok.i in {t.i for t in head.subtree}:
        rel = f"cue-inside-content:{cue_tok.dep_}"
    elif any(a.i == cue_tok.i for a in head.ancestors):
        rel = f"content-deeper:{head.dep_}<-{head.head.dep_}"
    else:
        rel = "content-apart"
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in cue_tok.children)
    frame = rel.split("<-")[-1] if rel.startswith("content<-") else ""
    in_frames = frame in entry.frames or (frame in ("prep",) and any(f.startswith("prep:") for f in entry.frames))
    subj = "subj" if _subject(cue_tok) is not None else "nosubj"
    return (f"{entry.pos} {cue_tok.tag_} dep={cue_tok.dep_} {rel}{' passive' if passive else ''} {subj}"
            f"{'' if in_frames or not frame else ' frame-not-listed'}")


def main(argv: list[str] | None = None) -> int:
    """Count the misses and print them by kind and construction."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--offset", type=int, default=0, help="first train document (in name order)")
    ap.add_argument("--docs", type=int, default=300, help="how many train documents")
    ap.add_argument("--rules-only", action="store_true", help="without the learned tagger")
    ap.add_argument("--examples", type=int, default=2, help="examples printed per construction")
    ap.add_argument("--top", type=int, default=25, help="constructions printed")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "whosaid-quotemodel")
    args = ap.parse_args(argv)
    split_dir = CORPUS / "train"
    if not split_dir.exists():
        print(f"PolNeAR not found under {SHARED}: nothing to count")
        return 0
    from whosaid.quotes.attribution import extract_quotes
    from whosaid.quotes.cues import cue_for
    from whosaid.quotes.speakers import resolve_speakers
    from whosaid.quotes.train import corpus_files, load_corpus, parse_brat

    files = corpus_files(split_dir)[args.offset:args.offset + args.docs]
    if list(args.work.glob("train-*.spacy")):  # the training parses, cached: no parsing at all
        docs = [d for d, _ in load_corpus(split_dir, args.work)][args.offset:args.offset + args.docs]
    else:
        from whosaid.nlp import load_nlp
        docs = list(load_nlp().pipe((t.read_text(encoding="utf-8") for t, _ in files), batch_size=16))
    chosen = [((doc, None), f) for doc, f in zip(docs, files)]
    kinds: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    wrong_cue: Counter[bool] = Counter()
    wrong_examples: dict[str, list[str]] = defaultdict(list)
    groups: dict[str, list[str]] = defaultdict(list)
    for (doc, _), (_, ann) in chosen:
        text = doc.text
        quotes, _ = resolve_speakers(doc, extract_quotes(doc, tagger=not args.rules_only))
        kept = [q for q in quotes if q.content_spans]
        preds = [[tuple(s) for s in q.content_spans] for q in kept]
        golds = parse_brat(ann.read_text(encoding="utf-8"))
        pairs = sorted(((dice_overlap(g["content"], p)[0], gi, pi) for gi, g in enumerate(golds)
                        for pi, p in enumerate(preds)), reverse=True)
        used_g, used_p = set(), set()
        for o, gi, pi in pairs:
            if o and gi not in used_g and pi not in used_p and dice_overlap(golds[gi]["content"], preds[pi])[1] >= 0.5:
                used_g.add(gi)
                used_p.add(pi)
                if golds[gi]["source"]:
                    kinds["with source"] += 1
                    ok = dice_overlap(golds[gi]["source"], [tuple(s) for s in kept[pi].speaker_spans])[0] > 0
                    kinds["source ok"] += ok
                    if not ok:
                        kind = wrong_source_kind(doc, golds[gi]["source"], kept[pi].speaker_spans)
                        same_cue = dice_overlap(golds[gi]["cue"], [tuple(s) for s in kept[pi].cue_spans])[0] > 0
                        wrong[kind] += 1
                        wrong_cue[same_cue] += 1
                        src = " ".join(text[s:e] for s, e in kept[pi].speaker_spans) or "-"
                        wrong_examples[kind].append(f"gold [{' '.join(text[s:e] for s, e in golds[gi]['source'])}]"
                                                    f" predicted [{src}] (cue [{' '.join(text[s:e] for s, e in kept[pi].cue_spans)}])")
        kinds["gold"] += len(golds)
        kinds["matched"] += len(used_g)
        kinds["pred"] += len(preds)
        for gi, g in enumerate(golds):
            if gi in used_g:
                continue
            snippet = text[g["content"][0][0]:g["content"][-1][1]].replace("\n", " ")[:90]
            cue_text = " ".join(text[s:e] for s, e in g["cue"])
            if is_direct(text, g["content"]):
                kinds["direct quote missed"] += 1
                continue
            if any(dice_overlap(g["content"], p)[0] for p in preds):
                kinds["found with other boundaries"] += 1
                continue
            cue_toks = [t for s, e in g["cue"] for t in (doc.char_span(s, e, alignment_mode="expand") or [])]
            if any(t.lower_ == "according" for t in cue_toks):
                listed = [t for t in cue_toks if t.lower_ == "according"]
            else:
                listed = [t for t in cue_toks if cue_for(t) is not None]
            if not listed:
                kinds["cue not in lexicon"] += 1
                continue
            kinds["listed cue, construction not recognised"] += 1
            content = {t.i for s, e in g["content"] for t in (doc.char_span(s, e, alignment_mode="expand") or [])
                       if not t.is_space}
            tok = listed[0]
            label = "according to" if tok.lower_ == "according" else construction(doc, tok, content)
            groups[label].append(f"[{cue_text}] {snippet}")
    print(f"PolNeAR train documents {args.offset}..{args.offset + len(chosen) - 1}: {kinds['gold']} gold, "
          f"{kinds['matched']} matched ({'rules only' if args.rules_only else 'rules + tagger'})")
    p, r = kinds["matched"] / max(kinds["pred"], 1), kinds["matched"] / max(kinds["gold"], 1)
    kinds["overlap_p"], kinds["overlap_r"] = round(p, 4), round(r, 4)
    kinds["overlap_f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    kinds["source_acc"] = round(kinds["source ok"] / max(kinds["with source"], 1), 4)
    print(f"  content overlap P/R/F1 {p:.3f} / {r:.3f} / {kinds['overlap_f1']:.3f}, source accuracy "
          f"{kinds['source_acc']:.3f} (matched as the shared scorer does)")
    for k in ("direct quote missed", "found with other boundaries", "cue not in lexicon",
              "listed cue, construction not recognised"):
        print(f"  {k:42} {kinds[k]}")
    print("listed cues by construction (cue POS, tag, dependency, content relation):")
    for label, items in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:args.top]:
        print(f"  {len(items):4}  {label}")
        for ex in items[:args.examples]:
            print(f"          {ex}")
    print(f"wrong sources by kind ({sum(wrong.values())}; {wrong_cue[True]} with the gold's cue, {wrong_cue[False]} "
          f"from another cue whose content matched):")
    for kind, n in wrong.most_common():
        print(f"  {n:4}  {kind}")
        for ex in wrong_examples[kind][:args.examples]:
            print(f"          {ex}")
    by_rel: Counter[str] = Counter()
    for label, items in groups.items():
        by_rel[label.split(" ")[3] if label != "according to" else label] += len(items)
    print("by content relation: " + ", ".join(f"{k} {v}" for k, v in by_rel.most_common(12)))
    print(json.dumps({"benchmark": "quote_misses", "split": "train", "offset": args.offset, "docs": len(chosen),
                      **{k.replace(" ", "_").replace(",", ""): v for k, v in kinds.items()},
                      "wrong_sources": dict(wrong.most_common()), "wrong_sources_same_cue": wrong_cue[True],
                      "constructions": {k: len(v) for k, v in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:10]}}))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
